// The UCP onboarding assistant on Azure: a Linux App Service running the bot (Node 22 LTS, or the container image),
// its secrets in Key Vault, and the single-tenant Azure Bot resource with the Teams channel. Steps: ../README.md.
//
// Two ways to keep the records (store; the deploy guide says when to choose which):
// - lowdb (the default): files under DATA_DIR on App Service's persistent share. One instance only. The files have
//   exactly one writer, one process: a second instance would be refused the data folder (writer.lock) and could not
//   serve. So with lowdb: plan capacity 1, no autoscale, no deployment slots.
// - postgres: an Azure Database for PostgreSQL Flexible Server with private access (postgres.bicep), its connection
//   string a Key Vault secret; instanceCount instances (two or more) share it, so one crashing or being restarted
//   does not stop onboarding.

targetScope = 'resourceGroup'

@description('Azure region for the App Service and Key Vault. The Azure Bot itself is global.')
param location string = resourceGroup().location

@description('Name of the web app; its address becomes https://<appName>.azurewebsites.net/.')
@minLength(2)
@maxLength(60)
param appName string

@description('The bot\'s Microsoft app id: the Application (client) id of the single-tenant Entra app registration.')
param microsoftAppId string

@description('The Entra tenant id the app registration lives in (the NHSmail tenant for this service).')
param microsoftAppTenantId string = subscription().tenantId

@description('The app registration\'s client secret. Stored in Key Vault only; leave empty to set the secret in Key Vault yourself.')
@secure()
param microsoftAppPassword string = ''

@description('The public address people open (tab, spreadsheet template). Empty = the web app\'s own azurewebsites.net address.')
param publicBaseUrl string = ''

@description('Name of the Key Vault (3-24 letters, digits and hyphens, globally unique).')
@minLength(3)
@maxLength(24)
param keyVaultName string = 'kv-${uniqueString(resourceGroup().id, appName)}'

@description('App Service plan size. B1 or larger: the bot needs Always On for its reminder schedule and retry timers.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'P0v3'
  'P1v3'
])
param planSku string = 'B1'

@description('Azure Bot pricing tier. F0 is free (limited premium-channel messages); Teams is a standard channel.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Container image to run instead of the Node code (e.g. myregistry.azurecr.io/ucp-onboarding:1.0.0). Empty = Node code deployment.')
param containerImage string = ''

@description('E-mail fallback: the SMTP relay (send.nhs.net for NHSmail). Empty = no e-mail, notifications wait for Teams.')
param smtpHost string = ''

@description('SMTP port: 587 with STARTTLS.')
param smtpPort int = 587

@description('SMTP user name (the NHSmail shared mailbox address).')
param smtpUser string = ''

@description('Sender address of the e-mails.')
param smtpFrom string = ''

@description('The SMTP password. Stored in Key Vault only; leave empty to set the secret in Key Vault yourself.')
@secure()
param smtpPassword string = ''

@description('Serve /metrics to a scraper presenting the MetricsToken secret (docs/operations.md); off: /metrics answers 404.')
param metricsEnabled bool = false

@description('The bearer token for /metrics (32–512 characters, no spaces). Stored in Key Vault only; leave empty to set the secret in Key Vault yourself.')
@secure()
param metricsToken string = ''

@description('How much the service logs: debug, info, warn or error. Personal data is never logged.')
@allowed([
  'debug'
  'info'
  'warn'
  'error'
])
param logLevel string = 'info'

@description('Where the bot keeps its records: lowdb (files on App Service storage, one instance) or postgres (a managed database, two or more instances).')
@allowed([
  'lowdb'
  'postgres'
])
param store string = 'lowdb'

@description('How many instances run the bot when store is postgres (2 or more: one can fail or restart while the other serves). With lowdb it is always 1.')
@minValue(2)
@maxValue(10)
param instanceCount int = 2

@description('postgres only: name of the database server (globally unique; its address is <name>.postgres.database.azure.com).')
@minLength(3)
@maxLength(63)
param postgresServerName string = 'psql-${appName}'

@description('postgres only: the administrator login the bot connects as.')
param postgresAdminLogin string = 'ucpadmin'

@description('postgres only: the administrator password, required on the first deployment. Stored in Key Vault only (in DATABASE_URL); leave empty later to keep both as they are.')
@secure()
param postgresAdminPassword string = ''

