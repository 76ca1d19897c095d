/**
 * Dialog ids are a stored contract: they sit in ConversationState between turns. A breaking change to a
 * dialog's steps gets a new id or a new FLOW_VERSION, so nobody resumes at the wrong step.
 */
export const FLOW_VERSION = 'flow-3';

export const DialogIds = {
  root: 'root',
  rootMain: 'root.main',
  rootMenuPrompt: 'root.menuPrompt',
  casesNew: 'cases.new',
  casesSwitch: 'cases.switch',
  casesChange: 'cases.change',
  casesDelete: 'cases.delete',
  dataDelete: 'data.delete',
  gather: 'gather',
  callPrep: 'callPrep',
  offer: 'offer',
  rehearsal: 'rehearsal',
  followUp: 'followUp',
  ask: 'ask',
} as const;
