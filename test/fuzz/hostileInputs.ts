import fc from 'fast-check';

/** fast-check runs per property; raise it locally with FUZZ_RUNS=100 for a deeper search. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 4);

/** Code points, not UTF-16 units: never cuts an emoji in half. */
const codePoints = (text: string, max: number): string => Array.from(text).slice(0, max).join('');

/** 10 KB of everything at once: words, emoji, right-to-left text, markup, a few numbers. */
export const TEN_KB = codePoints(
  'Please read my bill 👨‍👩‍👧‍👦 مرحبا שלום **bold** <b>x</b> [a](javascript:alert(1)) owed twelve hundred dollars, thank you. '.repeat(120),
  10_240,
);

/** Markup that must never render when a user's text is shown: each with what unescaped output looks like. */
export interface MarkupSample {
  text: string;
  /** Matches the sample rendered as markup (not backslash-escaped). */
  forbidden: RegExp;
  /** A word of the sample that proves the text was shown at all. */
  token: string;
}

export const MARKUP: readonly MarkupSample[] = [
  { text: '**zqbold**', forbidden: /(?<!\\)\*\*zqbold/, token: 'zqbold' },
  { text: '__zqunder__', forbidden: /(?<!\\)__zqunder/, token: 'zqunder' },
  { text: '[zqlink](javascript:alert(1))', forbidden: /(?<!\\)\[zqlink\]\(/, token: 'zqlink' },
  { text: '![zqimg](http://evil.example/x.png)', forbidden: /(?<!\\)\[zqimg\]\(/, token: 'zqimg' },
  { text: '<script>alert("zqscript")</script>', forbidden: /(?<!\\)<script/, token: 'zqscript' },
  { text: '<img src=x onerror=alert(1)> zqhtml', forbidden: /(?<!\\)<img/, token: 'zqhtml' },
  { text: '`zqcode`', forbidden: /(?<!\\)`zqcode/, token: 'zqcode' },
  { text: 'a\n# zqheading', forbidden: /(^|\n)[ \t]*#+ zqheading/, token: 'zqheading' },
  { text: 'b\n- zqitem', forbidden: /(^|\n)[ \t]*[-+] zqitem/, token: 'zqitem' },
  { text: 'c | zqtable | d', forbidden: /(?<!\\)\| zqtable/, token: 'zqtable' },
  // Not markup, but it rewrites how the rest of the message reads: an unclosed right-to-left override.
  { text: 'zqrtl \u202Elive', forbidden: /[\u202a-\u202e\u2066-\u2069]/, token: 'zqrtl' },
];

/** The fixed hostile answers: every prompt of the journey gets every one of them. */
export const HOSTILE: readonly string[] = [
  // empty and blank
  '', ' \t \n ',
  // size
  TEN_KB,
  // emoji, including a ZWJ sequence
  '😀', '👨‍👩‍👧‍👦',
  // right-to-left text and the override
  'مرحبا، فاتورتي كبيرة', 'שלום, החשבון שלי', '\u202Eevil',
  // control characters
  '\u0000', 'bell\u0007', '\u001b[31mred\u001b[0m', 'line one\r\nline two',
  // HTML
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>',
  // Markdown
  '**bold**', '[link](javascript:alert(1))', '![x](http://evil)', '`code`', '# heading',
  // numbers that aren't right
  '1e9', '-5', '$', '1.2.3', 'NaN', 'Infinity', '0', '99999999999999', '1,2,3',
];

/** More of the same kinds, mixed into the random runs. */
const MORE_HOSTILE: readonly string[] = [
  '\n\n', '\u00a0\u2003', 'x'.repeat(121), 'a '.repeat(400), '🏳️‍🌈 👩🏽‍⚕️', '💸💸💸 🇺🇸', 'abc\u202Efed\u202Cghi', '\u0008\u007f\ufeff',
  '```\ncode\n```', '\ud800', '{"__proto__":{"x":1}}', '$-0.001', '١٢٣', '½', '1 000 000', '0x1F',
];

/** Answers that are fine somewhere in the journey, to mix with hostile text. */
const VALIDISH = ['yes', 'no', 'not sure', '3', '$1,250.50', 'March 3, 2026', 'Ohio', 'Mercy General', 'done', 'skip'];

/** Random text of every kind: any code point, ASCII, grapheme clusters, short and long. */
export const randomText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 60 }),
  fc.string({ unit: fc.constantFrom(' ', '\n', '\t', '$', '1', '0', '.', ',', '-', 'e', '*', '_', '[', ']', '(', ')', '<', '>', '#', '`', '\u202e', '\u0000'), maxLength: 24 }),
);

/** One hostile answer: a fixed sample, random text, or a mix of both with a valid-looking answer. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE.filter((s) => s !== TEN_KB), ...MORE_HOSTILE) },
  { weight: 3, arbitrary: randomText },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...HOSTILE, ...MORE_HOSTILE).filter((s) => s.length < 100), fc.constantFrom(...VALIDISH), fc.boolean())
      .map(([bad, ok, before]) => (before ? `${bad} ${ok}` : `${ok} ${bad}`)),
  },
);

/** A short sequence of hostile answers sent one after another at the same prompt. */
export const hostileSequence: fc.Arbitrary<string[]> = fc.array(hostileText, { minLength: 1, maxLength: 3 });

/** Free text with markup in it, for the places user text is shown back: letters first, so it is accepted. */
export const markedUpText = (maxLength: number): fc.Arbitrary<{ text: string; samples: MarkupSample[] }> =>
  fc
    .tuple(fc.stringMatching(/^[A-Z][a-z]{2,8}$/), fc.uniqueArray(fc.constantFrom(...MARKUP), { minLength: 1, maxLength: 3 }))
    .map(([word, samples]) => ({ text: `${word} ${samples.map((s) => s.text).join(' ')}`.slice(0, maxLength), samples }))
    .filter(({ text, samples }) => samples.every((s) => text.includes(s.text)));
