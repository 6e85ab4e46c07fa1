import type { CardJson } from '../cardTemplates.js';
import type { CardAction } from '../verbs.js';
import { approveOrganisation } from './approveOrganisation.js';
import { askForInformation } from './askForInformation.js';
import { assignTicket } from './assignTicket.js';
import type { CardActionContext } from './cardActionContext.js';
import { closeTicket } from './closeTicket.js';
import { confirmChecks } from './confirmChecks.js';
import { refreshCard } from './refreshCard.js';
import { rejectOrganisation } from './rejectOrganisation.js';
import { requestInformation } from './requestInformation.js';
import { resolveTicket } from './resolveTicket.js';
import { tickChecklist } from './tickChecklist.js';
import { provideInformation } from './provideInformation.js';
import { withdrawRequest } from './withdrawRequest.js';

/** Every card verb and its handler, in one place: the activity handler dispatches `adaptiveCard/action` invokes through this. */
export function handleCardAction(ctx: CardActionContext, action: CardAction): Promise<CardJson> {
  switch (action.verb) {
    case 'refreshCard': return refreshCard(ctx, action.data);
    case 'approveOrganisation': return approveOrganisation(ctx, action.data);
    case 'rejectOrganisation': return rejectOrganisation(ctx, action.data);
    case 'askForInformation': return askForInformation(ctx, action.data);
    case 'assignTicket': return assignTicket(ctx, action.data);
    case 'confirmChecks': return confirmChecks(ctx, action.data);
    case 'tickChecklist': return tickChecklist(ctx, action.data);
    case 'requestInformation': return requestInformation(ctx, action.data);
    case 'resolveTicket': return resolveTicket(ctx, action.data);
    case 'closeTicket': return closeTicket(ctx, action.data);
    case 'provideInformation': return provideInformation(ctx, action.data);
    case 'withdrawRequest': return withdrawRequest(ctx, action.data);
  }
}

export type { CardActionContext };
