import { TeamsInfo, type ConversationState, type TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { Store } from '../../data/store/store.js';
import { AccessRequestDialog } from '../../dialogs/accessRequest/accessRequestDialog.js';
import { AddUsersDialog } from '../../dialogs/accessRequest/addUsersDialog.js';
import { runDialog } from '../../dialogs/base/runDialog.js';
import type { DialogServices, OdsDirectory } from '../../dialogs/dialogServices.js';
import { MainDialog } from '../../dialogs/mainDialog.js';
import { isPersonalChat, welcomeOnInstall } from '../../dialogs/welcome/welcomeOnInstall.js';
import { createAttachmentReader, httpsUnder } from '../attachments/attachmentReader.js';
import { createSpreadsheetReader } from '../spreadsheet/attachedSpreadsheet.js';
import { isLocalMode, type Config } from '../config.js';
import { claimWelcome, rememberConversation } from './conversationReferences.js';
import type { Logger } from '../log.js';
import type { Workflow } from '../../data/workflow/workflow.js';
import { storeCalendar } from '../storeCalendar.js';

/** The path the multiple-user spreadsheet template is served at (bot/server.ts). */
export const USERS_TEMPLATE_PATH = '/templates/ucp-multiple-users.xlsx';

/** Ties the care home manager's conversations to Teams: which activities start or continue a dialog, and the services they use. */
export interface DialogTurns {
  /** Every activity, first: keeps where its person or channel can be reached (bot/teams/conversationReferences.ts). */
  remember(context: TurnContext): Promise<void>;
  /** A message (or card submit, or file) in a 1:1 chat: continue the conversation, or begin one. */
  onMessage(context: TurnContext): Promise<void>;
  /** The app was installed or the bot added: welcome the manager once. */
  onInstall(context: TurnContext): Promise<void>;
}

/** Builds the dialogs and their services once per process. */
export function createDialogTurns(
  config: Config, store: Store, workflow: Workflow, conversationState: ConversationState, logger: Logger, ods: OdsDirectory,
): DialogTurns {
  const dialogState = conversationState.createProperty<DialogState>('dialogState');
  const allowed = httpsUnder(config.attachmentHosts);
  const services: DialogServices = {
    store,
    workflow,
    ods,
    // Loopback downloads only in local mode (the Agents Playground and tests serve files from this machine).
    spreadsheets: createSpreadsheetReader(createAttachmentReader({ isAllowedUrl: (url) => allowed(url) || (isLocalMode(config) && ['127.0.0.1', 'localhost'].includes(url.hostname)) })),
    calendar: storeCalendar(store),
    clock: () => new Date(),
    memberEmail: (context) => memberEmail(context),
    usersTemplateUrl: new URL(USERS_TEMPLATE_PATH.slice(1), config.publicBaseUrl).toString(),
    helpdesk: config.helpdesk,
  };
  const main = new MainDialog(services, { accessRequest: new AccessRequestDialog(services), addStaff: new AddUsersDialog(services) });

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

const CHANNEL_REPLY = 'Hello! Care home managers talk to me in a 1:1 chat: open the app from the Teams app bar. '
  + 'In this channel I post ticket cards for the people who act on them.';

/** The person's NHSmail address as Teams knows it; undefined when Teams cannot say (outside Teams, or slow). */
async function memberEmail(context: TurnContext): Promise<string | undefined> {
  const from = context.activity.from;
  if (!from?.id) return undefined;
  const lookup = TeamsInfo.getMember(context, from.id).then((member) => member.email ?? member.userPrincipalName ?? undefined, () => undefined);
  const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 3000).unref());
  return Promise.race([lookup, timeout]);
}
