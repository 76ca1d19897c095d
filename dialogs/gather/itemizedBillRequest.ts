import type { TurnContext } from 'botbuilder';
import { itemizedBillFollowUp } from '../../src/domain/followUp';
import { nextItemId } from '../../src/domain/caseIds';
import { Case } from '../../src/domain/case';
import { hospitalContact } from '../../src/domain/callPlan';
import { formatIsoDate } from '../../src/domain/dates';
import { escapeMarkdown } from '../../src/cards/markdown';
import { textFileFromMarkdown } from '../attachments';
import type { DialogDeps } from '../deps';

/** About a week for an itemized bill to arrive, then call again (patient-advocate practice). */

/**
 * For a user without an itemized bill: what to ask for, a phone line and a written request filled in
 * with the case (as a file to keep), the billing-hold advice, and a follow-up added to the case.
 */
export async function sendItemizedBillRequest(context: TurnContext, deps: DialogDeps, c: Case, today: string): Promise<Case> {
  const { content, now } = deps;
  // Issue 23: the hospital she picked from CMS's list: its main number to call, its address under "To:".
  const hospital = hospitalContact(c);
  const vars = {
    provider: c.provider.name === undefined ? content.text('itemized.unknownProvider') : escapeMarkdown(c.provider.name),
    serviceDate: c.serviceDate ? formatIsoDate(c.serviceDate) : content.text('itemized.unknownDate'),
  };
  // The letter goes to the hospital by CMS's name for it, at its street address.
  const letterVars = hospital ? { ...vars, provider: escapeMarkdown(hospital.name), addressLine: `\n${escapeMarkdown(hospital.address)}` } : { ...vars, addressLine: '' };
  const phone = hospital ? content.text('itemized.phoneHospital', { serviceDate: vars.serviceDate, hospital: hospital.name, phone: hospital.phone }) : content.text('itemized.phone', vars);
  const due = itemizedBillFollowUp(today);
  const source = content.sourced('itemized.file.source');
  const letter = [`# ${content.text('itemized.file.title')}`, '', content.text('itemized.file.body', letterVars), '', `_${source.text} ${source.source ?? ''}_`, ''].join('\n');
  await context.sendActivity([content.text('itemized.intro'), content.text('itemized.whatToAsk'), phone, content.text('itemized.hold')].join('\n\n'));
  await context.sendActivity({ attachments: [textFileFromMarkdown(content.text('itemized.file.name'), letter)] });
  await context.sendActivity(content.text('itemized.followUp', { followUpDate: formatIsoDate(due) }));
  const next = nextItemId(c, 'F');
  const followUp = { id: next.id, kind: 'itemizedBill' as const, due, status: 'open' as const, createdAt: now().toISOString() };
  return { ...next.case, documents: { ...c.documents, itemizedBill: 'missing' }, followUps: [...c.followUps, followUp].slice(-100) };
}
