import { buildRequesterUpdate } from '../../cards/requesterUpdate.js';
import type { Notifier } from '../notify/notifier.js';
import type { TicketEvent } from '../workflow/types.js';

/**
 * Tells the care home manager about each step of their request that matters to them. The key (ticket, verb, version)
 * makes a repeated event harmless: the notifier delivers each key once.
 */
export async function notifyRequester(notifier: Pick<Notifier, 'notify'>, event: TicketEvent, now: Date): Promise<void> {
  const update = buildRequesterUpdate(event.ticket, event, { now });
  if (!update) return;
  const { ticket } = event;
  await notifier.notify({
    key: `${ticket.id}:${event.verb}:v${ticket.version}:requester`,
    recipient: { aadObjectId: ticket.requester.aadObjectId, ...(ticket.requester.email ? { email: ticket.requester.email } : {}) },
    text: update.text,
    subject: update.subject,
    ...(update.card ? { card: update.card } : {}),
  });
}
