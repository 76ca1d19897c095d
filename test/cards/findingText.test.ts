import { findingText, findingVars } from '../../src/cards/findingText';
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

describe('a charge far above what Medicare pays', () => {
  it('writes the percent as the price details do ("1,993%"), money as dollars', () => {
    const finding: Finding = {
      code: 'aboveMedicare', severity: 'medium',
      figures: { chargeCents: 245_000, medicareCents: 11_703, overMedicarePercent: 1993, lowCents: 17_555, highCents: 29_258, askCents: 23_406, askPercent: 200 },
    };
    expect(findingVars(finding)).toMatchObject({ overMedicarePercent: '1,993', charge: '$2,450', medicare: '$117.03' });
    expect(findingText(realContent(), finding).meaning).toContain('1,993% above what Medicare pays');
  });
});
