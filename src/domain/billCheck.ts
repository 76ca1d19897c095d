import type { Case } from './case';
import { addDays, daysBetween } from './dateMath';
import { isIsoDate, type IsoDate } from './dates';
import type { BillCheckResult, Finding, Leverage, Severity } from './billCheckModel';
import type { BillLine, EobFigures } from './gatherModel';
import { linesAboveFairPrice, medicareFindings, priceFindings, usableComparisons } from './priceFindings';

export { addDays } from './dateMath';
export * from './billCheckModel';
export { linesAboveFairPrice, priceReductionCents } from './priceFindings';

/**
 * The bill check: pure rules over what the user entered. Findings carry codes and figures only;
 * the words live in content/en/findings.yaml (`findings.<code>.title|meaning|say`).
 */

/** No Surprises Act (CMS, 2022): a self-pay bill this far above its Good Faith Estimate can be disputed… */
export const GFE_DISPUTE_THRESHOLD_CENTS = 40_000;
/** …within this many calendar days of the bill. */
export const GFE_DISPUTE_WINDOW_DAYS = 120;
/** Line totals within a dollar of the bill total are treated as adding up (rounding on printed bills). */
export const LINES_TOLERANCE_CENTS = 100;

const INSURED: ReadonlySet<string> = new Set(['employer', 'marketplace', 'medicare', 'medicaid']);
/**
 * The plans the No Surprises Act's balance-billing protections cover: job-based (FEHB among them) and
 * individual/Marketplace plans. Medicare and Medicaid have their own rules (CMS, No Surprises Act, 2022).
 */
const NO_SURPRISES_PLANS: ReadonlySet<string> = new Set(['employer', 'marketplace']);
const SEVERITY_ORDER: Record<Severity, number> = { high: 0, medium: 1, info: 2 };

/** What the EOB says the patient may owe; else deductible + copay + coinsurance; undefined when neither is known. */
export function patientResponsibilityCents(eob: EobFigures): number | undefined {
  if (eob.patientOwesCents !== undefined) return eob.patientOwesCents;
  const parts = [eob.deductibleCents, eob.copayCents, eob.coinsuranceCents].filter((v): v is number => v !== undefined);
  return parts.length === 0 ? undefined : parts.reduce((a, b) => a + b, 0);
}

/** Runs every rule on a case. Missing fields skip a rule; it never throws on partial data. */
export function checkBill(c: Case, today: IsoDate): BillCheckResult {
  const lines: BillLine[] = c.billLines ?? [];
  const findings = [...insuranceFindings(c), ...goodFaithFindings(c, today), ...lineFindings(c, lines), ...priceFindings(c), ...medicareFindings(c)];
  // Array.prototype.sort is stable: same-severity findings keep the FINDING_CODES order.
  findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return { findings, clean: findings.length === 0, leverage: leverage(c, lines) };
}

function insuranceFindings(c: Case): Finding[] {
  const out: Finding[] = [];
  const insured = c.insurance !== undefined && INSURED.has(c.insurance);
  const eob = c.eob;
  if (insured && eob?.status === 'pending') out.push({ code: 'claimPending', severity: 'high', figures: {} });
  if (eob?.status === 'denied') out.push({ code: 'claimDenied', severity: 'high', figures: {} });
  const overEob = overEobCents(c);
  if (overEob !== undefined) {
    const figures = { balanceCents: overEob.balance, responsibilityCents: overEob.responsibility, differenceCents: overEob.difference };
    out.push({ code: 'balanceAboveEob', severity: 'high', figures });
  }
  out.push(...coverageFindings(c));
  return out;
}

/**
 * What her coverage's own rules say about the bill. No Surprises Act plans: emergency care and an
 * out-of-network clinician at an in-network place cost only the in-network share; emergency care is worth a
 * look first only when someone out of network was involved (or she is not sure), otherwise it is a note.
 * Medicaid: a provider that takes Medicaid accepts its payment plus the program's cost sharing as payment in
 * full (42 CFR 447.15). Medicare: a provider that accepts assignment may not charge more than the
 * Medicare-approved amount.
 */
function coverageFindings(c: Case): Finding[] {
  const eob = c.eob;
  if (c.insurance !== undefined && NO_SURPRISES_PLANS.has(c.insurance)) {
    const out: Finding[] = [];
    const outOfNetwork = eob?.outOfNetworkAtInNetwork;
    if (eob?.emergency === 'yes') out.push({ code: 'noSurprisesEmergency', severity: outOfNetwork === 'no' ? 'info' : 'high', figures: {} });
    if (outOfNetwork === 'yes') out.push({ code: 'noSurprisesOutOfNetwork', severity: 'high', figures: {} });
    return out;
  }
  if (c.insurance === 'medicaid' && c.balanceCents !== undefined && c.balanceCents > 0) {
    return [{ code: 'medicaidCostSharingOnly', severity: 'high', figures: { balanceCents: c.balanceCents } }];
  }
  if (c.insurance === 'medicare') return [{ code: 'medicareApprovedAmount', severity: overEobCents(c) ? 'high' : 'info', figures: {} }];
  return [];
}

