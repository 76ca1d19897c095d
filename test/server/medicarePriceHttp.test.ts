import { realContent } from '../helpers/content';
import { cardJson, DirectLineTestClient, hasCard, inJson, messageTexts } from '../helpers/directLine';
import { useTestServer } from '../helpers/server';

const content = realContent();

describe('what Medicare pays, over the local Direct Line channel', () => {
  const server = useTestServer();

  it('an ER visit billed $1,450 under 99284 in Ohio: the Medicare amount, the percent above it and a fair price, on the bill check card and in the script', async () => {
    const user = await DirectLineTestClient.opened(server.baseUrl, 'u-medicare-1');
    await user.say('1');
    // A hospital: her state first, to look it up in CMS's list (issue 23), where it is none of those offered.
    const intake = [
      'Mercy General Hospital', 'Hospital', 'Ohio', content.text('intake.hospital.none'), 'Not sure', 'September 1, 2026', 'October 1, 2026', '$1,450', 'not sure',
      'None / self-pay', 'No', 'Yes, I have it', 'No',
    ];
    for (const answer of intake) await user.say(answer);
    await user.say(content.text('lines.offer.add'));
    await user.say('9/1/2026, 99284, ER visit, 1, $1,450');
    await user.say(content.text('lines.entry.done'));
    // Ohio has one Medicare area: no question; the coach says it looked the code up.
    const priced = messageTexts(await user.say(content.text('lines.notReceived.none'))).join('\n');
    expect(priced).toContain(content.text('prices.medicare.intro'));

    const check = cardJson(await user.say(content.text('prices.offer.skip'), hasCard));
    expect(check).toContain(inJson(content.text('prices.medicare.above', { charge: '$1,450', medicare: '$117.03', percent: '1,139', ask: '$234.06' })));
    expect(check).toContain(inJson(content.text('findings.aboveMedicare.title')));

    await user.say('2');
    for (const answer of ['2', '$2,500', 'Per month', 'Yes', 'skip', 'skip']) await user.say(answer);
    const script = cardJson(await user.say('Use this', hasCard));
    expect(script).toContain(inJson(content.text('prices.medicare.say', {
      service: `99284 · ${content.text('serviceLabels.services.er4.label')}`, medicare: '$117.03', place: 'Ohio', charge: '$1,450', percent: '1,139', ask: '$234.06', times: content.text('prices.times.p200'),
    })));
  });
});
