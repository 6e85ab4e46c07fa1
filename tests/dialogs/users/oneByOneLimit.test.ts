import { describe, it, expect } from '@jest/globals';
import type { RequestedUser } from '../../../data/model.js';
import { UsersDialog, type UsersResult } from '../../../dialogs/users/usersDialog.js';
import { dialogClient, useDialogWorld } from '../../helpers/dialogFixtures.js';
import { talk } from '../accessRequest/accessFixtures.js';
import { fileMessage, staffWorkbook, TWELVE_STAFF_FIXED } from './staffSpreadsheet.js';

const FILE_URL = 'https://teams.example.org/files/staff.xlsx';

/** Eight people already listed; Ben Walsh's address is also on row 3 of the twelve-person spreadsheet. */
const EIGHT: RequestedUser[] = Array.from({ length: 8 }, (_, i) =>
  i === 0
    ? { name: 'Ben Walsh', jobTitle: 'Care Manager', role: 'Non-Clinical', email: 'ben.walsh@nhs.net' }
    : { name: `Person ${i + 1}`, jobTitle: 'Care Manager', role: 'Non-Clinical', email: `person.${i + 1}@nhs.net` },
);

const NINTH = [
  ['Add another person', 'What is the full name of the next person?'],
  ['Nina Shah', "What is Nina Shah's job title?"],
  ['Care Manager', 'Is that right for this person?'],
  ['Yes', "What is Nina Shah's work e-mail address?"],
] as const;

describe('ten or more people, however the manager started', () => {
  const worlds = useDialogWorld();

  async function usersClient(users: RequestedUser[] = []) {
    const world = await worlds.open();
    world.attachments.files[FILE_URL] = await staffWorkbook(TWELVE_STAFF_FIXED);
    return { world, client: dialogClient(new UsersDialog(world.services), world, { users }) };
  }

  it('offers the spreadsheet instead of another person once nine are listed, saying why and that the nine are kept', async () => {
    const { client } = await usersClient(EIGHT);
    await talk(client, [['go', 'So far I have 8 people:'], ...NINTH]);
    const review = await talk(client, [
      [
        'nina.shah@nhs.net',
        [
          'So far I have 9 people:',
          "For 10 or more people, the UCP helpdesk needs them on its spreadsheet, so I can't take anyone else one by one.",
          "I'll keep the 9 already here, so put only the others on the spreadsheet.",
        ],
      ],
    ]);
    expect(review.buttons).toEqual(['Add more by spreadsheet', 'Change someone', 'Remove someone', "That's everyone"]);
    await talk(client, [['Add another person', "Sorry, I didn't catch which one you meant."]]);
  });

  it("adds the spreadsheet's rows to the nine, refusing a row that repeats someone already listed", async () => {
    const { client, world } = await usersClient(EIGHT);
    await talk(client, [
      ['go', 'So far I have 8 people:'],
      ...NINTH,
      ['nina.shah@nhs.net', 'So far I have 9 people:'],
      [
        'Add more by spreadsheet',
        [
          "I'll keep the 9 people you've already given me.",
          'put only the other people on the Users sheet',
          'Download the template',
          'Enter people one by one',
        ],
      ],
      [
        fileMessage(FILE_URL),
        [
          '11 people are ready; 1 row needs changing',
          'Row 3: The e-mail ben.walsh@nhs.net is already on this request for someone you gave me one by one. If it is the same person, delete this row',
        ],
      ],
      ['Remove the bad rows', "I've left out row 3. 11 people are ready to send."],
    ]);
    const { users } = client.dialogTurnResult.result as UsersResult;
    expect(users).toHaveLength(20);
    expect(users.slice(0, 9).map((u) => u.name)).toEqual([...EIGHT.map((u) => u.name), 'Nina Shah']);
    expect(users.filter((u) => u.email === 'ben.walsh@nhs.net')).toHaveLength(1);
    expect(world.attachments.reads).toEqual([FILE_URL]);
  });

  it.each(['Enter people one by one', 'one by one', 'One-by-one'])(
    'leads back from the spreadsheet question to one by one for fewer than ten: %s',
    async (said) => {
      const { client } = await usersClient();
      const question = await talk(client, [
        ['go', 'How many members of staff need access?'],
        [
          '10 or more',
          [
            'For ten or more people, a spreadsheet is quicker.',
            'If fewer than 10 people need access in all, you can give them to me one by one instead',
          ],
        ],
      ]);
      expect(question.buttons).toEqual(['Download the template', 'Enter people one by one']);
      await talk(client, [
        [
          said,
          ["All right, let's go one by one. That works for up to 9 people", 'What is the full name of the first person who needs access?'],
        ],
      ]);
    },
  );

  it('goes back to the review, not to a tenth person, when the nine choose one by one at the spreadsheet question', async () => {
    const { client } = await usersClient(EIGHT);
    const review = await talk(client, [
      ['go', 'So far I have 8 people:'],
      ...NINTH,
      ['nina.shah@nhs.net', 'So far I have 9 people:'],
      ['Add more by spreadsheet', 'Enter people one by one'],
      [
        'Enter people one by one',
        ['You already have 9 people on the request, so anyone else needs to go on the spreadsheet.', 'So far I have 9 people:'],
      ],
    ]);
    expect(review.buttons).toEqual(['Add more by spreadsheet', 'Change someone', 'Remove someone', "That's everyone"]);
    await talk(client, [["That's everyone", []]]);
    expect((client.dialogTurnResult.result as UsersResult).users).toHaveLength(9);
  });

  it('offers another person again once the list is back under nine', async () => {
    const { client } = await usersClient([
      ...EIGHT,
      { name: 'Nina Shah', jobTitle: 'Care Manager', role: 'Non-Clinical', email: 'nina.shah@nhs.net' },
    ]);
    await talk(client, [
      ['go', 'So far I have 9 people:'],
      ['Remove someone', 'Who would you like to remove?'],
    ]);
    const review = await talk(client, [['9', ["I've removed Nina Shah.", 'So far I have 8 people:']]]);
    expect(review.buttons).toEqual(['Add another person', 'Change someone', 'Remove someone', "That's everyone"]);
  });
});
