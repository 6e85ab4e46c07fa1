import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { AuditEvent } from '../../../data/model.js';
import { icsByCode } from '../../../data/rules/ics.js';
import { checkOdsCode } from '../../../data/rules/ods.js';
import { dsptLapsed, meetsNhsmailBar, meetsUcpBar, parsePublishedStatus } from '../../../data/rules/dspt.js';
import { openMemoryStore } from '../../../data/store/memoryStore.js';
import { rosterKey } from '../../../data/store/records.js';
import type { Store } from '../../../data/store/store.js';
import { loadConfig } from '../../../bot/config.js';
import { createLogger } from '../../../bot/log.js';
import { DEMO_DPIA, DEMO_NOT_IN_DPIA, demoDsptStatuses, PLAYGROUND_USER } from '../../../bot/demo/demoData.js';
import { seedDemoIfFresh } from '../../../bot/demo/seedDemo.js';
import { makeWorkflowTicket } from '../../fixtures/workflowFixtures.js';
import { useStoreFolder } from '../../helpers/storeFixtures.js';

const LOCAL = loadConfig({});
const AUTHENTICATED = loadConfig({
  MicrosoftAppId: '11111111-2222-4333-8444-555555555555',
  MicrosoftAppPassword: 'secret',
  MicrosoftAppTenantId: '66666666-7777-4888-9999-000000000000',
});

function capture() {
  const lines: string[] = [];
  return { lines, logger: createLogger('debug', (line) => lines.push(line)) };
}

async function auditActions(store: Store): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  for await (const event of store.readAudit()) events.push(event);
  return events;
}

async function snapshot(store: Store) {
  return {
    rosters: await store.rosters.list(),
    dpiaRegister: await store.reference.dpiaRegister(),
    dsptStatuses: await store.reference.dsptStatuses(),
    demoSeededAt: await store.counters.demoSeededAt(),
  };
}

describe('the demo a fresh local start is seeded with', () => {
  const folder = useStoreFolder();
  const open = () => openMemoryStore();

  it('seeds one ICS lead, one helpdesk agent and channel, the DPIA and DSPT statuses in one audited write on an empty store in local mode', async () => {
    const store = await open();
    const { logger } = capture();
    await expect(seedDemoIfFresh({ config: LOCAL, store, logger, port: 3978 })).resolves.toBe('seeded');

    const data = await snapshot(store);
    expect(data.rosters).toEqual([
      expect.objectContaining({ kind: 'icsLead', id: PLAYGROUND_USER.aadObjectId, scope: 'QMJ' }),
      expect.objectContaining({ kind: 'helpdeskAgent', id: PLAYGROUND_USER.aadObjectId }),
      expect.objectContaining({ kind: 'helpdeskChannel', id: 'team-id' }),
    ]);
    expect(data.dpiaRegister).toHaveLength(3);
    expect(data.dsptStatuses).toHaveLength(3);
    const events = await auditActions(store);
    expect(events.map((e) => e.action)).toEqual(['demo.seed']);
    expect(events[0]).toMatchObject({ actor: 'system', details: { icbCode: 'QMJ', odsCodes: ['VX1A2', 'VX2B3', 'VX4D5'] } });
  });

  it('never seeds in authenticated mode, even on an empty store', async () => {
    const store = await open();
    await expect(seedDemoIfFresh({ config: AUTHENTICATED, store, logger: capture().logger, port: 3978 })).resolves.toBe(
      'authenticatedMode',
    );
    expect(await snapshot(store)).toEqual({ rosters: [], dpiaRegister: [], dsptStatuses: [], demoSeededAt: null });
    expect(await auditActions(store)).toEqual([]);
  });

  it.each([
    ['a ticket', (store: Store) => store.transaction((tx) => tx.tickets.insert(makeWorkflowTicket()))],
    [
      'a roster entry',
      (store: Store) =>
        store.transaction((tx) =>
          tx.rosters.insert({ kind: 'helpdeskChannel', id: '19:real@thread.tacv2', addedAt: '2026-01-05T09:00:00.000Z' }),
        ),
    ],
    [
      'a DPIA entry',
      (store: Store) =>
        store.transaction((tx) => tx.reference.setDpiaRegister([{ odsCode: 'VN4K2', name: 'Rosewood Court Care Home', icbCode: 'QKK' }])),
    ],
  ])('leaves a store that already holds %s alone', async (_what, prepare) => {
    const store = await open();
    await prepare(store);
    const before = await snapshot(store);
    await expect(seedDemoIfFresh({ config: LOCAL, store, logger: capture().logger, port: 3978 })).resolves.toBe('storeHasData');
    expect(await snapshot(store)).toEqual(before);
    expect((await auditActions(store)).map((e) => e.action)).not.toContain('demo.seed');
  });

  it('seeds exactly once: a restart on the same data folder seeds nothing more, even after the demo rosters are removed', async () => {
    const first = await folder.open();
    await seedDemoIfFresh({ config: LOCAL, store: first, logger: capture().logger, port: 3978 });
    await first.close();

    const second = await folder.open();
    await expect(seedDemoIfFresh({ config: LOCAL, store: second, logger: capture().logger, port: 3978 })).resolves.toBe('storeHasData');
    await second.transaction(async (tx) => {
      for (const entry of await tx.rosters.list()) await tx.rosters.delete(rosterKey(entry));
      await tx.reference.setDpiaRegister([]);
    });
    await expect(seedDemoIfFresh({ config: LOCAL, store: second, logger: capture().logger, port: 3978 })).resolves.toBe('storeHasData');
    expect((await snapshot(second)).rosters).toEqual([]);
    expect((await auditActions(second)).filter((e) => e.action === 'demo.seed')).toHaveLength(1);
  });

  it('says where to go (playground, tab, admin CLI) and names nobody in the log', async () => {
    const store = await open();
    const { lines, logger } = capture();
    await seedDemoIfFresh({ config: LOCAL, store, logger, port: 4123 });
    const log = lines.join('\n');
    expect(log).toContain('npm run playground');
    expect(log).toContain('http://localhost:4123/tab');
    expect(log).toContain('npx ucp-admin roster list');
    expect(log).not.toMatch(/Alex|Wilber|@/);
  });
});

