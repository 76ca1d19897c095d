import type { Cents } from './money';
import { findLocality, type Locality, type LocalityTable } from './localities';

/**
 * What Medicare pays for one unit of a service, from CMS's public fee schedules (loaded and validated by
 * src/content/medicareData.ts): the Physician Fee Schedule (PFS) priced in the patient's locality, or the
 * Clinical Laboratory Fee Schedule (CLFS) for lab tests. Pure: integer arithmetic, constant-time Map look-ups.
 *
 *   PFS amount = (work RVU × work GPCI + PE RVU × PE GPCI + MP RVU × MP GPCI) × conversion factor,
 *   rounded once, to the cent, as CMS rounds the fee (its spot checks: 99213 in Manhattan is $107.63).
 *
 * A code Medicare does not price this way gets a reason, never a number.
 */

/** Where the service was given: `facility` for a hospital (or ASC), `nonFacility` for an office or freestanding center. */
export type PriceSetting = 'facility' | 'nonFacility';

/** The two component modifiers the PFS prices separately: professional (26) and technical (TC). */
export type ComponentModifier = '26' | 'TC';

/** Statuses the PFS pays from its RVUs: A (active), R (restricted coverage), T (paid only without another service that day). */
export const PRICED_STATUSES = ['A', 'R', 'T'] as const;
export type PricedStatus = (typeof PRICED_STATUSES)[number];

/** One PFS row (a code, or a code with 26/TC). RVUs in hundredths, as CMS prints them to 2 decimals (1.30 → 130). */
export interface PfsRow {
  status: PricedStatus;
  /** CMS's PC/TC indicator (0 physician service, 1 has 26/TC, 2 PC only, 3 TC only, …), as text. */
  pctc: string;
  work: number;
  nonFacilityPe: number;
  facilityPe: number;
  mp: number;
  /** CMS marks the setting "NA": Medicare does not pay the service there (the PE column still holds a number). */
  naNonFacility: boolean;
  naFacility: boolean;
}

export interface ScheduleInfo {
  /** The source as a person reads it: "Medicare Physician Fee Schedule 2026 (July release)". */
  label: string;
  year: number;
  /** CMS's release name ("RVU26C", "CLFS 2026 Q2 V1"). */
  release: string;
}

/**
 * A table looked up by key in constant time: a Map, or the loader's view over the parsed file (which spares
 * building 20,000 Map entries at startup).
 */
export interface KeyedTable<T> {
  get(key: string): T | undefined;
  readonly size: number;
}

export interface PfsTable extends ScheduleInfo {
  /** The conversion factor in ten-thousandths of a dollar (33.4009 → 334009). */
  conversionFactor: number;
  /** Priced rows by `code` or `code-26` / `code-TC`. */
  rows: KeyedTable<PfsRow>;
  /** The status of every other row (C, J, B, X, …), by the same keys. */
  unpriced: KeyedTable<string>;
}

export interface ClfsTable extends ScheduleInfo {
  /** The national limitation amount in cents by code; `null` for codes the contractor prices (indicator L). */
  rates: KeyedTable<Cents | null>;
}

export interface MedicareTables {
  pfs: PfsTable;
  clfs: ClfsTable;
  localities: LocalityTable;
}

/**
 * Why there is no figure:
 * - `notFound`: no such code in either schedule (or no 26/TC row for it: the code is not split that way);
 * - `bundled`: paid only as part of another service (status B or P);
 * - `contractorPriced`: the Medicare contractor sets the price case by case (status C, R without RVUs, a lab code marked L);
 * - `anesthesia`: paid by base and time units (status J), not by this formula;
 * - `facilityFee`: a hospital's facility charge, paid under the outpatient system (OPPS), not the PFS;
 * - `notPaidInSetting`: CMS marks this setting NA;
 * - `notPaidThisWay`: excluded, not covered, not valid for Medicare, reporting only, or no RVUs (E, I, N, M, X, …);
 * - `noLocality`: the locality id is not one of the table's.
 */
export const NO_MEDICARE_FIGURE_REASONS = ['notFound', 'bundled', 'contractorPriced', 'anesthesia', 'facilityFee', 'notPaidInSetting', 'notPaidThisWay', 'noLocality'] as const;
export type NoMedicareFigureReason = (typeof NO_MEDICARE_FIGURE_REASONS)[number];

/**
 * Facts the bot may need to say with a figure:
 * - `restrictedCoverage` (status R): Medicare pays it only in special circumstances;
 * - `onlyWithoutOtherService` (status T): paid only when no other service is billed that day;
 * - `facilityPaidSeparately`: a facility-setting figure is the clinician's part; the hospital's own fee is extra.
 */
export type MedicarePriceNote = 'restrictedCoverage' | 'onlyWithoutOtherService' | 'facilityPaidSeparately';

