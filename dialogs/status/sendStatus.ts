/** Sends the manager's status report, or a kind "nothing yet" with the menu; also when "status" is typed mid-conversation. */
import type { TurnContext } from 'botbuilder';
import { welcomeCardAttachment } from '../../cards/welcomeCard.js';
import type { DialogServices } from '../dialogServices.js';
import { plainMessage, sayPlain } from '../input/plainText.js';
import { liveAndArchived } from '../storedRequests.js';
import { statusReport } from './statusText.js';

/** Said when the manager has no requests; the welcome card follows. */
export const NO_REQUESTS = "You haven't sent any requests yet, so there's nothing to track. Here's what I can help with:";

/** Sends the report; `offerMenu` adds the welcome card when there is nothing to show (not mid-conversation). Returns whether any request was listed. */
export async function sendStatus(context: TurnContext, services: DialogServices, options: { offerMenu: boolean }): Promise<boolean> {
  const aadObjectId = context.activity.from?.aadObjectId;
  // The archived requests too: the manager's history does not end when the hourly archive run moves a request out.
  const report = aadObjectId
    ? statusReport(await liveAndArchived(services.store, { requester: aadObjectId }), aadObjectId, services.clock())
    : undefined;
  if (report) {
    await sayPlain(context, report);
    return true;
  }
  if (options.offerMenu) await context.sendActivity({ ...plainMessage(NO_REQUESTS), attachments: [welcomeCardAttachment()] });
  else await sayPlain(context, "You haven't sent any requests yet.");
  return false;
}
