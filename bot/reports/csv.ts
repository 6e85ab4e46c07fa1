/**
 * CSV for the reports (admin CLI and the tab's download). The cell rule is the audit export's (bot/admin/ticketCommands.ts
 * csvCell): issue 14 point 3 makes one shared CSV module of it, and this file then gives way to that one.
 */

/** RFC 4180 quoting; a leading = + - @ (or tab, carriage return) gets a ' so a spreadsheet never runs typed text as a formula. */
export function csvCell(value: unknown): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The header and the rows, one line each (no line break at the end). */
export function csvLines(header: readonly string[], rows: readonly (readonly unknown[])[]): string[] {
  return [header, ...rows].map((cells) => cells.map(csvCell).join(','));
}
