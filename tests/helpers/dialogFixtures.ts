/**
 * Fakes and helpers for the dialog tests: real DialogServices around the in-memory store (or, for the tests about a
 * restart, a real lowdb store in a temporary folder) and a real workflow, with a fake ODS directory, a fake attachment
 * reader, a fixed clock and the real calendar (shipped holidays).
 */
import { ConversationState, type Activity, type Attachment, type Middleware, type TurnContext } from 'botbuilder';
import type { Dialog } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { BotStateStorage } from '../../bot/teams/botStateStorage.js';
import { createWorkflow, type Workflow } from '../../data/workflow/workflow.js';
import { UpstreamError } from '../../data/errors.js';
import type { DsptRecord, DpiaEntry, PersonRef, WorkflowTicket } from '../../data/model.js';
import { bankHolidays } from '../../data/reference/index.js';
import { createWorkingCalendar } from '../../data/rules/workingHours.js';
import { openMemoryStore } from '../../data/store/memoryStore.js';
import type { Store } from '../../data/store/store.js';
import type { HelpdeskFacts } from '../../data/rules/helpdesk.js';
import type { AttachmentReader, DialogServices, OdsDirectory, OdsLookupResult } from '../../dialogs/dialogServices.js';
import { useStoreFolder } from './storeFixtures.js';
import { manualClock } from '../fixtures/workflowFixtures.js';
import { createSpreadsheetReader } from '../../bot/spreadsheet/attachedSpreadsheet.js';

/** The care home manager of the dialog tests, as Teams names her. */
export const manager: PersonRef = { aadObjectId: 'aad-manager-grace', name: 'Grace Adeyemi' };

/** An ODS directory answering from a table (anything else: notFound), counting look-ups. */
export class FakeOdsDirectory implements OdsDirectory {
  readonly lookups: string[] = [];
  constructor(public answers: Record<string, OdsLookupResult> = {}) {}
  async lookup(odsCode: string): Promise<OdsLookupResult> {
    this.lookups.push(odsCode);
    return this.answers[odsCode] ?? { status: 'notFound' };
  }
}

/** An attachment reader serving files from a table by URL, honouring maxBytes as the real one must. */
export class FakeAttachmentReader implements AttachmentReader {
  readonly reads: string[] = [];
  constructor(public files: Record<string, Buffer> = {}) {}
  async read(url: string, options: { maxBytes: number; timeoutMs: number }): Promise<Buffer> {
    this.reads.push(url);
    const file = this.files[url];
    if (!file) throw new UpstreamError('The file could not be downloaded.', { status: 404 });
    if (file.length > options.maxBytes) throw new UpstreamError('The file is too large.', { maxBytes: options.maxBytes });
    return file;
  }
}

/** Everything a dialog test touches. */
export interface DialogWorld {
  services: DialogServices;
  store: Store;
  workflow: Workflow;
  ods: FakeOdsDirectory;
  attachments: FakeAttachmentReader;
  clock: ReturnType<typeof manualClock>;
  /** What services.memberEmail answers; change it per test. */
  memberEmail: { value: string | undefined };
}

export interface WorldOptions {
  /** Default Monday 2 March 2026, 10:04 London time. */
  now?: string;
  memberEmail?: string;
  dspt?: DsptRecord[];
  dpia?: DpiaEntry[];
  /** Live tickets to start with; the ticket numbers handed out carry on after the highest of them. */
  tickets?: WorkflowTicket[];
  /** The helpdesk's configured target and contact; default none (as with no settings). */
  helpdesk?: HelpdeskFacts;
}

/** Call at describe level; `open()` inside a test builds the services on a fresh in-memory store. */
export function useDialogWorld(): { open(options?: WorldOptions): Promise<DialogWorld> } {
  return {
    async open(options = {}) {
      const clock = manualClock(options.now);
      const tickets = options.tickets ?? [];
      const store = await openMemoryStore({
        clock: clock.now,
        from: {
          dsptStatuses: options.dspt ?? [],
          dpiaRegister: options.dpia ?? [],
          tickets,
          ticketSequence: Math.max(0, ...tickets.map((t) => Number(/^UCP-(\d+)$/.exec(t.id)?.[1] ?? 0))),
        },
      });
      return build(store, clock, { value: options.memberEmail ?? 'grace.adeyemi@nhs.net' }, options.helpdesk ?? {});
    },
  };
}