/** Only a processed claim has a final patient responsibility; a pending one is skipped on purpose. */
function overEobCents(c: Case): { balance: number; responsibility: number; difference: number } | undefined {
  if (c.eob?.status !== 'processed' || c.balanceCents === undefined) return undefined;
  const responsibility = patientResponsibilityCents(c.eob);
  if (responsibility === undefined || c.balanceCents <= responsibility) return undefined;
  return { balance: c.balanceCents, responsibility, difference: c.balanceCents - responsibility };
}

function goodFaithFindings(c: Case, today: IsoDate): Finding[] {
  const estimate = c.goodFaithEstimateCents;
  if (c.insurance !== 'uninsured' || estimate === undefined || c.balanceCents === undefined) return [];
  const difference = c.balanceCents - estimate;
  if (difference < GFE_DISPUTE_THRESHOLD_CENTS) return [];
  const finding: Finding = {
    code: 'goodFaithEstimateExceeded',
    severity: 'high',
    figures: { balanceCents: c.balanceCents, estimateCents: estimate, differenceCents: difference },
  };
  if (c.firstBillDate !== undefined && isIsoDate(c.firstBillDate)) {
    finding.deadline = addDays(c.firstBillDate, GFE_DISPUTE_WINDOW_DAYS);
    if (isIsoDate(today)) {
      const daysLeft = daysBetween(today, finding.deadline);
      finding.figures.daysLeft = daysLeft;
      // The window may have passed: still worth a call, but no longer the first thing to do.
      if (daysLeft < 0) finding.severity = 'medium';
    }
  }
  return [finding];
}

function lineFindings(c: Case, lines: BillLine[]): Finding[] {
  const out: Finding[] = [];
  const extras = duplicateExtras(lines);
  if (extras.length > 0) {
    out.push({ code: 'duplicateLines', severity: 'medium', figures: { count: extras.length, amountCents: sumCharges(extras) }, lineIds: extras.map((l) => l.id) });
  }
  const billTotal = c.eob?.billedCents ?? (c.insurance === 'uninsured' ? c.balanceCents : undefined);
  if (lines.length >= 2 && billTotal !== undefined) {
    const linesTotal = sumCharges(lines);
    const difference = Math.abs(linesTotal - billTotal);
    if (difference > LINES_TOLERANCE_CENTS) {
      out.push({ code: 'linesDontAddUp', severity: 'medium', figures: { linesTotalCents: linesTotal, billTotalCents: billTotal, differenceCents: difference } });
    }
  }
  const notReceived = lines.filter((l) => l.notReceived === true);
  if (notReceived.length > 0) {
    out.push({ code: 'serviceNotReceived', severity: 'high', figures: { count: notReceived.length, amountCents: sumCharges(notReceived) }, lineIds: notReceived.map((l) => l.id) });
  }
  return out;
}

/**
 * Lines that repeat an earlier line: same date (both missing counts as the same), same code (trimmed,
 * any case) or, when neither has a code, the same description; same charge and units. Lines with
 * neither a code nor a description are never called duplicates: nothing says they are the same service.
 */
function duplicateExtras(lines: BillLine[]): BillLine[] {
  const seen = new Set<string>();
  const extras: BillLine[] = [];
  for (const line of lines) {
    const what = identity(line);
    if (what === undefined) continue;
    const key = JSON.stringify([line.date ?? '', what, line.chargeCents, line.units ?? 1]);
    if (seen.has(key)) extras.push(line);
    else seen.add(key);
  }
  return extras;
}

function identity(line: BillLine): string | undefined {
  const code = line.code?.trim().toLowerCase();
  if (code) return `code:${code}`;
  const description = line.description?.trim().toLowerCase();
  return description ? `description:${description}` : undefined;
}

function sumCharges(lines: BillLine[]): number {
  return lines.reduce((sum, l) => sum + l.chargeCents, 0);
}

function leverage(c: Case, lines: BillLine[]): Leverage {
  const result: Leverage = {};
  const overEob = overEobCents(c);
  if (overEob !== undefined) result.overEobCents = overEob.difference;
  const overComparable = usableComparisons(c).reduce((sum, { comparison }) => sum + comparison.overCents, 0);
  if (overComparable > 0) result.overComparableCents = overComparable;
  const notReceived = sumCharges(lines.filter((l) => l.notReceived === true));
  if (notReceived > 0) result.notReceivedCents = notReceived;
  const overFair = linesAboveFairPrice(c).reduce((sum, l) => sum + (l.chargeCents - l.askCents), 0);
  if (overFair > 0) result.overFairPriceCents = overFair;
  return result;
}
