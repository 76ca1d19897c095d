import { buttons, createHarness, Harness, lastPrompt, texts, startsWith } from '../helpers/botHarness';

/**
 * Step 1 up to the date of care; the harness's today is Friday, November 27, 2026. A hospital: her state first, to look
 * it up in CMS's list (issue 23), where it is "None of these".
 */
async function inStep1(): Promise<Harness> {
  const h = createHarness();
  await h.join();
  await h.say('1');
  for (const answer of ['Mercy General Hospital', 'Hospital or ER', 'Ohio', 'None of these', 'yes']) await h.say(answer);
  return h;
}

const DONE_CASE = {
  provider: { name: 'Mercy General', kind: 'doctor' }, serviceDate: '2026-09-01', firstBillDate: '2026-10-01', balanceCents: 240000,
  dueDate: '2026-12-31', insurance: 'employer', inCollections: 'no', state: 'OH', documents: { itemizedBill: 'have', eob: 'have' },
  eob: { status: 'processed', patientOwesCents: 85000, billedCents: 240000, allowedCents: 150000, planPaidCents: 65000, split: 'no', emergency: 'yes', outOfNetworkAtInNetwork: 'no' },
  offer: { cashAvailableCents: 50000, monthlyBudgetCents: 10000 },
  progress: { gather: 'done', offer: 'done' },
};

describe('every question has a way back, and what was inferred is said back', () => {
  it('"yesterday" is said back with its weekday, and "back" re-asks it with the answer shown', async () => {
    const h = await inStep1();
    const replies = await h.say('yesterday');
    expect(texts(replies)[0]).toEqual(startsWith(h.content.text('answers.sayBack', { value: 'Thursday, November 26, 2026' })));
    expect(buttons(lastPrompt(replies))).toContain(h.content.text('answers.back'));

    const back = texts(await h.say('Back'));
    expect(back[0]).toContain(h.content.text('answers.changing', { value: 'November 26, 2026' }));
    expect(back[0]).toContain(h.content.text('intake.serviceDate.ask'));
    const after = texts(await h.say('March 3, 2026'));
    expect(after.join('\n')).not.toContain(h.content.text('answers.sayBack', { value: 'Tuesday, March 3, 2026' })); // typed in full: nothing to say back
    expect(after[0]).toContain(h.content.text('intake.firstBillDate.ask'));
    expect((await h.activeCase())?.serviceDate).toBe('2026-03-03');
  });

  it('a first bill "before the care" offers to change the date of care, then asks for the bill date again: no loop, no new case', async () => {
    const h = await inStep1();
    await h.say('yesterday'); // taken as the date of service: she meant the date of the visit in March
    const problem = await h.say('April 10, 2026');
    expect(texts(problem)[0]).toEqual(startsWith(h.content.text('intake.problems.billBeforeService', { serviceDate: 'November 26, 2026' })));
    const change = h.content.text('intake.serviceDate.change');
    expect(buttons(lastPrompt(problem))).toEqual(expect.arrayContaining([change, h.content.text('answers.back')]));

    expect(texts(await h.say(change))[0]).toContain(h.content.text('answers.changing', { value: 'November 26, 2026' }));
    expect(texts(await h.say('March 3, 2026'))[0]).toContain(h.content.text('intake.firstBillDate.ask'));
    expect(texts(await h.say('April 10, 2026'))[0]).toContain(h.content.text('intake.balance.ask'));
    const profile = await h.profile();
    expect(profile?.cases).toHaveLength(1);
    expect(profile?.cases[0]).toMatchObject({ serviceDate: '2026-03-03', firstBillDate: '2026-04-10' });
  });

  it('"change my answer" typed at a question means back; at the first question there is nothing before it, and it says how to go further back', async () => {
    const h = await inStep1();
    await h.say('March 3, 2026');
    expect(texts(await h.say('change my answer'))[0]).toContain(h.content.text('answers.changing', { value: 'March 3, 2026' }));
    const fresh = createHarness();
    await fresh.join();
    await fresh.say('1');
    expect(texts(await fresh.say('back'))[0]).toEqual(startsWith(fresh.content.text('answers.firstQuestion')));
  });

  it('while changing an answer, "Back" keeps it as it was', async () => {
    const h = await inStep1();
    await h.say('March 3, 2026');
    await h.say('back');
    const kept = texts(await h.say('Back'));
    expect(kept[0]).toEqual(startsWith(h.content.text('answers.kept')));
    expect((await h.activeCase())?.serviceDate).toBe('2026-03-03');
  });
});

