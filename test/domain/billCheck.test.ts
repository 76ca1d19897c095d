import path from 'node:path';
import { ContentStore } from '../../src/content/contentStore';
import { FINDING_CODES, FINDING_FIGURES, addDays, checkBill, patientResponsibilityCents, type BillCheckResult, type Finding } from '../../src/domain/billCheck';
import { caseSchema, type Case } from '../../src/domain/case';
import { formatIsoDate } from '../../src/domain/dates';
import { formatCents } from '../../src/domain/money';

const TODAY = '2026-02-01';
const NOW = '2026-02-01T10:00:00Z';

/** A case as the dialogs save it: through the schema, so defaults apply. */
function bill(fields: Record<string, unknown>): Case {
  return caseSchema.parse({ id: 'case-1', label: 'Mercy General', createdAt: NOW, updatedAt: NOW, ...fields });
}

const line = (id: string, chargeCents: number, extra: Record<string, unknown> = {}) => ({ id, chargeCents, ...extra });

/** Bills that together produce every finding: the figure and content tests run on them. */
const SAMPLES = (): Case[] => [
  bill({ insurance: 'employer', eob: { status: 'pending', emergency: 'yes', outOfNetworkAtInNetwork: 'yes' } }),
  bill({ insurance: 'employer', eob: { status: 'denied' } }),
  bill({ insurance: 'medicaid', balanceCents: 45_000 }),
  bill({ insurance: 'medicare', balanceCents: 45_000 }),
  bill({ insurance: 'uninsured', goodFaithEstimateCents: 120_000, balanceCents: 215_000, firstBillDate: '2026-01-15' }),
  bill({ insurance: 'uninsured', goodFaithEstimateCents: 120_000, balanceCents: 215_000, firstBillDate: '2025-06-15' }),
  bill({
    insurance: 'employer', balanceCents: 100_000,
    eob: { status: 'processed', billedCents: 500_000, coinsuranceCents: 40_000 },
    billLines: [line('a', 20_000, { code: 'x' }), line('b', 20_000, { code: 'x' }), line('c', 9_000, { code: 'y', notReceived: true })],
    fairPrices: [{ id: 'p', service: 'CT', lineId: 'a', chargeCents: 20_000, comparableCents: 10_000, recordedAt: NOW }],
  }),
  bill({
    insurance: 'uninsured', balanceCents: 145_000, billLines: [line('er', 145_000, { code: '99284' })],
    medicare: { state: 'OH', locality: '00', lines: [{ lineId: 'er', code: '99284', units: 1, chargeCents: 145_000, setting: 'facility', medicareCents: 11_703, lowCents: 17_555, highCents: 23_406, askCents: 23_406, askPercent: 200, overMedicarePercent: 1139 }] },
  }),
];
const check = (c: Case, today = TODAY): BillCheckResult => checkBill(c, today);
const codes = (r: BillCheckResult) => r.findings.map((f) => f.code);
const find = (r: BillCheckResult, code: Finding['code']) => r.findings.find((f) => f.code === code);

