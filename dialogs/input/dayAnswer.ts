/** Reading a day a person typed: "today", dd/mm/yyyy (the UK way) or yyyy-mm-dd; the result is always yyyy-mm-dd. */
import { isCalendarDate } from '../../data/rules/bankHolidays.js';
import type { AnswerCheck } from './answerCheck.js';
import { noTextReason } from './answerCheck.js';

/**
 * An example day for the messages, worked out from today (yyyy-mm-dd) so it never lies in the past: the last day of next
 * month, written the UK way (dd/mm/yyyy). A fixed example date goes stale and reads as a date to copy.
 */
export function exampleDay(today: string): string {
  const [year, month] = today.split('-').map(Number);
  const last = new Date(Date.UTC(year, month + 1, 0));
  return `${String(last.getUTCDate()).padStart(2, '0')}/${String(last.getUTCMonth() + 1).padStart(2, '0')}/${last.getUTCFullYear()}`;
}

function how(today: string): string {
  return `Please give the date as a day, month and year, like ${exampleDay(today)}, or type today.`;
}

/** The day as yyyy-mm-dd, or why it could not be read; for any typed date. */
export function parseDay(typed: string, today: string): { ok: true; day: string } | { ok: false; reason: string } {
  const text = typed.trim().toLowerCase().replace(/\.$/, '');
  if (text === 'today') return { ok: true, day: today };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  if (!iso && !uk) return { ok: false, reason: `I couldn't read that as a date. ${how(today)}` };
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : [uk?.[3] ?? '', uk?.[2] ?? '', uk?.[1] ?? ''];
  // A two-digit year could mean either century to a computer; asking costs the person one more line.
  if (year.length === 2) return { ok: false, reason: `Please write the year in full, like ${exampleDay(today)}.` };
  const candidate = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  if (!isCalendarDate(candidate)) return { ok: false, reason: `That date doesn't exist in the calendar. ${how(today)}` };
  return { ok: true, day: candidate };
}

/**
 * Used with a TextPrompt for a day; `today` is read on each answer (from the services' clock, London date), and
 * `judge` may refuse a real day that is out of range, with its reason.
 */
export function dayAnswer(options: {
  today: () => string;
  judge?: (day: string, today: string) => string | undefined;
}): AnswerCheck<string> {
  return (recognized, context) => {
    if (!recognized.succeeded || typeof recognized.value !== 'string') return { ok: false, reason: noTextReason(context) };
    const today = options.today();
    const parsed = parseDay(recognized.value, today);
    if (!parsed.ok) return parsed;
    const refusal = options.judge?.(parsed.day, today);
    return refusal ? { ok: false, reason: refusal } : { ok: true, value: parsed.day };
  };
}
