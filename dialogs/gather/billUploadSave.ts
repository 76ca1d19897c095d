import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { MAX_DRAFT_LINES, type BillDraft } from '../../src/domain/billDraft';
import type { Case } from '../../src/domain/case';
import type { BillLine } from '../../src/domain/gatherModel';
import { activeCase, addCase, setStepStatus, updateCase } from '../../src/domain/profile';
import type { DialogDeps } from '../deps';
import { EOB_QUESTIONS } from './eobQuestions';

const saveAnswer = (c: Case, questionId: string, value: string | number | undefined): Case => {
  const question = EOB_QUESTIONS.find((q) => q.id === questionId);
  return question && value !== undefined ? question.save(c, value) : c;
};

/**
 * The confirmed draft in the case, exactly as if typed: lines as step 1's bill lines (an id each, after
 * those already there, within the same cap), the itemized bill marked as at hand; the EOB's figures through
 * the EOB questions' own `save`.
 */
export function withConfirmedDraft(c: Case, draft: BillDraft, newId: () => string = () => `L-${randomUUID().slice(0, 8)}`): Case {
  let next = c;
  const room = Math.max(0, MAX_DRAFT_LINES - c.billLines.length);
  const lines: BillLine[] = draft.lines.slice(0, room).map(({ unsure: _unsure, ...line }) => ({ id: newId(), ...line }));
  if (lines.length > 0) next = { ...next, billLines: [...next.billLines, ...lines], documents: { ...next.documents, itemizedBill: 'have' } };
  const eob = draft.eob;
  if (eob) {
    next = saveAnswer(next, 'eobStatus', eob.status ?? 'processed');
    next = saveAnswer(next, 'owed', eob.patientOwesCents);
    next = saveAnswer(next, 'billed', eob.billedCents);
    next = saveAnswer(next, 'allowed', eob.allowedCents);
    next = saveAnswer(next, 'planPaid', eob.planPaidCents);
  }
  return next;
}

/** The active case (a new "Bill N" when there is none, as entering a step makes one) with the draft saved; step 1 marked begun. */
export async function saveConfirmedDraft(context: TurnContext, deps: DialogDeps, draft: BillDraft): Promise<{ saved: Case; lines: number }> {
  const { content, profiles, now } = deps;
  let profile = await profiles.get(context);
  let current = activeCase(profile);
  if (!current) ({ profile, created: current } = addCase(profile, content.text('cases.defaultLabel', { number: profile.cases.length + 1 }), now()));
  const before = current.billLines.length;
  if (current.progress.gather === 'not_started') profile = setStepStatus(profile, current.id, 'gather', 'in_progress', now());
  profile = updateCase(profile, current.id, (c) => withConfirmedDraft(c, draft), now());
  await profiles.save(context, profile);
  const saved = activeCase(profile) ?? current;
  return { saved, lines: saved.billLines.length - before };
}
