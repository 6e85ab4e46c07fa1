import { describe, expect, it } from '@jest/globals';
import { createMetrics, serviceInstance, timedSweep } from '../../../bot/metrics/metrics.js';
import { sample } from '../../helpers/metricSamples.js';

const AT = new Date('2026-03-02T10:00:00.000Z');

describe('the metrics of one app', () => {
  it('names the instance on every series, so two instances behind one address never mix their counts', async () => {
    const metrics = createMetrics('instance-a');
    metrics.turn('message', 'ok', 0.02);
    const lines = (await metrics.registry.metrics()).split('\n').filter((line) => line !== '' && !line.startsWith('#'));
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(line).toContain('service_instance="instance-a"');
    expect(serviceInstance({ WEBSITE_INSTANCE_ID: 'f1e2d3c4b5a6978877665544' })).toBe('f1e2d3c4b5a6');
  });

  it('counts turns by activity type and outcome, with their durations', async () => {
    const metrics = createMetrics();
    metrics.turn('message', 'ok', 0.02);
    metrics.turn('message', 'ok', 0.3);
    metrics.turn('invoke', 'failed', 1.2);
    const { registry } = metrics;
    expect(await sample(registry, 'ucp_turns_total{type="message",outcome="ok"}')).toBe(2);
    expect(await sample(registry, 'ucp_turns_total{type="invoke",outcome="failed"}')).toBe(1);
    expect(await sample(registry, 'ucp_turn_duration_seconds_count{type="message",outcome="ok"}')).toBe(2);
    expect(await sample(registry, 'ucp_turn_duration_seconds_bucket{le="0.025",type="message",outcome="ok"}')).toBe(1);
    expect(await sample(registry, 'ucp_turn_duration_seconds_sum{type="message",outcome="ok"}')).toBeCloseTo(0.32);
  });

  it('counts an activity type or card verb it does not know under one label, so callers cannot invent label values', async () => {
    const metrics = createMetrics();
    metrics.turn('conv-1 from a.manager@nhs.net', 'ok', 0.01);
    metrics.turn(undefined, 'ok', 0.01);
    metrics.cardAction('T-000123', 'invalid');
    metrics.cardAction('approveOrganisation', 'done');
    const text = await metrics.registry.metrics();
    expect(text).not.toContain('nhs.net');
    expect(text).not.toContain('T-000123');
    expect(await sample(metrics.registry, 'ucp_turns_total{type="other",outcome="ok"}')).toBe(2);
    expect(await sample(metrics.registry, 'ucp_card_actions_total{verb="unknown",outcome="invalid"}')).toBe(1);
    expect(await sample(metrics.registry, 'ucp_card_actions_total{verb="approveOrganisation",outcome="done"}')).toBe(1);
  });

  it('keeps two apps in one process apart: each has its own registry', async () => {
    const one = createMetrics();
    const two = createMetrics();
    one.notification('teams', 'sent');
    expect(await sample(one.registry, 'ucp_notifications_total{channel="teams",outcome="sent"}')).toBe(1);
    expect(await sample(two.registry, 'ucp_notifications_total{channel="teams",outcome="sent"}')).toBeUndefined();
  });

  it("includes Node's process metrics", async () => {
    const text = await createMetrics().registry.metrics();
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });

  it('records a sweep: when it last ran, how long it took and what it found due', async () => {
    const metrics = createMetrics();
    await timedSweep(
      metrics,
      () => AT,
      async () => ({ digests: 2, reminders: 5, withdrawn: 1 }),
    );
    const { registry } = metrics;
    expect(await sample(registry, 'ucp_reminder_sweep_last_run_timestamp_seconds')).toBe(AT.getTime() / 1000);
    expect(await sample(registry, 'ucp_reminder_sweep_duration_seconds_count{outcome="done"}')).toBe(1);
    expect(await sample(registry, 'ucp_reminder_sweep_items_due{kind="reminders"}')).toBe(5);
    expect(await sample(registry, 'ucp_reminder_sweep_items_due{kind="digests"}')).toBe(2);
    expect(await sample(registry, 'ucp_reminder_sweep_items_due{kind="withdrawals"}')).toBe(1);
  });

  it('counts a sweep skipped outside working hours as run, keeping what the last real sweep found', async () => {
    const metrics = createMetrics();
    await timedSweep(
      metrics,
      () => AT,
      async () => ({ digests: 1, reminders: 3, withdrawn: 0 }),
    );
    const later = new Date(AT.getTime() + 8 * 3600_000);
    await timedSweep(
      metrics,
      () => later,
      async () => ({ skipped: 'outsideWorkingHours', digests: 0, reminders: 0, withdrawn: 0 }),
    );
    expect(await sample(metrics.registry, 'ucp_reminder_sweep_last_run_timestamp_seconds')).toBe(later.getTime() / 1000);
    expect(await sample(metrics.registry, 'ucp_reminder_sweep_duration_seconds_count{outcome="skipped"}')).toBe(1);
    expect(await sample(metrics.registry, 'ucp_reminder_sweep_items_due{kind="reminders"}')).toBe(3);
  });

  it('does not move the last-run time for a sweep that failed, so the alert on a stalled sweep fires', async () => {
    const metrics = createMetrics();
    await expect(
      timedSweep(
        metrics,
        () => AT,
        () => Promise.reject(new Error('store down')),
      ),
    ).rejects.toThrow('store down');
    expect(await sample(metrics.registry, 'ucp_reminder_sweep_last_run_timestamp_seconds')).toBe(0);
    expect(await sample(metrics.registry, 'ucp_reminder_sweep_duration_seconds_count{outcome="failed"}')).toBe(1);
  });
});
