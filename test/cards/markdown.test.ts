import { escapeMarkdown } from '../../src/cards/markdown';

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
