import { describe, it, expect } from '@jest/globals';
import { ConfigError, loadConfig } from '../../../bot/config.js';

const APP = {
  MicrosoftAppId: '99999999-8888-4777-8666-555555555555',
  MicrosoftAppPassword: 'secret',
  MicrosoftAppTenantId: '11111111-2222-4333-8444-555555555555',
};

describe('the helpdesk tab token settings', () => {
  it("default to the tenant's v2 issuer and key set, and to the app id and its Application ID URI as audiences", () => {
    const { tab } = loadConfig({ ...APP, PUBLIC_BASE_URL: 'https://ucp-bot.azurewebsites.net' });
    expect(tab).toEqual({
      tokenIssuer: `https://login.microsoftonline.com/${APP.MicrosoftAppTenantId}/v2.0`,
      tokenAudiences: [APP.MicrosoftAppId, `api://ucp-bot.azurewebsites.net/${APP.MicrosoftAppId}`],
      jwksUrl: `https://login.microsoftonline.com/${APP.MicrosoftAppTenantId}/discovery/v2.0/keys`,
    });
  });

  it('take TAB_* overrides as given, keeping the key set address exactly (no slash added)', () => {
    const { tab } = loadConfig({
      ...APP,
      TAB_TOKEN_ISSUER: 'https://issuer.test/v2.0',
      TAB_TOKEN_AUDIENCE: 'a, api://b/c',
      TAB_JWKS_URL: 'http://127.0.0.1:8000/keys',
    });
    expect(tab).toEqual({
      tokenIssuer: 'https://issuer.test/v2.0',
      tokenAudiences: ['a', 'api://b/c'],
      jwksUrl: 'http://127.0.0.1:8000/keys',
    });
  });

  it('leave the issuer empty without a tenant (the API then refuses everyone) and refuse a key set address that is not a URL', () => {
    expect(loadConfig({}).tab.tokenIssuer).toBe('');
    expect(() => loadConfig({ TAB_JWKS_URL: 'keys.json' })).toThrow(ConfigError);
  });
});
