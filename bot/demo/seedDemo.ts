/** The demo a fresh local start is seeded with, so a person can try every part of the bot in the Agents Playground at once. */
import type { Store } from '../../data/store/store.js';
import { isLocalMode, type Config } from '../config.js';
import { errorKind, type Logger } from '../log.js';
import { DEMO_DPIA, DEMO_ICB_CODE, demoDsptStatuses, demoRosters } from './demoData.js';

export type DemoSeedOutcome = 'seeded' | 'authenticatedMode' | 'storeHasData' | 'failed';

export interface DemoSeedOptions {
  config: Config;
  store: Store;
  logger: Logger;
  /** The port the bot listens on, for the addresses it prints. */
  port: number;
  now?: () => Date;
}

/**
 * Runs once the server listens: in local mode with an empty store (no tickets, rosters or DPIA entries),
 * writes the demo in one audited transaction ('demo.seed') and logs where to go next. Never in authenticated mode, never over
 * data; a failure is logged and the bot carries on without a demo.
 */
export async function seedDemoIfFresh({ config, store, logger, port, now = () => new Date() }: DemoSeedOptions): Promise<DemoSeedOutcome> {
  if (!isLocalMode(config)) return 'authenticatedMode';
  try {
    // Read first so an ordinary restart writes nothing; checked again inside the transaction, which is what counts.
    if (!(await isFresh(store, await store.tickets.count()))) return 'storeHasData';
    const at = now();
    const seeded = await store.transaction(async (tx) => {
      if (!(await isFresh(tx, (await tx.tickets.list()).length))) return false;
      const addedAt = at.toISOString();
      for (const entry of demoRosters(addedAt)) await tx.rosters.insert(entry);
      await tx.reference.setDpiaRegister([...(await tx.reference.dpiaRegister()), ...DEMO_DPIA]);
      const dspt = await tx.reference.dsptStatuses();
      const known = new Set(dspt.map((r) => r.odsCode));
      await tx.reference.setDsptStatuses([...dspt, ...demoDsptStatuses(at).filter((r) => !known.has(r.odsCode))]);
      await tx.counters.setDemoSeededAt(addedAt);
      await tx.reference.setImported('dpia', addedAt);
      await tx.reference.setImported('dspt', addedAt);
      tx.audit({
        actor: 'system',
        action: 'demo.seed',
        details: { icbCode: DEMO_ICB_CODE, rosterEntries: 3, dpiaEntries: DEMO_DPIA.length, odsCodes: DEMO_DPIA.map((e) => e.odsCode) },
      });
      return true;
    });
    if (!seeded) return 'storeHasData';
    logWhereToGo(logger, port);
    return 'seeded';
  } catch (err) {
    logger.error('could not seed the demo; the bot runs without it', { error: errorKind(err) });
    return 'failed';
  }
}

/**
 * Fresh: nothing an administrator or a person has put there (`liveTickets` counts the tickets), and no demo seeded before
 * (once seeded, never again, even if an administrator later empties the rosters). Reads the store, or a transaction.
 */
async function isFresh(reads: Pick<Store, 'rosters' | 'reference' | 'counters'>, liveTickets: number): Promise<boolean> {
  return (
    liveTickets === 0 &&
    (await reads.rosters.list()).length === 0 &&
    (await reads.reference.dpiaRegister()).length === 0 &&
    (await reads.counters.demoSeededAt()) === null
  );
}

// Addresses and commands only: the demo's people are the playground's own made-up users, and still never logged by name.
function logWhereToGo(logger: Logger, port: number): void {
  logger.info(
    'demo seeded: one ICS (North Central London, QMJ), the helpdesk, and demo care homes VX1A2, VX2B3, VX4D5 (in the DPIA) and VX3C4 (not in it)',
  );
  logger.info(
    'try it: in another terminal run "npm run playground", then open the address it prints (http://localhost:56150 when that port is free; see README "Try it in the Agents Playground")',
    { playground: 'npm run playground' },
  );
  logger.info(`helpdesk tab: http://localhost:${port}/tab`, { tab: `http://localhost:${port}/tab` });
  logger.info('admin CLI: "npx ucp-admin roster list" reads the demo rosters; changes made while the bot runs go through it', {
    admin: 'npx ucp-admin roster list',
  });
}
