/** Sending the checked request to the workflow, and telling the manager the ticket number and what happens next. */
import type { TurnContext } from 'botbuilder';
import type { NewTicketInput } from '../../data/workflow/types.js';
import { ConflictError, ValidationError } from '../../data/errors.js';
import { contactSentence } from '../../data/rules/helpdesk.js';
import type { DialogServices } from '../dialogServices.js';
import { sayPlain } from '../input/plainText.js';
import { alreadySubmitted, NOT_SENT_YET, STATUS_HINT, submitted } from './accessMessages.js';
import { whatHappensNext } from './whatHappensNext.js';

/** What the conversation returns once the ticket exists, or `{ alreadyOpen: true }` when another request for the organisation got there first. */
export type SubmittedRequest = { ticketId: string } | { alreadyOpen: true };

/**
 * Used when the manager presses Submit: the requester is the Teams user (aadObjectId, name, and the work e-mail Teams
 * knows). `submissionId` is the summary card's id, so a second press of the same Submit finds the ticket the first one
 * made (the workflow creates no other) and the manager hears the same ticket number. A request the workflow refuses is
 * explained and nothing is created (undefined: show the summary again; alreadyOpen: the conversation ends, as pressing
 * Submit again could only be refused again).
 */
export async function submitRequest(
  context: TurnContext,
  services: DialogServices,
  input: NewTicketInput & { submissionId: string },
): Promise<SubmittedRequest | undefined> {
  const from = context.activity.from;
  const email = await memberEmail(context, services);
  const requester = { aadObjectId: from?.aadObjectId ?? '', ...(from?.name ? { name: from.name } : {}), ...(email ? { email } : {}) };
  try {
    const sentBefore = (await services.store.tickets.count({ submissionId: input.submissionId, requester: requester.aadObjectId })) > 0;
    const ticket = await services.workflow.submit(input, requester);
    if (sentBefore) {
      await sayPlain(context, alreadySubmitted(ticket.id), contactSentence(services.helpdesk), STATUS_HINT);
      return { ticketId: ticket.id };
    }
    const next = whatHappensNext(ticket.state, ticket.organisation, services.calendar, services.clock(), services.helpdesk);
    // "please quote it if you contact them" is only useful with the contact itself. Without a target, what happens next
    // already says the helpdesk works in its working hours, so they are not given twice.
    const contact = contactSentence(services.helpdesk, { withHours: services.helpdesk.targetWorkingDays !== undefined });
    await sayPlain(context, submitted(ticket.id), contact, ...next, STATUS_HINT);
    return { ticketId: ticket.id };
  } catch (error) {
    // Someone else's request for the same organisation landed first: nothing of this one was sent, and the message says why.
    if (error instanceof ConflictError) {
      await sayPlain(context, error.message);
      return { alreadyOpen: true };
    }
    if (!(error instanceof ValidationError)) throw error;
    await sayPlain(context, NOT_SENT_YET, error.message);
    return undefined;
  }
}

/** The manager's work address, or nothing: Teams not telling us is no reason to lose the request. */
async function memberEmail(context: TurnContext, services: DialogServices): Promise<string | undefined> {
  try {
    return await services.memberEmail(context);
  } catch {
    return undefined;
  }
}
