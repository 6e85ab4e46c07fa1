/** A data folder for the report tests: requests in two ICSs, decisions in the audit trail, managers Teams cannot reach. */
import type { AuditEvent, ConversationRecord, NotificationRecord, WorkflowTicket } from '../../data/model.js';
import { openLowdbStore } from '../../data/store/lowdbStore.js';
import { makeWorkflowTicket, people, workflowRosters } from '../fixtures/workflowFixtures.js';

/** Managers with no roster entry: their names come from their tickets. */
export const managers = {
  grace: { ...people.requester, email: 'grace.adeyemi@nhs.net' },
  mo: { aadObjectId: 'aad-requester-mo', name: 'Mo Manager' },
  kim: { aadObjectId: 'aad-requester-kim', name: 'Kim Keeper', email: 'kim.keeper@nhs.net' },
  lee: { aadObjectId: 'aad-requester-lee', name: 'Lee Lamb', email: 'lee.lamb@nhs.net' },
};

const northCentral = { odsCode: 'VX1A2', name: 'Demo Sunnyview Care Home', icbCode: 'QMJ', location: 'london' as const, namedInDpia: true };

/** The requests: two in South East London (QKK), two in North Central London (QMJ), one closed and archived. */
export function reportTickets(): WorkflowTicket[] {
  return [
    makeWorkflowTicket({
      id: 'UCP-800001',
      state: 'awaitingHelpdesk',
      requester: managers.grace,
      createdAt: '2026-03-06T16:00:00.000Z',
      stateEnteredAt: '2026-03-06T16:00:00.000Z',
    }),
    makeWorkflowTicket({
      id: 'UCP-800002',
      state: 'assigned',
      requester: managers.kim,
      createdAt: '2026-03-02T09:00:00.000Z',
      stateEnteredAt: '2026-03-03T09:00:00.000Z',
      assignee: people.agent,
    }),
    makeWorkflowTicket({
      id: 'UCP-800003',
      state: 'resolved',
      requester: managers.lee,
      organisation: northCentral,
      createdAt: '2026-03-02T09:00:00.000Z',
      stateEnteredAt: '2026-03-04T13:00:00.000Z',
    }),
    makeWorkflowTicket({
      id: 'UCP-800004',
      state: 'awaitingIcsApproval',
      requester: managers.mo,
      organisation: northCentral,
      createdAt: '2026-03-10T10:00:00.000Z',
      stateEnteredAt: '2026-03-10T10:00:00.000Z',
    }),
    makeWorkflowTicket({
      id: 'UCP-800005',
      state: 'closed',
      requester: managers.kim,
      createdAt: '2026-03-02T09:30:00.000Z',
      stateEnteredAt: '2026-03-05T11:00:00.000Z',
      closedAt: '2026-03-05T11:00:00.000Z',
    }),
  ];
}

/** Decisions (and two records that are not decisions: a submission and a tick). */
export function reportAudit(): Omit<AuditEvent, 'id'>[] {
  return [
    { at: '2026-03-02T09:00:00.000Z', actor: managers.kim.aadObjectId, action: 'submit', ticketId: 'UCP-800002', to: 'submitted' },
    {
      at: '2026-03-02T14:00:00.000Z',
      actor: people.lead.aadObjectId,
      action: 'approve',
      ticketId: 'UCP-800002',
      from: 'awaitingIcsApproval',
      to: 'awaitingHelpdesk',
    },
    {
      at: '2026-03-03T09:00:00.000Z',
      actor: 'aad-agent-who-left',
      action: 'assign',
      ticketId: 'UCP-800002',
      from: 'awaitingHelpdesk',
      to: 'assigned',
    },
    {
      at: '2026-03-03T10:00:00.000Z',
      actor: people.agent.aadObjectId,
      action: 'tick',
      ticketId: 'UCP-800002',
      from: 'assigned',
      to: 'assigned',
    },
    {
      at: '2026-03-04T13:00:00.000Z',
      actor: people.agent.aadObjectId,
      action: 'resolve',
      ticketId: 'UCP-800003',
      from: 'assigned',
      to: 'resolved',
    },
    {
      at: '2026-03-05T11:00:00.000Z',
      actor: people.secondAgent.aadObjectId,
      action: 'close',
      ticketId: 'UCP-800005',
      from: 'resolved',
      to: 'closed',
    },
    {
      at: '2026-03-11T09:30:00.000Z',
      actor: people.lead.aadObjectId,
      action: 'reject',
      ticketId: 'UCP-800001',
      from: 'awaitingIcsApproval',
      to: 'rejected',
      reason: '=HYPERLINK("http://x"), not in our area',
    },
    {
      at: '2026-03-12T17:30:00.000Z',
      actor: 'system',
      action: 'withdraw',
      ticketId: 'UCP-800004',
      from: 'needsInformation',
      to: 'withdrawn',
    },
  ];
}

