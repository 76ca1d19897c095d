import type { Activity, Attachment } from 'botbuilder';
import type { BillFiles, FetchedFile } from '../../dialogs/deps';
import type { ReadingNow } from '../../src/bot/attachmentFetcher';
import { UPLOAD_REFUSED } from '../../src/fileUploads';
import type { ReadDocument, ReadFailure } from '../../src/ingest/types';
import { createHarness, Harness, texts } from '../helpers/botHarness';
import { cardJson } from '../helpers/directLine';

/**
 * Issue 24: a photo or PDF of the bill, read and shown as a card, saved only when she confirms — from step 1's
 * lines offer, from anywhere else (the menu), or as the very first message. The reader is a stand-in here (the
 * real one has its own tests, and the HTTP and browser tests use it); what is checked is the conversation.
 */

const PDF = Uint8Array.from(Buffer.from('%PDF-1.7 a bill'));
const sure = <T>(value: T) => ({ value, confidence: 0.97 });

/** What the reader makes of Maria's ER bill: two lines (the second's code hard to read) and the printed total. */
const ER_BILL: ReadDocument = {
  kind: 'itemizedBill', pages: 1, method: 'pdfText', linesTotalCents: 150_000, totalsAgree: true, printedTotalCents: sure(150_000),
  lines: [
    { dateOfService: sure('2026-09-01'), code: sure('99284'), codeKind: 'cpt', description: sure('ER VISIT LVL 4'), units: sure(1), chargeCents: sure(145_000) },
    { dateOfService: sure('2026-09-01'), code: { value: '85O25', confidence: 0.4 }, description: sure('CBC'), units: sure(1), chargeCents: sure(5_000) },
  ],
};

const ER_VISIT = {
  provider: { name: 'Mercy General', kind: 'hospital', nonprofit: 'no' }, serviceDate: '2026-09-01', firstBillDate: '2026-10-01', balanceCents: 150_000,
  dueDate: '2026-12-31', insurance: 'unsure', inCollections: 'no', state: 'OH', documents: { itemizedBill: 'have' }, skippedQuestions: ['hospital'],
};

interface FakeReader {
  files(reading: ReadingNow): BillFiles;
  fetched: Attachment[];
  /** Bytes handed to the reader, as they were after the read (zeroed, if the dialog wiped them). */
  afterRead: Uint8Array[];
}

function fakeReader(result: ReadDocument | ReadFailure | (() => Promise<ReadDocument | ReadFailure>), fetched: FetchedFile = { ok: true, bytes: PDF.slice(), contentType: 'application/pdf' }, pages = 1): FakeReader {
  const reader: FakeReader = {
    fetched: [],
    afterRead: [],
    files: (reading) => ({
      maxBytes: 10 * 1024 * 1024,
      fetch: async (_context, attachment) => {
        reader.fetched.push(attachment);
        return fetched.ok ? { ...fetched, bytes: fetched.bytes.slice() } : fetched;
      },
      read: async (bytes, _type, onProgress) => {
        for (let page = 1; page <= pages; page++) onProgress({ page, pages });
        const out = typeof result === 'function' ? await result() : result;
        queueMicrotask(() => reader.afterRead.push(bytes));
        return out;
      },
      whileReading: (context, work) => reading.during(`${context.activity.channelId}/${context.activity.conversation?.id ?? ''}`, work),
    }),
  };
  return reader;
}

const aFile = (name = 'bill.pdf'): Partial<Activity> => ({ attachments: [{ contentType: 'application/pdf', contentUrl: 'http://127.0.0.1:9/attachments/1', name }] });
const joined = (replies: Partial<Activity>[]) => texts(replies).join('\n');

async function withReader(reader: FakeReader, seed?: Record<string, unknown>): Promise<Harness> {
  const h = createHarness({ billFiles: (reading) => reader.files(reading) });
  if (seed) await h.seedCase(seed);
  await h.join();
  return h;
}

