import { AdaptiveCard, CardAction, CardElement, card, detailsOnDemand, text } from '../../src/cards/adaptiveCard';
import type { ContentStore } from '../../src/content/contentStore';
import type { DataFiles } from '../../src/content/dataFiles';
import { assistanceProgramLikely, mayBeNonprofitHospital } from '../../src/domain/callPlan';
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
 * What the screen means for this user, as a short card: the likely tier (always "each hospital's policy
 * decides") and, for a nonprofit hospital, the one date that matters most; the 501(r) points in full
 * (with every date, and the rule that an application pauses collections), or "ask for a hardship
 * discount", and why asking matters open on demand.
 */
export function screenCard(content: ContentStore, c: Case, today: string): AdaptiveCard<CardAction> {
  const screen = c.assistance.screen;
  // Where a formal program is unlikely (a clinic, a doctor, a lab), the result points to a hardship discount.
  const program = assistanceProgramLikely(c);
  // A for-profit hospital (CMS's list) is not a clinic: its words say why there is no 501(r) program to count on.
  const result = program ? 'callPrep.result' : c.provider.kind === 'hospital' ? 'callPrep.resultForProfit' : 'callPrep.resultOther';
  const summary = [
    screen
      ? content.text(`${result}.${screen.tier}`, {
          percent: screen.percent, year: screen.year, guideline: formatCents(screen.guidelineCents), size: c.assistance.householdSize ?? 1,
        })
      : content.text(`${result}.unknown`),
  ];
  const details: string[] = [];
  const nonprofit = mayBeNonprofitHospital(c);
  if (nonprofit) {
    const lead = content.text(c.provider.nonprofit === 'yes' ? 'callPrep.nonprofit.leadYes' : 'callPrep.nonprofit.leadUnsure');
    const dates = c.firstBillDate ? nonprofitDates(c.firstBillDate, today) : undefined;
    if (dates && dates.daysToApply >= 0) {
      const vars = { lead, deadline: formatIsoDate(dates.applicationDeadline), daysToApply: dates.daysToApply, ecaDate: formatIsoDate(dates.ecaProtectedUntil) };
      summary.push(content.text('callPrep.nonprofit.summary', vars));
      details.push(content.text('callPrep.nonprofit.withDates', vars), content.text('callPrep.nonprofit.pauseWithDates', vars));
    } else if (dates) {
      details.push(content.text('callPrep.nonprofit.windowPassed', { lead, deadline: formatIsoDate(dates.applicationDeadline) }));
    } else details.push(content.text('callPrep.nonprofit.noDates', { lead }), content.text('callPrep.nonprofit.pauseNoDates'));
    if (c.provider.nonprofit !== 'yes') details.push(content.text('callPrep.nonprofit.checkStatus'));
  } else {
    if (program) summary.push(content.text(c.provider.kind === undefined ? 'callPrep.providerUnknown' : 'callPrep.otherProvider'));
    if (c.provider.kind === 'ambulance') details.push(content.text('callPrep.ambulance'));
  }
  // 'What the rules say' when rules open (a nonprofit's, or the ambulance note), else 'Why it's worth asking'.
  const rules = details.length > 0;
  details.push(content.text('callPrep.result.context'));
  const body: CardElement[] = summary.map((t, i) => text(t, i === 0 ? {} : { spacing: 'Medium' }));
  body.push(text(content.text('callPrep.disclaimer'), { spacing: 'Medium', isSubtle: true }));
  const more = detailsOnDemand(content.text(rules ? 'callPrep.result.details' : 'callPrep.result.detailsWhy'), details.map((t, i) => text(t, i === 0 ? {} : { spacing: 'Medium' })));
  return card<CardAction>(body, [more], summary.join('\n\n'));
}
