import { realContent } from '../helpers/content';
import { cardJson, DirectLineTestClient, hasCard, inJson, messageTexts } from '../helpers/directLine';
import { useTestServer } from '../helpers/server';

const content = realContent();

/** After the hospital is picked: the rest of step 1 for a self-pay visit, then step 2 with nothing to screen. */
const REST = ['September 1, 2026', 'October 1, 2026', '$2,400', 'not sure', 'None / self-pay', 'No', 'Yes, I have it', 'skip', 'skip'];
const STEP_2 = ['2', 'not sure', 'not sure', 'skip', 'skip'];

async function nameHospital(user: DirectLineTestClient, typed: string, state: string, button: string): Promise<string> {
  await user.say('1');
  await user.say(typed);
  await user.say(content.text('intake.providerKind.choices.hospital'));
  const offer = await user.say(state);
  expect(JSON.stringify(offer)).toContain(JSON.stringify(button));
  return messageTexts(await user.say(button)).join('\n');
}

async function callPlan(user: DirectLineTestClient): Promise<string> {
  for (const answer of REST) await user.say(answer);
  await user.say(content.text('prices.offer.skip'), hasCard);
  for (const answer of STEP_2) await user.say(answer);
  return cardJson(await user.say('Use this', hasCard));
}

describe("CMS's hospital list, over the local Direct Line channel (issue 23)", () => {
  const server = useTestServer();

  it('a nonprofit hospital in Ohio: the nonprofit question is skipped with "yes", and the call plan carries its number', async () => {
    const user = await DirectLineTestClient.opened(server.baseUrl, 'u-hospital-1');
    const picked = await nameHospital(user, 'St Ritas Med Ctr', 'Ohio', content.text('intake.hospital.button', { name: 'Mercy Health St Ritas Medical Center', place: 'Lima, OH' }));
    expect(picked).toContain('(419) 227-3361');
    expect(picked).toContain(content.text('intake.serviceDate.ask'));
    expect(picked).not.toContain(content.text('intake.nonprofit.ask').slice(0, 30));
    const plan = await callPlan(user);
    expect(plan).toContain(inJson(content.text('script.who.hospital.financialAssistance', { hospital: 'Mercy Health St Ritas Medical Center', phone: '(419) 227-3361' })));
    expect(plan).toContain(inJson(content.text('script.asks.assistance')));
  });

  it('a for-profit hospital in Texas: the nonprofit question is skipped with "no", and the plan asks for a hardship discount at its number', async () => {
    const user = await DirectLineTestClient.opened(server.baseUrl, 'u-hospital-2');
    const picked = await nameHospital(user, 'laredo med center', 'Texas', content.text('intake.hospital.button', { name: 'Laredo Medical Center', place: 'Laredo, TX' }));
    expect(picked).toContain('(956) 796-5000');
    expect(picked).toContain(content.text('intake.hospital.ownership.proprietary').slice(0, 40));
    expect(picked).not.toContain(content.text('intake.nonprofit.ask').slice(0, 30));
    const plan = await callPlan(user);
    expect(plan).toContain(inJson(content.text('script.who.hospital.billingOffice', { hospital: 'Laredo Medical Center', phone: '(956) 796-5000' })));
    expect(plan).toContain(inJson(content.text('script.asks.hardshipDiscount')));
  });
});
