import type { Finding, Leverage } from './billCheckModel';
import type { Case } from './case';
import { comparePrice } from './fairPrice';
import { aboveFairPrice, type MedicareLine } from './medicareLines';

/**
 * The bill check's rules about prices: charges above a comparable price she found, and above fair prices from
 * what Medicare pays in her area; and how far the lump-sum offer's reference comes down for them.
 */

/** Comparisons that mean something: a known, non-zero comparable price below the charge. */
export function usableComparisons(c: Case) {
  return (c.fairPrices ?? [])
    .filter((p) => p.comparableCents !== undefined && p.comparableCents > 0 && p.chargeCents > p.comparableCents)
    .map((p) => ({ price: p, comparison: comparePrice(p.chargeCents, p.comparableCents ?? 0) }));
}

export function priceFindings(c: Case): Finding[] {
  return usableComparisons(c).map(({ price, comparison }): Finding => ({
    code: 'aboveComparablePrice',
    severity: 'medium',
    figures: { ...comparison },
    ...(price.lineId ? { lineIds: [price.lineId] } : {}),
  }));
}

/**
 * Lines priced against Medicare whose charge is above the fair price to ask for. A comparable price she found
 * herself for the same line wins: that line is argued from her price, not Medicare's.
 */
export function linesAboveFairPrice(c: Case): (MedicareLine & { medicareCents: number; askCents: number })[] {
  const ownPrice = new Set(usableComparisons(c).map(({ price }) => price.lineId).filter((id): id is string => id !== undefined));
  return (c.medicare?.lines ?? []).filter(aboveFairPrice).filter((l) => l.lineId === undefined || !ownPrice.has(l.lineId));
}

/** One finding per charge above fair prices: lines that repeat one another (same code, charge and figure) share it. */
export function medicareFindings(c: Case): Finding[] {
  const findings = new Map<string, Finding>();
  for (const line of linesAboveFairPrice(c)) {
    const key = [line.code, line.modifier ?? '', line.chargeCents, line.medicareCents].join('|');
    const known = findings.get(key);
    if (known) {
      if (line.lineId) known.lineIds = [...(known.lineIds ?? []), line.lineId];
      continue;
    }
    findings.set(key, {
      code: 'aboveMedicare',
      severity: 'medium',
      figures: {
        chargeCents: line.chargeCents, medicareCents: line.medicareCents, overMedicarePercent: line.overMedicarePercent ?? 0,
        lowCents: line.lowCents ?? line.askCents, highCents: line.highCents ?? line.askCents, askCents: line.askCents, askPercent: line.askPercent ?? 0,
      },
      ...(line.lineId ? { lineIds: [line.lineId] } : {}),
    });
  }
  return [...findings.values()];
}

/**
 * What the lump-sum offer's reference comes down by for prices: what the charges are above the comparable prices
 * she found, and, when she pays the bill herself (no insurer's or estimate's figure to owe instead), what they
 * are above fair prices from Medicare's. An insurer's plan already set its own price, so Medicare's is only an
 * argument there, not a lower starting point.
 */
export function priceReductionCents(c: Case, leverage: Leverage): number {
  const paysTheBill = c.insurance === undefined || c.insurance === 'uninsured' || c.insurance === 'unsure';
  const fair = paysTheBill && c.eob?.status !== 'processed' ? (leverage.overFairPriceCents ?? 0) : 0;
  return (leverage.overComparableCents ?? 0) + fair;
}