describe('the bill check', () => {
  it('an insured ER visit billed above the EOB: the gap is flagged, and emergency care has No Surprises protection', () => {
    const r = check(bill({
      insurance: 'employer', balanceCents: 240_000,
      eob: { status: 'processed', billedCents: 800_000, deductibleCents: 50_000, coinsuranceCents: 30_000, emergency: 'yes' },
    }));
    expect(codes(r)).toEqual(['balanceAboveEob', 'noSurprisesEmergency']);
    expect(find(r, 'balanceAboveEob')).toEqual({ code: 'balanceAboveEob', severity: 'high', figures: { balanceCents: 240_000, responsibilityCents: 80_000, differenceCents: 160_000 } });
    expect(r.clean).toBe(false);
    expect(r.leverage).toEqual({ overEobCents: 160_000 });
  });

  it('a balance equal to (or below) the EOB responsibility is not flagged', () => {
    const eob = { status: 'processed', deductibleCents: 50_000, copayCents: 15_000 };
    expect(codes(check(bill({ insurance: 'marketplace', balanceCents: 65_000, eob })))).toEqual([]);
    expect(codes(check(bill({ insurance: 'marketplace', balanceCents: 20_000, eob })))).toEqual([]);
  });

  it('No Surprises Act findings go to job-based and Marketplace plans only: not to Medicare, Medicaid, the uninsured or "not sure"', () => {
    const eob = { status: 'processed', outOfNetworkAtInNetwork: 'yes', emergency: 'yes' };
    expect(codes(check(bill({ insurance: 'employer', eob })))).toEqual(['noSurprisesEmergency', 'noSurprisesOutOfNetwork']);
    expect(codes(check(bill({ insurance: 'marketplace', eob })))).toEqual(['noSurprisesEmergency', 'noSurprisesOutOfNetwork']);
    for (const insurance of ['medicare', 'medicaid', 'unsure', 'uninsured']) {
      expect(codes(check(bill({ insurance, eob }))).filter((code) => code.startsWith('noSurprises'))).toEqual([]);
    }
    expect(codes(check(bill({ insurance: 'employer', eob: { status: 'processed', emergency: 'unsure' } })))).toEqual([]);
  });

  it('emergency care is "look at this first" only when someone out of network may have been involved; otherwise a note', () => {
    const er = (outOfNetworkAtInNetwork?: string) => find(check(bill({ insurance: 'employer', eob: { status: 'processed', emergency: 'yes', outOfNetworkAtInNetwork } })), 'noSurprisesEmergency');
    expect(er('no')?.severity).toBe('info');
    expect(er('unsure')?.severity).toBe('high');
    expect(er(undefined)?.severity).toBe('high');
  });

  it('Medicaid: a bill at all is worth questioning, since a Medicaid provider takes Medicaid\'s payment and copay as payment in full', () => {
    const r = check(bill({ insurance: 'medicaid', balanceCents: 90_000, eob: { status: 'processed', emergency: 'yes', outOfNetworkAtInNetwork: 'yes' } }));
    expect(codes(r)).toEqual(['medicaidCostSharingOnly']);
    expect(find(r, 'medicaidCostSharingOnly')).toEqual({ code: 'medicaidCostSharingOnly', severity: 'high', figures: { balanceCents: 90_000 } });
    expect(codes(check(bill({ insurance: 'medicaid', balanceCents: 0 })))).toEqual([]);
  });

  it('Medicare: the Medicare-approved amount is the limit; first thing to check when the bill is above what the notice says', () => {
    const above = check(bill({ insurance: 'medicare', balanceCents: 90_000, eob: { status: 'processed', patientOwesCents: 20_000, emergency: 'yes' } }));
    expect(codes(above)).toEqual(['balanceAboveEob', 'medicareApprovedAmount']);
    expect(find(above, 'medicareApprovedAmount')?.severity).toBe('high');
    expect(find(check(bill({ insurance: 'medicare', balanceCents: 20_000, eob: { status: 'processed', patientOwesCents: 20_000 } })), 'medicareApprovedAmount')?.severity).toBe('info');
  });

  describe('a self-pay visit over its Good Faith Estimate', () => {
    const selfPay = { insurance: 'uninsured', goodFaithEstimateCents: 120_000, balanceCents: 215_000, firstBillDate: '2026-01-15' };

    it('is flagged with the dispute deadline: 120 calendar days after the first bill, and the days left', () => {
      const r = check(bill(selfPay));
      expect(r.findings).toEqual([{
        code: 'goodFaithEstimateExceeded', severity: 'high', deadline: '2026-05-15',
        figures: { balanceCents: 215_000, estimateCents: 120_000, differenceCents: 95_000, daysLeft: 103 },
      }]);
    });

    it('once the window has passed: still shown, less urgent, with negative days left', () => {
      const f = find(check(bill(selfPay), '2026-06-01'), 'goodFaithEstimateExceeded');
      expect(f).toMatchObject({ severity: 'medium', deadline: '2026-05-15', figures: { daysLeft: -17 } });
    });

    it('without the first bill date: flagged with no deadline', () => {
      const f = find(check(bill({ ...selfPay, firstBillDate: undefined })), 'goodFaithEstimateExceeded');
      expect(f?.deadline).toBeUndefined();
      expect(f?.figures).toEqual({ balanceCents: 215_000, estimateCents: 120_000, differenceCents: 95_000 });
    });

    it.each([
      ['exactly $400 over', 160_000, true],
      ['$399.99 over', 159_999, false],
      ['under the estimate', 90_000, false],
    ])('%s: flagged %p', (_label, balanceCents, flagged) => {
      const r = check(bill({ ...selfPay, balanceCents }));
      expect(codes(r).includes('goodFaithEstimateExceeded')).toBe(flagged);
    });

    it('does not apply to an insured patient', () => {
      expect(codes(check(bill({ ...selfPay, insurance: 'employer' })))).toEqual([]);
    });
  });

  it('a denied claim: appeal first (the denial reason stays user text, not a figure)', () => {
    const r = check(bill({ insurance: 'employer', balanceCents: 300_000, eob: { status: 'denied', denialReason: 'Not medically necessary', deductibleCents: 10_000 } }));
    expect(r.findings).toEqual([{ code: 'claimDenied', severity: 'high', figures: {} }]);
  });

  it('a pending claim: do not pay yet, and no comparison with an EOB that is not final', () => {
    const r = check(bill({ insurance: 'employer', balanceCents: 300_000, eob: { status: 'pending', deductibleCents: 10_000 } }));
    expect(r.findings).toEqual([{ code: 'claimPending', severity: 'high', figures: {} }]);
    expect(r.leverage).toEqual({});
  });

  describe('itemized lines', () => {
    it('three identical lines (code typed differently) are one charge plus two duplicates', () => {
      const r = check(bill({ billLines: [
        line('a', 12_500, { date: '2026-01-10', code: '80053' }),
        line('b', 12_500, { date: '2026-01-10', code: ' 80053 ' }),
        line('c', 4_000, { date: '2026-01-10', code: '85025' }),
        line('d', 12_500, { date: '2026-01-10', code: '80053' }),
      ] }));
      expect(r.findings).toEqual([{ code: 'duplicateLines', severity: 'medium', figures: { count: 2, amountCents: 25_000 }, lineIds: ['b', 'd'] }]);
    });

    it('same code on different days, or different units, is not a duplicate; without codes the description decides', () => {
      const r = check(bill({ billLines: [
        line('a', 9_900, { date: '2026-01-10', code: 'J1100' }),
        line('b', 9_900, { date: '2026-01-11', code: 'J1100' }),
        line('c', 9_900, { date: '2026-01-10', code: 'J1100', units: 2 }),
        line('d', 3_000, { description: 'Room and board' }),
        line('e', 3_000, { description: 'ROOM AND BOARD' }),
        line('f', 500), line('g', 500),
      ] }));
      expect(find(r, 'duplicateLines')).toMatchObject({ lineIds: ['e'], figures: { count: 1, amountCents: 3_000 } });
    });

    it('lines that do not add up to the billed total (more than $1 off) are flagged; within $1 is fine', () => {
      const lines = [line('a', 150_000), line('b', 60_000)];
      const r = check(bill({ insurance: 'employer', billLines: lines, eob: { status: 'processed', billedCents: 260_000 } }));
      expect(r.findings).toEqual([{ code: 'linesDontAddUp', severity: 'medium', figures: { linesTotalCents: 210_000, billTotalCents: 260_000, differenceCents: 50_000 } }]);
      expect(codes(check(bill({ insurance: 'employer', billLines: lines, eob: { status: 'processed', billedCents: 210_100 } })))).toEqual([]);
      const selfPay = check(bill({ insurance: 'uninsured', balanceCents: 200_000, billLines: lines }));
      expect(find(selfPay, 'linesDontAddUp')?.figures).toEqual({ linesTotalCents: 210_000, billTotalCents: 200_000, differenceCents: 10_000 });
      expect(codes(check(bill({ insurance: 'uninsured', balanceCents: 1, billLines: [line('a', 150_000)] })))).toEqual([]);
    });

    it('a service marked not received is flagged first, with its lines and amount', () => {
      const r = check(bill({ billLines: [line('a', 20_000, { code: '99285' }), line('b', 35_000, { code: '96374', notReceived: true })] }));
      expect(r.findings).toEqual([{ code: 'serviceNotReceived', severity: 'high', figures: { count: 1, amountCents: 35_000 }, lineIds: ['b'] }]);
      expect(r.leverage).toEqual({ notReceivedCents: 35_000 });
    });
  });

  it('a charge above a comparable price: over, percent and target; a $0 or unknown comparable is skipped', () => {
    const fairPrices = [
      { id: 'p1', service: 'MRI knee', lineId: 'a', chargeCents: 180_000, comparableCents: 45_000, source: 'hospitalCashPrice', recordedAt: NOW },
      { id: 'p2', service: 'X-ray', chargeCents: 30_000, comparableCents: 20_000, recordedAt: NOW },
      { id: 'p3', service: 'Lab', chargeCents: 5_000, comparableCents: 6_000, recordedAt: NOW },
      { id: 'p4', service: 'Visit', chargeCents: 5_000, comparableCents: 0, recordedAt: NOW },
      { id: 'p5', service: 'Drug', chargeCents: 5_000, recordedAt: NOW },
    ];
    const r = check(bill({ fairPrices }));
    expect(r.findings).toEqual([
      { code: 'aboveComparablePrice', severity: 'medium', lineIds: ['a'], figures: { chargeCents: 180_000, comparableCents: 45_000, overCents: 135_000, overPercent: 300, targetCents: 45_000 } },
      { code: 'aboveComparablePrice', severity: 'medium', figures: { chargeCents: 30_000, comparableCents: 20_000, overCents: 10_000, overPercent: 50, targetCents: 20_000 } },
    ]);
    expect(r.leverage).toEqual({ overComparableCents: 145_000 });
  });

  it('puts high findings before medium ones, keeping each group in rule order', () => {
    const r = check(bill({
      insurance: 'employer', balanceCents: 100_000,
      eob: { status: 'processed', billedCents: 500_000, coinsuranceCents: 40_000, emergency: 'yes' },
      billLines: [line('a', 20_000, { code: 'x' }), line('b', 20_000, { code: 'x' }), line('c', 9_000, { code: 'y', notReceived: true })],
      fairPrices: [{ id: 'p', service: 'CT', chargeCents: 20_000, comparableCents: 10_000, recordedAt: NOW }],
    }));
    expect(r.findings.map((f) => `${f.severity}:${f.code}`)).toEqual([
      'high:balanceAboveEob', 'high:noSurprisesEmergency', 'high:serviceNotReceived',
      'medium:duplicateLines', 'medium:linesDontAddUp', 'medium:aboveComparablePrice',
    ]);
  });

  it('a clean bill: insurance processed, balance matches the EOB, lines add up: no findings', () => {
    const r = check(bill({
      insurance: 'employer', balanceCents: 45_000, firstBillDate: '2026-01-05', goodFaithEstimateCents: 10_000,
      eob: { status: 'processed', billedCents: 300_000, deductibleCents: 45_000, emergency: 'no' },
      billLines: [line('a', 200_000, { code: '99284' }), line('b', 100_000, { code: '71046' })],
    }));
    expect(r).toEqual({ findings: [], clean: true, leverage: {} });
  });

  it('a case with almost nothing filled in does not throw and has no findings', () => {
    expect(check(bill({}))).toEqual({ findings: [], clean: true, leverage: {} });
    expect(check(bill({ insurance: 'uninsured', eob: { status: 'processed' } }), 'not a date').clean).toBe(true);
    const oldData = { id: 'x', label: 'Old', createdAt: NOW, updatedAt: NOW } as unknown as Case; // stored before lines existed
    expect(checkBill(oldData, TODAY).clean).toBe(true);
  });

  it('every finding carries only its listed figures, all integers', () => {
    for (const f of SAMPLES().map((c) => checkBill(c, TODAY)).flatMap((r) => r.findings)) {
      expect(Object.keys(f.figures).filter((k) => !FINDING_FIGURES[f.code].includes(k))).toEqual([]);
      expect(Object.values(f.figures).every(Number.isSafeInteger)).toBe(true);
    }
  });
});

