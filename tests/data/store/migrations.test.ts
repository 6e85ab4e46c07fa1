import { describe, expect, it } from '@jest/globals';
import { readFile, writeFile } from 'node:fs/promises';
import { CURRENT_SCHEMA_VERSION, MIGRATIONS, migrateLiveFile, type Migration } from '../../../data/store/migrations.js';
import { makeWorkflowTicket } from '../../fixtures/workflowFixtures.js';
import { useStoreFolder } from '../../helpers/storeFixtures.js';

describe('migrateLiveFile', () => {
  const steps: Migration[] = [
    { to: 1, description: 'defaults', up: (doc) => ({ tickets: [], ...doc }) },
    { to: 2, description: 'rename notes', up: (doc) => ({ ...doc, notes: doc.remarks, remarks: undefined }) },
    { to: 3, description: 'count', up: (doc) => ({ ...doc, count: (doc.tickets as unknown[]).length }) },
  ];

  it('runs every step after the file version, in order, and stamps the new version', () => {
    const { document, from } = migrateLiveFile({ schemaVersion: 1, tickets: [1, 2], remarks: 'hi' }, 'live.json', steps);
    expect(from).toBe(1);
    expect(document).toEqual({ schemaVersion: 3, tickets: [1, 2], notes: 'hi', remarks: undefined, count: 2 });
    expect(Object.keys(document)[0]).toBe('schemaVersion');
  });

  it('treats a file without a version as version 0 and runs every step', () => {
    expect(migrateLiveFile({}, 'live.json', steps)).toEqual({
      document: { schemaVersion: 3, tickets: [], notes: undefined, remarks: undefined, count: 0 },
      from: 0,
    });
  });

  it('leaves a current file as it is', () => {
    expect(migrateLiveFile({ schemaVersion: 3, tickets: [] }, 'live.json', steps)).toEqual({
      document: { schemaVersion: 3, tickets: [] },
      from: 3,
    });
  });

  it.each([
    ['a string', '1'],
    ['a fraction', 1.5],
    ['a negative number', -1],
  ])('refuses a version that is %s', (_name, version) => {
    expect(() => migrateLiveFile({ schemaVersion: version }, '/data/live.json', steps)).toThrow(
      /\/data\/live.json has a data version the assistant does not recognise/,
    );
  });

  it('numbers the shipped steps 1, 2, 3 … with no gap, so every file version has a path to the current one', () => {
    expect(MIGRATIONS.map((step) => step.to)).toEqual(Array.from({ length: MIGRATIONS.length }, (_, i) => i + 1));
    expect(CURRENT_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });
});

describe('opening a file from before schema versions', () => {
  const folder = useStoreFolder();

  it('fills the missing collections, keeps what was there, writes the new version and keeps a backup of the old file', async () => {
    const ticket = makeWorkflowTicket();
    const old = JSON.stringify({ tickets: [ticket], settings: { reminderHour: 10 } }, null, 2);
    await writeFile(folder.path('live.json'), old);

    const store = await folder.open();
    expect((await store.tickets.list()).map((t) => t.id)).toEqual([ticket.id]);
    expect([
      await store.rosters.list(),
      await store.conversations.list(),
      await store.reference.dpiaRegister(),
      await store.reference.dsptStatuses(),
      await store.reference.accreditedDomains(),
      await store.botState.list(),
      await store.reference.bankHolidays(),
    ]).toEqual([[], [], [], [], [], [], null]);
    await store.close();

    const onDisk = JSON.parse(await readFile(folder.path('live.json'), 'utf8'));
    expect(onDisk.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(onDisk.notifications).toEqual([]);
    expect(onDisk.tickets).toEqual([ticket]);
    expect(onDisk.dsptStatuses).toEqual([]);
    expect(onDisk.settings.reminderHour).toBe(10);
    expect(await readFile(folder.path('live.json.schema-0.bak'), 'utf8')).toBe(old);
  });
});

describe('schema version 2', () => {
  it('adds an empty notifications list to a version 1 file and keeps everything else', () => {
    const v1 = {
      schemaVersion: 1,
      tickets: [{ id: 'T-1' }],
      rosters: [],
      conversations: [],
      dpiaRegister: [],
      dsptStatuses: [],
      accreditedDomains: ['careco.org.uk'],
      bankHolidays: null,
      settings: {},
      botState: {},
      pendingAudit: [],
    };
    const { document, from } = migrateLiveFile(v1, 'live.json', MIGRATIONS.slice(0, 2));
    expect(from).toBe(1);
    expect(document).toMatchObject({ schemaVersion: 2, notifications: [], tickets: [{ id: 'T-1' }], accreditedDomains: ['careco.org.uk'] });
  });
});

describe('schema version 3', () => {
  const folder = useStoreFolder();
  const reference = (conversation: Record<string, unknown>) => ({
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/uk/',
    conversation,
    bot: { id: '28:ucp-bot' },
    user: { id: '29:grace', aadObjectId: 'aad-grace', name: 'Grace Adeyemi' },
    activityId: 'f:1',
  });

  it('trims the conversation references stored before it, and drops one nothing could be sent with', async () => {
    const v2 = {
      schemaVersion: 2,
      tickets: [],
      rosters: [],
      dpiaRegister: [],
      dsptStatuses: [],
      accreditedDomains: [],
      bankHolidays: null,
      settings: {},
      botState: {},
      pendingAudit: [],
      notifications: [],
      conversations: [
        {
          key: 'user:aad-grace',
          usable: true,
          updatedAt: '2026-03-02T09:00:00.000Z',
          reference: reference({ id: 'a:1on1-grace', conversationType: 'personal', junk: 'x'.repeat(240_000) }),
        },
        { key: 'user:aad-forged', usable: true, updatedAt: '2026-03-02T09:00:00.000Z', reference: reference({ id: 'y'.repeat(600) }) },
      ],
    };
    await writeFile(folder.path('live.json'), JSON.stringify(v2));

    const store = await folder.open();
    expect(await store.conversations.list()).toEqual([
      {
        key: 'user:aad-grace',
        usable: true,
        updatedAt: '2026-03-02T09:00:00.000Z',
        reference: {
          channelId: 'msteams',
          serviceUrl: 'https://smba.trafficmanager.net/uk/',
          conversation: { id: 'a:1on1-grace', conversationType: 'personal' },
          bot: { id: '28:ucp-bot' },
          user: { id: '29:grace', aadObjectId: 'aad-grace' },
        },
      },
    ]);
    await store.close();
    expect((await readFile(folder.path('live.json'), 'utf8')).length).toBeLessThan(2048);
  });
});
