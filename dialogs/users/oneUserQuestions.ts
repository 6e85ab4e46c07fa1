/**
 * One member of staff: name → job title (a known title or alias: confirm the role; an unknown one: the nearest titles or
 * "keep what I typed", and the helpdesk decides) → registration body and number for clinical roles → work e-mail (refused
 * with the reason, or the appropriate-use confirmation; "no" asks for another address). Known answers are skipped, so
 * the same waterfall changes one detail of someone already listed.
 */
import {
  TextPrompt,
  WaterfallDialog,
  type Dialog,
  type DialogTurnResult,
  type FoundChoice,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { REGISTRATION_BODIES, registrationBodiesFor, registrationBodyName, type RegistrationBody } from '../../data/rules/registration.js';
import { roleForJobTitle, type JobTitleMatch } from '../../data/rules/jobTitleRoles.js';
import type { DialogServices } from '../dialogServices.js';
import { withRetryLimit } from '../input/answerCheck.js';
import { choiceAnswer } from '../input/choiceAnswer.js';
import { ButtonChoicePrompt } from '../input/choicePrompt.js';
import { choiceOptions } from '../input/choiceOptions.js';
import { plainMessage, sayPlain } from '../input/plainText.js';
import { textAnswer } from '../input/textAnswer.js';
import {
  newAccountEmailAnswer,
  registrationNumberAnswer,
  type AcceptedEmail,
  type EmailValidations,
  type RegistrationValidations,
} from './userAnswers.js';
import { toRequestedUser, type UserDraft } from './userDraft.js';
import type { UsersOrganisation } from './usersMessages.js';
import {
  ANOTHER_ADDRESS,
  ASK_CONFIRM_EMAIL,
  ASK_FIRST_NAME,
  ASK_NAME_AGAIN,
  ASK_NEXT_NAME,
  ASK_REGISTRATION_BODY,
  ASK_ROLE_RIGHT,
  ASK_WHICH_TITLE,
  askEmail,
  askJobTitle,
  askRegistrationNumber,
  CONFIRM_NO,
  CONFIRM_NO_TITLE,
  CONFIRM_YES,
  HELPDESK_DECIDES,
  KEEP_TYPED,
  KEEP_TYPED_EXPLAINED,
  KEEP_TYPED_TITLE,
  ROLE_NO,
  ROLE_NO_TITLE,
  ROLE_YES,
  roleFound,
  TYPE_TITLE_AGAIN,
} from './usersMessages.js';

/** The waterfall's id; begin it with OneUserOptions, it ends with the finished RequestedUser. */
export const ONE_USER_STEPS = 'oneUserSteps';

export interface OneUserOptions {
  draft: UserDraft;
  /** Addresses of the other people on the request: no one may share one. */
  otherEmails: string[];
  /** Which name question to ask: the first person, the next one, or someone already listed. */
  position: 'first' | 'next' | 'again';
  /** Whose staff: its shared mailboxes are refused. */
  organisation?: UsersOrganisation;
}

interface OneUserValues {
  draft: UserDraft;
  match?: JobTitleMatch;
  typedTitle?: string;
  bodies?: RegistrationBody[];
  email?: AcceptedEmail;
}

const NAME_PROMPT = 'userNamePrompt';
const TITLE_PROMPT = 'userTitlePrompt';
const REGISTRATION_PROMPT = 'userRegistrationPrompt';
const EMAIL_PROMPT = 'userEmailPrompt';
const CHOICE_PROMPT = 'userChoicePrompt';

const NAME_QUESTION: Readonly<Record<OneUserOptions['position'], string>> = {
  first: ASK_FIRST_NAME,
  next: ASK_NEXT_NAME,
  again: ASK_NAME_AGAIN,
};

/** The waterfall and its prompts, to add to the users dialog. */
export function oneUserDialogs(services: DialogServices): Dialog[] {
  const steps = new OneUserSteps();
  return [
    new TextPrompt(NAME_PROMPT, withRetryLimit(textAnswer({ what: "the person's full name" }))),
    new TextPrompt(TITLE_PROMPT, withRetryLimit(textAnswer({ what: "the person's job title" }))),
    new TextPrompt(REGISTRATION_PROMPT, withRetryLimit(registrationNumberAnswer())),
    new TextPrompt(EMAIL_PROMPT, withRetryLimit(newAccountEmailAnswer(services.store))),
    new ButtonChoicePrompt(CHOICE_PROMPT, withRetryLimit(choiceAnswer())),
    new WaterfallDialog(ONE_USER_STEPS, [
      steps.askNameStep,
      steps.askTitleStep,
      steps.resolveTitleStep,
      steps.settleTitleStep,
      steps.askRegistrationStep,
      steps.askEmailStep,
      steps.confirmEmailStep,
      steps.finishStep,
    ]),
  ];
}

class OneUserSteps {
  askNameStep = async (step: WaterfallStepContext): Promise<DialogTurnResult> => {
    const options = step.options as OneUserOptions;
    values(step).draft = { ...options.draft };
    if (options.draft.name) return step.next();
    return step.prompt(NAME_PROMPT, { prompt: plainMessage(NAME_QUESTION[options.position]) });
  };

  askTitleStep = async (step: WaterfallStepContext): Promise<DialogTurnResult> => {
    const draft = values(step).draft;
    draft.name ??= step.result as string;
    if (draft.jobTitle && draft.role !== undefined) return step.next();
    return step.prompt(TITLE_PROMPT, { prompt: plainMessage(askJobTitle(draft.name)) });
  };

  resolveTitleStep = async (step: WaterfallStepContext): Promise<DialogTurnResult> => {
    const state = values(step);
    if (state.draft.jobTitle && state.draft.role !== undefined) return step.next();
    state.typedTitle = step.result as string;
    const match = roleForJobTitle(state.typedTitle);
    state.match = match;
    if (match.kind === 'unknown') {
      await sayPlain(step.context, match.message);
      const choices = [
        ...match.suggestions,
        { value: KEEP_TYPED, title: KEEP_TYPED_TITLE },
        ...(match.suggestions.length === 0 ? [TYPE_TITLE_AGAIN] : []),
      ];
      return step.prompt(CHOICE_PROMPT, choiceOptions(`${ASK_WHICH_TITLE}\n${KEEP_TYPED_EXPLAINED}`, choices));
    }
    await sayPlain(step.context, roleFound(match.title, match.role, match.kind === 'alias' ? match.alias : undefined));
    return step.prompt(CHOICE_PROMPT, choiceOptions(ASK_ROLE_RIGHT, [ROLE_YES, { value: ROLE_NO, title: ROLE_NO_TITLE }]));
  };

  settleTitleStep = async (step: WaterfallStepContext): Promise<DialogTurnResult> => {
    const state = values(step);
    const { draft, match } = state;
    const answer = (step.result as FoundChoice | undefined)?.value;
    if (match && answer !== undefined) {
      if (answer === ROLE_NO || answer === TYPE_TITLE_AGAIN) return this.askAgain(step, { ...draft, jobTitle: undefined, role: undefined });
      if (answer === KEEP_TYPED) {
        Object.assign(draft, { jobTitle: state.typedTitle, role: null });
        await sayPlain(step.context, HELPDESK_DECIDES);
      } else if (match.kind !== 'unknown') {
        Object.assign(draft, { jobTitle: match.title, role: match.role });
      } else {
        const chosen = roleForJobTitle(answer);
        if (chosen.kind === 'unknown') return this.askAgain(step, { ...draft, jobTitle: undefined, role: undefined });
        Object.assign(draft, { jobTitle: chosen.title, role: chosen.role });
        await sayPlain(step.context, roleFound(chosen.title, chosen.role));
      }
    }
    if (draft.role !== 'Clinical' || draft.registration || draft.registrationBody) return step.next();
    const usual = draft.jobTitle ? registrationBodiesFor(draft.jobTitle) : [];
    const bodies = usual.length > 0 ? usual : [...REGISTRATION_BODIES];
    if (bodies.length === 1) {
      draft.registrationBody = bodies[0];
      return step.next();
    }
    state.bodies = bodies;
    return step.prompt(
      CHOICE_PROMPT,
      choiceOptions(`${ASK_REGISTRATION_BODY}\n${bodies.map(registrationBodyName).join('\n')}`, bodies.map(bodyChoice)),
    );
  };

  askRegistrationStep = async (step: WaterfallStepContext): Promise<DialogTurnResult> => {
    const state = values(step);
    const draft = state.draft;
    if (state.bodies && step.result) draft.registrationBody = state.bodies[(step.result as FoundChoice).index];
    if (draft.role !== 'Clinical' || draft.registration || !draft.registrationBody) return step.next();
    const body = draft.registrationBody;
    return step.prompt(REGISTRATION_PROMPT, {
      prompt: plainMessage(askRegistrationNumber(draft.name ?? 'this person', registrationBodyName(body))),
      validations: { body } satisfies RegistrationValidations,
    });
  };

  askEmailStep = async (step: WaterfallStepContext): Promise<DialogTurnResult> => {
    const draft = values(step).draft;
    if (draft.role === 'Clinical' && !draft.registration && draft.registrationBody && typeof step.result === 'string') {
      draft.registration = { body: draft.registrationBody, number: step.result };
    }
    if (draft.email) return step.next();
    const options = step.options as OneUserOptions;
    return step.prompt(EMAIL_PROMPT, {
      prompt: plainMessage(askEmail(draft.name ?? 'this person')),
      validations: { otherEmails: options.otherEmails, organisation: options.organisation } satisfies EmailValidations,
    });
  };

  confirmEmailStep = async (step: WaterfallStepContext): Promise<DialogTurnResult> => {
    const state = values(step);
    if (state.draft.email) return step.next();
    const accepted = step.result as AcceptedEmail;
    state.email = accepted;
    if (!accepted.confirmation) return step.next();
    await sayPlain(step.context, accepted.confirmation);
    return step.prompt(CHOICE_PROMPT, choiceOptions(ASK_CONFIRM_EMAIL, [CONFIRM_YES, { value: CONFIRM_NO, title: CONFIRM_NO_TITLE }]));
  };

  finishStep = async (step: WaterfallStepContext): Promise<DialogTurnResult> => {
    const state = values(step);
    const draft = state.draft;
    if (!draft.email && state.email) {
      const answer = (step.result as FoundChoice | undefined)?.value;
      if (state.email.confirmation && answer !== CONFIRM_YES) {
        await sayPlain(step.context, ANOTHER_ADDRESS);
        return this.askAgain(step, { ...draft, email: undefined, emailConfirmed: undefined, emailCheck: undefined });
      }
      draft.email = state.email.address;
      if (state.email.confirmation && state.email.domainConfirmation !== false) draft.emailConfirmed = true;
      if (state.email.helpdeskNote) draft.emailCheck = state.email.helpdeskNote;
    }
    delete draft.registrationBody;
    return step.endDialog(toRequestedUser(draft));
  };

  /** The same questions again from what is known (undefined fields are dropped, so they are asked). */
  private askAgain(step: WaterfallStepContext, draft: UserDraft): Promise<DialogTurnResult> {
    const known = JSON.parse(JSON.stringify(draft)) as UserDraft;
    return step.replaceDialog(ONE_USER_STEPS, { ...(step.options as OneUserOptions), draft: known } satisfies OneUserOptions);
  }
}

function values(step: WaterfallStepContext): OneUserValues {
  return step.values as OneUserValues;
}

/** A registration body as a button: its initials ("NMC"), or its name when it has none; the question lists the full names. */
function bodyChoice(body: RegistrationBody): { value: string; title: string } {
  const name = registrationBodyName(body);
  return { value: name, title: /\(([^()]+)\)$/.exec(name)?.[1] ?? name };
}
