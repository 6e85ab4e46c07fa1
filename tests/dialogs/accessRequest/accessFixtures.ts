/** Organisations, conversation tables and look-ups shared by the access request and users dialog tests. */
import { expect } from '@jest/globals';
import type { Activity } from 'botbuilder';
import type { DialogTestClient } from 'botbuilder-testing';
import { CHECKLIST_ITEMS, type DpiaEntry, type DsptRecord, type TicketOrganisation, type WorkflowTicket } from '../../../data/model.js';
import type { Store } from '../../../data/store/store.js';
import type { OdsOrganisation } from '../../../dialogs/dialogServices.js';
import { adaptiveCards, buttons, readable, submit, turn, type DialogWorld } from '../../helpers/dialogFixtures.js';
import { makeWorkflowTicket } from '../../fixtures/workflowFixtures.js';

/** A care home in Islington (North Central London), as the ORD directory describes it. */
export const SUNNYVIEW: OdsOrganisation = {
  odsCode: 'VX1A2',
  name: 'SUNNYVIEW CARE HOME',
  postcode: 'N1 7AB',
  active: true,
  roleIds: ['RO101', 'RO269'],
  primaryRoleId: 'RO101',
  icbCode: 'QMJ',
};

/** Sunnyview in North Central London's DPIA. */
export const SUNNYVIEW_DPIA: DpiaEntry = { odsCode: 'VX1A2', name: 'Sunnyview Care Home', icbCode: 'QMJ' };

/** A published DSPT row for Sunnyview, with the status given. */
export function sunnyviewDspt(status: string): DsptRecord {
  return { odsCode: 'VX1A2', name: 'SUNNYVIEW CARE HOME', status, publishedOn: '2025-06-20' };
}

/** What the bot answered in one turn: everything readable, the buttons, and the Adaptive Cards. */
export interface Answer {
  text: string;
  buttons: string[];
  cards: Record<string, unknown>[];
}

/** Something to send that depends on the newest summary card this client was shown (a button press on it). */
export type CardPress = (summaryId: string | undefined) => Partial<Activity>;

/** One row of a conversation table: what the manager sends, and what the answer must contain (text or buttons). */
export type Line = readonly [say: string | Partial<Activity> | CardPress, expected: string | RegExp | readonly (string | RegExp)[]];

/** A press of one of the newest summary card's buttons. */
export function press(action: string): CardPress {
  return (summaryId) => submit({ accessSummary: action, summaryId });
}

const newestSummary = new WeakMap<DialogTestClient, string>();

/** Plays a conversation table; a failure names the line that went wrong. Returns the last answer. */
export async function talk(client: DialogTestClient, lines: readonly Line[]): Promise<Answer> {
  let answer: Answer = { text: '', buttons: [], cards: [] };
  for (const [line, expected] of lines) {
    const say = typeof line === 'function' ? line(newestSummary.get(client)) : line;
    const replies = await turn(client, say);
    answer = { text: readable(replies), buttons: buttons(replies), cards: adaptiveCards(replies) };
    const summaryId = answer.cards.map((card) => /"summaryId":"([^"]+)"/.exec(JSON.stringify(card))?.[1]).find(Boolean);
    if (summaryId) newestSummary.set(client, summaryId);
    const shown = `${answer.text}\n${answer.buttons.map((b) => `[${b}]`).join(' ')}`;
    const said = typeof say === 'string' ? say : JSON.stringify(say.value ?? say.attachments ?? say);
    const wanted = Array.isArray(expected) ? expected : [expected];
    for (const want of wanted as (string | RegExp)[]) {
      const ok = typeof want === 'string' ? shown.includes(want) : want.test(shown);
      expect({ said, answer: shown, matched: ok ? want : 'no' }).toEqual({ said, answer: shown, matched: want });
    }
  }
  return answer;
}

