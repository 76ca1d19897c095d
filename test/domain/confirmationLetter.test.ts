import { letterKind, notesToThem } from '../../src/domain/confirmationLetter';
import { CALL_OUTCOMES } from '../../src/domain/followUpModel';

describe('the confirming letter fits how the call ended, and speaks to the person she called', () => {
  it('a settlement, a plan, a review, an itemized bill, an application each get their own letter; the rest a general one', () => {
    expect(CALL_OUTCOMES.map(letterKind)).toEqual(['itemized', 'review', 'assistance', 'settlement', 'plan', 'general', 'general', 'general']);
  });

  it('her notes say "you" to them, start with a capital and end with a full stop', () => {
    expect(notesToThem('they agreed to review the charges')).toBe('You agreed to review the charges.');
    expect(notesToThem("They'll call back Friday. they said 2 weeks")).toBe("You'll call back Friday. You said 2 weeks.");
    expect(notesToThem('We agreed on $600 by December 15.')).toBe('We agreed on $600 by December 15.');
    expect(notesToThem('theyre is not a word I use')).toBe('Theyre is not a word I use.');
    expect(notesToThem('Said: no interest, 1. first payment in May.')).toBe('Said: no interest, 1. first payment in May.');
  });
});
