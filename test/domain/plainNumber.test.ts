import type { TurnContext } from 'botbuilder';
import { NumberPrompt } from 'botbuilder-dialogs';
import fc from 'fast-check';
import { plainNumber } from '../../src/domain/plainNumber';

/** What the SDK's own NumberPrompt reads from an English answer. */
async function sdkNumber(text: string): Promise<number | undefined> {
  const prompt = new NumberPrompt('sdk');
  const recognize = (prompt as unknown as { onRecognize(c: TurnContext, s: object, o: object): Promise<{ succeeded: boolean; value?: number }> }).onRecognize;
  const result = await recognize.call(prompt, { activity: { text, locale: 'en-us' } } as unknown as TurnContext, {}, {});
  return result.succeeded ? result.value : undefined;
}

describe('a number typed on its own is read without the number recognizer', () => {
  it.each([
    ['1200', 1200], ['1,200', 1200], ['1,200.50', 1200.5], ['$85', 85], ['$ 3,000', 3000], ['0', 0], ['$0.99', 0.99], [' 42 ', 42], ['007', 7],
  ])('%s → %d', (text, value) => {
    expect(plainNumber(text)).toBe(value);
  });

  it.each(['about 300', 'two', '1.2.3', '-5', '1e9', '$', '', '12,00', '1,2345', '$$5', '5 dollars', '3/4', 'NaN', 'Infinity', '1 200', '١٢٣'])(
    'leaves "%s" to the recognizer',
    (text) => {
      expect(plainNumber(text)).toBeUndefined();
    },
  );

  it('agrees with the SDK NumberPrompt on every number it reads', async () => {
    const grouped = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 999_999_999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.constantFrom('plain', 'grouped', 'dollars', 'dollars grouped', 'cents', 'dollars cents'),
        async (whole, cents, style) => {
          const c = String(cents).padStart(2, '0');
          const text = {
            plain: `${whole}`, grouped: grouped(whole), dollars: `$${whole}`, 'dollars grouped': `$${grouped(whole)}`,
            cents: `${whole}.${c}`, 'dollars cents': `$${grouped(whole)}.${c}`,
          }[style];
          const fast = plainNumber(text);
          expect(fast).toBeDefined();
          expect(await sdkNumber(text)).toBe(fast);
        },
      ),
      { numRuns: 120 },
    );
  });
});
