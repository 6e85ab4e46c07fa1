import { TeamsInfo, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { Dialog, DialogState } from 'botbuilder-dialogs';
import type { Store } from '../../data/store/store.js';
import { runDialog } from '../../dialogs/base/runDialog.js';
import { isPersonalChat, welcomeOnInstall } from '../../dialogs/welcome/welcomeOnInstall.js';
import { claimWelcome, rememberConversation } from './conversationReferences.js';
import type { Logger } from '../log.js';

/** The path the multiple-user spreadsheet template is served at (bot/server.ts). */
export const USERS_TEMPLATE_PATH = '/templates/ucp-multiple-users.xlsx';

/** Ties the care home manager's conversations to Teams: which activities start or continue a dialog. */
export interface DialogTurns {
  /** Every activity, first: keeps where its person or channel can be reached (bot/teams/conversationReferences.ts). */
  remember(context: TurnContext): Promise<void>;
  /** A message (or card submit, or file) in a 1:1 chat: continue the conversation, or begin one. */
  onMessage(context: TurnContext): Promise<void>;
  /** The app was installed or the bot added: welcome the manager once. */
  onInstall(context: TurnContext): Promise<void>;
}

export interface DialogTurnsDeps {
  /** The main dialog (dialogs/mainDialog.ts), built by the host with its services. */
  main: Dialog;
  /** Where each conversation's dialog state is kept (ConversationState over the store). */
  dialogState: StatePropertyAccessor<DialogState>;
  store: Store;
  logger: Logger;
}

/** A person's turn in Teams, as the dialogs need it: where they can be reached, their conversation continued, a welcome once. */
export function createDialogTurns({ main, dialogState, store, logger }: DialogTurnsDeps): DialogTurns {
  return {
    remember: (context) => rememberConversation(store, context.activity, logger),
    async onMessage(context) {
      if (!isPersonalChat(context.activity)) {
        await context.sendActivity({ type: 'message', text: CHANNEL_REPLY, textFormat: 'plain' });
        return;
      }
      await runDialog(main, context, dialogState);
    },
    async onInstall(context) {
      await welcomeOnInstall(context, (activity) => claimWelcome(store, activity));
    },
  };
}

const CHANNEL_REPLY =
  'Hello! Care home managers talk to me in a 1:1 chat: open the app from the Teams app bar. ' +
  'In this channel I post ticket cards for the people who act on them.';

/** The person's NHSmail address as Teams knows it; undefined when Teams cannot say (outside Teams, or slow). */
export async function memberEmail(context: TurnContext): Promise<string | undefined> {
  const from = context.activity.from;
  if (!from?.id) return undefined;
  const lookup = TeamsInfo.getMember(context, from.id).then(
    (member) => member.email ?? member.userPrincipalName ?? undefined,
    () => undefined,
  );
  const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 3000).unref());
  return Promise.race([lookup, timeout]);
}