describe('"Change an answer" from "my case"', () => {
  async function seeded(fields: Record<string, unknown> = DONE_CASE): Promise<Harness> {
    const h = createHarness();
    await h.seedCase(fields);
    await h.join();
    return h;
  }

  it('the balance: picked from a list that shows every answer, changed, and the steps that used it are marked to redo', async () => {
    const h = await seeded();
    const parts = await h.say({ value: { command: 'changeAnswer' } });
    expect(texts(parts)[0]).toBe(h.content.text('change.whichPart'));
    const list = texts(await h.say(h.content.text('change.parts.bill')))[0] ?? '';
    expect(list).toContain(h.content.text('change.line', { number: 5, label: h.content.text('intake.balance.label'), value: '$2,400' }));
    expect(texts(await h.say(h.content.text('intake.balance.label')))[0]).toContain(h.content.text('answers.changing', { value: '$2,400' }));
    const done = texts(await h.say('about 2,100'));
    expect(done[0]).toEqual(startsWith([h.content.text('answers.sayBack', { value: '$2,100' }), h.content.text('change.savedRedo', { steps: `${h.content.text('change.steps.gather')}${h.content.text('answers.and')}${h.content.text('change.steps.offer')}` })].join('\n\n')));
    const saved = await h.activeCase();
    expect(saved).toMatchObject({ balanceCents: 210000, progress: { gather: 'in_progress', offer: 'in_progress' } });
    expect(saved?.eob).toMatchObject(DONE_CASE.eob); // nothing else touched
  });

  it('a changed EOB figure re-checks the ones it contradicts: billed below allowed re-asks allowed, its old value kept until changed', async () => {
    const h = await seeded();
    await h.say('change an answer');
    await h.say(h.content.text('change.parts.eob'));
    await h.say(h.content.text('eob.billed.label'));
    const recheck = texts(await h.say('$1,200'));
    expect(recheck[0]).toEqual(startsWith(h.content.text('eob.problems.allowedAboveBilled', { billed: '$1,200', allowed: '$1,500' })));
    expect(recheck[0]).toContain(h.content.text('answers.changing', { value: '$1,500' }));
    expect((await h.activeCase())?.eob?.allowedCents).toBe(150000);
    await h.say('$1,000');
    expect((await h.activeCase())?.eob).toMatchObject({ billedCents: 120000, allowedCents: 100000 });
  });

  it('a provider kind changed to "Hospital or ER" asks the new question it brings (nonprofit), and nothing else', async () => {
    const h = await seeded();
    await h.say('change an answer');
    await h.say(h.content.text('change.parts.bill'));
    await h.say(h.content.text('intake.providerKind.label'));
    // A hospital now: it is looked up in CMS's list first (issue 23), where it is "None of these".
    expect(texts(await h.say('Hospital or ER'))[0]).toContain(h.content.text('intake.hospital.ask', { name: 'Mercy General', state: 'Ohio' }));
    expect(texts(await h.say('None of these')).join('\n')).toContain(h.content.text('intake.nonprofit.ask').slice(0, 30));
    const done = texts(await h.say('yes'));
    expect(done.join('\n')).toContain(h.content.text('change.steps.gather'));
    expect((await h.activeCase())?.provider).toMatchObject({ kind: 'hospital', nonprofit: 'yes' });
  });

  it('"never mind" changes nothing; a case with no answers has nothing to change', async () => {
    const h = await seeded();
    await h.say('change an answer');
    expect(texts(await h.say(h.content.text('change.neverMind')))[0]).toEqual(startsWith(h.content.text('change.unchanged')));
    expect(await h.activeCase()).toMatchObject({ balanceCents: 240000, progress: { gather: 'done' } });
    const empty = createHarness();
    await empty.seedCase({});
    await empty.join();
    expect(texts(await empty.say('change an answer'))[0]).toEqual(startsWith(empty.content.text('change.nothing')));
  });
});

