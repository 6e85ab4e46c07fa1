/** The workflow's own vocabulary: who acts, what they ask for, and what comes back. Pure types. */
import type {
  AutomaticCheck,
  AutomaticItem,
  ChecklistItem,
  Leaver,
  PersonRef,
  RequestedUser,
  TicketKind,
  TicketOrganisation,
  TicketPriority,
  TicketState,
  WorkflowTicket,
} from '../model.js';
import type { ActorRole, Verb } from './transitions.js';

export type { ActorRole, Verb };

/** Who asks for a transition: a Teams user (by aadObjectId) or the service itself (timeouts, archiving). */
export type Actor = { kind: 'person'; person: PersonRef } | { kind: 'system' };

/** What a care home manager asks for; checked at run time by `validateNewTicket`. */
export interface NewTicketInput {
  kind: TicketKind;
  organisation?: TicketOrganisation;
  users?: RequestedUser[];
  leavers?: Leaver[];
  question?: string;
  priority?: TicketPriority;
  /** Identifies one press of Submit (e.g. the summary card's id): submitting it again returns the ticket already made. */
  submissionId?: string;
}

/** One request to move a ticket on, as a card handler or a scheduled job makes it. */
export interface ActionRequest {
  ticketId: string;
  verb: Verb;
  actor: Actor;
  /** The version the actor saw; a different stored version means someone acted in between. */
  expectedVersion?: number;
  /** Why (reject, needs information, escalate), or the requester's answer (provideInformation). */
  reason?: string;
  /** For assign: anyone on the helpdesk roster. */
  assignee?: PersonRef;
  /** For tick and untick. */
  item?: ChecklistItem;
  /** For setPriority. */
  priority?: TicketPriority;
  /** For check: what the service found (automaticChecks.ts runAutomaticChecks). */
  checks?: Partial<Record<AutomaticItem, AutomaticCheck>>;
}

/** Why an action was refused; callers decide on the code, people read the message. */
export type RefusalCode = 'notFound' | 'forbidden' | 'conflict' | 'illegal' | 'invalid';

/** A transition that was applied and is on disk. */
export interface TicketEvent {
  /** The ticket after the transition (a plain copy). */
  ticket: WorkflowTicket;
  verb: Verb;
  from?: TicketState;
  to: TicketState;
  actor: Actor;
  reason?: string;
  at: string;
  /** The keys of the notifications recorded in the same write as this transition (the manager's update), delivered after it. */
  notifications?: string[];
}

/** What `act` answers: the applied transition, or a refusal a person can read (with the current ticket when there is one). */
export type ActionOutcome =
  { ok: true; ticket: WorkflowTicket; event: TicketEvent } | { ok: false; code: RefusalCode; message: string; ticket?: WorkflowTicket };