/** Adds a row to the imported DSPT statuses, as a later import would. */
export async function addDspt(world: DialogWorld, record: DsptRecord): Promise<void> {
  await world.store.transaction(async (tx) => tx.reference.setDsptStatuses([...(await tx.reference.dsptStatuses()), record]));
}

/** The live tickets. */
export function tickets(store: Store): Promise<WorkflowTicket[]> {
  return store.tickets.list();
}

/** The organisation questions for Sunnyview found in the directory, in London, a care home: up to the HSCN question. */
export const SUNNYVIEW_FOUND_IN_LONDON: readonly Line[] = [
  ['hi', ["Let's ask for Universal Care Plan (UCP) access", "What is your organisation's ODS code?"]],
  [' vx1a2 ', ['The NHS organisation directory lists VX1A2 as SUNNYVIEW CARE HOME, N1 7AB.', "Yes, that's right"]],
  ["Yes, that's right", ['The NHS directory links your organisation to North Central London. Where is your organisation?', 'In London']],
  ['In London', 'Which London borough is your organisation in?'],
  ['Islington', ['Islington is in North Central London.', 'The NHS directory suggests: Care home (residential or nursing).']],
];

/** From the HSCN question to the first staff question: internet, web portal, fewer than ten. */
export const INTERNET_WEB_PORTAL_FEW: readonly Line[] = [
  ['No, we use the internet', ['How will your staff reach the UCP?', 'Our record system', 'The UCP web portal']],
  [
    'The UCP web portal',
    [
      'The helpdesk will create a web portal account for each person you list.',
      'How many members of staff need access?',
      'Fewer than 10',
      '10 or more',
    ],
  ],
  ['Fewer than 10', 'What is the full name of the first person who needs access?'],
];

/** One care manager with an NHSmail address, to the review. */
export const ONE_CARE_MANAGER: readonly Line[] = [
  ['Ben Walsh', "What is Ben Walsh's job title?"],
  ['Care Manager', ['Care Manager has the Non-Clinical role in the UCP', 'Is that right for this person?']],
  ['Yes', "What is Ben Walsh's work e-mail address?"],
  ['ben.walsh@nhs.net', ['So far I have 1 person:', '1. Ben Walsh, Care Manager (Non-Clinical), ben.walsh@nhs.net', "That's everyone"]],
];

/** Rosewood Court as its finished request carried it: a care home the directory confirmed, on the internet, through the web portal. */
export const ROSEWOOD_ORGANISATION: TicketOrganisation = {
  ...makeWorkflowTicket().organisation!,
  organisationType: 'Care home (residential or nursing)',
  typeConfirmedByDirectory: true,
  namedInDpia: true,
  hscn: false,
  accessRoute: 'webPortal',
};
/** Rosewood Court in South East London's DPIA, and its published DSPT row (current on 2 March 2026, the dialog tests' today). */
export const ROSEWOOD_LISTS: { dpia: DpiaEntry[]; dspt: DsptRecord[] } = {
  dpia: [{ odsCode: 'VN4K2', name: 'Rosewood Court Care Home', icbCode: 'QKK' }],
  dspt: [{ odsCode: 'VN4K2', name: 'ROSEWOOD COURT CARE HOME', status: '25/26 Standards Met', publishedOn: '2025-06-20' }],
};

/** An access request the helpdesk finished: every check ticked (it cannot be resolved otherwise), then closed. */
export function onboarded(overrides: Partial<WorkflowTicket> = {}): WorkflowTicket {
  const stamp = { by: { aadObjectId: 'aad-agent-alex', name: 'Alex Agent' }, at: '2026-02-20T10:00:00.000Z' };
  return makeWorkflowTicket({
    state: 'closed',
    requester: { aadObjectId: 'aad-manager-grace', name: 'Grace Adeyemi' },
    checklist: Object.fromEntries(CHECKLIST_ITEMS.map((item) => [item, stamp])),
    organisation: ROSEWOOD_ORGANISATION,
    ...overrides,
  });
}
