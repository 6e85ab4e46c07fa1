/**
 * The card verbs (Adaptive Card Universal Actions), in one table: for each, the workflow verb it applies, the cards that
 * show it, and what its card sends. Teams merges the card's input values into `data` next to what the card put there, so
 * every payload is checked here, against the inputs a real card has, before anything runs.
 */
import { CHECKLIST_ITEMS, type ChecklistItem, type TicketState } from '../data/model.js';
import { MAX_REASON } from '../data/workflow/decide.js';
import { verbsAvailable, type ActorRole, type Verb } from '../data/workflow/transitions.js';

/** The audiences whose cards carry buttons, and the role each acts in. */
export type ActingAudience = 'icsLead' | 'helpdesk' | 'requester';
const AUDIENCE_ROLE: Readonly<Record<ActingAudience, ActorRole>> = {
  icsLead: 'icsLead',
  helpdesk: 'helpdeskAgent',
  requester: 'requester',
};

/** What a verb's card sends besides the ticket id and version. */
type DataCheck =
  | { kind: 'none' }
  /** Typed text, in the verb's own box (input ids must be unique across a card, and the ICS card has two boxes). */
  | { kind: 'reason'; inputId: string; missing: string }
  /** The assignee choice on the helpdesk card. */
  | { kind: 'assignee' }
  /** One checklist item's toggle: the item is in the data, the toggle's value ("true" or "false") under its input id. */
  | { kind: 'checklistToggle' };

const NONE = { kind: 'none' } as const;
const GIVE_A_REASON = 'Please give a reason: the care home will see it.';

/**
 * Every card verb that acts. The helpdesk card deliberately has no reject button: rejectOrganisation is the ICS lead's
 * decision on their card. A checklist toggle is a tick, or an untick when switched off (both allowed together).
 */
export const CARD_VERB_TABLE = {
  approveOrganisation: { workflowVerb: 'approve', audiences: ['icsLead'], data: NONE },
  rejectOrganisation: {
    workflowVerb: 'reject',
    audiences: ['icsLead'],
    data: { kind: 'reason', inputId: 'rejectReason', missing: GIVE_A_REASON },
  },
  requestInformation: {
    workflowVerb: 'requestInformation',
    audiences: ['icsLead', 'helpdesk'],
    data: { kind: 'reason', inputId: 'requestReason', missing: GIVE_A_REASON },
  },
  assignTicket: { workflowVerb: 'assign', audiences: ['helpdesk'], data: { kind: 'assignee' } },
  confirmChecks: { workflowVerb: 'confirmChecks', audiences: ['helpdesk'], data: NONE },
  tickChecklist: { workflowVerb: 'tick', audiences: ['helpdesk'], data: { kind: 'checklistToggle' } },
  resolveTicket: { workflowVerb: 'resolve', audiences: ['helpdesk'], data: NONE },
  closeTicket: { workflowVerb: 'close', audiences: ['helpdesk'], data: NONE },
  provideInformation: {
    workflowVerb: 'provideInformation',
    audiences: ['requester'],
    data: { kind: 'reason', inputId: 'answer', missing: 'Please type your answer before sending it.' },
  },
  withdrawRequest: { workflowVerb: 'withdraw', audiences: ['requester'], data: NONE },
} as const satisfies Record<string, { workflowVerb: Verb; audiences: readonly ActingAudience[]; data: DataCheck }>;

/** The card verbs that act on a ticket. */
export type ActingCardVerb = keyof typeof CARD_VERB_TABLE;

/** Every `Action.Execute` verb the ticket cards use: the acting ones and `refreshCard` (Teams asking for a viewer's own view). */
export const CARD_VERBS = ['refreshCard', ...(Object.keys(CARD_VERB_TABLE) as ActingCardVerb[])] as const;
export type CardVerb = 'refreshCard' | ActingCardVerb;

/**
 * Card verbs on cards posted before a rename, and what each is now: a copy in a channel that never refreshes keeps its
 * buttons until the ticket next changes. The ICS lead's "ask for information" is now requestInformation (one act).
 */
const FORMER_CARD_VERBS: Readonly<Record<string, { verb: ActingCardVerb; inputId: string }>> = {
  askForInformation: { verb: 'requestInformation', inputId: 'askReason' },
};

/** The id of the assignee choice on the helpdesk card. */
export const ASSIGNEE_INPUT_ID = 'assignee';

/** The id of one checklist item's toggle on the helpdesk card; its value comes back as "true" or "false". */
export function checklistInputId(item: ChecklistItem): string {
  return `checklist_${item}`;
}

/** What every ticket action carries: which ticket, and the version the person was looking at. */
export interface TicketActionData {
  ticketId: string;
  /** The ticket version shown on the card: a concurrency check only, the card is always rebuilt from the stored ticket. */
  version: number;
}

