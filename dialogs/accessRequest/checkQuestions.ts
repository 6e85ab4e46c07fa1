/**
 * May the organisation have access, and how will it connect: organisation type, the DPIA register (imported, by ODS
 * code), the DSPT status (the imported export, else asked; an NHS type skips it only when the ODS directory confirmed it), the eligibility decision with its reasons (Approaching
 * Standards and the like stop here kindly: no ticket), then HSCN or internet and record system or web portal.
 * Questions already answered in the draft are skipped; the decision is worked out and said every time.
 */
import { WaterfallDialog, type Dialog, type DialogTurnResult, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import { decideEligibility } from '../../data/rules/eligibility.js';
import { icsByCode } from '../../data/rules/ics.js';
import { londonToday } from '../../data/rules/londonTime.js';
import {
  dsptAsked,
  dsptRequiredFor,
  ORGANISATION_TYPE_LABELS,
  ORGANISATION_TYPES,
  typeConfirmed,
} from '../../data/rules/organisationTypes.js';
import type { DsptRecord } from '../../data/model.js';
import type { DialogServices } from '../dialogServices.js';
import { withRetryLimit } from '../input/answerCheck.js';
import { choiceAnswer } from '../input/choiceAnswer.js';
import { ButtonChoicePrompt } from '../input/choicePrompt.js';
import { choiceOptions } from '../input/choiceOptions.js';
import { ORGANISATION_TYPE_CHOICES, ORGANISATION_TYPES_EXPLAINED } from '../input/organisationTypeChoices.js';
import { sayPlain } from '../input/plainText.js';
import {
  DSPT_BUTTONS,
  DSPT_EXPLAINED,
  findPublishedStatus,
  fromChoice,
  fromExport,
  type DsptChoice,
  type DsptFinding,
} from '../readiness/dsptAnswers.js';
import { foundInExport, typeNotConfirmed } from '../readiness/readinessMessages.js';
import {
  ASK_ACCESS_ROUTE,
  ASK_DSPT_STATUS,
  ASK_HSCN,
  ASK_ORGANISATION_TYPE,
  directoryTypeHint,
  dpiaFound,
  dpiaNotFound,
  dpiaOtherIcs,
  dsptNotInExport,
  HSCN_BUTTONS,
  HSCN_NOT_SURE,
  NOT_YET,
  NOT_YET_END,
  RECORD_SYSTEM_EXPLAINED,
  ROUTE_CHOICES,
  WEB_PORTAL_EXPLAINED,
} from './accessMessages.js';
import type { OrganisationDraft } from './organisationDraft.js';
import { dpiaEntriesFor } from '../../data/rules/dpia.js';

/** The waterfall's id; begin it with `{ draft }`; it ends with `{ draft }`, or `{ draft, stopped: true }` when the request cannot go on yet. */
export const CHECK_STEPS = 'accessCheckSteps';

/** What the checks return. */
export interface ChecksResult {
  draft: OrganisationDraft;
  stopped?: boolean;
}

const CHOICE_PROMPT = 'accessCheckChoicePrompt';

/** The waterfall and its prompt, to add to the access request dialog. */
export function checkDialogs(services: DialogServices): Dialog[] {
  const steps = new CheckSteps(services);
  return [
    new ButtonChoicePrompt(CHOICE_PROMPT, withRetryLimit(choiceAnswer())),
    new WaterfallDialog(CHECK_STEPS, [steps.askTypeStep, steps.askDsptStep, steps.decideStep, steps.askRouteStep, steps.finishStep]),
  ];
}

/** What the DPIA register and the DSPT export say about an organisation. */
export interface RecordedFacts {
  /** Named in the DPIA of the organisation's own ICS (the one its borough gave): only that DPIA counts. */
  namedInDpia: boolean;
  /** The ICSs of DPIAs that name the code but are not the organisation's own, to explain why they do not count. */
  otherDpiaIcs: string[];
  /** The export's row for the code, to say what was found. */
  publishedRecord?: DsptRecord;
  published?: DsptFinding;
  dsptStatus?: string;
}

/** What the imported DPIA register and DSPT export hold for the draft's code, read at this moment. */
export async function recordedFacts(services: DialogServices, draft: OrganisationDraft): Promise<RecordedFacts> {
  const code = draft.odsCode ?? '';
  const own = draft.icbCode?.trim().toUpperCase();
  const { reference } = services.store;
  const entries = dpiaEntriesFor(await reference.dpiaRegister(), code);
  const isOwn = (icbCode: string) => own !== undefined && icbCode.trim().toUpperCase() === own;
  const record = findPublishedStatus(await reference.dsptStatusesFor(code), code);
  return {
    namedInDpia: entries.some((e) => isOwn(e.icbCode)),
    otherDpiaIcs: [...new Set(entries.filter((e) => !isOwn(e.icbCode)).map((e) => icsName(e.icbCode)))],
    ...(record ? { publishedRecord: record, published: fromExport(record, londonToday(services.clock())), dsptStatus: record.status } : {}),
  };
}

function icsName(icbCode: string): string {
  return icsByCode(icbCode)?.name ?? icbCode;
}

/** What the bot says about the DPIA register before the eligibility outcome. */
function dpiaFinding(code: string, icbCode: string | undefined, facts: RecordedFacts): string {
  const own = icbCode ? icsName(icbCode) : undefined;
  if (facts.namedInDpia && own) return dpiaFound(code, own);
  if (own && facts.otherDpiaIcs.length > 0) return dpiaOtherIcs(code, facts.otherDpiaIcs, own);
  return dpiaNotFound(code);
}

class CheckSteps {
  constructor(private readonly services: DialogServices) {}

  askTypeStep = async (step: WaterfallStepContext): Promise<DialogTurnResult> => {
    const draft = { ...(step.options as { draft: OrganisationDraft }).draft };
    (step.values as { draft: OrganisationDraft }).draft = draft;
    if (draft.organisationType) return step.next();
    const suggested = draft.directory?.suggestedType;
    const question = suggested
      ? `${directoryTypeHint(ORGANISATION_TYPE_LABELS[suggested])} ${ASK_ORGANISATION_TYPE}`
      : ASK_ORGANISATION_TYPE;
    return step.prompt(CHOICE_PROMPT, choiceOptions(`${question}\n${ORGANISATION_TYPES_EXPLAINED}`, ORGANISATION_TYPE_CHOICES));
  };

  askDsptStep = async (step: WaterfallStepContext): Promise<DialogTurnResult> => {
    const draft = draftOf(step);
    const type = (draft.organisationType ??= ORGANISATION_TYPES[(step.result as FoundChoice).index]);
    draft.typeConfirmedByDirectory ??= typeConfirmed(type, draft.directory?.suggestedType);
    if (!dsptAsked(type, draft.typeConfirmedByDirectory) || draft.dsptAnswer) return step.next();
    // An NHS type only the manager gave: say why the DSPT is asked all the same.
    if (!dsptRequiredFor(type)) await sayPlain(step.context, typeNotConfirmed(type, draft.odsCode ?? null));
    const facts = await recordedFacts(this.services, draft);
    if (facts.publishedRecord) {
      await sayPlain(step.context, foundInExport(facts.publishedRecord));
      return step.next();
    }
    return step.prompt(
      CHOICE_PROMPT,
      choiceOptions(`${dsptNotInExport(draft.odsCode ?? '')}\n${ASK_DSPT_STATUS}\n${DSPT_EXPLAINED}`, DSPT_BUTTONS),
    );
  };

  decideStep = async (step: WaterfallStepContext): Promise<DialogTurnResult> => {
    const draft = draftOf(step);
    const answer = (step.result as FoundChoice | undefined)?.value;
    if (answer) draft.dsptAnswer = answer as DsptChoice;
    const type = draft.organisationType ?? 'careHome';
    const facts = await recordedFacts(this.services, draft);
    const dspt = facts.published ?? (draft.dsptAnswer ? fromChoice(draft.dsptAnswer) : undefined);
    const confirmed = draft.typeConfirmedByDirectory === true;
    const decision = decideEligibility({
      organisationType: type,
      typeConfirmedByDirectory: confirmed,
      dspt: dsptAsked(type, confirmed) ? dspt?.parsed : undefined,
      namedInDpia: facts.namedInDpia,
      location: draft.location ?? 'london',
      today: londonToday(this.services.clock()),
    });
    const code = draft.odsCode ?? '';
    await sayPlain(step.context, dpiaFinding(code, draft.icbCode, facts), ...decision.reasons);
    if (decision.decision === 'needsDsptFirst') {
      await sayPlain(step.context, NOT_YET, ...decision.nextSteps.map((line) => `- ${line}`), NOT_YET_END);
      return step.endDialog({ draft, stopped: true } satisfies ChecksResult);
    }
    if (decision.decision !== 'eligible') await sayPlain(step.context, ...decision.nextSteps);
    if (draft.hscn !== undefined) return step.next();
    return step.prompt(CHOICE_PROMPT, choiceOptions(ASK_HSCN, HSCN_BUTTONS));
  };

  askRouteStep = async (step: WaterfallStepContext): Promise<DialogTurnResult> => {
    const draft = draftOf(step);
    const choice = step.result as FoundChoice | undefined;
    if (draft.hscn === undefined && choice) {
      draft.hscn = [true, false, null][choice.index];
      if (draft.hscn === null) await sayPlain(step.context, HSCN_NOT_SURE);
    }
    if (draft.accessRoute) return step.next();
    return step.prompt(CHOICE_PROMPT, choiceOptions(ASK_ACCESS_ROUTE, ROUTE_CHOICES));
  };

  finishStep = async (step: WaterfallStepContext): Promise<DialogTurnResult> => {
    const draft = draftOf(step);
    const choice = step.result as FoundChoice | undefined;
    if (!draft.accessRoute && choice) {
      draft.accessRoute = choice.index === 0 ? 'recordSystem' : 'webPortal';
      await sayPlain(step.context, draft.accessRoute === 'recordSystem' ? RECORD_SYSTEM_EXPLAINED : WEB_PORTAL_EXPLAINED);
    }
    return step.endDialog({ draft } satisfies ChecksResult);
  };
}

function draftOf(step: WaterfallStepContext): OrganisationDraft {
  return (step.values as { draft: OrganisationDraft }).draft;
}
