import { hospitalName, hospitalPlace } from '../../src/domain/hospital';
import { HOSPITAL_PICK, withoutHospital } from '../../src/domain/hospitalCase';
import type { Question } from '../questionnaire/question';

/**
 * The hospital picked from CMS's list, as one line of "change an answer" (issue 23). It is never asked as a
 * question (always "answered"): the change flow looks it up again with the hospital dialog instead.
 */
export const HOSPITAL_QUESTION: Question = {
  id: HOSPITAL_PICK, kind: 'text', skippable: true,
  applies: (c) => c.provider.kind === 'hospital' && c.provider.name !== undefined,
  answered: () => true,
  save: (c) => c,
  current: (c) => (c.hospital ? `${hospitalName(c.hospital)}, ${hospitalPlace(c.hospital)}` : undefined),
  clear: (c) => withoutHospital(c),
};
