import fs from 'node:fs';
import path from 'node:path';

/**
 * The coach never promises an outcome (issue 20, item 5): a provider's own policy decides, so the words
 * are "try", "may", "often" and "can help", never "I help you get it lowered" or "it will be reduced".
 * Every text file the user reads is checked; the rehearsal scenarios are left out, because their lines
 * are what a billing office says in a role-play, not what the coach promises.
 */
const CONTENT = path.join(__dirname, '..', '..', 'content', 'en');

const PROMISES: RegExp[] = [
  /\bI help (?:you|people) get\b/i,
  /\bstrong leverage\b/i,
  /\bwill (?:be )?(?:lower(?:ed)?|reduced?|erased?|cancel(?:led)?|forgiven?|removed?|settled?)\b/i,
  /\byou(?:'ll| will) (?:get|pay|owe) (?:less|a lower|a discount|a reduction)\b/i,
  /\b(?:guaranteed|sure) to (?:work|lower|reduce|get)\b/i,
];

function textFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml') && !f.startsWith(`rehearsal${path.sep}`))
    .map((f) => path.join(dir, f));
}

describe('no text promises an outcome', () => {
  const files = textFiles(CONTENT);

  it('reads the flow files and the FAQ', () => {
    const names = files.map((f) => path.relative(CONTENT, f));
    expect(names).toEqual(expect.arrayContaining(['welcome.yaml', 'callPrep.yaml', 'script.yaml', 'followUp.yaml', 'prices.yaml', 'offer.yaml']));
    expect(names.some((n) => n.startsWith(`faq${path.sep}`))).toBe(true);
  });

  it('finds none of the promise phrases in any line', () => {
    const found = files.flatMap((file) =>
      fs.readFileSync(file, 'utf8').split('\n').flatMap((line, i) =>
        PROMISES.some((p) => p.test(line)) ? [`${path.relative(CONTENT, file)}:${i + 1}: ${line.trim()}`] : []));
    expect(found).toEqual([]);
  });

  it('catches the phrases it is meant to catch', () => {
    const caught = (line: string) => PROMISES.some((p) => p.test(line));
    expect(caught("I help you get a medical bill you can't afford lowered")).toBe(true);
    expect(caught('A comparable price is strong leverage on the call.')).toBe(true);
    expect(caught('Your bill will be lowered.')).toBe(true);
    expect(caught("I help you try to get a medical bill you can't afford lowered")).toBe(false);
    expect(caught('A comparable price often helps, but it is no promise.')).toBe(false);
  });
});
