/**
 * The router every manager turn goes through (run it with dialogs/base/runDialog.ts). It opens a conversation from a
 * welcome card button (`{ action }`), a Teams command or a keyword (Start, Check readiness, Request access, Add staff,
 * Leavers, Status, Help), and shows the welcome card for anything else. While a conversation runs, the base dialog's
 * keywords work; here "status" or asking for the same conversation again carries on where the manager was, and another
 * command switches.
 */
import { Dialog, WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { choicePressOf } from '../cards/choiceCard.js';
import { CancelAndHelpDialog } from './base/cancelAndHelpDialog.js';
import { GENERAL_HELP, keywordsReminder, NOTHING_TO_CANCEL } from './base/baseMessages.js';
import { LEAVERS_DIALOG_ID, MAIN_DIALOG_ID, READINESS_DIALOG_ID, STATUS_DIALOG_ID } from './base/dialogIds.js';
import { menuActionOf, type MenuAction, type OpenableAction } from './base/menuActions.js';
import type { DialogServices } from './dialogServices.js';
import { sayPlain } from './input/plainText.js';
import { LeaversDialog } from './leavers/leaversDialog.js';
import { ReadinessDialog } from './readiness/readinessDialog.js';
import { sendStatus } from './status/sendStatus.js';
import { StatusDialog } from './status/statusDialog.js';
import { welcomeActivity } from './welcome/welcomeActivity.js';

/** Begin options: what to open, when the caller already knows (a jump from another conversation). */
export interface MainDialogOptions {
  action?: MenuAction;
}

/** The conversations written elsewhere, passed in so tests can use stand-ins. `accessRequest` must have the id 'accessRequestDialog'. */
export interface OtherConversations {
  accessRequest: Dialog;
  /** Adding staff to an organisation that already has access. */
  addStaff: Dialog;
}

const ROUTE_STEPS = 'mainRouteSteps';

/** Said after "status" in the middle of a conversation, before the question is asked again. */
export const BACK_TO_IT = 'Now, back to where we were.';
/** Said when the manager asks for the conversation that is already running, before its question is asked again. */
export const CARRY_ON = "Let's carry on where we were.";
/** Said for a choice button pressed when no question is waiting (its conversation ended or was stopped). */
export const QUESTION_FINISHED = "That button belongs to a question we've already finished, so I haven't used it.";
/** Said when a command switches from one conversation to another. */
export const SWITCHING = "I've stopped what we were doing; nothing from it was sent.";

/** The manager's root dialog; the access request and add-staff conversations come in built. */
export class MainDialog extends CancelAndHelpDialog {
  constructor(
    private readonly services: DialogServices,
    private readonly others: OtherConversations,
  ) {
    super(MAIN_DIALOG_ID, services.helpdesk);
    this.addDialog(new ReadinessDialog(services));
    this.addDialog(new LeaversDialog(services));
    this.addDialog(new StatusDialog(services));
    this.addDialog(others.accessRequest);
    this.addDialog(others.addStaff);
    this.addDialog(new WaterfallDialog(ROUTE_STEPS, [this.routeStep.bind(this), this.finishStep.bind(this)]));
    this.initialDialogId = ROUTE_STEPS;
  }

  /** Opens what the manager asked for, or shows the welcome card when the message asks for nothing we know. */
  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const given = (step.options as MainDialogOptions | undefined)?.action;
    const action = given ?? menuActionOf(step.context.activity);
    switch (action) {
      case undefined:
      case 'start':
        // A choice button of a conversation that has ended answers nothing: say so before the menu.
        if (choicePressOf(step.context.activity.value)) await sayPlain(step.context, QUESTION_FINISHED);
        await step.context.sendActivity(welcomeActivity());
        return step.endDialog();
      case 'help':
        await sayPlain(step.context, GENERAL_HELP, keywordsReminder(this.services.helpdesk));
        await step.context.sendActivity(welcomeActivity('Choose what you would like to do:'));
        return step.endDialog();
      case 'cancel':
        await sayPlain(step.context, NOTHING_TO_CANCEL);
        return step.endDialog();
      default:
        return step.beginDialog(this.conversationFor(action));
    }
  }

  private async finishStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog(step.result);
  }

  /** The id of the conversation an action opens. */
  private conversationFor(action: OpenableAction): string {
    switch (action) {
      case 'readiness':
        return READINESS_DIALOG_ID;
      case 'leavers':
        return LEAVERS_DIALOG_ID;
      case 'status':
        return STATUS_DIALOG_ID;
      case 'accessRequest':
        return this.others.accessRequest.id;
      case 'addStaff':
        return this.others.addStaff.id;
    }
  }

  /**
   * "status" shows the requests and carries on; asking for the conversation already running carries on with it, answers
   * kept; any other command stops the running conversation and opens the new one.
   */
  protected override async openFromAnywhere(innerDc: DialogContext, action: OpenableAction): Promise<DialogTurnResult> {
    if (action === 'status') {
      await sendStatus(innerDc.context, this.services, { offerMenu: false });
      await sayPlain(innerDc.context, BACK_TO_IT);
      await innerDc.repromptDialog();
      return Dialog.EndOfTurn;
    }
    if (innerDc.activeDialog?.id === this.conversationFor(action)) {
      await sayPlain(innerDc.context, CARRY_ON);
      await innerDc.repromptDialog();
      return Dialog.EndOfTurn;
    }
    await innerDc.cancelAllDialogs();
    await sayPlain(innerDc.context, SWITCHING);
    return innerDc.beginDialog(ROUTE_STEPS, { action } satisfies MainDialogOptions);
  }
}
