/** "Where is my request?": lists the manager's requests (newest first, up to 10) and ends. */
import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { CancelAndHelpDialog } from '../base/cancelAndHelpDialog.js';
import { STATUS_DIALOG_ID } from '../base/dialogIds.js';
import type { DialogServices } from '../dialogServices.js';
import { sendStatus } from './sendStatus.js';

const STATUS_STEPS = 'statusSteps';

/** Started from the menu, the "Status" command or the keyword "status". */
export class StatusDialog extends CancelAndHelpDialog {
  constructor(private readonly services: DialogServices) {
    super(STATUS_DIALOG_ID, services.helpdesk);
    this.addDialog(new WaterfallDialog(STATUS_STEPS, [this.showRequestsStep.bind(this)]));
    this.initialDialogId = STATUS_STEPS;
  }

  private async showRequestsStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await sendStatus(step.context, this.services, { offerMenu: true });
    return step.endDialog();
  }
}
