import type { ContentStore } from '../content/contentStore';
import { FINDING_CODES, Finding } from '../domain/billCheck';
import { type Ask, askOrder, collectorNote, haveAtHand, hospitalContact, publicHospital, whoToCall } from '../domain/callPlan';
import type { Contact } from '../domain/callPrepModel';
import type { Case } from '../domain/case';
import { formatIsoDate, type IsoDate } from '../domain/dates';
import { formatCents } from '../domain/money';
import { owedAmount } from '../domain/owedAmount';
import { nonprofitDates } from '../domain/nonprofitRules';
import { fairPriceSayings } from './billCheckPrices';
import { findingText } from './findingText';
import type { Sheet } from './sheet';


/** The bill check's findings that are errors to fix: not the "good to know" ones (emergency care's protection). */
function errorFindings(c: Case): Finding[] {
  return (c.billCheck?.findings ?? []).filter((f): f is typeof f & Finding => (FINDING_CODES as readonly string[]).includes(f.code) && f.severity !== 'info');
}

/** Titles of the bill check's findings, for "fix the errors first", each once. */
function errorsSummary(content: ContentStore, c: Case): string {
  // Lower-case only the first letter: "your bill is well above your Good Faith Estimate".
  const titles = errorFindings(c).map((f) => findingText(content, f).title).map((t) => t.charAt(0).toLowerCase() + t.slice(1));
  return [...new Set(titles)].join('; ');
}

/** The same findings as she says them on the call, in the first person: "my bill is higher than my insurer says I owe". */
function errorsSpoken(content: ContentStore, c: Case): string {
  const codes = [...new Set(errorFindings(c).map((f) => f.code))];
  return codes.map((code) => content.text(`script.errorTopics.${code}`)).join('; ');
}

/**
 * The 240-day date to say on the call at a nonprofit hospital (the user said it is one) while it has
 * not passed: an application sent by then pauses collection actions (26 CFR 1.501(r)-6(c)).
 */
function nonprofitApplyBy(c: Case, today: IsoDate): IsoDate | undefined {
  if (c.provider.kind !== 'hospital' || c.provider.nonprofit !== 'yes' || c.firstBillDate === undefined) return undefined;
  const dates = nonprofitDates(c.firstBillDate, today);
  return dates.daysToApply >= 0 ? dates.applicationDeadline : undefined;
}

/**
 * The script's opening: the balance when she gave it; both figures when she owes less than the bill (the EOB's
 * figure or the Good Faith Estimate, from owedAmount), with the correction asked first; a question when it is unknown.
 */
function openingLine(content: ContentStore, c: Case, serviceDate: string): string {
  const owed = owedAmount(c);
  if (owed.owedCents === undefined || owed.billCents === undefined) return content.text('script.script.openingNoBalance', { serviceDate });
  const figures = { serviceDate, bill: formatCents(owed.billCents), owed: formatCents(owed.owedCents) };
  if (owed.basis === 'eob') return content.text('script.script.openingEob', figures);
  if (owed.basis === 'goodFaithEstimate') return content.text('script.script.openingEstimate', figures);
  return content.text('script.script.opening', { serviceDate, balance: figures.bill });
}

/**
 * The call plan and personal script, from the templates in content/en/script.yaml filled with the case:
 * one model that the card and the text file both render. `escape` protects user text in the card.
 * The card shows why the call is worth making, who to call and what to ask in order; the script and
 * checklists open on demand. `today` decides whether a nonprofit hospital's application window is open.
 */
export function buildCallScript(content: ContentStore, c: Case, today: IsoDate, escape: (s: string) => string = (s) => s): Sheet {
  const provider = escape(c.provider.name ?? content.text('script.unknownProvider'));
  const vars = {
    caseLabel: escape(c.label),
    provider,
    serviceDate: c.serviceDate ? formatIsoDate(c.serviceDate) : content.text('script.unknownDate'),
    balance: c.balanceCents === undefined ? content.text('script.unknownBalance') : formatCents(c.balanceCents),
    statement: escape(c.hardship?.statement ?? ''),
    errors: escape(errorsSummary(content, c)),
    errorsSpoken: escape(errorsSpoken(content, c)),
  };
  // Issue 23: the hospital she picked from CMS's list is called at its main number ("ask for the billing office").
  const hospital = hospitalContact(c);
  const contactLine = (who: Contact) => {
    if (who === 'collectionAgency') return content.text(`script.who.collectionAgency.${collectorNote(c)}`, vars);
    if (hospital) return content.text(`script.who.hospital.${who}`, { hospital: escape(hospital.name), phone: hospital.phone, address: escape(hospital.address) });
    return content.text(`script.who.${who}`, vars);
  };
  const applyBy = nonprofitApplyBy(c, today);
  // A government or tribal hospital is not bound by 501(r), but often has a program: she asks whether it does.
  const assistanceKey = publicHospital(c) ? 'assistancePublic' : 'assistance';
  const scriptLine = (ask: Ask) =>
    ask === 'assistance' && applyBy ? content.text('script.script.assistanceNonprofit', { applyBy: formatIsoDate(applyBy) }) : content.text(`script.script.${ask === 'assistance' ? assistanceKey : ask}`, vars);
  const asks = askOrder(c);
  const scriptLines = [
    content.text('script.script.fillIn'),
    openingLine(content, c, vars.serviceDate),
    ...(c.hardship ? [content.text('script.script.statement', vars)] : []),
    ...asks.map(scriptLine),
    // Issue 22: each charge far above what Medicare pays, with the fair price to ask for.
    ...fairPriceSayings(content, c),
    content.text('script.script.close'),
  ];
  return {
    title: content.text('script.title', vars),
    sections: [
      { title: content.text('script.why.title'), lines: [content.text('script.why.survey')] },
      { title: content.text('script.who.title'), lines: whoToCall(c).map(contactLine), numbered: true },
      { title: content.text('script.asks.title'), lines: asks.map((ask) => content.text(`script.asks.${ask === 'assistance' ? assistanceKey : ask}`, vars)), numbered: true },
      { title: content.text('script.haveAtHand.title'), lines: haveAtHand(c).map((item) => content.text(`script.haveAtHand.items.${item}`)), details: true },
      { title: content.text('script.script.title'), lines: scriptLines, details: true },
      { title: content.text('script.calm.title'), lines: content.list('script.calm.items'), details: true },
      { title: content.text('script.writeDown.title'), lines: content.list('script.writeDown.items'), details: true },
    ],
    closing: [content.text('script.inWriting'), content.text('callPrep.disclaimer')],
    detailsTitle: content.text('script.showAll'),
  };
}
