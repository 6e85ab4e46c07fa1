import { describe, expect, it } from '@jest/globals';
import { nearestJobTitles, roleForJobTitle } from '../../../data/rules/roles.js';
import { jobTitles, type JobTitles } from '../../../data/reference/index.js';
import type { UcpRole } from '../../../data/model.js';

// Source 001 Appendix 1, copied here by hand so the shipped JSON is checked against the source, not against itself.
const APPENDIX_1: [string, UcpRole][] = [
  ['111 Clinician', 'Urgent Care'], ['111 Supervisor', 'Urgent Care'], ['A&E Liaison Officer', 'Non-Clinical'],
  ['Access Co-ordinator', 'Non-Clinical'], ['Approved Social Worker', 'Non-Clinical'], ['Assistant Care Manager', 'Non-Clinical'],
  ['Assistant Team Manager', 'Non-Clinical'], ['Behavioural Specialist', 'Non-Clinical'], ['Care Manager', 'Non-Clinical'],
  ['Nurse', 'Clinical'], ['Clinical Administrator', 'Non-Clinical'], ['Clinical Lead', 'Clinical'],
  ['Clinical Nurse Specialist', 'Clinical'], ['Community Nurse', 'Clinical'], ['Community Paediatrician', 'Clinical'],
  ['Community Psychiatric Nurse', 'Clinical'], ['Community Support Worker', 'Non-Clinical'], ['Consultant Medical', 'Clinical'],
  ['District Nurse', 'Clinical'], ['Duty Social Worker', 'Non-Clinical'], ['Education Social Worker', 'Non-Clinical'],
  ['Family Worker', 'Non-Clinical'], ['General Practitioner', 'Clinical'], ['Health Care Assistant', 'Non-Clinical'],
  ['Junior Doctor', 'Clinical'], ['Occupational Therapist', 'Clinical'], ['OOH GP', 'Urgent Care'], ['Paramedic', 'Urgent Care'],
  ['Practice Manager', 'Non-Clinical'], ['Registrar', 'Clinical'], ['Reviewing Officer', 'Non-Clinical'],
  ['Senior Social Worker', 'Non-Clinical'], ['Social Worker', 'Non-Clinical'], ['Social Worker Supervisor', 'Non-Clinical'],
  ['Speech and Language Therapist', 'Clinical'], ['Staff Nurse', 'Clinical'], ['Trainee Social Worker', 'Non-Clinical'],
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
    ['Consultant', 'Consultant Medical', 'Clinical'],
    ['Resident Doctor', 'Junior Doctor', 'Clinical'],
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
      kind: 'unknown', input: '', suggestions: [], message: expect.stringMatching(/tell us the person's job title/),
    });
  });

  it('tidies the spacing of what was typed before repeating it back', () => {
    expect(roleForJobTitle('  Senior    Carer ')).toMatchObject({ kind: 'unknown', input: 'Senior Carer' });
  });

  it('works from reference data it is given, so a new table needs no code change', () => {
    const table: JobTitles = {
      titles: [{ title: 'Care Home Nurse', role: 'Clinical', registrationBodies: ['NMC'] }],
      aliases: [{ alias: 'CHN', title: 'Care Home Nurse', why: 'test' }],
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

  it.each(['Bricklayer', 'Chef', 'Bed and Breakfast', 'xyz', '???'])('suggests nothing for "%s", which shares nothing with any title', (typed) => {
    expect(nearestJobTitles(typed)).toEqual([]);
  });

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

describe('a title with nothing near it', () => {
  it('does not talk about suggestions it did not make', () => {
    const match = roleForJobTitle('bed and breakfast');
    expect(match).toMatchObject({ kind: 'unknown', suggestions: [] });
    expect(match.kind === 'unknown' && match.message).not.toMatch(/none of them|closest/);
  });
});
