/**
 * The small made-up world a fresh local start is seeded with (bot/demo/seedDemo.ts): one ICS, the helpdesk and a few care
 * homes. Every organisation is called "Demo …" so nobody mistakes it for a real home; the codes are invented too.
 */
import type { DpiaEntry, DsptRecord, RosterEntry } from '../../data/model.js';

/**
 * The Microsoft 365 Agents Playground's default user (Alex Wilber), from the built-in configuration of
 * @microsoft/m365agentsplayground 0.2.28. Its ids are not real GUIDs (the last group has 13 digits), so the admin CLI's
 * roster command would refuse them: the seed is the way they get on a roster.
 */
export const PLAYGROUND_USER = {
  aadObjectId: '00000000-0000-0000-0000-0000000000020',
  name: 'Alex Wilber',
} as const;

/** The playground's built-in team ("My Team"): its General channel's conversation id is the team id. */
export const PLAYGROUND_GENERAL_CHANNEL_ID = 'team-id';

/** The one ICS the demo covers: North Central London. */
export const DEMO_ICB_CODE = 'QMJ';

/** The demo care homes named in North Central London's DPIA. */
export const DEMO_DPIA: readonly DpiaEntry[] = [
  { odsCode: 'VX1A2', name: 'Demo Sunnyview Care Home', icbCode: DEMO_ICB_CODE },
  { odsCode: 'VX2B3', name: 'Demo Meadowbank Care Home', icbCode: DEMO_ICB_CODE },
  { odsCode: 'VX4D5', name: 'Demo Hillside Nursing Home', icbCode: DEMO_ICB_CODE },
];

/** A home with Standards Met that is not in the DPIA: its request goes to the ICS lead for approval. */
export const DEMO_NOT_IN_DPIA = { odsCode: 'VX3C4', name: 'Demo Riverside Care Home' } as const;

/**
 * The demo's published DSPT statuses: Sunnyview meets the UCP bar, Meadowbank is Approaching Standards (enough for NHSmail,
 * not for the UCP), Riverside meets it but is not in the DPIA; Hillside has no record, so the bot asks.
 * The year is the latest assessment due, so the statuses never look lapsed, whenever the demo is started.
 */
export function demoDsptStatuses(today: Date): DsptRecord[] {
  const year = latestAssessmentYear(today);
  const label = `${String(year % 100).padStart(2, '0')}/${String((year + 1) % 100).padStart(2, '0')}`;
  const publishedOn = `${year + 1}-06-15`;
  const record = (odsCode: string, name: string, status: string): DsptRecord => ({
    odsCode,
    name,
    status: `${label} ${status}`,
    publishedOn,
    sector: 'Social Care',
    icb: 'NHS North Central London Integrated Care Board',
  });
  return [
    record('VX1A2', 'Demo Sunnyview Care Home', 'Standards Met'),
    record('VX2B3', 'Demo Meadowbank Care Home', 'Approaching Standards'),
    record(DEMO_NOT_IN_DPIA.odsCode, DEMO_NOT_IN_DPIA.name, 'Standards Met'),
  ];
}

/** Who acts in the demo: the playground's default user is the ICS lead and the helpdesk agent, so one window shows every part. */
export function demoRosters(addedAt: string): RosterEntry[] {
  const displayName = `${PLAYGROUND_USER.name} (demo)`;
  return [
    { kind: 'icsLead', id: PLAYGROUND_USER.aadObjectId, scope: DEMO_ICB_CODE, displayName, addedAt },
    { kind: 'helpdeskAgent', id: PLAYGROUND_USER.aadObjectId, displayName, addedAt },
    { kind: 'helpdeskChannel', id: PLAYGROUND_GENERAL_CHANNEL_ID, displayName: 'My Team > General (demo helpdesk channel)', addedAt },
  ];
}

/**
 * The assessment year (its first calendar year) whose status is current: the "24/25" assessment is due by 30 June 2025 and
 * stands until 30 June 2026 (data/rules/dspt.ts renewalDue), so after 30 June the assessment just due is that year's.
 */
function latestAssessmentYear(today: Date): number {
  const iso = today.toISOString().slice(0, 10);
  const year = today.getUTCFullYear();
  return iso > `${year}-06-30` ? year - 1 : year - 2;
}
