import { Activity } from 'botbuilder';
import { createHarness, texts, startsWith, sayAll } from '../helpers/botHarness';

/**
 * Everything a realistic insured ER visit needs, in the order step 1 asks. A hospital: her state comes right after
 * the kind, to look it up in CMS's list (issue 23), where she picks "None of these" and answers the nonprofit question.
 */
const INSURED_ER = [
  '1', 'Mercy General Hospital', 'Hospital or ER', 'Ohio', 'None of these', 'yes', 'March 3, 2026', 'April 10, 2026', '$2,400.50', 'December 15, 2026',
  'Employer plan', 'no', 'Yes, I have it',
  'Processed / paid', '$800', '$5,000', '$3,000', '$2,000', 'Add the split', '$500', '$0', '$300', 'yes', 'no',
];

const cardOf = (replies: Partial<Activity>[]) =>
  JSON.stringify(replies.flatMap((a) => a.attachments ?? []).find((x) => x.contentType === 'application/vnd.microsoft.card.adaptive')?.content ?? null);
const fileOf = (replies: Partial<Activity>[], name: string) => {
  const file = replies.flatMap((a) => a.attachments ?? []).find((x) => x.name === name);
  return file ? Buffer.from(String(file.contentUrl).split(',')[1] ?? '', 'base64').toString('utf8') : undefined;
};

