import { describe, it, expect } from '@jest/globals';
import { TextPrompt, WaterfallDialog, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import { CancelAndHelpDialog } from '../../../dialogs/base/cancelAndHelpDialog.js';
import { TROUBLE_MESSAGE, withRetryLimit } from '../../../dialogs/input/answerCheck.js';
import { choiceAnswer } from '../../../dialogs/input/choiceAnswer.js';
import { ButtonChoicePrompt } from '../../../dialogs/input/choicePrompt.js';
import { choiceOptions } from '../../../dialogs/input/choiceOptions.js';
import { plainMessage, sayPlain } from '../../../dialogs/input/plainText.js';
import { textAnswer } from '../../../dialogs/input/textAnswer.js';
import { emailAddressAnswer } from '../../../dialogs/input/emailAddressAnswer.js';
import { buttons, dialogClient, readable, turn, useDialogWorld } from '../../helpers/dialogFixtures.js';

/** Asks one question with the given prompt and echoes the answer it receives. */
class OneQuestion extends CancelAndHelpDialog {
  constructor(kind: 'email' | 'name' | 'note' | 'colour') {
    super('oneQuestion', {});
    const prompt =
      kind === 'colour'
        ? new ButtonChoicePrompt('q', withRetryLimit(choiceAnswer()))
        : new TextPrompt(
            'q',
            withRetryLimit(kind === 'email' ? emailAddressAnswer() : textAnswer({ what: 'a name', freeText: kind === 'note' })),
          );
    this.addDialog(prompt);
    this.addDialog(
      new WaterfallDialog('steps', [
        async (step: WaterfallStepContext) =>
          step.prompt('q', kind === 'colour' ? choiceOptions('Which colour?', ['Red', 'Blue']) : { prompt: plainMessage('Your answer?') }),
        async (step: WaterfallStepContext) => {
          const value = kind === 'colour' ? (step.result as FoundChoice).value : (step.result as string);
          await sayPlain(step.context, `Kept: ${value}`);
          return step.endDialog();
        },
      ]),
    );
    this.initialDialogId = 'steps';
  }
}

describe('the input rules', () => {
  const worlds = useDialogWorld();

  it('re-asks a bad answer twice with the reason, then offers help or a way out instead of asking again', async () => {
    const client = dialogClient(new OneQuestion('email'), await worlds.open());
    await turn(client, 'go');
    const first = readable(await turn(client, 'sam.jones'));
    expect(first).toBe('An e-mail address needs an @, for example jane.smith@nhs.net.\nYour answer?');
    const second = readable(await turn(client, 'sam jones@nhs.net'));
    expect(second).toBe("An e-mail address can't contain spaces. Please check it and try again.\nYour answer?");
    const third = readable(await turn(client, 'sam@'));
    expect(third).toBe(`Something is missing after the @. It should look like jane.smith@nhs.net.\n${TROUBLE_MESSAGE}`);
    expect(third).not.toContain('Your answer?');
    expect(third).toMatch(/help.*helpdesk.*cancel/s);
    // Still listening: a good answer now goes through.
    expect(readable(await turn(client, 'Sam.Jones@NHS.NET'))).toBe('Kept: Sam.Jones@nhs.net');
  });

  it('keeps the buttons when it re-asks a choice, and never repeats what was typed inside the card', async () => {
    const client = dialogClient(new OneQuestion('colour'), await worlds.open());
    expect(buttons(await turn(client, 'go'))).toEqual(['Red', 'Blue']);
    const again = await turn(client, '<b>green</b>');
    expect(buttons(again)).toEqual(['Red', 'Blue']);
    expect(readable(again)).toContain("Sorry, I didn't catch which one you meant.");
    expect(readable(again)).not.toContain('green');
    await turn(client, 'purple');
    const third = await turn(client, 'orange');
    expect(buttons(third)).toEqual([]);
    expect(readable(third)).toContain(TROUBLE_MESSAGE);
    expect(readable(await turn(client, 'blue'))).toBe('Kept: Blue');
  });

  it('cuts a name over 200 characters and says so', async () => {
    const client = dialogClient(new OneQuestion('name'), await worlds.open());
    await turn(client, 'go');
    const replies = await turn(client, 'A'.repeat(250));
    expect(readable(replies)).toBe(`That was longer than I can keep, so I've kept the first 200 characters.\nKept: ${'A'.repeat(200)}`);
  });

  it('cuts free text over 1000 characters, keeping its line breaks, and never splits a character', async () => {
    const client = dialogClient(new OneQuestion('note'), await worlds.open());
    await turn(client, 'go');
    const replies = await turn(client, `line one\nline two ${'😀'.repeat(1200)}`);
    const kept = readable(replies)
      .split('\n')
      .slice(1)
      .join('\n')
      .replace(/^Kept: /, '');
    expect(readable(replies)).toContain('kept the first 1000 characters');
    expect(kept.startsWith('line one\nline two')).toBe(true);
    expect(Array.from(kept)).toHaveLength(1000);
    expect(kept).not.toMatch(/[\uD800-\uDBFF]$/);
  });

  it('folds a name onto one line and refuses one that is only spaces', async () => {
    const client = dialogClient(new OneQuestion('name'), await worlds.open());
    await turn(client, 'go');
    expect(readable(await turn(client, '   '))).toBe('Please type a name.\nYour answer?');
    expect(readable(await turn(client, '  Sam \n  Jones '))).toBe('Kept: Sam Jones');
  });
});
