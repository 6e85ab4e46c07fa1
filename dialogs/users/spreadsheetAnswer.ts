/**
 * The check for the filled-in multiple-user spreadsheet: the attachment is found, downloaded with a size limit and a
 * timeout, read, and every row checked. A file that cannot be used is re-asked with the reason; a readable file is an
 * answer even when rows are wrong (the per-row report says what to change). "One by one" (typed, or the card's button)
 * is an answer too: the way back for a manager with fewer than ten people.
 */
import { isOneByOnePress } from '../../cards/spreadsheetCard.js';
import { validateUserRows } from '../../data/imports/usersSheet.js';
import { formatRowReport } from '../../data/imports/usersSheetReport.js';
import type { RequestedUser } from '../../data/model.js';
import { accreditedDomainSet, type MailboxOrganisation } from '../../data/rules/email.js';
import { normaliseCommand } from '../base/menuActions.js';
import type { DialogServices } from '../dialogServices.js';
import type { AnswerCheck } from '../input/answerCheck.js';

/** The largest spreadsheet accepted: a 500-row list is well under 1 MB. */
export const MAX_SPREADSHEET_BYTES = 2 * 1024 * 1024;
/**
 * How long a download may take before the manager is asked to send it again. Bot Framework gives a turn about 15 s, and
 * reading, checking and saving the state come after the download, so it gets a little over half of that.
 */
export const SPREADSHEET_TIMEOUT_MS = 8_000;

/** A spreadsheet that was read: the report to show, the people ready to send, and the row numbers that are not. */
export interface SpreadsheetOutcome {
  report: string;
  users: RequestedUser[];
  badRows: number[];
}

/** The manager would rather give the people one by one. */
export interface OneByOne {
  oneByOne: true;
}

/** What the file question's prompt passes as validations: the addresses of the people already on the request, and whose staff. */
export interface SpreadsheetValidations {
  listedEmails: string[];
  organisation?: MailboxOrganisation;
}

/** "one by one", or the button's "Enter people one by one", however it is spaced or capitalised. */
const ONE_BY_ONE_TYPED = /^one[\s-]*by[\s-]*one$|^enter (?:people|them) one[\s-]*by[\s-]*one$/;

/** Used with an AttachmentPrompt (whose recognised value is ignored: the whole activity is read). */
export function spreadsheetAnswer(services: DialogServices): AnswerCheck<unknown, SpreadsheetOutcome | OneByOne> {
  return async (_recognized, context, validations) => {
    const text = context.activity.text;
    if (isOneByOnePress(context.activity.value)) return { ok: true, value: { oneByOne: true } };
    if ((context.activity.attachments?.length ?? 0) === 0 && typeof text === 'string' && ONE_BY_ONE_TYPED.test(normaliseCommand(text))) {
      return { ok: true, value: { oneByOne: true } };
    }
    const workbook = await services.spreadsheets.readAttached(context.activity, {
      maxBytes: MAX_SPREADSHEET_BYTES,
      timeoutMs: SPREADSHEET_TIMEOUT_MS,
    });
    if (!workbook.ok) return { ok: false, reason: workbook.message };
    const accreditedDomains = accreditedDomainSet(await services.store.reference.accreditedDomains());
    const { listedEmails = [], organisation } = (validations as SpreadsheetValidations | undefined) ?? {};
    const report = validateUserRows(workbook.rows, { accreditedDomains, organisation }, { listedEmails });
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
