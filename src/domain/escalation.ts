import type { FindingCode } from './billCheck';
import type { Case } from './case';

/**
 * Where to go when the billing office says no or nothing happens (a follow-up with "no progress"), in order.
 * Step codes only; whom to ask for, what to say and each step's source live in content.
 * - supervisor: ask for the representative's supervisor on the same call.
 * - financialServicesManager: the manager of patient financial services / the business office.
 * - patientAdvocate: the hospital's patient advocate or patient-relations office (a hospital, or a provider of unknown kind).
 * - writtenDispute: put the dispute in writing and keep a copy ("keep everything in writing").
 * - noSurprisesHelpDesk: the No Surprises Act help desk, 1-800-985-3059 (CMS), for the protections that
 *   Act gives: emergency care and out-of-network clinicians at an in-network facility (job-based and
 *   Marketplace plans owe only in-network cost sharing), and self-pay bills $400+ above the Good Faith Estimate.
 * - medicare: 1-800-MEDICARE, or the Medicare Advantage plan, for a Medicare patient (a provider that
 *   accepts assignment may not charge more than the Medicare-approved amount).
 * - medicaid: the Medicaid plan or state Medicaid office, for a Medicaid patient (a Medicaid provider takes
 *   the program's payment and copay as payment in full, 42 CFR 447.15).
 * - stateInsuranceDepartment: the state's insurance department, for a problem with a job-based or
 *   Marketplace plan (a self-funded job-based plan answers to the U.S. Department of Labor instead), and
 *   for an ambulance bill (the states' ground-ambulance protections).
 * - groundAmbulance: an ambulance bill: the No Surprises Act covers air ambulances for those plans, not
 *   ground ambulances, which many states protect patients from (each state's own rules are not researched
 *   here: content words it generally).
 * - stateAttorneyGeneral: the state attorney general's consumer protection office, for billing and
 *   collection practices: open to anyone.
 * - cfpbComplaint: a complaint to the Consumer Financial Protection Bureau about a debt collector.
 */
export const ESCALATION_STEPS = [
  'supervisor', 'financialServicesManager', 'patientAdvocate', 'writtenDispute',
  'noSurprisesHelpDesk', 'medicare', 'medicaid', 'stateInsuranceDepartment', 'groundAmbulance', 'stateAttorneyGeneral', 'cfpbComplaint',
] as const;
export type EscalationStep = (typeof ESCALATION_STEPS)[number];

/** Bill-check findings that come from the No Surprises Act. */
export const NO_SURPRISES_FINDINGS = ['noSurprisesEmergency', 'noSurprisesOutOfNetwork', 'goodFaithEstimateExceeded'] as const satisfies readonly FindingCode[];
const NO_SURPRISES: ReadonlySet<string> = new Set(NO_SURPRISES_FINDINGS);

/** Plans a state insurance department oversees (Medicare and Medicaid have their own offices). */
const STATE_REGULATED_PLANS: ReadonlySet<string> = new Set(['employer', 'marketplace']);

/**
 * The escalation steps for this case, in ESCALATION_STEPS order: always the supervisor, the manager, a written
 * dispute and the state attorney general; the patient advocate at a hospital (or an unknown kind of provider); the No Surprises help desk only when the saved bill check has a No Surprises finding;
 * Medicare or Medicaid for a patient with that coverage; the state insurance department for a job-based or Marketplace plan or an ambulance bill; the ambulance
 * note for an ambulance bill; a CFPB complaint only when the bill is in collections (the user said yes,
 * not unsure).
 */
export function escalationLadder(c: Case): EscalationStep[] {
  const findings = c.billCheck?.findings ?? [];
  const ambulance = c.provider.kind === 'ambulance';
  const applies: Record<EscalationStep, boolean> = {
    supervisor: true,
    financialServicesManager: true,
    // A hospital's patient advocate: not at a clinic, a doctor's office, a lab or an ambulance service.
    patientAdvocate: c.provider.kind === undefined || c.provider.kind === 'hospital',
    writtenDispute: true,
    noSurprisesHelpDesk: findings.some((f) => NO_SURPRISES.has(f.code)),
    medicare: c.insurance === 'medicare',
    medicaid: c.insurance === 'medicaid',
    stateInsuranceDepartment: ambulance || (c.insurance !== undefined && STATE_REGULATED_PLANS.has(c.insurance)),
    groundAmbulance: ambulance,
    stateAttorneyGeneral: true,
    cfpbComplaint: c.inCollections === 'yes',
  };
  return ESCALATION_STEPS.filter((step) => applies[step]);
}
