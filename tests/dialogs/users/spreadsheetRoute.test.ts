import { afterEach, beforeEach, describe, it, expect } from '@jest/globals';
import { createAttachmentReader } from '../../../bot/attachments/attachmentReader.js';
import { httpsOrLoopback } from '../../helpers/httpsOrLoopback.js';
import { AccessRequestDialog } from '../../../dialogs/accessRequest/accessRequestDialog.js';
import { UsersDialog, type UsersResult } from '../../../dialogs/users/usersDialog.js';
import { validateCard } from '../../helpers/validateCard.js';
import { adaptiveCards, dialogClient, turn, useDialogWorld, type DialogWorld } from '../../helpers/dialogFixtures.js';
import {
  INTERNET_WEB_PORTAL_FEW,
  press,
  SUNNYVIEW,
  SUNNYVIEW_DPIA,
  SUNNYVIEW_FOUND_IN_LONDON,
  sunnyviewDspt,
  talk,
  tickets,
  type Line,
} from '../accessRequest/accessFixtures.js';
import { fileMessage, staffWorkbook, startFileServer, TWELVE_STAFF, TWELVE_STAFF_FIXED, type FileServer } from './staffSpreadsheet.js';
import { createSpreadsheetReader } from '../../../bot/spreadsheet/attachedSpreadsheet.js';

const TEMPLATE_URL = 'https://bot.example.org/templates/ucp-multiple-users.xlsx';

