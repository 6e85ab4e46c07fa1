import { describe, expect, it } from '@jest/globals';
import { nearestJobTitles, roleForJobTitle } from '../../../data/rules/jobTitleRoles.js';
import { jobTitles, type JobTitles } from '../../../data/reference/index.js';
import type { UcpRole } from '../../../data/model.js';

// Source 001 Appendix 1, copied here by hand so the shipped JSON is checked against the source, not against itself.
const APPENDIX_1: [string, UcpRole][] = [
  ['111 Clinician', 'Urgent Care'],
  ['111 Supervisor', 'Urgent Care'],
  ['A&E Liaison Officer', 'Non-Clinical'],
  ['Access Co-ordinator', 'Non-Clinical'],
  ['Approved Social Worker', 'Non-Clinical'],
  ['Assistant Care Manager', 'Non-Clinical'],
  ['Assistant Team Manager', 'Non-Clinical'],
  ['Behavioural Specialist', 'Non-Clinical'],
  ['Care Manager', 'Non-Clinical'],
  ['Nurse', 'Clinical'],
  ['Clinical Administrator', 'Non-Clinical'],
  ['Clinical Lead', 'Clinical'],
  ['Clinical Nurse Specialist', 'Clinical'],
  ['Community Nurse', 'Clinical'],
  ['Community Paediatrician', 'Clinical'],
  ['Community Psychiatric Nurse', 'Clinical'],
  ['Community Support Worker', 'Non-Clinical'],
  ['Consultant Medical', 'Clinical'],
  ['District Nurse', 'Clinical'],
  ['Duty Social Worker', 'Non-Clinical'],
  ['Education Social Worker', 'Non-Clinical'],
  ['Family Worker', 'Non-Clinical'],
  ['General Practitioner', 'Clinical'],
  ['Health Care Assistant', 'Non-Clinical'],
  ['Junior Doctor', 'Clinical'],
  ['Occupational Therapist', 'Clinical'],
  ['OOH GP', 'Urgent Care'],
  ['Paramedic', 'Urgent Care'],
  ['Practice Manager', 'Non-Clinical'],
  ['Registrar', 'Clinical'],
  ['Reviewing Officer', 'Non-Clinical'],
  ['Senior Social Worker', 'Non-Clinical'],
  ['Social Worker', 'Non-Clinical'],
  ['Social Worker Supervisor', 'Non-Clinical'],
  ['Speech and Language Therapist', 'Clinical'],
  ['Staff Nurse', 'Clinical'],
  ['Trainee Social Worker', 'Non-Clinical'],
];

