/** Every card action verb, with the data a real card of that verb sends besides the ticket id and version. */
export function everyActionVerb(assignee: string): Array<[string, Record<string, unknown>]> {
  return [
    ['approveOrganisation', {}],
    ['rejectOrganisation', { rejectReason: 'Not in our ICS' }],
    ['askForInformation', { askReason: 'Which borough?' }],
    ['assignTicket', { assignee }],
    ['tickChecklist', { item: 'odsVerified', checklist_odsVerified: 'true' }],
    ['requestInformation', { requestReason: 'Which borough?' }],
    ['resolveTicket', {}],
    ['closeTicket', {}],
    ['provideInformation', { answer: 'Lewisham' }],
    ['withdrawRequest', {}],
  ];
}
