import fc from 'fast-check';
import { escapeMarkdown } from '../../src/cards/markdown';
import { markdownToPlainText } from '../../src/cards/plainText';

describe('a file to keep is plain text, not Markdown', () => {
  it('headings become a line with an underline', () => {
    expect(markdownToPlainText('# Call plan for Mercy\n\n## Who to call\n\n1. Billing office\n')).toBe(
      'Call plan for Mercy\n===================\n\nWho to call\n-----------\n\n1. Billing office\n',
    );
  });

  it.each([
    ['**Step 2 of 5** is done', 'Step 2 of 5 is done'],
    ['_General information, not legal advice._', 'General information, not legal advice.'],
    ['a *light* touch and __strong__ words', 'a light touch and strong words'],
    ['~~old~~ new', 'old new'],
    ['***both***', 'both'],
    ['See [the CMS page](https://www.cms.gov/nosurprises) now', 'See the CMS page (https://www.cms.gov/nosurprises) now'],
    ['<https://www.cms.gov>', 'https://www.cms.gov'],
    ['type `help`', 'type help'],
    ['line one\\', 'line one'],
  ])('removes the marks: %s', (markdown, plain) => {
    expect(markdownToPlainText(markdown)).toBe(`${plain}\n`);
  });

  it.each([
    ['snake_case_name and 2 * 3 = 6', 'snake_case_name and 2 * 3 = 6'],
    ['[Your name]\n[Your address]', '[Your name]\n[Your address]'],
    ['501(r) rules, $1,250.50 — 20% off', '501(r) rules, $1,250.50 — 20% off'],
    ['Re: Account [account number] — our call', 'Re: Account [account number] — our call'],
  ])('leaves ordinary text alone: %s', (markdown, plain) => {
    expect(markdownToPlainText(markdown)).toBe(`${plain}\n`);
  });

  it('keeps list items as "- " and numbers, and tidies blank lines', () => {
    expect(markdownToPlainText('* one\n+ two\n- three\n\n\n\n2. second\n> quoted')).toBe('- one\n- two\n- three\n\n2. second\n  quoted\n');
  });

  it('unescapes what the user typed, so it comes out exactly as typed', () => {
    const typed = '*Dr.* O_Brien_ [clinic] #2 \\ back `tick` <b>';
    expect(markdownToPlainText(`**Provider:** ${escapeMarkdown(typed)}`)).toBe(`Provider: ${typed}\n`);
    expect(markdownToPlainText(escapeMarkdown('# not a heading\n- not a list\n1. not a number'))).toBe('# not a heading\n- not a list\n1. not a number\n');
  });

  it('any line the user types, escaped for the chat, comes back as typed in the file', () => {
    const line = fc.string({ unit: fc.constantFrom(...'ab 1.#*_-+>[]()`~|<>\\!é中 ') }).map((s) => s.trim()).filter((s) => s.length > 0);
    fc.assert(fc.property(line, (typed) => markdownToPlainText(`Note: ${escapeMarkdown(typed)}`) === `Note: ${typed}\n`), { numRuns: 500 });
  });
});
