/**
 * The multiple-user route (source 001: ten or more people): the template offered as a download button, the filled-in
 * file accepted as an attachment and checked row by row, and the per-row report. Nothing goes on until every row passes
 * or the manager has the bad rows left out; "I'll fix it" waits for the corrected file.
 */
import {
  AttachmentPrompt, ChoiceFactory, ChoicePrompt, WaterfallDialog, type Dialog, type DialogTurnResult, type FoundChoice, type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { CardFactory, type Activity } from 'botbuilder';
import type { RequestedUser } from '../../data/model.js';
import type { DialogServices } from '../dialogServices.js';
import { withRetryLimit } from '../input/answerCheck.js';
import { choiceAnswer } from '../input/choiceAnswer.js';
import { plainMessage, sayPlain } from '../input/plainText.js';
import { spreadsheetAnswer, type SpreadsheetOutcome } from './spreadsheetAnswer.js';
import {
  ASK_FIX, badRowsRemoved, DOWNLOAD_TEMPLATE, FIX_AND_SEND, NOTHING_USABLE, REMOVE_BAD_ROWS, SPREADSHEET_AGAIN, SPREADSHEET_INTRO,
} from './usersMessages.js';

/** The waterfall's id; begin it with SpreadsheetOptions, it ends with `{ users }`. */
export const SPREADSHEET_STEPS = 'usersSpreadsheetSteps';

export interface SpreadsheetOptions {
  /** A corrected file is awaited: the template is not explained again. */
  again?: boolean;
}

/** What the dialog returns: the people ready to send. */
export interface SpreadsheetResult {
  users: RequestedUser[];
}

type Kept = Omit<SpreadsheetOutcome, 'report'>;

const FILE_PROMPT = 'usersFilePrompt';
const FIX_PROMPT = 'usersFixPrompt';

/** Used by the users dialog: the waterfall and its prompts, to add to the component. */
export function spreadsheetDialogs(services: DialogServices): Dialog[] {
  return [
    new AttachmentPrompt(FILE_PROMPT, withRetryLimit(spreadsheetAnswer(services))),
    new ChoicePrompt(FIX_PROMPT, withRetryLimit(choiceAnswer())),
    new WaterfallDialog(SPREADSHEET_STEPS, [
      async (step) => askForFile(step, services.usersTemplateUrl),
      reportStep,
      fixStep,
    ]),
  ];
}

/** The question, with the template as a download button (a hero card's OpenUrl button: no typed text on it). */
function askForFile(step: WaterfallStepContext, templateUrl: string): Promise<DialogTurnResult> {
  const again = (step.options as SpreadsheetOptions | undefined)?.again === true;
  const button = CardFactory.heroCard('', undefined, [{ type: 'openUrl', title: DOWNLOAD_TEMPLATE, value: templateUrl }]);
  const prompt: Partial<Activity> = { ...plainMessage(again ? SPREADSHEET_AGAIN : SPREADSHEET_INTRO), attachments: [button] };
  return step.prompt(FILE_PROMPT, { prompt });
}

async function reportStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
  const outcome = step.result as SpreadsheetOutcome;
  await sayPlain(step.context, outcome.report);
  if (outcome.badRows.length === 0) return step.endDialog({ users: outcome.users } satisfies SpreadsheetResult);
  if (outcome.users.length === 0) {
    await sayPlain(step.context, NOTHING_USABLE);
    return step.replaceDialog(SPREADSHEET_STEPS, { again: true } satisfies SpreadsheetOptions);
  }
  (step.values as { outcome: Kept }).outcome = { users: outcome.users, badRows: outcome.badRows };
  return step.prompt(FIX_PROMPT, { prompt: plainMessage(ASK_FIX), choices: ChoiceFactory.toChoices([REMOVE_BAD_ROWS, FIX_AND_SEND]) });
}

async function fixStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
  const kept = (step.values as { outcome: Kept }).outcome;
  if ((step.result as FoundChoice).value === FIX_AND_SEND) {
    return step.replaceDialog(SPREADSHEET_STEPS, { again: true } satisfies SpreadsheetOptions);
  }
  await sayPlain(step.context, badRowsRemoved(kept.badRows, kept.users.length));
  return step.endDialog({ users: kept.users } satisfies SpreadsheetResult);
}
