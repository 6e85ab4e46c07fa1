import { describe, expect, it } from '@jest/globals';
import { storeCalendar } from '../../bot/storeCalendar.js';
import { openMemoryStore } from '../../data/store/memoryStore.js';

describe('the working calendar the conversations use', () => {
  it('uses the shipped bank holidays until a feed is imported, then the imported feed', async () => {
    const store = await openMemoryStore();
    const before = await storeCalendar(store);
    // Christmas Eve 2026 16:00 + 2 working hours: the 25th and the substitute 28th are holidays → Tuesday 29th 10:00.
    expect(before.addWorkingHours(new Date('2026-12-24T16:00:00Z'), 2).toISOString()).toBe('2026-12-29T10:00:00.000Z');
    await store.transaction(async (tx) => {
      await tx.reference.setBankHolidays([
        { title: 'Christmas Day', date: '2026-12-25', notes: '' },
        { title: 'Boxing Day', date: '2026-12-28', notes: 'Substitute day' },
        { title: 'An extra day', date: '2026-12-29', notes: '' },
      ]);
    });
    const after = await storeCalendar(store);
    expect(after.addWorkingHours(new Date('2026-12-24T16:00:00Z'), 2).toISOString()).toBe('2026-12-30T10:00:00.000Z');
  });

  it('takes up a feed imported while the bot runs once refreshed (the bot refreshes after every admin command)', async () => {
    const store = await openMemoryStore();
    const calendar = await storeCalendar(store);
    await store.transaction((tx) => tx.reference.setBankHolidays([{ title: 'An extra day', date: '2026-12-29', notes: '' }]));
    // Tuesday 29 December 2026 at 10:00 London: a working day until the feed that makes it a holiday is taken up.
    expect(calendar.isWorkingTime(new Date('2026-12-29T10:00:00Z'))).toBe(true);
    await calendar.refresh();
    expect(calendar.isWorkingTime(new Date('2026-12-29T10:00:00Z'))).toBe(false);
  });
});
