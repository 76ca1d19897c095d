import { caseSchema, type Case } from '../../src/domain/case';
import { nextItemId } from '../../src/domain/caseIds';

const NOW = '2026-11-27T15:00:00.000Z';
const bill = (fields: Record<string, unknown> = {}): Case => caseSchema.parse({ id: 'c', label: 'Bill', createdAt: NOW, updatedAt: NOW, ...fields });
const followUp = (id: string) => ({ id, kind: 'other', due: '2026-12-04', status: 'open', createdAt: NOW });

describe('ids of calls, follow-ups and price checks never repeat in a case', () => {
  it('count up from 1, whatever the kind', () => {
    const first = nextItemId(bill(), 'F');
    const second = nextItemId(first.case, 'C');
    expect([first.id, second.id]).toEqual(['F1', 'C2']);
    expect(second.case.lastItemNumber).toBe(2);
  });

  it('a case stored before the counter starts after the highest number its ids use', () => {
    const stored = bill({ followUps: [followUp('F1'), followUp('F7')], calls: [{ id: 'C3', date: '2026-11-20', outcome: 'other', createdAt: NOW }] });
    expect(nextItemId(stored, 'F').id).toBe('F8');
  });

  it('past the 100-item cap (the list is cut, the counter is not), each new follow-up gets a new id', () => {
    let c = bill();
    const ids = new Set<string>();
    for (let i = 0; i < 150; i++) {
      const next = nextItemId(c, 'F');
      ids.add(next.id);
      c = caseSchema.parse({ ...next.case, followUps: [...next.case.followUps, followUp(next.id)].slice(-100) });
    }
    expect(ids.size).toBe(150);
    expect(c.followUps).toHaveLength(100);
    expect(nextItemId(c, 'F').id).toBe('F151');
  });
});
