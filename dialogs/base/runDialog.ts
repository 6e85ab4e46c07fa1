/** Runs a root dialog for one turn (core-bot's DialogHelper.run), with its state kept through the given accessor. */
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type Dialog, type DialogState, type DialogTurnResult } from 'botbuilder-dialogs';

/**
 * For every message in a manager's 1:1 chat: continues the running conversation, or begins `dialog`
 * when none is running. Other activity types only continue (a prompt ignores them), so an install or a typing
 * indicator never starts a conversation. The caller saves the ConversationState after the turn.
 */
export async function runDialog(
  dialog: Dialog,
  context: TurnContext,
  accessor: StatePropertyAccessor<DialogState>,
): Promise<DialogTurnResult> {
  const dialogs = new DialogSet(accessor);
  dialogs.add(dialog);
  const dc = await dialogs.createContext(context);
  const result = await dc.continueDialog();
  if (result.status === DialogTurnStatus.empty && context.activity.type === 'message') return dc.beginDialog(dialog.id);
  return result;
}
