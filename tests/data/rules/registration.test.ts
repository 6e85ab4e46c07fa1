import { describe, expect, it } from '@jest/globals';
import {
  REGISTRATION_BODIES,
  checkRegistration,
  registrationBodiesFor,
  registrationBodyName,
  type RegistrationBody,
} from '../../../data/rules/registration.js';

describe('checkRegistration', () => {
  it.each<[RegistrationBody, string, string]>([
    ['NMC', '12A3456E', '12A3456E'],
    ['NMC', '12a 3456e', '12A3456E'],
    ['NMC', 'NMC PIN: 99Z0001S', '99Z0001S'],
    ['GMC', '1234567', '1234567'],
    ['GMC', 'GMC no. 7654321', '7654321'],
    ['HCPC', 'OT12345', 'OT12345'],
    ['HCPC', 'pa 123456', 'PA123456'],
    ['HCPC', 'SL 04321', 'SL04321'],
    ['HCPC', 'PYL123456', 'PYL123456'],
    ['HCPC', 'HCPC ODP12345', 'ODP12345'],
    ['GPhC', '2012345', '2012345'],
    ['GPhC', '5012345', '5012345'],
    ['GDC', '123456', '123456'],
    ['GDC', '81234', '81234'],
    ['SWE', 'SW123456', 'SW123456'],
    ['SWE', 'sw 000123', 'SW123'],
  ])('accepts a %s number typed as "%s" and keeps it as %s', (body, typed, number) => {
    expect(checkRegistration(body, typed)).toEqual({ outcome: 'ok', body, number });
  });

  it.each<[RegistrationBody, string]>([
    ['NMC', '123A456E'],
    ['NMC', '12A34567'],
    ['NMC', '12A3456'],
    ['NMC', '1234567'],
    ['GMC', '123456'],
    ['GMC', '12345678'],
    ['GMC', 'C1234567'],
    ['HCPC', '12345'],
    ['HCPC', 'XX12345'],
    ['HCPC', 'OT1234567'],
    ['HCPC', 'OT'],
    ['GPhC', '201234'],
    ['GPhC', '20123456'],
    ['GDC', '1234567'],
    ['GDC', 'D123456'],
    ['SWE', '123456'],
    ['SWE', 'SW'],
    ['SWE', 'SW000'],
    ['SWE', 'SW1234567'],
  ])('refuses a %s number typed as "%s" and explains what one looks like', (body, typed) => {
    const check = checkRegistration(body, typed);
    expect(check).toMatchObject({ outcome: 'refused', body });
    expect(check.outcome === 'refused' && check.message).toMatch(/look/);
  });

  it('describes an NMC PIN in plain words', () => {
    expect(checkRegistration('NMC', '12345')).toMatchObject({
      message: expect.stringContaining('An NMC PIN looks like 12A3456E: two numbers, a letter, four numbers and a letter.'),
    });
  });

  it('sends a social worker to Social Work England when the number was given as HCPC', () => {
    expect(checkRegistration('HCPC', 'SW12345')).toMatchObject({
      outcome: 'refused',
      message: expect.stringContaining('Social Work England'),
    });
  });

  it.each(REGISTRATION_BODIES)('asks for the number when nothing was typed for %s', (body) => {
    expect(checkRegistration(body, '   ')).toMatchObject({ outcome: 'refused', message: expect.stringMatching(/^Please give the/) });
  });

  it('names the body in full in every refusal', () => {
    for (const body of REGISTRATION_BODIES) {
      const check = checkRegistration(body, '?');
      expect(check.outcome === 'refused' && check.message).toContain(registrationBodyName(body));
    }
  });
});

describe('registrationBodiesFor', () => {
  it.each([
    ['Staff Nurse', ['NMC']],
    ['RGN', ['NMC']],
    ['General Practitioner', ['GMC']],
    ['Junior Doctor', ['GMC']],
    ['Medical Consultant', ['GMC']],
    ['Lead Nurse', ['NMC']],
    ['Occupational Therapist', ['HCPC']],
    ['SALT', ['HCPC']],
    ['Paramedic', ['HCPC']],
    ['Social Worker', ['SWE']],
    ['Clinical Lead', ['NMC', 'GMC', 'HCPC']],
  ])('suggests the likely body for "%s"', (title, bodies) => {
    expect(registrationBodiesFor(title)).toEqual(bodies);
  });

  it.each(['Health Care Assistant', 'Practice Manager', 'Trainee Social Worker', 'Senior Carer', 'Consultant', ''])(
    'suggests no body for "%s", where none is expected or the title is unknown',
    (title) => {
      expect(registrationBodiesFor(title)).toEqual([]);
    },
  );

  it('gives every clinical title at least one body to ask about', () => {
    for (const title of [
      'Nurse',
      'Clinical Lead',
      'Clinical Nurse Specialist',
      'Community Nurse',
      'Community Paediatrician',
      'Community Psychiatric Nurse',
      'Consultant Medical',
      'District Nurse',
      'General Practitioner',
      'Junior Doctor',
      'Occupational Therapist',
      'Registrar',
      'Speech and Language Therapist',
      'Staff Nurse',
    ]) {
      expect(registrationBodiesFor(title).length).toBeGreaterThan(0);
    }
  });
});
