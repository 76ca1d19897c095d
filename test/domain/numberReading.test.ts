import { readAmount, readCount } from '../../src/domain/numberReading';

describe('reading the amount a sentence is about', () => {
  it.each([
    ['2400', 240000, undefined],
    ['$2,400.50', 240050, undefined],
    ['about $2,400', 240000, undefined],
    ['around 2400 bucks', 240000, undefined],
    ['about 40k a year', 4000000, 'year'],
    ['i make 18 an hour', 1800, 'hour'],
    ['$3,100 per month', 310000, 'month'],
    ['2.4k', 240000, undefined],
    ['two thousand four hundred', 240000, undefined],
    ['roughly 52,000/yr', 5200000, 'year'],
    ['1200 monthly', 120000, 'month'],
  ])('%s → %i cents (%s)', (text, cents, period) => {
    expect(readAmount(text)).toEqual({ cents, period, others: [] });
  });

  it('a lump sum and a monthly amount in one sentence: each goes where it belongs', () => {
    expect(readAmount('I can keep 1500 and do 150 a month', 'lumpSum')).toEqual({ cents: 150000, period: undefined, others: [{ cents: 15000, period: 'month' }] });
    expect(readAmount('I can keep 1500 and do 150 a month', 'monthly')).toEqual({ cents: 15000, period: 'month', others: [{ cents: 150000, period: undefined }] });
  });

  it('a stray second number is never taken as the answer', () => {
    expect(readAmount('400 or 500')).toEqual({ problem: 'several' });
    expect(readAmount('1.2.3')).toEqual({ problem: 'several' });
    expect(readAmount('I can keep 1500 and maybe 200', 'lumpSum')).toEqual({ problem: 'several' });
  });

  it('no number, a negative and a huge number each say what is wrong', () => {
    expect(readAmount('lots')).toEqual({ problem: 'unclear' });
    expect(readAmount('-5')).toEqual({ problem: 'negative' });
    expect(readAmount('1e12')).toEqual({ problem: 'too_large' });
  });
});

describe('reading the count a sentence is about', () => {
  it.each([
    ['3', 3],
    ['3 people', 3],
    ['3 (me and my 2 kids)', 3],
    ['me and my 2 kids', 3],
    ['four', 4],
    ['4, me and my 3 kids', 4],
    ['2 (me and my wife)', 2],
  ])('%s → %i', (text, count) => {
    expect(readCount(text)).toEqual({ count });
  });

  it('several numbers or none are unclear, a fraction is not whole', () => {
    expect(readCount('3 or 4')).toEqual({ problem: 'unclear' });
    expect(readCount('a few')).toEqual({ problem: 'unclear' });
    expect(readCount('2.5')).toEqual({ problem: 'notWhole' });
  });
});
