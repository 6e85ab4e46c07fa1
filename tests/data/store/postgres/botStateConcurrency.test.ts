/**
 * botbuilder's optimistic concurrency across instances: two instances ending turns of one conversation at once, each
 * holding the state it read (the same eTag), must not both save it — the later is refused, as botbuilder expects, and
 * the turn fails rather than silently overwriting the other's dialog step. Runs only with a database (`npm run test:pg`).
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { BotStateStorage } from '../../../../bot/teams/botStateStorage.js';
import { openPostgresStore } from '../../../../data/store/postgresStore.js';
import type { Store } from '../../../../data/store/store.js';
import { admin, inSchema } from '../contract/postgresPlaces.js';

const url = process.env.TEST_DATABASE_URL;

(url ? describe : describe.skip)('dialog state on postgres shared by two instances', () => {
  const stores: Store[] = [];
  const schema = `botstate_${randomUUID().replaceAll('-', '')}`;
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    await admin(url!, `DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  });

  it('on postgres, saves a conversation state read with one eTag once: every other instance saving the same read is refused', async () => {
    await admin(url!, `CREATE SCHEMA ${schema}`);
    const open = async () => {
      const store = await openPostgresStore({ url: inSchema(url!, schema), poolSize: 10 });
      stores.push(store);
      return new BotStateStorage(store);
    };
    const [first, second] = [await open(), await open()];
    const key = 'msteams/conversations/a:1on1/';
    await first.write({ [key]: { step: 'ods code' } });
    const { eTag } = (await first.read([key]))[key] as { eTag: string };

    // Twenty turns that all read that state, saving at once through both instances.
    const saves = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? first : second).write({ [key]: { step: `answer ${i}`, eTag } }));
    const outcomes = await Promise.allSettled(saves);

    const saved = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    expect(saved).toHaveLength(1);
    for (const outcome of outcomes)
      if (outcome.status === 'rejected') expect(String(outcome.reason)).toMatch(/eTag conflict|could not serialize|concurrent/);
    const stored = (await second.read([key]))[key] as { step: string; eTag: string };
    expect(stored.eTag).not.toBe(eTag);
  });
});
