/** How much text the bot keeps from one answer, and how it cuts what is longer without breaking a character. */

/** Names, job titles, organisation names: one line someone would write on a form. */
export const MAX_NAME_LENGTH = 200;
/** Free text: a question for the helpdesk, a note. */
export const MAX_FREE_TEXT_LENGTH = 1000;

/** The text cut to `max` characters (code points, so an emoji is never split in half), and whether anything was cut. */
export function cutText(text: string, max: number): { text: string; cut: boolean } {
  const characters = Array.from(text);
  if (characters.length <= max) return { text, cut: false };
  return { text: characters.slice(0, max).join('').trimEnd(), cut: true };
}

/** What the bot says when it has kept only the start of an answer. */
export function cutNotice(max: number): string {
  return `That was longer than I can keep, so I've kept the first ${max} characters.`;
}
