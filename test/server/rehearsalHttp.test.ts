import { realContent } from '../helpers/content';
import { DirectLineTestClient, DlActivity, messageTexts } from '../helpers/directLine';
import { useTestServer } from '../helpers/server';

const content = realContent();
const hasReport = (m: DlActivity[]) =>
  m.some((a) => a.attachments?.some((x) => JSON.stringify(x.content).includes(content.text('rehearsal.report.title', { scenario: 'Insurer, about the EOB' }))));

describe('step 4 over the local Direct Line channel', () => {
  const server = useTestServer();

  it('goes from the menu through a role-play to the report card', async () => {
    const user = await DirectLineTestClient.opened(server.baseUrl, 'u-rehearsal-1');
    await user.say('4 · Rehearse the call');
    const turns = [
      "Hi, I'm calling about my claim, member ID 8812. Could you check it?",
      'Could you send me the itemized claim details?',
      'Can you put that in writing and send it to me?',
    ];
    // Each reply of the representative arrives with its coaching in one message (replyCoalescing.ts).
    await user.say('Insurer, about the EOB', (m) => m.length >= 1);
    for (const answer of turns) await user.say(answer, (m) => m.length >= 1);
    const end = await user.say("What's your name and the reference number?", (m) => hasReport(m) && m.some((a) => a.suggestedActions));
    expect(messageTexts(end)).toContain(content.text('rehearsal.report.ask'));
  });
});
