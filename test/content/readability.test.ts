import path from 'node:path';
import { contentFiles, fileReadability, readability } from '../helpers/readability';

/**
 * Plain language (issue 20, item 9): people read the coach's texts while worried about a bill, so every user-facing
 * text file reads at US grade 8 or below (Flesch–Kincaid) and no sentence runs over 30 words.
 */

const CONTENT = path.join(__dirname, '..', '..', 'content', 'en');
const MAX_GRADE = 8;
const MAX_SENTENCE_WORDS = 30;

describe('plain language in every content file', () => {
  const files = contentFiles(CONTENT);

  it('finds the content files, the FAQ and the rehearsal scenarios among them', () => {
    expect(files.length).toBeGreaterThan(30);
    expect(files).toEqual(expect.arrayContaining([path.join('faq', 'assistance.yaml'), path.join('rehearsal', 'billingOffice.yaml'), 'callPrep.yaml']));
  });

  it(`reads at grade ${MAX_GRADE} or below, with no sentence over ${MAX_SENTENCE_WORDS} words`, () => {
    const failing = files.flatMap((file) => {
      const r = fileReadability(CONTENT, file);
      if (r.words === 0 || (r.grade <= MAX_GRADE && r.longestSentence.words <= MAX_SENTENCE_WORDS)) return [];
      return [`${file}: grade ${r.grade}, longest sentence ${r.longestSentence.words} words: "${r.longestSentence.text}"`];
    });
    expect(failing).toEqual([]);
  });

  it('measures what it should: a long, hard sentence fails and a short, plain one passes', () => {
    const hard = readability([
      'Notwithstanding the aforementioned considerations, a nonprofit hospital organization must suspend any extraordinary collection actions initiated against an individual who submits an incomplete financial assistance application during the application period established under its written policy.',
    ]);
    expect(hard.grade).toBeGreaterThan(MAX_GRADE);
    expect(hard.longestSentence.words).toBeGreaterThan(MAX_SENTENCE_WORDS);
    const plain = readability(['Ask for the form. Send it back soon. Keep a copy of what you send.']);
    expect(plain.grade).toBeLessThanOrEqual(MAX_GRADE);
    expect(plain.longestSentence.words).toBeLessThanOrEqual(MAX_SENTENCE_WORDS);
  });
});