describe('patient responsibility from the EOB', () => {
  it('adds deductible, copay and coinsurance; unknown when none is given', () => {
    expect(patientResponsibilityCents({ status: 'processed', deductibleCents: 50_000, copayCents: 2_500, coinsuranceCents: 12_000 })).toBe(64_500);
    expect(patientResponsibilityCents({ status: 'processed', copayCents: 0 })).toBe(0);
    expect(patientResponsibilityCents({ status: 'processed', billedCents: 90_000 })).toBeUndefined();
  });
});

describe('addDays', () => {
  it.each([['2026-01-15', 120, '2026-05-15'], ['2028-02-01', 120, '2028-05-31'], ['2026-03-01', -1, '2026-02-28'], ['2026-12-31', 1, '2027-01-01']])(
    '%s + %p days = %s', (from, days, to) => expect(addDays(from, days)).toBe(to),
  );
  it('refuses a malformed date', () => expect(() => addDays('2026-02-30', 1)).toThrow(RangeError));
});

describe('findings content (content/en/findings.yaml)', () => {
  // Loaded in beforeAll: a content file broken elsewhere fails these tests, not the rule tests above.
  let content: ContentStore;
  beforeAll(() => {
    content = ContentStore.load(path.join(__dirname, '..', '..', 'content', 'en'));
  });
  const keysOf = (code: string) => content.keys().filter((k) => k.startsWith(`findings.${code}.`));
  const allowed = (code: Finding['code']) => new Set([
    ...FINDING_FIGURES[code].map((f) => f.replace(/Cents$/, '')), 'deadline', 'daysLeft', 'count', 'overPercent', 'provider',
  ]);

  it.each(FINDING_CODES)('%s has a title, a meaning and a phone line, using only placeholders the dialog can supply', (code) => {
    for (const leaf of ['title', 'meaning', 'say']) expect(content.has(`findings.${code}.${leaf}`)).toBe(true);
    const ok = allowed(code);
    const unknown = keysOf(code).flatMap((k) => content.placeholders(k).filter((p) => !ok.has(p)).map((p) => `${k}: {{${p}}}`));
    expect(unknown).toEqual([]);
  });

  it('has the clean message (no claim that the bill is correct), the severity labels and the disclaimer', () => {
    expect(content.text('findings.clean')).toMatch(/no errors in what you entered/i);
    for (const s of ['high', 'medium', 'info']) expect(content.text(`findings.severity.${s}`)).not.toBe('');
    expect(content.text('findings.disclaimer')).toMatch(/not legal or financial advice/);
  });

  it('gives every text that states a number, deadline or phone number its source and year', () => {
    const stated = /\$\d|\b\d+[- ]day|\d{3}-\d{3}-\d{4}|No Surprises Act|right to/;
    const unsourced = content.keys().filter((k) => k.startsWith('findings.')).filter((k) => {
      const vars = Object.fromEntries(content.placeholders(k).map((p) => [p, '…']));
      const entry = content.sourced(k, vars);
      return stated.test(entry.text) && (entry.source === undefined || entry.year === undefined);
    });
    expect(unsourced).toEqual([]);
    expect(content.sourced('findings.goodFaithEstimateExceeded.meaning', { balance: '', difference: '', estimate: '' }))
      .toMatchObject({ source: 'CMS, No Surprises Act — patient-provider dispute resolution', year: 2022 });
  });

  it('renders every finding the checks above produced, with figures formatted as the dialog passes them', () => {
    const findings = SAMPLES().map((c) => checkBill(c, TODAY)).flatMap((r) => r.findings);
    expect(new Set(findings.map((f) => f.code))).toEqual(new Set(FINDING_CODES));
    for (const f of findings) {
      const vars: Record<string, string | number> = {};
      for (const [name, value] of Object.entries(f.figures)) {
        if (name.endsWith('Cents')) vars[name.replace(/Cents$/, '')] = formatCents(value);
        else vars[name] = value;
      }
      if (f.deadline) vars.deadline = formatIsoDate(f.deadline);
      const texts = ['title', 'meaning', 'say'].map((leaf) => content.text(`findings.${f.code}.${leaf}`, vars));
      expect(texts.join(' ')).not.toMatch(/\{\{|undefined|NaN/);
    }
    expect(content.text('findings.goodFaithEstimateExceeded.deadline', { deadline: formatIsoDate('2026-05-15'), daysLeft: 103 }))
      .toBe('You have until May 15, 2026 to start the dispute (days left: 103). That\'s 120 calendar days from the date on the original bill.');
  });
});
