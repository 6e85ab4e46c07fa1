/**
 * Professional registration numbers (source 001: clinical access needs registration with a clinical professional body).
 * Only the shape is checked here; whether the person is on the register is for the helpdesk to confirm.
 */
import { REGISTRATION_BODIES, jobTitles as shippedTitles, type JobTitles, type RegistrationBody } from '../reference/index.js';
import { roleForJobTitle } from './jobTitleRoles.js';

export { REGISTRATION_BODIES, type RegistrationBody };

export type RegistrationCheck =
  { outcome: 'ok'; body: RegistrationBody; number: string } | { outcome: 'refused'; body: RegistrationBody; message: string };

// HCPC profession codes, from the HCPC's registrant statistics and "How to check the Register":
// a number is the profession code followed by up to six digits (e.g. PH123456, PYL123456).
// Social workers in England left the HCPC for Social Work England on 2 December 2019, so SW is not among them.
export const HCPC_PROFESSIONS: Readonly<Record<string, string>> = {
  AS: 'arts therapist',
  BS: 'biomedical scientist',
  CH: 'chiropodist or podiatrist',
  CS: 'clinical scientist',
  DT: 'dietitian',
  HAD: 'hearing aid dispenser',
  ODP: 'operating department practitioner',
  OR: 'orthoptist',
  OT: 'occupational therapist',
  PA: 'paramedic',
  PH: 'physiotherapist',
  PO: 'prosthetist or orthotist',
  PYL: 'practitioner psychologist',
  RA: 'radiographer',
  SL: 'speech and language therapist',
};

interface BodyRule {
  name: string;
  pattern: RegExp;
  /** Plain description of the shape, shown when a number does not fit. */
  looksLike: string;
  tidy?: (number: string) => string;
}

const BODIES: Readonly<Record<RegistrationBody, BodyRule>> = {
  // NMC PIN: 2 digits, a letter, 4 digits, a letter (e.g. 12A3456E). The letters' meanings (month, country of
  // training) are not published as a rule, so any letter is allowed.
  NMC: {
    name: 'Nursing and Midwifery Council (NMC)',
    pattern: /^\d{2}[A-Z]\d{4}[A-Z]$/,
    looksLike: 'An NMC PIN looks like 12A3456E: two numbers, a letter, four numbers and a letter.',
  },
  // GMC reference number: 7 digits (NHS Data Dictionary, GENERAL MEDICAL COUNCIL REFERENCE NUMBER).
  GMC: {
    name: 'General Medical Council (GMC)',
    pattern: /^\d{7}$/,
    looksLike: 'A GMC number is seven numbers, for example 1234567.',
  },
  HCPC: {
    name: 'Health and Care Professions Council (HCPC)',
    pattern: new RegExp(`^(?:${Object.keys(HCPC_PROFESSIONS).join('|')})\\d{1,6}$`),
    looksLike:
      'An HCPC number is the letters for the profession and then up to six numbers, for example OT12345 for an occupational therapist, PA123456 for a paramedic or SL12345 for a speech and language therapist.',
  },
  // GPhC registration number: 7 digits (pharmacy technicians' start with 5, per the NHS Data Dictionary).
  GPhC: {
    name: 'General Pharmaceutical Council (GPhC)',
    pattern: /^\d{7}$/,
    looksLike: 'A GPhC number is seven numbers, for example 2012345.',
  },
  // GDC: numbers only; the GDC publishes no fixed length, so up to six digits (today's numbers) is accepted.
  GDC: {
    name: 'General Dental Council (GDC)',
    pattern: /^\d{1,6}$/,
    looksLike: 'A GDC number is made of numbers only, usually up to six, for example 123456.',
  },
  // Social Work England: SW and digits. Numbers carried over from the HCPC lost their leading zeros
  // (SW000123 became SW123, Social Work England transition FAQ), so we drop them too.
  SWE: {
    name: 'Social Work England',
    pattern: /^SW[1-9]\d{0,5}$/,
    looksLike: 'A Social Work England number starts with SW and then numbers, for example SW123456.',
    tidy: (number) => number.replace(/^SW0+/, 'SW'),
  },
};

// Words people put around the number itself ("NMC PIN: 12A3456E", "GMC no. 1234567").
const LABEL_WORDS = new Set(['NMC', 'GMC', 'HCPC', 'GPHC', 'GDC', 'SWE', 'PIN', 'NO', 'NUMBER', 'REG', 'REGISTRATION']);

function tidy(body: RegistrationBody, typed: string): string {
  const words = typed
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  while (words.length > 1 && LABEL_WORDS.has(words[0])) words.shift();
  const number = words.join('');
  return BODIES[body].tidy?.(number) ?? number;
}

/** The full name of a body, for choices and messages shown to people. */
export function registrationBodyName(body: RegistrationBody): string {
  return BODIES[body].name;
}

/** Checks the shape of a registration number someone gave for a clinical user; returns it tidied (no spaces, capitals). */
export function checkRegistration(body: RegistrationBody, typed: string): RegistrationCheck {
  const rule = BODIES[body];
  const number = tidy(body, typed);
  if (number === '') {
    return { outcome: 'refused', body, message: `Please give the ${rule.name} registration number. ${rule.looksLike}` };
  }
  if (rule.pattern.test(number)) return { outcome: 'ok', body, number };
  if (body === 'HCPC' && /^SW\d+$/.test(number)) {
    return {
      outcome: 'refused',
      body,
      message:
        'Social workers in England have been registered with Social Work England, not the HCPC, since December 2019. Please choose Social Work England for this number.',
    };
  }
  return {
    outcome: 'refused',
    body,
    message: `That doesn't look like a ${rule.name} number. ${rule.looksLike} Please check it and try again.`,
  };
}

/** The bodies a person with this job title is usually registered with, most likely first; used to offer a short choice. */
export function registrationBodiesFor(title: string, reference: JobTitles = shippedTitles): RegistrationBody[] {
  const match = roleForJobTitle(title, reference);
  if (match.kind === 'unknown') return [];
  return [...(reference.titles.find((t) => t.title === match.title)?.registrationBodies ?? [])];
}
