/**
 * "Am I ready?": organisation type → ODS code (optional) → DSPT status (from the imported DSPT export when the code is
 * in it, else asked; an NHS type skips it only when the ODS directory's roles confirm that type) → where the organisation
 * is (source 001's non-London routes) → what the imported DPIA register says → the outcome and its next steps, and the
 * routes to NHSmail when the manager's own address could not be used.
 * Sends nothing to anyone; all state is in step values, so it resumes after a restart.
 */
import { TextPrompt, WaterfallDialog, type DialogTurnResult, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import {
  dsptRequiredFor,
  isOrganisationType,
  ORGANISATION_TYPES,
  typeConfirmed,
  type OrganisationType,
} from '../../data/rules/organisationTypes.js';
import type { OrganisationLocation } from '../../data/rules/eligibility.js';
import { contactSentence } from '../../data/rules/helpdesk.js';
import { londonToday } from '../../data/rules/londonTime.js';
import { normaliseOdsCode } from '../../data/rules/ods.js';
import { icsName } from '../../cards/cardText.js';
import { directoryFacts } from '../accessRequest/organisationDraft.js';
import { dpiaEntriesFor } from '../../data/rules/dpia.js';
import { ASK_LOCATION, dpiaFound, dpiaNotFound, LOCATION_CHOICES } from '../accessRequest/accessMessages.js';
import { CancelAndHelpDialog } from '../base/cancelAndHelpDialog.js';
import { READINESS_DIALOG_ID } from '../base/dialogIds.js';
import type { DialogServices } from '../dialogServices.js';
import { withRetryLimit } from '../input/answerCheck.js';
import { choiceAnswer } from '../input/choiceAnswer.js';
import { ButtonChoicePrompt } from '../input/choicePrompt.js';
import { choiceOptions } from '../input/choiceOptions.js';
import { ORGANISATION_TYPE_CHOICES, ORGANISATION_TYPES_EXPLAINED } from '../input/organisationTypeChoices.js';
import { odsCodeAnswer, type OdsCodeAnswer } from '../input/odsCodeAnswer.js';
import { plainMessage, sayPlain } from '../input/plainText.js';
import { DSPT_BUTTONS, DSPT_EXPLAINED, findPublishedStatus, fromChoice, fromExport, type DsptFinding } from './dsptAnswers.js';
import { managerEmailRefusal } from './managerEmail.js';
import { nhsmailAdvice } from './nhsmailRoutes.js';
import {
  ASK_DSPT_STATUS,
  ASK_ODS_CODE,
  DSPT_CHECK_AGAIN,
  ASK_ORGANISATION_TYPE,
  foundInExport,
  NEXT_STEP,
  NHS_NO_DSPT,
  NO_ODS_CODE,
  NOT_IN_EXPORT,
  READINESS_HELP,
  typeNotConfirmed,
} from './readinessMessages.js';
import { readinessOutcome } from './readinessOutcome.js';

/** Begin options: what the caller already knows (each is then not asked). */
export interface ReadinessOptions {
  organisationType?: OrganisationType;
  /** null: the manager already said they don't know it. */
  odsCode?: string | null;
  location?: OrganisationLocation;
}

/** What the dialog returns: the eligibility outcome, for a caller that wants to carry on. */
export interface ReadinessResult {
  decision: string;
  organisationType: OrganisationType;
  odsCode: string | null;
}

interface ReadinessValues {
  organisationType?: OrganisationType;
  odsCode?: string | null;
  /** The ODS directory's roles gave the type chosen: only then does an NHS type skip the DSPT. */
  typeConfirmedByDirectory?: boolean;
  dspt?: DsptFinding;
  location?: OrganisationLocation;
}

const STEPS = 'readinessSteps';
const TYPE_PROMPT = 'readinessTypePrompt';
const ODS_PROMPT = 'readinessOdsPrompt';
const DSPT_PROMPT = 'readinessDsptPrompt';
const LOCATION_PROMPT = 'readinessLocationPrompt';

/** Started from the menu, the "Check readiness" command or another conversation. */
export class ReadinessDialog extends CancelAndHelpDialog {
  constructor(private readonly services: DialogServices) {
    super(READINESS_DIALOG_ID, services.helpdesk);
    this.addDialog(new ButtonChoicePrompt(TYPE_PROMPT, withRetryLimit(choiceAnswer())));
    this.addDialog(new TextPrompt(ODS_PROMPT, withRetryLimit(odsCodeAnswer({ allowUnknown: true }))));
    this.addDialog(new ButtonChoicePrompt(DSPT_PROMPT, withRetryLimit(choiceAnswer())));
    this.addDialog(new ButtonChoicePrompt(LOCATION_PROMPT, withRetryLimit(choiceAnswer())));
    this.addDialog(
      new WaterfallDialog(STEPS, [
        this.askOrganisationTypeStep.bind(this),
        this.askOdsCodeStep.bind(this),
        this.askDsptStatusStep.bind(this),
        this.askLocationStep.bind(this),
        this.showOutcomeStep.bind(this),
      ]),
    );
    this.initialDialogId = STEPS;
  }

  protected override helpText(): string {
    return READINESS_HELP;
  }

  private async askOrganisationTypeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const known = (step.options as ReadinessOptions | undefined)?.organisationType;
    if (isOrganisationType(known)) {
      values(step).organisationType = known;
      return step.next();
    }
    return step.prompt(TYPE_PROMPT, choiceOptions(`${ASK_ORGANISATION_TYPE}\n${ORGANISATION_TYPES_EXPLAINED}`, ORGANISATION_TYPE_CHOICES));
  }

  private async askOdsCodeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = values(step);
    state.organisationType ??= ORGANISATION_TYPES[(step.result as FoundChoice).index];
    const known = (step.options as ReadinessOptions | undefined)?.odsCode;
    if (known !== undefined) {
      state.odsCode = known === null ? null : normaliseOdsCode(known);
      return step.next();
    }
    return step.prompt(ODS_PROMPT, { prompt: plainMessage(ASK_ODS_CODE) });
  }

  private async askDsptStatusStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = values(step);
    if (state.odsCode === undefined) state.odsCode = (step.result as OdsCodeAnswer)?.code ?? null;
    const type = state.organisationType ?? 'careHome';
    const code = state.odsCode;
    if (!dsptRequiredFor(type)) {
      state.typeConfirmedByDirectory = await this.directoryConfirms(type, code);
      if (state.typeConfirmedByDirectory) {
        state.dspt = { parsed: undefined, source: 'notAsked' };
        await sayPlain(step.context, NHS_NO_DSPT);
        return step.next();
      }
      await sayPlain(step.context, typeNotConfirmed(type, code));
    }
    if (code) {
      const record = findPublishedStatus(await this.services.store.reference.dsptStatusesFor(code), code);
      if (record) {
        state.dspt = fromExport(record, londonToday(this.services.clock()));
        await sayPlain(step.context, foundInExport(record));
        return step.next();
      }
    }
    return step.prompt(
      DSPT_PROMPT,
      choiceOptions(`${code ? NOT_IN_EXPORT(code) : NO_ODS_CODE}\n${ASK_DSPT_STATUS}\n${DSPT_EXPLAINED}`, DSPT_BUTTONS),
    );
  }

  /** Source 001 gives organisations outside London their own routes, so where it is changes the answer. */
  private async askLocationStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = values(step);
    state.dspt ??= fromChoice((step.result as FoundChoice).value);
    const known = (step.options as ReadinessOptions | undefined)?.location;
    if (known !== undefined) {
      state.location = known;
      return step.next();
    }
    return step.prompt(LOCATION_PROMPT, choiceOptions(ASK_LOCATION, LOCATION_CHOICES));
  }

  private async showOutcomeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = values(step);
    state.location ??= LOCATION_CHOICES[(step.result as FoundChoice).index].location;
    const type = state.organisationType ?? 'careHome';
    const code = state.odsCode ?? null;
    const dspt = state.dspt ?? { parsed: undefined, source: 'notAsked' };
    const { store, clock } = this.services;
    // The imported register is the DPIA the helpdesk checks (source 001): say what it holds, not just a verdict.
    const icsCodes = code === null ? [] : dpiaEntriesFor(await store.reference.dpiaRegister(), code).map((entry) => entry.icbCode);
    if (code !== null) {
      const names = [...new Set(icsCodes.map(icsName))];
      await sayPlain(step.context, names.length > 0 ? dpiaFound(code, names.join(' and ')) : dpiaNotFound(code));
    }
    const namedInDpia = code === null ? undefined : icsCodes.length > 0;
    const outcome = readinessOutcome({
      organisationType: type,
      typeConfirmedByDirectory: state.typeConfirmedByDirectory === true,
      odsCode: code,
      dspt,
      namedInDpia,
      location: state.location,
      today: londonToday(clock()),
    });
    // Source 001 to an organisation outside London needing its own DPIA: "Please contact the UCP for further information".
    const mayNeedOwnDpia = outcome.decision.decision === 'needsOwnDpia' || (state.location === 'outside' && namedInDpia === undefined);
    await sayPlain(step.context, outcome.headline, ...outcome.lines, ...(mayNeedOwnDpia ? [contactSentence(this.services.helpdesk)] : []));

    const refusal = managerEmailRefusal(await this.memberEmail(step), await store.reference.accreditedDomains());
    if (refusal) await sayPlain(step.context, ...nhsmailAdvice(type, refusal, dspt.parsed));
    if (outcome.decision.decision === 'eligible' || outcome.decision.decision === 'needsIcsApproval')
      await sayPlain(step.context, NEXT_STEP);
    if (outcome.decision.decision === 'needsDsptFirst') await sayPlain(step.context, DSPT_CHECK_AGAIN);
    return step.endDialog({ decision: outcome.decision.decision, organisationType: type, odsCode: code } satisfies ReadinessResult);
  }

  /** Whether the ODS directory's roles give the NHS type chosen; no code, not found or not reachable cannot confirm it. */
  private async directoryConfirms(type: OrganisationType, code: string | null | undefined): Promise<boolean> {
    if (!code) return false;
    const found = await this.services.ods.lookup(code);
    if (found.status !== 'found') return false;
    return typeConfirmed(type, directoryFacts(found.organisation).suggestedType);
  }

  /** The manager's address, or undefined when Teams cannot tell us: the NHSmail advice is a help, never a reason to fail. */
  private async memberEmail(step: WaterfallStepContext): Promise<string | undefined> {
    try {
      return await this.services.memberEmail(step.context);
    } catch {
      return undefined;
    }
  }
}

function values(step: WaterfallStepContext): ReadinessValues {
  return step.values as ReadinessValues;
}
