/**
 * The multiple-user spreadsheet a manager sends in a 1:1 chat, as the conversation needs it: found among the message's
 * attachments, downloaded within the limits it gives, and read into rows. Lives in the host because each step is Teams or
 * file plumbing; the conversation sees only rows or a sentence for the manager (DialogServices.spreadsheets).
 */
import type { Attachment } from 'botbuilder';
import { AppError } from '../../data/errors.js';
import type { AttachmentReader, AttachedSpreadsheet, SpreadsheetReader } from '../../dialogs/dialogServices.js';
import { FILE_UNREADABLE } from '../../dialogs/users/usersMessages.js';
import { findSpreadsheetAttachment } from '../attachments/spreadsheetAttachment.js';
import { readUsersWorkbook } from './readUsersWorkbook.js';

export function createSpreadsheetReader(attachments: AttachmentReader): SpreadsheetReader {
  return {
    async readAttached(activity: { attachments?: Attachment[] }, limits): Promise<AttachedSpreadsheet> {
      const found = findSpreadsheetAttachment(activity);
      if (!found.ok) return { ok: false, message: found.message };
      let file: Buffer;
      try {
        file = await attachments.read(found.downloadUrl, limits);
      } catch (error) {
        // The reader's errors are written for the person who sent the file; anything else is said in our own words.
        return { ok: false, message: error instanceof AppError ? error.message : FILE_UNREADABLE };
      }
      const workbook = await readUsersWorkbook(file);
      return workbook.ok ? { ok: true, rows: workbook.rows } : { ok: false, message: workbook.message };
    },
  };
}
