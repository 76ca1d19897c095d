import type { Case } from './case';
import type { Contact } from './callPrepModel';
import { hospitalAddress, hospitalName } from './hospital';
import { hospitalOwnership } from './hospitalCase';

export const ASKS = ['errors', 'assistance', 'hardshipDiscount', 'doctors', 'promptPay', 'offerOrPlan'] as const;
export type Ask = (typeof ASKS)[number];

/** What to have at hand on the call: the uninsured have a Good Faith Estimate, not an EOB. */
export const HAVE_AT_HAND = ['bill', 'itemizedAndEob', 'itemizedAndEstimate', 'collectionLetter', 'billCheck', 'writing'] as const;
export type HaveAtHand = (typeof HAVE_AT_HAND)[number];

/** Which words go with the collection agency: only a nonprofit hospital answers for its collectors under 501(r). */
export type CollectorNote = 'nonprofitHospital' | 'other';

/** A nonprofit hospital, or a hospital that may be one: financial-assistance rules (501(r)) may apply. */
export function mayBeNonprofitHospital(c: Case): boolean {
  return c.provider.kind === 'hospital' && c.provider.nonprofit !== 'no';
}

/**
 * Whether a formal financial-assistance program is likely: at a hospital (a nonprofit one must have a
 * written policy, 501(r)), at any provider the user says is a nonprofit, or when we don't know the kind.
 * Clinics, doctors' offices, labs, imaging centers and ambulance services rarely have one: there the
 * coach asks for a hardship or self-pay discount instead.
 */
export function assistanceProgramLikely(c: Case): boolean {
  const kind = c.provider.kind;
  // A hospital CMS lists as for-profit (issue 23) is not bound by 501(r): the hardship-discount path.
  if (hospitalOwnership(c) === 'proprietary' && c.provider.nonprofit !== 'yes') return false;
  return kind === undefined || kind === 'hospital' || c.provider.nonprofit === 'yes';
}

/**
 * A government or tribal hospital by CMS's list: not bound by 501(r), but many have an assistance program
 * (county and public hospitals often do), so the coach says to ask for it first.
 */
export function publicHospital(c: Case): boolean {
  const ownership = hospitalOwnership(c);
  return ownership === 'government' || ownership === 'tribal';
}

/** Whom she calls when she picked her hospital from CMS's list: its name, main number and street address. */
export interface HospitalContact {
  name: string;
  phone: string;
  address: string;
}

export function hospitalContact(c: Case): HospitalContact | undefined {
  const h = c.provider.kind === 'hospital' ? c.hospital : undefined;
  return h ? { name: hospitalName(h), phone: h.phone, address: hospitalAddress(h) } : undefined;
}

/**
 * Whom to call, in order. The financial assistance office comes first only where a program is likely and
 * either 501(r) may apply or the screen says help is likely; a bill with a collector adds the agency.
 */
export function whoToCall(c: Case): Contact[] {
  const tier = c.assistance.screen?.tier;
  const assistanceFirst = assistanceProgramLikely(c) && (mayBeNonprofitHospital(c) || publicHospital(c) || tier === 'likelyFree' || tier === 'likelyDiscount');
  const contacts: Contact[] = assistanceFirst ? ['financialAssistance', 'billingOffice'] : ['billingOffice'];
  if (c.inCollections === 'yes') contacts.push('collectionAgency');
  return contacts;
}

/** A nonprofit hospital answers for its collection agencies (26 CFR 1.501(r)-6); anyone else: ask the collector to validate the debt. */
export function collectorNote(c: Case): CollectorNote {
  return c.provider.kind === 'hospital' && c.provider.nonprofit === 'yes' ? 'nonprofitHospital' : 'other';
}

/**
 * The order of asks: errors first (when the bill check found any), then financial assistance where a
 * program is likely, or a hardship discount where it is not, then, at a hospital, whether its financial
 * assistance policy covers the doctors who bill separately (the policy must list the providers it covers,
 * 26 CFR 1.501(r)-4(b)(1)(iii); ER doctors, anesthesia and radiology often bill on their own and are often
 * not covered), then a prompt-pay discount, then an offer or plan.
 */
export function askOrder(c: Case): Ask[] {
  const program = assistanceProgramLikely(c);
  const applies: Record<Ask, boolean> = {
    errors: (c.billCheck?.findings ?? []).some((f) => f.severity === 'high' || f.severity === 'medium'),
    assistance: program,
    hardshipDiscount: !program,
    doctors: c.provider.kind === 'hospital' && program,
    promptPay: true,
    offerOrPlan: true,
  };
  return ASKS.filter((a) => applies[a]);
}

/** What to have at hand: the bill; the itemized bill with the EOB, or with the Good Faith Estimate when uninsured; the collection letter; the check; paper. */
export function haveAtHand(c: Case): HaveAtHand[] {
  return [
    'bill',
    c.insurance === 'uninsured' ? 'itemizedAndEstimate' : 'itemizedAndEob',
    ...(c.inCollections === 'yes' ? (['collectionLetter'] as const) : []),
    'billCheck',
    'writing',
  ];
}
