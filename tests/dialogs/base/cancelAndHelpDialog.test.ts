import { describe, it, expect } from '@jest/globals';
import { TextPrompt, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { HelpdeskFacts } from '../../../data/rules/helpdesk.js';
import { CancelAndHelpDialog } from '../../../dialogs/base/cancelAndHelpDialog.js';
import { withRetryLimit } from '../../../dialogs/input/answerCheck.js';
import { plainMessage, sayPlain } from '../../../dialogs/input/plainText.js';
import { textAnswer } from '../../../dialogs/input/textAnswer.js';
import { adaptiveCards, dialogClient, readable, submit, turn, useDialogWorld } from '../../helpers/dialogFixtures.js';

/** A two-question conversation on the base dialog, so the tests see the base's behaviour and nothing else. */
class PetDialog extends CancelAndHelpDialog {
  constructor(helpdesk: HelpdeskFacts = {}) {
    super('petDialog', helpdesk);
    this.addDialog(new TextPrompt('petName', withRetryLimit(textAnswer({ what: "your pet's name" }))));
    this.addDialog(
      new WaterfallDialog('petSteps', [
        async (step: WaterfallStepContext) => step.prompt('petName', { prompt: plainMessage("What is your pet's name?") }),
        async (step: WaterfallStepContext) => {
          (step.values as { name: string }).name = step.result as string;
          return step.prompt('petName', { prompt: plainMessage('And its nickname?') });
        },
        async (step: WaterfallStepContext) => {
          await sayPlain(step.context, `Thanks: ${(step.values as { name: string }).name} / ${step.result as string}`);
          return step.endDialog();
        },
      ]),
    );
    this.initialDialogId = 'petSteps';
  }

  protected override helpText(): string {
    return 'I am asking about your pet.';
  }
}

describe('the base dialog', () => {
  const worlds = useDialogWorld();

  it("answers help with this conversation's help and the keywords, then asks the same question again", async () => {
    const client = dialogClient(new PetDialog(), await worlds.open());
    expect(readable(await turn(client, 'hi'))).toBe("What is your pet's name?");
    const replies = readable(await turn(client, 'Help'));
    expect(replies).toContain('I am asking about your pet.');
    expect(replies).toContain('cancel (stop: nothing is sent)');
    expect(replies.endsWith("What is your pet's name?")).toBe(true);
    await turn(client, 'Rex');
    expect(readable(await turn(client, 'Rexy'))).toBe('Thanks: Rex / Rexy');
  });

  it.each([
    [
      'no contact configured: source 000\'s "Contact" page',
      {},
      'You can contact the UCP Support team through the Contact page of the UCP website (onelondon.online).',
    ],
    [
      'the configured UCP_SUPPORT_CONTACT',
      { supportContact: 'ucp.support@example.nhs.uk' },
      'You can contact the UCP Support team: ucp.support@example.nhs.uk.',
    ],
  ])('gives the helpdesk contact with help (%s) and its hours (source 001)', async (_what, helpdesk, contact) => {
    const client = dialogClient(new PetDialog(helpdesk), await worlds.open());
    await turn(client, 'hi');
    const replies = readable(await turn(client, 'help'));
    expect(replies).toContain(contact);
    expect(replies).toContain('The helpdesk is open Monday to Friday, 9am to 5pm, except bank holidays.');
  });

  it.each(['cancel', 'Cancel.', '  STOP ', 'quit'])('ends everything kindly on "%s", saying nothing was sent', async (word) => {
    const client = dialogClient(new PetDialog(), await worlds.open());
    await turn(client, 'hi');
    await turn(client, 'Rex');
    expect(readable(await turn(client, word))).toContain('Nothing has been sent');
    expect(client.dialogContext.activeDialog).toBeUndefined();
    // The next message begins afresh.
    expect(readable(await turn(client, 'hello again'))).toBe("What is your pet's name?");
  });

  it('starts again with the welcome card on "start again"', async () => {
    const client = dialogClient(new PetDialog(), await worlds.open());
    await turn(client, 'hi');
    const replies = await turn(client, 'start again');
    expect(readable(replies)).toContain("let's start again");
    expect(adaptiveCards(replies)).toHaveLength(1);
    expect(client.dialogContext.activeDialog).toBeUndefined();
  });

  it('stops on "status" when running on its own, and says how to see the requests', async () => {
    const client = dialogClient(new PetDialog(), await worlds.open());
    await turn(client, 'hi');
    expect(readable(await turn(client, 'status'))).toBe("I've stopped here and nothing was sent. Type status again to start that.");
  });

  it('treats a keyword inside a longer answer as the answer', async () => {
    const client = dialogClient(new PetDialog(), await worlds.open());
    await turn(client, 'hi');
    expect(readable(await turn(client, 'Help Me Rhonda'))).toBe('And its nickname?');
  });

  it('passes a card submit or a file without text to the step, which asks again instead of failing', async () => {
    const client = dialogClient(new PetDialog(), await worlds.open());
    await turn(client, 'hi');
    expect(readable(await turn(client, submit({ something: 'else' })))).toBe(
      "Please type your answer as a message.\nWhat is your pet's name?",
    );
    const file = { type: 'message', attachments: [{ contentType: 'image/png', contentUrl: 'https://example.org/a.png' }] };
    expect(readable(await turn(client, file))).toBe(
      "I can't use a file here. Please type your answer as a message.\nWhat is your pet's name?",
    );
    expect(readable(await turn(client, 'Rex'))).toBe('And its nickname?');
  });

  it("takes the welcome card's Help button as help, without text", async () => {
    const client = dialogClient(new PetDialog(), await worlds.open());
    await turn(client, 'hi');
    expect(readable(await turn(client, submit({ action: 'help' })))).toContain('I am asking about your pet.');
  });

  it('sends every message as plain text, so markup is shown as typed', async () => {
    const client = dialogClient(new PetDialog(), await worlds.open());
    await turn(client, 'hi');
    await turn(client, '**Rex** <b>the</b> ${dog}');
    const [reply] = await turn(client, '[link](http://x)');
    expect(reply?.textFormat).toBe('plain');
    expect(reply?.text).toBe('Thanks: **Rex** <b>the</b> ${dog} / [link](http://x)');
  });
});