export interface PriceQuery {
  /** Upper case, as CMS lists it: "99284", "0001U", "J1885". */
  code: string;
  modifier?: ComponentModifier;
  /** A locality id ("OH-00"); omitted for the national amount (every GPCI 1.000). Ignored for lab codes. */
  localityId?: string;
  /** Ignored for lab codes. */
  setting: PriceSetting;
}

export type MedicarePrice =
  | {
      kind: 'figure';
      cents: Cents;
      schedule: 'pfs' | 'clfs';
      /** "Medicare Physician Fee Schedule 2026 (July release), Ohio"; the lab schedule says "national limit". */
      source: string;
      year: number;
      /** The locality priced in; absent for the national PFS amount and for lab codes (one national figure). */
      locality?: Locality;
      setting?: PriceSetting;
      notes: MedicarePriceNote[];
    }
  | { kind: 'noFigure'; reason: NoMedicareFigureReason; status?: string };

/** The PFS row key: "73721", "73721-26", "73721-TC". */
export const pfsKey = (code: string, modifier?: string): string => (modifier ? `${code}-${modifier}` : code);

/**
 * Hospital facility charges billed with HCPCS codes that the PFS does not pay: G0463 (the outpatient clinic visit)
 * and the C codes (OPPS-only HCPCS). Checked before the PFS status, which says only "X".
 */
export function isOppsFacilityCode(code: string): boolean {
  return code === 'G0463' || /^C\d{4}$/.test(code);
}

function reasonForStatus(status: string): NoMedicareFigureReason {
  if (status === 'B' || status === 'P') return 'bundled';
  if (status === 'C') return 'contractorPriced';
  if (status === 'J') return 'anesthesia';
  return 'notPaidThisWay';
}

const none = (reason: NoMedicareFigureReason, status?: string): MedicarePrice => (status ? { kind: 'noFigure', reason, status } : { kind: 'noFigure', reason });

/**
 * The PFS fee in cents from RVUs (hundredths), GPCIs (thousandths) and the conversion factor (ten-thousandths):
 * the exact product is in 10⁻⁹ dollars (10⁻⁷ cents), rounded half up to the cent once, at the end.
 */
export function pfsFeeCents(rvu: { work: number; pe: number; mp: number }, gpci: { work: number; pe: number; mp: number }, conversionFactor: number): Cents {
  const weighted = rvu.work * gpci.work + rvu.pe * gpci.pe + rvu.mp * gpci.mp;
  return Math.floor((weighted * conversionFactor + 5_000_000) / 10_000_000);
}

const NATIONAL_GPCI = { work: 1000, pe: 1000, mp: 1000 };

export function medicarePrice(tables: MedicareTables, query: PriceQuery): MedicarePrice {
  const code = query.code.trim().toUpperCase();
  if (!query.modifier) {
    const lab = tables.clfs.rates.get(code);
    if (lab === null) return none('contractorPriced', 'L');
    if (lab !== undefined) return { kind: 'figure', cents: lab, schedule: 'clfs', source: `${tables.clfs.label}, national limit`, year: tables.clfs.year, notes: [] };
  }
  if (isOppsFacilityCode(code)) return none('facilityFee');
  const key = pfsKey(code, query.modifier);
  const row = tables.pfs.rows.get(key);
  if (!row) {
    const status = tables.pfs.unpriced.get(key);
    if (status !== undefined) return none(reasonForStatus(status), status);
    return none('notFound');
  }
  let locality: Locality | undefined;
  if (query.localityId !== undefined) {
    locality = findLocality(tables.localities, query.localityId);
    if (!locality) return none('noLocality');
  }
  const facility = query.setting === 'facility';
  if (facility ? row.naFacility : row.naNonFacility) return none('notPaidInSetting', row.status);
  const rvu = { work: row.work, pe: facility ? row.facilityPe : row.nonFacilityPe, mp: row.mp };
  if (rvu.work + rvu.pe + rvu.mp === 0) return none(row.status === 'R' ? 'contractorPriced' : 'notPaidThisWay', row.status);
  const cents = pfsFeeCents(rvu, locality?.gpci ?? NATIONAL_GPCI, tables.pfs.conversionFactor);
  const notes: MedicarePriceNote[] = [];
  if (row.status === 'R') notes.push('restrictedCoverage');
  if (row.status === 'T') notes.push('onlyWithoutOtherService');
  if (facility) notes.push('facilityPaidSeparately');
  return {
    kind: 'figure',
    cents,
    schedule: 'pfs',
    source: `${tables.pfs.label}, ${locality ? locality.plainName : 'national'}`,
    year: tables.pfs.year,
    ...(locality ? { locality } : {}),
    setting: query.setting,
    notes,
  };
}
