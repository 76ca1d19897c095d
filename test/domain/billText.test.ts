import type { TextRow } from '../../src/domain/billRead';
import { readBillText } from '../../src/domain/billText';

/** A printed row: [text, left edge] cells, about 5 units a character (a 10-point font); `right` for right-aligned amounts. */
type Cell = [string, number] | [string, number, 'right'];
const row = (...cells: Cell[]): TextRow => ({
  page: 1,
  cells: cells.map(([text, x, align]) => (align === 'right' ? { text, x: x - text.length * 5, right: x, confidence: 1 } : { text, x, right: x + text.length * 5, confidence: 1 })),
});

const values = (rows: TextRow[]) =>
  readBillText(rows).lines.map((l) => ({
    date: l.dateOfService?.value, code: l.code?.value, description: l.description?.value, units: l.units?.value, charge: l.chargeCents.value,
  }));

describe('reading an itemized bill from printed rows', () => {
  it('reads the columns in the usual order, with $ amounts, and checks the lines against the printed total', () => {
    const rows = [
      row(['Date', 40], ['Code', 110], ['Description', 170], ['Qty', 400], ['Charge', 520, 'right']),
      row(['03/14/2026', 40], ['99284', 110], ['ER visit, level 4', 170], ['1', 405], ['$2,450.00', 520, 'right']),
      row(['03/14/2026', 40], ['J1100', 110], ['Dexamethasone 1 mg', 170], ['2', 405], ['$96.40', 520, 'right']),
      row(['Total charges', 170], ['$2,546.40', 520, 'right']),
    ];
    const reading = readBillText(rows);
    expect(values(rows)).toEqual([
      { date: '2026-03-14', code: '99284', description: 'ER visit, level 4', units: 1, charge: 245000 },
      { date: '2026-03-14', code: 'J1100', description: 'Dexamethasone 1 mg', units: 2, charge: 9640 },
    ]);
    expect(reading).toMatchObject({ header: true, linesTotalCents: 254640, printedTotalCents: { value: 254640, confidence: 1 }, totalsAgree: true });
    expect(reading.lines[1]?.codeKind).toBe('hcpcs');
  });

  it('reads columns in another order, amounts without $, and says when the total does not agree', () => {
    const rows = [
      row(['Charges', 60, 'right'], ['CPT', 90], ['Service description', 150], ['Units', 380], ['Service date', 450]),
      row(['612.75', 60, 'right'], ['71046', 90], ['Chest x-ray, 2 views', 150], ['1', 385], ['2026-03-14', 450]),
      row(['1,150.00', 60, 'right'], ['96374', 90], ['IV push', 150], ['3', 385], ['2026-03-15', 450]),
      row(['Total', 150], ['1,800.00', 520, 'right']),
    ];
    expect(values(rows)).toEqual([
      { date: '2026-03-14', code: '71046', description: 'Chest x-ray, 2 views', units: 1, charge: 61275 },
      { date: '2026-03-15', code: '96374', description: 'IV push', units: 3, charge: 115000 },
    ]);
    expect(readBillText(rows)).toMatchObject({ printedTotalCents: { value: 180000 }, totalsAgree: false });
  });

  it('reads dates in several forms; a two-digit year is less sure', () => {
    const header = row(['Date', 40], ['Code', 130], ['Description', 190], ['Amount', 520, 'right']);
    const rows = [
      header,
      row(['Mar 14, 2026', 40], ['80053', 130], ['Metabolic panel', 190], ['$385.00', 520, 'right']),
      row(['March 15 2026', 40], ['85025', 130], ['Blood count', 190], ['$120.00', 520, 'right']),
      row(['3/16/26', 40], ['93005', 130], ['Electrocardiogram', 190], ['$275.50', 520, 'right']),
      row(['2026-03-17', 40], ['36415', 130], ['Blood draw', 190], ['$30.00', 520, 'right']),
    ];
    const lines = readBillText(rows).lines;
    expect(lines.map((l) => l.dateOfService?.value)).toEqual(['2026-03-14', '2026-03-15', '2026-03-16', '2026-03-17']);
    expect(lines.map((l) => l.dateOfService?.confidence)).toEqual([1, 1, 0.9, 1]);
  });

  it('joins a line split across rows: the description runs onto the next row, or the charge is on the next row', () => {
    const rows = [
      row(['Date', 40], ['Code', 110], ['Description', 170], ['Units', 400], ['Charge', 520, 'right']),
      row(['03/14/2026', 40], ['99284', 110], ['Emergency department visit,', 170], ['1', 405], ['$2,450.00', 520, 'right']),
      row(['high complexity', 170]),
      row(['03/14/2026', 40], ['J7030', 110], ['Normal saline solution', 170]),
      row(['infusion, 1000 cc', 170], ['1', 405], ['$150.00', 520, 'right']),
    ];
    const lines = readBillText(rows).lines;
    expect(values(rows)).toEqual([
      { date: '2026-03-14', code: '99284', description: 'Emergency department visit, high complexity', units: 1, charge: 245000 },
      { date: '2026-03-14', code: 'J7030', description: 'Normal saline solution infusion, 1000 cc', units: 1, charge: 15000 },
    ]);
    // Joined pieces are a little less sure than a line printed whole.
    expect(lines[0]?.description?.confidence).toBeLessThan(1);
    expect(lines[1]?.chargeCents.confidence).toBeLessThan(1);
  });

  it('keeps modifiers apart from the code, prefers a CPT to a revenue code, and skips payments and adjustments', () => {
    const rows = [
      row(['Date', 40], ['Rev', 110], ['CPT', 150], ['Description', 210], ['Charge', 520, 'right'], ['Payments', 600, 'right']),
      row(['03/14/2026', 40], ['0450', 110], ['99284-25', 150], ['ER visit', 210], ['$2,450.00', 520, 'right']),
      row(['03/20/2026', 40], ['Insurance payment', 210], ['-$1,200.00', 600, 'right']),
      row(['03/21/2026', 40], ['Contractual adjustment', 210], ['($300.00)', 520, 'right']),
    ];
    const lines = readBillText(rows).lines;
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ code: { value: '99284' }, codeKind: 'cpt', modifiers: ['25'], chargeCents: { value: 245000 } });
  });

  it('keeps a long description whole even where its last words stand nearer the next heading', () => {
    const rows = [
      row(['Date', 40], ['Code', 110], ['Description', 170], ['Units', 400], ['Charge', 520, 'right']),
      row(['03/14/2026', 40], ['80053', 110], ['Comprehensive metabolic panel with eGFR 4', 170], ['1', 405], ['$385.00', 520, 'right']),
    ];
    expect(values(rows)).toEqual([{ date: '2026-03-14', code: '80053', description: 'Comprehensive metabolic panel with eGFR 4', units: 1, charge: 38500 }]);
  });

  it('reads lines with no header row, less sure of what each figure is', () => {
    const rows = [
      row(['03/14/2026  99284  ER visit level 4  1  $2,450.00', 40]),
      row(['03/14/2026  80053  Metabolic panel  2  $770.00', 40]),
      row(['Amount due  $3,220.00', 40]),
    ];
    const reading = readBillText(rows);
    expect(values(rows)).toEqual([
      { date: '2026-03-14', code: '99284', description: 'ER visit level 4', units: 1, charge: 245000 },
      { date: '2026-03-14', code: '80053', description: 'Metabolic panel', units: 2, charge: 77000 },
    ]);
    expect(reading.header).toBe(false);
    expect(reading.lines[0]?.units?.confidence).toBeLessThan(1);
    expect(reading).toMatchObject({ printedTotalCents: { value: 322000 }, totalsAgree: true });
  });

  it('reads nothing from rows that are not a bill', () => {
    expect(readBillText([row(['Dear neighbour, the garden opens at nine.', 40]), row(['Tea costs $2.00 a cup.', 40])]).lines).toEqual([]);
  });
});
