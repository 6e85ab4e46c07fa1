import type { HelpdeskFacts } from '../../data/rules/helpdesk.js';
import type { LiveData } from '../../data/store/store.js';
import { buildRequesterUpdate } from '../../cards/requesterUpdate.js';
import { addNotificationToData, pendingNotification } from '../notify/notifier.js';
import type { TicketEvent } from '../../data/workflow/types.js';

/**
 * Records the update the care home manager is owed for this step (if it matters to them), in the same store update as
 * the step itself: a crash can never keep the step and lose the message. Returns the keys it recorded (that one, or
 * none), which the workflow hands to the notifier after the commit. The key (ticket, verb, version) makes the record
 * unique: the notifier delivers each key once.
 */
export function recordRequesterUpdate(data: LiveData, event: TicketEvent, now: Date, helpdesk: HelpdeskFacts = {}): string[] {
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
  return addNotificationToData(data, record) ? [record.key] : [];
}
