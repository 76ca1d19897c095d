import { isCents } from '../../src/domain/money';
import { fuzzPrompts } from './promptFuzz';
import { MONEY_RETRIES, texts } from './questionSpecs';

/** Step 1's optional parts: typing the bill's lines, then checking a charge against a fair price. */
const WITH_ITEMIZED = {
  provider: { name: 'Mercy', kind: 'imaging' }, serviceDate: '2026-09-01', firstBillDate: '2026-10-01', balanceCents: 180000,
  dueDate: '2026-12-31', insurance: 'unsure', inCollections: 'no', state: 'OH', documents: { itemizedBill: 'have' },
};
const LINE = { id: 'L1', code: '73721', description: 'MRI knee', units: 1, chargeCents: 180000 };
const NO_ITEMIZED = { ...WITH_ITEMIZED, documents: { itemizedBill: 'requested' } };
// A few words get our plain names to confirm (issue 22); "None of these" keeps her own price check.
const TO_CHARGE = ['1', 'Check a price', 'MRI of the knee', 'None of these'];

fuzzPrompts([
  {
    name: 'lines.offer', seed: WITH_ITEMIZED, path: ['1'], valid: 'Add lines', next: (c) => c.text('lines.entry.first'),
    reasks: texts('lines.offer.retry'), onward: texts('lines.entry.first', 'prices.offer.ask'),
  },
  {
    name: 'lines.entry', seed: WITH_ITEMIZED, path: ['1', 'Add lines'], valid: '3/3/2026, 99284, ER visit, $1,250.00',
    saved: (c) => c.billLines[0]?.chargeCents, expected: 125000,
    reasks: texts('lines.entry.retry', 'lines.problems.noCharge', 'lines.problems.badCharge', 'lines.problems.futureDate', 'lines.problems.badDate', 'lines.problems.tooLong'),
    sane: (cents) => expect(isCents(cents) && Number(cents) > 0).toBe(true), onward: texts('prices.offer.ask'),
  },
  {
    name: 'lines.notReceived', seed: { ...WITH_ITEMIZED, billLines: [LINE] }, path: ['1', 'Add lines', 'done'], valid: '1',
    final: (c) => c.billLines[0]?.notReceived, expected: true,
    reasks: (c) => [c.text('lines.notReceived.retry', { count: 1 })], onward: texts('prices.offer.ask'),
  },
  {
    name: 'prices.offer', seed: NO_ITEMIZED, path: ['1'], valid: 'Check a price', next: (c) => c.text('prices.service.ask'),
    reasks: texts('prices.offer.retry'), onward: texts('prices.service.ask', 'checkCard.done'),
  },
  {
    name: 'prices.pick', seed: { ...WITH_ITEMIZED, billLines: [LINE] }, path: ['1', 'Skip', 'Check a price'], valid: '1',
    next: (c) => c.text('prices.offerAfterMedicare.ask'), reasks: texts('prices.pick.retry'), onward: texts('prices.offerAfterMedicare.ask', 'prices.service.ask'),
  },
  {
    name: 'prices.service', seed: NO_ITEMIZED, path: ['1', 'Check a price'], valid: 'MRI of the knee', next: (c) => c.text('prices.confirm.ask'),
    reasks: texts('prices.service.retry'), onward: texts('prices.confirm.ask', 'prices.charge.ask'),
  },
  {
    name: 'prices.confirm', seed: NO_ITEMIZED, path: ['1', 'Check a price', 'MRI of the knee'], valid: 'None of these', next: (c) => c.text('prices.charge.ask'),
    reasks: texts('prices.confirm.retry'), onward: texts('prices.charge.ask'),
  },
  {
    name: 'prices.charge', seed: NO_ITEMIZED, path: TO_CHARGE, valid: '$1,800', next: (c) => c.text('prices.comparable.ask'),
    reasks: texts('prices.charge.retry', ...MONEY_RETRIES, 'answers.needed'), onward: texts('prices.comparable.ask'),
  },
  {
    name: 'prices.comparable', seed: NO_ITEMIZED, path: [...TO_CHARGE, '$1,800'], valid: '$450', next: (c) => c.text('prices.source.ask'),
    reasks: texts('prices.comparable.retry', ...MONEY_RETRIES), onward: texts('prices.source.ask', 'prices.noComparable'),
  },
  {
    name: 'prices.source', seed: NO_ITEMIZED, path: [...TO_CHARGE, '$1,800', '$450'], valid: 'FAIR Health',
    final: (c) => c.fairPrices[0] && { service: c.fairPrices[0].service, chargeCents: c.fairPrices[0].chargeCents, comparableCents: c.fairPrices[0].comparableCents, source: c.fairPrices[0].source },
    expected: { service: 'MRI of the knee', chargeCents: 180000, comparableCents: 45000, source: 'fairHealth' },
    reasks: texts('prices.source.retry'), onward: texts('prices.again.ask'),
  },
  {
    name: 'prices.again', seed: NO_ITEMIZED, path: [...TO_CHARGE, '$1,800', '$450', 'FAIR Health'], valid: 'Done', next: (c) => c.text('checkCard.done'),
    reasks: texts('prices.again.retry'), onward: texts('checkCard.done', 'prices.offer.ask'),
  },
]);
