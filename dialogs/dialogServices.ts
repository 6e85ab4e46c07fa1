import type { Activity, TurnContext } from 'botbuilder';
import type { UserSheetRow } from '../data/imports/usersSheetColumns.js';
import type { HelpdeskFacts } from '../data/rules/helpdesk.js';
import type { WorkingCalendar } from '../data/rules/workingHours.js';
import type { Store } from '../data/store/store.js';
import type { Workflow } from '../data/workflow/workflow.js';

/** An organisation as the NHS ODS directory (ORD API) describes it. */
export interface OdsOrganisation {
  odsCode: string;
  name: string;
  postcode?: string;
  active: boolean;
  /** ORD role ids, e.g. RO101 (social care site); see data/rules/ods.ts kindFromRoles. */
  roleIds: string[];
  primaryRoleId?: string;
  /** The ICB the organisation relates to (ORD relationship RE5), when given. */
  icbCode?: string;
}

/** found; notFound (the directory answered: no such code); unavailable (it could not be reached in time: carry on, verify later). */
export type OdsLookupResult = { status: 'found'; organisation: OdsOrganisation } | { status: 'notFound' } | { status: 'unavailable' };

/** The ODS directory, behind an interface: the real client has a short timeout, a cache and a rate limit. */
export interface OdsDirectory {
  lookup(odsCode: string): Promise<OdsLookupResult>;
}

/** Reads a file a person attached in Teams (its download URL), refusing anything over `maxBytes` or slower than `timeoutMs`. */
export interface AttachmentReader {
  read(url: string, options: { maxBytes: number; timeoutMs: number }): Promise<Buffer>;
}

/** The rows of an attached spreadsheet, or a sentence for the manager saying why it cannot be used. */
export type AttachedSpreadsheet = { ok: true; rows: UserSheetRow[] } | { ok: false; message: string };

/** Finds the multiple-user spreadsheet attached to a message, downloads it within `limits` and reads its rows. */
export interface SpreadsheetReader {
  readAttached(activity: Pick<Activity, 'attachments'>, limits: { maxBytes: number; timeoutMs: number }): Promise<AttachedSpreadsheet>;
}

/** What the conversations need from the rest of the product; an interface, so tests can pass fakes (tests/helpers/). */
export interface DialogServices {
  store: Store;
  workflow: Workflow;
  ods: OdsDirectory;
  spreadsheets: SpreadsheetReader;
  calendar: WorkingCalendar;
  clock(): Date;
  /** The person's work e-mail as Teams knows it (their NHSmail address in the NHSmail tenant), or undefined. */
  memberEmail(context: TurnContext): Promise<string | undefined>;
  /** Where the multiple-user spreadsheet template can be downloaded (served by the bot: GET /templates/ucp-multiple-users.xlsx). */
  usersTemplateUrl: string;
  /** The helpdesk's configured target and contact (bot/config.ts); each unset unless the operator set it. */
  helpdesk: HelpdeskFacts;
}
