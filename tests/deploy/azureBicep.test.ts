import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from '@jest/globals';

import { appSettings as settingsIn, params as paramsIn, readBicep, resourceBlock, resourceTypes } from '../helpers/bicepText.js';

// No Azure CLI here, so the template cannot be compiled: these checks read it as text for what the deployment depends on.
// The PostgreSQL option has its own checks: azurePostgres.test.ts.
const { text: bicep, code } = readBicep('main.bicep');
const example = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../deploy/azure/main.parameters.example.json', import.meta.url)), 'utf8'),
) as { parameters: Record<string, unknown> };

const resource = (type: string) => resourceBlock(code, type);
/** Every app setting; where a setting has one value per store, the last (lowdb) branch wins. */
const appSettings = () => new Map(settingsIn(code).map(({ name, value }) => [name, value]));
const params = () => paramsIn(code);

describe('the Azure deployment (deploy/azure/main.bicep)', () => {
  it('has balanced braces and brackets and an API version on every resource', () => {
    expect(code.split('{').length).toBe(code.split('}').length);
    expect(code.split('[').length).toBe(code.split(']').length);
    const resources = resourceTypes(code);
    expect(resources.length).toBeGreaterThanOrEqual(7);
    for (const r of resources) expect(r).toMatch(/^Microsoft\.[A-Za-z]+\/[A-Za-z/]+@\d{4}-\d{2}-\d{2}(-preview)?$/);
  });

  it("registers a single-tenant Azure Bot pointing at the web app's /api/messages, with the Teams channel", () => {
    const bot = resource('Microsoft.BotService/botServices');
    expect(bot).toMatch(/kind: 'azurebot'/);
    expect(bot).toMatch(/location: 'global'/);
    expect(bot).toMatch(/msaAppType: 'SingleTenant'/);
    expect(bot).toMatch(/msaAppId: microsoftAppId/);
    expect(bot).toMatch(/msaAppTenantId: microsoftAppTenantId/);
    expect(bot).toMatch(/endpoint: 'https:\/\/\$\{webApp\.properties\.defaultHostName\}\/api\/messages'/);
    const channel = resource('Microsoft.BotService/botServices/channels');
    expect(channel).toMatch(/name: 'MsTeamsChannel'/);
    expect(channel).toMatch(/channelName: 'MsTeamsChannel'/);
    expect(channel).toMatch(/isEnabled: true/);
  });

  it('runs Linux on Node 22 LTS (or the container) started like npm start, https only, TLS 1.2, health-checked on /healthz', () => {
    const plan = resource('Microsoft.Web/serverfarms');
    expect(plan).toMatch(/reserved: true/);
    const site = resource('Microsoft.Web/sites');
    expect(site).toMatch(/linuxFxVersion: empty\(containerImage\) \? 'NODE\|22-lts' : 'DOCKER\|\$\{containerImage\}'/);
    const startScript = (
      JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { scripts: { start: string } }
    ).scripts.start;
    expect(site).toContain(`appCommandLine: empty(containerImage) ? '${startScript}' : ''`);
    expect(site).toMatch(/httpsOnly: true/);
    expect(site).toMatch(/minTlsVersion: '1\.2'/);
    expect(site).toMatch(/healthCheckPath: '\/healthz'/);
    expect(site).toMatch(/alwaysOn: true/);
    expect(site).toMatch(/type: 'SystemAssigned'/);
  });

  it('keeps lowdb, the default store, on exactly one instance with no autoscale or slots, and says why where someone would change it', () => {
    expect(params().get('store')?.line).toBe("param store string = 'lowdb'");
    expect(code).toMatch(/^var usePostgres = store == 'postgres'$/m);
    expect(code).toMatch(/^var instances = usePostgres \? instanceCount : 1$/m);
    expect(resource('Microsoft.Web/serverfarms')).toMatch(/capacity: instances\n/);
    expect(resource('Microsoft.Web/sites')).toMatch(/numberOfWorkers: instances\n/);
    expect(bicep).toMatch(/lowdb.*One instance only\..*one process/s);
    expect(code).not.toMatch(/Microsoft\.Insights\/autoscalesettings|Microsoft\.Web\/sites\/slots/);
  });

  it('keeps the data folder on persistent storage and passes the settings the bot reads', () => {
    const settings = appSettings();
    expect(settings.get('DATA_DIR')).toBe("'/home/data'");
    expect(settings.get('WEBSITES_ENABLE_APP_SERVICE_STORAGE')).toBe("'true'");
    expect(settings.get('PORT')).toBe('botPort');
    expect(settings.get('WEBSITES_PORT')).toBe('botPort');
    expect(settings.get('PUBLIC_BASE_URL')).toBe('effectiveBaseUrl');
    expect(settings.get('MicrosoftAppType')).toBe("'SingleTenant'");
    for (const name of ['MicrosoftAppId', 'MicrosoftAppTenantId', 'SMTP_HOST', 'SMTP_PORT', 'SMTP_USER', 'SMTP_FROM', 'LOG_LEVEL'])
      expect(settings.has(name)).toBe(true);
  });

  it('always runs authenticated: the app id is a required parameter and ALLOW_UNAUTHENTICATED is never set', () => {
    expect(params().get('microsoftAppId')?.line).toBe('param microsoftAppId string');
    expect(appSettings().get('MicrosoftAppId')).toBe('microsoftAppId');
    expect(code).not.toMatch(/ALLOW_UNAUTHENTICATED/);
  });

  it("takes both secrets from Key Vault references, read with the web app's own identity", () => {
    const settings = appSettings();
    expect(settings.get('MicrosoftAppPassword')).toBe(
      "'@Microsoft.KeyVault(SecretUri=${keyVault.properties.vaultUri}secrets/${appPasswordSecretName}/)'",
    );
    expect(settings.get('SMTP_PASSWORD')).toBe(
      "'@Microsoft.KeyVault(SecretUri=${keyVault.properties.vaultUri}secrets/${smtpPasswordSecretName}/)'",
    );
    expect(resource('Microsoft.KeyVault/vaults')).toMatch(/enableRbacAuthorization: true/);
    const role = resource('Microsoft.Authorization/roleAssignments');
    expect(role).toMatch(/scope: keyVault/);
    expect(role).toMatch(/principalId: webApp\.identity\.principalId/);
    expect(code).toMatch(/keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'/);
  });

  it('serves /metrics only when asked, with its token as a Key Vault reference', () => {
    expect(params().get('metricsEnabled')?.line).toMatch(/= false$/);
    expect(code).toMatch(/var metricsSettings = metricsEnabled \? \[/);
    expect(code).toContain(
      "{ name: 'METRICS_TOKEN', value: '@Microsoft.KeyVault(SecretUri=${keyVault.properties.vaultUri}secrets/${metricsTokenSecretName}/)' }",
    );
    expect(code).toMatch(/appSettings: concat\([^)]*metricsSettings/);
  });

  it('holds no secret in plain text: secret parameters are @secure() with empty defaults and go only into Key Vault', () => {
    const all = params();
    const secretParams = [...all.keys()].filter((name) => /password|secret|token/i.test(name));
    expect(secretParams.sort()).toEqual(['metricsToken', 'microsoftAppPassword', 'postgresAdminPassword', 'smtpPassword']);
    for (const name of secretParams) {
      expect(all.get(name)?.secure).toBe(true);
      expect(all.get(name)?.line).toMatch(/= ''$/);
      // Used only as a Key Vault secret's value or in its condition.
      const uses = [...code.matchAll(new RegExp(`\\b${name}\\b`, 'g'))].length;
      // The database password also goes to the server (the module's parameter) and, encoded, into the DATABASE_URL secret.
      const allowed = [
        ...code.matchAll(
          new RegExp(
            `(value: ${name}$|empty\\(${name}\\)|^param ${name} |administratorPassword: ${name}$|uriComponent\\(${name}\\))`,
            'gm',
          ),
        ),
      ].length;
      expect(uses).toBe(allowed);
    }
    expect(code).not.toMatch(/output \w+ string = \w*[Pp]assword/);
  });

  it('comes with a parameters example that names only real, non-secret parameters', () => {
    const all = params();
    for (const name of Object.keys(example.parameters)) {
      expect(all.has(name)).toBe(true);
      expect(all.get(name)?.secure).toBe(false);
    }
    for (const required of [...all.entries()].filter(([, p]) => !p.line.includes('=')))
      expect(Object.keys(example.parameters)).toContain(required[0]);
  });
});
