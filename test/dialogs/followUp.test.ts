import { Activity } from 'botbuilder';
import { createHarness, Harness, buttons, lastPrompt, texts, sayAll } from '../helpers/botHarness';

const CASE = { provider: { name: 'Mercy General', kind: 'hospital', nonprofit: 'yes' }, firstBillDate: '2026-10-01', balanceCents: 240000, insurance: 'uninsured', inCollections: 'yes', state: 'OH' };

async function atStep5(fields: Record<string, unknown> = CASE): Promise<Harness> {
  const h = createHarness();
  await h.seedCase(fields);
  await h.join();
  await h.say('5');
  return h;
}

const fileText = (replies: Partial<Activity>[], type: string) => {
  const file = replies.flatMap((a) => a.attachments ?? []).find((x) => x.contentType === type);
  return file ? Buffer.from(String(file.contentUrl).split(',')[1] ?? '', 'base64').toString('utf8') : undefined;
};

describe('step 5, follow-ups', () => {
  it('logs a call, proposes a follow-up a week later on a weekday, sets a reminder and gives a calendar file', async () => {
    const h = await atStep5();
    await h.say('Log a call');
    const propose = await sayAll(h, ['today', 'Dana', 'billing', 'REF-123', "They'll review the bill", 'They will look at the charges.']);
    // "Call logged", then the proposed date, in one message.
    expect(texts(propose)).toEqual([
      [h.content.text('followUp.saved', { date: 'November 27, 2026', who: ' with Dana', reference: ', reference REF-123' }), h.content.text('followUp.propose.ask', { date: 'December 4, 2026', days: 7 })].join('\n\n'),
    ]);
    const done = await h.say('Yes, December 4, 2026');
    expect(texts(done)[0]).toBe(h.content.text('followUp.scheduled', { date: 'December 4, 2026' }));
    const ics = fileText(done, 'text/calendar') ?? '';
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toMatch(/DTSTART;VALUE=DATE:20261204/);
    const saved = await h.activeCase();
    expect(saved?.calls).toEqual([expect.objectContaining({ date: '2026-11-27', who: 'Dana', department: 'billing', reference: 'REF-123', outcome: 'waitingReview' })]);
    expect(saved?.followUps).toEqual([expect.objectContaining({ due: '2026-12-04', kind: 'review', status: 'open' })]);
    expect(saved?.callDraft).toBeUndefined();
    const [reminder] = await h.reminderStore.all();
    expect(reminder).toMatchObject({ dueAt: '2026-12-04T09:00:00.000Z', status: 'pending', vars: { caseLabel: 'Mercy General', date: 'December 4, 2026' } });
    expect(buttons(lastPrompt(done))).toContain(h.content.text('followUp.menu.log'));
  });

  it('uses the user’s time zone for the reminder time', async () => {
    const h = await atStep5();
    await h.say('Log a call');
    const local = { localTimestamp: '2026-11-27T19:30:00-08:00' } as unknown as Partial<Activity>;
    for (const text of ['today', 'Dana', 'billing', 'none', "They'll review the bill", 'skip']) await h.say({ text, ...local });
    await h.say({ text: 'Yes, December 4, 2026', ...local });
    expect((await h.reminderStore.all())[0]?.dueAt).toBe('2026-12-04T17:00:00.000Z');
  });

  it('after an agreement: the "confirming our call" letter, filled from the log', async () => {
    const h = await atStep5();
    await h.say('Log a call');
    await sayAll(h, ['today', 'Dana', 'billing', 'REF-123', 'We agreed on something', 'They will accept $1,000 paid by December 10.']);
    const replies = await h.say('Yes, December 4, 2026');
    const letter = fileText(replies, 'text/plain') ?? '';
    expect(letter).toContain('Dear Dana,');
    expect(letter).toContain('(reference REF-123)');
    // Her notes speak to the person she called, and the letter asks what fits a settlement.
    expect(letter).toContain('You will accept $1,000 paid by December 10.');
    expect(letter).toContain(h.content.text('followUp.letter.kinds.settlement.ask'));
  });

  it('no progress: the escalation ladder, with the state attorney general and the CFPB for a bill in collections, then the disclaimer', async () => {
    const h = await atStep5();
    await h.say('Log a call');
    await sayAll(h, ['today', 'not sure', 'not sure', 'none', 'No progress', 'skip']);
    const ladder = texts(await h.say('Yes, December 1, 2026')).find((t) => t.startsWith(h.content.text('followUp.stuck.intro'))) ?? '';
    const steps = ['supervisor', 'financialServicesManager', 'patientAdvocate', 'writtenDispute', 'stateAttorneyGeneral', 'cfpbComplaint'];
    expect(ladder).toBe([
      h.content.text('followUp.stuck.intro'),
      ...steps.map((step, i) => `${i + 1}. ${h.content.text(`followUp.stuck.steps.${step}`)}`),
      '',
      h.content.text('callPrep.disclaimer'),
    ].join('\n'));
    // Uninsured: no state insurance department.
    expect(ladder).not.toContain(h.content.text('followUp.stuck.steps.stateInsuranceDepartment'));
  });

  it("I'm stuck, with a job-based plan and an ambulance bill: the state insurance department and the ground-ambulance note", async () => {
    const h = await atStep5({ ...CASE, provider: { name: 'County EMS', kind: 'ambulance' }, insurance: 'employer', inCollections: 'no' });
    const ladder = texts(await h.say("I'm stuck")).find((t) => t.startsWith(h.content.text('followUp.stuck.intro'))) ?? '';
    expect(ladder).toContain(h.content.text('followUp.stuck.steps.stateInsuranceDepartment'));
    expect(ladder).toContain(h.content.text('followUp.stuck.steps.groundAmbulance'));
    expect(ladder).toContain(h.content.text('followUp.stuck.steps.stateAttorneyGeneral'));
    expect(ladder).not.toContain(h.content.text('followUp.stuck.steps.cfpbComplaint'));
    expect(ladder).not.toContain(h.content.text('followUp.stuck.steps.patientAdvocate'));
    expect(ladder.endsWith(h.content.text('callPrep.disclaimer'))).toBe(true);
  });

  it('shows the dates that matter with how certain each is', async () => {
    const h = await atStep5();
    const text = texts(await h.say('Deadlines'))[0] ?? '';
    expect(text).toContain(h.content.text('followUp.deadlines.line', {
      date: 'May 29, 2027', what: h.content.text('followUp.deadlines.what.fapWindow'), certainty: h.content.text('followUp.deadlines.certainty.rule'),
      days: h.content.text('followUp.deadlines.daysLeft', { days: 183 }),
    }));
    expect(text).toContain(h.content.text('followUp.deadlines.certainty.approximate'));
    // The 120-day date is worded as "not before, and not until 30 days after a written notice".
    expect(text).toContain(h.content.text('followUp.deadlines.line', {
      date: 'January 29, 2027', what: h.content.text('followUp.deadlines.what.ecaWait'), certainty: h.content.text('followUp.deadlines.certainty.rule'),
      days: h.content.text('followUp.deadlines.daysLeft', { days: 63 }),
    }));
    expect(h.content.text('followUp.deadlines.what.ecaWait')).toMatch(/not until 30 days after a written notice/);
  });

  it('without a first bill date, says what it needs for the deadlines; without calls, for the letter', async () => {
    const h = await atStep5({ ...CASE, firstBillDate: undefined });
    // Each note leads step 5's own question again, in one message.
    const withAsk = (key: string) => [h.content.text(key), h.content.text('followUp.menu.ask')].join('\n\n');
    expect(texts(await h.say('Deadlines'))[0]).toBe(withAsk('followUp.deadlines.none'));
    expect(texts(await h.say('Confirmation letter'))[0]).toBe(withAsk('followUp.letter.none'));
    expect(texts(await h.say('Calendar file'))[0]).toBe(withAsk('followUp.calendar.none'));
  });

  it('"my case" shows the timeline: the call, the follow-up it set and the next deadline', async () => {
    const h = await atStep5();
    await h.say('Log a call');
    await sayAll(h, ['today', 'Dana', 'billing', 'none', 'I applied for assistance', 'skip', 'Yes, December 18, 2026']);
    const card = JSON.stringify((await h.say('my case')).flatMap((a) => a.attachments ?? []).map((a) => a.content));
    expect(card).toContain(h.content.text('card.timeline.call', {
      date: 'November 27, 2026',
      with: h.content.text('card.timeline.withBoth', { who: 'Dana', department: 'billing' }),
      reference: '',
      outcome: h.content.text('followUp.call.outcome.choices.assistanceApplied'),
    }));
    expect(card).toContain(h.content.text('card.timeline.followUp', { date: 'December 18, 2026', what: h.content.text('followUp.calendar.outcomes.assistance') }));
    expect(card).toContain(h.content.text('card.timeline.deadline', { date: 'January 29, 2027', what: h.content.text('card.timeline.deadlines.ecaWait'), certainty: '' }));
  });

  it('"delete my data" removes the user’s reminders too', async () => {
    const h = await atStep5();
    await h.say('Log a call');
    await sayAll(h, ['today', 'Dana', 'billing', 'none', "They'll review the bill", 'skip', 'Yes, December 4, 2026']);
    expect(await h.reminderStore.all()).toHaveLength(1);
    await h.say('delete my data');
    await h.say('yes');
    expect(await h.reminderStore.all()).toHaveLength(0);
  });
});

