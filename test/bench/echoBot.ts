import restify from 'restify';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { ECHO_WELCOME, echoOf } from './echoText';

/**
 * The floor this stack costs: a bare echo bot on the same stack as Bill Coach (restify 11, bodyParser,
 * CloudAdapter with authentication off, replies POSTed to the activity's serviceUrl). Run as its own
 * process by the bench: `node dist/bench/test/bench/echoBot.js` with PORT and HOST.
 */
export async function startEchoBot(port: number, host: string): Promise<restify.Server> {
  const auth = new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' });
  const adapter = new CloudAdapter(auth);
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    await context.sendActivity(echoOf(context.activity.text ?? ''));
    await next();
  });
  bot.onMembersAdded(async (context, next) => {
    const { membersAdded = [], recipient } = context.activity;
    if (membersAdded.some((m) => m.id !== recipient?.id)) await context.sendActivity(ECHO_WELCOME);
    await next();
  });
  const server = restify.createServer({ name: 'echo' });
  server.use(restify.plugins.bodyParser());
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  server.get('/healthz', (_req, res, next) => {
    res.json({ status: 'ok' });
    return next();
  });
  await new Promise<void>((resolve) => server.listen(port, host, () => resolve()));
  return server;
}

if (require.main === module) {
  startEchoBot(Number(process.env.PORT ?? '0'), process.env.HOST ?? '127.0.0.1').then(
    (server) => {
      const stop = () => server.close(() => process.exit(0));
      process.on('SIGTERM', stop);
      process.on('SIGINT', stop);
    },
    (err: unknown) => {
      process.stderr.write(`echo bot could not start: ${String(err)}\n`);
      process.exit(1);
    },
  );
}
