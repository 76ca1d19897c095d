import { readDocument, shutdownReader } from '../../src/ingest/readDocument';
import { isReadFailure } from '../../src/ingest/types';
import { BILL_LINES, BILL_TOTAL_CENTS, EOB, billFieldsExact, billPdf, eobFieldsExact, eobPdf, letterPdf, longestStall, twoPageBillPdf } from './billFixtures';

const opts = { timeoutMs: 20_000 };

/** A PDF that asks for a password: the standard security handler with a user password (pdf.js cannot open it). */
function passwordPdf(): Uint8Array {
  const hex = (n: number) => Array.from({ length: 32 }, (_, i) => ((i * 37 + n) % 256).toString(16).padStart(2, '0')).join('');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>',
    `<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <${hex(1)}> /U <${hex(2)}> >>`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${hex(3).slice(0, 32)}> <${hex(3).slice(0, 32)}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

afterAll(() => shutdownReader());

describe('reading a text PDF', () => {
  it('reads an itemized bill line by line: dates, codes, descriptions, units, charges and the printed total', async () => {
    const pages: string[] = [];
    const started = performance.now();
    const doc = await readDocument(await billPdf(), 'application/pdf', { ...opts, onProgress: (p) => pages.push(`${p.page}/${p.pages}`) });
    const ms = Math.round(performance.now() - started);
    if (isReadFailure(doc)) throw new Error(`read failed: ${doc.kind}`);
    expect(doc).toMatchObject({ kind: 'itemizedBill', method: 'pdfText', pages: 1, totalsAgree: true, linesTotalCents: BILL_TOTAL_CENTS });
    expect(pages).toEqual(['1/1']);
    expect(doc.lines).toHaveLength(BILL_LINES.length);
    BILL_LINES.forEach((want, i) => {
      const got = doc.lines[i];
      expect(got?.dateOfService?.value).toBe(want.date);
      expect(got?.code?.value).toBe(want.code);
      expect(got?.description?.value).toBe(want.description);
      expect(got?.units?.value).toBe(want.units);
      expect(got?.chargeCents.value).toBe(want.chargeCents);
      expect(got?.chargeCents.confidence).toBe(1);
    });
    expect(doc.printedTotalCents).toEqual({ value: BILL_TOTAL_CENTS, confidence: 1 });
    const score = billFieldsExact(doc);
    console.log(`accuracy: text PDF bill ${score.exact}/${score.of} fields exact, one page in ${ms} ms`);
    expect(score.wrong).toEqual([]);
  });

  it('reads an EOB: billed, allowed, plan paid, what she may owe, and the claim status', async () => {
    const started = performance.now();
    const doc = await readDocument(await eobPdf(), 'application/pdf', opts);
    const ms = Math.round(performance.now() - started);
    if (isReadFailure(doc)) throw new Error(`read failed: ${doc.kind}`);
    expect(doc.kind).toBe('eob');
    expect(doc.eob).toEqual({
      billedCents: { value: EOB.billedCents, confidence: 1 },
      allowedCents: { value: EOB.allowedCents, confidence: 1 },
      planPaidCents: { value: EOB.planPaidCents, confidence: 1 },
      patientMayOweCents: { value: EOB.mayOweCents, confidence: 1 },
      claimStatus: { value: 'Processed', confidence: 1 },
    });
    const score = eobFieldsExact(doc);
    console.log(`accuracy: text PDF EOB ${score.exact}/${score.of} fields exact, one page in ${ms} ms`);
    expect(score.wrong).toEqual([]);
  });

  it('reads a bill over two pages, telling each page as it goes', async () => {
    const pages: string[] = [];
    const doc = await readDocument(await twoPageBillPdf(), 'application/pdf', { ...opts, onProgress: (p) => pages.push(`${p.page}/${p.pages}`) });
    if (isReadFailure(doc)) throw new Error(`read failed: ${doc.kind}`);
    expect(pages).toEqual(['1/2', '2/2']);
    expect(doc).toMatchObject({ kind: 'itemizedBill', pages: 2, totalsAgree: true });
    expect(billFieldsExact(doc).wrong).toEqual([]);
  });

  it('keeps the event loop free while a PDF is parsed (pdf.js runs in a worker thread)', async () => {
    const bytes = await billPdf();
    const { result, stallMs } = await longestStall(() => readDocument(bytes, 'application/pdf', opts));
    expect(result.kind).toBe('itemizedBill');
    expect(stallMs).toBeLessThan(200);
  });

  it('says a letter is not a bill', async () => {
    expect(await readDocument(await letterPdf(), 'application/pdf', opts)).toEqual({ kind: 'notABill' });
  });

  it('tells a password-protected PDF from a damaged one', async () => {
    expect(await readDocument(passwordPdf(), 'application/pdf', opts)).toEqual({ kind: 'passwordProtected' });
    const damaged = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\n\u0000\u0001 garbage, then nothing\n');
    expect(await readDocument(damaged, 'application/pdf', opts)).toEqual({ kind: 'damaged' });
    const cut = (await billPdf()).slice(0, 400);
    expect(await readDocument(cut, 'application/pdf', opts)).toEqual({ kind: 'damaged' });
  });

  it('trusts the bytes, not the declared type', async () => {
    expect(await readDocument(new TextEncoder().encode('name,amount\nER,2450.00\n'), 'application/pdf', opts)).toEqual({ kind: 'unsupportedType' });
    const doc = await readDocument(await billPdf(), 'image/png', opts);
    expect(doc.kind).toBe('itemizedBill');
  });

  it('leaves the caller its bytes (the reader works on a copy)', async () => {
    const bytes = await eobPdf();
    const before = bytes.slice();
    await readDocument(bytes, 'application/pdf', opts);
    expect(bytes).toEqual(before);
  });
});
