import { escapeMarkdown } from '../../src/cards/markdown';

describe('user text shown in messages and cards', () => {
  it.each([
    ['**bold** _it_', '\\*\\*bold\\*\\* \\_it\\_'],
    ['[link](http://x)', '\\[link\\]\\(http://x\\)'],
    ['<img src=x onerror=alert(1)>', '\\<img src=x onerror=alert\\(1\\)\\>'],
    ['# Heading', '\\# Heading'],
    ['St. Luke’s', 'St\\. Luke’s'],
    ['bell\u0007 and null\u0000', 'bell and null'],
  ])('never renders as markup: %s', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });
});
