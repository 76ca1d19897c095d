import { formatCents } from '../domain/money';
import { guidelineCents, latestYear } from '../domain/povertyGuidelines';
import type { DataFiles } from './dataFiles';

/**
 * The figures of `content/data/*.yaml` as people read them ("$33,000", "200%", "22.25%"), by name. Content and
 * FAQ text says `{{data.guidelineFamilyOf4}}` instead of repeating a figure, so an operator who updates a data
 * file updates every sentence that states it: one figure, one place. Built once at startup from the loaded files.
 */
export type DataFigures = Readonly<Record<string, string>>;

/** How a data placeholder starts: `{{data.freeCareUpTo}}`. */
export const DATA_PREFIX = 'data.';

const percentFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const percent = (value: number): string => `${percentFormat.format(value)}%`;

/** A household-of-4 guideline times a whole percent, in cents (whole dollars times a whole percent: exact). */
const percentOf = (cents: number, wholePercent: number): number => Math.floor((cents * wholePercent) / 100);

export function dataFigures(data: DataFiles): DataFigures {
  const guideline = latestYear(data.povertyGuidelines);
  const familyOf4 = guidelineCents(guideline, 4, 'contiguous');
  const tiers = data.assistanceTiers;
  const offer = data.offerStrategy;
  const figures: Record<string, string> = {
    // HHS poverty guidelines: the newest year, 48 contiguous states and DC.
    guidelineYear: String(guideline.year),
    guidelineSource: guideline.source,
    guidelineFirstPerson: formatCents(guideline.contiguous.firstPerson * 100),
    guidelineEachAdditional: formatCents(guideline.contiguous.eachAdditional * 100),
    guidelineFamilyOf4: formatCents(familyOf4),
    // Typical financial-assistance levels (each hospital's own policy decides).
    freeCareUpTo: percent(tiers.freeUpTo),
    discountUpTo: percent(tiers.discountUpTo),
    tiersYear: String(tiers.year),
    freeCareFamilyOf4: formatCents(percentOf(familyOf4, tiers.freeUpTo)),
    discountFamilyOf4: formatCents(percentOf(familyOf4, tiers.discountUpTo)),
    // Card rates and the offer strategy.
    medicalCardApr: percent(offer.medicalCardAprPercent),
    medicalCardAprYear: String(offer.sources.medicalCardAprPercent.year),
    generalCardApr: percent(offer.generalCardAprPercent),
    generalCardAprYear: String(offer.sources.generalCardAprPercent.year),
    promoMonths: String(offer.promoMonths),
    maxMonths: String(offer.maxMonths),
    openingPercent: percent(offer.openingPercent),
    targetPercent: percent(offer.targetPercent),
    ceilingPercent: percent(offer.ceilingPercent),
    // A fair cash price as multiples of what Medicare pays (issue 22).
    fairLowPercent: percent(data.fairPriceMultiples.range.lowPercent),
    fairHighPercent: percent(data.fairPriceMultiples.range.highPercent),
    fairAskPercent: percent(data.fairPriceMultiples.askPercent),
    fairRangeYear: String(data.fairPriceMultiples.range.year),
    employerPlansPercent: percent(data.fairPriceMultiples.employerPlans.percent),
    employerPlansYear: String(data.fairPriceMultiples.employerPlans.year),
  };
  if (guideline.effective) figures.guidelineEffective = guideline.effective;
  if (tiers.reportedAverages) {
    figures.reportedFreeUnder = percent(tiers.reportedAverages.freeUnder);
    figures.reportedDiscountUnder = percent(tiers.reportedAverages.discountUnder);
    figures.reportedAveragesYear = String(tiers.reportedAverages.year);
  }
  return figures;
}

/** The `{{data.…}}` names a text uses, without the prefix. */
export function dataPlaceholdersOf(text: string): string[] {
  return [...text.matchAll(/\{\{\s*data\.([a-zA-Z][a-zA-Z0-9_]*)\s*\}\}/g)].map((m) => m[1] ?? '');
}

/** The first `{{data.…}}` name a text uses that is not a figure, if any. */
export function unknownFigure(text: string, figures: DataFigures): string | undefined {
  return dataPlaceholdersOf(text).find((name) => !Object.hasOwn(figures, name));
}

/** A text with its `{{data.…}}` placeholders filled; other placeholders are left for the caller. */
export function fillFigures(text: string, figures: DataFigures): string {
  return text.replace(/\{\{\s*data\.([a-zA-Z][a-zA-Z0-9_]*)\s*\}\}/g, (whole, name: string) => (Object.hasOwn(figures, name) ? (figures[name] ?? whole) : whole));
}
