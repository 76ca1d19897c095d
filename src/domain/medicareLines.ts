import { z } from 'zod';
import type { BillLine } from './gatherModel';
import { chargeAgainstMedicare, type FairPriceMultiples } from './fairPriceRange';
import { isCents, type Cents } from './money';
import type { Locality } from './localities';
import { medicarePrice, NO_MEDICARE_FIGURE_REASONS, type MedicareTables } from './medicarePrice';
import { cents } from './schemaParts';
import { PRICING_MODIFIERS, readBillCode, type BillCode } from './serviceSearch';

/**
 * What Medicare pays for each coded line of her bill, in her area, kept on the case (optional fields: no new
 * profile version): the snapshot the bill check, the card, the script and the offer argue from. Figures are
 * integer cents; the words come from content at display time.
 */

/** Where the service was given, for the fee schedule: a hospital is a facility; an office or freestanding center is not. */
export const MEDICARE_SETTINGS = ['facility', 'nonFacility'] as const;
export type MedicareSetting = (typeof MEDICARE_SETTINGS)[number];

/** Why there is no Medicare figure for a code (the words are `prices.noFigure.<reason>`). */
export const NO_FIGURE_REASONS = NO_MEDICARE_FIGURE_REASONS;
export type NoFigureReason = (typeof NO_FIGURE_REASONS)[number];

export const medicareLineSchema = z.looseObject({
  /** The bill line it prices (BillLine.id); absent for a service she typed in the price check. */
  lineId: z.string().max(40).optional(),
  code: z.string().min(1).max(12),
  modifier: z.enum(PRICING_MODIFIERS).optional(),
  units: z.number().int().min(1).max(999).default(1),
  chargeCents: cents,
  setting: z.enum(MEDICARE_SETTINGS).optional(),
  /** Which fee schedule priced it: the physician fee schedule (by setting and area) or the lab fee schedule (one national figure). */
  schedule: z.enum(['pfs', 'clfs']).optional(),
  /** What Medicare pays for the line (its amount for one unit times the units). */
  medicareCents: cents.optional(),
  /** The fair cash price range and the figure to ask for (fair-price-multiples.yaml), for the whole line. */
  lowCents: cents.optional(),
  highCents: cents.optional(),
  askCents: cents.optional(),
  askPercent: z.number().int().min(100).max(1000).optional(),
  /** How far the charge is above the Medicare amount, as a whole percent of it. */
  overMedicarePercent: z.number().int().min(0).optional(),
  noFigure: z.enum(NO_FIGURE_REASONS).optional(),
});
export type MedicareLine = z.infer<typeof medicareLineSchema>;

export const medicarePricesSchema = z.looseObject({
  /** Two-letter state and the CMS locality number within it (key on both: numbers repeat across states). */
  state: z.string().regex(/^[A-Z]{2}$/),
  locality: z.string().min(1).max(8),
  /** She said "not sure", so the state's rest-of-state locality is used (and said). */
  notSure: z.boolean().optional(),
  /** The fee schedules' year (2026), to date every figure. */
  year: z.number().int().min(1990).max(2200).optional(),
  lines: z.array(medicareLineSchema).max(100).default([]),
});
export type MedicarePrices = z.infer<typeof medicarePricesSchema>;

/** The fields issue 22 adds to a Case: all optional. */
export const medicareFields = {
  medicare: medicarePricesSchema.optional(),
};

/** What the Medicare fee schedules say for one unit of a code in her locality and setting. */
export type MedicareFigure = { kind: 'figure'; cents: Cents; setting: MedicareSetting; schedule?: 'pfs' | 'clfs' } | { kind: 'none'; reason: NoFigureReason };

/** The port to the fee schedules (src/domain/medicarePrice.ts over the loaded data): one code, modifier and setting. */
export type MedicareLookup = (code: BillCode, setting: MedicareSetting) => MedicareFigure;

