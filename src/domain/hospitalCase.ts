import type { Case } from './case';
import { type CaseHospital, type OwnershipCategory, nonprofitFromOwnership } from './hospital';

/**
 * What a case keeps of the hospital she picked from CMS's list (issue 23), pure. The pick sets the nonprofit
 * answer from CMS's ownership; a changed provider clears the pick and the answer it set, so neither goes stale.
 */

/** Remembered in the case's skipped questions when she said "none of these" (or it was not in the list): not searched again. */
export const HOSPITAL_PICK = 'hospital';

const without = (list: readonly string[], ...ids: string[]) => list.filter((id) => !ids.includes(id));

/** The case with the hospital she picked: the nonprofit answer comes from CMS's ownership (unless CMS does not say). */
export function withHospital(c: Case, hospital: CaseHospital): Case {
  const nonprofit = nonprofitFromOwnership(hospital.category) ?? c.provider.nonprofit;
  return {
    ...c,
    hospital,
    provider: { ...c.provider, kind: 'hospital', nonprofit },
    skippedQuestions: without(c.skippedQuestions, HOSPITAL_PICK, ...(nonprofit === undefined ? [] : ['nonprofit'])),
  };
}

/** The case with no hospital picked; the nonprofit answer goes too when the pick had set it. `declined`: she said none of these. */
export function withoutHospital(c: Case, declined = false): Case {
  const fromCms = nonprofitSource(c) !== undefined;
  const skipped = without(c.skippedQuestions, HOSPITAL_PICK);
  return {
    ...c,
    hospital: undefined,
    provider: { ...c.provider, nonprofit: fromCms ? undefined : c.provider.nonprofit },
    skippedQuestions: declined ? [...skipped, HOSPITAL_PICK] : skipped,
  };
}

/** CMS's ownership of her hospital when her nonprofit answer is the one it gives ("CMS lists it as a nonprofit hospital"). */
export function nonprofitSource(c: Case): OwnershipCategory | undefined {
  const h = c.hospital;
  if (!h || c.provider.kind !== 'hospital') return undefined;
  const answer = nonprofitFromOwnership(h.category);
  return answer !== undefined && answer === c.provider.nonprofit ? h.category : undefined;
}

/** Her hospital's CMS ownership, when she picked it from the list and it is still a hospital's bill. */
export function hospitalOwnership(c: Case): OwnershipCategory | undefined {
  return c.provider.kind === 'hospital' ? c.hospital?.category : undefined;
}

/**
 * Whether step 1 looks her provider up in CMS's list: a hospital she named, not picked yet and not declined, while
 * the nonprofit question is still open (a case that has its answer already is not interrupted; "change an answer"
 * can still look it up).
 */
export function needsHospitalPick(c: Case): boolean {
  const nonprofitOpen = c.provider.nonprofit === undefined && !c.skippedQuestions.includes('nonprofit');
  return c.provider.kind === 'hospital' && c.provider.name !== undefined && c.hospital === undefined && !c.skippedQuestions.includes(HOSPITAL_PICK) && nonprofitOpen;
}
