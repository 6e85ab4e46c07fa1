import { describe, it, expect } from '@jest/globals';
import type { RequestedUser } from '../../../data/model.js';
import { UsersDialog, type UsersResult } from '../../../dialogs/users/usersDialog.js';
import { dialogClient, useDialogWorld } from '../../helpers/dialogFixtures.js';
import { talk, type Line } from '../accessRequest/accessFixtures.js';

const START: readonly Line[] = [
  ['go', ['How many members of staff need access?', 'Fewer than 10', '10 or more']],
  ['Fewer than 10', 'What is the full name of the first person who needs access?'],
];

function finished(client: { dialogTurnResult: { result?: unknown } }): RequestedUser[] {
  return (client.dialogTurnResult.result as UsersResult).users;
}

describe('the users conversation, one by one', () => {
  const worlds = useDialogWorld();

  async function usersClient(options?: unknown) {
    const world = await worlds.open();
    return { world, client: dialogClient(new UsersDialog(world.services), world, options) };
  }

  it('confirms the role of a title on the UCP list and returns the person when the manager says that is everyone', async () => {
    const { client } = await usersClient();
    await talk(client, [
      ...START,
      ['Chloe Nguyen', "What is Chloe Nguyen's job title?"],
      [
        'care manager',
        [
          'Care Manager has the Non-Clinical role in the UCP: can save every section of a care plan in progress',
          'Is that right for this person?',
        ],
      ],
      ['Yes', "What is Chloe Nguyen's work e-mail address?"],
      ['Chloe.Nguyen@NHS.net', ['So far I have 1 person:', '1. Chloe Nguyen, Care Manager (Non-Clinical), Chloe.Nguyen@nhs.net']],
      ["That's everyone", []],
    ]);
    expect(finished(client)).toEqual([
      { name: 'Chloe Nguyen', jobTitle: 'Care Manager', role: 'Non-Clinical', email: 'Chloe.Nguyen@nhs.net' },
    ]);
  });

  it('reads an alias as its UCP title, asks a nurse for an NMC PIN, and refuses a number of the wrong shape with the reason', async () => {
    const { client } = await usersClient();
    await talk(client, [
      ...START,
      ['Amara Okafor', 'job title'],
      [
        'RGN',
        [
          "I've taken RGN as Nurse. Nurse has the Clinical role in the UCP: full read and edit of care plans.",
          'Is that right for this person?',
        ],
      ],
      [
        'Yes',
        "Clinical access needs a professional registration. What is Amara Okafor's Nursing and Midwifery Council (NMC) registration number?",
      ],
      [
        '1234567',
        [
          "That doesn't look like a Nursing and Midwifery Council (NMC) number. An NMC PIN looks like 12A3456E",
          "What is Amara Okafor's Nursing and Midwifery Council (NMC) registration number?",
        ],
      ],
      ['NMC PIN: 12a3456e', "What is Amara Okafor's work e-mail address?"],
      ['amara.okafor@nhs.net', '1. Amara Okafor, Nurse (Clinical), amara.okafor@nhs.net'],
      ["That's everyone", []],
    ]);
    expect(finished(client)[0]).toEqual({
      name: 'Amara Okafor',
      jobTitle: 'Nurse',
      role: 'Clinical',
      email: 'amara.okafor@nhs.net',
      registration: { body: 'NMC', number: '12A3456E' },
    });
  });

  it('asks which body when a clinical title has several, then checks the number against that body', async () => {
    const { client } = await usersClient();
    await talk(client, [
      ...START,
      ['Dr Femi Adeyemi', 'job title'],
      ['Clinical Lead', 'Clinical Lead has the Clinical role'],
      ['Yes', ['Which one is this person registered with?', 'General Medical Council (GMC)']],
      ['General Medical Council (GMC)', "What is Dr Femi Adeyemi's General Medical Council (GMC) registration number?"],
      ['7654321', 'work e-mail address'],
      ['femi.adeyemi@nhs.net', 'So far I have 1 person'],
    ]);
  });

  it('offers the nearest titles for one not on the list, or keeps it as typed for the helpdesk to decide', async () => {
    const { client } = await usersClient();
    await talk(client, [
      ...START,
      ['Sam Carter', 'job title'],
      [
        'Senior Carer',
        ['"Senior Carer" is not one of the job titles the UCP uses', 'Senior Social Worker', 'Care Manager', 'Keep what I typed'],
      ],
      [
        'Keep what I typed: the helpdesk decides',
        [
          'I have kept the title as you typed it. The helpdesk will decide which access it gives.',
          "What is Sam Carter's work e-mail address?",
        ],
      ],
      ['sam.carter@nhs.net', '1. Sam Carter, Senior Carer (role: helpdesk decides), sam.carter@nhs.net'],
      ['Add another person', 'What is the full name of the next person?'],
      ['Kim Lee', 'job title'],
      ['Staf Nurse', ['"Staf Nurse" is not one of the job titles', 'Staff Nurse']],
      ['Staff Nurse', ['Staff Nurse has the Clinical role', 'registration number']],
      ['11B2233C', 'work e-mail'],
      ['kim.lee@nhs.net', '2. Kim Lee, Staff Nurse (Clinical), kim.lee@nhs.net'],
      ["That's everyone", []],
    ]);
    expect(finished(client).map((u) => [u.jobTitle, u.role])).toEqual([
      ['Senior Carer', null],
      ['Staff Nurse', 'Clinical'],
    ]);
  });

  it('asks for the title again when the manager says the role is not right', async () => {
    const { client } = await usersClient();
    await talk(client, [
      ...START,
      ['Pat Jones', 'job title'],
      ['Nurse', 'Is that right for this person?'],
      ['No, change the job title', "What is Pat Jones's job title?"],
      ['Care Manager', 'Care Manager has the Non-Clinical role'],
    ]);
  });

  it("refuses personal and shared addresses with the reason, and asks to confirm appropriate use of another organisation's domain", async () => {
    const { client } = await usersClient();
    await talk(client, [
      ...START,
      ['Dev Patel', 'job title'],
      ['Care Manager', 'Is that right'],
      ['Yes', 'work e-mail'],
      ['dev@gmail.com', ['This looks like a personal e-mail address (gmail.com).', "What is Dev Patel's work e-mail address?"]],
      ['info@sunnyviewcare.co.uk', ['This looks like a shared mailbox (info@).', "What is Dev Patel's work e-mail address?"]],
      [
        'dev.patel@sunnyviewcare.co.uk',
        [
          'sunnyviewcare.co.uk is not on the list of NHS-approved e-mail domains.',
          'Do you confirm',
          'Yes, I confirm',
          'No, another address',
        ],
      ],
      ["No, I'll give another address", ['Please give another work address for this person', "What is Dev Patel's work e-mail address?"]],
      ['dev.patel@sunnyviewcare.co.uk', 'Do you confirm'],
      ['Yes, I confirm', '1. Dev Patel, Care Manager (Non-Clinical), dev.patel@sunnyviewcare.co.uk'],
      ["That's everyone", []],
    ]);
    expect(finished(client)[0]).toMatchObject({ email: 'dev.patel@sunnyviewcare.co.uk', emailConfirmed: true });
  });

  it('refuses an address already given for someone else on the request', async () => {
    const existing: RequestedUser = { name: 'Ben Walsh', jobTitle: 'Care Manager', role: 'Non-Clinical', email: 'ben.walsh@nhs.net' };
    const { client } = await usersClient({ users: [existing] });
    await talk(client, [
      ['go', ['So far I have 1 person:', 'Would you like to add, change or remove anyone?']],
      ['Add another person', 'What is the full name of the next person?'],
      ['Ella Brown', 'job title'],
      ['Care Manager', 'Is that right'],
      ['Yes', 'work e-mail'],
      ['BEN.WALSH@nhs.net', ['That address is already on this request for someone else.', "What is Ella Brown's work e-mail address?"]],
      ['ella.brown@nhs.net', 'So far I have 2 people:'],
    ]);
  });

  it('changes one detail of someone listed, asking only that, and removes people until nobody is left', async () => {
    const users: RequestedUser[] = [
      { name: 'Ben Walsh', jobTitle: 'Care Manager', role: 'Non-Clinical', email: 'ben.walsh@nhs.net' },
      {
        name: 'Amara Okafor',
        jobTitle: 'Nurse',
        role: 'Clinical',
        email: 'amara.okafor@nhs.net',
        registration: { body: 'NMC', number: '12A3456E' },
      },
    ];
    const { client } = await usersClient({ users });
    await talk(client, [
      ['go', ['So far I have 2 people:', '2. Amara Okafor, Nurse (Clinical), amara.okafor@nhs.net']],
      ['Change someone', ['Who would you like to change? Press their number on the list above, or type their name.', '[1] [2]']],
      ['2', ['What would you like to change about them?', 'Their e-mail address']],
      ['Their e-mail address', "What is Amara Okafor's work e-mail address?"],
      ['ben.walsh@nhs.net', 'That address is already on this request for someone else.'],
      ['amara.o@nhs.net', '2. Amara Okafor, Nurse (Clinical), amara.o@nhs.net'],
      ['Change someone', 'Who would you like to change?'],
      ['1. Ben Walsh', 'What would you like to change about them?'],
      ['Their job title', "What is Ben Walsh's job title?"],
      ['HCA', "I've taken HCA as Health Care Assistant."],
      ['Yes', '1. Ben Walsh, Health Care Assistant (Non-Clinical), ben.walsh@nhs.net'],
      ['Remove someone', 'Who would you like to remove?'],
      ['1', ["I've removed Ben Walsh.", 'So far I have 1 person:', '1. Amara Okafor']],
      ['Remove someone', 'Who would you like to remove?'],
      [
        'Amara Okafor',
        [
          "I've removed Amara Okafor.",
          "There's nobody on the request now, so let's add someone.",
          'What is the full name of the first person who needs access?',
        ],
      ],
    ]);
  });

  it('lists the first thirty of a long list and has the manager type a number to pick someone from it', async () => {
    const users: RequestedUser[] = Array.from({ length: 40 }, (_, i) => ({
      name: `Person ${i + 1}`,
      jobTitle: 'Care Manager',
      role: 'Non-Clinical',
      email: `person.${i + 1}@nhs.net`,
    }));
    const { client } = await usersClient({ users });
    const review = await talk(client, [['go', ['So far I have 40 people:', '30. Person 30, Care Manager', '…and 10 more.']]]);
    expect(review.text).not.toContain('31. Person 31');
    await talk(client, [
      ['Remove someone', 'Who would you like to remove? Please type their number, from 1 to 40.'],
      ['41', 'Please type a number from 1 to 40, as in the list.'],
      ['35', ["I've removed Person 35.", 'So far I have 39 people:']],
      ["That's everyone", []],
    ]);
    expect(finished(client).map((u) => u.name)).not.toContain('Person 35');
    expect(finished(client)).toHaveLength(39);
  });

  it('cuts an over-long name with a notice and keeps markup as typed in what it says back', async () => {
    const { client } = await usersClient();
    const answer = await talk(client, [
      ...START,
      [`**Sam** ${'x'.repeat(300)}`, ["That was longer than I can keep, so I've kept the first 200 characters.", 'What is **Sam** x']],
    ]);
    expect(answer.text).not.toContain('x'.repeat(201));
  });

  it("refuses the home's shared nhs.net mailbox with the reason and the NHSmail routes, and keeps the person's own address", async () => {
    const organisation = { name: 'Sunnyview Care Home', odsCode: 'VABC1', type: 'careHome' as const };
    const { client } = await usersClient({ organisation });
    await talk(client, [
      ...START,
      ['Dev Patel', 'job title'],
      ['Care Manager', 'Is that right'],
      ['Yes', 'work e-mail'],
      [
        'n1sunnyview.vabc1@nhs.net',
        [
          "This looks like a shared mailbox (n1sunnyview.vabc1@). It carries your organisation's ODS code (VABC1).",
          'the UCP e-mails a code to their address to finish logging in, so everyone who reads a shared mailbox could use it',
          "Please give this person's own work address, such as their own NHSmail address.",
          'The National Administration Service (NAS) portal',
          'Self-management',
          "What is Dev Patel's work e-mail address?",
        ],
      ],
      ['sunnyview.nurse@nhs.net', ['named after your organisation (Sunnyview Care Home)', "What is Dev Patel's work e-mail address?"]],
      ['dev.patel@nhs.net', '1. Dev Patel, Care Manager (Non-Clinical), dev.patel@nhs.net'],
      ["That's everyone", []],
    ]);
    expect(finished(client)).toEqual([{ name: 'Dev Patel', jobTitle: 'Care Manager', role: 'Non-Clinical', email: 'dev.patel@nhs.net' }]);
  });

  it('asks the manager about a role word beside a name, and sends the address for the helpdesk to check', async () => {
    const { client } = await usersClient({ organisation: { name: 'Sunnyview Care Home', odsCode: 'VABC1' } });
    await talk(client, [
      ...START,
      ['Jane Nurse', 'job title'],
      ['Care Manager', 'Is that right'],
      ['Yes', 'work e-mail'],
      [
        'jane.nurse@nhs.net',
        ['jane.nurse@ might be a shared or role mailbox ("nurse" is a job as well as a name)', 'Do you confirm', 'Yes, I confirm'],
      ],
      ['Yes, I confirm', '1. Jane Nurse, Care Manager (Non-Clinical), jane.nurse@nhs.net'],
      ["That's everyone", []],
    ]);
    expect(finished(client)[0]).toEqual({
      name: 'Jane Nurse',
      jobTitle: 'Care Manager',
      role: 'Non-Clinical',
      email: 'jane.nurse@nhs.net',
      emailCheck: 'Check this is the person\'s own mailbox, not a shared or role one: the part before the @ has the role word "nurse".',
    });
  });
});