describe('"Delete this case" deletes one case', () => {
  it('the other case stays and becomes the active one, with its reminders; the deleted one\'s reminders go', async () => {
    const h = createHarness();
    await h.seedCase({ ...DONE_CASE });
    await h.join();
    await h.say('new case');
    await h.say('Lakeside Clinic');
    const profile = await h.profile();
    const [first, second] = profile?.cases ?? [];
    await h.reminderStore.add({ id: `webchat/user-1|${second?.id}-F1`, owner: 'webchat/user-1', dueAt: '2026-12-04T14:00:00.000Z', reference: {}, vars: {} });
    await h.reminderStore.add({ id: `webchat/user-1|${first?.id}-F1`, owner: 'webchat/user-1', dueAt: '2026-12-05T14:00:00.000Z', reference: {}, vars: {} });

    expect(texts(await h.say({ value: { command: 'deleteCase' } }))[0]).toBe(h.content.text('deleteCase.confirm', { caseLabel: 'Lakeside Clinic' }));
    const done = texts(await h.say(h.content.text('deleteCase.yes')));
    expect(done[0]).toBe(h.content.text('deleteCase.doneOther', { caseLabel: 'Lakeside Clinic', otherLabel: 'Mercy General' }));
    expect(done.join('\n')).toContain('Mercy General'); // and the menu is back, on the remaining case
    const after = await h.profile();
    expect(after?.cases.map((c) => c.label)).toEqual(['Mercy General']);
    expect(after?.activeCaseId).toBe(first?.id);
    expect((await h.reminderStore.all()).map((r) => r.id)).toEqual([`webchat/user-1|${first?.id}-F1`]);
  });

  it('"no" keeps it, and a stray number is not a yes', async () => {
    const h = createHarness();
    await h.seedCase({ ...DONE_CASE });
    await h.join();
    await h.say('delete this case');
    expect(texts(await h.say('1'))[0]).toBe(h.content.text('deleteCase.confirmRetry'));
    expect(texts(await h.say('no'))[0]).toEqual(startsWith(h.content.text('deleteCase.kept')));
    expect((await h.profile())?.cases).toHaveLength(1);
  });
});

describe('changing an answer in each step re-checks what used it', () => {
  const PREPARED = {
    ...DONE_CASE,
    assistance: { householdSize: 3, incomeCents: 4000000, incomePeriod: 'year', annualIncomeCents: 4000000 },
    progress: { gather: 'done', callPrep: 'done', offer: 'done' },
  };

  async function change(part: string, label: string, answer: string): Promise<{ h: Harness; done: string[] }> {
    const h = createHarness();
    await h.seedCase(PREPARED);
    await h.join();
    await h.say('change an answer');
    await h.say(h.content.text(`change.parts.${part}`));
    await h.say(label);
    return { h, done: texts(await h.say(answer)) };
  }

  it('step 2: a new household size puts the call plan back to redo, and nothing else', async () => {
    const { h, done } = await change('screen', 'Household size', '4');
    expect(done[0]).toEqual(startsWith(h.content.text('change.savedRedo', { steps: h.content.text('change.steps.callPrep') })));
    expect(await h.activeCase()).toMatchObject({ assistance: { householdSize: 4 }, progress: { gather: 'done', callPrep: 'in_progress', offer: 'done' } });
  });

  it('step 2: a new income with its period replaces both', async () => {
    const { h } = await change('screen', 'Income', '$2,900 a month');
    const assistance = (await h.activeCase())?.assistance;
    expect(assistance).toMatchObject({ incomeCents: 290000, incomePeriod: 'month' });
    expect(assistance?.annualIncomeCents).toBeUndefined(); // confirmed again as a yearly figure when step 2 is redone
  });

  it('step 3: more cash than she owes (the EOB\'s $850) is re-asked, then a new amount puts the offer back to redo', async () => {
    const h = createHarness();
    await h.seedCase(PREPARED);
    await h.join();
    await h.say('change an answer');
    await h.say(h.content.text('change.parts.offer'));
    await h.say(h.content.text('offer.cash.label'));
    expect(texts(await h.say('$5,000'))[0]).toEqual(startsWith(h.content.text('offer.problems.cashAboveBalance', { balance: '$850' })));
    const done = texts(await h.say('$800'));
    expect(done[0]).toEqual(startsWith(h.content.text('change.savedRedo', { steps: h.content.text('change.steps.offer') })));
    expect(await h.activeCase()).toMatchObject({ offer: { cashAvailableCents: 80000, monthlyBudgetCents: 10000 }, progress: { offer: 'in_progress' } });
  });

  it('step 5: while logging a call, "back" re-asks the previous question with its answer', async () => {
    const h = createHarness();
    await h.seedCase(PREPARED);
    await h.join();
    await h.say('5');
    await h.say(h.content.text('followUp.menu.log'));
    await h.say('today');
    await h.say('Dana');
    const back = texts(await h.say('back'));
    expect(back[0]).toContain(h.content.text('answers.changing', { value: 'Dana' }));
    expect(back[0]).toContain(h.content.text('followUp.call.who.ask'));
    await h.say('Dana K.');
    expect((await h.activeCase())?.callDraft).toMatchObject({ who: 'Dana K.' });
  });
});