describe('the demo data', () => {
  it('has DPIA codes that are valid care home ODS codes, each in an ICS that exists', () => {
    for (const entry of DEMO_DPIA) {
      const check = checkOdsCode(entry.odsCode);
      expect(check).toMatchObject({ ok: true, code: entry.odsCode });
      expect(check.ok && check.kinds).toContain('socialCareSite');
      expect(icsByCode(entry.icbCode)?.name).toBe('North Central London');
      expect(entry.name).toMatch(/^Demo /);
    }
    expect(DEMO_DPIA.map((e) => e.odsCode)).not.toContain(DEMO_NOT_IN_DPIA.odsCode);
  });

  it.each(['2026-06-30', '2026-07-01', '2026-11-21', '2027-01-04'])(
    'on %s has one home meeting the UCP bar and one only Approaching Standards, neither lapsed nor dated after that day',
    (day) => {
      const statuses = new Map(demoDsptStatuses(new Date(`${day}T12:00:00Z`)).map((r) => [r.odsCode, parsePublishedStatus(r, day)]));
      const met = statuses.get('VX1A2');
      const approaching = statuses.get('VX2B3');
      expect(met && meetsUcpBar(met)).toBe(true);
      expect(met && dsptLapsed(met, day)).toBe(false);
      expect(approaching && !meetsUcpBar(approaching) && meetsNhsmailBar(approaching)).toBe(true);
      expect(approaching && dsptLapsed(approaching, day)).toBe(false);
      expect(statuses.has('VX4D5')).toBe(false);
    },
  );

  it("uses the Agents Playground's own default user, as its installed version defines it", () => {
    const bundle = readFileSync(new URL('../../../node_modules/@microsoft/m365agentsplayground/dist/index.js', import.meta.url), 'utf8');
    const currentUser = /\\ncurrentUser:\\n {2}id: [^\\]+\\n {2}name: ([^\\]+)\\n(?: {2}[^\\]+\\n)*? {2}aadObjectId: ([^\\]+)\\n/.exec(
      bundle,
    );
    expect(currentUser?.slice(1)).toEqual([PLAYGROUND_USER.name, PLAYGROUND_USER.aadObjectId]);
    expect(bundle).toContain('\\nteam:\\n  id: team-id\\n');
  });
});
