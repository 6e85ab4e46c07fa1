/**
 * The requests `npm run bench:checks` sends through the automatic checks: the demo's homes and a seeded synthetic day.
 * Every request carries why each of its checks should not pass, as it was built, so the section can say which homes fail
 * or are left to the agent and why from the run itself rather than from sentences that go stale when a rule changes.
 */
import type { AutomaticItem, DpiaEntry, DsptRecord, WorkflowTicket } from '../data/model.js';
import { DEMO_DPIA, DEMO_ICB_CODE, DEMO_NOT_IN_DPIA, demoDsptStatuses } from '../bot/demo/demoData.js';
import { seededRandom } from '../tests/fixtures/seededRandom.js';
import { makeWorkflowTicket, people } from '../tests/fixtures/workflowFixtures.js';

/**
 * The one instant the benchmark runs at, so its figures do not move with the day it is run: DSPT statuses lapse on 1 July
 * and the demo's assessment year follows the date. A Monday morning in working hours, after the 25/26 assessments were due.
 */
export const BENCH_NOW = new Date('2026-11-16T10:00:00Z');

/** Why a check of this request should not pass, as the scenario set it up ("a closed home"). */
export type ExpectedReasons = Partial<Record<AutomaticItem, string>>;

export interface Scenario {
  label: string;
  tickets: WorkflowTicket[];
  /** By ticket id. */
  reasons: Map<string, ExpectedReasons>;
  dpia: DpiaEntry[];
  dspt: DsptRecord[];
  directory: Record<string, { name: string; active: boolean } | undefined>;
}

const REASON = {
  approaching: 'Approaching Standards',
  lapsed: 'a Standards Met that has lapsed',
  unknownCode: 'a code the directory does not know',
  closed: 'a closed home',
  roleMailbox: 'an address with a role word beside a name',
} as const;

function accessRequest(odsCode: string, name: string, users: WorkflowTicket['users'], approved = false): WorkflowTicket {
  return makeWorkflowTicket({
    state: 'awaitingHelpdesk',
    organisation: {
      odsCode,
      name,
      icbCode: DEMO_ICB_CODE,
      location: 'london',
      namedInDpia: !approved,
      organisationType: 'Care home (residential or nursing)',
      postcode: 'SE1 7EH',
    },
    users,
    ...(approved ? { icsApproval: { by: { ...people.lead }, at: BENCH_NOW.toISOString() } } : {}),
  });
}

const staff = (n: number, domain = 'nhs.net') =>
  Array.from({ length: n }, (_, i) => ({
    name: `Person ${i}`,
    jobTitle: 'Carer',
    role: 'Non-Clinical' as const,
    email: `person.${i}@${domain}`,
  }));

/** The demo's homes as their managers would send them (bot/demo/demoData.ts); Riverside after its ICS lead approved it. */
export function demoScenario(): Scenario {
  const homes = [...DEMO_DPIA.map((e) => ({ odsCode: e.odsCode, name: e.name, approved: false })), { ...DEMO_NOT_IN_DPIA, approved: true }];
  const dspt = demoDsptStatuses(BENCH_NOW);
  const tickets = homes.map((home) => accessRequest(home.odsCode, home.name, staff(2), home.approved));
  const reasons = new Map<string, ExpectedReasons>();
  homes.forEach((home, i) => {
    const record = dspt.find((r) => r.odsCode === home.odsCode);
    const status = record?.status.replace(/^\d\d\/\d\d /, '');
    if (status !== 'Standards Met') reasons.set(tickets[i].id, { dsptChecked: `${home.name}: ${status ?? 'no DSPT row'}` });
  });
  return {
    label: 'demo data (4 homes)',
    tickets,
    reasons,
    dpia: DEMO_DPIA.map((e) => ({ ...e })),
    dspt,
    directory: Object.fromEntries(homes.map((home) => [home.odsCode, { name: home.name, active: true }])),
  };
}

/**
 * A day of 100 requests, in a mix a helpdesk would recognise: most homes listed and at Standards Met; some approved by their
 * ICS lead; some whose status lapsed or is Approaching Standards; a few closed or unknown codes; a few role mailboxes.
 */
export function syntheticDay(): Scenario {
  const random = seededRandom(14);
  const scenario: Scenario = { label: 'synthetic day (100 requests)', tickets: [], reasons: new Map(), dpia: [], dspt: [], directory: {} };
  const [met, approaching] = demoDsptStatuses(BENCH_NOW);
  const year = BENCH_NOW.getUTCFullYear();
  const lapsed = `${String((year - 3) % 100)}/${String((year - 2) % 100)} Standards Met`;
  for (let i = 0; i < 100; i += 1) {
    const odsCode = `VB${String(i).padStart(3, '0')}`;
    const name = `Bench Home ${i}`;
    const reasons: ExpectedReasons = {};
    const roll = random();
    const approved = roll >= 0.7 && roll < 0.8;
    if (!approved) scenario.dpia.push({ odsCode, name, icbCode: DEMO_ICB_CODE });
    let status = met.status;
    if (roll >= 0.8 && roll < 0.9) {
      const hasLapsed = random() < 0.5;
      status = hasLapsed ? lapsed : approaching.status;
      reasons.dsptChecked = hasLapsed ? REASON.lapsed : REASON.approaching;
    }
    scenario.dspt.push({ odsCode, name, status, publishedOn: met.publishedOn });
    if (roll >= 0.9 && roll < 0.95) {
      scenario.directory[odsCode] = undefined;
      reasons.odsVerified = REASON.unknownCode;
    } else {
      const closed = roll >= 0.95 && random() < 0.5;
      scenario.directory[odsCode] = { name, active: !closed };
      if (closed) reasons.odsVerified = REASON.closed;
    }
    const roleMailbox = random() < 0.05;
    if (roleMailbox) reasons.emailDomainsChecked = REASON.roleMailbox;
    const users = roleMailbox ? [...staff(2), { ...staff(1)[0], email: 'jane.nurse@nhs.net' }] : staff(1 + Math.floor(random() * 5));
    const ticket = accessRequest(odsCode, name, users, approved);
    scenario.tickets.push(ticket);
    scenario.reasons.set(ticket.id, reasons);
  }
  return scenario;
}