/**
 * For the tests about a restart: call at describe level (it registers the store folder's hooks); `open()` inside a test
 * builds the services on a fresh lowdb store in a temporary folder, `reopen()` opens the same folder again after
 * `world.store.close()`.
 */
export function useDurableDialogWorld(): {
  open(options?: Omit<WorldOptions, 'tickets'>): Promise<DialogWorld>;
  reopen(previous: DialogWorld): Promise<DialogWorld>;
} {
  const folder = useStoreFolder();
  return {
    async open(options = {}) {
      const clock = manualClock(options.now);
      const store = await folder.open({ clock: clock.now });
      await store.transaction(async (tx) => {
        await tx.reference.setDsptStatuses(options.dspt ?? []);
        await tx.reference.setDpiaRegister(options.dpia ?? []);
      });
      return build(store, clock, { value: options.memberEmail ?? 'grace.adeyemi@nhs.net' }, options.helpdesk ?? {});
    },
    async reopen(previous) {
      return build(await folder.open({ clock: previous.clock.now }), previous.clock, previous.memberEmail, previous.services.helpdesk);
    },
  };
}

async function build(
  store: Store,
  clock: ReturnType<typeof manualClock>,
  memberEmail: { value: string | undefined },
  helpdesk: HelpdeskFacts,
): Promise<DialogWorld> {
  const workflow = createWorkflow({ store, clock: clock.now });
  const ods = new FakeOdsDirectory();
  const attachments = new FakeAttachmentReader();
  const services: DialogServices = {
    store,
    workflow,
    ods,
    spreadsheets: createSpreadsheetReader(attachments),
    calendar: createWorkingCalendar({ holidays: bankHolidays }),
    clock: clock.now,
    memberEmail: async () => memberEmail.value,
    usersTemplateUrl: 'https://bot.example.org/templates/ucp-multiple-users.xlsx',
    helpdesk,
  };
  return { services, store, workflow, ods, attachments, clock, memberEmail };
}

/** Stamps every incoming activity as the manager's, in a Teams 1:1 chat (the TestAdapter has no aadObjectId of its own). */
export const asManager: Middleware = {
  async onTurn(context: TurnContext, next: () => Promise<void>) {
    const activity = context.activity;
    activity.from = { ...activity.from, id: `29:${manager.aadObjectId}`, name: manager.name ?? '', aadObjectId: manager.aadObjectId };
    activity.conversation = { ...activity.conversation, conversationType: 'personal' };
    await next();
  },
};

/** A DialogTestClient on channel msteams whose state goes through the store (BotStateStorage), as in production. */
export function dialogClient(dialog: Dialog, world: DialogWorld, options?: unknown): DialogTestClient {
  const state = new ConversationState(new BotStateStorage(world.store));
  return new DialogTestClient('msteams', dialog, options, [asManager], state);
}

/** One turn: what the manager sends (text, or a whole activity such as a card submit) and every reply the bot sent. */
export async function turn(client: DialogTestClient, input: string | Partial<Activity>): Promise<Partial<Activity>[]> {
  const replies: Partial<Activity>[] = [];
  const first = (await client.sendActivity(input)) as Partial<Activity> | undefined;
  if (first) replies.push(first);
  for (
    let next = client.getNextReply() as Partial<Activity> | undefined;
    next;
    next = client.getNextReply() as Partial<Activity> | undefined
  ) {
    replies.push(next);
  }
  return replies;
}

/** A card button press: a message with no text and the button's data as its value. */
export function submit(value: Record<string, unknown>): Partial<Activity> {
  return { type: 'message', value };
}

/** Everything a person reads in some replies: message texts, cards of lines, choice cards' (and hero cards') texts and their buttons' titles, one per line. */
export function readable(replies: Partial<Activity>[]): string {
  const lines: string[] = [];
  for (const reply of replies) {
    if (reply.text) lines.push(reply.text);
    for (const attachment of reply.attachments ?? []) lines.push(...attachmentText(attachment));
  }
  return lines.join('\n');
}

