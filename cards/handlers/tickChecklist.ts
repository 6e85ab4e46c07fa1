import type { ChecklistItem } from '../../data/model.js';
import type { CardJson } from '../cardTemplates.js';
import type { TicketActionData } from '../verbs.js';
import { actAndShow, type CardActionContext } from './cardActionContext.js';

/** `tickChecklist`: a helpdesk agent ticks (or unticks) one of source 001's checks; each is its own audited change. */
export function tickChecklist(ctx: CardActionContext, data: TicketActionData & { item: ChecklistItem; ticked: boolean }): Promise<CardJson> {
  return actAndShow(ctx, { ticketId: data.ticketId, verb: data.ticked ? 'tick' : 'untick', expectedVersion: data.version, item: data.item });
}
