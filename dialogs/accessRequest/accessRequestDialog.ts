/**
 * Access to the Universal Care Plan (UCP) for an organisation and its staff (and, as AddUsersDialog, more staff for an
 * organisation that already has it): the organisation (identityQuestions.ts), the checks and how it connects
 * (checkQuestions.ts), the staff (the users dialog), then a summary card to submit, change or cancel. Submitting creates
 * the ticket through the workflow, and the manager is told what happens next and roughly when, in working days.
 * Everything collected travels in the options of each replaceDialog and in step values, so a restart resumes.
 */
import { randomUUID } from 'node:crypto';
import { TextPrompt, WaterfallDialog, type DialogTurnResult, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { AccessSummaryAction } from '../../cards/accessSummaryCard.js';
import { buildAccessSummaryCard } from '../../cards/accessSummaryCard.js';
import type { RequestedUser } from '../../data/model.js';
import { CancelAndHelpDialog } from '../base/cancelAndHelpDialog.js';
import { CANCELLED } from '../base/baseMessages.js';
import { ACCESS_REQUEST_DIALOG_ID } from '../base/dialogIds.js';
import type { DialogServices } from '../dialogServices.js';
import { withRetryLimit } from '../input/answerCheck.js';
import { choiceAnswer } from '../input/choiceAnswer.js';
import { ButtonChoicePrompt } from '../input/choicePrompt.js';
import { choiceOptions } from '../input/choiceOptions.js';
import { plainMessage, sayPlain } from '../input/plainText.js';
import { USERS_DIALOG_ID, UsersDialog, type UsersOptions, type UsersResult } from '../users/usersDialog.js';
import {
  ACCESS_HELP,
  ACCESS_INTRO,
  ADD_USERS_CHECKED,
  ADD_USERS_HELP,
  ADD_USERS_RECHECK,
  ASK_SAME_ORGANISATION,
  ADD_USERS_INTRO,
  ASK_WHAT_TO_CHANGE,
  PREVIOUS_NO_TITLE,
  SECTIONS_EXPLAINED,
  previousOrganisation as askPrevious,
  PREVIOUS_NO,
  PREVIOUS_YES,
  RECHECK_AS_NEW,
  SUMMARY_QUESTION,
} from './accessMessages.js';
import { summaryAnswer, type SummaryValidations } from './accessAnswers.js';
import { checkDialogs, CHECK_STEPS, type ChecksResult } from './checkQuestions.js';
import { identityDialogs, IDENTITY_STEPS, type IdentityOptions, type IdentityResult } from './identityQuestions.js';
import {
  clearSection,
  ORGANISATION_SECTIONS,
  SECTION_BUTTONS,
  SECTION_TITLES,
  type OrganisationDraft,
  type OrganisationSection,
} from './organisationDraft.js';
import { draftFromEarlier, previousOrganisation, type EarlierOrganisation } from './previousOrganisation.js';
import { recheck, requestInput, requestSummary, type RequestKind } from './requestSummary.js';
import { submitRequest } from './submitRequest.js';

/** Begin options: what is already known (a resumed or changed request); empty for a new one. */
export interface AccessRequestOptions {
  draft?: OrganisationDraft;
  identityDone?: boolean;
  checksDone?: boolean;
  users?: RequestedUser[];
  usersDone?: boolean;
  /** The earlier organisation has been offered (add staff), whatever the answer. */
  previousOffered?: boolean;
  /**
   * Add staff: the organisation is the one of the manager's finished access request, unchanged. Its checks run again (source
   * 001 user onboarding: "Check organisation is already listed in the ICS Better Onboarding DPIA"), and it is sent as
   * 'addUsers' only while it still passes them on the imported lists (requestSummary.ts requestInput).
   */
  onboarded?: boolean;
}

const STEPS = 'accessRequestSteps';
const SUMMARY_PROMPT = 'accessSummaryPrompt';
const CHOICE_PROMPT = 'accessChoicePrompt';
/** Only the organisation's identity and place can be changed when adding staff to an onboarded organisation; its checks are re-run, not re-asked. */
const ADD_USERS_SECTIONS: readonly OrganisationSection[] = ['odsCode', 'nameAndPostcode', 'place'];

/** Started by the main dialog for "Request access" (id 'accessRequestDialog'). */
export class AccessRequestDialog extends CancelAndHelpDialog {
  constructor(
    private readonly services: DialogServices,
    id = ACCESS_REQUEST_DIALOG_ID,
    private readonly kind: RequestKind = 'organisationAccess',
  ) {
    super(id, services.helpdesk);
    for (const dialog of [...identityDialogs(services), ...checkDialogs(services)]) this.addDialog(dialog);
    this.addDialog(new UsersDialog(services));
    this.addDialog(new TextPrompt(SUMMARY_PROMPT, withRetryLimit(summaryAnswer())));
    this.addDialog(new ButtonChoicePrompt(CHOICE_PROMPT, withRetryLimit(choiceAnswer())));
    this.addDialog(
      new WaterfallDialog(STEPS, [
        this.introStep.bind(this),
        this.organisationStep.bind(this),
        this.checksStep.bind(this),
        this.usersStep.bind(this),
        this.summaryStep.bind(this),
        this.actStep.bind(this),
        this.changeStep.bind(this),
      ]),
    );
    this.initialDialogId = STEPS;
  }

  protected override helpText(): string {
    return this.kind === 'addUsers' ? ADD_USERS_HELP : ACCESS_HELP;
  }

  /** A new request is introduced; adding staff offers the organisation of the manager's earlier request. */
  private async introStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = { ...((step.options ?? {}) as AccessRequestOptions) };
    values(step).current = options;
    const fresh = !options.draft && !options.previousOffered;
    if (!fresh) return step.next();
    await sayPlain(step.context, this.kind === 'addUsers' ? ADD_USERS_INTRO : ACCESS_INTRO);
    if (this.kind !== 'addUsers') return step.next();
    const earlier = await previousOrganisation(this.services.store, step.context.activity.from?.aadObjectId);
    if (!earlier) return step.next();
    options.previousOffered = true;
    values(step).earlier = earlier;
    // The name may be as a manager typed it: it goes in a plain message, never in the choice card's text.
    await sayPlain(step.context, askPrevious(earlier.organisation.name, earlier.organisation.odsCode));
    return step.prompt(
      CHOICE_PROMPT,
      choiceOptions(ASK_SAME_ORGANISATION, [PREVIOUS_YES, { value: PREVIOUS_NO, title: PREVIOUS_NO_TITLE }]),
    );
  }

  private async organisationStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const current = currentOf(step);
    const earlier = values(step).earlier;
    if (earlier && (step.result as FoundChoice | undefined)?.value === PREVIOUS_YES) {
      Object.assign(current, { draft: await draftFromEarlier(earlier, this.services.ods), identityDone: true, onboarded: true });
    }
    if (current.identityDone) return step.next();
    return step.beginDialog(IDENTITY_STEPS, { draft: current.draft ?? {}, kind: this.kind } satisfies IdentityOptions);
  }

  private async checksStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const current = currentOf(step);
    const identity = step.result as IdentityResult | undefined;
    if (identity?.stopped) return step.endDialog();
    if (identity?.draft)
      Object.assign(current, { draft: identity.draft, identityDone: true, ...(identity.onboarded ? { onboarded: true } : {}) });
    if (current.checksDone) return step.next();
    if (this.kind === 'addUsers' && !current.usersDone)
      await sayPlain(step.context, current.onboarded ? ADD_USERS_RECHECK : ADD_USERS_CHECKED);
    return step.beginDialog(CHECK_STEPS, { draft: current.draft ?? {} });
  }

  private async usersStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const current = currentOf(step);
    const checks = step.result as ChecksResult | undefined;
    if (checks?.stopped) return step.endDialog();
    if (checks?.draft) {
      Object.assign(current, { draft: checks.draft, checksDone: true });
      if (this.kind === 'addUsers' && current.onboarded && !(await recheck(this.services, checks.draft))?.stillOnboarded) {
        await sayPlain(step.context, RECHECK_AS_NEW);
      }
    }
    if (current.usersDone && current.users?.length) return step.next();
    // The organisation goes with the staff, so an address carrying its name or ODS code is seen as its shared mailbox.
    const draft = current.draft ?? {};
    const organisation = { name: draft.name ?? draft.directory?.name, odsCode: draft.odsCode, type: draft.organisationType };
    return step.beginDialog(USERS_DIALOG_ID, { users: current.users ?? [], organisation } satisfies UsersOptions);
  }

  /** The summary card, and a prompt that takes its buttons (or the same words typed). */
  private async summaryStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const current = currentOf(step);
    const chosen = step.result as UsersResult | undefined;
    if (chosen?.users) Object.assign(current, { users: chosen.users, usersDone: true });
    const input = await requestInput(this.services, this.requestKind(current), current.draft ?? {}, current.users ?? []);
    if (!input) return step.replaceDialog(STEPS, { ...current, identityDone: false, checksDone: false } satisfies AccessRequestOptions);
    const summaryId = randomUUID();
    values(step).summaryId = summaryId;
    const card = buildAccessSummaryCard({ ...requestSummary(this.services, input, current.draft ?? {}), summaryId });
    return step.prompt(SUMMARY_PROMPT, {
      prompt: {
        ...plainMessage(SUMMARY_QUESTION),
        attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
      },
      validations: { summaryId } satisfies SummaryValidations,
    });
  }

  private async actStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const current = currentOf(step);
    const action = step.result as AccessSummaryAction;
    switch (action) {
      case 'submit': {
        const input = await requestInput(this.services, this.requestKind(current), current.draft ?? {}, current.users ?? []);
        const summaryId = values(step).summaryId;
        const sent =
          input && summaryId ? await submitRequest(step.context, this.services, { ...input, submissionId: summaryId }) : undefined;
        if (!sent) return step.replaceDialog(STEPS, current);
        return step.endDialog(sent);
      }
      case 'changeUsers':
        return step.replaceDialog(STEPS, { ...current, usersDone: false } satisfies AccessRequestOptions);
      case 'cancel':
        await sayPlain(step.context, CANCELLED);
        return step.cancelAllDialogs(true);
      case 'changeOrganisation':
        return step.prompt(
          CHOICE_PROMPT,
          choiceOptions(
            `${ASK_WHAT_TO_CHANGE}\n${SECTIONS_EXPLAINED}`,
            this.sections(current).map((s) => ({ value: SECTION_TITLES[s], title: SECTION_BUTTONS[s] })),
          ),
        );
    }
  }

  /**
   * The part to change is cleared and asked again; the checks are worked out again, since place and type decide them.
   * A changed organisation is no longer the onboarded one, so adding staff to it is checked like a new request.
   */
  private async changeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const current = currentOf(step);
    const section = this.sections(current)[(step.result as FoundChoice).index];
    return step.replaceDialog(STEPS, {
      ...current,
      draft: clearSection(current.draft ?? {}, section),
      identityDone: false,
      checksDone: false,
      onboarded: false,
    } satisfies AccessRequestOptions);
  }

  /** The parts of the organisation the manager may change. */
  private sections(current: AccessRequestOptions): readonly OrganisationSection[] {
    return this.kind === 'addUsers' && current.onboarded ? ADD_USERS_SECTIONS : ORGANISATION_SECTIONS;
  }

  /**
   * What the ticket is: staff for an organisation that is not (yet) onboarded go with a request for the organisation,
   * so the workflow routes it to the ICS lead when its DPIA does not name it and the helpdesk makes every organisation check.
   */
  private requestKind(current: AccessRequestOptions): RequestKind {
    return this.kind === 'addUsers' && !current.onboarded ? 'organisationAccess' : this.kind;
  }
}

interface StepValues {
  current: AccessRequestOptions;
  earlier?: EarlierOrganisation;
  /** The summary card last shown: its Submit is one submission, whichever turn carries it. */
  summaryId?: string;
}

function values(step: WaterfallStepContext): StepValues {
  return step.values as StepValues;
}

function currentOf(step: WaterfallStepContext): AccessRequestOptions {
  return values(step).current;
}
