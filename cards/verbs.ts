/**
 * The card verbs (Adaptive Card Universal Actions) and what each brings back. Teams merges the card's input values into
 * `data` next to what the card put there, so every payload is checked here before a handler sees it.
 */
import { CHECKLIST_ITEMS, type ChecklistItem } from '../data/model.js';

/** Every `Action.Execute` verb the ticket cards use; the handlers in cards/handlers/ are named after these. */
export const CARD_VERBS = [
  'refreshCard', 'approveOrganisation', 'rejectOrganisation', 'askForInformation', 'assignTicket', 'confirmChecks', 'tickChecklist',
  'requestInformation', 'resolveTicket', 'closeTicket', 'provideInformation', 'withdrawRequest',
] as const;
export type CardVerb = (typeof CARD_VERBS)[number];

/** The verbs that need a reason (or, for the requester, an answer) typed on the card. */
export type ReasonVerb = 'rejectOrganisation' | 'askForInformation' | 'requestInformation' | 'provideInformation';

/**
 * The id of the reason box for each reason verb. Input ids must be unique across a card (the parser refuses duplicates)
 * and the ICS card carries two reason boxes, so each verb has its own.
 */
export const REASON_INPUT_IDS: Readonly<Record<ReasonVerb, string>> = {
  rejectOrganisation: 'rejectReason',
  askForInformation: 'askReason',
  requestInformation: 'requestReason',
  provideInformation: 'answer',
};

/** The id of the assignee choice on the helpdesk card. */
export const ASSIGNEE_INPUT_ID = 'assignee';

/** The id of one checklist item's toggle on the helpdesk card; its value comes back as "true" or "false". */
export function checklistInputId(item: ChecklistItem): string {
  return `checklist_${item}`;
}

/** Longest reason a card accepts (its input box stops there too); the same limit as the workflow's MAX_REASON. */
export const MAX_REASON_LENGTH = 2000;

/** What every ticket action carries: which ticket, and the version the person was looking at. */
export interface TicketActionData {
  ticketId: string;
  /** The ticket version shown on the card: a concurrency check only, the card is always rebuilt from the stored ticket. */
  version: number;
}

/** The payload of each verb, after checking. */
export type CardAction =
  | { verb: 'refreshCard'; data: { ticketId: string; version?: number } }
  | { verb: 'approveOrganisation'; data: TicketActionData }
  | { verb: 'rejectOrganisation'; data: TicketActionData & { reason: string } }
  | { verb: 'askForInformation'; data: TicketActionData & { reason: string } }
  | { verb: 'assignTicket'; data: TicketActionData & { assignee: string } }
  | { verb: 'confirmChecks'; data: TicketActionData }
  | { verb: 'tickChecklist'; data: TicketActionData & { item: ChecklistItem; ticked: boolean } }
  | { verb: 'requestInformation'; data: TicketActionData & { reason: string } }
  | { verb: 'resolveTicket'; data: TicketActionData }
  | { verb: 'closeTicket'; data: TicketActionData }
  | { verb: 'provideInformation'; data: TicketActionData & { reason: string } }
  | { verb: 'withdrawRequest'; data: TicketActionData };

/** What `parseCardAction` answers: a typed action, or a short message that is safe to show the person. */
export type ParsedCardAction = { ok: true; action: CardAction } | { ok: false; error: string };

const STALE_CARD = 'This card is out of date or incomplete. Please refresh it and try again.';
const TICKET_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** True for a verb the ticket cards use; used by the activity handler to route an `adaptiveCard/action` invoke. */
export function isCardVerb(verb: unknown): verb is CardVerb {
  return typeof verb === 'string' && (CARD_VERBS as readonly string[]).includes(verb);
}

/** Used by the invoke handler on every `adaptiveCard/action`: checks the verb and its data before anything else runs. */
export function parseCardAction(verb: unknown, data: unknown): ParsedCardAction {
  if (!isCardVerb(verb)) return refuse('This button is not one I know. Please refresh the card and try again.');
  if (!isRecord(data)) return refuse(STALE_CARD);
  const ticketId = data.ticketId;
  if (typeof ticketId !== 'string' || !TICKET_ID.test(ticketId)) return refuse(STALE_CARD);
  const version = data.version;
  const hasVersion = typeof version === 'number' && Number.isSafeInteger(version) && version >= 0;
  if (verb === 'refreshCard') {
    // Refresh only asks for the current view, so a missing or odd version is not a reason to refuse it.
    return accept({ verb, data: hasVersion ? { ticketId, version } : { ticketId } });
  }
  if (!hasVersion) return refuse(STALE_CARD);
  const base: TicketActionData = { ticketId, version };
  switch (verb) {
    case 'approveOrganisation':
    case 'confirmChecks':
    case 'resolveTicket':
    case 'closeTicket':
    case 'withdrawRequest':
      return accept({ verb, data: base });
    case 'rejectOrganisation':
    case 'askForInformation':
    case 'requestInformation':
    case 'provideInformation': {
      const reason = readReason(data, verb);
      return typeof reason === 'string' ? accept({ verb, data: { ...base, reason } }) : reason;
    }
    case 'assignTicket': {
      const assignee = data[ASSIGNEE_INPUT_ID];
      if (typeof assignee !== 'string' || assignee.trim() === '' || assignee.length > 128) {
        return refuse('Please choose who should work on this ticket.');
      }
      return accept({ verb, data: { ...base, assignee: assignee.trim() } });
    }
    case 'tickChecklist':
      return readTick(data, base);
  }
}

function readReason(data: Record<string, unknown>, verb: ReasonVerb): string | { ok: false; error: string } {
  // The verb's own box first; a plain `reason` is accepted too, for hosts and tests that send it directly.
  const raw = data[REASON_INPUT_IDS[verb]] ?? data.reason;
  const reason = typeof raw === 'string' ? raw.trim() : '';
  if (reason === '') return refuse(verb === 'provideInformation' ? 'Please type your answer before sending it.' : 'Please give a reason: the care home will see it.');
  if (reason.length > MAX_REASON_LENGTH) return refuse(`Please keep the reason under ${MAX_REASON_LENGTH} characters.`);
  return reason;
}

function readTick(data: Record<string, unknown>, base: TicketActionData): ParsedCardAction {
  const item = data.item;
  if (typeof item !== 'string' || !(CHECKLIST_ITEMS as readonly string[]).includes(item)) return refuse(STALE_CARD);
  const checklistItem = item as ChecklistItem;
  // The toggle's value is what the person set; an explicit boolean `ticked` serves hosts without the toggle.
  const toggle = data[checklistInputId(checklistItem)];
  const ticked = toggle === 'true' ? true : toggle === 'false' ? false : data.ticked;
  if (typeof ticked !== 'boolean') return refuse(STALE_CARD);
  return accept({ verb: 'tickChecklist', data: { ...base, item: checklistItem, ticked } });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function accept(action: CardAction): ParsedCardAction {
  return { ok: true, action };
}

function refuse(error: string): { ok: false; error: string } {
  return { ok: false, error };
}
