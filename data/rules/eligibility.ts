/** May this organisation use the Universal Care Plan (UCP), and if not yet, what happens next? Sources 000 and 001. Pure. */
import { dsptLapsed, renewalDue, type ParsedDsptStatus } from './dspt.js';
import { DIGITAL_SOCIAL_CARE_HELPLINE } from './sourceContacts.js';
import { dsptAsked, type OrganisationType } from './organisationTypes.js';
import { longDate } from './longDate.js';

/** london: in a London ICS; commissioned: outside London, commissioned to serve Londoners; outside: neither. */
export type OrganisationLocation = 'london' | 'commissioned' | 'outside';

export interface EligibilityInput {
  organisationType: OrganisationType;
  /** The ODS directory's roles gave this type; absent or false: the manager's word only, so an NHS type is still asked for the DSPT. */
  typeConfirmedByDirectory?: boolean;
  /** Undefined when we have no DSPT status at all (not registered, or not looked up yet). */
  dspt: ParsedDsptStatus | undefined;
  namedInDpia: boolean;
  location: OrganisationLocation;
  /** yyyy-mm-dd. When given, a dated status past its renewal deadline no longer counts, and the next deadline is named. */
  today?: string;
}

export type EligibilityOutcome = 'eligible' | 'needsIcsApproval' | 'needsDsptFirst' | 'needsOwnDpia';

export interface EligibilityDecision {
  decision: EligibilityOutcome;
  /** Why, in plain English, the most important first. */
  reasons: string[];
  /** What the person (or we) do next, in order. */
  nextSteps: string[];
  /** An ICS lead must approve the organisation before access, whether or not something else must happen first. */
  icsApprovalNeeded: boolean;
  /** The organisation is asked for DSPT Standards Met (it is not an NHS organisation the directory confirmed). */
  dsptRequired: boolean;
  /** The DSPT side is settled: not required, or Standards Met/Exceeded and still current. */
  dsptOk: boolean;
}

const DSPT_HELPLINE = `The Digital Social Care helpline can help with any DSPT question: ${DIGITAL_SOCIAL_CARE_HELPLINE}.`;
const DSPT_WEBSITE = 'www.dsptoolkit.nhs.uk';
const DPIA = 'data protection impact assessment (DPIA) for the UCP';
const APPROVAL_TIME = 'This usually takes around a week, and we will let you know as soon as they decide.';

/**
 * An organisation's route, decided the same way for the readiness conversation and the helpdesk checks.
 *
 * Order when several things fail (the helpdesk's own order is ODS, DPIA, DSPT, ICS approval):
 * 1. Outside London, not commissioned for Londoners and not in a DPIA → needsOwnDpia. Its own DPIA is the longest
 *    step and decides the route (a helpdesk ticket, no approval card); a missing DSPT is still given as a reason
 *    and its steps are listed too. Once such an organisation is named in a DPIA, it is judged like any other.
 * 2. DSPT required and not Standards Met/Exceeded (or lapsed) → needsDsptFirst: no ICS lead is asked to approve
 *    an organisation that cannot pass the DSPT check yet; if approval will be needed afterwards we say so.
 * 3. Not named in the DPIA → needsIcsApproval (the lead of the ICS that commissions the service, for
 *    organisations outside London commissioned to serve Londoners).
 * 4. Otherwise → eligible.
 */
export function decideEligibility(input: EligibilityInput): EligibilityDecision {
  const dsptRequired = dsptAsked(input.organisationType, input.typeConfirmedByDirectory === true);
  const dspt = dsptFinding(input, dsptRequired);
  const needsOwnDpia = input.location === 'outside' && !input.namedInDpia;
  const icsApprovalNeeded = !input.namedInDpia && input.location !== 'outside';
  const place = placeFinding(input);
  const base = { icsApprovalNeeded, dsptRequired, dsptOk: dspt.ok };

  if (needsOwnDpia) {
    return {
      ...base,
      decision: 'needsOwnDpia',
      reasons: [place.reason, dspt.reason],
      nextSteps: dspt.ok ? place.steps : [...place.steps, ...dspt.steps],
    };
  }
  if (!dspt.ok) {
    const afterwards = icsApprovalNeeded ? [`After that, ${lowerFirst(place.steps.join(' '))}`] : [];
    return { ...base, decision: 'needsDsptFirst', reasons: [dspt.reason, place.reason], nextSteps: [...dspt.steps, ...afterwards] };
  }
  if (icsApprovalNeeded) {
    return { ...base, decision: 'needsIcsApproval', reasons: [place.reason, dspt.reason], nextSteps: place.steps };
  }
  return {
    ...base,
    decision: 'eligible',
    reasons: [place.reason, dspt.reason],
    nextSteps: ['You can go ahead and ask for UCP accounts for your staff.'],
  };
}

interface Finding {
  ok: boolean;
  reason: string;
  steps: string[];
}