describe('a photo or PDF of the bill, read and confirmed', () => {
  it('in step 1, "Send a photo or PDF" reads the bill, shows what it read, and after Confirm goes on with those lines as if typed', async () => {
    const reader = fakeReader(ER_BILL);
    const h = await withReader(reader, ER_VISIT);
    const offer = await h.say('1');
    expect(joined(offer)).toContain(h.content.text('lines.offer.ask'));
    expect(JSON.stringify(offer)).toContain(h.content.text('lines.offer.upload'));

    expect(joined(await h.say(h.content.text('lines.offer.upload')))).toContain(h.content.text('upload.ask'));
    const read = await h.say(aFile());
    expect(read[0]?.type).toBe('typing');
    expect(joined(read)).toContain(h.content.text('upload.reading'));
    // One page: no "Reading page 1 of 1…" (a longer file's pages are counted, below).
    expect(joined(read)).not.toContain(h.content.text('upload.progress', { page: 1, pages: 1 }));
    const card = cardJson(read);
    expect(card).toContain(h.content.text('upload.card.titleBill'));
    expect(card).toContain('ER VISIT LVL 4');
    expect(card).toContain(h.content.text('upload.card.totalAgrees', { total: '$1,500.00' }).replace(/\*\*/g, '\\*\\*').slice(0, 20));
    // The hard-to-read code is marked, and nothing is in the case yet.
    expect(card).toContain(h.content.text('upload.card.unsure'));
    expect((await h.activeCase())?.billLines).toEqual([]);
    // In step 1 the file goes straight into step 1: no "I'll add it to step 1" note.
    expect(joined(read)).not.toContain(h.content.text('upload.outsideStep', { caseLabel: 'Mercy General' }));

    const confirmed = await h.say(h.content.text('upload.card.confirm'));
    expect(joined(confirmed)).toContain(h.content.text('upload.saved', { count: 2, caseLabel: 'Mercy General' }));
    // Step 1 goes on as after typed lines: which care she did not get.
    expect(joined(confirmed)).toContain('ER VISIT LVL 4');
    expect(joined(confirmed)).toContain(h.content.text('lines.notReceived.ask', { list: '' }).split('\n')[0] ?? '');
    const saved = await h.activeCase();
    expect(saved?.billLines.map((l) => [l.date, l.code, l.description, l.units, l.chargeCents])).toEqual([
      ['2026-09-01', '99284', 'ER VISIT LVL 4', 1, 145_000],
      ['2026-09-01', '85O25', 'CBC', 1, 5_000],
    ]);

    // Then, as with typed lines, the coded ones are priced in Ohio (one Medicare area: nothing asked).
    const priced = await h.say(h.content.text('lines.notReceived.none'));
    expect(joined(priced)).toContain(h.content.text('prices.medicare.intro'));
    expect((await h.activeCase())?.medicare?.lines.find((l) => l.code === '99284')?.medicareCents).toBe(11_703);
    // The file's bytes were zeroed once read.
    expect(reader.afterRead.every((b) => b.every((x) => x === 0))).toBe(true);
  });

  it('a file sent at the menu: read, a line fixed and one dropped, then confirmed into step 1 with the bill check (priced) shown at once', async () => {
    const h = await withReader(fakeReader(ER_BILL), ER_VISIT);
    const read = await h.say(aFile());
    expect(joined(read)).toContain(h.content.text('upload.outsideStep', { caseLabel: 'Mercy General' }));

    const fix = await h.say(h.content.text('upload.card.fix'));
    expect(joined(fix)).toBe(h.content.text('upload.pickLine', { count: 2 }));
    expect(joined(await h.say('7'))).toBe(h.content.text('upload.pickLineRetry', { count: 2 }));
    expect(joined(await h.say('2'))).toContain('9/1/2026, 85O25, CBC, 1, $50');
    const fixed = await h.say('9/1/2026, 85025, CBC, 1, $50.00');
    expect(joined(fixed)).toContain(h.content.text('upload.fixed', { number: 2, line: '' }).trim());
    expect(cardJson(fixed)).not.toContain('85O25');

    await h.say(h.content.text('upload.card.drop'));
    const dropped = await h.say('1');
    expect(joined(dropped)).toContain(h.content.text('upload.dropped', { number: 1 }));
    expect(cardJson(dropped)).not.toContain('ER VISIT LVL 4');

    const confirmed = await h.say(h.content.text('upload.card.confirm'));
    expect(joined(confirmed)).toContain(h.content.text('upload.saved', { count: 1, caseLabel: 'Mercy General' }));
    expect(cardJson(confirmed)).toContain(h.content.text('checkCard.title', { caseLabel: 'Mercy General' }).slice(0, 12));
    const saved = await h.activeCase();
    expect(saved?.billLines.map((l) => [l.code, l.chargeCents])).toEqual([['85025', 5_000]]);
    expect(saved?.billCheck?.checkedAt).toBeDefined();
    expect(saved?.medicare?.lines.map((l) => l.code)).toEqual(['85025']);
    // Back where she was: the menu.
    expect(joined(confirmed)).toContain(h.content.text('menu.promptWithCase', { caseLabel: 'Mercy General', progress: '' }).split('\n')[0] ?? '');
  });

  it('a bill over two pages says each page as it is read', async () => {
    const h = await withReader(fakeReader({ ...ER_BILL, pages: 2 }, undefined, 2), ER_VISIT);
    const said = joined(await h.say(aFile()));
    expect(said).toContain(h.content.text('upload.progress', { page: 1, pages: 2 }));
    expect(said).toContain(h.content.text('upload.progress', { page: 2, pages: 2 }));
  });

  it('"Type instead" saves nothing from the file, and step 1 asks for the first line', async () => {
    const h = await withReader(fakeReader(ER_BILL), ER_VISIT);
    await h.say('1');
    await h.say(aFile());
    const typed = await h.say(h.content.text('upload.card.typeInstead'));
    expect(joined(typed)).toContain(h.content.text('upload.typeInstead'));
    expect(joined(typed)).toContain(h.content.text('lines.entry.first'));
    expect((await h.activeCase())?.billLines).toEqual([]);
  });

  it('a file sent while typing the lines is read too, and its lines come after those typed', async () => {
    const h = await withReader(fakeReader(ER_BILL), ER_VISIT);
    await h.say('1');
    await h.say(h.content.text('lines.offer.add'));
    await h.say('9/2/2026, 99213, follow-up, 1, $200');
    await h.say(aFile());
    await h.say(h.content.text('upload.card.confirm'));
    expect((await h.activeCase())?.billLines.map((l) => l.code)).toEqual(['99213', '99284', '85O25']);
  });

  it('the very first message is a file: it is read, and after Confirm the menu is shown', async () => {
    const h = createHarness({ billFiles: (reading) => fakeReader(ER_BILL).files(reading) });
    const read = await h.say(aFile());
    expect(cardJson(read)).toContain(h.content.text('upload.card.titleBill'));
    const confirmed = await h.say(h.content.text('upload.card.confirm'));
    expect(joined(confirmed)).toContain(h.content.text('upload.saved', { count: 2, caseLabel: h.content.text('cases.defaultLabel', { number: 1 }) }));
    expect(JSON.stringify(confirmed)).toContain(h.content.text('menu.options.gather.title'));
  });

  it('nothing is saved until Confirm: leaving for the menu drops what was read', async () => {
    const h = await withReader(fakeReader(ER_BILL), ER_VISIT);
    await h.say(aFile());
    await h.say('menu');
    expect((await h.activeCase())?.billLines).toEqual([]);
  });

  it('an EOB read from a file fills the EOB figures when confirmed', async () => {
    const eob: ReadDocument = {
      kind: 'eob', pages: 1, method: 'pdfText', linesTotalCents: 0, lines: [],
      eob: { billedCents: sure(240_000), allowedCents: sure(120_000), planPaidCents: sure(35_000), patientMayOweCents: sure(85_000), claimStatus: sure('Processed') },
    };
    const h = await withReader(fakeReader(eob), { ...ER_VISIT, insurance: 'employer' });
    const read = await h.say(aFile('eob.pdf'));
    expect(cardJson(read)).toContain(h.content.text('upload.card.titleEob'));
    expect(cardJson(read)).toContain('$850');
    const confirmed = await h.say('looks right');
    expect(joined(confirmed)).toContain(h.content.text('upload.savedEob', { caseLabel: 'Mercy General' }));
    expect((await h.activeCase())?.eob).toMatchObject({ billedCents: 240_000, allowedCents: 120_000, planPaidCents: 35_000, patientOwesCents: 85_000 });
  });
});

