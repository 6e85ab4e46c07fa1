import type { InvokeResponse } from 'botbuilder';

/** The one invoke this bot answers: a card button (Adaptive Card Universal Actions), including Teams' refresh requests. */
export const CARD_ACTION_INVOKE = 'adaptiveCard/action';

/** An `adaptiveCard/action` value as the ticket cards send it; the verb and its data are checked further by cards/verbs.ts. */
export interface CardActionInvokeValue {
  action: { type: 'Action.Execute'; verb: string; data: Record<string, unknown>; [field: string]: unknown };
  [field: string]: unknown;
}

/** What a caller reads when its invoke is refused: short and neutral, never a library's text or anything it sent. */
export const MALFORMED_CARD_ACTION = 'The card action could not be read. Please refresh the card and try again.';
export const UNKNOWN_INVOKE = 'This bot does not answer this kind of invoke.';

const MAX_VERB = 64;

/**
 * Checks shape only. botbuilder reads `value.action.type` without checking that `value` is an object, so a value that
 * is not one throws inside the turn: a 501, and a failed turn that counts towards clearing the person's conversation.
 */
export function isCardActionValue(value: unknown): value is CardActionInvokeValue {
  if (!isRecord(value) || !isRecord(value.action)) return false;
  const { type, verb, data } = value.action;
  return type === 'Action.Execute' && typeof verb === 'string' && verb.trim() !== '' && verb.length <= MAX_VERB && isRecord(data);
}

/**
 * Checked before botbuilder reads an invoke: the answer for one it must not read (a malformed card action,
 * an invoke this bot does not answer), or undefined to carry on. A refusal is an answer, not a failed turn.
 */
export function invokeRefusal(activity: { name?: unknown; value?: unknown }): InvokeResponse | undefined {
  if (activity.name !== CARD_ACTION_INVOKE) return { status: 400, body: { error: UNKNOWN_INVOKE } };
  if (isCardActionValue(activity.value)) return undefined;
  // The error shape Universal Actions define, so Teams shows the message rather than a generic failure.
  return {
    status: 400,
    body: { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: MALFORMED_CARD_ACTION } },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
