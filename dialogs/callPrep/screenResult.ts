import type { ContentStore } from '../../src/content/contentStore';
import type { DataFiles } from '../../src/content/dataFiles';
import { mayBeNonprofitHospital } from '../../src/domain/callPlan';
import { Assistance } from '../../src/domain/callPrepModel';
import type { Case } from '../../src/domain/case';
import { screenAssistance } from '../../src/domain/charityCare';
import { formatIsoDate } from '../../src/domain/dates';
import { formatCents } from '../../src/domain/money';
import { nonprofitDates } from '../../src/domain/nonprofitRules';

/** The screen's result saved on the case (or nothing when household or income is unknown). */
export function screenCase(c: Case, data: DataFiles, today: string): Assistance['screen'] {
  const { householdSize, annualIncomeCents } = c.assistance;
  if (householdSize === undefined || annualIncomeCents === undefined) return undefined;
  const r = screenAssistance({ householdSize, annualIncomeCents, state: c.state }, data.povertyGuidelines, data.assistanceTiers);
  return { percent: r.percent, year: r.year, tier: r.tier, guidelineCents: r.guidelineCents, screenedOn: today };
}

/**
 * What the screen means for this user, in words: the likely tier (always "each hospital's policy
 * decides"), the 501(r) points with dates for a nonprofit hospital, or "ask for a hardship discount".
 */
export function screenMessages(content: ContentStore, c: Case, today: string): string[] {
  const screen = c.assistance.screen;
  const out = [
    screen
      ? content.text(`callPrep.result.${screen.tier}`, {
          percent: screen.percent, year: screen.year, guideline: formatCents(screen.guidelineCents), size: c.assistance.householdSize ?? 1,
        })
      : content.text('callPrep.result.unknown'),
  ];
  if (mayBeNonprofitHospital(c)) {
    let rules: string;
    const lead = content.text(c.provider.nonprofit === 'yes' ? 'callPrep.nonprofit.leadYes' : 'callPrep.nonprofit.leadUnsure');
    if (c.firstBillDate) {
      const dates = nonprofitDates(c.firstBillDate, today);
      const key = dates.daysToApply >= 0 ? 'callPrep.nonprofit.withDates' : 'callPrep.nonprofit.windowPassed';
      rules = content.text(key, { lead, deadline: formatIsoDate(dates.applicationDeadline), daysToApply: dates.daysToApply, ecaDate: formatIsoDate(dates.ecaProtectedUntil) });
    } else rules = content.text('callPrep.nonprofit.noDates', { lead });
    if (c.provider.nonprofit !== 'yes') rules += `\n\n${content.text('callPrep.nonprofit.checkStatus')}`;
    out.push(rules);
  } else {
    out.push(content.text('callPrep.otherProvider'));
  }
  out.push(`${content.text('callPrep.result.context')}\n\n${content.text('callPrep.disclaimer')}`);
  return out;
}
