/** When each reminder falls due, in working hours; every value can be changed through the environment. */
import { AppError } from '../../data/errors.js';

/** The thresholds the sweep uses. Hours are working hours: Monday–Friday 09:00–17:00 London, minus bank holidays. */
export interface ReminderThresholds {
  /** Working hours in one working day (the calendar's 09:00–17:00); "2 working days" is 2 × this. */
  workingDayHours: number;
  /** ICS approval pending: first reminder to the ICS's leads, then one every `icsRemindEveryHours`. */
  icsRemindAfterHours: number;
  icsRemindEveryHours: number;
  /** ICS approval pending: escalation to the helpdesk channel naming the ICS. */
  icsEscalateAfterHours: number;
  /** Awaiting the helpdesk with nobody assigned: a note to the helpdesk channel. */
  unassignedAfterHours: number;
  /** Assigned with no action: a reminder to the assignee, then an escalation to the helpdesk channel. */
  assigneeRemindAfterHours: number;
  assigneeEscalateAfterHours: number;
  /** Needs information and unanswered: a nudge to the requester, then the request is withdrawn with notice. */
  requesterNudgeAfterHours: number;
  withdrawAfterHours: number;
  /** DSPT renewal reminders, as MM-DD, before the 30 June deadline. */
  dsptReminderDates: readonly string[];
  /** node-cron expression for the sweep (every 5 minutes by default; it does nothing outside working hours). */
  cron: string;
}

/** The values: 2 and 5 working days for the ICS, 4 working hours and 2/4 working days for the helpdesk, 2/10 for the requester. */
export const DEFAULT_THRESHOLDS: ReminderThresholds = {
  workingDayHours: 8,
  icsRemindAfterHours: 16,
  icsRemindEveryHours: 8,
  icsEscalateAfterHours: 40,
  unassignedAfterHours: 4,
  assigneeRemindAfterHours: 16,
  assigneeEscalateAfterHours: 32,
  requesterNudgeAfterHours: 16,
  withdrawAfterHours: 80,
  dsptReminderDates: ['05-01', '06-01', '06-23'],
  cron: '*/5 * * * *',
};

const HOUR_SETTINGS: Record<string, keyof ReminderThresholds> = {
  REMINDER_ICS_AFTER_HOURS: 'icsRemindAfterHours',
  REMINDER_ICS_EVERY_HOURS: 'icsRemindEveryHours',
  REMINDER_ICS_ESCALATE_HOURS: 'icsEscalateAfterHours',
  REMINDER_UNASSIGNED_HOURS: 'unassignedAfterHours',
  REMINDER_ASSIGNEE_HOURS: 'assigneeRemindAfterHours',
  REMINDER_ASSIGNEE_ESCALATE_HOURS: 'assigneeEscalateAfterHours',
  REMINDER_REQUESTER_NUDGE_HOURS: 'requesterNudgeAfterHours',
  REMINDER_WITHDRAW_HOURS: 'withdrawAfterHours',
};

/** A bad reminder setting: the message names the variable, in one line. */
export class ReminderSettingError extends AppError {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super('bad-reminder-setting', `${variable} ${problem}`, { variable });
  }
}

/** The defaults, with any REMINDER_* variable set in `env` in their place. */
export function loadReminderThresholds(env: Record<string, string | undefined>): ReminderThresholds {
  const thresholds: ReminderThresholds = { ...DEFAULT_THRESHOLDS };
  for (const [variable, field] of Object.entries(HOUR_SETTINGS)) {
    const raw = (env[variable] ?? '').trim();
    if (raw === '') continue;
    if (!/^\d+(\.\d+)?$/.test(raw) || Number(raw) <= 0 || Number(raw) > 2000) {
      throw new ReminderSettingError(variable, `must be a number of working hours above 0 and at most 2000 (got "${raw.slice(0, 40)}")`);
    }
    (thresholds as unknown as Record<string, number>)[field] = Number(raw);
  }
  const dates = (env.REMINDER_DSPT_DATES ?? '').trim();
  if (dates !== '') {
    const list = dates.split(',').map((d) => d.trim());
    if (!list.every((d) => /^(0[1-6])-(0[1-9]|[12]\d|30)$/.test(d))) {
      throw new ReminderSettingError(
        'REMINDER_DSPT_DATES',
        `must be MM-DD dates on or before 06-30, comma-separated (got "${dates.slice(0, 40)}")`,
      );
    }
    thresholds.dsptReminderDates = [...list].sort();
  }
  const cron = (env.REMINDER_CRON ?? '').trim();
  if (cron !== '') thresholds.cron = cron;
  return thresholds;
}
