/**
 * The staff who need access. Fewer than ten: one by one (oneUserQuestions.ts), then a review where people are added,
 * changed or removed; ten or more: the spreadsheet route (spreadsheetQuestions.ts). Once nine are listed, the review
 * offers the spreadsheet instead of one more person (source 001: ten or more go by spreadsheet); the people listed are
 * kept and the spreadsheet's rows are added to them. The spreadsheet question leads back to one by one. Ends with `{ users }`.
 * The list travels in the options of each replaceDialog, so a restart in the middle loses nothing.
 */
import {
  TextPrompt,
  WaterfallDialog,
  type DialogContext,
  type DialogTurnResult,
  type FoundChoice,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { RequestedUser } from '../../data/model.js';
import { CancelAndHelpDialog } from '../base/cancelAndHelpDialog.js';
import type { DialogServices } from '../dialogServices.js';
import { withRetryLimit } from '../input/answerCheck.js';
import { choiceAnswer } from '../input/choiceAnswer.js';
import { ButtonChoicePrompt } from '../input/choicePrompt.js';
import { choiceOptions } from '../input/choiceOptions.js';
import { plainMessage, sayPlain } from '../input/plainText.js';
import { oneUserDialogs, ONE_USER_STEPS, type OneUserOptions } from './oneUserQuestions.js';
import { spreadsheetDialogs, SPREADSHEET_STEPS, type SpreadsheetOptions, type SpreadsheetResult } from './spreadsheetQuestions.js';
import { listNumberAnswer, type NumberValidations } from './userAnswers.js';
import { clearUserField, describeUser, draftOf, USER_FIELDS, USER_FIELD_TITLES, type UserField } from './userDraft.js';
import {
  ADD_ANOTHER,
  ADD_BY_SPREADSHEET,
  askNumber,
  ASK_HOW_MANY,
  ASK_REVIEW,
  ASK_WHAT_CHANGE,
  ASK_WHO_CHANGE,
  ASK_WHO_REMOVE,
  CHANGE_SOMEONE,
  HOW_MANY_CHOICES,
  PRESS_NUMBER,
  NOBODY_YET,
  moreNotListed,
  ONE_BY_ONE_AGAIN,
  oneByOneFull,
  REMOVE_SOMEONE,
  removed,
  reviewHeading,
  spreadsheetFromNowOn,
  TEN_OR_MORE,
  THATS_EVERYONE,
  USERS_HELP,
  type UsersOrganisation,
} from './usersMessages.js';

/** The users dialog's id, for the conversations that begin it. */
export const USERS_DIALOG_ID = 'usersDialog';

/** Begin options: the people already on the request (go straight to the review), or none; and whose staff they are. */
export interface UsersOptions {
  users?: RequestedUser[];
  /** The organisation's name, ODS code and type: its shared mailboxes are refused, with the NHSmail routes that fit it. */
  organisation?: UsersOrganisation;
}

/** What the dialog returns. */
export interface UsersResult {
  users: RequestedUser[];
}

/** What the loop carries from one round to the next. */
interface LoopOptions {
  users: RequestedUser[];
  organisation?: UsersOrganisation;
  next: 'start' | 'add' | 'review' | 'change' | 'spreadsheet';
  changing?: { index: number; field: UserField };
}

interface LoopValues {
  choosing?: 'change' | 'remove';
  index?: number;
}

const LOOP = 'usersLoopSteps';
const CHOICE_PROMPT = 'usersChoicePrompt';
const NUMBER_PROMPT = 'usersNumberPrompt';
/** A review message lists this many people; a spreadsheet's 500 would make a message nobody reads. */
const MAX_LISTED = 30;
/** Up to this many people are offered as buttons; beyond it the manager types a number from the list. */
const MAX_BUTTONS = 10;
const REVIEW_CHOICES = [ADD_ANOTHER, CHANGE_SOMEONE, REMOVE_SOMEONE, THATS_EVERYONE];
/** The most people given one by one: the tenth makes it a multiple-user request, which goes by spreadsheet (source 001). */
const MAX_ONE_BY_ONE = 9;
const FULL_REVIEW_CHOICES = [ADD_BY_SPREADSHEET, CHANGE_SOMEONE, REMOVE_SOMEONE, THATS_EVERYONE];

/** Begun by the access request and add-staff conversations once the organisation is known. */
export class UsersDialog extends CancelAndHelpDialog {
  constructor(services: DialogServices) {
    super(USERS_DIALOG_ID, services.helpdesk);
    for (const dialog of [...oneUserDialogs(services), ...spreadsheetDialogs(services)]) this.addDialog(dialog);
    this.addDialog(new ButtonChoicePrompt(CHOICE_PROMPT, withRetryLimit(choiceAnswer())));
    this.addDialog(new TextPrompt(NUMBER_PROMPT, withRetryLimit(listNumberAnswer())));
    this.addDialog(
      new WaterfallDialog(LOOP, [
        this.startStep.bind(this),
        this.collectStep.bind(this),
        this.reviewStep.bind(this),
        this.reviewAnswerStep.bind(this),
        this.whoStep.bind(this),
        this.fieldStep.bind(this),
      ]),
    );
    this.initialDialogId = LOOP;
  }

  protected override helpText(): string {
    return USERS_HELP;
  }

  /** The component's begin options become the loop's first round. */
  protected override async onBeginDialog(innerDc: DialogContext, options?: UsersOptions): Promise<DialogTurnResult> {
    const users = plainUsers(options?.users ?? []);
    const organisation = options?.organisation ? { ...options.organisation } : undefined;
    return innerDc.beginDialog(LOOP, { users, organisation, next: users.length > 0 ? 'review' : 'start' } satisfies LoopOptions);
  }

  private async startStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { next } = loopOptions(step);
    if (next !== 'start') return step.next();
    return step.prompt(
      CHOICE_PROMPT,
      choiceOptions(ASK_HOW_MANY, HOW_MANY_CHOICES, { numbers: { quantityFrom: [1, MAX_ONE_BY_ONE + 1] } }),
    );
  }

  /** Begins what this round needs: the spreadsheet, a new person, or a change to someone listed. */
  private async collectStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { users, next, changing, organisation } = loopOptions(step);
    if ((next === 'start' && (step.result as FoundChoice).value === TEN_OR_MORE) || next === 'spreadsheet') {
      return step.beginDialog(SPREADSHEET_STEPS, { listedEmails: users.map((u) => u.email), organisation } satisfies SpreadsheetOptions);
    }
    if ((next === 'start' || next === 'add') && users.length >= MAX_ONE_BY_ONE) {
      // Only a request resumed from before this limit gets here: it goes back to the review, which offers the spreadsheet.
      return step.next();
    }
    if (next === 'start' || next === 'add') {
      const options: OneUserOptions = {
        draft: {},
        otherEmails: users.map((u) => u.email),
        position: users.length === 0 ? 'first' : 'next',
        organisation,
      };
      return step.beginDialog(ONE_USER_STEPS, options);
    }
    if (next === 'change' && changing) {
      const options: OneUserOptions = {
        draft: clearUserField(draftOf(users[changing.index]), changing.field),
        otherEmails: users.filter((_, i) => i !== changing.index).map((u) => u.email),
        position: 'again',
        organisation,
      };
      return step.beginDialog(ONE_USER_STEPS, options);
    }
    return step.next();
  }

  /** Takes in what was collected, then lists everyone and asks what next. */
  private async reviewStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { users, next, changing, organisation } = loopOptions(step);
    const result = step.result as RequestedUser | SpreadsheetResult | undefined;
    // The spreadsheet's people join the ones already listed (its check refused rows repeating their addresses).
    if (result && 'users' in result) return step.endDialog({ users: [...users, ...result.users] } satisfies UsersResult);
    if (result && 'oneByOne' in result) {
      await sayPlain(step.context, users.length >= MAX_ONE_BY_ONE ? oneByOneFull(users.length) : ONE_BY_ONE_AGAIN);
      return step.replaceDialog(LOOP, { users, organisation, next: users.length > 0 ? 'review' : 'add' } satisfies LoopOptions);
    }
    if (result && next === 'change' && changing) users[changing.index] = result;
    else if (result) users.push(result);
    const full = users.length >= MAX_ONE_BY_ONE;
    const listed = users.slice(0, MAX_LISTED).map((user, i) => `${i + 1}. ${describeUser(user)}`);
    const more = users.length > MAX_LISTED ? [moreNotListed(users.length - MAX_LISTED)] : [];
    await sayPlain(
      step.context,
      reviewHeading(users.length),
      ...listed,
      ...more,
      ...(full ? ['', spreadsheetFromNowOn(users.length)] : []),
    );
    return step.prompt(CHOICE_PROMPT, choiceOptions(ASK_REVIEW, full ? FULL_REVIEW_CHOICES : REVIEW_CHOICES));
  }

  private async reviewAnswerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { users, organisation } = loopOptions(step);
    const answer = (step.result as FoundChoice).value;
    if (answer === THATS_EVERYONE) return step.endDialog({ users } satisfies UsersResult);
    if (answer === ADD_ANOTHER) return step.replaceDialog(LOOP, { users, organisation, next: 'add' } satisfies LoopOptions);
    if (answer === ADD_BY_SPREADSHEET) return step.replaceDialog(LOOP, { users, organisation, next: 'spreadsheet' } satisfies LoopOptions);
    const state = step.values as LoopValues;
    state.choosing = answer === CHANGE_SOMEONE ? 'change' : 'remove';
    const question = state.choosing === 'change' ? ASK_WHO_CHANGE : ASK_WHO_REMOVE;
    if (users.length > MAX_BUTTONS) {
      return step.prompt(NUMBER_PROMPT, {
        prompt: plainMessage(`${question} ${askNumber(users.length)}`),
        validations: { count: users.length } satisfies NumberValidations,
      });
    }
    // The buttons are the list's numbers (a choice card carries no typed text); the name typed whole also picks.
    const choices = users.map((user, i) => ({ value: String(i + 1), synonyms: [user.name] }));
    return step.prompt(CHOICE_PROMPT, choiceOptions(`${question} ${PRESS_NUMBER}`, choices, { numbers: 'position' }));
  }

  private async whoStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { users, organisation } = loopOptions(step);
    const state = step.values as LoopValues;
    const index = typeof step.result === 'number' ? step.result : (step.result as FoundChoice).index;
    if (state.choosing === 'remove') {
      const [gone] = users.splice(index, 1);
      await sayPlain(step.context, removed(gone.name));
      if (users.length === 0) await sayPlain(step.context, NOBODY_YET);
      return step.replaceDialog(LOOP, { users, organisation, next: users.length > 0 ? 'review' : 'add' } satisfies LoopOptions);
    }
    state.index = index;
    return step.prompt(
      CHOICE_PROMPT,
      choiceOptions(
        ASK_WHAT_CHANGE,
        USER_FIELDS.map((f) => USER_FIELD_TITLES[f]),
      ),
    );
  }

  private async fieldStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { users, organisation } = loopOptions(step);
    const state = step.values as LoopValues;
    const field = USER_FIELDS[(step.result as FoundChoice).index];
    return step.replaceDialog(LOOP, {
      users,
      organisation,
      next: 'change',
      changing: { index: state.index ?? 0, field },
    } satisfies LoopOptions);
  }
}

function loopOptions(step: WaterfallStepContext): LoopOptions {
  return step.options as LoopOptions;
}

function plainUsers(users: readonly RequestedUser[]): RequestedUser[] {
  return JSON.parse(JSON.stringify(users)) as RequestedUser[];
}
