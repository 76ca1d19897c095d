import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import { Logger } from '../logger';

/**
 * "Typing…" while a slow turn runs (after `delayMs`, then every `periodMs`). Unlike the SDK's
 * ShowTypingMiddleware, a typing indicator that cannot be delivered is only logged: it never runs the
 * turn's error handler (which would clear the dialog of a turn that is still running).
 */
export class TypingMiddleware implements Middleware {
  constructor(private readonly logger: Logger, private readonly delayMs = 1000, private readonly periodMs = 2000) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (context.activity.type !== ActivityTypes.Message) return next();
    // The context is revoked when the turn ends; a send still in flight must not touch it afterwards.
    const { channelId } = context.activity;
    let finished = false;
    let timer: NodeJS.Timeout | undefined;
    const schedule = (delay: number) => {
      timer = setTimeout(() => {
        if (finished) return;
        context.sendActivity({ type: ActivityTypes.Typing }).then(
          () => schedule(this.periodMs),
          (err: unknown) => this.logger.debug('turn.typing_failed', { channelId, errorName: err instanceof Error ? err.name : typeof err }),
        );
      }, delay);
    };
    schedule(this.delayMs);
    try {
      await next();
    } finally {
      finished = true;
      clearTimeout(timer);
    }
  }
}
