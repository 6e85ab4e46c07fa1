/**
 * Copying a store into another (data/store/storeCopy.ts, `npx ucp-admin store copy`): the copy answers every read as
 * its source does, whichever implementations the two are, and an occupied destination is refused with nothing written.
 */
import { describe, expect, it } from '@jest/globals';
import { copyStore, countStore, DestinationNotEmptyError } from '../../../../data/store/storeCopy.js';
import type { Store } from '../../../../data/store/store.js';
import { everythingIn, fillWithSampleRecords } from '../../../helpers/storeContents.js';
import { seed, ticket, useStores } from './contractStores.js';
import { IMPLEMENTATIONS } from './implementations.js';

describe.each(IMPLEMENTATIONS)('copying a store into the $name store', (implementation) => {
  const stores = useStores(implementation);
  const memory = useStores(IMPLEMENTATIONS[0]);

  it('answers every read as the source does: tickets live and archived, audit, rosters, lists, ledger, counters, bot state', async () => {
    const source = await memory.open();
    await fillWithSampleRecords(source);
    const destination = await stores.open();

    await copyStore(source, destination);

    expect(await everythingIn(destination)).toEqual(await everythingIn(source));
    expect(await countStore(destination)).toEqual(await countStore(source));
  });

  it('goes on numbering tickets after the last number the source handed out', async () => {
    const source = await memory.open();
    await source.transaction(async (tx) => {
      for (let i = 0; i < 41; i += 1) await tx.tickets.nextSequence();
    });
    const destination = await stores.open();

    await copyStore(source, destination);

    expect(await destination.transaction((tx) => tx.tickets.nextSequence())).toBe(42);
  });

  it('refuses a destination that holds anything, saying what it holds, and writes nothing into it', async () => {
    const source = await memory.open();
    await fillWithSampleRecords(source);
    const destination = await stores.open();
    await seed(destination, [ticket(1)]);
    const before = await everythingIn(destination);

    const copying = copyStore(source, destination);

    await expect(copying).rejects.toBeInstanceOf(DestinationNotEmptyError);
    await expect(copying).rejects.toThrow(/not empty \(it holds 1 live tickets\), so nothing was copied/);
    expect(await everythingIn(destination)).toEqual(before);
  });
});

describe.each(IMPLEMENTATIONS.filter((implementation) => implementation.durable))(
  'a copy into the durable $name store',
  (implementation) => {
    const stores = useStores(implementation);
    const memory = useStores(IMPLEMENTATIONS[0]);

    it('keeps what it copied after the destination is closed and opened again', async () => {
      const source = await memory.open();
      await fillWithSampleRecords(source);
      const place = await stores.place();
      const destination = await place.open();
      await copyStore(source, destination);
      await destination.close();

      expect(await everythingIn(await place.open())).toEqual(await everythingIn(source));
    });
  },
);

describe(`copying along ${IMPLEMENTATIONS.map((i) => i.name).join(' → ')} → memory`, () => {
  const chain = IMPLEMENTATIONS.map((implementation) => useStores(implementation));
  const back = useStores(IMPLEMENTATIONS[0]);

  it('ends with a store that answers every read as the first one did', async () => {
    const first = await chain[0].open();
    await fillWithSampleRecords(first);
    const expected = await everythingIn(first);
    let previous: Store = first;
    for (const stores of [...chain.slice(1), back]) {
      const next = await stores.open();
      await copyStore(previous, next);
      expect(await everythingIn(next)).toEqual(expected);
      previous = next;
    }
  });
});
