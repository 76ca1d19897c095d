import { escapeMarkdown, keepTypographerMarks, keepTypographerMarksInCard } from '../../src/cards/markdown';
import { markdownToPlainText } from '../../src/cards/plainText';

describe('user text shown in messages and cards', () => {
  it.each([
    ['**bold** _it_', '\\*\\*bold\\*\\* \\_it\\_'],
    ['[link](http://x)', '\\[link\\](http://x)'],
    ['<img src=x onerror=alert(1)>', '\\<img src=x onerror=alert(1)\\>'],
    ['# Heading', '\\# Heading'],
    ['- a list item', '\\- a list item'],
    ['1. numbered', '1\\. numbered'],
    ['`code`', '\\`code\\`'],
    ['a | table', 'a \\| table'],
    ['bell\u0007 and null\u0000', 'bell and null'],
  ])('never renders as markup: %s', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it.each([['St. Luke’s Clinic'], ['Dr. Ortiz (555) 123-4567'], ['I owe $1,250.50 — help!'], ['Mercy General']])(
    'keeps ordinary punctuation as typed: %s',
    (input) => expect(escapeMarkdown(input)).toBe(input),
  );
});

describe('"501(r)" reads "501(r)" in Web Chat, not "501®"', () => {
  it.each([
    ['IRS 501(r); 26 CFR 1.501(r)-6', 'IRS 501\\(r); 26 CFR 1.501\\(r)-6'],
    ['section **501(r)**: a written policy', 'section **501\\(r)**: a written policy'],
    ['(c) 2026, Brand(TM), (R)', '\\(c) 2026, Brand\\(TM), \\(R)'],
    ['(c)(r)(tm) side by side', '\\(c)\\(r)\\(tm) side by side'],
    ['_Source: IRS 501(r)(6) (2026)_', '_Source: IRS 501\\(r)(6) (2026)_'],
  ])('escapes the "(" of (c), (r) and (tm): %s', (markdown, shown) => {
    expect(keepTypographerMarks(markdown)).toBe(shown);
  });

  it.each([
    ['(555) 123-4567, (a), (rx), (ct), item (b)'],
    ['already escaped: 501\\(r)'],
    ['code: `501(r)` stays literal'],
    ['see <https://example.org/a(r)> or https://example.org/b(c)'],
  ])('leaves everything else as it is: %s', (markdown) => {
    expect(keepTypographerMarks(markdown)).toBe(markdown);
  });

  it('escapes after an escaped backslash, and a second pass changes nothing', () => {
    expect(keepTypographerMarks('a\\\\(r)')).toBe('a\\\\\\(r)');
    const once = keepTypographerMarks('501(r) and (c) and (tm)');
    expect(keepTypographerMarks(once)).toBe(once);
  });

  it('any user text, escaped, then kept, still comes out of the file as typed', () => {
    const typed = 'Acme (R) Clinic (c) \\(tm) *x*';
    expect(markdownToPlainText(keepTypographerMarks(escapeMarkdown(typed)))).toBe(`${typed}\n`);
  });

  it('Adaptive Cards: TextBlocks and FactSets at any depth, nothing else, the card itself untouched', () => {
    const card = {
      type: 'AdaptiveCard', version: '1.5',
      body: [
        { type: 'TextBlock', text: 'Under 501(r)' },
        { type: 'Container', items: [{ type: 'ColumnSet', columns: [{ type: 'Column', items: [{ type: 'TextBlock', text: '(c) you' }] }] }] },
        { type: 'FactSet', facts: [{ title: 'Rule (r)', value: '501(r)(6)' }] },
        { type: 'Input.Text', id: 'note', placeholder: '(r)' },
      ],
      actions: [{ type: 'Action.ShowCard', title: 'More (r)', card: { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: '(tm)' }] } }],
    };
    const before = JSON.stringify(card);
    const kept = JSON.stringify(keepTypographerMarksInCard(card));
    expect(JSON.stringify(card)).toBe(before);
    expect(kept).toBe(
      before
        .replace('Under 501(r)', 'Under 501\\\\(r)')
        .replace('"(c) you"', '"\\\\(c) you"')
        .replace('Rule (r)', 'Rule \\\\(r)')
        .replace('"501(r)(6)"', '"501\\\\(r)(6)"')
        .replace('"(tm)"', '"\\\\(tm)"'),
    );
  });
});
