/**
 * Said after each step, on the cards and in the helpdesk tab's history. No imports: the tab's page is bundled for the
 * browser with it (bot/web/tabWording.ts).
 */

/** What a workflow verb did, said after the fact; card verbs are listed too so either name reads well. */
export const VERB_DONE: Readonly<Record<string, string>> = {
  submit: 'Sent',
  route: 'Passed to the right team',
  approve: 'Approved',
  reject: 'Turned down',
  requestInformation: 'Sent back for more information',
  provideInformation: 'Answered',
  seekIcsApproval: 'Sent to the ICS lead for approval',
  assign: 'Assigned',
  check: 'Checked automatically',
  confirmChecks: 'Automatic checks confirmed',
  tick: 'Checklist updated',
  untick: 'Checklist updated',
  setPriority: 'Priority changed',
  escalate: 'Escalated',
  resolve: 'Resolved',
  close: 'Closed',
  archive: 'Archived',
  withdraw: 'Withdrawn',
  approveOrganisation: 'Approved',
  rejectOrganisation: 'Turned down',
  assignTicket: 'Assigned',
  tickChecklist: 'Checklist updated',
  resolveTicket: 'Resolved',
  closeTicket: 'Closed',
};