/** Grace: Teams 403 and the mail server refused; Mo: chat unusable and no e-mail address; Kim reached by e-mail; Lee: Teams busy (not gone). */
export function reportNotifications(): NotificationRecord[] {
  const base = {
    text: 'An update on your request.',
    attempts: 2,
    nextAttemptAt: '2026-03-09T11:00:00.000Z',
    createdAt: '2026-03-09T09:00:00.000Z',
  };
  return [
    {
      ...base,
      key: 'UCP-800001:assign:v4:requester',
      subject: 'Your request UCP-800001 is being handled',
      recipient: { aadObjectId: managers.grace.aadObjectId, email: managers.grace.email },
      status: 'pending',
      lastError: 'teams:http-403 email:smtp-550',
      lastAttemptAt: '2026-03-09T10:00:00.000Z',
    },
    {
      ...base,
      key: 'UCP-800004:route:v2:requester',
      subject: 'Your request UCP-800004 went to the ICS',
      recipient: { aadObjectId: managers.mo.aadObjectId },
      status: 'pending',
      lastError: 'teams:conversation-unusable',
      lastAttemptAt: '2026-03-10T10:05:00.000Z',
    },
    {
      ...base,
      key: 'UCP-800005:close:v9:requester',
      subject: 'Your request UCP-800005 is closed',
      recipient: { aadObjectId: managers.kim.aadObjectId, email: managers.kim.email },
      status: 'sent',
      via: 'email',
      sentAt: '2026-03-05T11:01:00.000Z',
      lastAttemptAt: '2026-03-05T11:01:00.000Z',
    },
    {
      ...base,
      key: 'UCP-800003:resolve:v7:requester',
      subject: 'Your request UCP-800003 is resolved',
      recipient: { aadObjectId: managers.lee.aadObjectId, email: managers.lee.email },
      status: 'pending',
      lastError: 'teams:http-503 email:ECONNREFUSED',
      lastAttemptAt: '2026-03-04T13:05:00.000Z',
    },
  ];
}

export function reportConversations(): ConversationRecord[] {
  const reference = { channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/uk/', conversation: { id: 'a:1' } };
  return [
    { key: `user:${managers.grace.aadObjectId}`, reference, usable: false, updatedAt: '2026-03-09T09:00:05.000Z' },
    { key: `user:${managers.mo.aadObjectId}`, reference, usable: false, updatedAt: '2026-03-09T12:00:00.000Z' },
  ];
}

/** Seeds `dir` as the bot leaves it: rosters, tickets (UCP-800005 archived), the audit trail and the outbox. */
export async function seedReportData(dir: string): Promise<void> {
  const store = await openLowdbStore({ dir, clock: () => new Date('2026-03-13T09:00:00Z') });
  await store.transaction(async (tx) => {
    for (const entry of workflowRosters()) await tx.rosters.insert(entry);
    for (const ticket of reportTickets()) await tx.tickets.insert(ticket);
    for (const notification of reportNotifications()) await tx.notifications.insert(notification);
    for (const conversation of reportConversations()) await tx.conversations.insert(conversation);
    for (const event of reportAudit()) tx.audit(event);
  });
  await store.archiveClosedTickets();
  await store.close();
}
