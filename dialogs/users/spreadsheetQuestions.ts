/**
 * The multiple-user route (source 001: ten or more people): the template offered as a download button, the filled-in
 * file accepted as an attachment and checked row by row, and the per-row report. Nothing goes on until every row passes
 * or the manager has the bad rows left out; "I'll fix it" waits for the corrected file. "Enter people one by one" (a
 * button, or typed) leads back out, for a manager who needs fewer than ten after all.
 */
import {
  AttachmentPrompt,
  WaterfallDialog,
  type Dialog,
  type DialogTurnResult,
  type FoundChoice,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { Activity } from 'botbuilder';
import { spreadsheetQuestionAttachment } from '../../cards/spreadsheetCard.js';
import type { RequestedUser } from '../../data/model.js';
import type { DialogServices } from '../dialogServices.js';
import { withRetryLimit } from '../input/answerCheck.js';
import { choiceAnswer } from '../input/choiceAnswer.js';
import { ButtonChoicePrompt } from '../input/choicePrompt.js';
import { choiceOptions } from '../input/choiceOptions.js';
import { plainMessage, sayPlain } from '../input/plainText.js';
import { spreadsheetAnswer, type OneByOne, type SpreadsheetOutcome, type SpreadsheetValidations } from './spreadsheetAnswer.js';
import {
  ASK_FIX,
  badRowsRemoved,
  DOWNLOAD_TEMPLATE,
  ENTER_ONE_BY_ONE,
  FIX_AND_SEND,
  FIX_AND_SEND_TITLE,
  NOTHING_USABLE,
  ONE_BY_ONE_OFFER,
  REMOVE_BAD_ROWS,
  SPREADSHEET_AGAIN,
  SPREADSHEET_INTRO,
  spreadsheetKeeping,
  type UsersOrganisation,
} from './usersMessages.js';

/** The waterfall's id; begin it with SpreadsheetOptions, it ends with `{ users }`. */
export const SPREADSHEET_STEPS = 'usersSpreadsheetSteps';

export interface SpreadsheetOptions {
  /** A corrected file is awaited: the template is not explained again. */
  again?: boolean;
  /** Addresses of the people already on the request: they are kept, so a row repeating one is the same person twice. */
  listedEmails?: string[];
  /** Whose staff: its shared mailboxes are refused row by row. */
  organisation?: UsersOrganisation;
}

/** What the dialog returns: the people from the spreadsheet ready to send, or the manager going back to one by one. */
export type SpreadsheetResult = { users: RequestedUser[] } | OneByOne;

type Kept = Omit<SpreadsheetOutcome, 'report'>;

const FILE_PROMPT = 'usersFilePrompt';
const FIX_PROMPT = 'usersFixPrompt';

/** The waterfall and its prompts, to add to the users dialog. */
export function spreadsheetDialogs(services: DialogServices): Dialog[] {
  return [
    new AttachmentPrompt(FILE_PROMPT, withRetryLimit(spreadsheetAnswer(services))),
    new ButtonChoicePrompt(FIX_PROMPT, withRetryLimit(choiceAnswer())),
    new WaterfallDialog(SPREADSHEET_STEPS, [async (step) => askForFile(step, services.usersTemplateUrl), reportStep, fixStep]),
  ];
}

/**
 * The question, with the template as a download button and a button back to one by one (cards/spreadsheetCard.ts:
 * no typed text on it; its press is read by the file question's check, as is "one by one" typed).
 */
function askForFile(step: WaterfallStepContext, templateUrl: string): Promise<DialogTurnResult> {
  const options = (step.options ?? {}) as SpreadsheetOptions;
  const listedEmails = options.listedEmails ?? [];
  const question =
    options.again === true ? SPREADSHEET_AGAIN : listedEmails.length > 0 ? spreadsheetKeeping(listedEmails.length) : SPREADSHEET_INTRO;
  const prompt: Partial<Activity> = {
    ...plainMessage(`${question}\n${ONE_BY_ONE_OFFER}`),
    attachments: [spreadsheetQuestionAttachment({ templateUrl, downloadTitle: DOWNLOAD_TEMPLATE, oneByOneTitle: ENTER_ONE_BY_ONE })],
  };
  return step.prompt(FILE_PROMPT, {
    prompt,
    validations: { listedEmails, organisation: options.organisation } satisfies SpreadsheetValidations,
  });
}

async function reportStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
  const answer = step.result as SpreadsheetOutcome | OneByOne;
  if ('oneByOne' in answer) return step.endDialog({ oneByOne: true } satisfies SpreadsheetResult);
  const again = { ...(step.options as SpreadsheetOptions), again: true } satisfies SpreadsheetOptions;
  await sayPlain(step.context, answer.report);
  if (answer.badRows.length === 0) return step.endDialog({ users: answer.users } satisfies SpreadsheetResult);
  if (answer.users.length === 0) {
    await sayPlain(step.context, NOTHING_USABLE);
    return step.replaceDialog(SPREADSHEET_STEPS, again);
  }
  (step.values as { outcome: Kept }).outcome = { users: answer.users, badRows: answer.badRows };
  return step.prompt(FIX_PROMPT, choiceOptions(ASK_FIX, [REMOVE_BAD_ROWS, { value: FIX_AND_SEND, title: FIX_AND_SEND_TITLE }]));
}

async function fixStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
  const kept = (step.values as { outcome: Kept }).outcome;
  if ((step.result as FoundChoice).value === FIX_AND_SEND) {
    return step.replaceDialog(SPREADSHEET_STEPS, { ...(step.options as SpreadsheetOptions), again: true } satisfies SpreadsheetOptions);
  }
  await sayPlain(step.context, badRowsRemoved(kept.badRows, kept.users.length));
  return step.endDialog({ users: kept.users } satisfies SpreadsheetResult);
}
