import type { ContentStore } from '../../src/content/contentStore';
import type { Case } from '../../src/domain/case';
import { assistanceProgramLikely } from '../../src/domain/callPlan';
import { formatCents } from '../../src/domain/money';
import { owedAmount } from '../../src/domain/owedAmount';
import { callLimits } from '../../src/domain/rehearsalJudge';
import type { Scenario } from '../../src/domain/scenario';

/**
 * The user's own numbers in the representative's lines, or plain stand-ins when there are none yet (a practice
 * balance the setup names, never a bracket). `balance` is what the bill asks; `owed` what she owes (owedAmount:
 * the EOB's figure, or the Good Faith Estimate), the one figure the offer and script use too.
 */
export function rehearsalVars(content: ContentStore, c: Case | undefined, scenario: Scenario, escape: (s: string) => string): Record<string, string> {
  const amount = content.text('rehearsal.standIns.amount');
  const lump = c?.offer.lumpSum;
  const figure = c ? owedAmount(c) : undefined;
  const owed = figure?.basis === 'eob' || figure?.basis === 'goodFaithEstimate' ? figure.owedCents : callLimits(c).owedCents;
  const monthly = c?.offer.plan?.monthlyCents ?? c?.offer.monthlyBudgetCents;
  return {
    provider: c?.provider.name ? escape(c.provider.name) : content.text('rehearsal.standIns.provider'),
    balance: c?.balanceCents !== undefined ? formatCents(c.balanceCents) : content.text('rehearsal.standIns.balance'),
    owed: owed !== undefined ? formatCents(owed) : content.text('rehearsal.standIns.owed'),
    opening: lump ? formatCents(lump.openingCents) : amount,
    target: lump ? formatCents(lump.targetCents) : amount,
    ceiling: lump ? formatCents(lump.ceilingCents) : amount,
    monthly: monthly !== undefined ? formatCents(monthly) : amount,
    rep: scenario.rep,
  };
}

/** Which scenario fits the case best: collections, an insurer mismatch, assistance, or the billing office. */
export function suggestedSuit(c: Case | undefined): Scenario['suits'][number] {
  if (!c) return 'default';
  if (c.inCollections === 'yes') return 'collections';
  if (c.billCheck?.findings.some((f) => f.code === 'balanceAboveEob')) return 'insurer';
  const tier = c.assistance.screen?.tier;
  // The assistance scenario only where a formal program is likely (not at a clinic, a doctor or a lab).
  if ((tier === 'likelyFree' || tier === 'likelyDiscount') && assistanceProgramLikely(c)) return 'assistance';
  return 'default';
}

/** Fills a scenario line; unknown placeholders cannot occur (the loader rejects them). */
export function fill(line: string, vars: Record<string, string>): string {
  return line.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => vars[name] ?? '');
}
