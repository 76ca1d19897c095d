import type { Case } from './case';
import type { Contact } from './callPrepModel';

export const ASKS = ['errors', 'assistance', 'doctors', 'promptPay', 'offerOrPlan'] as const;
export type Ask = (typeof ASKS)[number];

/** A nonprofit hospital, or a hospital that may be one: financial-assistance rules (501(r)) may apply. */
export function mayBeNonprofitHospital(c: Case): boolean {
  return c.provider.kind === 'hospital' && c.provider.nonprofit !== 'no';
}

/**
 * Whom to call, in order. A bill with a collection agency goes to the agency, but a hospital stays
 * answerable for its collectors, so the hospital's own office comes first when assistance is in play.
 */
export function whoToCall(c: Case): Contact[] {
  const tier = c.assistance.screen?.tier;
  const assistanceFirst = mayBeNonprofitHospital(c) || tier === 'likelyFree' || tier === 'likelyDiscount';
  const contacts: Contact[] = assistanceFirst ? ['financialAssistance', 'billingOffice'] : ['billingOffice'];
  if (c.inCollections === 'yes') contacts.push('collectionAgency');
  return contacts;
}

/**
 * The order of asks: errors first (when the bill check found any), then financial assistance, then, at a
 * hospital, whether its financial assistance policy covers the doctors who bill separately (the policy must
 * list the providers it covers, 26 CFR 1.501(r)-4(b)(1)(iii); ER doctors, anesthesia and radiology often
 * bill on their own and are often not covered), then a prompt-pay discount, then an offer or plan.
 */
export function askOrder(c: Case): Ask[] {
  const applies: Record<Ask, boolean> = {
    errors: (c.billCheck?.findings ?? []).some((f) => f.severity === 'high' || f.severity === 'medium'),
    assistance: true,
    doctors: c.provider.kind === 'hospital',
    promptPay: true,
    offerOrPlan: true,
  };
  return ASKS.filter((a) => applies[a]);
}