describe('the multiple-user route: the filled-in spreadsheet, downloaded over real HTTP', () => {
  const worlds = useDialogWorld();
  let files: FileServer;

  beforeEach(async () => {
    files = await startFileServer();
  });
  afterEach(async () => {
    await files.close();
  });

  /** A world whose attachments are read by the real reader (http allowed to this machine only, as in tests). */
  async function world(): Promise<DialogWorld> {
    const opened = await worlds.open({ dpia: [SUNNYVIEW_DPIA], dspt: [sunnyviewDspt('25/26 Standards Met')] });
    opened.ods.answers.VX1A2 = { status: 'found', organisation: SUNNYVIEW };
    opened.services.spreadsheets = createSpreadsheetReader(createAttachmentReader({ isAllowedUrl: httpsOrLoopback }));
    return opened;
  }

  const TO_SPREADSHEET: readonly Line[] = [
    ['go', 'How many members of staff need access?'],
    ['10 or more', ['For ten or more people, a spreadsheet is quicker.', 'Download the template']],
  ];

  it('reports a 12-row file with two bad rows row by row, leaves them out when asked, and submits the ten', async () => {
    const w = await world();
    files.serve('/staff.xlsx', await staffWorkbook(TWELVE_STAFF));
    const client = dialogClient(new AccessRequestDialog(w.services), w);
    await talk(client, [
      ...SUNNYVIEW_FOUND_IN_LONDON,
      ['Care home (residential or nursing)', 'HSCN'],
      ...INTERNET_WEB_PORTAL_FEW.slice(0, 2),
      ['10 or more', ['For ten or more people, a spreadsheet is quicker.', 'Download the template']],
      [
        fileMessage(files.url('/staff.xlsx')),
        [
          '10 people are ready; 2 rows need changing before we can send the request:',
          'Row 7: The e-mail jane@gmail.com is a personal address.',
          'Row 11: A Nurse has clinical access, so we need their Nursing and Midwifery Council (NMC) registration number',
          'Remove the bad rows',
          "I'll fix it",
        ],
      ],
      ['Remove the bad rows', ["I've left out rows 7 and 11. 10 people are ready to send.", 'Please check your request below.']],
    ]);
    expect(await tickets(w.store)).toEqual([]);
    await talk(client, [[press('submit'), 'Your ticket number is UCP-000001']]);
    const [ticket] = await tickets(w.store);
    expect(ticket.users).toHaveLength(10);
    expect(ticket.users?.map((u) => u.email)).not.toContain('jane@gmail.com');
    expect(ticket.users?.find((u) => u.name === 'Dev Patel')).toMatchObject({ role: 'Non-Clinical', emailConfirmed: true });
    expect(ticket.users?.find((u) => u.name === 'Femi Adeyemi')).toMatchObject({
      role: 'Clinical',
      registration: { body: 'GMC', number: '7654321' },
    });
    expect(files.requests).toBe(1);
  });

  it('waits for the corrected file when the manager will fix it, and takes all twelve once every row passes', async () => {
    const w = await world();
    files.serve('/first.xlsx', await staffWorkbook(TWELVE_STAFF));
    files.serve('/fixed.xlsx', await staffWorkbook(TWELVE_STAFF_FIXED));
    const client = dialogClient(new UsersDialog(w.services), w);
    await talk(client, [
      ...TO_SPREADSHEET,
      [fileMessage(files.url('/first.xlsx')), '2 rows need changing'],
      ["I'll fix it and send it again", 'Please send the corrected spreadsheet here as an attachment when it is ready.'],
      [fileMessage(files.url('/fixed.xlsx')), 'All 12 people in the spreadsheet are ready to send.'],
    ]);
    const result = client.dialogTurnResult.result as UsersResult;
    expect(result.users).toHaveLength(12);
    expect(result.users.find((u) => u.name === 'Isla Murphy')?.registration).toEqual({ body: 'NMC', number: '22B4455C' });
  });

  it('offers the template as a download button, and a way back to one by one, on a card with no typed text', async () => {
    const w = await world();
    const client = dialogClient(new UsersDialog(w.services), w);
    await talk(client, [['go', '10 or more']]);
    const [reply] = await turn(client, '10 or more');
    expect(reply.textFormat).toBe('plain');
    const [card] = adaptiveCards([reply]);
    expect(validateCard(card).problems).toEqual([]);
    expect(JSON.stringify(card)).not.toMatch(/TextBlock|TextRun/);
    const actions = (card.body as { actions: unknown[] }[]).flatMap((set) => set.actions);
    expect(actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Download the template', url: TEMPLATE_URL },
      { type: 'Action.Submit', title: 'Enter people one by one', data: { oneByOne: true } },
    ]);
  });

  it('gives the download 8 seconds at most, so reading and answering fit in the turn Bot Framework allows (about 15 s)', async () => {
    const w = await world();
    files.serve('/staff.xlsx', await staffWorkbook(TWELVE_STAFF_FIXED));
    const real = createAttachmentReader({ isAllowedUrl: httpsOrLoopback });
    const asked: { maxBytes: number; timeoutMs: number }[] = [];
    w.services.spreadsheets = createSpreadsheetReader({
      read: (url, options) => {
        asked.push(options);
        return real.read(url, options);
      },
    });
    const client = dialogClient(new UsersDialog(w.services), w);
    await talk(client, [...TO_SPREADSHEET, [fileMessage(files.url('/staff.xlsx')), 'All 12 people in the spreadsheet are ready to send.']]);
    expect(asked).toEqual([{ maxBytes: 2 * 1024 * 1024, timeoutMs: 8000 }]);
  });

  it.each([
    ['a typed message', { type: 'message', text: 'here you go' }, "We didn't find a file in your message."],
    ['a PDF', 'pdf', '"staff.pdf" isn\'t the users spreadsheet.'],
    ['a file over 2 MB', 'big', 'The file is bigger than we can take (the limit is 2 MB).'],
    ['a file Teams will not hand over', 'missing', "Teams wouldn't let us open the file; the link to it may have expired."],
    ['a file that is not a workbook', 'garbage', "This file isn't an Excel workbook (.xlsx), so we can't read it."],
  ])('asks again, with the reason, for %s', async (_what, sent, reason) => {
    const w = await world();
    files.serve('/big.xlsx', Buffer.alloc(2 * 1024 * 1024 + 1, 1));
    files.serve('/garbage.xlsx', Buffer.from('not a spreadsheet at all'));
    const message =
      sent === 'pdf'
        ? fileMessage(files.url('/staff.pdf'), 'staff.pdf')
        : typeof sent === 'string'
          ? fileMessage(files.url(`/${sent}.xlsx`))
          : sent;
    const client = dialogClient(new UsersDialog(w.services), w);
    await talk(client, [...TO_SPREADSHEET, [message, [reason, 'send it back to me here as an attachment']]]);
  });
});
