import type { FindingCode } from './billCheck';
import type { Case } from './case';

/**
 * Where to go when the billing office says no or nothing happens (a follow-up with "no progress"), in order.
 * Step codes only; whom to ask for, what to say and each step's source live in content.
 * - supervisor: ask for the representative's supervisor on the same call.
 * - financialServicesManager: the manager of patient financial services / the business office.
 * - patientAdvocate: the hospital's patient advocate or patient-relations office.
 * - writtenDispute: put the dispute in writing and keep a copy ("keep everything in writing").
 * - stateRegulator: the state's insurance department or attorney general's consumer office
 *   (each state's own rules are not researched here: content words it generally).
 * - noSurprisesHelpDesk: the No Surprises Act help desk, 1-800-985-3059 (CMS), for the protections that
 *   Act gives: emergency care and out-of-network clinicians at an in-network facility (insured patients
 *   owe only in-network cost sharing), and self-pay bills $400+ above the Good Faith Estimate.
 * - cfpbComplaint: a complaint to the Consumer Financial Protection Bureau about a debt collector.
 */
export const ESCALATION_STEPS = [
  'supervisor', 'financialServicesManager', 'patientAdvocate', 'writtenDispute', 'stateRegulator', 'noSurprisesHelpDesk', 'cfpbComplaint',
] as const;
export type EscalationStep = (typeof ESCALATION_STEPS)[number];

/** Bill-check findings that come from the No Surprises Act. */
export const NO_SURPRISES_FINDINGS = ['noSurprisesEmergency', 'noSurprisesOutOfNetwork', 'goodFaithEstimateExceeded'] as const satisfies readonly FindingCode[];
const NO_SURPRISES: ReadonlySet<string> = new Set(NO_SURPRISES_FINDINGS);

/**
 * The escalation steps for this case, in ESCALATION_STEPS order: always the first four and the state
 * regulator; the No Surprises help desk only when the saved bill check has a No Surprises finding;
 * a CFPB complaint only when the bill is in collections (the user said yes, not unsure).
 */
export function escalationLadder(c: Case): EscalationStep[] {
  const findings = c.billCheck?.findings ?? [];
  const applies: Record<EscalationStep, boolean> = {
    supervisor: true,
    financialServicesManager: true,
    patientAdvocate: true,
    writtenDispute: true,
    stateRegulator: true,
    noSurprisesHelpDesk: findings.some((f) => NO_SURPRISES.has(f.code)),
    cfpbComplaint: c.inCollections === 'yes',
  };
  return ESCALATION_STEPS.filter((step) => applies[step]);
}
