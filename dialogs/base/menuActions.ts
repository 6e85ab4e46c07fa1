/**
 * What a manager can ask for from anywhere: the welcome card's buttons (Action.Submit data `{ action }`), the Teams
 * manifest commands and a few typed keywords (or a typing slip of one), all read into one small vocabulary. Simple keyword
 * matching, no language model.
 */
import { TurnContext, type Activity } from 'botbuilder';
import { nearMissOf } from './commandNearMiss.js';

/** Conversations a manager can open from the menu. */
export const OPENABLE_ACTIONS = ['readiness', 'accessRequest', 'addStaff', 'leavers', 'status'] as const;
export type OpenableAction = (typeof OPENABLE_ACTIONS)[number];

/** Everything the menu and the commands can ask for. `start` shows the welcome card; `cancel` stops what is running. */
export type MenuAction = OpenableAction | 'start' | 'help' | 'cancel';

const MENU_ACTIONS: ReadonlySet<string> = new Set<MenuAction>([...OPENABLE_ACTIONS, 'start', 'help', 'cancel']);

// Whole-message matches only: "help" inside a sentence someone typed as an answer is an answer, not a command.
const KEYWORDS: ReadonlyMap<string, MenuAction> = new Map<string, MenuAction>([
  ['help', 'help'],
  ['?', 'help'],
  ['what can you do', 'help'],
  ['cancel', 'cancel'],
  ['stop', 'cancel'],
  ['quit', 'cancel'],
  ['exit', 'cancel'],
  ['start', 'start'],
  ['start again', 'start'],
  ['restart', 'start'],
  ['start over', 'start'],
  ['menu', 'start'],
  ['status', 'status'],
  ['where is my request', 'status'],
  ['my requests', 'status'],
  ['check status', 'status'],
  ['check readiness', 'readiness'],
  ['readiness', 'readiness'],
  ['am i ready', 'readiness'],
  ['request access', 'accessRequest'],
  ['access request', 'accessRequest'],
  ['add staff', 'addStaff'],
  ['add users', 'addStaff'],
  ['leavers', 'leavers'],
  ['leaver', 'leavers'],
  ['remove leavers', 'leavers'],
  ['someone is leaving', 'leavers'],
]);

/** Lower case, single spaces, no surrounding punctuation ("Help!", " start  again. "). Used before any keyword match. */
export function normaliseCommand(text: string): string {
  const folded = text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  if (folded === '?') return folded;
  return folded.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/**
 * The action a typed message asks for, when the whole message is one of the keywords or commands, or a typing slip of
 * one (commandNearMiss.ts; `inConversation`: a question is waiting, so only slips of commands of two or more words count).
 */
export function actionFromText(text: string | undefined, options: { inConversation?: boolean } = {}): MenuAction | undefined {
  if (typeof text !== 'string' || text.length > 100) return undefined;
  const normalised = normaliseCommand(text);
  return KEYWORDS.get(normalised) ?? nearMissOf(normalised, KEYWORDS, { inConversation: options.inConversation === true });
}

/** The action a card submit carries (`{ action: 'readiness' }`), when it is one of the menu's; used on every turn. */
export function actionFromValue(value: unknown): MenuAction | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const action = (value as Record<string, unknown>).action;
  return typeof action === 'string' && MENU_ACTIONS.has(action) ? (action as MenuAction) : undefined;
}

/** What this activity asks of the menu, from its text (without an @mention of the bot) or its card submit value. */
export function menuActionOf(activity: Partial<Activity>, options: { inConversation?: boolean } = {}): MenuAction | undefined {
  if (activity.type !== undefined && activity.type !== 'message') return undefined;
  const byValue = actionFromValue(activity.value);
  if (byValue) return byValue;
  // A copy: removing the mention changes the activity's text, which the active step may still read.
  const text =
    typeof activity.text === 'string' && activity.entities?.length ? TurnContext.removeRecipientMention({ ...activity }) : activity.text;
  return actionFromText(text, options);
}
