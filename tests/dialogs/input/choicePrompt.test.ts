import { describe, it, expect } from '@jest/globals';
import { TextPrompt, WaterfallDialog, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import { validateCard } from '../../helpers/validateCard.js';
import { CancelAndHelpDialog } from '../../../dialogs/base/cancelAndHelpDialog.js';
import { MainDialog, QUESTION_FINISHED } from '../../../dialogs/mainDialog.js';
import { EARLIER_QUESTION, withRetryLimit } from '../../../dialogs/input/answerCheck.js';
import { choiceAnswer } from '../../../dialogs/input/choiceAnswer.js';
import { ButtonChoicePrompt } from '../../../dialogs/input/choicePrompt.js';
import { choiceOptions } from '../../../dialogs/input/choiceOptions.js';
import { plainMessage, sayPlain } from '../../../dialogs/input/plainText.js';
import { textAnswer } from '../../../dialogs/input/textAnswer.js';
import { UsersDialog } from '../../../dialogs/users/usersDialog.js';
import { adaptiveCards, buttons, dialogClient, press, readable, submit, turn, useDialogWorld } from '../../helpers/dialogFixtures.js';
import { StandInDialog } from '../standIns.js';

/** Two choice questions in a row, then a typed one, echoing what it was given. */
class TwoChoices extends CancelAndHelpDialog {
  constructor() {
    super('twoChoices', {});
    this.addDialog(new ButtonChoicePrompt('choice', withRetryLimit(choiceAnswer())));
    this.addDialog(new TextPrompt('note', withRetryLimit(textAnswer({ what: 'a note' }))));
    this.addDialog(
      new WaterfallDialog('steps', [
        async (step: WaterfallStepContext) => step.prompt('choice', choiceOptions('Tea or coffee?', ['Tea', 'Coffee'])),
        async (step: WaterfallStepContext) => {
          await sayPlain(step.context, `Drink: ${(step.result as FoundChoice).value}`);
          return step.prompt('choice', choiceOptions('Milk?', ['Yes', { value: 'No, black', title: 'No' }]));
        },
        async (step: WaterfallStepContext) => {
          await sayPlain(step.context, `Milk: ${(step.result as FoundChoice).value}`);
          return step.prompt('note', { prompt: plainMessage('Anything else?') });
        },
        async (step: WaterfallStepContext) => {
          await sayPlain(step.context, `Note: ${step.result as string}`);
          return step.endDialog();
        },
      ]),
    );
    this.initialDialogId = 'steps';
  }
}

describe('a choice question', () => {
  const worlds = useDialogWorld();

  it('comes as an Adaptive Card that validates clean: the question in text runs, one Action.Submit per option carrying the choice and the question', async () => {
    const client = dialogClient(new TwoChoices(), await worlds.open());
    const replies = await turn(client, 'hi');
    expect(replies.flatMap((reply) => reply.attachments ?? []).map((a) => a.contentType)).toEqual([
      'application/vnd.microsoft.card.adaptive',
    ]);
    const [card] = adaptiveCards(replies);
    expect(validateCard(card)).toEqual({ version: '1.5', problems: [] });
    expect(JSON.stringify(card)).not.toMatch(/imBack|"TextBlock"/);
    const actions = (
      card.body as { type: string; actions?: { type: string; title: string; data: { choice: string; question: string } }[] }[]
    ).flatMap((element) => element.actions ?? []);
    expect(actions.map((action) => [action.type, action.title, action.data.choice])).toEqual([
      ['Action.Submit', 'Tea', 'Tea'],
      ['Action.Submit', 'Coffee', 'Coffee'],
    ]);
    expect(new Set(actions.map((action) => action.data.question)).size).toBe(1);
    expect(readable(replies)).toBe('Tea or coffee?\n[Tea]\n[Coffee]');
  });

  it('is answered by pressing a button (a submit with the value and no text), and the button sends the value, not its title', async () => {
    const client = dialogClient(new TwoChoices(), await worlds.open());
    const first = await turn(client, 'hi');
    const second = await turn(client, press(first, 'Coffee'));
    expect(readable(second)).toContain('Drink: Coffee');
    expect(readable(await turn(client, press(second, 'No')))).toContain('Milk: No, black');
  });

  it("refuses kindly a press on an earlier question's card, asks the current one again, and still takes its own buttons", async () => {
    const client = dialogClient(new TwoChoices(), await worlds.open());
    const first = await turn(client, 'hi');
    const second = await turn(client, press(first, 'Tea'));
    const stale = await turn(client, press(first, 'Coffee'));
    expect(readable(stale)).toBe(`${EARLIER_QUESTION}\nMilk?\n[Yes]\n[No]`);
    expect(readable(await turn(client, press(second, 'Yes')))).toContain('Milk: Yes');
  });

  it('refuses a forged or unknown choice like a stale one', async () => {
    const client = dialogClient(new TwoChoices(), await worlds.open());
    const first = await turn(client, 'hi');
    const question = (adaptiveCards(first)[0].body as { actions?: { data: { question: string } }[] }[])[1].actions?.[0].data.question;
    expect(readable(await turn(client, submit({ choice: 'Whisky', question })))).toContain(EARLIER_QUESTION);
  });

  it('says so when a choice button is pressed while a typed answer is awaited', async () => {
    const client = dialogClient(new TwoChoices(), await worlds.open());
    const first = await turn(client, 'hi');
    const second = await turn(client, press(first, 'Tea'));
    await turn(client, press(second, 'Yes'));
    expect(readable(await turn(client, press(second, 'No')))).toBe(`${EARLIER_QUESTION}\nAnything else?`);
  });

  it('says so when a choice button is pressed after its conversation ended, then shows the menu', async () => {
    const world = await worlds.open();
    const client = dialogClient(
      new MainDialog(world.services, {
        accessRequest: new StandInDialog('accessRequestDialog', 'Stand-in?'),
        addStaff: new StandInDialog('addUsersDialog', 'Stand-in?'),
      }),
      world,
    );
    const asked = await turn(client, 'check readiness');
    await turn(client, 'cancel');
    const replies = await turn(client, press(asked, 'Care home'));
    expect(readable(replies)).toContain(QUESTION_FINISHED);
    expect(adaptiveCards(replies)).toHaveLength(1);
  });

  it('names the options an ambiguous typed answer fits, with the buttons again', async () => {
    const world = await worlds.open();
    const client = dialogClient(
      new MainDialog(world.services, {
        accessRequest: new StandInDialog('accessRequestDialog', '?'),
        addStaff: new StandInDialog('addUsersDialog', '?'),
      }),
      world,
    );
    await turn(client, 'check readiness');
    const again = await turn(client, 'home');
    expect(readable(again)).toContain('That could be Care home or Home care. Please press the one you mean.');
    expect(buttons(again)).toHaveLength(8);
  });
});

describe('"How many members of staff need access?" (source 001: ten or more people by spreadsheet)', () => {
  const worlds = useDialogWorld();

  it.each([
    ['2', 'What is the full name of the first person who needs access?'],
    ['9', 'What is the full name of the first person who needs access?'],
    ['three', 'What is the full name of the first person who needs access?'],
    ['10', 'For ten or more people, a spreadsheet is quicker.'],
    ['25 people', 'For ten or more people, a spreadsheet is quicker.'],
    ['0', 'Please type how many, from 1 up, or press one of the buttons.'],
  ])('takes "%s" as a number of people', async (typed, next) => {
    const world = await worlds.open();
    const client = dialogClient(new UsersDialog(world.services), world);
    expect(readable(await turn(client, 'go'))).toContain('How many members of staff need access?');
    expect(readable(await turn(client, typed))).toContain(next);
  });
});
