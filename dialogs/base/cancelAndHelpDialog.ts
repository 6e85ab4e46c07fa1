/**
 * The base of every manager conversation (core-bot's cancelAndHelpDialog): interruptions are handled once, here, by
 * simple keyword matching on the whole message (or a menu button's `{ action }`):
 * help → short help and the question again; cancel → everything ends, kindly, saying nothing was sent;
 * start again → everything ends and the welcome card is shown; status and the menu commands → `openFromAnywhere`
 * (the main dialog overrides it; on its own a dialog stops and says how to start the other one).
 * Anything else (a card submit, a file, an answer) goes to the active step. The outermost running dialog that extends
 * this class handles the interruption, so its behaviour is the same however deep the conversation is.
 */
import { ComponentDialog, Dialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { HelpdeskFacts } from '../../data/rules/helpdesk.js';
import { welcomeCardAttachment } from '../../cards/welcomeCard.js';
import { plainMessage, sayPlain } from '../input/plainText.js';
import { CANCELLED, GENERAL_HELP, keywordsReminder, STARTING_AGAIN, stoppedForAnother } from './baseMessages.js';
import { MAIN_DIALOG_ID } from './dialogIds.js';
import { menuActionOf, type MenuAction, type OpenableAction } from './menuActions.js';

const COMMAND_WORDS: Readonly<Record<OpenableAction, string>> = {
  readiness: 'check readiness',
  accessRequest: 'request access',
  addStaff: 'add staff',
  leavers: 'leavers',
  status: 'status',
};

/** The typed command that opens a conversation, for messages such as "Type leavers to start that". */
export function commandFor(action: OpenableAction): string {
  return COMMAND_WORDS[action];
}

/** Extend this for every conversation; keep all state in step values and dialog options (never in fields) so it survives a restart. */
export abstract class CancelAndHelpDialog extends ComponentDialog {
  /** `helpdesk`: the configured contact that help gives (DialogServices.helpdesk). */
  constructor(
    dialogId: string,
    private readonly helpdesk: HelpdeskFacts,
  ) {
    super(dialogId);
  }

  /** Help for this conversation, said before the question is asked again; override with something specific. */
  protected helpText(): string {
    return GENERAL_HELP;
  }

  /** Handles the keywords before the active step sees the activity; everything else goes on as usual. */
  override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    // A question is waiting: a single word is an answer, even one a slip away from a command (commandNearMiss.ts).
    const action = menuActionOf(innerDc.context.activity, { inConversation: true });
    if (action) return this.interrupt(innerDc, action);
    return super.onContinueDialog(innerDc);
  }

  /** Ends everything that is running, in this dialog and above it (the whole conversation), without a word. */
  protected async endEverything(innerDc: DialogContext): Promise<DialogTurnResult> {
    await innerDc.cancelAllDialogs(true);
    return { status: DialogTurnStatus.cancelled };
  }

  /**
   * Used for "status" and the menu commands while a conversation runs. On its own a dialog cannot start another, so it
   * stops (saying nothing was sent) and, when a main dialog is the root, starts it with the action; MainDialog overrides this.
   */
  protected async openFromAnywhere(innerDc: DialogContext, action: OpenableAction): Promise<DialogTurnResult> {
    const root = rootOf(innerDc);
    await this.endEverything(innerDc);
    if (root.findDialog(MAIN_DIALOG_ID)) {
      await root.beginDialog(MAIN_DIALOG_ID, { action });
      // Waiting, not ended: this dialog is already off the stack, and ending it now would pop what was just started.
      return Dialog.EndOfTurn;
    }
    await sayPlain(innerDc.context, stoppedForAnother(commandFor(action)));
    return { status: DialogTurnStatus.cancelled };
  }

  private async interrupt(innerDc: DialogContext, action: MenuAction): Promise<DialogTurnResult> {
    switch (action) {
      case 'help':
        await sayPlain(innerDc.context, this.activeHelp(innerDc), keywordsReminder(this.helpdesk));
        await innerDc.repromptDialog();
        return Dialog.EndOfTurn;
      case 'cancel':
        await sayPlain(innerDc.context, CANCELLED);
        return this.endEverything(innerDc);
      case 'start': {
        const ended = await this.endEverything(innerDc);
        await innerDc.context.sendActivity({ ...plainMessage(STARTING_AGAIN), attachments: [welcomeCardAttachment()] });
        return ended;
      }
      default:
        return this.openFromAnywhere(innerDc, action);
    }
  }

  /** The help of the innermost running conversation that has its own. */
  private activeHelp(innerDc: DialogContext): string {
    let help = this.helpText();
    for (let dc: DialogContext | undefined = innerDc; dc?.activeDialog; dc = dc.child) {
      const dialog = dc.findDialog(dc.activeDialog.id);
      if (dialog instanceof CancelAndHelpDialog) help = dialog.helpText();
    }
    return help;
  }
}

/** The outermost dialog context of this turn. */
export function rootOf(dc: DialogContext): DialogContext {
  let root = dc;
  while (root.parent) root = root.parent;
  return root;
}
