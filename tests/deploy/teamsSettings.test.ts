import { describe, it, expect } from '@jest/globals';
import { teamsSettingsFromEnv } from '../../deploy/teams/fillManifest.js';
import { ConfigError } from '../../bot/config.js';

const APP_ID = '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f';
const BASE = { MicrosoftAppId: APP_ID, PUBLIC_BASE_URL: 'https://ucp-onboarding.azurewebsites.net' };

function refusal(env: Record<string, string>): ConfigError {
  try {
    teamsSettingsFromEnv(env, '0.1.0');
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('the Teams package settings', () => {
  it('refuses, naming the variable, when MicrosoftAppId is missing', () => {
    const err = refusal({ PUBLIC_BASE_URL: BASE.PUBLIC_BASE_URL });
    expect(err.variable).toBe('MicrosoftAppId');
    expect(err.message).toMatch(/is empty/);
  });

  it('refuses an app id that is not a GUID', () => {
    expect(refusal({ ...BASE, MicrosoftAppId: 'my-bot' }).variable).toBe('MicrosoftAppId');
  });

  it('refuses when PUBLIC_BASE_URL is missing or not https, because Teams opens only https pages', () => {
    expect(refusal({ MicrosoftAppId: APP_ID }).variable).toBe('PUBLIC_BASE_URL');
    const http = refusal({ ...BASE, PUBLIC_BASE_URL: 'http://ucp-onboarding.azurewebsites.net/' });
    expect(http.variable).toBe('PUBLIC_BASE_URL');
    expect(http.message).toMatch(/https/);
  });

  it('refuses an app version Teams would not accept', () => {
    expect(refusal({ ...BASE, TEAMS_APP_VERSION: '1.2' }).variable).toBe('TEAMS_APP_VERSION');
  });

  it('ends the base address with a slash, takes the version from TEAMS_APP_VERSION, and points the developer links at the service by default', () => {
    const settings = teamsSettingsFromEnv(
      { ...BASE, TEAMS_APP_VERSION: '1.4.0', TEAMS_PRIVACY_URL: 'https://example.nhs.uk/privacy' },
      '0.1.0',
    );
    expect(settings.publicBaseUrl).toBe('https://ucp-onboarding.azurewebsites.net/');
    expect(settings.appVersion).toBe('1.4.0');
    expect(settings.websiteUrl).toBe('https://ucp-onboarding.azurewebsites.net/');
    expect(settings.privacyUrl).toBe('https://example.nhs.uk/privacy');
    expect(settings.termsUrl).toBe('https://ucp-onboarding.azurewebsites.net/');
  });

  it('uses the package version when TEAMS_APP_VERSION is not set', () => {
    expect(teamsSettingsFromEnv(BASE, '0.1.0').appVersion).toBe('0.1.0');
  });
});
