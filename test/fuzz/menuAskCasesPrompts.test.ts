import type { ContentStore } from '../../src/content/contentStore';
import { fuzzPrompts } from './promptFuzz';
import { texts } from './questionSpecs';

/** The menu, "Ask a question", new and switch case, and the "delete my data" confirmation. */
const CASE = { provider: { name: 'Mercy General', kind: 'hospital' } };
const STEP_INTROS = ['checkCard.intro', 'callPrep.intro', 'offer.intro', 'rehearsal.intro', 'followUp.intro', 'ask.intro'];
const prefix = (c: ContentStore, key: string) => c.text(key, { caseLabel: '' }).split('**')[0] ?? '';
/** Words a yes/no recognizer reads as "yes": a hostile answer with one of them may really mean yes. */
const SAYS_YES = /\b(y|yes|yeah|yep|yup|ya|sure|ok|okay|true|correct|right|affirmative|absolutely|definitely|certainly|course|delete|everything)\b|👍|✔|✅/i;

fuzzPrompts([
  {
    name: 'root.menu', path: [], valid: '1', final: (c) => c.progress.gather, expected: 'in_progress', next: (c) => c.text('checkCard.intro'),
    reasks: texts('menu.retry', 'menu.prompt', 'ask.suggestions', 'ask.noMatch'), onward: texts(...STEP_INTROS),
  },
  {
    name: 'ask.question', path: ['Ask a question'], valid: 'What is an explanation of benefits?', next: (c) => c.text('ask.again.ask'),
    reasks: texts('ask.retry', 'ask.prompt', 'ask.suggestions', 'ask.noMatch'), onward: texts('ask.again.ask'),
  },
  {
    name: 'ask.again', path: ['Ask a question', 'What is an explanation of benefits?'], valid: 'Ask another question', next: (c) => c.text('ask.prompt'),
    reasks: texts('ask.again.retry', 'ask.again.ask'), onward: texts('ask.prompt', 'menu.prompt', 'menu.retry'),
  },
  {
    name: 'cases.new', path: ['new case'], valid: 'Mercy General', saved: (c) => c.label, expected: 'Mercy General',
    reasks: texts('cases.askLabelRetry', 'cases.askLabel'),
    sane: (label, input) => expect([input.trim(), 'Bill 1']).toContain(label),
  },
  {
    // The active case is the new one until the switch: nothing to compare on it.
    name: 'cases.switch', seed: CASE, kept: {}, path: ['new case', 'City Imaging', 'switch case'], valid: '1', final: (c) => c.label, expected: 'Mercy General',
    reasks: texts('cases.switchRetry', 'cases.switchPrompt'), onward: (c) => [prefix(c, 'cases.switched'), c.text('cases.askLabel')],
  },
  {
    name: 'deleteData.confirm', seed: CASE, path: ['delete my data'], valid: 'no', final: (c) => c.label, expected: 'Mercy General',
    next: (c) => c.text('deleteData.kept'), filter: (input) => !SAYS_YES.test(input),
    reasks: texts('deleteData.confirmRetry', 'deleteData.confirm'), onward: texts('deleteData.kept'),
  },
]);
