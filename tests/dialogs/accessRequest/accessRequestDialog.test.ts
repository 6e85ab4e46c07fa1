import { describe, it, expect } from '@jest/globals';
import { validateCard } from '../../helpers/validateCard.js';
import { AccessRequestDialog } from '../../../dialogs/accessRequest/accessRequestDialog.js';
import { dialogClient, submit, useDialogWorld } from '../../helpers/dialogFixtures.js';
import { allStrings } from '../../cards/cardFixtures.js';
import {
  addDspt,
  INTERNET_WEB_PORTAL_FEW,
  ONE_CARE_MANAGER,
  press,
  SUNNYVIEW,
  SUNNYVIEW_DPIA,
  SUNNYVIEW_FOUND_IN_LONDON,
  sunnyviewDspt,
  talk,
  tickets,
  type Line,
} from './accessFixtures.js';

const CARE_HOME = 'Care home (residential or nursing)';
const SUBMIT = press('submit');

describe('the access request conversation', () => {
  const worlds = useDialogWorld();

  async function sunnyviewWorld(
    options: { dpia?: boolean; dspt?: string; helpdesk?: { targetWorkingDays?: number; supportContact?: string } } = {},
  ) {
    const world = await worlds.open({
      helpdesk: options.helpdesk,
      dpia: options.dpia === false ? [] : [SUNNYVIEW_DPIA],
      dspt: options.dspt === undefined ? [sunnyviewDspt('25/26 Standards Met')] : options.dspt === '' ? [] : [sunnyviewDspt(options.dspt)],
    });
    world.ods.answers.VX1A2 = { status: 'found', organisation: SUNNYVIEW };
    return { world, client: dialogClient(new AccessRequestDialog(world.services), world) };
  }

  it('takes a ready care home named in the DPIA to a helpdesk ticket, with a validated summary card and the date the configured target gives', async () => {
    const { world, client } = await sunnyviewWorld({ helpdesk: { targetWorkingDays: 2, supportContact: '020 3000 0000' } });
    await talk(client, [
      ...SUNNYVIEW_FOUND_IN_LONDON,
      [
        CARE_HOME,
        [
          'I found VX1A2 (SUNNYVIEW CARE HOME) in the published DSPT list: "25/26 Standards Met"',
          'I checked the DPIA register I hold: VX1A2 is named in the North Central London onboarding DPIA.',
          'Your Data Security and Protection Toolkit (DSPT) assessment shows Standards Met for 2025-26.',
          'Is your organisation connected to the Health and Social Care Network (HSCN)?',
        ],
      ],
      ...INTERNET_WEB_PORTAL_FEW,
      ...ONE_CARE_MANAGER,
    ]);
    const summary = await talk(client, [["That's everyone", 'Please check your request below.']]);
    expect(summary.cards).toHaveLength(1);
    expect(validateCard(summary.cards[0]).problems).toEqual([]);
    const onCard = allStrings(summary.cards[0]).map((s) => s.value);
    expect(onCard).toEqual(
      expect.arrayContaining([
        'SUNNYVIEW CARE HOME',
        'VX1A2 (ODS verified)',
        'Named in the ICS onboarding DPIA',
        'Ben Walsh',
        'The UCP helpdesk checks the request and sets up access, usually within 2 working days (by about Wednesday 4 March).',
      ]),
    );
    expect(await tickets(world.store)).toEqual([]);

    await talk(client, [
      [
        SUBMIT,
        [
          "Thank you. I've sent your request to the UCP helpdesk. Your ticket number is UCP-000001: please quote it if you contact them.\n" +
            'You can contact the UCP Support team: 020 3000 0000. The helpdesk is open Monday to Friday, 9am to 5pm, except bank holidays.',
          'usually within 2 working days (by about Wednesday 4 March)',
        ],
      ],
    ]);
    const [ticket] = await tickets(world.store);
    expect(ticket).toMatchObject({
      id: 'UCP-000001',
      kind: 'organisationAccess',
      state: 'awaitingHelpdesk',
      requester: { aadObjectId: 'aad-manager-grace', name: 'Grace Adeyemi', email: 'grace.adeyemi@nhs.net' },
      organisation: {
        odsCode: 'VX1A2',
        name: 'SUNNYVIEW CARE HOME',
        postcode: 'N1 7AB',
        icbCode: 'QMJ',
        borough: 'Islington',
        location: 'london',
        namedInDpia: true,
        odsVerified: true,
        organisationType: CARE_HOME,
        dsptStatus: '25/26 Standards Met',
        hscn: false,
        accessRoute: 'webPortal',
      },
      users: [{ name: 'Ben Walsh', jobTitle: 'Care Manager', role: 'Non-Clinical', email: 'ben.walsh@nhs.net' }],
    });
    expect(client.dialogTurnResult.result).toEqual({ ticketId: 'UCP-000001' });
  });

  it('promises no helpdesk time on the summary card or after submitting when no target is configured', async () => {
    const { client } = await sunnyviewWorld();
    await talk(client, [
      ...SUNNYVIEW_FOUND_IN_LONDON,
      [CARE_HOME, 'Is your organisation connected'],
      ...INTERNET_WEB_PORTAL_FEW,
      ...ONE_CARE_MANAGER,
    ]);
    const summary = await talk(client, [["That's everyone", 'Please check your request below.']]);
    const onCard = allStrings(summary.cards[0]).map((s) => s.value);
    expect(onCard).toContain(
      'The UCP helpdesk will be in touch about the request in its working hours (Monday to Friday, 9am to 5pm, except bank holidays), to check it and set up access.',
    );
    expect(onCard.join(' ')).not.toMatch(/working days|by about/);
    const sent = await talk(client, [
      [
        SUBMIT,
        [
          'Your ticket number is UCP-000001',
          'The UCP helpdesk will be in touch about the request in its working hours',
          'You can contact the UCP Support team through the Contact page of the UCP website (onelondon.online).',
        ],
      ],
    ]);
    expect(sent.text.split('Monday to Friday, 9am to 5pm')).toHaveLength(2);
  });

  it('sends a home not named in the DPIA to its ICS lead, saying it takes around a week and when to expect an answer', async () => {
    const { world, client } = await sunnyviewWorld({ dpia: false, helpdesk: { targetWorkingDays: 2 } });
    await talk(client, [
      ...SUNNYVIEW_FOUND_IN_LONDON,
      [
        CARE_HOME,
        [
          'VX1A2 is not named in a London onboarding DPIA yet.',
          "We will ask your Integrated Care System's governance lead to approve your organisation",
        ],
      ],
      ...INTERNET_WEB_PORTAL_FEW,
      ...ONE_CARE_MANAGER,
      ["That's everyone", 'Please check your request below.'],
      [
        SUBMIT,
        [
          "First, the North Central London Integrated Care System's governance lead is asked to approve your organisation",
          'This usually takes around a week, so expect to hear by about Monday 9 March.',
          'usually within 2 working days (by about Wednesday 11 March)',
        ],
      ],
    ]);
    expect((await tickets(world.store))[0]).toMatchObject({
      state: 'awaitingIcsApproval',
      organisation: { namedInDpia: false, icbCode: 'QMJ' },
    });
  });

  it('stops kindly at Approaching Standards as soon as the ODS code is given, with the next steps and one way to carry on, and creates no ticket', async () => {
    const { world, client } = await sunnyviewWorld({ dspt: '25/26 Approaching Standards' });
    const answer = await talk(client, [
      SUNNYVIEW_FOUND_IN_LONDON[0],
      [
        ' vx1a2 ',
        [
          'That is enough for NHSmail, but the UCP needs Standards Met.',
          "So I haven't sent anything yet. Here is what to do next:",
          '- Keep working through your improvement plan',
          'When your DSPT status shows Standards Met, type request access to ask again.',
        ],
      ],
    ]);
    // Issue 13 point 9: one way to carry on, and nothing asked about the borough or type first.
    expect(answer.text).not.toMatch(/message me again|Which London borough|What kind of organisation/);
    expect(answer.text.match(/type request access/g)).toHaveLength(1);
    expect(client.dialogContext.activeDialog).toBeUndefined();
    expect(await tickets(world.store)).toEqual([]);
  });

  it("asks for the DSPT status when the export has none, and keeps the ticket's status to what was published", async () => {
    const { world, client } = await sunnyviewWorld({ dspt: '' });
    await talk(client, [
      ...SUNNYVIEW_FOUND_IN_LONDON,
      [CARE_HOME, ["I couldn't find VX1A2 in the published DSPT list I have, so I need to ask you.", 'Standards Met', "I don't know"]],
      ['Standards Met', 'Is your organisation connected to the Health and Social Care Network (HSCN)?'],
      ...INTERNET_WEB_PORTAL_FEW,
      ...ONE_CARE_MANAGER,
      ["That's everyone", 'Please check'],
      [SUBMIT, 'UCP-000001'],
    ]);
    const [ticket] = await tickets(world.store);
    expect(ticket.organisation?.dsptStatus).toBeUndefined();
  });

  it('stops when the manager does not know the DSPT status, with how to find it', async () => {
    const { world, client } = await sunnyviewWorld({ dspt: '' });
    await talk(client, [
      ...SUNNYVIEW_FOUND_IN_LONDON,
      [CARE_HOME, "I don't know"],
      ["I don't know", ['We could not confirm your Data Security and Protection Toolkit (DSPT) status', "So I haven't sent anything yet."]],
    ]);
    expect(await tickets(world.store)).toEqual([]);
  });

  it('carries on when the ODS directory cannot be reached, and the summary and ticket show "ODS not yet verified"', async () => {
    const { world, client } = await sunnyviewWorld();
    world.ods.answers.VX1A2 = { status: 'unavailable' };
    const answer = await talk(client, [
      ['hi', "What is your organisation's ODS code?"],
      [
        'VX1A2',
        [
          "I can't reach the NHS organisation directory just now",
          'your request will show "ODS not yet verified"',
          "What is your organisation's name?",
        ],
      ],
      ['Sunnyview Care Home', "What is your organisation's postcode?"],
      ['n17ab', 'Where is your organisation?'],
      ['in london', 'Which London borough is your organisation in?'],
      ['London Borough of Islington', 'Islington is in North Central London.'],
      [CARE_HOME, 'named in the North Central London onboarding DPIA'],
      ...INTERNET_WEB_PORTAL_FEW,
      ...ONE_CARE_MANAGER,
      ["That's everyone", 'Please check'],
    ]);
    const onCard = allStrings(answer.cards[0]).map((s) => s.value);
    expect(onCard).toEqual(
      expect.arrayContaining([
        'VX1A2 (ODS not yet verified)',
        'N1 7AB',
        'ODS not yet verified: the NHS organisation directory could not be reached, so the helpdesk will check your ODS code.',
      ]),
    );
    await talk(client, [[SUBMIT, 'UCP-000001']]);
    expect((await tickets(world.store))[0].organisation).toMatchObject({
      odsVerified: false,
      name: 'Sunnyview Care Home',
      postcode: 'N1 7AB',
    });
  });

  it('says when a code is not in the directory, asks again twice, then lets the manager carry on unverified', async () => {
    const { world, client } = await sunnyviewWorld();
    await talk(client, [
      ['hi', "What is your organisation's ODS code?"],
      [
        'VZZ99',
        [
          "I couldn't find VZZ99 in the NHS organisation directory. Please check the code and type it again.",
          "What is your organisation's ODS code?",
        ],
      ],
      ['VZZ98', "I couldn't find VZZ98 in the NHS organisation directory."],
      ['VZZ97', ["I still can't find VZZ97", '[Carry on]', 'Type another code']],
      ['Type another code', "What is your organisation's ODS code?"],
      ['VZZ96', ["I still can't find VZZ96", '[Carry on]']],
      ['Carry on with this code', "What is your organisation's name?"],
      ['Zed House', 'postcode'],
      ["I don't know", 'Where is your organisation?'],
    ]);
    expect(world.ods.lookups).toEqual(['VZZ99', 'VZZ98', 'VZZ97', 'VZZ96']);
  });

  it('refuses a badly formed ODS code with the format rule before looking it up', async () => {
    const { world, client } = await sunnyviewWorld();
    await talk(client, [
      ['hi', 'ODS code'],
      ['VX-1A2', 'An ODS code only has letters and numbers in it'],
    ]);
    expect(world.ods.lookups).toEqual([]);
  });

  it('lets the manager type the name and postcode, and shows markup they typed exactly as typed on the summary card', async () => {
    const { world, client } = await sunnyviewWorld();
    const typed = 'Sunny **view** <b>Home</b> ${heading} [x](http://x)';
    const answer = await talk(client, [
      ['hi', 'ODS code'],
      ['VX1A2', 'SUNNYVIEW CARE HOME'],
      ['No, let me type them', "What is your organisation's name?"],
      [typed, "What is your organisation's postcode?"],
      ['SW1A 1AA', 'Where is your organisation?'],
      ['In London', 'borough'],
      ['Islington', 'Islington'],
      [CARE_HOME, 'HSCN'],
      ...INTERNET_WEB_PORTAL_FEW,
      ...ONE_CARE_MANAGER,
      ["That's everyone", 'Please check'],
    ]);
    const holders = allStrings(answer.cards[0]).filter((s) => s.value.includes('**view**'));
    expect(holders.map((h) => [h.holder.type, h.key, h.value])).toEqual([['TextRun', 'text', typed]]);
    expect(validateCard(answer.cards[0]).problems).toEqual([]);
    await talk(client, [[SUBMIT, 'UCP-000001']]);
    expect((await tickets(world.store))[0].organisation?.name).toBe(typed);
  });

  it('asks an organisation outside London commissioned for Londoners which London borough commissions it, and sends it to that ICS', async () => {
    const { world, client } = await sunnyviewWorld({ dpia: false });
    world.ods.answers.VKT01 = {
      status: 'found',
      organisation: {
        odsCode: 'VKT01',
        name: 'KENT COAST CARE',
        postcode: 'CT1 1AA',
        active: true,
        roleIds: ['RO101', 'RO269'],
        icbCode: 'QKS',
      },
    };
    await addDspt(world, { odsCode: 'VKT01', name: 'KENT COAST CARE', status: '25/26 Standards Met' });
    await talk(client, [
      ['hi', 'ODS code'],
      ['VKT01', 'KENT COAST CARE, CT1 1AA'],
      ["Yes, that's right", 'Where is your organisation?'],
      [
        'Outside London, commissioned to care for Londoners',
        [
          'can have access once the lead of the London Integrated Care System (ICS) that commissions the service approves them',
          'Which London borough commissions your service?',
        ],
      ],
      ['Croydon', 'Croydon is in South West London.'],
      [
        CARE_HOME,
        [
          'outside London and commissioned to care for Londoners',
          'We will ask the London Integrated Care System lead for the service you are commissioned to provide',
        ],
      ],
      ...INTERNET_WEB_PORTAL_FEW,
      ...ONE_CARE_MANAGER,
      ["That's everyone", 'Please check'],
      [SUBMIT, "the South West London Integrated Care System's governance lead is asked to approve"],
    ]);
    expect((await tickets(world.store))[0]).toMatchObject({
      state: 'awaitingIcsApproval',
      organisation: { location: 'commissioned', icbCode: 'QWE' },
    });
  });

  it('explains that an organisation outside London for one London patient needs its own DPIA, and still opens a helpdesk ticket', async () => {
    const { world, client } = await sunnyviewWorld({ dpia: false });
    world.ods.answers.VBR01 = {
      status: 'found',
      organisation: { odsCode: 'VBR01', name: 'BRISTOL VIEW', postcode: 'BS1 1AA', active: true, roleIds: ['RO101'] },
    };
    await addDspt(world, { odsCode: 'VBR01', name: 'BRISTOL VIEW', status: '25/26 Standards Met' });
    await talk(client, [
      ['hi', 'ODS code'],
      ['VBR01', 'BRISTOL VIEW'],
      ["Yes, that's right", 'Where is your organisation?'],
      [
        'Outside London, for a London patient',
        [
          'must first complete its own data protection impact assessment (DPIA)',
          'In which London borough does the person you care for live?',
        ],
      ],
      ['Sutton', 'Sutton is in South West London.'],
      [
        'Other social care service',
        ['Your organisation is outside London and is not named in a London data protection impact assessment', 'complete its own DPIA'],
      ],
      ...INTERNET_WEB_PORTAL_FEW,
      ...ONE_CARE_MANAGER,
      ["That's everyone", 'Please check'],
      [SUBMIT, ['UCP-000001', 'The UCP helpdesk will contact you about the DPIA your organisation needs to complete']],
    ]);
    expect((await tickets(world.store))[0]).toMatchObject({
      state: 'awaitingHelpdesk',
      organisation: { location: 'outside', icbCode: 'QWE', namedInDpia: false },
    });
  });

  const toBorough: Line[] = [
    ['hi', 'ODS code'],
    ['VX1A2', 'SUNNYVIEW'],
    ["Yes, that's right", 'Where'],
    ['In London', 'Which London borough'],
  ];

  it('offers the nearest boroughs for a misspelt one, and after two misses uses the ICS the directory gave', async () => {
    const { client } = await sunnyviewWorld();
    await talk(client, [
      ...toBorough,
      ['Islinton', ['I couldn\'t find a London borough called "Islinton".', 'Did you mean one of these?', 'Islington', 'None of these']],
      ['None of these', 'Which London borough is your organisation in?'],
      ['Atlantis', ['I couldn\'t find a London borough called "Atlantis".', 'Which London borough is your organisation in?']],
      [
        'Narnia',
        ["I'll use North Central London, which the NHS directory links your organisation to.", 'What kind of organisation is it?'],
      ],
    ]);
  });

  it("offers a choice of London's ICSs after two unknown boroughs when the directory gave none", async () => {
    const { world, client } = await sunnyviewWorld();
    world.ods.answers.VX1A2 = { status: 'found', organisation: { ...SUNNYVIEW, icbCode: undefined } };
    await talk(client, [
      ...toBorough,
      ['Atlantis', 'Which London borough'],
      ['Narnia', 'Which London borough'],
      [
        'Lyonesse',
        ["Let's do it another way. Which of London's Integrated Care Systems is it?", 'North Central London', 'South West London'],
      ],
      ['South East London', ["That's South East London.", 'What kind of organisation is it?']],
    ]);
  });

  it('takes an ICS typed instead of a borough', async () => {
    const { client } = await sunnyviewWorld();
    await talk(client, [...toBorough, ['NCL ICS', ["That's North Central London.", 'What kind of organisation is it?']]]);
  });

  it('changes one organisation detail from the summary, asking only that, and changes the staff through the review', async () => {
    const { world, client } = await sunnyviewWorld();
    await talk(client, [
      ...SUNNYVIEW_FOUND_IN_LONDON,
      [CARE_HOME, 'HSCN'],
      ...INTERNET_WEB_PORTAL_FEW,
      ...ONE_CARE_MANAGER,
      ["That's everyone", 'Please check'],
      [press('changeOrganisation'), ['What would you like to change?', '[Network]']],
      [
        'Network (HSCN or internet)',
        [
          'named in the North Central London onboarding DPIA',
          'Is your organisation connected to the Health and Social Care Network (HSCN)?',
        ],
      ],
      ["Yes, we're on the HSCN", 'Please check your request below.'],
      ['change users', ['So far I have 1 person:', 'Would you like to add, change or remove anyone?']],
      ['Add another person', 'What is the full name of the next person?'],
      ['Amara Okafor', "Amara Okafor's job title"],
      ['HCA', ["I've taken HCA as Health Care Assistant.", 'Non-Clinical']],
      ['Yes', 'work e-mail'],
      ['amara.okafor@nhs.net', 'So far I have 2 people:'],
      ["That's everyone", 'Please check'],
      ['submit', 'UCP-000001'],
    ]);
    const [ticket] = await tickets(world.store);
    expect(ticket.organisation).toMatchObject({ hscn: true, accessRoute: 'webPortal', name: 'SUNNYVIEW CARE HOME' });
    expect(ticket.users?.map((u) => u.name)).toEqual(['Ben Walsh', 'Amara Okafor']);
  });

  it('gives the staff questions the organisation, so its shared mailbox is refused and a role address reaches the helpdesk marked for checking', async () => {
    const { world, client } = await sunnyviewWorld();
    await talk(client, [
      ...SUNNYVIEW_FOUND_IN_LONDON,
      [CARE_HOME, 'HSCN'],
      ...INTERNET_WEB_PORTAL_FEW,
      ['Ben Walsh', 'job title'],
      ['Care Manager', 'Is that right'],
      ['Yes', 'work e-mail'],
      [
        'n1sunnyview.vx1a2@nhs.net',
        [
          "It carries your organisation's ODS code (VX1A2).",
          'The National Administration Service (NAS) portal',
          "What is Ben Walsh's work e-mail address?",
        ],
      ],
      ['ben.matron@nhs.net', ['("matron" is a job as well as a name)', 'Do you confirm']],
      ['Yes, I confirm', '1. Ben Walsh, Care Manager (Non-Clinical), ben.matron@nhs.net'],
      ["That's everyone", 'Please check'],
      [SUBMIT, 'UCP-000001'],
    ]);
    expect((await tickets(world.store))[0].users?.[0]).toMatchObject({
      email: 'ben.matron@nhs.net',
      emailCheck: expect.stringContaining('"matron"'),
    });
  });

  it('asks again, kindly, when the summary gets an answer that is not one of its buttons, and cancels from its Cancel button', async () => {
    const { world, client } = await sunnyviewWorld();
    await talk(client, [
      ...SUNNYVIEW_FOUND_IN_LONDON,
      [CARE_HOME, 'HSCN'],
      ...INTERNET_WEB_PORTAL_FEW,
      ...ONE_CARE_MANAGER,
      ["That's everyone", 'Please check'],
      ['maybe later', 'Please use the buttons on the summary card: Submit, Change organisation details, Change users or Cancel.'],
      [submit({ something: 'else' }), 'Please use the buttons on the summary card'],
      [press('cancel'), 'Nothing has been sent to the helpdesk.'],
    ]);
    expect(client.dialogContext.activeDialog).toBeUndefined();
    expect(await tickets(world.store)).toEqual([]);
  });

  it('refuses a button on an earlier summary card after a change, and takes the newest one', async () => {
    const { world, client } = await sunnyviewWorld();
    const first = await talk(client, [
      ...SUNNYVIEW_FOUND_IN_LONDON,
      [CARE_HOME, 'HSCN'],
      ...INTERNET_WEB_PORTAL_FEW,
      ...ONE_CARE_MANAGER,
      ["That's everyone", 'Please check'],
    ]);
    const staleId = /"summaryId":"([^"]+)"/.exec(JSON.stringify(first.cards[0]))?.[1];
    expect(staleId).toBeDefined();
    const oldSubmit = press('submit');
    await talk(client, [
      [press('changeOrganisation'), 'What would you like to change?'],
      ['How staff reach the UCP', 'How will your staff reach the UCP?'],
      [
        'Our record system',
        ['Staff who use the UCP from their record system get their access and role from that system.', 'Please check your request below.'],
      ],
      [() => oldSubmit(staleId), 'That button is on an earlier summary, which may not show your latest changes.'],
      [SUBMIT, 'UCP-000001'],
    ]);
    expect((await tickets(world.store))[0].organisation?.accessRoute).toBe('recordSystem');
  });

  it('does not ask an NHS organisation for a DSPT status', async () => {
    const { world, client } = await sunnyviewWorld({ dspt: '' });
    world.ods.answers.F84001 = {
      status: 'found',
      organisation: {
        odsCode: 'F84001',
        name: 'ROSEMARY SURGERY',
        postcode: 'E1 1AA',
        active: true,
        roleIds: ['RO177', 'RO76'],
        primaryRoleId: 'RO177',
        icbCode: 'QMF',
      },
    };
    await world.store.transaction(async (tx) =>
      tx.reference.setDpiaRegister([
        ...(await tx.reference.dpiaRegister()),
        { odsCode: 'F84001', name: 'Rosemary Surgery', icbCode: 'QMF' },
      ]),
    );
    await talk(client, [
      ['hi', 'ODS code'],
      ['F84001', 'ROSEMARY SURGERY'],
      ["Yes, that's right", 'North East London'],
      ['In London', 'borough'],
      ['Tower Hamlets', ['Tower Hamlets is in North East London.', 'The NHS directory suggests: GP practice.']],
      [
        'GP practice',
        ['As an NHS organisation, you do not need to show a Data Security and Protection Toolkit (DSPT) status for this.', 'HSCN'],
      ],
    ]);
  });

  it('gives the help of the question being asked: the staff questions inside the access request', async () => {
    const { client } = await sunnyviewWorld();
    await talk(client, [
      ...SUNNYVIEW_FOUND_IN_LONDON,
      [CARE_HOME, 'HSCN'],
      ...INTERNET_WEB_PORTAL_FEW,
      [
        'help',
        [
          "I'm collecting the staff who need Universal Care Plan (UCP) access",
          'What is the full name of the first person who needs access?',
        ],
      ],
    ]);
  });

  it("still sends the request when Teams cannot say what the manager's e-mail address is", async () => {
    const { world, client } = await sunnyviewWorld();
    world.services.memberEmail = async () => {
      throw new Error('Teams is down');
    };
    await talk(client, [
      ...SUNNYVIEW_FOUND_IN_LONDON,
      [CARE_HOME, 'HSCN'],
      ...INTERNET_WEB_PORTAL_FEW,
      ...ONE_CARE_MANAGER,
      ["That's everyone", 'Please check'],
      [SUBMIT, 'Thank you.'],
    ]);
    expect((await tickets(world.store))[0].requester).toEqual({ aadObjectId: 'aad-manager-grace', name: 'Grace Adeyemi' });
  });
});
