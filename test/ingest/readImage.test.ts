import fs from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { READER_NICE } from '../../src/ingest/priority';
import { ocrStartMs, readDocument, shutdownReader, warmUpReader } from '../../src/ingest/readDocument';
import { isReadFailure } from '../../src/ingest/types';
import { BILL_LINES, BILL_TOTAL_CENTS, billFieldsExact, billJpeg, billPhoto, blankPng, letterPhoto, longestStall } from './billFixtures';

const opts = { timeoutMs: 20_000 };
let photo: Uint8Array;

beforeAll(async () => {
  const started = performance.now();
  await warmUpReader();
  photo = await billPhoto();
  console.log(`OCR worker started in ${ocrStartMs() ?? -1} ms (photo rendered meanwhile, ${Math.round(performance.now() - started)} ms in all)`);
}, 60_000);
afterAll(() => shutdownReader());

/** Each thread's nice value in this process (Linux: /proc/self/task/<tid>/stat, field 19); empty elsewhere. */
function niceValues(): Map<number, number> {
  const out = new Map<number, number>();
  try {
    for (const tid of fs.readdirSync('/proc/self/task')) {
      const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      out.set(Number(tid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
    }
  } catch {
    // not Linux
  }
  return out;
}

describe('the OCR yields the CPU to other users\' turns', () => {
  it('runs in threads at the lowest priority (nice 19), while the event loop\'s thread keeps its own', () => {
    const nice = niceValues();
    if (nice.size === 0) return; // /proc is Linux's: elsewhere the OCR simply runs off the event loop
    expect([...nice.values()].filter((n) => n === READER_NICE).length).toBeGreaterThanOrEqual(2);
    expect(nice.get(process.pid)).not.toBe(READER_NICE);
  });
});

describe('reading a photo of a bill (OCR)', () => {
  it('reads the lines and the total of a slightly turned, noisy photo, each field with its confidence', async () => {
    const pages: string[] = [];
    const started = performance.now();
    const doc = await readDocument(photo, 'image/png', { ...opts, onProgress: (p) => pages.push(`${p.page}/${p.pages}`) });
    const ms = Math.round(performance.now() - started);
    if (isReadFailure(doc)) throw new Error(`read failed: ${doc.kind}`);
    const score = billFieldsExact(doc);
    console.log(`accuracy: photo ${score.exact}/${score.of} fields exact, OCR of one page in ${ms} ms${score.wrong.length > 0 ? `; misread: ${score.wrong.join('; ')}` : ''}`);
    expect(doc).toMatchObject({ kind: 'itemizedBill', method: 'ocr', pages: 1 });
    expect(pages).toEqual(['1/1']);
    expect(doc.lines).toHaveLength(BILL_LINES.length);
    expect(doc.printedTotalCents?.value).toBe(BILL_TOTAL_CENTS);
    for (const line of doc.lines) {
      for (const read of [line.chargeCents, line.dateOfService, line.code, line.description, line.units]) {
        if (read) expect(read.confidence).toBeGreaterThan(0);
        if (read) expect(read.confidence).toBeLessThanOrEqual(1);
      }
    }
    expect(score.exact / score.of).toBeGreaterThanOrEqual(0.85);
    expect(ms).toBeLessThan(20_000);
  });

  it('reads a scanned PDF (a page with an image and no text) by OCR', async () => {
    const pdf = await PDFDocument.create();
    const image = await pdf.embedPng(photo);
    pdf.addPage([image.width / 2, image.height / 2]).drawImage(image, { x: 0, y: 0, width: image.width / 2, height: image.height / 2 });
    const doc = await readDocument(await pdf.save(), 'application/pdf', opts);
    if (isReadFailure(doc)) throw new Error(`read failed: ${doc.kind}`);
    expect(doc).toMatchObject({ kind: 'itemizedBill', method: 'ocr', pages: 1 });
    expect(doc.lines.length).toBe(BILL_LINES.length);
    const score = billFieldsExact(doc);
    console.log(`accuracy: scanned PDF ${score.exact}/${score.of} fields exact${score.wrong.length > 0 ? `; misread: ${score.wrong.join('; ')}` : ''}`);
    expect(score.exact / score.of).toBeGreaterThanOrEqual(0.85);
  });

  it('reads a JPEG photo turned the other way', async () => {
    const doc = await readDocument(await billJpeg(), 'image/jpeg', opts);
    if (isReadFailure(doc)) throw new Error(`read failed: ${doc.kind}`);
    const score = billFieldsExact(doc);
    console.log(`accuracy: JPEG photo ${score.exact}/${score.of} fields exact${score.wrong.length > 0 ? `; misread: ${score.wrong.join('; ')}` : ''}`);
    expect(doc.kind).toBe('itemizedBill');
    expect(score.exact / score.of).toBeGreaterThanOrEqual(0.85);
  });

  it('keeps the event loop free while a page is read (the OCR has its own thread)', async () => {
    const { result, stallMs } = await longestStall(() => readDocument(photo, 'image/png', opts));
    expect(result.kind).toBe('itemizedBill');
    expect(stallMs).toBeLessThan(200);
  });

  it('says a photo of a printed note is not a bill', async () => {
    expect(await readDocument(await letterPhoto(), 'image/png', opts)).toEqual({ kind: 'notABill' });
  });

  it('says a blank photo is blank', async () => {
    expect(await readDocument(await blankPng(), 'image/png', opts)).toEqual({ kind: 'blank' });
  });

  it('answers a second read while one runs with busy, and the first still finishes', async () => {
    const first = readDocument(photo, 'image/png', opts);
    expect(await readDocument(photo, 'image/png', opts)).toEqual({ kind: 'busy' });
    const done = await first;
    expect(done.kind).toBe('itemizedBill');
  });

  it('ends a read that runs past its time limit, and the next read starts a fresh OCR worker', async () => {
    const started = performance.now();
    expect(await readDocument(photo, 'image/png', { timeoutMs: 150 })).toEqual({ kind: 'timeout' });
    expect(performance.now() - started).toBeLessThan(1_000);
    const again = await readDocument(photo, 'image/png', opts);
    expect(again.kind).toBe('itemizedBill');
  });

  it('stops when the caller aborts', async () => {
    const abort = new AbortController();
    const read = readDocument(photo, 'image/png', { ...opts, signal: abort.signal });
    setTimeout(() => abort.abort(), 50);
    expect(await read).toEqual({ kind: 'timeout' });
  });
});
