/**
 * The README's walkthrough ("Try it in the Agents Playground"), done as a person does it in one playground window:
 * the helpdesk channel first, the manager's request for the home that needs approval (VX3C4), the lead's approval on the
 * card, the helpdesk's provisioning on the card in My Team > General, the manager told; then the home that needs no
 * approval (VX1A2) and the DSPT stop (VX2B3). Choices and card buttons are pressed; only free text is typed.
 */
import { converse, type Answer } from './conversation.js';
import { StepFailure, summary, type PlaygroundPage } from './playgroundPage.js';
import type { Report, Step } from './report.js';

interface Home {
  code: string;
  name: string;
  postcode: string;
}

const RIVERSIDE: Home = { code: 'VX3C4', name: 'Demo Riverside Care Home', postcode: 'NW1 4AB' };
const SUNNYVIEW: Home = { code: 'VX1A2', name: 'Demo Sunnyview Care Home', postcode: 'NW5 2HX' };
const MEADOWBANK: Home = { code: 'VX2B3', name: 'Demo Meadowbank Care Home', postcode: 'N7 6PA' };
const WELCOME = /Welcome to the UCP onboarding assistant/;
const TICKET_NUMBER = /ticket number is (UCP-\d+)/;
/** The DSPT stop: nothing is sent (source 000: Standards Met is needed for the UCP). */
const DSPT_STOP = /haven't sent anything|Nothing has been sent/i;
/** The helpdesk channel's copy of a ticket card can take a retry round to arrive (NOTIFY_RETRY_SECONDS is 3 in this run). */
const CARD_TIMEOUT_MS = 20_000;

