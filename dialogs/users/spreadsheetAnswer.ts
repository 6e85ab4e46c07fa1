/**
 * The check for the filled-in multiple-user spreadsheet: the attachment is found, downloaded with a size limit and a
 * timeout, read, and every row checked. A file that cannot be used is re-asked with the reason; a readable file is an
 * answer even when rows are wrong (the per-row report says what to change).
 */
import { findSpreadsheetAttachment } from '../../bot/attachments/spreadsheetAttachment.js';
import { readUsersWorkbook } from '../../bot/spreadsheet/readUsersWorkbook.js';
import { AppError } from '../../data/errors.js';
import { validateUserRows } from '../../data/imports/usersSheet.js';
import { formatRowReport } from '../../data/imports/usersSheetReport.js';
import type { RequestedUser } from '../../data/model.js';
import { accreditedDomainSet } from '../../data/rules/email.js';
import type { DialogServices } from '../dialogServices.js';
import type { AnswerCheck } from '../input/answerCheck.js';
import { FILE_UNREADABLE } from './usersMessages.js';

/** The largest spreadsheet accepted: a 500-row list is well under 1 MB. */
export const MAX_SPREADSHEET_BYTES = 2 * 1024 * 1024;
/** How long a download may take before the manager is asked to send it again. */
export const SPREADSHEET_TIMEOUT_MS = 15_000;

/** A spreadsheet that was read: the report to show, the people ready to send, and the row numbers that are not. */
export interface SpreadsheetOutcome {
  report: string;
  users: RequestedUser[];
  badRows: number[];
}

/** Used with an AttachmentPrompt (whose recognised value is ignored: the whole activity is read). */
export function spreadsheetAnswer(services: DialogServices): AnswerCheck<unknown, SpreadsheetOutcome> {
  return async (_recognized, context) => {
    const found = findSpreadsheetAttachment(context.activity);
    if (!found.ok) return { ok: false, reason: found.message };
    let file: Buffer;
    try {
      file = await services.attachments.read(found.downloadUrl, { maxBytes: MAX_SPREADSHEET_BYTES, timeoutMs: SPREADSHEET_TIMEOUT_MS });
    } catch (error) {
      // The reader's errors are written for the person who sent the file; anything else is said in our own words.
      return { ok: false, reason: error instanceof AppError ? error.message : FILE_UNREADABLE };
    }
    const workbook = await readUsersWorkbook(file);
    if (!workbook.ok) return { ok: false, reason: workbook.message };
    const accreditedDomains = accreditedDomainSet(services.store.read((data) => [...data.accreditedDomains]));
    const report = validateUserRows(workbook.rows, { accreditedDomains });
    return {
      ok: true,
      value: {
        report: formatRowReport(report),
        users: report.rows.flatMap((row) => (row.ok && row.user ? [row.user] : [])),
        badRows: report.rows.filter((row) => !row.ok).map((row) => row.row),
      },
    };
  };
}
