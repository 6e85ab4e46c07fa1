/**
 * The service's Prometheus metrics, in one place: every name, its labels and what it counts (docs/operations.md). Each
 * app has a registry of its own, so tests and two apps in one process never mix their numbers. Labels take values from
 * small fixed sets only: ticket ids, names, e-mail addresses and conversation ids never go into a metric.
 */
import os from 'node:os';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { CARD_VERBS } from '../../cards/verbs.js';
import type { SweepResult } from '../reminders/sweep.js';

/** How a turn ended: handled, failed (the person was told something went wrong), or refused because the store was down. */
export type TurnOutcome = 'ok' | 'failed' | 'store-unavailable';
/** How a card button ended: applied or shown, refused by the workflow, a payload that did not check, or an error. */
export type CardActionOutcome = 'done' | 'refused' | 'invalid' | 'failed';
export type NotificationChannel = 'teams' | 'email';
/**
 * What happened on one route of one notification: `retried` and `throttled-429` count attempts (a 429 is retried),
 * `email-fallback` counts Teams handing a message to e-mail, the rest count how each delivery ended on that route.
 */
export type NotificationOutcome = 'sent' | 'unconfirmed' | 'retried' | 'refused-403' | 'throttled-429' | 'failed' | 'email-fallback';

/** The activity types a turn is counted under; anything else is `other`, so a caller cannot invent label values. */
const TURN_TYPES: ReadonlySet<string> = new Set(['message', 'invoke', 'conversationUpdate', 'installationUpdate']);
const KNOWN_CARD_VERBS: ReadonlySet<string> = new Set(CARD_VERBS);

/** Sub-second work (a turn, a write) up to the 15 s a Teams invoke may take. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15];
/** A sweep over many open tickets can take longer. */
const SWEEP_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

export interface Metrics {
  /** This app's registry: what GET /metrics renders. */
  readonly registry: Registry;
  /** A turn through the activity handler (bot/teams/onboardingBot.ts), how it ended and how long it took. */
  turn(activityType: string | undefined, outcome: TurnOutcome, seconds: number): void;
  /** A card button press (bot/teams/cardInvoke.ts). */
  cardAction(verb: string | undefined, outcome: CardActionOutcome): void;
  /** One step of a notification's delivery (bot/notify/notifier.ts). */
  notification(channel: NotificationChannel, outcome: NotificationOutcome): void;
  /** One store transaction (bot/metrics/timedStore.ts). */
  storeWrite(outcome: 'ok' | 'failed', seconds: number): void;
  /** One reminder sweep; `result` undefined when it failed. `at` is when it finished. */
  sweep(result: SweepResult | undefined, seconds: number, at: Date): void;
}

/** Builds the metrics of one app on a registry of its own, with Node's process metrics (memory, event loop lag, …). */
export function createMetrics(instance: string = serviceInstance()): Metrics {
  const registry = new Registry();
  // Every series names the process it came from: behind a load balancer each scrape reaches one instance, and a counter
  // that mixed two processes' totals in one series would jump up and down.
  registry.setDefaultLabels({ service_instance: instance });
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const turns = new Counter({
    name: 'ucp_turns_total',
    help: 'Turns through the activity handler, by activity type and outcome.',
    labelNames: ['type', 'outcome'] as const,
    registers,
  });
  const turnSeconds = new Histogram({
    name: 'ucp_turn_duration_seconds',
    help: 'How long a turn took, from the request reaching the bot to its answer, by activity type and outcome.',
    labelNames: ['type', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const cardActions = new Counter({
    name: 'ucp_card_actions_total',
    help: 'Card button presses, by card verb and outcome.',
    labelNames: ['verb', 'outcome'] as const,
    registers,
  });
  const notifications = new Counter({
    name: 'ucp_notifications_total',
    help: 'Notification delivery steps, by channel and outcome.',
    labelNames: ['channel', 'outcome'] as const,
    registers,
  });
  const storeWrites = new Histogram({
    name: 'ucp_store_write_duration_seconds',
    help: 'How long a store transaction took until durable, by outcome.',
    labelNames: ['outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const sweepSeconds = new Histogram({
    name: 'ucp_reminder_sweep_duration_seconds',
    help: 'How long a reminder sweep took, by outcome (done, skipped outside working hours, failed).',
    labelNames: ['outcome'] as const,
    buckets: SWEEP_BUCKETS,
    registers,
  });
  const sweepItems = new Gauge({
    name: 'ucp_reminder_sweep_items_due',
    help: 'What the last completed reminder sweep found due: reminders, the digests carrying them, and withdrawals applied.',
    labelNames: ['kind'] as const,
    registers,
  });
  const sweepLastRun = new Gauge({
    name: 'ucp_reminder_sweep_last_run_timestamp_seconds',
    help: 'When this instance last completed a reminder sweep (Unix time); 0 on an instance that has not run one (another may hold the sweep).',
    registers,
  });

  return {
    registry,
    turn(activityType, outcome, seconds) {
      const type = activityType !== undefined && TURN_TYPES.has(activityType) ? activityType : 'other';
      turns.inc({ type, outcome });
      turnSeconds.observe({ type, outcome }, seconds);
    },
    cardAction(verb, outcome) {
      cardActions.inc({ verb: verb !== undefined && KNOWN_CARD_VERBS.has(verb) ? verb : 'unknown', outcome });
    },
    notification(channel, outcome) {
      notifications.inc({ channel, outcome });
    },
    storeWrite(outcome, seconds) {
      storeWrites.observe({ outcome }, seconds);
    },
    sweep(result, seconds, at) {
      if (!result) {
        sweepSeconds.observe({ outcome: 'failed' }, seconds);
        return;
      }
      sweepSeconds.observe({ outcome: result.skipped ? 'skipped' : 'done' }, seconds);
      // A sweep skipped outside working hours still ran: the schedule is alive, which is what the alert watches.
      sweepLastRun.set(at.getTime() / 1000);
      if (result.skipped) return;
      sweepItems.set({ kind: 'reminders' }, result.reminders);
      sweepItems.set({ kind: 'digests' }, result.digests);
      sweepItems.set({ kind: 'withdrawals' }, result.withdrawn);
    },
  };
}

/** Runs one sweep, timing it and recording what it found (or that it failed); the scheduler logs a failure. */
export async function timedSweep(
  metrics: Pick<Metrics, 'sweep'>,
  clock: () => Date,
  run: () => Promise<SweepResult>,
): Promise<SweepResult> {
  const startedAt = process.hrtime.bigint();
  try {
    const result = await run();
    metrics.sweep(result, secondsSince(startedAt), clock());
    return result;
  } catch (err) {
    metrics.sweep(undefined, secondsSince(startedAt), clock());
    throw err;
  }
}

/** Seconds since `startedAt` (a process.hrtime.bigint() reading): for the duration histograms. */
export function secondsSince(startedAt: bigint): number {
  return Number(process.hrtime.bigint() - startedAt) / 1e9;
}

/** Which instance this is: App Service's instance id when it runs there, else the host name and process id. */
export function serviceInstance(env: NodeJS.ProcessEnv = process.env): string {
  return env.WEBSITE_INSTANCE_ID?.slice(0, 12) || `${os.hostname()}:${process.pid}`;
}
