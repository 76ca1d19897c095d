import { fairPriceSayings } from '../../src/cards/billCheckPrices';
import type { ContentStore } from '../../src/content/contentStore';
import type { Case } from '../../src/domain/case';
import { assistanceProgramLikely } from '../../src/domain/callPlan';
import { formatCents } from '../../src/domain/money';
import { callLimits, type Heard } from '../../src/domain/rehearsalJudge';
import { concessionCents } from '../../src/domain/rehearsalReply';
import type { Scenario } from '../../src/domain/scenario';

/**
 * The user's own numbers in the representative's lines, or plain stand-ins when there are none yet (a practice
 * balance the setup names, never a bracket). `balance` is what the bill asks; `owed` what she owes when her EOB or
 * Good Faith Estimate says less (owedAmount), the one figure the offer and script use too; `due` that one figure
 * (the bill when nothing says less). During the call (`history` given), `target` is what a concession names: her
 * own latest offer or her target, whichever is lower, never above what she owes (concessionCents).
 */
export function rehearsalVars(content: ContentStore, c: Case | undefined, scenario: Scenario, escape: (s: string) => string, history?: readonly Heard[]): Record<string, string> {
  const amount = content.text('rehearsal.standIns.amount');
  const lump = c?.offer.lumpSum;
  const limits = callLimits(c);
  const owed = limits.owedBasis !== undefined ? limits.owedCents : undefined;
  const monthly = c?.offer.plan?.monthlyCents ?? c?.offer.monthlyBudgetCents;
  const offered = history?.map((h) => h.offeredCents).filter((cents) => cents !== undefined).at(-1);
  const target = history ? concessionCents(offered, lump?.targetCents, limits.owedCents) : lump?.targetCents;
  const fair = c ? fairPriceSayings(content, c)[0] : undefined;
  return {
    provider: c?.provider.name ? escape(c.provider.name) : content.text('rehearsal.standIns.provider'),
    balance: c?.balanceCents !== undefined ? formatCents(c.balanceCents) : content.text('rehearsal.standIns.balance'),
    owed: owed !== undefined ? formatCents(owed) : content.text('rehearsal.standIns.owed'),
    due: limits.owedCents !== undefined ? formatCents(limits.owedCents) : content.text('rehearsal.standIns.balance'),
    opening: lump ? formatCents(lump.openingCents) : amount,
    target: target !== undefined ? formatCents(target) : amount,
    ceiling: lump ? formatCents(lump.ceilingCents) : amount,
    monthly: monthly !== undefined ? formatCents(monthly) : amount,
    rep: scenario.rep,
    // What tips name for her case (src/cards/rehearsalTips.ts): the figure she owes, and Medicare's price for her bill.
    ...(limits.owedBasis ? { owedBasis: limits.owedBasis } : {}),
    ...(fair ? { fairSaying: fair } : {}),
    // Only once she has named an amount: lines that take up her number are chosen by its presence.
    ...(offered !== undefined ? { offered: formatCents(offered) } : {}),
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
