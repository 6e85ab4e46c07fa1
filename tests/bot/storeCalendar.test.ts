import { describe, expect, it } from '@jest/globals';
import { storeCalendar } from '../../bot/storeCalendar.js';
import { useStoreFolder } from '../helpers/storeFixtures.js';

const folder = useStoreFolder();

describe('the working calendar the conversations use', () => {
  it('uses the shipped bank holidays, then an imported feed from the next question on, without a restart', async () => {
    const store = await folder.open();
    const calendar = storeCalendar(store);
    // Christmas Eve 2026 16:00 + 2 working hours: the 25th and the substitute 28th are holidays → Tuesday 29th 10:00.
    expect(calendar.addWorkingHours(new Date('2026-12-24T16:00:00Z'), 2).toISOString()).toBe('2026-12-29T10:00:00.000Z');
    await store.update((tx) => {
      tx.data.bankHolidays = [
        { title: 'Christmas Day', date: '2026-12-25', notes: '' },
        { title: 'Boxing Day', date: '2026-12-28', notes: 'Substitute day' },
        { title: 'An extra day', date: '2026-12-29', notes: '' },
      ];
    });
    expect(calendar.addWorkingHours(new Date('2026-12-24T16:00:00Z'), 2).toISOString()).toBe('2026-12-30T10:00:00.000Z');
  });
});
