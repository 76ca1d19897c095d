import type { IsoDate } from './dates';

/**
 * What the bill check finds, as data: codes and figures only; the words live in content/en/findings.yaml
 * (`findings.<code>.title|meaning|say`). The rules are in billCheck.ts (and priceFindings.ts for prices).
 */

export type Severity = 'high' | 'medium' | 'info';
export const FINDING_CODES = ['claimPending', 'claimDenied', 'balanceAboveEob', 'medicaidCostSharingOnly', 'noSurprisesEmergency', 'noSurprisesOutOfNetwork',
  'medicareApprovedAmount', 'goodFaithEstimateExceeded', 'duplicateLines', 'linesDontAddUp', 'serviceNotReceived', 'aboveComparablePrice', 'aboveMedicare'] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/** The figures each finding may carry (daysLeft only when the deadline is known). */
export const FINDING_FIGURES: Readonly<Record<FindingCode, readonly string[]>> = {
  claimPending: [],
  claimDenied: [],
  balanceAboveEob: ['balanceCents', 'responsibilityCents', 'differenceCents'],
  medicaidCostSharingOnly: ['balanceCents'],
  medicareApprovedAmount: [],
  noSurprisesEmergency: [],
  noSurprisesOutOfNetwork: [],
  goodFaithEstimateExceeded: ['balanceCents', 'estimateCents', 'differenceCents', 'daysLeft'],
  duplicateLines: ['count', 'amountCents'],
  linesDontAddUp: ['linesTotalCents', 'billTotalCents', 'differenceCents'],
  serviceNotReceived: ['count', 'amountCents'],
  aboveComparablePrice: ['chargeCents', 'comparableCents', 'overCents', 'overPercent', 'targetCents'],
  aboveMedicare: ['chargeCents', 'medicareCents', 'overMedicarePercent', 'lowCents', 'highCents', 'askCents', 'askPercent'],
};

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** Figures for the text: amounts in integer cents (keys ending in `Cents`), percents as integers, counts. */
  figures: Record<string, number>;
  /** Bill lines concerned, by BillLine.id. */
  lineIds?: string[];
  /** A deadline the user should know (e.g. the dispute deadline), as IsoDate. */
  deadline?: IsoDate;
}

export interface Leverage {
  /** Balance minus the EOB's patient responsibility, when both are known and positive. */
  overEobCents?: number;
  /** Sum over fair-price comparisons of (charge - comparable) where positive. */
  overComparableCents?: number;
  /** Sum of the charges of lines marked not received. */
  notReceivedCents?: number;
  /**
   * Sum over the lines priced against Medicare (and with no comparable price of her own) of (charge - the fair
   * price to ask for) where positive: how far the bill is above fair prices.
   */
  overFairPriceCents?: number;
}

export interface BillCheckResult { findings: Finding[]; clean: boolean; leverage: Leverage }
