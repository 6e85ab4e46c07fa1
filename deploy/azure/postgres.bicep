// The database for STORE=postgres (used by main.bicep when store is 'postgres'): an Azure Database for PostgreSQL
// Flexible Server with private access only, and the virtual network the web app reaches it through.
//
// Private access: the server lives in a subnet delegated to it and has no public endpoint at all; its name resolves
// only inside the virtual network, through the private DNS zone linked to it. The web app joins the same network by
// regional virtual network integration, in a second subnet delegated to App Service plans.

@description('Azure region, the same as the web app\'s (regional virtual network integration needs one region).')
param location string

@description('Name of the server; its address becomes <name>.postgres.database.azure.com (globally unique).')
param serverName string

@description('The database the bot keeps its records in.')
param databaseName string

@description('The administrator login (not postgres, azure_superuser, admin, root, guest or public).')
param administratorLogin string

@description('The administrator password; required when the server is first created. Empty later = keep the password it has.')
@secure()
param administratorPassword string

@description('Compute size. Standard_B… sizes are Burstable (no high availability); Standard_D… are General Purpose.')
param skuName string

@description('Storage in GB; it grows by itself when nearly full.')
param storageSizeGB int

@description('How many days of backups are kept for point-in-time restore (7 to 35).')
param backupRetentionDays int

@description('Also keep the backups in the paired region (UK West for UK South). Can only be chosen when the server is created.')
param geoRedundantBackup bool

@description('A standby server in another availability zone that takes over by itself (General Purpose sizes only).')
param zoneRedundantHighAvailability bool

@description('Address range of the virtual network: a /24 is split into the web app\'s subnet and the database\'s.')
param vnetAddressPrefix string

param tags object

var burstable = startsWith(skuName, 'Standard_B')

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-${serverName}'
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [vnetAddressPrefix]
    }
    // Both subnets are declared here, not as separate resources, so a second deployment does not try to remove them.
    subnets: [
      {
        // The web app's outbound side: a /26 leaves room for every instance the plan can scale to.
        name: 'snet-app'
        properties: {
          addressPrefix: cidrSubnet(vnetAddressPrefix, 26, 0)
          delegations: [
            {
              name: 'Microsoft.Web.serverFarms'
              properties: {
                serviceName: 'Microsoft.Web/serverFarms'
              }
            }
          ]
        }
      }
      {
        name: 'snet-postgres'
        properties: {
          addressPrefix: cidrSubnet(vnetAddressPrefix, 27, 2)
          delegations: [
            {
              name: 'Microsoft.DBforPostgreSQL.flexibleServers'
              properties: {
                serviceName: 'Microsoft.DBforPostgreSQL/flexibleServers'
              }
            }
          ]
        }
      }
    ]
  }
}

// Private access needs a zone whose name ends in postgres.database.azure.com, linked to the network that resolves it.
resource dnsZone 'Microsoft.Network/privateDnsZones@2020-06-01' = {
  name: '${serverName}.private.postgres.database.azure.com'
  location: 'global'
  tags: tags
}

resource dnsZoneLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2020-06-01' = {
  parent: dnsZone
  name: vnet.name
  location: 'global'
  tags: tags
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: vnet.id
    }
  }
}

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: serverName
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: burstable ? 'Burstable' : 'GeneralPurpose'
  }
  properties: {
    version: '16'
    administratorLogin: administratorLogin
    // Null leaves the password as it is on a later deployment run without it.
    administratorLoginPassword: empty(administratorPassword) ? null : administratorPassword
    authConfig: {
      passwordAuth: 'Enabled'
      activeDirectoryAuth: 'Disabled'
    }
    storage: {
      storageSizeGB: storageSizeGB
      autoGrow: 'Enabled'
    }
    // Backups are always on (daily snapshots and the write-ahead log): any moment within the retention can be restored.
    backup: {
      backupRetentionDays: backupRetentionDays
      geoRedundantBackup: geoRedundantBackup ? 'Enabled' : 'Disabled'
    }
    highAvailability: {
      mode: zoneRedundantHighAvailability && !burstable ? 'ZoneRedundant' : 'Disabled'
    }
    network: {
      delegatedSubnetResourceId: vnet.properties.subnets[1].id
      privateDnsZoneArmResourceId: dnsZone.id
      publicNetworkAccess: 'Disabled'
    }
  }
  dependsOn: [
    dnsZoneLink // the server registers its address in the zone as it starts
  ]
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: server
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

@description('The server\'s address; inside the virtual network it resolves to the private address.')
output fqdn string = server.properties.fullyQualifiedDomainName
output appSubnetId string = vnet.properties.subnets[0].id
output serverName string = server.name
output databaseName string = database.name
