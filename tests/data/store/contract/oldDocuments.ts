/** Live documents as older versions of the assistant wrote them, for the migration and durability contract tests. */
import type { StartingDocument } from './implementations.js';
import { roster, ticket } from './contractStores.js';

/** A live document as schema 2 wrote it: what later steps hold as typed fields is still in `settings`. */
export function schemaTwoDocument(): StartingDocument {
  return {
    schemaVersion: 2,
    tickets: [ticket(41, { state: 'assigned' })],
    rosters: [roster('icsLead', 'aad-sam', 'QKK')],
    conversations: [
      {
        key: 'user:aad-grace',
        usable: true,
        updatedAt: '2026-03-02T09:00:00.000Z',
        reference: {
          channelId: 'msteams',
          serviceUrl: 'https://smba.trafficmanager.net/uk/',
          conversation: { id: 'a:1on1-grace', conversationType: 'personal', junk: 'x'.repeat(2000) },
          bot: { id: '28:ucp-bot' },
          user: { id: '29:grace', aadObjectId: 'aad-grace' },
        },
      },
    ],
    dpiaRegister: [{ odsCode: 'VN4K2', name: 'Rosewood Court', icbCode: 'QKK' }],
    dsptStatuses: [{ odsCode: 'VN4K2', name: 'Rosewood Court', status: '25/26 Standards Met' }],
    accreditedDomains: ['nhs.net'],
    bankHolidays: null,
    settings: {
      'workflow.lastTicketNumber': 41,
      reminders: { tickets: { 'T-0041': { since: '2026-03-02T09:00:00.000Z', sent: { helpdesk: 1 } } }, dspt: {} },
      'turnFailures:user:aad-grace': 2,
      demoSeededAt: '2026-02-01T09:00:00.000Z',
      reminderHour: 10,
    },
    botState: { 'msteams/a:1on1-grace/users/aad-grace': { eTag: '7', value: { step: 'ods' } } },
    pendingAudit: [],
    notifications: [],
  };
}
