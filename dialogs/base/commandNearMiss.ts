/**
 * Typing slips in the commands ("reqest acess", "chek readiness", "staus"), recognised by a small, predictable rule:
 * the message has as many words as the command, and each word is the command's word with at most one slip (a letter
 * missing, extra, wrong, or two letters swapped); a command word under four letters must be exact ("add", "my").
 * Inside a conversation, where the message is usually an answer, only commands of two or more words count: a single
 * word such as a surname ("Weaver" is one slip from "leaver", "Stuart" from "start") is never taken for a command.
 */
import { damerauLevenshtein } from '../../data/rules/text.js';

/** Shorter command words must be typed exactly: one slip in a three-letter word is a different word. */
const MIN_WORD_FOR_A_SLIP = 4;

function wordClose(typed: string, command: string): boolean {
  if (command.length < MIN_WORD_FOR_A_SLIP) return typed === command;
  return damerauLevenshtein(typed, command) <= 1;
}

/**
 * The one command a normalised message is a slip of, or undefined (none, or more than one). `commands` maps each
 * command phrase to what it means; tried only after the exact keywords.
 */
export function nearMissOf<T>(normalised: string, commands: ReadonlyMap<string, T>, options: { inConversation: boolean }): T | undefined {
  const typed = normalised.split(' ');
  const found = new Set<T>();
  for (const [phrase, meaning] of commands) {
    const words = phrase.split(' ');
    if (words.length !== typed.length || (options.inConversation && words.length < 2)) continue;
    if (!/^[\p{L} ]+$/u.test(phrase)) continue;
    if (words.every((word, i) => wordClose(typed[i], word))) found.add(meaning);
  }
  return found.size === 1 ? [...found][0] : undefined;
}
