import type { CardElement, TextBlock } from '../../src/cards/adaptiveCard';
import { readBillCard } from '../../src/cards/readBillCard';
import type { BillDraft } from '../../src/domain/billDraft';
import { realContent } from '../helpers/content';

/** The card of what was read from a file: its lines are the ones "Fix a line" and "Drop a line" ask for by number. */
describe('the card of what was read from a bill', () => {
  const content = realContent();
  const draft: BillDraft = {
    kind: 'itemizedBill',
    printedTotalCents: 150_000,
    lines: [
      { date: '2026-09-01', code: '99284', description: 'ER VISIT LVL 4', units: 1, chargeCents: 145_000, unsure: [] },
      { date: '2026-09-01', code: '85025', description: 'CBC', units: 1, chargeCents: 4_000, unsure: ['code'] },
      { date: '2026-09-01', description: '2. Parking', units: 1, chargeCents: 1_000, unsure: [] },
    ],
  };

  it('numbers the lines 1, 2, 3 in one list (one TextBlock: Markdown would restart a list per block at 1)', () => {
    const card = readBillCard(content, draft, 'webchat');
    const blocks = card.body.filter((e: CardElement): e is TextBlock => e.type === 'TextBlock');
    const list = blocks.filter((b) => /^1\. /.test(b.text));
    expect(list).toHaveLength(1);
    const lines = list[0]?.text.split('\n') ?? [];
    expect(lines.map((l) => l.slice(0, 3))).toEqual(['1. ', '2. ', '3. ']);
    expect(lines[0]).toContain('99284');
    expect(lines[1]).toContain(`85025 ${content.text('upload.card.unsure')}`);
    // A description that starts like a list item stays text inside its own line.
    expect(lines[2]).toContain('2\\. Parking');
  });
});
