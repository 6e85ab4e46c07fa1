import { describe, expect, it } from '@jest/globals';
import { StoreUnavailableError } from '../../../../data/errors.js';
import { OutageWatch, type OutageEvent } from '../../../../data/store/postgres/outageWatch.js';

const refused = () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));

describe('noticing a database outage', () => {
  it('says once that the database went away and once that it is back, however many calls fail in between', async () => {
    const events: OutageEvent[] = [];
    let now = 1_000;
    const watch = new OutageWatch(
      (event) => events.push(event),
      () => now,
    );

    expect(await watch.run(async () => 'fine')).toBe('fine');
    for (let i = 0; i < 5; i += 1) await expect(watch.run(refused)).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(watch.down).toBe(true);
    now += 42_000;
    await watch.run(async () => 'back');
    await watch.run(async () => 'still fine');

    expect(events).toEqual([
      { kind: 'down', reason: 'the database server cannot be reached (ECONNREFUSED)' },
      { kind: 'back', downForMs: 42_000 },
    ]);
    expect(watch.down).toBe(false);
  });

  it('takes a bad query as the server answering: it ends an outage and is passed on unchanged', async () => {
    const events: OutageEvent[] = [];
    const watch = new OutageWatch((event) => events.push(event));
    await expect(watch.run(refused)).rejects.toBeInstanceOf(StoreUnavailableError);
    const badQuery = Object.assign(new Error('syntax error'), { code: '42601' });

    await expect(watch.run(() => Promise.reject(badQuery))).rejects.toBe(badQuery);

    expect(events.map((event) => event.kind)).toEqual(['down', 'back']);
  });
});

describe('calls that overlap the moment the database goes away', () => {
  it('does not take an answer to a call begun before the outage as the database being back', async () => {
    const events: OutageEvent[] = [];
    const watch = new OutageWatch((event) => events.push(event));
    let answer: (value: string) => void = () => undefined;
    const slow = watch.run(() => new Promise<string>((resolve) => (answer = resolve)));

    await expect(watch.run(refused)).rejects.toBeInstanceOf(StoreUnavailableError);
    answer('answered before the server stopped');
    await slow;
    await expect(watch.run(refused)).rejects.toBeInstanceOf(StoreUnavailableError);

    expect(events.map((event) => event.kind)).toEqual(['down']);
    expect(watch.down).toBe(true);
  });
});
