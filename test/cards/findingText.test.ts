import { findingText } from '../../src/cards/findingText';
import type { Finding } from '../../src/domain/billCheck';
import { realContent } from '../helpers/content';

/** What the bill check says about a bill above its Good Faith Estimate, before and after the 120-day window. */
describe('a bill above its Good Faith Estimate', () => {
  const content = realContent();
  const figures = { balanceCents: 210_000, estimateCents: 120_000, differenceCents: 90_000 };
  const vars = { balance: '$2,100', estimate: '$1,200', difference: '$900' };

  it('within the window: the words to say mention the federal dispute, and the deadline is given', () => {
    const finding: Finding = { code: 'goodFaithEstimateExceeded', severity: 'high', figures: { ...figures, daysLeft: 30 }, deadline: '2027-01-01' };
    const text = findingText(content, finding);
    expect(text.say).toBe(content.text('findings.goodFaithEstimateExceeded.say', vars));
    expect(text.deadline).toBe(content.text('findings.goodFaithEstimateExceeded.deadline', { deadline: 'January 1, 2027', daysLeft: 30 }));
  });

  it('past the window: the words ask for the correction, with no dispute she may no longer be able to start', () => {
    const finding: Finding = { code: 'goodFaithEstimateExceeded', severity: 'medium', figures: { ...figures, daysLeft: -10 }, deadline: '2026-11-22' };
    const text = findingText(content, finding);
    expect(text.say).toBe(content.text('findings.goodFaithEstimateExceeded.sayPassed', vars));
    expect(text.say).not.toMatch(/dispute/);
    expect(text.deadline).toContain('may have closed');
  });
});