describe('a file the coach cannot use gets a specific answer, and the open question again', () => {
  const cases: [string, FakeReader, string][] = [
    ['a password-protected PDF', fakeReader({ kind: 'passwordProtected' }), 'upload.problems.passwordProtected'],
    ['a damaged PDF', fakeReader({ kind: 'damaged' }), 'upload.problems.damaged'],
    ['a blank photo', fakeReader({ kind: 'blank' }), 'upload.problems.blank'],
    ['a photo of something that is not a bill', fakeReader({ kind: 'notABill' }), 'upload.problems.notABill'],
    ['a read that takes too long', fakeReader({ kind: 'timeout' }), 'upload.problems.timeout'],
    ['a file that is not an image or PDF', fakeReader(ER_BILL, { ok: false, problem: 'unsupportedType' }), 'upload.problems.unsupportedType'],
    ['a file over the limit', fakeReader(ER_BILL, { ok: false, problem: 'tooLarge' }), 'upload.problems.tooLarge'],
    ['a file the chat could not hand over', fakeReader(ER_BILL, { ok: false, problem: 'unreachable' }), 'upload.problems.unreachable'],
  ];
  it.each(cases)('%s', async (_name, reader, key) => {
    const h = await withReader(reader, ER_VISIT);
    await h.say('1');
    const replies = await h.say(aFile());
    expect(joined(replies)).toContain(h.content.text(key, { limit: '10 MB' }));
    // The typed path is offered at once: step 1 asks for the first line.
    expect(joined(replies)).toContain(h.content.text('lines.entry.first'));
    expect((await h.activeCase())?.billLines).toEqual([]);
  });

  it('a file the local channel refused (too large) is said so with the limit, at the menu, and the menu comes back', async () => {
    const h = await withReader(fakeReader(ER_BILL), ER_VISIT);
    const replies = await h.say({ channelData: { [UPLOAD_REFUSED]: { reason: 'tooLarge', maxBytes: 10 * 1024 * 1024 } } });
    expect(joined(replies)).toContain(h.content.text('upload.problems.tooLarge', { limit: '10 MB' }));
    expect(joined(replies)).toContain(h.content.text('menu.promptWithCase', { caseLabel: 'Mercy General', progress: '' }).split('\n')[0] ?? '');
  });

  it('a chat with no reader says it cannot read files here, and the question she was at is asked again', async () => {
    const h = createHarness();
    await h.seedCase(ER_VISIT);
    await h.join();
    await h.say('1');
    const replies = await h.say(aFile());
    expect(joined(replies)).toContain(h.content.text('upload.problems.noReader'));
  });

  it('a second file while the first is being read is answered at once ("still reading") and not read', async () => {
    let release: (doc: ReadDocument) => void = () => undefined;
    const slow = fakeReader(() => new Promise<ReadDocument>((resolve) => { release = resolve; }));
    const h = await withReader(slow, ER_VISIT);
    const first = h.say(aFile('page1.pdf'));
    await new Promise((r) => setTimeout(r, 50));
    let second: Partial<Activity>[];
    try {
      second = await h.say(aFile('page2.pdf'));
    } finally {
      release(ER_BILL);
    }
    // The harness's queue is shared: the first file's "reading" notes are in it too, then the answer to the second.
    expect(texts(second).at(-1)).toBe(h.content.text('upload.stillReading'));
    expect(cardJson(await first)).toContain(h.content.text('upload.card.titleBill'));
    expect(slow.fetched.map((a) => a.name)).toEqual(['page1.pdf']);
  });
});