/** What each kind of data check hands on, after checking. */
type CheckedInputs<K extends DataCheck['kind']> = K extends 'reason'
  ? { reason: string }
  : K extends 'assignee'
    ? { assignee: string }
    : K extends 'checklistToggle'
      ? { item: ChecklistItem; ticked: boolean }
      : Record<never, never>;

/** The payload of each verb, after checking. */
export type CardAction =
  | { verb: 'refreshCard'; data: { ticketId: string; version?: number } }
  | {
      [V in ActingCardVerb]: { verb: V; data: TicketActionData & CheckedInputs<(typeof CARD_VERB_TABLE)[V]['data']['kind']> };
    }[ActingCardVerb];

/** What `parseCardAction` answers: a typed action, or a short message that is safe to show the person. */
export type ParsedCardAction = { ok: true; action: CardAction } | { ok: false; error: string };

const STALE_CARD = 'This card is out of date or incomplete. Please refresh it and try again.';
const TICKET_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** True for a verb the ticket cards use. */
export function isCardVerb(verb: unknown): verb is CardVerb {
  return typeof verb === 'string' && (CARD_VERBS as readonly string[]).includes(verb);
}

/** Checks an `adaptiveCard/action`'s verb and its data before anything else runs. */
export function parseCardAction(verb: unknown, data: unknown): ParsedCardAction {
  const former = typeof verb === 'string' && Object.hasOwn(FORMER_CARD_VERBS, verb) ? FORMER_CARD_VERBS[verb] : undefined;
  const cardVerb = former?.verb ?? verb;
  if (!isCardVerb(cardVerb)) return refuse('This button is not one I know. Please refresh the card and try again.');
  if (!isRecord(data)) return refuse(STALE_CARD);
  const ticketId = data.ticketId;
  if (typeof ticketId !== 'string' || !TICKET_ID.test(ticketId)) return refuse(STALE_CARD);
  const version = data.version;
  const hasVersion = typeof version === 'number' && Number.isSafeInteger(version) && version >= 0;
  if (cardVerb === 'refreshCard') {
    // Refresh only asks for the current view, so a missing or odd version is not a reason to refuse it.
    return accept({ verb: cardVerb, data: hasVersion ? { ticketId, version } : { ticketId } });
  }
  if (!hasVersion) return refuse(STALE_CARD);
  const base: TicketActionData = { ticketId, version };
  const check: DataCheck = CARD_VERB_TABLE[cardVerb].data;
  switch (check.kind) {
    case 'none':
      return accept({ verb: cardVerb, data: base } as CardAction);
    case 'reason': {
      const reason = readReason(data[former?.inputId ?? check.inputId], check.missing);
      return typeof reason === 'string' ? accept({ verb: cardVerb, data: { ...base, reason } } as CardAction) : reason;
    }
    case 'assignee': {
      const assignee = data[ASSIGNEE_INPUT_ID];
      if (typeof assignee !== 'string' || assignee.trim() === '' || assignee.length > 128) {
        return refuse('Please choose who should work on this ticket.');
      }
      return accept({ verb: cardVerb, data: { ...base, assignee: assignee.trim() } } as CardAction);
    }
    case 'checklistToggle':
      return readToggle(data, base);
  }
}

/** The card verbs this audience may use on a ticket in this state (the transition table decides). */
export function cardVerbsFor(state: TicketState, audience: ActingAudience): Set<CardVerb> {
  const allowed = new Set(verbsAvailable(state, [AUDIENCE_ROLE[audience]]));
  const verbs = Object.entries(CARD_VERB_TABLE) as [ActingCardVerb, (typeof CARD_VERB_TABLE)[ActingCardVerb]][];
  return new Set(
    verbs
      .filter(([, row]) => (row.audiences as readonly ActingAudience[]).includes(audience) && allowed.has(row.workflowVerb))
      .map(([verb]) => verb),
  );
}

function readReason(raw: unknown, missing: string): string | { ok: false; error: string } {
  const reason = typeof raw === 'string' ? raw.trim() : '';
  if (reason === '') return refuse(missing);
  if (reason.length > MAX_REASON) return refuse(`Please keep the reason under ${MAX_REASON} characters.`);
  return reason;
}

function readToggle(data: Record<string, unknown>, base: TicketActionData): ParsedCardAction {
  const item = data.item;
  if (typeof item !== 'string' || !(CHECKLIST_ITEMS as readonly string[]).includes(item)) return refuse(STALE_CARD);
  const checklistItem = item as ChecklistItem;
  // The toggle's value is what the person set; the other toggles on the card come along and are not this press.
  const toggle = data[checklistInputId(checklistItem)];
  if (toggle !== 'true' && toggle !== 'false') return refuse(STALE_CARD);
  return accept({ verb: 'tickChecklist', data: { ...base, item: checklistItem, ticked: toggle === 'true' } });
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