/** The manager's answers, by question. Buttons are matched by how their label starts, so a shorter label still matches. */
function managerAnswers(home: Home): Answer[] {
  return [
    // The directory does not know the demo codes: the bot asks to check the code, then offers to carry on with it.
    { question: /What is your organisation's ODS code\?/, type: home.code, times: 3 },
    { question: /still can't find/, press: /^Carry on\b/ },
    { question: /What would you like to do\?/, press: /^Carry on\b/ },
    { question: /What is your organisation's name\?/, type: home.name },
    { question: /What is your organisation's postcode\?/, type: home.postcode },
    { question: /Where is your organisation\?/, press: /^In London$/ },
    { question: /Which London borough/, type: 'Camden' },
    { question: /What kind of organisation is it\?/, press: /^Care home/ },
    { question: /connected to the Health and Social Care Network/, press: /^No\b/ },
    { question: /How will your staff reach the UCP\?/, press: /web portal/i },
    { question: /How many members of staff need access\?/, press: /^Fewer than 10$/ },
    { question: /full name of the first person/, type: 'Jo Bloggs' },
    { question: /What is Jo Bloggs's job title\?/, type: 'Care Manager' },
    { question: /Is that right for this person\?/, press: /^Yes\b/ },
    { question: /What is Jo Bloggs's work e-mail address\?/, type: 'jo.bloggs@nhs.net' },
    { question: /add, change or remove anyone\?/, press: /^That's everyone$/ },
    { question: /Please check these details before you send them/, press: /^Submit$/ },
  ];
}

/** Presses "Request access" on the newest welcome card and answers until the goal; returns the goal's text. */
async function requestAccess(page: PlaygroundPage, step: Step, home: Home, goal: RegExp): Promise<string> {
  await page.open('Personal Chat');
  return converse(
    page,
    step,
    { name: `presses "Request access" on the welcome card (for ${home.code})`, act: () => page.press(/^Request access$/, WELCOME) },
    managerAnswers(home),
    goal,
  );
}

export async function walkthrough(page: PlaygroundPage, report: Report): Promise<void> {
  const CHANNEL = 'The helpdesk channel: the bot is mentioned in My Team > General';
  const REQUEST = `The manager asks for access for ${RIVERSIDE.name} (${RIVERSIDE.code}, not in the DPIA)`;
  const APPROVAL = 'The ICS lead approves on the card in the 1:1 chat';
  const HELPDESK = 'The helpdesk assigns, ticks the checks and resolves on the card in My Team > General';
  let ticket = '';

  await report.journey(CHANNEL, [], async (step) => {
    await page.open('General');
    await step('"@Test Bot hello" in a new post is answered in the channel', async () => {
      const mark = await page.mark();
      await page.mentionBot('hello');
      await page.expectNew(mark, /channel/i, "the bot's answer to the mention");
    });
  });

  await report.journey(REQUEST, [], async (step) => {
    await page.open('Personal Chat');
    await step('the welcome card offers "Request access"', async () => {
      await page.messageWithButton(/^Request access$/, WELCOME, 10_000);
    });
    const confirmation = await requestAccess(page, step, RIVERSIDE, TICKET_NUMBER);
    ticket = TICKET_NUMBER.exec(confirmation)?.[1] ?? '';
    await step(`the manager is told ${ticket} has gone to the governance lead`, async () => {
      await page.expectNew(
        [],
        new RegExp(`${ticket}[\\s\\S]*gone to the North Central London governance lead`),
        'the message that the request went for approval',
      );
    });
  });

  await report.journey(APPROVAL, [REQUEST], async (step) => {
    const card = new RegExp(`Ticket ${ticket}[\\s\\S]*Waiting for approval from the North Central London governance lead`);
    await step('the approval card offers "Approve", "Reject" and "Ask for information"', async () => {
      const message = await page.messageWithButton(/^Approve$/, card, 10_000);
      for (const label of [/^Reject/, /^Ask for information$/]) {
        if ((await message.getByRole('button', { name: label }).count()) === 0) {
          throw new StepFailure(`the approval card has "Approve" but no "${label.source}" button`);
        }
      }
    });
    await step('presses "Approve": the card says who approved, and the manager is told', async () => {
      const mark = await page.mark();
      await page.press(/^Approve$/, card);
      await page.expectNew(mark, new RegExp(`Ticket ${ticket}[\\s\\S]*Approved by`), 'the approval card showing who approved');
      await page.expectNew(mark, new RegExp(`has approved[\\s\\S]*${ticket}`), "the manager's message that the lead approved");
    });
  });

  await report.journey(HELPDESK, [CHANNEL, APPROVAL], async (step) => {
    await page.open('General');
    const card = new RegExp(`Ticket ${ticket}`);
    await step(`the ticket card for ${ticket} offers "Assign"`, async () => {
      await page.messageWithButton(/^Assign$/, card, CARD_TIMEOUT_MS);
    });
    await step('presses "Assign", picks Alex Wilber and presses "Assign": the card says who has it', async () => {
      const mark = await page.mark();
      await page.press(/^Assign$/, card);
      const message = await page.messageWithButton(/^Assign$/, card);
      await page.pick(message, 'Alex Wilber');
      await message
        .getByRole('button', { name: /^Assign$/ })
        .last()
        .click({ timeout: 5_000 });
      await page.expectNew(mark, new RegExp(`Ticket ${ticket}[\\s\\S]*Assigned to: Alex Wilber`), 'the card showing who has the ticket');
    });
    await step('the checklist shows what the bot checked itself, with the evidence under each item', async () => {
      await page.expectNew(
        [],
        new RegExp(`Ticket ${ticket}[\\s\\S]*Checked automatically[^.]*waiting for an agent to confirm[\\s\\S]*Standards Met, published`),
        'the automatic checks with their evidence',
        CARD_TIMEOUT_MS,
      );
    });
    await step('presses "Confirm the … automatic checks": they are ticked as Alex Wilber\'s', async () => {
      const mark = await page.mark();
      await page.press(/^Confirm the (\d+ )?automatic checks?$/, card);
      await page.expectNew(
        mark,
        new RegExp(`Ticket ${ticket}[\\s\\S]*Ticked by Alex Wilber, UCP helpdesk, [^.]*\\(after the automatic check\\)`),
        'the card showing the confirmed checks',
      );
    });
    const message = await page.messageWithButton(/^Save$/, card, CARD_TIMEOUT_MS).catch(() => {
      throw new StepFailure('the assigned ticket card has no checklist to tick (no "Save" button)');
    });
    // What the bot could not settle is left to the agent: "Accounts created" always, and here "ODS verified" (the demo's codes are made up).
    const labels = await message
      .getByRole('checkbox')
      .evaluateAll((boxes) =>
        boxes
          .filter((box) => !(box as HTMLInputElement).checked && box.getAttribute('aria-checked') !== 'true')
          .map((box) => box.getAttribute('aria-label') ?? ''),
      );
    for (const label of labels) {
      await step(`ticks "${label}" and presses its "Save"`, async () => {
        const mark = await page.mark();
        await page.tick(card, label);
        await page.expectNew(
          mark,
          new RegExp(`Ticket ${ticket}[\\s\\S]*${escapeRegExp(label)}\\W*Ticked by Alex Wilber`),
          `the card showing who ticked "${label}"`,
        );
      });
    }
    await step('presses "Resolve": the card says it is resolved', async () => {
      const mark = await page.mark();
      await page.press(/^Resolve$/, card);
      await page.expectNew(mark, new RegExp(`Ticket ${ticket}[\\s\\S]*Status: Resolved`), 'the card showing the ticket resolved');
    });
  });

  await report.journey('The manager is told the accounts are ready', [HELPDESK], async (step) => {
    await page.open('Personal Chat');
    await step(`a message in the 1:1 chat says ${ticket} is done`, async () => {
      await page.expectNew(
        [],
        new RegExp(`${ticket}[\\s\\S]*accounts have been created`),
        "the manager's message that the accounts are ready",
        CARD_TIMEOUT_MS,
      );
    });
  });

  await report.journey(`A home that needs no approval: ${SUNNYVIEW.name} (${SUNNYVIEW.code})`, [], async (step) => {
    await startAgain(page, report);
    const confirmation = await requestAccess(page, step, SUNNYVIEW, TICKET_NUMBER);
    const sunnyview = TICKET_NUMBER.exec(confirmation)?.[1] ?? '';
    await step(`${sunnyview} goes straight to the helpdesk, with no approval asked`, async () => {
      if (/governance lead/i.test(confirmation))
        throw new StepFailure(`the confirmation mentions the governance lead: "${summary(confirmation)}"`);
      await page.open('General');
      await page.messageWithButton(/^Assign$/, new RegExp(`Ticket ${sunnyview}`), CARD_TIMEOUT_MS);
    });
  });

  await report.journey(`The DSPT stop: ${MEADOWBANK.name} (${MEADOWBANK.code}, Approaching Standards)`, [], async (step) => {
    await startAgain(page, report);
    const stop = await requestAccess(page, step, MEADOWBANK, DSPT_STOP);
    await step('the stop says what to do next, and no ticket is opened', async () => {
      if (!/next/i.test(stop)) throw new StepFailure(`the stop gives no next steps: "${summary(stop)}"`);
      if (TICKET_NUMBER.test(stop)) throw new StepFailure(`a ticket was opened: "${summary(stop)}"`);
    });
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** After a journey that stopped half-way (any failure so far), "cancel" ends the question left open, as a person would type it. */
async function startAgain(page: PlaygroundPage, report: Report): Promise<void> {
  if (report.failedCount === 0) return;
  await page.open('Personal Chat');
  const mark = await page.mark();
  await page.say('cancel');
  await page.answerSince(mark, 'typing "cancel"').catch(() => undefined);
}
