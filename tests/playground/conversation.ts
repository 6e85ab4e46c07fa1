/**
 * Answers the bot's questions the way a person does, until the conversation reaches its goal: each question it asks is
 * looked up in a table of answers, and answered by pressing a button on it (a choice) or by typing (free text only:
 * names, codes, postcodes, e-mail addresses). A question the table does not know, a button that is missing, or the same
 * question asked again after its answer stops the walkthrough with what the bot said.
 */
import { plain, StepFailure, summary, type PlaygroundPage } from './playgroundPage.js';
import type { Step } from './report.js';

export interface Answer {
  /** Matches the text of the message that asks the question. */
  question: RegExp;
  /** A choice: the button to press on that message. */
  press?: RegExp;
  /** Free text to type. */
  type?: string;
  /** How many times the question may be asked (the ODS code is asked again when the directory does not know it). */
  times?: number;
}

/** How many questions one conversation may ask before the walkthrough gives up (the longest asks about 15). */
const MAX_TURNS = 25;

/** One thing the person does: pressing a button, typing, mentioning the bot. */
export interface Action {
  name: string;
  act: () => Promise<void>;
}

/**
 * Does `opening`, then answers the bot's questions until a message matches `goal`, and returns that message's text.
 * Each action is a step; it passes when the bot answers it with the goal or a question the table answers.
 */
export async function converse(
  page: PlaygroundPage,
  step: Step,
  opening: Action,
  answers: readonly Answer[],
  goal: RegExp,
): Promise<string> {
  const asked = new Map<Answer, number>();
  let current: Action = opening;
  for (let turn = 0; turn < MAX_TURNS; turn += 1) {
    let reached: string | undefined;
    let next: Action | undefined;
    const doing = current;
    await step(doing.name, async () => {
      const mark = await page.mark();
      await doing.act();
      const fresh = await page.answerSince(mark, doing.name);
      reached = fresh.find((text) => goal.test(text));
      if (reached) return;
      const { answer, text } = nextQuestion(fresh, answers);
      const said = `"${fresh.map((message) => summary(message)).join('" then "')}"`;
      if (!answer) throw new StepFailure(`the bot answered ${said}: neither /${goal.source}/ nor a question the walkthrough answers`);
      const times = (asked.get(answer) ?? 0) + 1;
      if (times > (answer.times ?? 1)) throw new StepFailure(`the bot asked "${summary(text, 80)}" again: it answered ${said}`);
      asked.set(answer, times);
      next = answerAction(page, answer, text);
    });
    if (reached) return reached;
    if (!next) break;
    current = next;
  }
  throw new StepFailure(`the conversation did not reach /${goal.source}/ after ${MAX_TURNS} answers`);
}

function answerAction(page: PlaygroundPage, answer: Answer, question: string): Action {
  const how = answer.press ? `presses "${plain(answer.press)}"` : `types "${answer.type}"`;
  return {
    name: `${how} for "${summary(question, 70)}"`,
    act: () => (answer.press ? page.press(answer.press, answer.question) : page.say(answer.type ?? '')),
  };
}

/** The newest of the fresh messages that asks a question the table answers. */
function nextQuestion(fresh: readonly string[], answers: readonly Answer[]): { answer?: Answer; text: string } {
  for (const text of [...fresh].reverse()) {
    const answer = answers.find((candidate) => candidate.question.test(text));
    if (answer) return { answer, text };
  }
  return { text: fresh[fresh.length - 1] ?? '' };
}