describe('roleForJobTitle', () => {
  it('knows all 37 titles of the onboarding procedure and nothing else', () => {
    const byName = (a: string, b: string) => a.localeCompare(b);
    expect(APPENDIX_1).toHaveLength(37);
    expect(jobTitles.titles.map((t) => t.title).sort(byName)).toEqual(APPENDIX_1.map(([title]) => title).sort(byName));
  });

  it.each(APPENDIX_1)('gives "%s" the %s role, asking for registration only when clinical', (title, role) => {
    expect(roleForJobTitle(title)).toEqual({ kind: 'exact', title, role, needsRegistration: role === 'Clinical' });
  });

  it.each([
    ['a & e liaison officer', 'A&E Liaison Officer'],
    ['  STAFF   nurse ', 'Staff Nurse'],
    ['Healthcare Assistant', 'Health Care Assistant'],
    ['Access Coordinator', 'Access Co-ordinator'],
    ['ooh-gp', 'OOH GP'],
    ['Speech & Language Therapist', 'Speech and Language Therapist'],
  ])('recognises "%s" as %s whatever the spacing, case or punctuation', (typed, title) => {
    expect(roleForJobTitle(typed)).toMatchObject({ kind: 'exact', title });
  });

  it.each([
    ['RGN', 'Nurse', 'Clinical'],
    ['RMN', 'Nurse', 'Clinical'],
    ['GP', 'General Practitioner', 'Clinical'],
    ['HCA', 'Health Care Assistant', 'Non-Clinical'],
    ['SALT', 'Speech and Language Therapist', 'Clinical'],
    ['OT', 'Occupational Therapist', 'Clinical'],
    ['CNS', 'Clinical Nurse Specialist', 'Clinical'],
    ['cpn', 'Community Psychiatric Nurse', 'Clinical'],
    ['Out of hours GP', 'OOH GP', 'Urgent Care'],
    ['Out-of-hours GP', 'OOH GP', 'Urgent Care'],
    ['Medical Consultant', 'Consultant Medical', 'Clinical'],
    ['Resident Doctor', 'Junior Doctor', 'Clinical'],
    ['Registered Nurse', 'Nurse', 'Clinical'],
    ['Lead Nurse', 'Nurse', 'Clinical'],
    ['Senior Nurse', 'Nurse', 'Clinical'],
    ['Charge Nurse', 'Nurse', 'Clinical'],
    ['Night Nurse', 'Nurse', 'Clinical'],
    ['Care Home Nurse', 'Nurse', 'Clinical'],
    ['Senior Staff Nurse', 'Staff Nurse', 'Clinical'],
    ['Nurse Practitioner', 'Nurse', 'Clinical'],
    ['Advanced Nurse Practitioner', 'Nurse', 'Clinical'],
    ['Accident & Emergency Liaison Officer', 'A&E Liaison Officer', 'Non-Clinical'],
  ])('understands the alias "%s" as %s (%s)', (alias, title, role) => {
    expect(roleForJobTitle(alias)).toMatchObject({ kind: 'alias', title, role, needsRegistration: role === 'Clinical' });
  });

  it('says which alias it recognised, so the summary can show both', () => {
    expect(roleForJobTitle('rgn')).toEqual({ kind: 'alias', alias: 'RGN', title: 'Nurse', role: 'Clinical', needsRegistration: true });
  });

  it.each(['Care Assistant', 'Senior Carer', 'Registered Manager', 'Doctor', 'Nursing Associate', 'Deputy Manager', 'Physiotherapist'])(
    'never guesses a role for "%s", which is not in the table, and says the helpdesk will decide',
    (typed) => {
      const match = roleForJobTitle(typed);
      expect(match.kind).toBe('unknown');
      if (match.kind !== 'unknown') return;
      expect(match.input).toBe(typed);
      expect(match.message).toContain(`"${typed}"`);
      expect(match.message).toMatch(/helpdesk will decide/);
      expect(match.suggestions.length).toBeLessThanOrEqual(3);
    },
  );

  it('offers Health Care Assistant first for a care assistant', () => {
    const match = roleForJobTitle('Care Assistant');
    expect(match.kind === 'unknown' && match.suggestions[0]).toBe('Health Care Assistant');
  });

  it('names the closest titles in the message when there are some', () => {
    const match = roleForJobTitle('Registered Manager');
    expect(match).toMatchObject({ kind: 'unknown', suggestions: ['Care Manager', 'Practice Manager', 'Assistant Care Manager'] });
    expect(match.kind === 'unknown' && match.message).toContain('Care Manager, Practice Manager or Assistant Care Manager');
  });

  it('asks for the title when nothing was typed', () => {
    expect(roleForJobTitle('  ')).toEqual({
      kind: 'unknown',
      input: '',
      suggestions: [],
      message: expect.stringMatching(/tell us the person's job title/),
    });
  });

  it('tidies the spacing of what was typed before repeating it back', () => {
    expect(roleForJobTitle('  Senior    Carer ')).toMatchObject({ kind: 'unknown', input: 'Senior Carer' });
  });

  it('works from reference data it is given, so a new table needs no code change', () => {
    const table: JobTitles = {
      titles: [{ title: 'Care Home Nurse', role: 'Clinical', registrationBodies: ['NMC'] }],
      aliases: [{ alias: 'CHN', title: 'Care Home Nurse', why: 'test' }],
      clinicalWords: ['nurse'],
    };
    expect(roleForJobTitle('chn', table)).toMatchObject({ kind: 'alias', title: 'Care Home Nurse', needsRegistration: true });
    expect(roleForJobTitle('Nurse', table)).toMatchObject({ kind: 'unknown', suggestions: ['Care Home Nurse'] });
  });
});

describe('nearestJobTitles', () => {
  it.each([
    ['Nures', 'Nurse'],
    ['ocupational therapist', 'Occupational Therapist'],
    ['heathcare assistant', 'Health Care Assistant'],
    ['Paediatrician', 'Community Paediatrician'],
    ['GP partner', 'General Practitioner'],
    ['Acess Coordinater', 'Access Co-ordinator'],
  ])('puts the title meant first when "%s" is typed', (typed, meant) => {
    expect(nearestJobTitles(typed)[0]).toBe(meant);
  });

  it.each(['Bricklayer', 'Chef', 'Bed and Breakfast', 'xyz', '???'])(
    'suggests nothing for "%s", which shares nothing with any title',
    (typed) => {
      expect(nearestJobTitles(typed)).toEqual([]);
    },
  );

  it('does not let an alias word alone pull in its title ("Registered Manager" is not a registered nurse)', () => {
    expect(nearestJobTitles('Registered Manager')).not.toContain('Nurse');
  });

  it('gives the same suggestions in the same order every time', () => {
    const first = nearestJobTitles('Care Worker');
    expect(nearestJobTitles('Care Worker')).toEqual(first);
    expect(first).toEqual(['Family Worker', 'Social Worker', 'Care Manager']);
  });

  it('returns at most the number asked for', () => {
    expect(nearestJobTitles('nurse specialist community', undefined, 5).length).toBeLessThanOrEqual(5);
    expect(nearestJobTitles('social worker senior', undefined, 1)).toEqual(['Senior Social Worker']);
  });
});

// Source 001 Appendix 1 maps whole titles to roles, and Clinical is "full read and edit" of care plans: a word that is
// not clinical on its own in a care home never leads to Clinical, neither as an alias nor as a suggestion one click away.
describe('words that are not clinical on their own', () => {
  const RULE = "source 001 Appendix 1 'Clinical Lead' / 'Consultant Medical' are whole titles";
  const clinicalTitles = new Set(jobTitles.titles.filter((t) => t.role === 'Clinical').map((t) => t.title));
  it.each([
    [RULE, 'Consultant'],
    [RULE, 'Care Consultant'],
    [RULE, 'Dementia Consultant'],
    [RULE, 'Lead'],
    [RULE, 'Team Lead'],
    [RULE, 'Activities Lead'],
    [RULE, 'Wellbeing Lead'],
    [RULE, 'Medication Lead'],
    [RULE, 'Lead Carer'],
    [RULE, 'Clinical'],
    [RULE, 'Clinical Manager'],
    [RULE, 'Specialist'],
    [RULE, 'Dementia Specialist'],
    [RULE, 'Specialist Carer'],
    [RULE, 'Practitioner'],
    [RULE, 'Care Practitioner'],
    [RULE, 'Senior Care Practitioner'],
    [RULE, 'Senior'],
    [RULE, 'Junior'],
    [RULE, 'Junior Carer'],
    [RULE, 'Medical'],
    [RULE, 'Medical Secretary'],
    [RULE, 'Therapist'],
    [RULE, 'Activity Therapist'],
    [RULE, 'Occupational'],
    [RULE, 'Speech'],
    [RULE, 'Psychiatric'],
    [RULE, 'General'],
    [RULE, 'District'],
    [RULE, 'Staff'],
    [RULE, 'Community'],
    [RULE, 'Nursing Assistant'],
    [RULE, 'Nursing Associate'],
    [RULE, 'Deputy Manager'],
    [RULE, 'Home Manager'],
    [RULE, 'Registered Manager'],
    [RULE, 'Senior Carer'],
    [RULE, 'Senior Care Assistant'],
    [RULE, 'Care Worker'],
    [RULE, 'Carer'],
    [RULE, 'Activities Coordinator'],
  ])('%s: "%s" is unknown, the helpdesk decides, and no Clinical title is suggested', (_rule, typed) => {
    const match = roleForJobTitle(typed);
    expect(match.kind).toBe('unknown');
    expect(match.kind === 'unknown' && match.message).toMatch(/helpdesk will decide/);
    expect(match.kind === 'unknown' && match.suggestions.filter((title) => clinicalTitles.has(title))).toEqual([]);
  });

  it.each([
    ["a word clinical on its own ('nurse'), mistyped", 'Nures', 'Nurse'],
    ["a word clinical on its own ('nurse')", 'Practice Nurse', 'Nurse'],
    ["a word clinical on its own ('nurse'), with a non-clinical one", 'Consultant Nurse', 'Nurse'],
    ["a word clinical on its own ('doctor')", 'Doctor', 'Junior Doctor'],
    ["a word clinical on its own ('paediatrician')", 'Paediatrician', 'Community Paediatrician'],
    ['the whole title with one slip', 'Clinical Leed', 'Clinical Lead'],
    ['every word of the title', 'Occupational Therapist Band 6', 'Occupational Therapist'],
    ['every word of an alias', 'GP partner', 'General Practitioner'],
  ])('still suggests a Clinical title on clinical evidence: %s ("%s" → %s)', (_evidence, typed, title) => {
    expect(nearestJobTitles(typed)).toContain(title);
  });

  it('does not offer Consultant Medical for "Consultant Nurse": the nurse titles are the ones that fit', () => {
    expect(nearestJobTitles('Consultant Nurse')).not.toContain('Consultant Medical');
  });
});

describe('a title with nothing near it', () => {
  it('does not talk about suggestions it did not make', () => {
    const match = roleForJobTitle('bed and breakfast');
    expect(match).toMatchObject({ kind: 'unknown', suggestions: [] });
    expect(match.kind === 'unknown' && match.message).not.toMatch(/none of them|closest/);
  });
});