/**
 * The setting to price in: a hospital is a facility, any other provider (a doctor's office, an imaging or lab
 * center, or unknown) is not. When Medicare does not pay the code in that setting, the other one is tried: an ER
 * visit is only ever given in a hospital, and a scan a hospital bills is also done in freestanding centers.
 */
export function settingFor(providerKind: string | undefined): MedicareSetting {
  return providerKind === 'hospital' ? 'facility' : 'nonFacility';
}

export function lookUpInEitherSetting(lookup: MedicareLookup, code: BillCode, setting: MedicareSetting): MedicareFigure {
  const first = lookup(code, setting);
  if (first.kind === 'figure' || first.reason !== 'notPaidInSetting') return first;
  const other = lookup(code, setting === 'facility' ? 'nonFacility' : 'facility');
  return other.kind === 'figure' ? other : first;
}

/** One service against Medicare: the line's figures, or the reason there are none. */
export function priceAgainstMedicare(
  service: { lineId?: string; code: BillCode; units: number; chargeCents: Cents },
  lookup: MedicareLookup,
  setting: MedicareSetting,
  multiples: FairPriceMultiples,
): MedicareLine {
  const base: MedicareLine = {
    ...(service.lineId ? { lineId: service.lineId } : {}),
    code: service.code.code, ...(service.code.modifier ? { modifier: service.code.modifier } : {}),
    units: service.units, chargeCents: service.chargeCents,
  };
  const figure = lookUpInEitherSetting(lookup, service.code, setting);
  if (figure.kind === 'none') return { ...base, noFigure: figure.reason };
  const lineCents = figure.cents * service.units;
  if (!isCents(lineCents) || lineCents <= 0) return { ...base, noFigure: 'notPaidThisWay' };
  const against = chargeAgainstMedicare(service.chargeCents, lineCents, multiples);
  return {
    ...base, setting: figure.setting, ...(figure.schedule ? { schedule: figure.schedule } : {}), medicareCents: lineCents, lowCents: against.lowCents, highCents: against.highCents,
    askCents: against.askCents, askPercent: against.askPercent, overMedicarePercent: against.overMedicarePercent,
  };
}

/** A hospital's 4-digit revenue code (0450 is the emergency room): a facility fee, paid by Medicare under other systems, not these schedules. */
const REVENUE_CODE = /^\s*0\d{3}\s*$/;

/**
 * Every line of the bill that has a code she typed, priced against Medicare (lines without a code are left out).
 * A revenue code gets an honest "no Medicare figure" (facility fees are paid under other systems).
 */
export function priceBillLines(lines: readonly BillLine[], lookup: MedicareLookup, setting: MedicareSetting, multiples: FairPriceMultiples): MedicareLine[] {
  return lines.flatMap((line): MedicareLine[] => {
    if (line.code && REVENUE_CODE.test(line.code)) return [{ lineId: line.id, code: line.code.trim(), units: line.units, chargeCents: line.chargeCents, noFigure: 'facilityFee' }];
    const code = line.code ? readBillCode(line.code) : undefined;
    if (!code) return [];
    return [priceAgainstMedicare({ lineId: line.id, code, units: line.units, chargeCents: line.chargeCents }, lookup, setting, multiples)];
  });
}

/** Whether any line has a code these schedules might price (a revenue code alone is not worth asking her area for). */
export function hasCodesToPrice(lines: readonly BillLine[]): boolean {
  return lines.some((line) => line.code !== undefined && !REVENUE_CODE.test(line.code) && readBillCode(line.code) !== undefined);
}

/** The case's priced services: the bill's lines, newly priced, then the services she typed in a price check (kept). */
export function mergeMedicareLines(previous: readonly MedicareLine[], billLines: readonly MedicareLine[]): MedicareLine[] {
  return [...billLines, ...previous.filter((l) => l.lineId === undefined)].slice(0, 100);
}

