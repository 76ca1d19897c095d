/**
 * Fixtures made in the test: an itemized bill and an EOB as text PDFs (pdf-lib), a photo-like PNG of the bill
 * (pureimage with DejaVu Sans, slightly rotated, with noise), and the figures they print, to check field by field.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { ReadDocument, ReadFailure } from '../../src/ingest/types';

export interface BillLineFixture {
  date: string;
  printedDate: string;
  code: string;
  description: string;
  units: number;
  chargeCents: number;
}

export const BILL_LINES: BillLineFixture[] = [
  { date: '2026-03-14', printedDate: '03/14/2026', code: '99284', description: 'Emergency room visit, level 4', units: 1, chargeCents: 245000 },
  { date: '2026-03-14', printedDate: '03/14/2026', code: '80053', description: 'Comprehensive metabolic panel', units: 1, chargeCents: 38500 },
  { date: '2026-03-14', printedDate: '03/14/2026', code: 'J1100', description: 'Dexamethasone sodium phosphate', units: 2, chargeCents: 9640 },
  { date: '2026-03-14', printedDate: '03/14/2026', code: '71046', description: 'Chest x-ray, two views', units: 1, chargeCents: 61275 },
  { date: '2026-03-15', printedDate: '03/15/2026', code: '93005', description: 'Electrocardiogram tracing', units: 1, chargeCents: 27550 },
  { date: '2026-03-15', printedDate: '03/15/2026', code: '96374', description: 'IV push, single drug', units: 3, chargeCents: 45000 },
];
export const BILL_TOTAL_CENTS = BILL_LINES.reduce((s, l) => s + l.chargeCents, 0);

export const dollars = (cents: number): string =>
  `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** The bill's printed rows: each a list of [text, x, align] (x is a left edge, or a right edge for amounts). */
type Cell = [string, number, 'left' | 'right'];
export function billRows(lines: readonly BillLineFixture[] = BILL_LINES, hospital = 'Riverside General Hospital'): Cell[][] {
  const total = lines.reduce((sum, l) => sum + l.chargeCents, 0);
  return [
    [[hospital, 40, 'left']],
    [['Itemized Statement', 40, 'left'], ['Account 448812', 380, 'left']],
    [['Date of service', 40, 'left'], ['Code', 150, 'left'], ['Description', 210, 'left'], ['Units', 440, 'left'], ['Charges', 555, 'right']],
    ...lines.map((l): Cell[] => [
      [l.printedDate, 40, 'left'], [l.code, 150, 'left'], [l.description, 210, 'left'], [String(l.units), 450, 'left'], [dollars(l.chargeCents), 555, 'right'],
    ]),
    [['Total charges', 210, 'left'], [dollars(total), 555, 'right']],
  ];
}

export const EOB = { billedCents: BILL_TOTAL_CENTS, allowedCents: 182040, planPaidCents: 145632, mayOweCents: 36408, status: 'Processed' };

function eobRows(): Cell[][] {
  return [
    [['Northwind Health Plan', 40, 'left']],
    [['Explanation of Benefits', 40, 'left']],
    [['THIS IS NOT A BILL', 40, 'left']],
    [['Claim number 7734-221', 40, 'left'], ['Claim status: Processed', 330, 'left']],
    [['Amount billed', 40, 'left'], [dollars(EOB.billedCents), 400, 'right']],
    [['Allowed amount', 40, 'left'], [dollars(EOB.allowedCents), 400, 'right']],
    [['Plan paid', 40, 'left'], [dollars(EOB.planPaidCents), 400, 'right']],
    [['You may owe', 40, 'left'], [dollars(EOB.mayOweCents), 400, 'right']],
  ];
}

async function textPdf(rows: Cell[][], extraPage?: Cell[][]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const pageRows of extraPage ? [rows, extraPage] : [rows]) {
    const page = doc.addPage([612, 792]);
    pageRows.forEach((row, i) => {
      const y = 740 - i * 22;
      for (const [text, x, align] of row) {
        const width = font.widthOfTextAtSize(text, 10);
        page.drawText(text, { x: align === 'right' ? x - width : x, y, size: 10, font });
      }
    });
  }
  return doc.save();
}

export const billPdf = (): Promise<Uint8Array> => textPdf(billRows());
/** A portal's PDF of another itemized bill: these lines under this hospital's name, and their total. */
export const itemizedBillPdf = (lines: readonly BillLineFixture[], hospital: string): Promise<Uint8Array> => textPdf(billRows(lines, hospital));
/** The bill over two pages: the header and three lines on the first, the rest and the total on the second. */
export const twoPageBillPdf = (): Promise<Uint8Array> => {
  const rows = billRows();
  return textPdf(rows.slice(0, 6), rows.slice(6));
};
export const eobPdf = (): Promise<Uint8Array> => textPdf(eobRows());
const LETTER_ROWS: Cell[][] = [
  [['Dear neighbour,', 40, 'left']],
  [['The community garden opens on Saturday at nine.', 40, 'left']],
  [['Bring gloves and a friend; tea is served at noon.', 40, 'left']],
  [['Seeds cost $2.50 a packet, 3 for $6.00.', 40, 'left']],
];
/** A letter: printed text that is neither a bill nor an EOB. */
export const letterPdf = (): Promise<Uint8Array> => textPdf(LETTER_ROWS);

/**
 * Draws rows of text on a page-sized picture and encodes it as PNG. Runs in a worker thread, as plain Node:
 * pureimage draws about twenty times slower inside jest's sandbox. Self-contained (sent as source).
 */
