import { readFileSync } from 'node:fs';
import { ConfigError } from '../../bot/config.js';

/** What differs between one installation of the app and another; everything else is in manifest.template.json. */
export interface TeamsPackageSettings {
  /** The bot's Microsoft app id (the Entra app registration): bot id, Teams app id and the tab's SSO app id. */
  appId: string;
  /** The service's public https address ending in '/', e.g. https://ucp-onboarding.azurewebsites.net/. */
  publicBaseUrl: string;
  /** The app package version (x.y.z); Teams takes an upload as an update only when it is higher. */
  appVersion: string;
  developerName: string;
  websiteUrl: string;
  privacyUrl: string;
  termsUrl: string;
}

/** A manifest as JSON: the template after its placeholders are filled. */
export type TeamsManifest = { [key: string]: JsonValue };
type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
type Env = Record<string, string | undefined>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const APP_VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const PLACEHOLDER = /\{\{([A-Z_]+)\}\}/g;

/**
 * Reads the package settings from the environment (after `.env`), used by `npm run package:teams`.
 * Only what the manifest needs: packaging must not require the app's secret. Throws ConfigError naming the variable.
 */
export function teamsSettingsFromEnv(env: Env, fallbackVersion: string): TeamsPackageSettings {
  const appId = text(env, 'MicrosoftAppId');
  if (appId === '')
    throw new ConfigError(
      'MicrosoftAppId',
      "is empty: the app package needs the bot's Microsoft app id (a GUID from the Entra app registration)",
    );
  if (!GUID.test(appId)) throw new ConfigError('MicrosoftAppId', 'must be a GUID like 00000000-0000-0000-0000-000000000000');
  const base = httpsUrl(env, 'PUBLIC_BASE_URL', '');
  // The tab lives at <base>tab, as the bot serves it; the base is a folder.
  const publicBaseUrl = base.endsWith('/') ? base : `${base}/`;
  const appVersion = text(env, 'TEAMS_APP_VERSION') || fallbackVersion;
  if (!APP_VERSION.test(appVersion))
    throw new ConfigError('TEAMS_APP_VERSION', `must be three whole numbers like 1.0.3 (got "${appVersion.slice(0, 40)}")`);
  const developerName = text(env, 'TEAMS_DEVELOPER_NAME') || 'London UCP helpdesk';
  if (developerName.length > 32) throw new ConfigError('TEAMS_DEVELOPER_NAME', 'must be at most 32 characters (a Teams limit)');
  const websiteUrl = httpsUrl(env, 'TEAMS_WEBSITE_URL', publicBaseUrl);
  return {
    appId: appId.toLowerCase(),
    publicBaseUrl,
    appVersion,
    developerName,
    websiteUrl,
    privacyUrl: httpsUrl(env, 'TEAMS_PRIVACY_URL', websiteUrl),
    termsUrl: httpsUrl(env, 'TEAMS_TERMS_URL', websiteUrl),
  };
}

/** Fills the template's {{PLACEHOLDERS}} inside its string values (never in the JSON text, so no value can break the JSON). */
export function fillManifest(template: TeamsManifest, settings: TeamsPackageSettings): TeamsManifest {
  const values: Record<string, string> = {
    APP_ID: settings.appId,
    APP_VERSION: settings.appVersion,
    PUBLIC_BASE_URL: settings.publicBaseUrl,
    PUBLIC_HOST: new URL(settings.publicBaseUrl).host,
    DEVELOPER_NAME: settings.developerName,
    WEBSITE_URL: settings.websiteUrl,
    PRIVACY_URL: settings.privacyUrl,
    TERMS_URL: settings.termsUrl,
  };
  const fill = (value: JsonValue): JsonValue => {
    if (typeof value === 'string') {
      return value.replace(PLACEHOLDER, (whole, name: string) => {
        const replacement = values[name];
        if (replacement === undefined) throw new Error(`the manifest template names an unknown placeholder ${whole}`);
        return replacement;
      });
    }
    if (Array.isArray(value)) return value.map(fill);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v)]));
    return value;
  };
  return fill(template) as TeamsManifest;
}

/** Reads a manifest template file; used by the package script and the tests. */
export function readManifestTemplate(file: string): TeamsManifest {
  return JSON.parse(readFileSync(file, 'utf8')) as TeamsManifest;
}

function httpsUrl(env: Env, name: string, fallback: string): string {
  const raw = text(env, name) || fallback;
  if (raw === '')
    throw new ConfigError(name, "is empty: set it to the service's public https address, e.g. https://ucp-onboarding.azurewebsites.net/");
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `must be an https URL (got "${raw.slice(0, 40)}")`);
  }
  // Teams loads tabs and links only over https; an http address would be refused at upload or fail inside Teams.
  if (url.protocol !== 'https:')
    throw new ConfigError(name, `must start with https:// because Teams only opens https pages (got "${raw.slice(0, 40)}")`);
  if (url.search !== '' || url.hash !== '') throw new ConfigError(name, 'must be a plain address without ? or #');
  return url.href;
}

function text(env: Env, name: string): string {
  return (env[name] ?? '').trim();
}
