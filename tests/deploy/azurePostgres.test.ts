import { describe, it, expect } from '@jest/globals';
import { appSettings, moduleBlock, params, readBicep, resourceBlock, resourceTypes } from '../helpers/bicepText.js';

// The PostgreSQL option of the Azure deployment (store = 'postgres'), read as text: no Azure CLI here to compile it.
// What Azure itself would refuse (names, sizes, regions) is left to `az bicep build` and the first deployment.
const main = readBicep('main.bicep').code;
const postgres = readBicep('postgres.bicep').code;
const server = resourceBlock(postgres, 'Microsoft.DBforPostgreSQL/flexibleServers');

describe('the Azure deployment with store = postgres (deploy/azure/main.bicep, postgres.bicep)', () => {
  it('offers postgres as a store and creates the database module only when it is chosen', () => {
    expect(main).toMatch(/@allowed\(\[\n\s+'lowdb'\n\s+'postgres'\n\]\)\nparam store string = 'lowdb'/);
    expect(main).toMatch(/^module database 'postgres\.bicep' = if \(usePostgres\) \{/m);
    expect(resourceTypes(postgres)).toEqual([
      'Microsoft.Network/virtualNetworks@2024-05-01',
      'Microsoft.Network/privateDnsZones@2020-06-01',
      'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2020-06-01',
      'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01',
      'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01',
    ]);
    expect(postgres.split('{').length).toBe(postgres.split('}').length);
    // Every parameter of the module is given by main.bicep, and nothing else.
    const given = [...moduleBlock(main, 'postgres.bicep').matchAll(/^ {4}(\w+): /gm)].map((m) => m[1]);
    expect(given.sort()).toEqual([...params(postgres).keys()].sort());
  });

  it('runs two or more instances on postgres, and the plan and the site both take that number', () => {
    const count = params(main).get('instanceCount');
    expect(count?.line).toBe('param instanceCount int = 2');
    expect(main).toMatch(/@minValue\(2\)\n@maxValue\(\d+\)\nparam instanceCount int/);
    expect(main).toMatch(/^var instances = usePostgres \? instanceCount : 1$/m);
    expect(resourceBlock(main, 'Microsoft.Web/serverfarms')).toMatch(/capacity: instances\n/);
    expect(resourceBlock(main, 'Microsoft.Web/sites')).toMatch(/numberOfWorkers: instances\n/);
  });

  it('keeps backups on, with point-in-time restore over a retention of 7 to 35 days', () => {
    expect(main).toMatch(/@minValue\(7\)\n@maxValue\(35\)\nparam postgresBackupRetentionDays int = 14/);
    expect(server).toMatch(
      /backup: \{\n\s+backupRetentionDays: backupRetentionDays\n\s+geoRedundantBackup: geoRedundantBackup \? 'Enabled' : 'Disabled'/,
    );
    expect(server).toMatch(/autoGrow: 'Enabled'/);
  });

  it('gives the database private access only: a delegated subnet, a linked private DNS zone, public network access disabled', () => {
    expect(server).toMatch(/publicNetworkAccess: 'Disabled'/);
    expect(server).toMatch(/delegatedSubnetResourceId: vnet\.properties\.subnets\[1\]\.id/);
    expect(server).toMatch(/privateDnsZoneArmResourceId: dnsZone\.id/);
    expect(server).not.toMatch(/firewallRules|0\.0\.0\.0/);
    expect(postgres).not.toMatch(/Microsoft\.DBforPostgreSQL\/flexibleServers\/firewallRules/);
    const vnet = resourceBlock(postgres, 'Microsoft.Network/virtualNetworks');
    const delegations = [...vnet.matchAll(/serviceName: '([^']+)'/g)].map((m) => m[1]);
    expect(delegations).toEqual(['Microsoft.Web/serverFarms', 'Microsoft.DBforPostgreSQL/flexibleServers']);
    expect(resourceBlock(postgres, 'Microsoft.Network/privateDnsZones')).toMatch(
      /name: '\$\{serverName\}\.private\.postgres\.database\.azure\.com'/,
    );
    const link = resourceBlock(postgres, 'Microsoft.Network/privateDnsZones/virtualNetworkLinks');
    expect(link).toMatch(/id: vnet\.id/);
    expect(link).toMatch(/registrationEnabled: false/);
  });

  it('joins the web app to that network, so it reaches the private address', () => {
    const site = resourceBlock(main, 'Microsoft.Web/sites');
    expect(site).toMatch(/virtualNetworkSubnetId: usePostgres \? database\.outputs\.appSubnetId : null/);
    expect(postgres).toMatch(/output appSubnetId string = vnet\.properties\.subnets\[0\]\.id/);
  });

  it('hands the bot DATABASE_URL only as a Key Vault reference, the secret built with the password percent-encoded and TLS verified', () => {
    const settings = appSettings(main);
    expect(settings).toContainEqual({ name: 'STORE', value: 'store' });
    expect(settings.filter((s) => s.name === 'DATABASE_URL')).toEqual([
      {
        name: 'DATABASE_URL',
        value: "'@Microsoft.KeyVault(SecretUri=${keyVault.properties.vaultUri}secrets/${databaseUrlSecretName}/)'",
      },
    ]);
    const secret = main.slice(main.indexOf('resource databaseUrlSecret '));
    expect(secret).toMatch(
      /^resource databaseUrlSecret 'Microsoft\.KeyVault\/vaults\/secrets@[\d-]+' = if \(usePostgres && !empty\(postgresAdminPassword\)\)/,
    );
    expect(secret).toMatch(
      /value: 'postgres:\/\/\$\{postgresAdminLogin\}:\$\{uriComponent\(postgresAdminPassword\)\}@\$\{database\.outputs\.fqdn\}:5432\/\$\{databaseName\}\?sslmode=verify-full'/,
    );
    expect(params(main).get('postgresAdminPassword')?.secure).toBe(true);
    expect(params(postgres).get('administratorPassword')?.secure).toBe(true);
  });

  it('keeps DATA_DIR per instance on postgres (the admin socket), and on the persistent share with lowdb', () => {
    const dataDirs = appSettings(main).filter((s) => s.name === 'DATA_DIR');
    expect(dataDirs.map((s) => s.value)).toEqual(["'/tmp'", "'/home/data'"]);
    expect(main).toMatch(/var storeSettings = usePostgres \? \[\n\s+\{ name: 'DATA_DIR', value: '\/tmp' \}/);
  });

  it('offers zone-redundant high availability only on General Purpose sizes, which support it', () => {
    expect(server).toMatch(/tier: burstable \? 'Burstable' : 'GeneralPurpose'/);
    expect(server).toMatch(/mode: zoneRedundantHighAvailability && !burstable \? 'ZoneRedundant' : 'Disabled'/);
    expect(postgres).toMatch(/^var burstable = startsWith\(skuName, 'Standard_B'\)$/m);
  });
});
