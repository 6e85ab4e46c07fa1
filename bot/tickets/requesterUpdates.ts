import type { HelpdeskFacts } from '../../data/rules/helpdesk.js';
import type { StoreTransaction } from '../../data/store/store.js';
import { buildRequesterUpdate } from '../../cards/requesterUpdate.js';
import { addNotificationIfNew, pendingNotification } from '../notify/notifier.js';
import type { TicketEvent } from '../../data/workflow/types.js';

/**
 * Records the update the care home manager is owed for this step (if it matters to them), in the same transaction as
 * the step itself (the workflow's withTransition): a crash can never keep the step and lose the message. Returns the keys it recorded (that one, or
 * none), which the workflow hands to the notifier after the commit. The key (ticket, verb, version) makes the record
 * unique: the notifier delivers each key once.
 */
export async function recordRequesterUpdate(
  tx: StoreTransaction,
  event: TicketEvent,
  now: Date,
  helpdesk: HelpdeskFacts = {},
): Promise<string[]> {
  const update = buildRequesterUpdate(event.ticket, event, { now, helpdesk });
  if (!update) return [];
  const { ticket } = event;
  const record = pendingNotification(
    {
      key: `${ticket.id}:${event.verb}:v${ticket.version}:requester`,
      recipient: { aadObjectId: ticket.requester.aadObjectId, ...(ticket.requester.email ? { email: ticket.requester.email } : {}) },
      text: update.text,
      subject: update.subject,
      ...(update.card ? { card: update.card } : {}),
    },
    now,
  );
  return (await addNotificationIfNew(tx, record)) ? [record.key] : [];
}