describe('bad answers in step 5 get one clear, specific re-ask, and nothing is lost', () => {
  async function atProposal(h: Harness): Promise<void> {
    await h.say('Log a call');
    await sayAll(h, ['today', 'Dana', 'billing', 'none', "They'll review the bill", 'skip', 'Pick another date']);
  }

  it.each([
    ['a follow-up date in the past', 'yesterday', 'followUp.propose.past'],
    ['a follow-up date more than a year away', 'December 1, 2028', 'followUp.propose.tooFar'],
    ['an impossible date', 'February 30', 'followUp.propose.unclear'],
    ['no date at all', 'whenever', 'followUp.propose.unclear'],
  ])('%s', async (_label, bad, key) => {
    const h = await atStep5();
    await atProposal(h);
    expect(texts(await h.say(bad))).toEqual([h.content.text(key)]);
    await h.say('December 15');
    expect((await h.activeCase())?.followUps[0]?.due).toBe('2026-12-15');
    expect((await h.activeCase())?.calls).toHaveLength(1);
  });

  it('a call date in the future, and an empty name', async () => {
    const h = await atStep5();
    await h.say('Log a call');
    expect(texts(await h.say('next Friday'))).toEqual([h.content.text('answers.date.future')]);
    await h.say('today');
    expect(texts(await h.say('...'))).toEqual([h.content.text('answers.text.empty')]);
    await h.say('Dana');
    expect((await h.activeCase())?.callDraft).toMatchObject({ date: '2026-11-27', who: 'Dana' });
  });
});
