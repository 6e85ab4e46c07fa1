/**
 * Finds the spreadsheet in a message a person sent to the bot. Teams sends a file in a 1:1 chat as an attachment of
 * type `application/vnd.microsoft.teams.file.download.info` whose `content.downloadUrl` is a short-lived, pre-authenticated link
 * (the app manifest needs `supportsFiles: true`). Teams also adds a text/html copy of the message and may add cards: those are skipped.
 */
import type { Attachment } from 'botbuilder';

/** The attachment type Teams uses for a file sent in a 1:1 chat with a bot. */
export const TEAMS_FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

/** The spreadsheet's download link and name, or why the message holds none (with a message to show the person). */
export type SpreadsheetAttachment =
  | { ok: true; downloadUrl: string; fileName: string }
  | { ok: false; reason: 'noFile' | 'notSpreadsheet' | 'oldFormat' | 'several'; message: string };

interface TeamsFile {
  downloadUrl: string;
  fileName: string;
  /** Lower case, without the dot: "xlsx", "csv", "pdf"; "" when the name has none. */
  fileType: string;
}

const MAX_NAME = 80;

function teamsFile(attachment: Attachment): TeamsFile | undefined {
  if (attachment.contentType !== TEAMS_FILE_DOWNLOAD_INFO) return undefined;
  const content = (attachment.content ?? {}) as { downloadUrl?: unknown; fileType?: unknown };
  if (typeof content.downloadUrl !== 'string' || content.downloadUrl === '') return undefined;
  const fileName = typeof attachment.name === 'string' ? attachment.name.trim() : '';
  const fromName = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1] ?? '';
  const fileType = (typeof content.fileType === 'string' && content.fileType !== '' ? content.fileType : fromName).toLowerCase();
  return { downloadUrl: content.downloadUrl, fileName, fileType };
}

/** A file name as the person wrote it, cut to a length that fits a sentence. */
function shown(fileName: string): string {
  const name = fileName.replace(/\s+/g, ' ');
  return name.length > MAX_NAME ? `${name.slice(0, MAX_NAME - 1)}…` : name;
}

/** Used when a person sends a message during the multiple-user route: the spreadsheet's download link, or why there is none. */
export function findSpreadsheetAttachment(activity: { attachments?: Attachment[] }): SpreadsheetAttachment {
  const attachments = activity.attachments ?? [];
  const files = attachments.map(teamsFile).filter((f): f is TeamsFile => f !== undefined);
  const spreadsheets = files.filter((f) => f.fileType === 'xlsx');
  if (spreadsheets.length === 1) return { ok: true, downloadUrl: spreadsheets[0].downloadUrl, fileName: spreadsheets[0].fileName };
  if (spreadsheets.length > 1) {
    return {
      ok: false,
      reason: 'several',
      message: `You sent ${spreadsheets.length} spreadsheets. Please send just the one with the list of staff, so we check the right people.`,
    };
  }
  const other = files[0];
  if (other && ['xls', 'csv', 'ods', 'numbers'].includes(other.fileType)) {
    return {
      ok: false,
      reason: 'oldFormat',
      message:
        `"${shown(other.fileName)}" isn't an Excel workbook we can read. Please open it in Excel, choose File, Save As, ` +
        'pick "Excel Workbook (.xlsx)" and send that file.',
    };
  }
  if (other) {
    return {
      ok: false,
      reason: 'notSpreadsheet',
      message: `"${shown(other.fileName)}" isn't the users spreadsheet. Please fill in the template we gave you and send it back as an .xlsx file.`,
    };
  }
  const picture = attachments.some((a) => typeof a.contentType === 'string' && a.contentType.startsWith('image/'));
  return {
    ok: false,
    reason: 'noFile',
    message: picture
      ? 'We got a picture rather than the spreadsheet. Please send the filled-in .xlsx file itself, using the paperclip (Attach) button under the message box.'
      : "We didn't find a file in your message. Please send the filled-in spreadsheet using the paperclip (Attach) button under the message box.",
  };
}
