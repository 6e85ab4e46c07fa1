/** Why an attached file could not be read. The messages are safe to show the person who sent it; no URL is ever kept (it carries a token). */
import { AppError, UpstreamError } from '../../data/errors.js';

/** Used when a file is over the size limit, whatever its Content-Length said. */
export class AttachmentTooLargeError extends AppError {
  constructor(readonly maxBytes: number) {
    super(
      'attachment-too-large',
      `The file is bigger than we can take (the limit is ${describeSize(maxBytes)}). ` +
        'Please check it is the users spreadsheet, remove any pictures or extra sheets, and send it again.',
      { maxBytes },
    );
  }
}

/** Why a download failed, for the caller's decisions and the logs (never the URL). */
export type AttachmentFailure = 'notAllowed' | 'timeout' | 'status' | 'network' | 'redirects';

/** Used when a file could not be downloaded: a refused address, a slow or failing file store, an expired link. */
export class AttachmentDownloadError extends UpstreamError {
  constructor(
    readonly reason: AttachmentFailure,
    readonly status?: number,
  ) {
    super(messageFor(reason, status), { reason, status });
  }
}

/** "2 MB", "500 KB": sizes as people read them. */
export function describeSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

function messageFor(reason: AttachmentFailure, status?: number): string {
  switch (reason) {
    case 'notAllowed':
    case 'redirects':
      return "We couldn't open that file from where it is stored. Please attach it to this chat again with the paperclip button.";
    case 'timeout':
      return 'The file took too long to reach us. Please try sending it again in a minute.';
    case 'status':
      if (status !== undefined && [401, 403, 404, 410].includes(status)) {
        return "Teams wouldn't let us open the file; the link to it may have expired. Please attach it to this chat again.";
      }
      return "Teams' file storage had a problem sending us the file. Please try again in a few minutes.";
    case 'network':
      return "We couldn't reach Teams' file storage to fetch the file. Please try again in a few minutes.";
  }
}
