/**
 * Leavers: the organisation (ODS code, then its name and ICS unless already known) → one person at a time (name, work
 * e-mail, last working day) with "add another / that's all" → a review where people can be added or taken off → a
 * deactivation ticket through the workflow, and what happens next in working days. Two waterfalls pass everything
 * collected on in their options (replaceDialog), so nothing lives in the dialog object and a restart loses nothing.
 */
import { randomUUID } from 'node:crypto';
import { TextPrompt, WaterfallDialog, type DialogTurnResult, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import { ValidationError } from '../../data/errors.js';
import type { Leaver } from '../../data/model.js';
import { londonToday } from '../../data/rules/londonTime.js';
import { CancelAndHelpDialog } from '../base/cancelAndHelpDialog.js';
import { LEAVERS_DIALOG_ID } from '../base/dialogIds.js';
import type { DialogServices } from '../dialogServices.js';
import { withRetryLimit } from '../input/answerCheck.js';
import { choiceAnswer } from '../input/choiceAnswer.js';
import { ButtonChoicePrompt } from '../input/choicePrompt.js';
import { choiceOptions } from '../input/choiceOptions.js';
import { dayAnswer, exampleDay } from '../input/dayAnswer.js';
import { odsCodeAnswer, type OdsCodeAnswer } from '../input/odsCodeAnswer.js';
import { plainMessage, sayPlain } from '../input/plainText.js';
import { textAnswer } from '../input/textAnswer.js';
import { boroughAnswer, leaverEmailAnswer, listNumberAnswer, type BoroughAnswer } from './leaverAnswers.js';
import { organisationFromDirectory, organisationFromStore, ticketOrganisation, type PartialOrganisation } from './leaverOrganisation.js';
import { helpdeskTiming } from '../../data/rules/helpdesk.js';
import { expectedBy, judgeLastWorkingDay, MAX_LEAVERS } from './leaverRules.js';
import {
  ADD_ANOTHER,
  ASK_ANOTHER,
  ASK_BOROUGH,
  ASK_FIRST_NAME,
  ASK_NEXT_NAME,
  ASK_ODS_CODE,
  ASK_ORGANISATION_NAME,
  ASK_REVIEW,
  ASK_WHICH,
  askEmail,
  askLastDay,
  LEAVERS_HELP,
  leaverLine,
  LIST_FULL,
  NOBODY_LEFT,
  organisationFound,
  OUTSIDE_LONDON,
  REMOVE,
  reviewText,
  SEND,
  SEND_FAILED,
  sentText,
  THATS_ALL,
} from './leaversMessages.js';

/** Everything collected so far; the begin options, and what each waterfall hands the next. */
export interface LeaversOptions {
  organisation?: PartialOrganisation;
  /** The manager said the organisation is outside London: no ICS to find, the helpdesk confirms the details. */
  outsideLondon?: boolean;
  leavers?: Leaver[];
}

/** What the dialog returns once the request is sent. */
export interface LeaversResult {
  ticketId: string;
}

interface CollectValues {
  organisation?: PartialOrganisation;
  outsideLondon?: boolean;
  askedName?: boolean;
  askedBorough?: boolean;
  name?: string;
  email?: string;
}

interface ReviewValues {
  /** Made when the review is shown; the same for every press of its Send button. */
  submissionId?: string;
}

const COLLECT = 'leaversCollectSteps';
const REVIEW = 'leaversReviewSteps';
const ODS_PROMPT = 'leaversOdsPrompt';
const ORG_NAME_PROMPT = 'leaversOrganisationNamePrompt';
const BOROUGH_PROMPT = 'leaversBoroughPrompt';
const NAME_PROMPT = 'leaversNamePrompt';
const EMAIL_PROMPT = 'leaversEmailPrompt';
const DAY_PROMPT = 'leaversDayPrompt';
const ANOTHER_PROMPT = 'leaversAnotherPrompt';
const REVIEW_PROMPT = 'leaversReviewPrompt';
const NUMBER_PROMPT = 'leaversNumberPrompt';

/** Started from the menu ("Someone is leaving"), the "Leavers" command or the keyword. */
export class LeaversDialog extends CancelAndHelpDialog {
  constructor(private readonly services: DialogServices) {
    super(LEAVERS_DIALOG_ID, services.helpdesk);
    const today = () => londonToday(services.clock());
    this.addDialog(new TextPrompt(ODS_PROMPT, withRetryLimit(odsCodeAnswer())));
    this.addDialog(new TextPrompt(ORG_NAME_PROMPT, withRetryLimit(textAnswer({ what: "your organisation's name" }))));
    this.addDialog(new TextPrompt(BOROUGH_PROMPT, withRetryLimit(boroughAnswer())));
    this.addDialog(new TextPrompt(NAME_PROMPT, withRetryLimit(textAnswer({ what: "the person's full name" }))));
    this.addDialog(new TextPrompt(EMAIL_PROMPT, withRetryLimit(leaverEmailAnswer())));
    this.addDialog(new TextPrompt(DAY_PROMPT, withRetryLimit(dayAnswer({ today, judge: judgeLastWorkingDay }))));
    this.addDialog(new ButtonChoicePrompt(ANOTHER_PROMPT, withRetryLimit(choiceAnswer())));
    this.addDialog(new ButtonChoicePrompt(REVIEW_PROMPT, withRetryLimit(choiceAnswer())));
    this.addDialog(new TextPrompt(NUMBER_PROMPT, withRetryLimit(listNumberAnswer())));
    this.addDialog(
      new WaterfallDialog(COLLECT, [
        this.askOdsCodeStep.bind(this),
        this.askOrganisationNameStep.bind(this),
        this.askBoroughStep.bind(this),
        this.askLeaverNameStep.bind(this),
        this.askLeaverEmailStep.bind(this),
        this.askLastWorkingDayStep.bind(this),
        this.askAnotherStep.bind(this),
        this.afterAnotherStep.bind(this),
      ]),
    );
    this.addDialog(
      new WaterfallDialog(REVIEW, [this.askSendOrChangeStep.bind(this), this.askWhichToRemoveStep.bind(this), this.removeStep.bind(this)]),
    );
    this.initialDialogId = COLLECT;
  }

  protected override helpText(): string {
    return LEAVERS_HELP;
  }

  private async askOdsCodeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = optionsOf(step);
    if (options.organisation) {
      Object.assign(collected(step), { organisation: options.organisation, outsideLondon: options.outsideLondon });
      return step.next();
    }
    return step.prompt(ODS_PROMPT, { prompt: plainMessage(ASK_ODS_CODE) });
  }

  private async askOrganisationNameStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = collected(step);
    if (!values.organisation) {
      const code = (step.result as NonNullable<OdsCodeAnswer>).code;
      const { tickets, reference } = this.services.store;
      const stored = organisationFromStore(await tickets.list({ odsCode: code }), await reference.dpiaRegister(), code);
      values.organisation = stored ?? (await organisationFromDirectory(this.services.ods, code)) ?? { odsCode: code };
      if (values.organisation.name) await sayPlain(step.context, organisationFound(values.organisation));
    }
    if (values.organisation.name) return step.next();
    values.askedName = true;
    return step.prompt(ORG_NAME_PROMPT, { prompt: plainMessage(ASK_ORGANISATION_NAME) });
  }

  private async askBoroughStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = collected(step);
    const organisation = values.organisation as PartialOrganisation;
    if (values.askedName) organisation.name = step.result as string;
    if (organisation.icbCode || values.outsideLondon) return step.next();
    values.askedBorough = true;
    return step.prompt(BOROUGH_PROMPT, { prompt: plainMessage(ASK_BOROUGH) });
  }

  private async askLeaverNameStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = collected(step);
    if (values.askedBorough) {
      const answer = step.result as BoroughAnswer;
      if (answer === null) {
        values.outsideLondon = true;
        await sayPlain(step.context, OUTSIDE_LONDON);
      } else {
        Object.assign(values.organisation as PartialOrganisation, { borough: answer.borough, icbCode: answer.icbCode, location: 'london' });
        (values.organisation as PartialOrganisation).namedInDpia ??= false;
      }
    }
    const first = (optionsOf(step).leavers ?? []).length === 0;
    return step.prompt(NAME_PROMPT, { prompt: plainMessage(first ? ASK_FIRST_NAME : ASK_NEXT_NAME) });
  }

  private async askLeaverEmailStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = collected(step);
    values.name = step.result as string;
    const given = (optionsOf(step).leavers ?? []).map((leaver) => leaver.email);
    return step.prompt(EMAIL_PROMPT, { prompt: plainMessage(askEmail(values.name)), validations: { given } });
  }

  private async askLastWorkingDayStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = collected(step);
    values.email = step.result as string;
    return step.prompt(DAY_PROMPT, {
      prompt: plainMessage(askLastDay(values.name ?? 'their', exampleDay(londonToday(this.services.clock())))),
    });
  }

  private async askAnotherStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = collected(step);
    const leaver: Leaver = { name: values.name ?? '', email: values.email ?? '', lastWorkingDay: step.result as string };
    const next = this.handOn(step, [...(optionsOf(step).leavers ?? []), leaver]);
    await sayPlain(step.context, `Got it: ${leaverLine(leaver)}.`);
    if ((next.leavers ?? []).length >= MAX_LEAVERS) {
      await sayPlain(step.context, LIST_FULL(MAX_LEAVERS));
      return step.replaceDialog(REVIEW, next);
    }
    // Kept in the step values so the choice's answer finds them after a restart.
    Object.assign(values, { handOn: next });
    return step.prompt(ANOTHER_PROMPT, choiceOptions(ASK_ANOTHER, [ADD_ANOTHER, THATS_ALL]));
  }

  private async afterAnotherStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const next = (step.values as { handOn: LeaversOptions }).handOn;
    return step.replaceDialog((step.result as FoundChoice).value === ADD_ANOTHER ? COLLECT : REVIEW, next);
  }

  private async askSendOrChangeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = optionsOf(step);
    const leavers = options.leavers ?? [];
    await sayPlain(step.context, ...reviewText(options.organisation ?? { odsCode: '' }, leavers));
    // One id per review shown, kept with the question: a second press of Send (or a retry after a restart) finds the same ticket.
    (step.values as ReviewValues).submissionId = randomUUID();
    const choices = leavers.length < MAX_LEAVERS ? [SEND, ADD_ANOTHER, REMOVE] : [SEND, REMOVE];
    return step.prompt(REVIEW_PROMPT, choiceOptions(ASK_REVIEW, choices));
  }

  private async askWhichToRemoveStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = optionsOf(step);
    const leavers = options.leavers ?? [];
    const choice = (step.result as FoundChoice).value;
    if (choice === SEND) return this.send(step, options, (step.values as ReviewValues).submissionId);
    if (choice === ADD_ANOTHER) return step.replaceDialog(COLLECT, options);
    if (leavers.length === 1) return step.next(1);
    return step.prompt(NUMBER_PROMPT, { prompt: plainMessage(ASK_WHICH), validations: { count: leavers.length } });
  }

  private async removeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = optionsOf(step);
    const leavers = [...(options.leavers ?? [])];
    const [removed] = leavers.splice((step.result as number) - 1, 1);
    await sayPlain(step.context, `I've taken ${removed?.name ?? 'them'} off the list.`);
    if (leavers.length === 0) {
      await sayPlain(step.context, NOBODY_LEFT);
      return step.replaceDialog(COLLECT, { ...options, leavers });
    }
    return step.replaceDialog(REVIEW, { ...options, leavers });
  }

  /** What the next waterfall needs: the organisation as settled in this one and the people so far. */
  private handOn(step: WaterfallStepContext, leavers: Leaver[]): LeaversOptions {
    const values = collected(step);
    return { organisation: values.organisation, ...(values.outsideLondon ? { outsideLondon: true } : {}), leavers };
  }

  private async send(step: WaterfallStepContext, options: LeaversOptions, submissionId: string | undefined): Promise<DialogTurnResult> {
    const { workflow, calendar, clock } = this.services;
    const leavers = options.leavers ?? [];
    const from = step.context.activity.from;
    const organisation = options.organisation && ticketOrganisation(options.organisation, options.outsideLondon === true);
    try {
      const ticket = await workflow.submit(
        { kind: 'deactivateUsers', leavers, ...(organisation ? { organisation } : {}), ...(submissionId ? { submissionId } : {}) },
        { aadObjectId: from?.aadObjectId ?? '', ...(from?.name ? { name: from.name } : {}), ...(await this.email(step)) },
      );
      const today = londonToday(clock());
      const anyFuture = leavers.some((leaver) => leaver.lastWorkingDay > today);
      await sayPlain(
        step.context,
        ...sentText(
          ticket.id,
          leavers.length,
          helpdeskTiming(this.services.helpdesk, (days) => expectedBy(calendar, clock(), days)),
          anyFuture,
        ),
      );
      return step.endDialog({ ticketId: ticket.id } satisfies LeaversResult);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      await sayPlain(step.context, error.message, SEND_FAILED);
      return step.endDialog();
    }
  }

  private async email(step: WaterfallStepContext): Promise<{ email?: string }> {
    try {
      const email = await this.services.memberEmail(step.context);
      return email ? { email } : {};
    } catch {
      return {};
    }
  }
}

function optionsOf(step: WaterfallStepContext): LeaversOptions {
  return (step.options ?? {}) as LeaversOptions;
}

function collected(step: WaterfallStepContext): CollectValues {
  return step.values as CollectValues;
}
