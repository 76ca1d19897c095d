import type { ContentStore } from '../content/contentStore';
import { serviceCatalog } from '../content/serviceCatalog';
import { linesAboveFairPrice } from '../domain/billCheck';
import type { Case } from '../domain/case';
import { aboveFairPrice, type MedicareLine, type MedicarePrices } from '../domain/medicareLines';
import { formatCents } from '../domain/money';
import { serviceLabel } from '../domain/serviceSearch';
import { US_STATES } from '../domain/usStates';

/**
 * What Medicare pays for each coded line, in words, wherever a price is argued: the bill check card and file, the
 * price check's replies, the call script. Figures come from the case (case.medicare); words from
 * content/en/prices.yaml; plain service names from content/en/serviceLabels.yaml.
 */

const wholeNumber = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** "99284-26 · Emergency room visit, level 4 of 5 (serious problem)"; the code alone when we have no plain name for it. */
export function serviceName(content: ContentStore, line: Pick<MedicareLine, 'code' | 'modifier'>): string {
  const code = line.modifier ? `${line.code}-${line.modifier}` : line.code;
  const label = serviceLabel(serviceCatalog(content), line.code);
  const part = line.modifier ? content.text(`prices.medicare.part.${line.modifier === '26' ? 'reading' : 'machine'}`) : undefined;
  return [code, label, part].filter(Boolean).join(' · ');
}

/** The place the figures are for, in plain words: her locality's name from content/en/localities.yaml when it has one, else her state's. */
export function placeName(content: ContentStore, medicare: Pick<MedicarePrices, 'state' | 'locality'>): string {
  const key = `localities.${medicare.state}.l${medicare.locality}`;
  if (content.has(key)) return content.text(key);
  return US_STATES[medicare.state] ?? medicare.state;
}

/** "twice", "one and a half times", or "180% of": how the price to ask compares with Medicare's, said out loud. */
export function timesWords(content: ContentStore, askPercent: number): string {
  const key = `prices.times.p${askPercent}`;
  return content.has(key) ? content.text(key) : content.text('prices.times.other', { percent: askPercent });
}

/** One priced line as a fact: its name, and the charge against Medicare and the price to ask, or why there is no figure. */
export function medicareFact(content: ContentStore, line: MedicareLine): { title: string; value: string } {
  const title = serviceName(content, line);
  if (line.medicareCents === undefined || line.askCents === undefined) {
    return { title, value: content.text(`prices.noFigure.${line.noFigure ?? 'notFound'}`, { charge: formatCents(line.chargeCents) }) };
  }
  const vars = { charge: formatCents(line.chargeCents), medicare: formatCents(line.medicareCents), percent: wholeNumber.format(line.overMedicarePercent ?? 0), ask: formatCents(line.askCents) };
  return { title, value: content.text(aboveFairPrice(line) ? 'prices.medicare.above' : 'prices.medicare.fair', vars) };
}

/** A figure from the physician fee schedule in a hospital: the doctor's part only (the hospital's fee is paid apart). */
const doctorsPart = (line: MedicareLine): boolean => line.setting === 'facility' && line.schedule !== 'clfs' && line.medicareCents !== undefined;

/**
 * The price check's reply for one service she picked or typed: what Medicare pays for it here, how far above it the
 * charge is and the fair price to ask for; or why there is no Medicare figure.
 */
export function pricedServiceReply(content: ContentStore, line: MedicareLine, medicare: Pick<MedicarePrices, 'state' | 'locality'>): string {
  const service = serviceName(content, line);
  if (line.medicareCents === undefined || line.askCents === undefined) {
    return content.text('prices.medicare.noFigureFor', { service, why: content.text(`prices.noFigure.${line.noFigure ?? 'notFound'}`, { charge: formatCents(line.chargeCents) }) });
  }
  const vars = {
    service, place: placeName(content, medicare), charge: formatCents(line.chargeCents), medicare: formatCents(line.medicareCents),
    percent: wholeNumber.format(line.overMedicarePercent ?? 0), ask: formatCents(line.askCents),
  };
  const reply = content.text(aboveFairPrice(line) ? 'prices.medicare.typed' : 'prices.medicare.typedFair', vars);
  return doctorsPart(line) ? `${reply}\n\n${content.text('prices.medicare.facilityNote')}` : reply;
}

/** The heading and note for the Medicare figures: where, which year, and "not sure" said plainly. */
export function medicareHeading(content: ContentStore, medicare: MedicarePrices): { title: string; note: string } {
  const place = placeName(content, medicare);
  const year = medicare.year ?? content.text('prices.medicare.unknownYear');
  const note = [
    content.text('prices.medicare.note', { year }),
    ...(medicare.lines.some(doctorsPart) ? [content.text('prices.medicare.facilityNote')] : []),
    ...(medicare.notSure ? [content.text('prices.medicare.notSure', { place })] : []),
  ].join(' ');
  return { title: content.text('prices.medicare.title', { place }), note };
}

/** The priced lines of a case (none when its bill was not priced against Medicare). */
export function pricedLines(c: Case): MedicareLine[] {
  return c.medicare?.lines ?? [];
}

/**
 * The words to say for each line worth arguing: "For 99284 · Emergency room visit, level 4 of 5 (serious problem),
 * Medicare pays about $117.03 here in Ohio. I was charged $1,450, 1,139% more. I'm asking to pay $234.06, which is still twice that." A line she found
 * her own comparable price for is argued from hers (the bill check's aboveComparablePrice), so it is left out here.
 */
export function fairPriceSayings(content: ContentStore, c: Case): string[] {
  const medicare = c.medicare;
  if (!medicare) return [];
  const place = placeName(content, medicare);
  return linesAboveFairPrice(c).map((l) => content.text('prices.medicare.say', {
      service: serviceName(content, l), medicare: formatCents(l.medicareCents), place, ask: formatCents(l.askCents), times: timesWords(content, l.askPercent ?? 0),
      charge: formatCents(l.chargeCents), percent: wholeNumber.format(l.overMedicarePercent ?? 0),
    }));
}
