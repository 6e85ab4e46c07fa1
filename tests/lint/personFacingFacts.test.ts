import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Every file whose strings a person reads (the e-mail refusals in data/rules/email.ts are checked by their own tests). */
const PERSON_FACING = [
  'dialogs',
  'cards',
  'bot/reminders/reminderWording.ts',
  'bot/web/tabWording.ts',
  'bot/spreadsheet/usersTemplate.ts',
  'data/rules/eligibility.ts',
  'data/rules/helpdesk.ts',
  'data/rules/sourceContacts.ts',
  'deploy/teams/manifest.template.json',
];

function files(entry: string): string[] {
  if (!statSync(entry).isDirectory()) return [entry];
  return readdirSync(entry)
    .flatMap((name) => files(path.join(entry, name)))
    .filter((file) => /\.(ts|json)$/.test(file));
}

const TEXT = PERSON_FACING.flatMap(files).map((file) => ({ file, text: readFileSync(file, 'utf8') }));

const FACT =
  /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]{2,}|\b0\d{3} ?\d{3} ?\d{4}\b|https?:\/\/[^\s"'`)<>]+|www\.[a-z.]*[a-z]|\b[a-z]+\.online\b/g;

/** Each contact, address or link a person may read, and where it comes from. */
const ALLOWED: Readonly<Record<string, string>> = {
  '0208 133 3430': 'source 004 "call the Digital Social Care helpline: 0208 133 3430"',
  'help@digitalsocialcare.co.uk': 'source 004 "or email help@digitalsocialcare.co.uk"',
  'careadmin@nhs.net': 'source 004 NAS portal "Dedicated admin support managed via Accenture helpdesk – careadmin@nhs.net"',
  'ucp.better@nhs.net': 'source 000 Step 3 "The email will come from ucp.better@nhs.net"',
  'https://london-scpa-hscn.better.care/': 'source 000 HSCN "you can access the UCP via this link"',
  'https://london-scpa.better.care/': 'source 000 Non-HSCN "will access the UCP from"',
  'www.dsptoolkit.nhs.uk': 'source 000 Step 1 "access the DSPT website … https://www.dsptoolkit.nhs.uk"',
  'onelondon.online': 'source 000 "Training – Urgent Care Plan (onelondon.online)", "Contact – Urgent Care Plan (onelondon.online)"',
  'samuel.okafor@nhs.net': 'an example of a review line in a code comment, not a contact',
  'http://adaptivecards.io/schemas/adaptive-card.json': 'the card schema, not shown to anyone',
  'https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json': 'the manifest schema, not shown to anyone',
};

describe('facts a person reads', () => {
  it.each(Object.entries(ALLOWED))('%s is allowed because of %s', (fact) => {
    // Each allowed fact is still in use: a stale row would let a wrong one through unnoticed.
    expect(TEXT.some(({ text }) => text.includes(fact))).toBe(true);
  });

  it('has no phone number, e-mail address or link that is not from a source (or configuration)', () => {
    const unknown = TEXT.flatMap(({ file, text }) => [...text.matchAll(FACT)].map((m) => `${file}: ${m[0]}`)).filter(
      (found) => !(found.split(': ')[1] in ALLOWED),
    );
    expect(unknown).toEqual([]);
  });

  it('calls the programme by its current name (source 001: Universal Care Plan), the old one only where it quotes a source', () => {
    const old = [...TEXT, ...['README.md', 'package.json'].map((file) => ({ file, text: readFileSync(file, 'utf8') }))].flatMap(
      ({ file, text }) =>
        text
          .split('\n')
          .filter((line) => /Urgent Care Plan/.test(line) && !/– Urgent Care Plan \(onelondon\.online\)/.test(line))
          .map((line) => `${file}: ${line.trim()}`),
    );
    expect(old).toEqual([]);
  });
});
