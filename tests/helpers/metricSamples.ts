import type { Registry } from 'prom-client';

/**
 * The value of one sample in a registry's Prometheus text, by its exact series as Prometheus writes it
 * (`ucp_turns_total{type="message",outcome="ok"}`); undefined when the series is absent.
 */
export async function sample(registry: Registry, series: string): Promise<number | undefined> {
  return sampleIn(await registry.metrics(), series);
}

/**
 * The same, in text already scraped (GET /metrics). Every series also carries the process's `service_instance` label
 * (bot/metrics/metrics.ts); `series` is written without it.
 */
export function sampleIn(text: string, series: string): number | undefined {
  const line = text
    .split('\n')
    .map(withoutInstance)
    .find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/** A sample line without its service_instance label (and without braces left empty by that). */
function withoutInstance(line: string): string {
  return line
    .replace(/([{,])service_instance="[^"]*",?/, '$1')
    .replace(/,}/, '}')
    .replace(/{}/, '');
}