function drawInWorker(): void {
  const { parentPort, workerData } = require('node:worker_threads') as typeof import('node:worker_threads');
  const { PassThrough } = require('node:stream') as typeof import('node:stream');
  const w = workerData as { pureimage: string; font: string; rows: [string, number, 'left' | 'right'][][]; degrees: number; noise: number; blank: boolean; jpeg?: boolean };
  const P = require(w.pureimage) as typeof import('pureimage');
  const width = 1500;
  const height = 700;
  const img = P.make(width, height);
  const ctx = img.getContext('2d');
  ctx.fillStyle = w.blank ? '#ffffff' : '#f4f1ea';
  ctx.fillRect(0, 0, width, height);
  if (!w.blank) {
    P.registerFont(w.font, 'DejaVu').loadSync();
    const scale = 2.4;
    ctx.translate(width / 2, height / 2);
    ctx.rotate((w.degrees * Math.PI) / 180);
    ctx.translate(-width / 2, -height / 2);
    ctx.fillStyle = '#1e1e1e';
    ctx.font = `${Math.round(10 * scale)}px DejaVu`;
    w.rows.forEach((row, i) => {
      const y = 60 + i * 56;
      for (const [text, x, align] of row) ctx.fillText(text, align === 'right' ? x * scale - ctx.measureText(text).width : x * scale, y);
    });
    // Sensor grain on every pixel, light falling off toward one corner, and a few specks (seeded: the same every run).
    let seed = 24;
    const next = () => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    const data = img.data;
    for (let p = 0; p < data.length; p += 4) {
      const px = (p / 4) % width;
      const py = Math.floor(p / 4 / width);
      const shade = -28 * (px / width) * (py / height);
      const grain = (next() + next() + next() - 1.5) * w.noise * 255;
      const speck = next() < 0.002 ? -120 : 0;
      for (let c = 0; c < 3; c += 1) data[p + c] = Math.max(0, Math.min(255, (data[p + c] ?? 0) + shade + grain + speck));
    }
  }
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  void (w.jpeg ? P.encodeJPEGToStream(img, out, 80) : P.encodePNGToStream(img, out)).then(() => parentPort?.postMessage(new Uint8Array(Buffer.concat(chunks))));
}

function draw(options: { degrees: number; noise: number; blank: boolean; rows?: Cell[][]; jpeg?: boolean }): Promise<Uint8Array> {
  const font = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', 'DejaVuSans.ttf');
  const worker = new Worker(`(${drawInWorker.toString()})()`, { eval: true, workerData: { pureimage: require.resolve('pureimage'), font, ...options, rows: options.rows ?? billRows() } });
  return new Promise((resolve, reject) => {
    worker.once('message', (png: Uint8Array) => {
      void worker.terminate();
      resolve(png);
    });
    worker.once('error', reject);
  });
}

/** The bill as a phone photo might see it: off-white paper, turned by `degrees`, with grain, shading and specks. */
export const billPhoto = (degrees = 1.2, noise = 0.12): Promise<Uint8Array> => draw({ degrees, noise, blank: false });
/** The same photo as a JPEG (quality 80), as phones send it, turned the other way. */
export const billJpeg = (): Promise<Uint8Array> => draw({ degrees: -1, noise: 0.12, blank: false, jpeg: true });
/** A photo of a printed note that is not a bill. */
export const letterPhoto = (): Promise<Uint8Array> => draw({ degrees: -0.8, noise: 0.1, blank: false, rows: LETTER_ROWS });
export const blankPng = (): Promise<Uint8Array> => draw({ degrees: 0, noise: 0, blank: true });

/** How many of the bill's printed fields were read exactly (date, code, description, units, charge per line; the total). */
export function billFieldsExact(doc: ReadDocument | ReadFailure): { exact: number; of: number; wrong: string[] } {
  const wrong: string[] = [];
  let exact = 0;
  const lines = 'lines' in doc ? doc.lines : [];
  BILL_LINES.forEach((want, i) => {
    const got = lines[i];
    const checks: [string, unknown, unknown][] = [
      ['date', got?.dateOfService?.value, want.date], ['code', got?.code?.value, want.code], ['description', got?.description?.value, want.description],
      ['units', got?.units?.value, want.units], ['charge', got?.chargeCents.value, want.chargeCents],
    ];
    for (const [field, value, expected] of checks) {
      if (value === expected) exact += 1;
      else wrong.push(`line ${i + 1} ${field}: ${String(value)} (printed ${String(expected)})`);
    }
  });
  const total = 'lines' in doc ? doc.printedTotalCents?.value : undefined;
  if (total === BILL_TOTAL_CENTS) exact += 1;
  else wrong.push(`total: ${String(total)}`);
  return { exact, of: BILL_LINES.length * 5 + 1, wrong };
}

export function eobFieldsExact(doc: ReadDocument | ReadFailure): { exact: number; of: number; wrong: string[] } {
  const e = 'lines' in doc ? doc.eob : undefined;
  const checks: [string, unknown, unknown][] = [
    ['billed', e?.billedCents?.value, EOB.billedCents], ['allowed', e?.allowedCents?.value, EOB.allowedCents],
    ['planPaid', e?.planPaidCents?.value, EOB.planPaidCents], ['mayOwe', e?.patientMayOweCents?.value, EOB.mayOweCents],
    ['status', e?.claimStatus?.value, EOB.status],
  ];
  const wrong = checks.filter(([, v, x]) => v !== x).map(([f, v]) => `${f}: ${String(v)}`);
  return { exact: checks.length - wrong.length, of: checks.length, wrong };
}

/** Watches the event loop while work runs: the longest it was held up, in ms (a 10 ms timer that comes late). */
export async function longestStall<T>(work: () => Promise<T>): Promise<{ result: T; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last - 10);
    last = now;
  }, 10);
  try {
    const result = await work();
    return { result, stallMs: Math.round(stallMs) };
  } finally {
    clearInterval(timer);
  }
}
