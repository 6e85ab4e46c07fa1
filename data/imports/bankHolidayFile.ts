import { ValidationError } from '../errors.js';
import type { BankHoliday } from '../model.js';
import { parseBankHolidayFeed } from '../rules/bankHolidays.js';
import type { ImportResult, RowProblem } from './importResult.js';

/**
 * Reads a gov.uk bank-holiday feed file for import. Each bad entry is reported on the line where it starts in the file,
 * so an administrator can find it; a feed that does not cover this year and next is imported with a warning.
 */
export function parseBankHolidayFile(text: string, today: string): ImportResult<BankHoliday> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problems: [{ line: 1, problem: 'the file is not JSON' }] };
  }
  let holidays: BankHoliday[];
  try {
    holidays = parseBankHolidayFeed(json);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    const problems = (err.context.problems as string[] | undefined) ?? [err.message];
    const lines = eventStartLines(text);
    return {
      ok: false,
      problems: problems.map((problem): RowProblem => {
        const entry = /^Holiday (\d+)/.exec(problem);
        return { line: entry ? (lines[Number(entry[1]) - 1] ?? 1) : 1, problem: problem.replace(/\.$/, '') };
      }),
    };
  }
  const year = Number(today.slice(0, 4));
  const missing = [year, year + 1].filter((y) => !holidays.some((h) => h.date.startsWith(`${y}-`)));
  const warnings = missing.map((y): RowProblem => ({
    line: 1,
    problem: `the feed lists no bank holidays in ${y}, so ${y} will count every weekday as a working day`,
  }));
  return { ok: true, records: holidays, warnings };
}

/** Line numbers where each object of the england-and-wales "events" array starts; a tiny scanner that respects strings. */
function eventStartLines(text: string): number[] {
  const division = text.indexOf('"england-and-wales"');
  const events = division === -1 ? -1 : text.indexOf('"events"', division);
  const open = events === -1 ? -1 : text.indexOf('[', events);
  if (open === -1) return [];
  const starts: number[] = [];
  let line = text.slice(0, open).split('\n').length;
  let depth = 0;
  let inString = false;
  for (let i = open + 1; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '\n') line += 1;
    if (inString) {
      if (ch === '\\') i += 1;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') {
      if (depth === 0) starts.push(line);
      depth += 1;
    } else if (ch === '}' || ch === ']') {
      if (depth === 0) break;
      depth -= 1;
    } else if (depth === 0 && /[^\s,]/.test(ch)) starts.push(line);
  }
  return starts;
}