@description('postgres only: compute size. Burstable (Standard_B…) suits a pilot; General Purpose (Standard_D…) allows zone-redundant high availability.')
@allowed([
  'Standard_B1ms'
  'Standard_B2s'
  'Standard_D2ds_v5'
  'Standard_D4ds_v5'
])
param postgresSku string = 'Standard_B2s'

@description('postgres only: storage in GB (it grows by itself when nearly full).')
@allowed([
  32
  64
  128
])
param postgresStorageGB int = 32

@description('postgres only: days of backups kept for point-in-time restore.')
@minValue(7)
@maxValue(35)
param postgresBackupRetentionDays int = 14

@description('postgres only: also keep backups in the paired region (UK West for UK South). Can only be chosen when the server is created.')
param postgresGeoRedundantBackup bool = false

@description('postgres only: a standby database server in another zone that takes over by itself (General Purpose sizes only).')
param postgresHighAvailability bool = false

@description('postgres only: address range of the virtual network between the web app and the database (a /24 that no peered network uses).')
param vnetAddressPrefix string = '10.40.0.0/24'

param tags object = {}

var botPort = '3978'
var effectiveBaseUrl = empty(publicBaseUrl) ? 'https://${appName}.azurewebsites.net/' : publicBaseUrl
var appPasswordSecretName = 'MicrosoftAppPassword'
var smtpPasswordSecretName = 'SmtpPassword'
var metricsTokenSecretName = 'MetricsToken'
var databaseUrlSecretName = 'DatabaseUrl'
var usePostgres = store == 'postgres'
// lowdb: one writer for the data folder, so never more than one instance (see the top of this file).
var instances = usePostgres ? instanceCount : 1
var databaseName = 'ucp_onboarding'
// Built-in role "Key Vault Secrets User": read secret values, nothing else.
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'plan-${appName}'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: planSku
    capacity: instances
  }
  properties: {
    reserved: true // Linux
  }
}

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

module database 'postgres.bicep' = if (usePostgres) {
  name: 'postgres-${appName}'
  params: {
    location: location
    serverName: postgresServerName
    databaseName: databaseName
    administratorLogin: postgresAdminLogin
    administratorPassword: postgresAdminPassword
    skuName: postgresSku
    storageSizeGB: postgresStorageGB
    backupRetentionDays: postgresBackupRetentionDays
    geoRedundantBackup: postgresGeoRedundantBackup
    zoneRedundantHighAvailability: postgresHighAvailability
    vnetAddressPrefix: vnetAddressPrefix
    tags: tags
  }
}

// DATABASE_URL, built here so the password is written once (percent-encoded, as a URL needs) and read only by the bot.
// sslmode=verify-full: node-postgres (pg 8) then checks the server's certificate and name against the system's CAs, which
// include Azure's (DigiCert Global Root G2, Microsoft RSA Root CA 2017). pg 8 treats sslmode=require the same way but warns
// on every start, and pg 9 will stop checking the certificate for require: verify-full keeps the check, silently.
resource databaseUrlSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (usePostgres && !empty(postgresAdminPassword)) {
  parent: keyVault
  name: databaseUrlSecretName
  properties: {
    value: 'postgres://${postgresAdminLogin}:${uriComponent(postgresAdminPassword)}@${database.outputs.fqdn}:5432/${databaseName}?sslmode=verify-full'
    contentType: 'PostgreSQL connection string of the UCP onboarding bot'
  }
}

resource appPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(microsoftAppPassword)) {
  parent: keyVault
  name: appPasswordSecretName
  properties: {
    value: microsoftAppPassword
    contentType: 'Entra app client secret of the UCP onboarding bot'
  }
}

resource smtpPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(smtpPassword)) {
  parent: keyVault
  name: smtpPasswordSecretName
  properties: {
    value: smtpPassword
    contentType: 'SMTP relay password'
  }
}

resource metricsTokenSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(metricsToken)) {
  parent: keyVault
  name: metricsTokenSecretName
  properties: {
    value: metricsToken
    contentType: 'Bearer token for scraping /metrics'
  }
}

