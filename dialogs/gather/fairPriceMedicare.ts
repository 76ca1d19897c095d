import type { TurnContext } from 'botbuilder';
import type { PromptValidatorContext } from 'botbuilder-dialogs';
import { pricedServiceReply } from '../../src/cards/billCheckPrices';
import { serviceCatalog } from '../../src/content/serviceCatalog';
import type { Case } from '../../src/domain/case';
import { activeCase } from '../../src/domain/profile';
import { priceOneService, withPricedService, type MedicareLine, type MedicarePrices } from '../../src/domain/medicareLines';
import { readAmount } from '../../src/domain/numberReading';
import { searchServices, type BillCode, type ServiceCandidate } from '../../src/domain/serviceSearch';
import { ReadNumberPrompt } from '../prompts/readNumberPrompt';
import { isListedPhrase, isSkipPhrase } from '../prompts/skipPhrase';
import type { DialogDeps } from '../deps';
import { areaOf, type AreaAnswer } from './areaDialog';

/** What the price check gathers for one service (kept in the waterfall's values between turns). */
export interface PriceDraft {
  service?: string;
  lineId?: string;
  /** The billing code: the bill line's, the one she typed, or the candidate she confirmed. */
  code?: BillCode;
  chargeCents?: number;
  area?: AreaAnswer;
  /** The service priced against Medicare in her area (issue 22). */
  medicare?: MedicareLine;
  comparableCents?: number;
}

/**
 * What she typed for the service: a code is taken as read off the bill (`code`); a few words get our plain names
 * for her to confirm (`candidates`); nothing found leaves both out.
 */
export function readService(deps: DialogDeps, typed: string): { code?: BillCode; candidates?: ServiceCandidate[] } {
  const candidates = searchServices(typed, serviceCatalog(deps.content));
  const [first] = candidates;
  if (!first) return {};
  if (first.match === 'code') return { code: { code: first.code, ...(first.modifier ? { modifier: first.modifier } : {}) } };
  return { candidates };
}

/**
 * Prices the draft's service in her area and says what Medicare pays for it and the fair price to ask, or why there
 * is no figure. True when there is a figure (she is then asked for a price of her own, which wins).
 */
export async function sayMedicarePrice(context: TurnContext, deps: DialogDeps, draft: PriceDraft, areaAnswer: unknown): Promise<boolean> {
  const area = areaOf(deps, areaAnswer);
  if (!draft.code || !area) return false;
  const current = activeCase(await deps.profiles.get(context));
  draft.area = { localityId: area.locality.id, notSure: area.notSure };
  draft.medicare = priceOneService(
    { ...(draft.lineId ? { lineId: draft.lineId } : {}), code: draft.code, units: 1, chargeCents: draft.chargeCents ?? 0, providerKind: current?.provider.kind },
    area, deps.medicare, deps.data.fairPriceMultiples,
  );
  await context.sendActivity(pricedServiceReply(deps.content, draft.medicare, { state: area.locality.state, locality: area.locality.number }));
  return draft.medicare.medicareCents !== undefined;
}

/**
 * The case's Medicare snapshot with the priced service kept. A price she found herself wins: a typed service she
 * gave one for keeps no Medicare line (a bill line keeps it; the bill check argues hers for that line).
 */
export function medicareWithService(deps: DialogDeps, c: Case, draft: PriceDraft, ownPrice: boolean): MedicarePrices | undefined {
  const area = areaOf(deps, draft.area);
  if (!draft.medicare || !area || (ownPrice && draft.lineId === undefined)) return c.medicare;
  return withPricedService(c.medicare, area, deps.medicare.pfs.year, draft.medicare);
}

/** "No", "no thanks", "not sure"…: she has no price of her own (after Medicare's figure, "did you find one?" is a yes-or-no question). */
export function noOwnPrice(text: string, deps: DialogDeps): boolean {
  return isSkipPhrase(text, deps.content) || isListedPhrase(text, deps.content, 'prices.offer.skipWords');
}

/** Her own price after Medicare's figure: an amount, or a "no" of any kind (the answer is then undefined). */
export function ownPricePrompt(id: string, deps: DialogDeps): ReadNumberPrompt {
  const dollars = (text: string): number | undefined => {
    const reading = readAmount(text);
    return 'cents' in reading ? reading.cents / 100 : undefined;
  };
  return new ReadNumberPrompt(id, dollars, async (p: PromptValidatorContext<number>) => noOwnPrice(p.context.activity.text ?? '', deps) || p.recognized.succeeded);
}