describe('step 1, gather information: from the menu to the bill check', () => {
  it('an insured ER visit billed above the EOB ends with a saved bill check card and a file to keep', async () => {
    const h = createHarness();
    await h.join();
    // The step's intro, how many questions, and the first question: one message, as the user gets it.
    const first = texts(await h.say('1'));
    expect(first).toHaveLength(1);
    const [intro, count, question] = (first[0] ?? '').split('\n\n');
    expect(intro).toBe(h.content.text('checkCard.intro'));
    expect(question).toContain(h.content.text('intake.progress', { number: 1, total: 12 }));
    // Honest about its length: as many questions about the bill as the first one's "question 1 of N" counts.
    const total = Array.from({ length: 40 }, (_, i) => 40 - i).find((n) => question?.includes(h.content.text('intake.progress', { number: 1, total: n })));
    expect(count).toBe(h.content.text('checkCard.questionCount', { intake: total ?? 0, insured: 11, selfPay: 2 }));
    await sayAll(h, INSURED_ER.slice(1));
    expect(texts(await h.say('Add lines'))[0]).toBe(h.content.text('lines.entry.first'));
    await sayAll(h, ['3/3/2026, 99284, ER visit, 1, $1,200.00', '3/3/2026, 99284, ER visit, 1, $1,200.00', 'done', 'none']);
    const end = await h.say('Skip');
    const card = cardOf(end);
    expect(card).toContain(h.content.text('findings.balanceAboveEob.title'));
    expect(card).toContain(h.content.text('findings.noSurprisesEmergency.title'));
    expect(card).toContain(h.content.text('findings.duplicateLines.title'));
    expect(card).toContain('"version":"1.5"');
    const file = fileOf(end, h.content.text('checkCard.download.name'));
    expect(file).toContain(h.content.text('findings.balanceAboveEob.title'));
    expect(file).toContain('$1,600.50');
    expect(texts(end).at(-1)).toEqual(startsWith(h.content.text('checkCard.done')));

    const saved = await h.activeCase();
    expect(saved).toMatchObject({
      label: 'Mercy General Hospital', provider: { name: 'Mercy General Hospital', kind: 'hospital', nonprofit: 'yes' },
      serviceDate: '2026-03-03', firstBillDate: '2026-04-10', balanceCents: 240050, dueDate: '2026-12-15', insurance: 'employer',
      inCollections: 'no', state: 'OH', progress: { gather: 'done' },
      eob: { status: 'processed', patientOwesCents: 80000, split: 'yes', billedCents: 500000, allowedCents: 300000, planPaidCents: 200000, deductibleCents: 50000, copayCents: 0, coinsuranceCents: 30000, emergency: 'yes', outOfNetworkAtInNetwork: 'no' },
    });
    expect(saved?.billCheck?.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['balanceAboveEob', 'noSurprisesEmergency', 'duplicateLines']));

    // "my case" now shows the bill check.
    expect(cardOf(await h.say('my case'))).toContain(h.content.text('findings.balanceAboveEob.title'));
  });

  it('a self-pay visit billed $400+ over its Good Faith Estimate gets the dispute finding and its 120-day deadline', async () => {
    const h = createHarness();
    await h.seedCase({ provider: { name: 'City Imaging', kind: 'imaging' }, serviceDate: '2026-09-01', firstBillDate: '2026-10-01', balanceCents: 250000, dueDate: '2026-12-31', insurance: 'uninsured', inCollections: 'no', state: 'TX', documents: { itemizedBill: 'have' } });
    await h.join();
    await h.say('1');
    const estimateAsk = texts(await h.say('yes'));
    expect(estimateAsk[0]).toContain(h.content.text('eob.estimate.ask'));
    const end = await sayAll(h, ['$1,800', 'Skip', 'Skip']);
    const card = cardOf(end);
    expect(card).toContain(h.content.text('findings.goodFaithEstimateExceeded.title'));
    expect(card).toContain('January 29, 2027'); // 2026-10-01 + 120 days
  });

  it('a denied claim asks for the reason and puts "appeal first" at the top', async () => {
    const h = createHarness();
    await h.seedCase({ provider: { name: 'Mercy', kind: 'doctor' }, serviceDate: '2026-09-01', firstBillDate: '2026-10-01', balanceCents: 90000, dueDate: '2026-12-31', insurance: 'marketplace', inCollections: 'no', state: 'OH', documents: { itemizedBill: 'have' } });
    await h.join();
    await h.say('1');
    expect(texts(await h.say('Denied'))[0]).toContain(h.content.text('eob.denialReason.ask'));
    const end = await sayAll(h, ['CO-50 not medically necessary', 'no', 'no', 'Skip', 'Skip']);
    const card = JSON.parse(cardOf(end)) as { body: { text?: string }[] };
    const firstFinding = card.body.find((b) => b.text?.startsWith('**'))?.text;
    expect(firstFinding).toBe(`**${h.content.text('findings.claimDenied.title')}**`);
    expect((await h.activeCase())?.eob?.denialReason).toBe('CO-50 not medically necessary');
  });

  it('without an itemized bill the user gets what to ask for, a letter to keep, and a follow-up in about a week', async () => {
    const h = createHarness();
    await h.seedCase({ provider: { name: 'Mercy General', kind: 'doctor' }, serviceDate: '2026-03-03', firstBillDate: '2026-04-10', balanceCents: 90000, dueDate: '2026-12-31', insurance: 'employer', inCollections: 'no', state: 'OH' });
    await h.join();
    await h.say('1');
    const replies = await h.say('No');
    const all = texts(replies).join('\n');
    expect(all).toContain(h.content.text('itemized.whatToAsk'));
    expect(all).toContain(h.content.text('itemized.phone', { provider: 'Mercy General', serviceDate: 'March 3, 2026' }));
    expect(all).toContain(h.content.text('itemized.followUp', { followUpDate: 'December 4, 2026' })); // 7 days after Fri Nov 27, a Friday
    const letter = fileOf(replies, h.content.text('itemized.file.name'));
    expect(letter).toContain('To: Billing Office, Mercy General');
    expect(letter).toContain('March 3, 2026');
    const saved = await h.activeCase();
    expect(saved?.documents).toMatchObject({ itemizedBill: 'missing' });
    expect(saved?.followUps).toEqual([expect.objectContaining({ kind: 'itemizedBill', due: '2026-12-04', status: 'open' })]);
  });

  it('no EOB yet: the check says not to pay until the insurer has processed the claim', async () => {
    const h = createHarness();
    await h.seedCase({ provider: { name: 'Mercy', kind: 'lab' }, serviceDate: '2026-09-01', firstBillDate: '2026-10-01', balanceCents: 30000, dueDate: '2026-12-31', insurance: 'medicare', inCollections: 'no', state: 'OH', documents: { itemizedBill: 'have' } });
    await h.join();
    await h.say('1');
    const end = await sayAll(h, ["I don't have an EOB yet", 'no', 'no', 'Skip', 'Skip']);
    expect(cardOf(end)).toContain(h.content.text('findings.claimPending.title'));
    expect((await h.activeCase())?.documents.eob).toBe('missing');
  });

  it('a clean bill says so plainly', async () => {
    const h = createHarness();
    await h.seedCase({ provider: { name: 'Mercy', kind: 'doctor' }, serviceDate: '2026-09-01', firstBillDate: '2026-10-01', balanceCents: 30000, dueDate: '2026-12-31', insurance: 'employer', inCollections: 'no', state: 'OH', documents: { itemizedBill: 'have' } });
    await h.join();
    await h.say('1');
    const end = await sayAll(h, ['Processed / paid', '$300', '$1,000', '$600', '$300', 'Skip it', 'no', 'no', 'Skip', 'Skip']);
    const card = cardOf(end);
    expect(card).toContain(JSON.stringify(h.content.text('findings.clean')).slice(1, -1));
  });

  it('every question can be skipped with "not sure", and a second visit asks only what is still missing', async () => {
    const h = createHarness();
    await h.join();
    await h.say('1');
    for (let i = 0; i < 9; i++) await h.say('not sure');
    // Insurance unknown: no EOB questions; no itemized bill: no line entry.
    const saved = await h.activeCase();
    expect(saved?.skippedQuestions).toEqual(expect.arrayContaining(['providerName', 'serviceDate', 'balance', 'state']));
    expect(saved?.label).toBe(h.content.text('cases.defaultLabel', { number: 1 }));
    await h.say('menu');
    const again = texts(await h.say('1'));
    expect(again[0]).toEqual(startsWith(h.content.text('checkCard.introAgain', { caseLabel: saved?.label ?? '' })));
  });

  it('counts questions so that "question N of M" counts up and M never grows within a section', async () => {
    const h = createHarness();
    await h.join();
    const seen: { section: string; n: number; m: number }[] = [];
    for (const answer of INSURED_ER) {
      for (const text of texts(await h.say(answer))) {
        const match = /(Gather information(?: › your paperwork)?)\*\* — question (\d+) of (\d+)/.exec(text);
        if (match) seen.push({ section: match[1] ?? '', n: Number(match[2]), m: Number(match[3]) });
      }
    }
    expect(seen.length).toBe(22);
    for (let i = 1; i < seen.length; i++) {
      const [prev, cur] = [seen[i - 1], seen[i]];
      if (prev?.section !== cur?.section) continue;
      expect(cur?.n).toBe((prev?.n ?? 0) + 1);
      expect(cur?.m).toBeLessThanOrEqual(prev?.m ?? 0);
    }
  });

  it('leaving with "menu" in the middle keeps every answer already given', async () => {
    const h = createHarness();
    await h.join();
    await sayAll(h, ['1', 'Mercy General Hospital', 'Hospital or ER']);
    await h.say('menu');
    expect(await h.activeCase()).toMatchObject({ provider: { name: 'Mercy General Hospital', kind: 'hospital' } });
    // Back in step 1 it goes on from where she was: her state, to look the hospital up (issue 23).
    const back = texts(await h.say('1'));
    expect(back[0]).toContain(h.content.text('intake.hospital.needState', { name: 'Mercy General Hospital' }));
    expect(back[0]).toContain(h.content.text('intake.state.ask'));
  });
});
