import { INSURANCE_KINDS, PROVIDER_KINDS, YES_NO_UNSURE } from '../../src/domain/case';
import { fuzzPrompts } from './promptFuzz';
import { question } from './questionSpecs';

/** Step 1's intake, one question at a time: each seeded with every answer asked before it. */
const NAMED = { provider: { name: 'Mercy General' } };
// Her hospital is already picked from CMS's list, which does not say who owns it (so the nonprofit question is still
// asked): issue 23's look-up is not what this file fuzzes.
const PICKED = { hospital: { ccn: '360999', name: 'MERCY GENERAL', address: '1 MAIN ST', city: 'SPRINGFIELD', state: 'OH', zip: '45501', phone: '(937) 555-0100', ownership: 'Unknown', category: 'unknown' } };
const KIND = { provider: { name: 'Mercy General', kind: 'hospital' }, ...PICKED };
const NONPROFIT = { provider: { name: 'Mercy General', kind: 'hospital', nonprofit: 'yes' }, ...PICKED };
const SERVED = { ...NONPROFIT, serviceDate: '2026-09-01' };
const BILLED = { ...SERVED, firstBillDate: '2026-10-01' };
const BALANCE = { ...BILLED, balanceCents: 90000 };
const DUE = { ...BALANCE, dueDate: '2026-12-31' };
const INSURED = { ...DUE, insurance: 'employer' };
const COLLECTIONS = { ...INSURED, inCollections: 'no' };
const STATE = { ...COLLECTIONS, state: 'OH' };

fuzzPrompts([
  question('intake', 'providerName', 'text', {
    path: ['1'], valid: 'Mercy General Hospital', saved: (c) => c.provider.name, expected: 'Mercy General Hospital',
  }),
  question('intake', 'providerKind', 'choice', {
    seed: NAMED, path: ['1'], valid: 'Hospital or ER', saved: (c) => c.provider.kind, expected: 'hospital', choices: PROVIDER_KINDS,
  }),
  question('intake', 'nonprofit', 'choice', {
    seed: KIND, path: ['1'], valid: 'yes', saved: (c) => c.provider.nonprofit, expected: 'yes', choices: YES_NO_UNSURE,
  }),
  question('intake', 'serviceDate', 'pastDate', {
    seed: NONPROFIT, path: ['1'], valid: 'March 3, 2026', saved: (c) => c.serviceDate, expected: '2026-03-03',
  }),
  question('intake', 'firstBillDate', 'pastDate', {
    seed: SERVED, path: ['1'], valid: 'October 1, 2026', saved: (c) => c.firstBillDate, expected: '2026-10-01',
  }),
  question('intake', 'balance', 'money', {
    seed: BILLED, path: ['1'], valid: '$1,250.50', saved: (c) => c.balanceCents, expected: 125050,
  }),
  question('intake', 'dueDate', 'anyDate', {
    seed: BALANCE, path: ['1'], valid: 'December 15, 2026', saved: (c) => c.dueDate, expected: '2026-12-15',
  }),
  question('intake', 'insurance', 'choice', {
    seed: DUE, path: ['1'], valid: 'Employer plan', saved: (c) => c.insurance, expected: 'employer', choices: INSURANCE_KINDS,
  }),
  question('intake', 'inCollections', 'choice', {
    seed: INSURED, path: ['1'], valid: 'no', saved: (c) => c.inCollections, expected: 'no', choices: YES_NO_UNSURE,
  }),
  question('intake', 'collectionsDate', 'pastDate', {
    seed: { ...INSURED, inCollections: 'yes' }, path: ['1'], valid: 'November 2, 2026', saved: (c) => c.collectionsDate, expected: '2026-11-02',
  }),
  question('intake', 'state', 'state', {
    seed: COLLECTIONS, path: ['1'], valid: 'oh', saved: (c) => c.state, expected: 'OH',
  }),
  question('intake', 'itemizedBill', 'choice', {
    seed: STATE, path: ['1'], valid: 'Yes, I have it', saved: (c) => c.documents.itemizedBill, expected: 'have', choices: ['have', 'missing'],
  }),
]);
