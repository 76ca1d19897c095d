import type { TextRow } from '../../src/domain/billRead';
import { readEobText } from '../../src/domain/eobText';

type Cell = [string, number] | [string, number, 'right'];
const row = (...cells: Cell[]): TextRow => ({
  page: 1,
  cells: cells.map(([text, x, align]) => (align === 'right' ? { text, x: x - text.length * 5, right: x, confidence: 1 } : { text, x, right: x + text.length * 5, confidence: 1 })),
});

const figures = (rows: TextRow[]) => {
  const { eob } = readEobText(rows);
  return {
    billed: eob.billedCents?.value, allowed: eob.allowedCents?.value, planPaid: eob.planPaidCents?.value,
    mayOwe: eob.patientMayOweCents?.value, status: eob.claimStatus?.value,
  };
};

describe('reading an EOB from printed rows', () => {
  it('reads label-and-amount rows, with or without $, and the claim status; knows it is an EOB', () => {
    const rows = [
      row(['Explanation of Benefits', 40]),
      row(['THIS IS NOT A BILL', 40]),
      row(['Claim status: Processed', 40]),
      row(['Amount billed', 40], ['$4,269.65', 400, 'right']),
      row(['Allowed amount', 40], ['1,820.40', 400, 'right']),
      row(['Plan paid', 40], ['$1,456.32', 400, 'right']),
      row(['You may owe', 40], ['364.08', 400, 'right']),
    ];
    expect(figures(rows)).toEqual({ billed: 426965, allowed: 182040, planPaid: 145632, mayOwe: 36408, status: 'Processed' });
    expect(readEobText(rows)).toMatchObject({ titled: true, amountsFound: 4 });
  });

  it('reads other insurers\' wordings, a label and its amount in one cell, and a denied claim', () => {
    const rows = [
      row(['Your claim was denied', 40]),
      row(['Provider charges $980.00', 40]),
      row(['Paid by your plan: $0.00', 40]),
      row(['Your responsibility', 40], ['$980.00', 400, 'right']),
    ];
    expect(figures(rows)).toEqual({ billed: 98000, allowed: undefined, planPaid: 0, mayOwe: 98000, status: 'Denied' });
  });

  it('works out the allowed amount from billed less the network discount when none is printed', () => {
    const rows = [
      row(['Amount billed', 40], ['$1,000.00', 400, 'right']),
      row(['Network discount', 40], ['$400.00', 400, 'right']),
      row(['Plan paid', 40], ['$480.00', 400, 'right']),
      row(['You owe', 40], ['$120.00', 400, 'right']),
    ];
    const { eob } = readEobText(rows);
    expect(eob.allowedCents).toEqual({ value: 60000, confidence: 0.85 });
  });

  it('reads a table: columns in any order under their headings, and the Total row over the lines', () => {
    const rows = [
      row(['Explanation of Benefits', 40]),
      row(['Service', 40], ['You may owe', 200], ['Amount billed', 300], ['Plan paid', 400], ['Allowed', 500]),
      row(['ER visit', 40], ['$200.00', 255, 'right'], ['$2,450.00', 365, 'right'], ['$800.00', 445, 'right'], ['$1,000.00', 535, 'right']),
      row(['Lab work', 40], ['$20.00', 255, 'right'], ['$385.00', 365, 'right'], ['$80.00', 445, 'right'], ['$100.00', 535, 'right']),
      row(['Total', 40], ['$220.00', 255, 'right'], ['$2,835.00', 365, 'right'], ['$880.00', 445, 'right'], ['$1,100.00', 535, 'right']),
      row(['Status: Paid', 40]),
    ];
    expect(figures(rows)).toEqual({ billed: 283500, allowed: 110000, planPaid: 88000, mayOwe: 22000, status: 'Paid' });
  });

  it('adds up a table\'s lines when no total is printed, less sure', () => {
    const rows = [
      row(['Billed', 300], ['Plan paid', 400], ['Your share', 500]),
      row(['$2,450.00', 345, 'right'], ['$800.00', 445, 'right'], ['$200.00', 545, 'right']),
      row(['$385.00', 345, 'right'], ['$80.00', 445, 'right'], ['$20.00', 545, 'right']),
    ];
    const { eob } = readEobText(rows);
    expect(eob.billedCents).toEqual({ value: 283500, confidence: 0.8 });
    expect(eob.patientMayOweCents).toEqual({ value: 22000, confidence: 0.8 });
  });

  it('finds no figures in rows that are not an EOB', () => {
    expect(readEobText([row(['The garden opens at nine; tea is $2.00.', 40])])).toMatchObject({ amountsFound: 0, titled: false });
  });
});
