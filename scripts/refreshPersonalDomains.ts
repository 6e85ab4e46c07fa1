/**
 * Rebuilds data/reference/personalEmailDomains.json from an extracted `free-email-domains` package.
 *
 *   cd /tmp && npm pack free-email-domains --ignore-scripts && tar xzf free-email-domains-*.tgz
 *   node --import tsx scripts/refreshPersonalDomains.ts /tmp/package 2026-09-23   # publish date: npm view free-email-domains time
 *
 * The package's postinstall downloads lists from the internet, so it is never installed: we read its shipped domains.json.
 * The curated lists (excludedSuffixes, excluded, notPersonal, personalSuffixes, alwaysInclude) stay as they are in the
 * JSON file; only domains and source change. personalSuffixes are matched at run time (data/rules/emailDomains.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PACKAGE = 'free-email-domains';
const target = new URL('../data/reference/personalEmailDomains.json', import.meta.url);
const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;

interface Curated {
  excludedSuffixes: { suffix: string }[];
  excluded: { domains: string[] }[];
  notPersonal: { domain: string }[];
  alwaysInclude: string[];
  domains: string[];
  source: Record<string, string>;
}

const [dir, published = ''] = process.argv.slice(2);
if (!dir) {
  console.error('Usage: node --import tsx scripts/refreshPersonalDomains.ts <extracted package dir> [publish date yyyy-mm-dd]');
  process.exit(2);
}

const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
if (pkg.name !== PACKAGE) throw new Error(`${dir} holds ${pkg.name ?? 'no package'}, not ${PACKAGE}.`);
const upstream: unknown = JSON.parse(readFileSync(join(dir, 'domains.json'), 'utf8'));
if (!Array.isArray(upstream) || upstream.some((d) => typeof d !== 'string')) throw new Error('domains.json is not a list of domains.');

const current = JSON.parse(readFileSync(target, 'utf8')) as Curated;
// notPersonal: reviewed exceptions (btconnect.com, BT's business mail), each with its reason in the file.
const excluded = new Set([...current.excluded.flatMap((group) => group.domains), ...current.notPersonal.map((entry) => entry.domain)]);
const bySuffix = (domain: string) => current.excludedSuffixes.some(({ suffix }) => domain === suffix || domain.endsWith(`.${suffix}`));

const kept = (upstream as string[]).map((d) => d.trim().toLowerCase()).filter((d) => DOMAIN.test(d) && !excluded.has(d) && !bySuffix(d));
const domains = [...new Set([...kept, ...current.alwaysInclude])].sort();

const previous = new Set(current.domains);
const newUk = domains.filter((d) => d.endsWith('.uk') && !previous.has(d));
const builtOn = new Date().toISOString().slice(0, 10);
const next = { ...current, source: { package: PACKAGE, version: pkg.version ?? '', published, built: builtOn }, domains };
writeFileSync(target, `${JSON.stringify(next, null, 2)}\n`);

console.log(
  `${PACKAGE}@${pkg.version}: ${upstream.length} upstream, ${domains.length} written (${upstream.length - kept.length} left out).`,
);
// A UK organisation wrongly listed upstream would have its staff refused: a person checks every new .uk entry.
if (newUk.length > 0) console.log(`New .uk domains to review (add organisations to "excluded"):\n  ${newUk.join('\n  ')}`);
