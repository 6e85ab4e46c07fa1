import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { params, readBicep, resourceBlock, resourceTypes } from '../helpers/bicepText.js';

// The deploy guide is followed by hand against the real template and manifest: these checks tie what it tells the
// operator to do to what main.bicep and the manifest actually make them need.
const guide = readFileSync(fileURLToPath(new URL('../../deploy/README.md', import.meta.url)), 'utf8');
const bicep = readBicep('main.bicep');
const vault = resourceBlock(bicep.code, 'Microsoft.KeyVault/vaults');
const manifest = JSON.parse(readFileSync(fileURLToPath(new URL('../../deploy/teams/manifest.template.json', import.meta.url)), 'utf8')) as {
  staticTabs?: { name: string; scopes: string[] }[];
  configurableTabs?: unknown[];
};

/** The guide's text from a heading to the next heading of the same level. */
function section(heading: string): string {
  const start = guide.indexOf(`\n## ${heading}`);
  expect(start).toBeGreaterThan(-1);
  const end = guide.indexOf('\n## ', start + 1);
  return guide.slice(start, end === -1 ? undefined : end);
}

describe('deploy guide (deploy/README.md) against the template and the manifest', () => {
  it('asks, before step 1, for a role that may create the role assignment the template makes', () => {
    expect(resourceTypes(bicep.code).some((type) => type.startsWith('Microsoft.Authorization/roleAssignments@'))).toBe(true);
    const prerequisites = guide.slice(0, guide.indexOf('\n## ')).replace(/\s+/g, ' ');
    for (const role of ['Owner', 'User Access Administrator', 'Role Based Access Control Administrator'])
      expect(prerequisites).toContain(role);
  });

  it('has the operator grant themselves Key Vault Secrets Officer, with how to find both ids, before any secret is set by hand', () => {
    expect(vault).toMatch(/enableRbacAuthorization: true/);
    const grant = guide.indexOf('az role assignment create --role "Key Vault Secrets Officer"');
    expect(grant).toBeGreaterThan(-1);
    expect(guide.slice(0, grant)).toContain('az ad signed-in-user show --query id -o tsv');
    expect(guide.slice(0, grant)).toMatch(/az keyvault show --name \S+ --query id -o tsv/);
    const sets = [...guide.matchAll(/^\s*az keyvault secret set/gm)].map((m) => m.index ?? 0);
    expect(sets.length).toBeGreaterThan(0);
    for (const at of sets) expect(at).toBeGreaterThan(grant);
  });

  it('says what to do when a deleted vault of the same name is still held by purge protection', () => {
    expect(vault).toMatch(/enablePurgeProtection: true/);
    expect(vault).toMatch(/softDeleteRetentionInDays: 90/);
    expect(params(bicep.code).has('keyVaultName')).toBe(true);
    const redeploy = section('2. Deploy the Azure resources');
    expect(redeploy).toMatch(/az keyvault recover --name \S+/);
    expect(redeploy).toMatch(/--parameters keyVaultName=/);
    expect(redeploy).toContain('90 days');
  });

  it('describes the helpdesk tab as the manifest makes it: a static tab pinned from Add a tab with no settings page', () => {
    expect(manifest.configurableTabs ?? []).toEqual([]);
    const tab = manifest.staticTabs?.[0];
    expect(tab?.scopes).toContain('team');
    const step = section('4. Install it and set up the helpdesk channel')
      .split(/\n(?=\d\. )/)
      .find((s) => s.includes('Add a tab'));
    expect(step).toBeDefined();
    expect(step).toContain(`**${tab?.name}**`);
    expect(step).toMatch(/static tab/);
    expect(step).toMatch(/no settings page/);
    expect(step).not.toMatch(/\*\*Save\*\*|configure the tab/i);
  });
});
