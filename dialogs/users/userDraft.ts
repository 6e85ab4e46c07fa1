/**
 * One member of staff while the manager describes them. Plain JSON in the dialog's options and step values, so a
 * restart resumes; each question is skipped once its field is set, which is also how "change their e-mail" works.
 */
import type { RequestedUser, UcpRole } from '../../data/model.js';
import type { RegistrationBody } from '../../data/rules/registration.js';
import { roleText } from '../../cards/cardText.js';

export interface UserDraft {
  name?: string;
  /** The title as the UCP lists it, or as typed when the helpdesk decides. */
  jobTitle?: string;
  /** Set once the title is settled; null when the helpdesk decides. */
  role?: UcpRole | null;
  registrationBody?: RegistrationBody;
  registration?: { body: RegistrationBody; number: string };
  email?: string;
  emailConfirmed?: boolean;
  emailCheck?: string;
}

/** What a manager can change about one person from the review. */
export const USER_FIELDS = ['name', 'jobTitle', 'email'] as const;
export type UserField = (typeof USER_FIELDS)[number];

/** Choice titles for "what would you like to change about them?". */
export const USER_FIELD_TITLES: Readonly<Record<UserField, string>> = {
  name: 'Their name',
  jobTitle: 'Their job title',
  email: 'Their e-mail address',
};

/** A person already described, as a draft to change. */
export function draftOf(user: RequestedUser): UserDraft {
  return JSON.parse(JSON.stringify(user)) as UserDraft;
}

/** Used when a manager picks something to change: that field and what depends on it are asked again. */
export function clearUserField(draft: UserDraft, field: UserField): UserDraft {
  const next: UserDraft = { ...draft };
  if (field === 'name') delete next.name;
  if (field === 'jobTitle') {
    delete next.jobTitle;
    delete next.role;
    delete next.registrationBody;
    delete next.registration;
  }
  if (field === 'email') {
    delete next.email;
    delete next.emailConfirmed;
    delete next.emailCheck;
  }
  return next;
}

/** The finished person, or undefined while something is still to ask. */
export function toRequestedUser(draft: UserDraft): RequestedUser | undefined {
  if (!draft.name || !draft.jobTitle || draft.role === undefined || !draft.email) return undefined;
  if (draft.role === 'Clinical' && !draft.registration) return undefined;
  const user: RequestedUser = { name: draft.name, jobTitle: draft.jobTitle, role: draft.role, email: draft.email };
  if (draft.emailConfirmed) user.emailConfirmed = true;
  if (draft.emailCheck) user.emailCheck = draft.emailCheck;
  if (draft.registration) user.registration = { ...draft.registration };
  return user;
}

/** "Samuel Okafor, Health Care Assistant (Non-Clinical), samuel.okafor@nhs.net": one line of the review list. */
export function describeUser(user: RequestedUser): string {
  return `${user.name}, ${user.jobTitle} (${roleText(user.role)}), ${user.email}`;
}

/** Lower-cased for comparing addresses: two people may not share one. */
export function sameAddress(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
