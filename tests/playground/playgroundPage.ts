/**
 * The Agents Playground page as a person uses it: open a chat by its name, type free text, mention the bot in a channel,
 * press a card's button. Every wait is bounded, and a failure says what a person would have seen instead.
 * Selectors are the playground's own (0.2.28): a bot message in a chat is a `.fai-OutputCard`; a channel post and its
 * replies are one `.fui-Card`; the message box is a lexical editor.
 */
import { writeFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';

export type ChatName = 'Personal Chat' | 'General';

/**
 * What the playground shows beside a card whose button it does not carry out ("Action type imBack is not supported yet …").
 * Its other notice, "User specific view is not supported yet", is about `refresh` and does not stop a button working.
 */
const UNSUPPORTED_ACTION = /Action type \S+ is not supported yet/;
const ANSWER_TIMEOUT_MS = 15_000;
/** Replies come as several activities: the bot has finished answering once nothing new has arrived for this long. */
const SETTLE_MS = 1_200;

/** A step could not be done: the message names what was missing and what was there instead. */
export class StepFailure extends Error {}

/** The texts of the messages on screen at one moment, to tell what arrived or changed after it. */
export type Mark = string[];

export class PlaygroundPage {
  private chat: ChatName = 'Personal Chat';

  constructor(readonly page: Page) {}

  get currentChat(): ChatName {
    return this.chat;
  }

  async open(chat: ChatName): Promise<void> {
    await this.page.getByText(chat, { exact: true }).first().click({ timeout: 10_000 });
    this.chat = chat;
    await this.page.waitForTimeout(800);
  }

  /** Every message (chat) or thread (channel) on screen, in page order. */
  messages(): Locator {
    return this.page.locator(this.chat === 'General' ? '.fui-Card' : '.fai-OutputCard');
  }

  async mark(): Promise<Mark> {
    return this.messages().allInnerTexts();
  }

  /** Types into the chat's message box and sends it, as a person types a name, a code or an address. */
  async say(text: string): Promise<void> {
    const box = this.page.locator('[data-lexical-editor="true"]').last();
    await box.click({ timeout: 5_000 });
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  /** Starts a new channel post that @mentions the bot, picked from the mention list as a person does. */
  async mentionBot(text: string): Promise<void> {
    const box = this.page.locator('[data-lexical-editor="true"]').first();
    await box.click({ timeout: 5_000 });
    await this.page.keyboard.type('@');
    const bot = this.page.getByRole('menuitem', { name: 'Test Bot' });
    await bot
      .first()
      .click({ timeout: 5_000 })
      .catch(() => {
        throw new StepFailure('typing @ in the new post box showed no "Test Bot" to mention');
      });
    await this.page.keyboard.type(` ${text}`);
    await this.page.keyboard.press('Enter');
  }

  /**
   * Presses the button whose name matches `label` on the newest message that matches `on` and has such a button.
   * Fails naming the buttons that were there when there is none, and when the playground says it ignores the button.
   */
  async press(label: RegExp, on: RegExp): Promise<void> {
    const card = await this.messageWithButton(label, on);
    const warnings = await this.unsupportedWarnings();
    await card.getByRole('button', { name: label }).last().click({ timeout: 5_000 });
    await this.page.waitForTimeout(300);
    if ((await this.unsupportedWarnings()) > warnings) {
      const said = await this.page
        .getByText(UNSUPPORTED_ACTION)
        .last()
        .innerText()
        .catch(() => UNSUPPORTED_ACTION.source);
      throw new StepFailure(`the playground did not carry out the "${plain(label)}" button: it says "${said.trim()}"`);
    }
  }

  /** The newest message matching `on` that shows a button matching `label`, waiting for it up to `timeoutMs`. */
  async messageWithButton(label: RegExp, on: RegExp, timeoutMs = 5_000): Promise<Locator> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const candidates = this.messages().filter({ hasText: on });
      const count = await candidates.count();
      // Chats add messages at the bottom; a channel adds posts at the top.
      const order = [...Array(count).keys()];
      if (this.chat !== 'General') order.reverse();
      for (const index of order) {
        const candidate = candidates.nth(index);
        if ((await candidate.getByRole('button', { name: label }).count()) > 0) return candidate;
      }
      if (Date.now() > deadline) {
        if (count === 0) throw new StepFailure(`no message matching /${on.source}/ in ${this.chat}`);
        const newest = candidates.nth(this.chat === 'General' ? 0 : count - 1);
        // The playground's own icon buttons (a post's menu) have no text: only the card's buttons are named.
        const buttons = (await newest.getByRole('button').allInnerTexts()).map((text) => text.trim()).filter(Boolean);
        throw new StepFailure(
          `no "${plain(label)}" button on the message "${summary(await newest.innerText())}" ` +
            `(its buttons: ${buttons.length ? buttons.map((text) => `"${text}"`).join(', ') : 'none'})`,
        );
      }
      await this.page.waitForTimeout(250);
    }
  }

  /**
   * Waits for a message that was not on screen at `mark` (a new one, or one whose text changed) and matches `pattern`;
   * returns its text. Fails with what did arrive.
   */
  async expectNew(mark: Mark, pattern: RegExp, what: string, timeoutMs = ANSWER_TIMEOUT_MS): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const fresh = arrivedSince(mark, await this.mark());
      const found = fresh.find((text) => pattern.test(text));
      if (found) return found;
      if (Date.now() > deadline) {
        throw new StepFailure(
          `${what} did not appear in ${this.chat} within ${timeoutMs / 1000} s (looked for /${pattern.source}/). ` +
            (fresh.length ? `New there: ${fresh.map((text) => `"${summary(text)}"`).join('; ')}` : 'Nothing new arrived.'),
        );
      }
      await this.page.waitForTimeout(250);
    }
  }

  /** Waits for the bot's answer after `mark` and until it stops adding to it; returns the new messages' texts in order. */
  async answerSince(mark: Mark, what: string): Promise<string[]> {
    const deadline = Date.now() + ANSWER_TIMEOUT_MS;
    let fresh = arrivedSince(mark, await this.mark());
    while (fresh.length === 0) {
      if (Date.now() > deadline) throw new StepFailure(`no answer in ${this.chat} within ${ANSWER_TIMEOUT_MS / 1000} s after ${what}`);
      await this.page.waitForTimeout(250);
      fresh = arrivedSince(mark, await this.mark());
    }
    for (;;) {
      await this.page.waitForTimeout(SETTLE_MS);
      const next = arrivedSince(mark, await this.mark());
      if (next.length === fresh.length || Date.now() > deadline) return next;
      fresh = next;
    }
  }

  /** Chooses `name` in the card's drop-down list (a compact Input.ChoiceSet), unless it is already chosen. */
  async pick(message: Locator, name: string): Promise<void> {
    const select = message.locator('select').last();
    if ((await select.count()) > 0) {
      const chosen = await select.evaluate(
        (element) => (element as unknown as { selectedOptions: { label: string }[] }).selectedOptions[0]?.label ?? '',
      );
      if (!chosen.includes(name)) await select.selectOption({ label: name }, { timeout: 5_000 });
      return;
    }
    const list = message.getByRole('combobox').last();
    if ((await list.count()) === 0) throw new StepFailure(`no list to choose "${name}" from on the card`);
    await list.click({ timeout: 5_000 });
    await this.page.getByRole('option', { name }).first().click({ timeout: 5_000 });
  }

  /** Ticks the checklist box `label` on the newest message matching `on`, and presses the Save beside it. */
  async tick(on: RegExp, label: string): Promise<void> {
    const message = await this.messageWithButton(/^Save$/, on);
    const box = message.getByRole('checkbox', { name: label, exact: true });
    if ((await box.count()) === 0) throw new StepFailure(`no "${label}" box on the card`);
    if (!(await box.isChecked())) await box.click({ timeout: 5_000 });
    // The Save beside each box says which item it saves when pointed at (its tooltip, "Save ODS verified").
    const save = message.getByTitle(`Save ${label}`, { exact: true });
    if ((await save.count()) === 0) throw new StepFailure(`no "Save" beside the "${label}" box on the card`);
    await save.click({ timeout: 5_000 });
  }

  async screenshot(file: string): Promise<void> {
    await this.page.screenshot({ path: file, fullPage: false }).catch(() => undefined);
  }

  /** The page's HTML, kept beside a failure's screenshot to see what the playground rendered. */
  async savePage(file: string): Promise<void> {
    const html = await this.page.content().catch(() => '');
    if (html) await writeFile(file, html);
  }

  private async unsupportedWarnings(): Promise<number> {
    return this.page.getByText(UNSUPPORTED_ACTION).count();
  }
}

/** The texts present now that were not at the mark (as a multiset: a second identical message counts as new). */
export function arrivedSince(mark: Mark, now: string[]): string[] {
  const left = new Map<string, number>();
  for (const text of mark) left.set(text, (left.get(text) ?? 0) + 1);
  return now.filter((text) => {
    const seen = left.get(text) ?? 0;
    if (seen === 0) return true;
    left.set(text, seen - 1);
    return false;
  });
}

/** A button's label pattern as a person reads it: "^Approve$" is "Approve". */
export function plain(label: RegExp): string {
  return label.source.replace(/^\^|\$$/g, '').replace(/\\b/g, '');
}

/** One line of a message for a failure report. */
export function summary(text: string, length = 160): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > length ? `${line.slice(0, length - 1)}…` : line;
}
