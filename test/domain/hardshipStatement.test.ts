import { HARDSHIP_REASONS, type HardshipReason } from '../../src/domain/callPrepModel';
import { asSentence, composeHardshipStatement, reasonsSaidIn, type StatementWords } from '../../src/domain/hardshipStatement';
import { realContent } from '../helpers/content';

const content = realContent();
const t = (key: string, vars?: Record<string, string>) => content.text(key, vars);
const each = <T>(read: (r: HardshipReason) => T) => Object.fromEntries(HARDSHIP_REASONS.map((r) => [r, read(r)])) as Record<HardshipReason, T>;
const words: StatementWords = {
  opening: t('hardship.statement.opening', { provider: 'Mercy General Hospital' }),
  closing: t('hardship.statement.closing'),
  generic: t('hardship.statement.generic', { provider: 'Mercy General Hospital' }),
  sentences: each((r) => t(`hardship.statement.sentences.${r}`)),
  sameAs: each((r) => (content.has(`hardship.statement.sameAs.${r}`) ? content.list(`hardship.statement.sameAs.${r}`) : [])),
};

describe('the hardship statement reads as she would write it', () => {
  it('her words say she lost her job: they replace the stock sentence, so it is said once', () => {
    const statement = composeHardshipStatement(['jobLoss', 'otherMedicalBills'], 'i lost my job in august and i’m behind on rent', words);
    expect(statement).toBe([
      words.opening, t('hardship.statement.sentences.otherMedicalBills'), 'I lost my job in August and I’m behind on rent.', words.closing,
    ].join(' '));
    expect(statement).not.toContain(t('hardship.statement.sentences.jobLoss'));
  });

  it('words that add something new keep every chosen reason', () => {
    expect(composeHardshipStatement(['jobLoss'], 'I had surgery in May.', words)).toBe(
      [words.opening, t('hardship.statement.sentences.jobLoss'), 'I had surgery in May.', words.closing].join(' '),
    );
  });

  it('each reason once, in the list order, however she typed them', () => {
    const statement = composeHardshipStatement(['dependants', 'jobLoss', 'jobLoss'], undefined, words);
    expect(statement).toBe([words.opening, t('hardship.statement.sentences.jobLoss'), t('hardship.statement.sentences.dependants'), words.closing].join(' '));
  });

  it('"something else" gives way to her own words', () => {
    const statement = composeHardshipStatement(['other'], 'My car broke down and I need it for work', words);
    expect(statement).toBe([words.opening, 'My car broke down and I need it for work.', words.closing].join(' '));
  });

  it('nothing chosen and nothing written: the short general statement', () => {
    expect(composeHardshipStatement([], undefined, words)).toBe(words.generic);
    expect(composeHardshipStatement([], '   ', words)).toBe(words.generic);
  });

  it('her words as a sentence: capital first letter, "I", capitals after a full stop, one final full stop', () => {
    expect(asSentence('  i was laid off.  my savings are gone ')).toBe('I was laid off. My savings are gone.');
    expect(asSentence("i'm on my own and i can't pay it all!")).toBe("I'm on my own and I can't pay it all!");
    expect(asSentence('We moved in July.')).toBe('We moved in July.');
    expect(asSentence('since october i may lose the apartment')).toBe('Since October I may lose the apartment.');
    expect(asSentence('my kid is in the ICU (again)')).toBe('My kid is in the ICU (again).');
  });

  it('recognises reasons her words already say, and not others', () => {
    expect(reasonsSaidIn('I got laid off in June', words.sameAs)).toEqual(['jobLoss']);
    expect(reasonsSaidIn('I live on Social Security and support my grandson', words.sameAs)).toEqual(['fixedIncome', 'dependants']);
    expect(reasonsSaidIn('My rent went up', words.sameAs)).toEqual([]);
  });
});
