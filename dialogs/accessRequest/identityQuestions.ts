/**
 * Which organisation, and where: ODS code (format, then the NHS directory: found → confirm name and postcode; not found →
 * asked again at most twice, then the manager may carry on unverified; unreachable → carry on, verified later), name and
 * postcode when not confirmed, where it is (London / commissioned for Londoners / outside London for a London patient),
 * and the borough (or ICS) that decides which ICS lead approves. Every question is skipped once its answer is in the draft.
 */
import {
  TextPrompt,
  WaterfallDialog,
  type Dialog,
  type DialogTurnResult,
  type FoundChoice,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { findIcs, icsByCode, icsForBorough, listIcs } from '../../data/rules/ics.js';
import type { DialogServices } from '../dialogServices.js';
import { MAX_REASKS, withRetryLimit } from '../input/answerCheck.js';
import { choiceAnswer } from '../input/choiceAnswer.js';
import { ButtonChoicePrompt } from '../input/choicePrompt.js';
import { choiceOptions } from '../input/choiceOptions.js';
import { odsCodeAnswer, type OdsCodeAnswer } from '../input/odsCodeAnswer.js';
import { plainMessage, sayPlain } from '../input/plainText.js';
import { textAnswer } from '../input/textAnswer.js';
import {
  ASK_CARRY_ON,
  ASK_DIRECTORY_RIGHT,
  CARRY_ON_TITLE,
  ASK_LOCATION,
  ASK_NAME,
  ASK_ODS_CODE,
  ASK_POSTCODE,
  ASK_WHICH_BOROUGH,
  ASK_WHICH_ICS,
  askBorough,
  boroughIsIn,
  boroughNotFound,
  CARRY_ON,
  COMMISSIONED_EXPLAINED,
  DIRECTORY_NO,
  DIRECTORY_YES,
  directoryFound,
  directoryIcsHint,
  LOCATION_CHOICES,
  NONE_OF_THESE,
  ODS_UNAVAILABLE,
  NOT_YET,
  NOT_YET_END,
  odsNotFound,
  odsStillNotFound,
  OUTSIDE_EXPLAINED,
  TYPE_ANOTHER_CODE,
  usingDirectoryIcs,
} from './accessMessages.js';
import { postcodeAnswer } from './accessAnswers.js';
import { nearestBoroughs } from './nearestBoroughs.js';
import { directoryFacts, settleDirectoryCheck, type OrganisationDraft } from './organisationDraft.js';
import { earlyDsptStop, findExistingRequest } from './knownOrganisation.js';
import { sayExisting } from './existingRequestMessages.js';
import { identityResult, values, type IdentityOptions, type IdentityResult } from './identityState.js';
import { londonToday } from '../../data/rules/londonTime.js';
import { foundInExport } from '../readiness/readinessMessages.js';

/** The waterfall's id; begin it with IdentityOptions, it ends with an IdentityResult. */
export const IDENTITY_STEPS = 'accessIdentitySteps';

export type { IdentityOptions, IdentityResult } from './identityState.js';

const ODS_PROMPT = 'accessOdsPrompt';
const NAME_PROMPT = 'accessNamePrompt';
const POSTCODE_PROMPT = 'accessPostcodePrompt';
const BOROUGH_PROMPT = 'accessBoroughPrompt';
const CHOICE_PROMPT = 'accessIdentityChoicePrompt';

/** The waterfall and its prompts that ask which organisation, to add to the component. */
export function identityDialogs(services: DialogServices): Dialog[] {
  const steps = new IdentitySteps(services);
  return [
    new TextPrompt(ODS_PROMPT, withRetryLimit(odsCodeAnswer())),
    new TextPrompt(NAME_PROMPT, withRetryLimit(textAnswer({ what: "your organisation's name" }))),
    new TextPrompt(POSTCODE_PROMPT, withRetryLimit(postcodeAnswer())),
    new TextPrompt(BOROUGH_PROMPT, withRetryLimit(textAnswer({ what: 'the London borough' }))),
    new ButtonChoicePrompt(CHOICE_PROMPT, withRetryLimit(choiceAnswer())),
    new WaterfallDialog(IDENTITY_STEPS, [
      steps.askOdsCodeStep,
      steps.lookUpStep,
      steps.afterLookUpStep,
      steps.askNameStep,
      steps.askPostcodeStep,
      steps.askLocationStep,
      steps.askBoroughStep,
      steps.resolveBoroughStep,
      steps.afterBoroughChoiceStep,
    ]),
  ];
}

/** The steps; they hold only the services, never conversation state (that is in options and step values). */
class IdentitySteps {
  constructor(private readonly services: DialogServices) {}

  askOdsCodeStep = async (step: WaterfallStepContext): Promise<DialogTurnResult> => {
    const options = step.options as IdentityOptions;
    const state = values(step);
    state.draft = { ...options.draft };
    state.onboarded = options.onboarded;
    if (state.draft.odsCode) return step.next();
    return step.prompt(ODS_PROMPT, { prompt: plainMessage(ASK_ODS_CODE) });
  };

  lookUpStep = async (step: WaterfallStepContext): Promise<DialogTurnResult> => {
    const state = values(step);
    const draft = state.draft;
    const options = step.options as IdentityOptions;
    // Checked again when the code is already known (a part changed from the summary): a request may have been opened since.
    const code = draft.odsCode ?? (step.result as NonNullable<OdsCodeAnswer>).code;
    const existing = await findExistingRequest(this.services.store, code, step.context.activity.from?.aadObjectId);
    if (existing && (existing.open || options.kind !== 'addUsers')) {
      await sayExisting(step, code, existing, options.kind ?? 'organisationAccess', this.services.clock());
      return step.endDialog({ draft, stopped: true } satisfies IdentityResult);
    }
    if (existing) state.onboarded = true;
    if (draft.odsCode) return step.next();
    const found = await this.services.ods.lookup(code);
    const dsptStop = earlyDsptStop(
      await this.services.store.reference.dsptStatusesFor(code),
      code,
      found.status === 'found' ? directoryFacts(found.organisation).suggestedType : undefined,
      londonToday(this.services.clock()),
    );
    if (dsptStop) {
      await sayPlain(step.context, foundInExport(dsptStop.record));
      await sayPlain(step.context, dsptStop.reason);
      await sayPlain(step.context, NOT_YET, ...dsptStop.nextSteps.map((line) => `- ${line}`));
      await sayPlain(step.context, NOT_YET_END);
      return step.endDialog({ draft, stopped: true } satisfies IdentityResult);
    }
    if (found.status === 'unavailable') {
      Object.assign(draft, { odsCode: code, odsCheck: 'unavailable' });
      await sayPlain(step.context, ODS_UNAVAILABLE);
      return step.next();
    }
    if (found.status === 'notFound') {
      const misses = (options.odsMisses ?? 0) + 1;
      if (misses <= MAX_REASKS) {
        await sayPlain(step.context, odsNotFound(code));
        return step.replaceDialog(IDENTITY_STEPS, { ...options, odsMisses: misses } satisfies IdentityOptions);
      }
      state.pendingCode = code;
      state.awaiting = 'carryOn';
      await sayPlain(step.context, odsStillNotFound(code));
      return step.prompt(CHOICE_PROMPT, choiceOptions(ASK_CARRY_ON, [{ value: CARRY_ON, title: CARRY_ON_TITLE }, TYPE_ANOTHER_CODE]));
    }
    const org = found.organisation;
    Object.assign(draft, { odsCode: code, odsCheck: 'found', directory: directoryFacts(org) } satisfies OrganisationDraft);
    state.awaiting = 'directoryRight';
    await sayPlain(step.context, directoryFound(code, org.name, org.postcode, org.active));
    return step.prompt(CHOICE_PROMPT, choiceOptions(ASK_DIRECTORY_RIGHT, [DIRECTORY_YES, DIRECTORY_NO]));
  };

  afterLookUpStep = async (step: WaterfallStepContext): Promise<DialogTurnResult> => {
    const state = values(step);
    const answer = (step.result as FoundChoice | undefined)?.value;
    if (state.awaiting === 'carryOn') {
      if (answer === TYPE_ANOTHER_CODE) {
        // One more unknown code and the manager is offered to carry on again, rather than asked twice more.
        return step.replaceDialog(IDENTITY_STEPS, {
          ...(step.options as IdentityOptions),
          odsMisses: MAX_REASKS,
        } satisfies IdentityOptions);
      }
      Object.assign(state.draft, { odsCode: state.pendingCode, odsCheck: 'notFound' });
    }
    if (state.awaiting === 'directoryRight' && answer === DIRECTORY_YES && state.draft.directory) {
      state.draft.name = state.draft.directory.name;
      state.draft.postcode = state.draft.directory.postcode ?? '';
    }
    state.awaiting = undefined;
    return step.next();
  };

  askNameStep = async (step: WaterfallStepContext): Promise<DialogTurnResult> => {
    if (values(step).draft.name) return step.next();
    return step.prompt(NAME_PROMPT, { prompt: plainMessage(ASK_NAME) });
  };

  askPostcodeStep = async (step: WaterfallStepContext): Promise<DialogTurnResult> => {
    const draft = values(step).draft;
    if (!draft.name) draft.name = step.result as string;
    if (draft.postcode !== undefined) return step.next();
    return step.prompt(POSTCODE_PROMPT, { prompt: plainMessage(ASK_POSTCODE) });
  };

  askLocationStep = async (step: WaterfallStepContext): Promise<DialogTurnResult> => {
    const draft = values(step).draft;
    if (draft.postcode === undefined) draft.postcode = step.result as string;
    // "No, let me type them", or a name changed from the summary: details the directory does not give are not verified.
    settleDirectoryCheck(draft);
    if (draft.location) return step.next();
    const linked = draft.directory?.icbCode ? icsByCode(draft.directory.icbCode) : undefined;
    const question = linked ? `${directoryIcsHint(linked.name)} ${ASK_LOCATION}` : ASK_LOCATION;
    return step.prompt(CHOICE_PROMPT, choiceOptions(question, LOCATION_CHOICES));
  };

  askBoroughStep = async (step: WaterfallStepContext): Promise<DialogTurnResult> => {
    const draft = values(step).draft;
    if (!draft.location) {
      draft.location = LOCATION_CHOICES[(step.result as FoundChoice).index].location;
      if (draft.location === 'commissioned') await sayPlain(step.context, COMMISSIONED_EXPLAINED);
      if (draft.location === 'outside') await sayPlain(step.context, OUTSIDE_EXPLAINED);
    }
    if (draft.icbCode) return step.next();
    return step.prompt(BOROUGH_PROMPT, { prompt: plainMessage(askBorough(draft.location)) });
  };

  resolveBoroughStep = async (step: WaterfallStepContext): Promise<DialogTurnResult> => {
    const state = values(step);
    const draft = state.draft;
    if (draft.icbCode) return step.next();
    const typed = step.result as string;
    const match = icsForBorough(typed);
    if (match) {
      Object.assign(draft, { borough: match.borough, icbCode: match.ics.icbCode });
      await sayPlain(step.context, boroughIsIn(match.borough, match.ics.name));
      return step.next();
    }
    const ics = findIcs(typed);
    if (ics) {
      draft.icbCode = ics.icbCode;
      await sayPlain(step.context, boroughIsIn(undefined, ics.name));
      return step.next();
    }
    const suggestions = nearestBoroughs(typed);
    if (suggestions.length > 0) {
      state.awaiting = 'boroughChoice';
      await sayPlain(step.context, boroughNotFound(typed));
      return step.prompt(CHOICE_PROMPT, choiceOptions(ASK_WHICH_BOROUGH, [...suggestions, NONE_OF_THESE]));
    }
    await sayPlain(step.context, boroughNotFound(typed));
    return this.boroughMissed(step);
  };

  afterBoroughChoiceStep = async (step: WaterfallStepContext): Promise<DialogTurnResult> => {
    const state = values(step);
    const draft = state.draft;
    const choice = step.result as FoundChoice | undefined;
    if (state.awaiting === 'boroughChoice' && choice) {
      const match = choice.value === NONE_OF_THESE ? undefined : icsForBorough(choice.value);
      if (!match) return this.boroughMissed(step);
      Object.assign(draft, { borough: match.borough, icbCode: match.ics.icbCode });
      await sayPlain(step.context, boroughIsIn(match.borough, match.ics.name));
    }
    if (state.awaiting === 'icsChoice' && choice) {
      const ics = listIcs()[choice.index];
      draft.icbCode = ics.icbCode;
      await sayPlain(step.context, boroughIsIn(undefined, ics.name));
    }
    return step.endDialog(identityResult(state));
  };

  /** A borough not recognised: asked again at most twice, then the ICS the directory gave, or a choice of London's ICSs. */
  private async boroughMissed(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as IdentityOptions;
    const state = values(step);
    const misses = (options.boroughMisses ?? 0) + 1;
    if (misses <= MAX_REASKS) {
      return step.replaceDialog(IDENTITY_STEPS, {
        ...options,
        draft: state.draft,
        boroughMisses: misses,
        onboarded: state.onboarded,
      } satisfies IdentityOptions);
    }
    const linked =
      state.draft.location === 'london' && state.draft.directory?.icbCode ? icsByCode(state.draft.directory.icbCode) : undefined;
    if (linked) {
      state.draft.icbCode = linked.icbCode;
      await sayPlain(step.context, usingDirectoryIcs(linked.name));
      return step.endDialog(identityResult(state));
    }
    state.awaiting = 'icsChoice';
    return step.prompt(
      CHOICE_PROMPT,
      choiceOptions(
        ASK_WHICH_ICS,
        listIcs().map((ics) => ics.name),
      ),
    );
  }
}
