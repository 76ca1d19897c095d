import type { FoundChoice } from 'botbuilder-dialogs';
import type { ContentStore } from '../../src/content/contentStore';
import { pickDate } from '../../src/domain/calendar';
import type { IsoDate } from '../../src/domain/dates';
import { explicitDate } from '../../src/domain/explicitDate';
import { AmountAnswer, isPlainNumberAnswer, readAmount } from '../../src/domain/numberReading';
import { parseUsState, US_STATES } from '../../src/domain/usStates';
import { normalizeUtterance } from '../commands';
import { isSkipPhrase } from '../prompts/skipPhrase';
import type { AnswerValue, Question } from './question';

/** A validated answer as it will be stored, and whether it was inferred from words (so it is said back). */
export interface ReadAnswer {
  value: AnswerValue;
  /** Money: the whole reading (a period said with it, other amounts). */
  amount?: AmountAnswer;
  inferred: boolean;
}

/**
 * The prompt's result as a stored value; undefined when the user skipped. `said` is what the user typed:
 * amounts and counts are read from it (the number the sentence is about), the rest from the prompt.
 */
export interface AnswerTurn {
  question: Question;
  /** The questionnaire's content prefix (choice titles are `<prefix>.<id>.choices.<value>`). */
  prefix: string;
  result: unknown;
  said: string;
  today: IsoDate;
  content: ContentStore;
}

export function readAnswer({ question, prefix, result, said, today, content }: AnswerTurn): ReadAnswer | undefined {
  if (result === undefined || (typeof result === 'string' && isSkipPhrase(result, content))) return undefined;
  switch (question.kind) {
    case 'money': {
      const amount = readAmount(said, question.amountRole);
      if ('problem' in amount) return undefined;
      return { value: amount.cents, amount, inferred: !isPlainNumberAnswer(said) };
    }
    case 'pastDate':
    case 'anyDate': {
      const picked = pickDate(result as { type: string; value?: string }[], today, question.kind === 'pastDate' ? 'past' : 'any');
      return 'date' in picked ? { value: picked.date, inferred: explicitDate(said) === undefined } : undefined;
    }
    case 'count':
      // The prompt read it: the number the sentence is about, or a phrase like "just me".
      return typeof result === 'number' ? { value: result, inferred: !isPlainNumberAnswer(said) } : undefined;
    case 'choice': {
      const found = result as FoundChoice;
      const title = content.text(`${prefix}.${question.id}.choices.${found.value}`);
      return { value: found.value, inferred: normalizeUtterance(said) !== normalizeUtterance(title) };
    }
    case 'state': {
      const code = parseUsState(String(result));
      if (!code) return undefined;
      const plain = normalizeUtterance(said);
      return { value: code, inferred: plain !== code.toLowerCase() && plain !== normalizeUtterance(US_STATES[code] ?? '') };
    }
    case 'text':
      return { value: String(result).trim(), inferred: false };
  }
}

