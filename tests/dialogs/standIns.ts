/** Stand-ins for the conversations written by another engineer, so the main dialog's routing can be tested on its own. */
import { TextPrompt, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { CancelAndHelpDialog } from '../../dialogs/base/cancelAndHelpDialog.js';
import { withRetryLimit } from '../../dialogs/input/answerCheck.js';
import { plainMessage, sayPlain } from '../../dialogs/input/plainText.js';
import { textAnswer } from '../../dialogs/input/textAnswer.js';

/** A one-question conversation with the given id that says `question` and then thanks. */
export class StandInDialog extends CancelAndHelpDialog {
  constructor(
    id: string,
    private readonly question: string,
  ) {
    super(id, {});
    this.addDialog(new TextPrompt(`${id}Answer`, withRetryLimit(textAnswer({ what: 'an answer' }))));
    this.addDialog(
      new WaterfallDialog(`${id}Steps`, [
        async (step: WaterfallStepContext) => step.prompt(`${id}Answer`, { prompt: plainMessage(this.question) }),
        async (step: WaterfallStepContext) => {
          await sayPlain(step.context, `Stand-in ${id} got: ${step.result as string}`);
          return step.endDialog();
        },
      ]),
    );
    this.initialDialogId = `${id}Steps`;
  }
}
