/** What the manager is told when the code they gave already has an access request, open or done: nothing new is started. */
import type { WaterfallStepContext } from 'botbuilder-dialogs';
import { sayPlain } from '../input/plainText.js';
import { describeRequest } from '../status/statusText.js';
import { ADD_STAFF_INSTEAD, alreadyOnboarded, otherRequestOpen, ownRequestOpen, WAIT_FOR_ACCESS } from './accessMessages.js';
import { stageForOthers, type ExistingRequest } from './knownOrganisation.js';
import type { RequestKind } from './requestSummary.js';

/** What the manager is told when the code already has an access request, open or done; nothing new is started. */
export async function sayExisting(
  step: WaterfallStepContext,
  code: string,
  existing: ExistingRequest,
  kind: RequestKind,
  now: Date,
): Promise<void> {
  const { ticket, open, mine } = existing;
  if (!open) {
    await sayPlain(step.context, alreadyOnboarded(code, mine ? ticket.id : undefined));
    await sayPlain(step.context, ADD_STAFF_INSTEAD);
    return;
  }
  if (mine) await sayPlain(step.context, ownRequestOpen(code, ticket.id), ...describeRequest(ticket, now));
  else await sayPlain(step.context, otherRequestOpen(code, stageForOthers(ticket.state)));
  if (kind === 'addUsers') await sayPlain(step.context, WAIT_FOR_ACCESS);
}