function placeFinding(input: EligibilityInput): Finding {
  if (input.namedInDpia) {
    const reason =
      input.location === 'london'
        ? `Your organisation is named in the ${DPIA}.`
        : `Your organisation is based outside London, but it is already named in the ${DPIA}.`;
    return { ok: true, reason, steps: [] };
  }
  if (input.location === 'outside') {
    return {
      ok: false,
      reason: `Your organisation is outside London and is not named in a London ${DPIA}.`,
      steps: [
        'To see the UCP care plan of someone cared for in London, your organisation first needs to complete its own DPIA for UCP access.',
        'We will pass your request to the UCP helpdesk, who will explain what the DPIA involves and contact you about it.',
      ],
    };
  }
  if (input.location === 'commissioned') {
    return {
      ok: false,
      reason: `Your organisation is outside London and commissioned to care for Londoners, but it is not yet named in the ${DPIA}.`,
      steps: [
        `We will ask the London Integrated Care System lead for the service you are commissioned to provide to approve your organisation. ${APPROVAL_TIME}`,
      ],
    };
  }
  return {
    ok: false,
    reason: `Your organisation is not yet named in your Integrated Care System's ${DPIA}.`,
    steps: [`We will ask your Integrated Care System's governance lead to approve your organisation. ${APPROVAL_TIME}`],
  };
}

function dsptFinding(input: EligibilityInput, required: boolean): Finding {
  if (!required) {
    return {
      ok: true,
      reason: 'As an NHS organisation, you do not need to show a Data Security and Protection Toolkit (DSPT) status for this.',
      steps: [],
    };
  }
  const { dspt, today } = input;
  if (dspt !== undefined && today !== undefined && dsptLapsed(dspt, today)) {
    return {
      ok: false,
      reason: `Your latest published Data Security and Protection Toolkit (DSPT) assessment is for ${dspt.year}, and it needed renewing by ${longDate(renewalDue(dspt, today).dueOn)}.`,
      // Lapsed means access has no DSPT behind it today: naming next year's 30 June would read as time to wait.
      steps: [
        `Your organisation needs to publish a new assessment now: complete it on the DSPT website (${DSPT_WEBSITE}) and publish it at Standards Met. ` +
          'Until it is published, your organisation cannot use the UCP.',
        DSPT_HELPLINE,
      ],
    };
  }
  const deadline = deadlineStep(dspt, today);
  switch (dspt?.status) {
    case 'standardsMet':
    case 'standardsExceeded':
      return { ok: true, reason: `Your Data Security and Protection Toolkit (DSPT) assessment shows ${statusName(dspt)}.`, steps: [] };
    case 'approachingStandards':
      return {
        ok: false,
        reason: `Your Data Security and Protection Toolkit (DSPT) assessment shows ${statusName(dspt)}. That is enough for NHSmail, but the UCP needs Standards Met.`,
        steps: [
          'Keep working through your improvement plan until every item in the toolkit is met, then publish your assessment again at Standards Met.',
          DSPT_HELPLINE,
          ...deadline,
        ],
      };
    case 'notPublished':
      return {
        ok: false,
        reason: 'Your organisation has no published Data Security and Protection Toolkit (DSPT) assessment yet.',
        steps: [...startSteps(), ...deadline],
      };
    case 'unknown':
      return {
        ok: false,
        // A status dated after today (data/rules/dspt.ts parseDsptStatus) is a slip somewhere: say which, so it can be put right.
        reason: dspt.notYetPossible
          ? `The Data Security and Protection Toolkit (DSPT) status we found, "${dspt.raw.trim()}", is dated after today, so we cannot count it as Standards Met yet.`
          : 'We could not confirm your Data Security and Protection Toolkit (DSPT) status, so we cannot count it as Standards Met yet.',
        steps: [
          `Check your status by searching for your organisation on the DSPT website (${DSPT_WEBSITE}).`,
          ...startSteps(),
          ...deadline,
        ],
      };
    default:
      return {
        ok: false,
        reason: 'We do not have a Data Security and Protection Toolkit (DSPT) status for your organisation yet.',
        steps: [...startSteps(), ...deadline, 'If you have already published an assessment, tell us and we will check it again.'],
      };
  }
}

function startSteps(): string[] {
  return [
    `Register your organisation on the DSPT website (${DSPT_WEBSITE}) if you have not already, then complete the assessment and publish it at Standards Met.`,
    'Your local authority commissioning manager can tell you about free local workshops that help with registering and completing it.',
    DSPT_HELPLINE,
  ];
}

function deadlineStep(dspt: ParsedDsptStatus | undefined, today: string | undefined): string[] {
  if (today === undefined) return ['Assessments are due every year by 30 June.'];
  const next = renewalDue(dspt ?? { status: 'unknown', raw: '' }, today);
  return [`Assessments are due every year by 30 June; the next deadline for you is ${longDate(next.dueOn)}.`];
}

function statusName(dspt: ParsedDsptStatus): string {
  const name =
    dspt.status === 'standardsExceeded'
      ? 'Standards Exceeded'
      : dspt.status === 'approachingStandards'
        ? 'Approaching Standards'
        : 'Standards Met';
  return dspt.year ? `${name} for ${dspt.year}` : name;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
