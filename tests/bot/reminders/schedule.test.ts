import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { startReminderScheduler } from '../../../bot/reminders/scheduler.js';
import type { SweepResult } from '../../../bot/reminders/sweep.js';
import { calendar } from './reminderFixtures.js';

afterEach(() => {
  jest.useRealTimers();
});

describe('the reminder schedule, driven by fake timers', () => {
  it('runs every five minutes but sends only in working hours: what falls due at 17:30 on a Friday goes at 09:00 on Tuesday after a bank holiday', async () => {
    // Friday 1 May 2026, 17:30 BST; Monday 4 May is the Early May bank holiday.
    jest.useFakeTimers({ now: new Date('2026-05-01T16:30:00.000Z'), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const ticks: string[] = [];
    const sentAt: string[] = [];
    const scheduler = startReminderScheduler({
      cron: '*/5 * * * *',
      name: 'reminders-schedule-test',
      lock: { acquire: async () => true, release: async () => undefined },
      logger: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
      sweep: async (): Promise<SweepResult> => {
        const now = new Date();
        ticks.push(now.toISOString());
        if (!calendar.isWorkingTime(now)) return { skipped: 'outsideWorkingHours', digests: 0, reminders: 0, withdrawn: 0 };
        sentAt.push(now.toISOString());
        return { digests: 1, reminders: 1, withdrawn: 0 };
      },
    });
    try {
      // Through to Tuesday 5 May 09:10 BST, five minutes at a time, as the clock would run.
      const until = Date.parse('2026-05-05T08:10:00.000Z');
      while (Date.now() < until) await jest.advanceTimersByTimeAsync(5 * 60_000);
    } finally {
      await scheduler.stop();
    }
    expect(ticks.length).toBeGreaterThan(1000);
    expect(sentAt[0]).toBe('2026-05-05T08:00:00.000Z');
  });
});