// App settings reach the process as environment variables, read by bot/config.ts. Secrets are Key Vault references that
// App Service resolves with the web app's own (system-assigned) identity; their values never appear here or in the portal.
var baseSettings = [
  { name: 'PORT', value: botPort }
  { name: 'WEBSITES_PORT', value: botPort }
  { name: 'HOST', value: '0.0.0.0' }
  // /home is App Service's persistent, backed-up share; everything else in the container is lost on restart.
  { name: 'WEBSITES_ENABLE_APP_SERVICE_STORAGE', value: 'true' }
  { name: 'STORE', value: store }
  { name: 'LOG_LEVEL', value: logLevel }
  { name: 'PUBLIC_BASE_URL', value: effectiveBaseUrl }
  { name: 'MicrosoftAppType', value: 'SingleTenant' }
  { name: 'MicrosoftAppId', value: microsoftAppId }
  { name: 'MicrosoftAppTenantId', value: microsoftAppTenantId }
  { name: 'MicrosoftAppPassword', value: '@Microsoft.KeyVault(SecretUri=${keyVault.properties.vaultUri}secrets/${appPasswordSecretName}/)' }
]
// lowdb: the data folder on /home, App Service's persistent share. postgres: the records are in the database and the bot
// keeps nothing in DATA_DIR (the admin CLI is a client of the database); /tmp, which always exists on each instance.
var storeSettings = usePostgres ? [
  { name: 'DATA_DIR', value: '/tmp' }
  { name: 'DATABASE_URL', value: '@Microsoft.KeyVault(SecretUri=${keyVault.properties.vaultUri}secrets/${databaseUrlSecretName}/)' }
] : [
  { name: 'DATA_DIR', value: '/home/data' }
]
var smtpSettings = empty(smtpHost) ? [] : [
  { name: 'SMTP_HOST', value: smtpHost }
  { name: 'SMTP_PORT', value: string(smtpPort) }
  { name: 'SMTP_SECURE', value: 'false' }
  { name: 'SMTP_USER', value: smtpUser }
  { name: 'SMTP_FROM', value: smtpFrom }
  { name: 'SMTP_PASSWORD', value: '@Microsoft.KeyVault(SecretUri=${keyVault.properties.vaultUri}secrets/${smtpPasswordSecretName}/)' }
]
// /metrics is off in authenticated mode unless METRICS_TOKEN is set (docs/operations.md).
var metricsSettings = metricsEnabled ? [
  { name: 'METRICS_TOKEN', value: '@Microsoft.KeyVault(SecretUri=${keyVault.properties.vaultUri}secrets/${metricsTokenSecretName}/)' }
] : []
// Code deployment: Oryx installs the dependencies and runs `npm run build` (SCM_DO_BUILD_DURING_DEPLOYMENT), which compiles
// the service into dist/; the start command is npm start's, without its prestart build.
// Everything the bot needs at run time is a production dependency (esbuild included: it builds the helpdesk tab's script).
var codeSettings = empty(containerImage) ? [
  { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'true' }
] : []

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: appName
  location: location
  tags: tags
  kind: empty(containerImage) ? 'app,linux' : 'app,linux,container'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: 'SystemAssigned'
    // postgres: regional virtual network integration, the web app's way to the database's private address.
    virtualNetworkSubnetId: usePostgres ? database.outputs.appSubnetId : null
    siteConfig: {
      linuxFxVersion: empty(containerImage) ? 'NODE|22-lts' : 'DOCKER|${containerImage}'
      appCommandLine: empty(containerImage) ? 'node --disable-warning=DEP0111 dist/bot/index.js' : ''
      alwaysOn: true
      numberOfWorkers: instances
      healthCheckPath: '/healthz'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      // Only private addresses (the database) go through the virtual network; Teams, Entra ID, the ODS API and NHSmail
      // keep App Service's own outbound path, so the network needs no NAT gateway. Name resolution uses the network's
      // DNS once integrated, which answers from the linked private zone.
      vnetRouteAllEnabled: false
      appSettings: concat(baseSettings, storeSettings, smtpSettings, metricsSettings, codeSettings)
    }
  }
}

resource webAppReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, webApp.id, keyVaultSecretsUserRoleId)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: webApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: 'bot-${appName}'
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: 'UCP onboarding'
    description: 'Onboards London care homes to the Universal Care Plan (UCP).'
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: microsoftAppId
    msaAppTenantId: microsoftAppTenantId
    msaAppType: 'SingleTenant'
    publicNetworkAccess: 'Enabled'
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

output webAppName string = webApp.name
output webAppUrl string = 'https://${webApp.properties.defaultHostName}/'
output messagingEndpoint string = bot.properties.endpoint
output keyVaultName string = keyVault.name
output publicBaseUrl string = effectiveBaseUrl
output store string = store
output instances int = instances
output postgresServer string = usePostgres ? database.outputs.fqdn : ''