/** The buttons under the questions in some replies, in order: the titles of the question cards' actions (choices, download). */
export function buttons(replies: Partial<Activity>[]): string[] {
  return adaptiveCards(replies)
    .filter(isQuestionCard)
    .flatMap((card) => actionsOf(card))
    .map((action) => String(action.title));
}

/** Each button of the question cards in some replies that sends something: its title and the data a press sends. */
export function choicePresses(replies: Partial<Activity>[]): { title: string; data: Record<string, unknown> }[] {
  return adaptiveCards(replies)
    .filter(isQuestionCard)
    .flatMap((card) => actionsOf(card))
    .filter((action) => action.type === 'Action.Submit')
    .map((action) => ({ title: String(action.title), data: action.data as Record<string, unknown> }));
}

/** Pressing the button titled `title` under a question in some replies, as Teams sends it: a message with the button's data as its value. */
export function press(replies: Partial<Activity>[], title: string): Partial<Activity> {
  const found = choicePresses(replies).find((button) => button.title === title);
  if (!found) throw new Error(`No button "${title}" in: ${buttons(replies).join(' | ')}`);
  return submit(found.data);
}

/** press(), for answers that kept only the Adaptive Cards (accessFixtures' talk). */
export function pressOnCards(cards: Record<string, unknown>[], title: string): Partial<Activity> {
  return press([{ attachments: cards.map((content) => ({ contentType: 'application/vnd.microsoft.card.adaptive', content })) }], title);
}

/** The Adaptive Cards in some replies. */
export function adaptiveCards(replies: Partial<Activity>[]): Record<string, unknown>[] {
  return replies
    .flatMap((reply) => reply.attachments ?? [])
    .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
    .map((a) => a.content as Record<string, unknown>);
}

type CardElement = { type: string; inlines?: { text: string }[]; actions?: Record<string, unknown>[] };

function actionsOf(card: Record<string, unknown>): Record<string, unknown>[] {
  return ((card.body ?? []) as CardElement[]).flatMap((element) => element.actions ?? []);
}

/** A question's card (cards/choiceCard.ts, cards/spreadsheetCard.ts): text runs and rows of buttons, nothing else. */
function isQuestionCard(card: Record<string, unknown>): boolean {
  const body = (card.body ?? []) as CardElement[];
  return (
    card.actions === undefined &&
    body.some((element) => element.type === 'ActionSet') &&
    body.every((element) => element.type === 'ActionSet' || element.type === 'RichTextBlock')
  );
}

function attachmentText(attachment: Attachment): string[] {
  if (attachment.contentType === 'application/vnd.microsoft.card.hero') {
    const hero = attachment.content as { text?: string; buttons?: { title: string }[] };
    return [hero.text ?? '', ...(hero.buttons ?? []).map((b) => `[${b.title}]`)].filter((line) => line !== '');
  }
  const card = attachment.content as Record<string, unknown>;
  if (attachment.contentType === 'application/vnd.microsoft.card.adaptive' && isQuestionCard(card)) {
    const runs = ((card.body ?? []) as CardElement[])
      .filter((element) => element.type === 'RichTextBlock')
      .map((block) => (block.inlines ?? []).map((run) => run.text).join(''));
    return [runs.join('\n'), ...actionsOf(card).map((action) => `[${String(action.title)}]`)].filter((line) => line !== '');
  }
  return linesOfCard(attachment);
}

/** The lines of a card of lines (dialogs/input/plainText.ts plainReply), one per line; nothing for any other card. */
export function linesOfCard(attachment: Attachment): string[] {
  if (attachment.contentType !== 'application/vnd.microsoft.card.adaptive') return [];
  const body =
    (attachment.content as { body?: { type?: string; items?: { type?: string; inlines?: { text?: string }[] }[] }[] }).body ?? [];
  const isLines =
    body.length > 0 && body.every((part) => part.type === 'Container' && (part.items ?? []).every((item) => item.type === 'RichTextBlock'));
  return isLines
    ? body.flatMap((part) => (part.items ?? []).map((item) => (item.inlines ?? []).map((run) => run.text ?? '').join('')))
    : [];
}