/** A priced line worth arguing: a Medicare figure, and a charge above the fair price to ask for. */
export function aboveFairPrice(line: MedicareLine): line is MedicareLine & { medicareCents: Cents; askCents: Cents } {
  return line.medicareCents !== undefined && line.askCents !== undefined && line.chargeCents > line.askCents;
}

/** The port over the loaded fee schedules, priced in one locality ("OH-00"). */
export function medicareLookup(tables: MedicareTables, locality: string): MedicareLookup {
  return (code, setting) => {
    const price = medicarePrice(tables, { code: code.code, ...(code.modifier ? { modifier: code.modifier } : {}), localityId: locality, setting });
    return price.kind === 'figure' ? { kind: 'figure', cents: price.cents, setting, schedule: price.schedule } : { kind: 'none', reason: price.reason };
  };
}

/** Her Medicare area for the case: the locality, and whether she said "not sure" (so the rest of the state was used). */
export interface MedicareArea {
  locality: Locality;
  notSure: boolean;
}

/** The lines kept from an earlier snapshot: only when it was priced in the same area (a new area re-prices everything). */
function sameArea(previous: MedicarePrices | undefined, area: MedicareArea): MedicarePrices | undefined {
  return previous && previous.state === area.locality.state && previous.locality === area.locality.number ? previous : undefined;
}

function snapshot(area: MedicareArea, year: number, lines: MedicareLine[]): MedicarePrices {
  return { state: area.locality.state, locality: area.locality.number, ...(area.notSure ? { notSure: true } : {}), year, lines };
}

/** The whole bill priced in her area: every coded line, newly priced, then the services she typed in a price check (when the area is unchanged). */
export function priceBill(
  bill: { lines: readonly BillLine[]; providerKind: string | undefined; previous: MedicarePrices | undefined },
  area: MedicareArea, tables: MedicareTables, multiples: FairPriceMultiples,
): MedicarePrices {
  const priced = priceBillLines(bill.lines, medicareLookup(tables, area.locality.id), settingFor(bill.providerKind), multiples);
  return snapshot(area, tables.pfs.year, mergeMedicareLines(sameArea(bill.previous, area)?.lines ?? [], priced));
}

/** A case with its bill priced in her area: `medicare` replaced by priceBill over its lines (a typed service kept). */
export function withMedicarePrices<C extends { billLines: readonly BillLine[]; provider: { kind?: string | undefined }; medicare?: MedicarePrices | undefined }>(
  c: C, area: MedicareArea, tables: MedicareTables, multiples: FairPriceMultiples,
): C {
  return { ...c, medicare: priceBill({ lines: c.billLines, providerKind: c.provider.kind, previous: c.medicare }, area, tables, multiples) };
}

/**
 * One service priced in her area (a line of the bill she picked, or a service she typed in the price check), kept
 * in the snapshot: it replaces the same bill line, or the same typed service and charge.
 */
export function priceOneService(
  service: { lineId?: string; code: BillCode; units: number; chargeCents: Cents; providerKind: string | undefined },
  area: MedicareArea, tables: MedicareTables, multiples: FairPriceMultiples,
): MedicareLine {
  const lookup = medicareLookup(tables, area.locality.id);
  return priceAgainstMedicare(service, lookup, settingFor(service.providerKind), multiples);
}

export function withPricedService(previous: MedicarePrices | undefined, area: MedicareArea, year: number, line: MedicareLine): MedicarePrices {
  const same = (l: MedicareLine) =>
    line.lineId !== undefined ? l.lineId === line.lineId : l.lineId === undefined && l.code === line.code && l.modifier === line.modifier && l.chargeCents === line.chargeCents;
  const lines = sameArea(previous, area)?.lines ?? [];
  const at = lines.findIndex(same);
  return snapshot(area, year, at >= 0 ? lines.map((l, i) => (i === at ? line : l)) : [...lines, line].slice(-100));
}
