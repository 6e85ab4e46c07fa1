/** The per-ticket card sync lock across instances on one PostgreSQL database. Runs only with a database (`npm run test:pg`). */
import { afterEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { CardSyncLock } from '../../../bot/tickets/cardSyncLock.js';
import { postgresCardSyncLock } from '../../../bot/tickets/postgresCardSyncLock.js';
import { admin, inSchema } from '../../data/store/contract/postgresPlaces.js';

const url = process.env.TEST_DATABASE_URL;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `holding` resolves once `hold()` is called: a sync's work calls it, so the test knows that sync holds its lock. */
function signal(): { holding: Promise<void>; hold: () => void } {
  let hold!: () => void;
  const holding = new Promise<void>((resolve) => (hold = resolve));
  return { holding, hold };
}

(url ? describe : describe.skip)('the card sync lock on postgres', () => {
  const locks: CardSyncLock[] = [];
  const schemas: string[] = [];
  /** Two instances' locks on one store (a schema of its own). */
  const instances = async (options: { waitMs?: number } = {}) => {
    const schema = `cards_${randomUUID().replaceAll('-', '')}`;
    await admin(url!, `CREATE SCHEMA ${schema}`);
    schemas.push(schema);
    const made = [postgresCardSyncLock(inSchema(url!, schema), options), postgresCardSyncLock(inSchema(url!, schema), options)];
    locks.push(...made);
    return made;
  };
  afterEach(async () => {
    await Promise.all(locks.splice(0).map((lock) => lock.close()));
    for (const schema of schemas.splice(0)) await admin(url!, `DROP SCHEMA ${schema} CASCADE`);
  });

  it('on postgres, makes a second instance syncing the same ticket wait until the first has finished', async () => {
    const [first, second] = await instances();
    const steps: string[] = [];
    const { holding, hold } = signal();
    const firstSync = first.withTicket('T-1', async () => {
      steps.push('first starts');
      hold();
      await pause(300);
      steps.push('first ends');
    });
    await holding;
    await second.withTicket('T-1', async () => {
      steps.push('second runs');
    });
    await firstSync;
    expect(steps).toEqual(['first starts', 'first ends', 'second runs']);
  });

  it('on postgres, lets two instances sync different tickets at the same time', async () => {
    const [first, second] = await instances();
    const steps: string[] = [];
    const { holding, hold } = signal();
    const firstSync = first.withTicket('T-1', async () => {
      steps.push('first starts');
      hold();
      await pause(300);
      steps.push('first ends');
    });
    await holding;
    await second.withTicket('T-2', async () => {
      steps.push('second runs');
    });
    await firstSync;
    expect(steps).toEqual(['first starts', 'second runs', 'first ends']);
  });

  it('on postgres, gives up waiting after the wait allowed, without running the sync, and frees the ticket after a failed sync', async () => {
    const [first, second] = await instances({ waitMs: 200 });
    let release!: () => void;
    const { holding, hold } = signal();
    const held = first.withTicket('T-1', () => {
      hold();
      return new Promise<void>((resolve) => (release = resolve));
    });
    await holding;
    let ran = false;
    await expect(
      second.withTicket('T-1', async () => {
        ran = true;
      }),
    ).rejects.toThrow();
    expect(ran).toBe(false);
    release();
    await held;
    await expect(
      first.withTicket('T-1', async () => {
        throw new Error('Teams refused');
      }),
    ).rejects.toThrow('Teams refused');
    expect(await second.withTicket('T-1', async () => 'synced')).toBe('synced');
  });
});
