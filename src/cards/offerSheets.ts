import { assistanceProgramLikely } from '../domain/callPlan';
import type { ContentStore } from '../content/contentStore';
import type { Case } from '../domain/case';
import { formatCents } from '../domain/money';
import type { LumpSumInput, LumpSumOffer } from '../domain/offer';
import type { OfferStrategy } from '../domain/offerStrategy';
import type { OwedAmount } from '../domain/owedAmount';
import type { CostComparison, PaymentPlan } from '../domain/paymentPlan';
import type { Sheet } from './sheet';

type Escape = (s: string) => string;
const same: Escape = (s) => s;

/**
 * The words' figures from owedAmount: `balance` is what she owes (the EOB's figure or the Good Faith Estimate when
 * the bill is above it), `bill` what the bill asks; `corrected` names the key suffix that says both ("Eob", "Estimate").
 */
function owedVars(c: Case, owed: OwedAmount | undefined, fallbackCents: number): { balance: string; bill: string; corrected: '' | 'Eob' | 'Estimate' } {
  const bill = formatCents(owed?.billCents ?? c.balanceCents ?? fallbackCents);
  const balance = formatCents(owed?.owedCents ?? c.balanceCents ?? fallbackCents);
  const corrected = owed?.basis === 'eob' ? 'Eob' : owed?.basis === 'goodFaithEstimate' ? 'Estimate' : '';
  return { balance, bill, corrected };
}

/** The lump-sum offer: three numbers, the words for each turn of the call, and (on demand) how they were worked out. */
export function lumpSumSheet(content: ContentStore, c: Case, offer: LumpSumOffer, input: LumpSumInput, escape: Escape = same, owed?: OwedAmount): Sheet {
  const figures = owedVars(c, owed, input.balanceCents);
  const money = {
    balance: figures.balance,
    bill: figures.bill,
    opening: formatCents(offer.openingCents),
    target: formatCents(offer.targetCents),
    ceiling: formatCents(offer.ceilingCents),
    cash: formatCents(input.cashAvailableCents),
    overEob: formatCents(input.overEobCents ?? input.owed?.correctionCents ?? 0),
    correction: formatCents(input.owed?.correctionCents ?? 0),
    overComparable: formatCents(input.overComparableCents ?? 0),
  };
  return {
    title: content.text('offer.lumpSum.title', { caseLabel: escape(c.label) }),
    sections: [
      {
        title: '',
        facts: [
          { title: content.text('offer.lumpSum.opening'), value: money.opening },
          { title: content.text('offer.lumpSum.target'), value: money.target },
          { title: content.text('offer.lumpSum.ceiling'), value: money.ceiling },
        ],
        lines: [content.text('offer.lumpSum.strategy', money)],
      },
      { title: content.text('offer.lumpSum.say'), lines: [content.text(`offer.lumpSum.sayOpen${figures.corrected}`, money), content.text('offer.lumpSum.sayCounter', money), content.text(assistanceProgramLikely(c) ? 'offer.lumpSum.sayCeiling' : 'offer.lumpSum.sayCeilingHardship', money)] },
      { title: content.text('offer.lumpSum.reasoning'), lines: offer.reasons.map((r) => content.text(`offer.lumpSum.reasons.${r}`, money)), details: true },
    ],
    closing: [content.text('offer.lumpSum.writing'), content.text('offer.disclaimer')],
    detailsTitle: content.text('offer.lumpSumDetails'),
  };
}

/** The payment plan: months and amounts (with the rounding explained), the words, and (on demand) what it costs compared. */
export function planSheet(
  content: ContentStore, c: Case, plan: PaymentPlan, costs: CostComparison, strategy: OfferStrategy, budgetCents: number, escape: Escape = same, owed?: OwedAmount,
): Sheet {
  const figures = owedVars(c, owed, plan.totalCents);
  const vars = {
    monthly: formatCents(plan.monthlyCents),
    last: formatCents(plan.lastPaymentCents),
    total: formatCents(plan.totalCents),
    months: plan.months,
    budget: formatCents(budgetCents),
    balance: figures.balance,
    bill: figures.bill,
  };
  const lines = [content.text(plan.lastPaymentCents === plan.monthlyCents ? 'offer.plan.roundingEven' : 'offer.plan.rounding', vars)];
  if (plan.overBudget) lines.unshift(content.text('offer.plan.overBudget', vars));
  return {
    title: content.text('offer.plan.title', { caseLabel: escape(c.label) }),
    sections: [
      {
        title: '',
        facts: [
          { title: content.text('offer.plan.monthly'), value: vars.monthly },
          { title: content.text('offer.plan.months'), value: String(plan.months) },
          { title: content.text('offer.plan.last'), value: vars.last },
          { title: content.text('offer.plan.total'), value: vars.total },
        ],
        lines,
      },
      { title: content.text('offer.plan.say'), lines: [content.text(`offer.plan.sayAsk${figures.corrected}`, vars), content.text('offer.plan.sayCard')] },
      {
        title: content.text('offer.plan.compareTitle'),
        details: true,
        facts: [
          { title: content.text('offer.plan.compare.interestFree'), value: formatCents(costs.interestFreeCents) },
          { title: content.text('offer.plan.compare.medicalCard', { apr: strategy.medicalCardAprPercent }), value: formatCents(costs.medicalCardIfPromoLapsesCents) },
          {
            title: content.text('offer.plan.compare.generalCard', { apr: strategy.generalCardAprPercent }),
            value: costs.generalCardPaidOff ? formatCents(costs.generalCardCents) : content.text('offer.plan.compare.neverPaidOff'),
          },
        ],
        lines: [content.text('offer.plan.deferred')],
      },
    ],
    closing: [content.text('offer.plan.missed'), content.text('offer.disclaimer')],
    detailsTitle: content.text('offer.planDetails'),
  };
}
