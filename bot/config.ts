import { existsSync } from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';
import type { HelpdeskFacts } from '../data/rules/helpdesk.js';
import { loadReminderThresholds, ReminderSettingError, type ReminderThresholds } from './reminders/thresholds.js';
import { ConfigError, clip, exactUrl, hostList, httpsUrl, integer, oneOf, text, url, type Env } from './settingReaders.js';

/** Every setting the service reads, typed and validated once at start. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Where records are kept (STORE): `lowdb` files in DATA_DIR, `postgres` (DATABASE_URL), or `memory`, which keeps nothing. */
  store: StoreKind;
  /** postgres://… when STORE=postgres (a secret: never logged). */
  databaseUrl?: string;
  logLevel: LogLevel;
  shutdownTimeoutMs: number;
  /** Without an app id, listening on an address other machines can reach is refused unless this is true (ALLOW_UNAUTHENTICATED). */
  allowUnauthenticated: boolean;
  /** How long a connection may take to send its request, or stay idle, and how many may be open at once (HTTP_* variables). */
  http: HttpLimits;
  bot: {
    appId: string;
    appPassword: string;
    appTenantId: string;
    appType: AppType;
    /** Where the Bot Framework publishes the keys that sign channel tokens (OpenID metadata; tests point it at a local server). */
    openIdMetadataUrl: string;
  };
  /** NHSmail SMTP relay for the e-mail fallback; host empty = no e-mail (notifications wait for Teams). */
  smtp: {
    host: string;
    port: number;
    /** true: TLS from the first byte (port 465); false: plain then STARTTLS, required (NHSmail: 587). */
    secure: boolean;
    user: string;
    password: string;
    from: string;
    /** A CA certificate file to trust for the relay (a private relay, or tests); empty or absent = the system's CAs only. */
    caFile?: string;
  };
  /** How often undelivered notifications, card updates and unposted cards are tried again; also one step of the queue backoff. */
  notifyRetryMs: number;
  /**
   * How long an instance's claim on a notification it is delivering lasts (NOTIFY_LEASE_SECONDS); unset: derived from the
   * retry bounds (bot/notify/lease.ts, a little over 9 minutes). A crashed instance's messages wait this long.
   */
  notifyLeaseMs?: number;
  /** The NHS ODS directory (ORD API) base URL. */
  odsBaseUrl: string;
  /** This service's public address, for links people open (the multiple-user spreadsheet template). */
  publicBaseUrl: string;
  /** Host suffixes a Teams file download may come from (SharePoint/OneDrive); loopback is also allowed in local mode only. */
  attachmentHosts: string[];
  /** When reminders and escalations fall due, in working hours (REMINDER_* variables; defaults from source 000). */
  reminders: ReminderThresholds;
  /** Where proactive messages to channels go when no conversation reference has been stored yet (Teams' regional service URL). */
  teamsServiceUrl: string;
  /** What people are told about the UCP helpdesk beyond source 001's hours: a target time and a contact, only when configured. */
  helpdesk: HelpdeskFacts;
  /**
   * The bearer token GET /metrics asks for in authenticated mode (METRICS_TOKEN, a secret: never logged); empty: /metrics
   * is off in authenticated mode (local mode serves it to this machine without one).
   */
  metricsToken: string;
  /** The helpdesk tab's API: Teams SSO tokens must come from this issuer, for one of these audiences, signed by keys at jwksUrl. */
  tab: TabTokenSettings;
}

/** Slow or idle connections are closed by these limits, so they cannot pile up and starve real requests. */
export interface HttpLimits {
  /** A request's headers must have arrived within this time of its first byte (or of the connection, for an idle one). */
  headersTimeoutMs: number;
  /** The whole request, body included, must have arrived within this time. */
  requestTimeoutMs: number;
  /** A kept-alive connection with no new request is closed after this long. */
  keepAliveTimeoutMs: number;
  /** Connections past this many are dropped on arrival. */
  maxConnections: number;
}

/** Where the helpdesk tab's Entra ID tokens are checked (TAB_* variables; defaults from the app id and tenant). */
export interface TabTokenSettings {
  tokenIssuer: string;
  tokenAudiences: string[];
  jwksUrl: string;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type AppType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
export type StoreKind = 'lowdb' | 'memory' | 'postgres';

export { ConfigError };

const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];
const APP_TYPES: readonly AppType[] = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'];
const STORE_KINDS: readonly StoreKind[] = ['lowdb', 'memory', 'postgres'];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads `.env` (if present in the working directory) under the real environment: a variable already set wins.
 * Call it before `loadConfig`.
 */
export function loadDotEnv(cwd = process.cwd()): void {
  const file = path.join(cwd, '.env');
  if (existsSync(file)) dotenv.config({ path: file, override: false });
}

/** Builds the validated configuration from environment variables; throws ConfigError on the first bad value. */
export function loadConfig(env: Env = process.env): Config {
  const appId = text(env, 'MicrosoftAppId');
  const appPassword = text(env, 'MicrosoftAppPassword');
  const appTenantId = text(env, 'MicrosoftAppTenantId');
  const appType = oneOf(env, 'MicrosoftAppType', APP_TYPES, appId ? 'SingleTenant' : 'MultiTenant');

  if (appId && !GUID.test(appId))
    throw new ConfigError(
      'MicrosoftAppId',
      `must be the bot's Microsoft app id, a GUID like 00000000-0000-0000-0000-000000000000 (got "${clip(appId)}")`,
    );
  if (appTenantId && !GUID.test(appTenantId))
    throw new ConfigError('MicrosoftAppTenantId', `must be a tenant id GUID (got "${clip(appTenantId)}")`);
  if (!appId && (appPassword || appTenantId))
    throw new ConfigError(
      'MicrosoftAppId',
      'is empty but MicrosoftAppPassword or MicrosoftAppTenantId is set: set the app id too, or clear both for local mode',
    );
  if (appId && appType !== 'UserAssignedMSI' && !appPassword)
    throw new ConfigError('MicrosoftAppPassword', `is required when MicrosoftAppId is set and MicrosoftAppType is ${appType}`);
  if (appId && appType !== 'MultiTenant' && !appTenantId)
    throw new ConfigError('MicrosoftAppTenantId', `is required when MicrosoftAppType is ${appType}`);

  const publicBaseUrl = url(env, 'PUBLIC_BASE_URL', `http://localhost:${integer(env, 'PORT', 3978, 0, 65535)}/`);
  return {
    port: integer(env, 'PORT', 3978, 0, 65535),
    // Unauthenticated local mode answers only this machine unless HOST says otherwise: anyone who can reach it could post as anyone.
    host: text(env, 'HOST') || (appId ? '0.0.0.0' : '127.0.0.1'),
    dataDir: path.resolve(text(env, 'DATA_DIR') || './var'),
    ...storeSettings(env),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', 7000, 100, 8000),
    allowUnauthenticated: oneOf(env, 'ALLOW_UNAUTHENTICATED', ['true', 'false'] as const, 'false') === 'true',
    http: httpLimits(env),
    bot: {
      appId,
      appPassword,
      appTenantId,
      appType,
      openIdMetadataUrl: httpsUrl(env, 'BOT_OPENID_METADATA_URL', 'https://login.botframework.com/v1/.well-known/openidconfiguration'),
    },
    smtp: smtpSettings(env),
    teamsServiceUrl: url(env, 'TEAMS_SERVICE_URL', 'https://smba.trafficmanager.net/uk/'),
    notifyRetryMs: integer(env, 'NOTIFY_RETRY_SECONDS', 60, 1, 3600) * 1000,
    ...notifyLease(env),
    odsBaseUrl: url(env, 'ODS_BASE_URL', 'https://directory.spineservices.nhs.uk/'),
    publicBaseUrl,
    attachmentHosts: hostList(env, 'ATTACHMENT_HOSTS', ['sharepoint.com']),
    reminders: reminderThresholds(env),
    helpdesk: helpdeskFacts(env),
    tab: tabTokenSettings(env, appId, appTenantId, publicBaseUrl),
    metricsToken: metricsToken(env),
  };
}

/** True when no app id is configured: the service accepts unauthenticated requests (Agents Playground, Emulator, tests). */
export function isLocalMode(config: Config): boolean {
  return config.bot.appId === '';
}

/** True when HOST is an address only this machine can reach (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(h);
}

// Production values: the 10 s / 30 s / 5 s. Tests lower them (down to 1 s) to watch slow connections being closed.
// 500 connections is far above what the Teams connector and the tab ever open at once, and stays under the common
// 1024 open-file limit with room for the store's files and outgoing connections.
function httpLimits(env: Env): HttpLimits {
  const limits: HttpLimits = {
    headersTimeoutMs: integer(env, 'HTTP_HEADERS_TIMEOUT_MS', 10_000, 1000, 60_000),
    requestTimeoutMs: integer(env, 'HTTP_REQUEST_TIMEOUT_MS', 30_000, 1000, 300_000),
    keepAliveTimeoutMs: integer(env, 'HTTP_KEEP_ALIVE_TIMEOUT_MS', 5000, 1000, 60_000),
    maxConnections: integer(env, 'HTTP_MAX_CONNECTIONS', 500, 10, 10_000),
  };
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw new ConfigError(
      'HTTP_HEADERS_TIMEOUT_MS',
      `must not be longer than HTTP_REQUEST_TIMEOUT_MS (${limits.requestTimeoutMs}): the headers are part of the request (got "${limits.headersTimeoutMs}")`,
    );
  }
  return limits;
}

// Shorter than a delivery's bounds, another instance may take a slow delivery over and send it twice: the default is
// derived from those bounds, and a shorter value is for tests.
function notifyLease(env: Env): Pick<Config, 'notifyLeaseMs'> {
  const seconds = integer(env, 'NOTIFY_LEASE_SECONDS', 0, 1, 3600);
  return seconds === 0 ? {} : { notifyLeaseMs: seconds * 1000 };
}

function smtpSettings(env: Env): Config['smtp'] {
  const host = text(env, 'SMTP_HOST');
  const from = text(env, 'SMTP_FROM');
  if (host && !/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(from))
    throw new ConfigError('SMTP_FROM', `must be the sender's e-mail address when SMTP_HOST is set (got "${clip(from)}")`);
  const secure = oneOf(env, 'SMTP_SECURE', ['true', 'false'] as const, 'false') === 'true';
  const caFile = text(env, 'SMTP_CA_FILE');
  if (caFile && !existsSync(caFile)) throw new ConfigError('SMTP_CA_FILE', `names a file that does not exist (got "${clip(caFile)}")`);
  return {
    host,
    port: integer(env, 'SMTP_PORT', secure ? 465 : 587, 1, 65535),
    secure,
    user: text(env, 'SMTP_USER'),
    password: text(env, 'SMTP_PASSWORD'),
    from,
    caFile,
  };
}

// Teams SSO tokens name the app id (v2 tokens) or its Application ID URI api://<host>/<app id> (v1): both are accepted by default.
function tabTokenSettings(env: Env, appId: string, tenantId: string, publicBaseUrl: string): TabTokenSettings {
  const tenant = tenantId || 'organizations';
  const audiences = text(env, 'TAB_TOKEN_AUDIENCE')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  return {
    tokenIssuer: text(env, 'TAB_TOKEN_ISSUER') || (tenantId ? `https://login.microsoftonline.com/${tenantId}/v2.0` : ''),
    tokenAudiences: audiences.length > 0 ? audiences : appId ? [appId, `api://${new URL(publicBaseUrl).host}/${appId}`] : [],
    // Not through url(): a trailing slash would change the key set's address.
    jwksUrl: exactUrl(env, 'TAB_JWKS_URL', `https://login.microsoftonline.com/${tenant}/discovery/v2.0/keys`),
  };
}

/** Long enough not to be guessed, and one word so it fits an Authorization header as it is; never quoted back. */
function metricsToken(env: Env): string {
  const token = text(env, 'METRICS_TOKEN');
  if (token !== '' && !/^[\x21-\x7e]{32,512}$/.test(token))
    throw new ConfigError(
      'METRICS_TOKEN',
      `must be 32 to 512 characters, with no spaces, such as the output of openssl rand -hex 32 (got ${token.length} characters; a secret is not shown)`,
    );
  return token;
}

// No source gives the helpdesk a service level or a phone number: both are the operator's to set, and unset says neither.
function helpdeskFacts(env: Env): HelpdeskFacts {
  const facts: HelpdeskFacts = {};
  if (text(env, 'HELPDESK_TARGET_WORKING_DAYS') !== '') facts.targetWorkingDays = integer(env, 'HELPDESK_TARGET_WORKING_DAYS', 0, 1, 30);
  const contact = text(env, 'UCP_SUPPORT_CONTACT').replace(/\.+$/, '');
  if (contact !== '') {
    if (contact.length > 200 || /[\p{Cc}<>]/u.test(contact)) {
      throw new ConfigError(
        'UCP_SUPPORT_CONTACT',
        `must be one line of at most 200 characters without < or >, such as a phone number, an e-mail address or a web address (got "${clip(contact)}")`,
      );
    }
    facts.supportContact = contact;
  }
  return facts;
}

function reminderThresholds(env: Env): ReminderThresholds {
  try {
    return loadReminderThresholds(env);
  } catch (err) {
    if (err instanceof ReminderSettingError) throw new ConfigError(err.variable, err.message.slice(err.variable.length + 1));
    throw err;
  }
}

/** STORE, and for `postgres` the database to use: DATABASE_URL is required then, and must be a postgres:// URL. */
function storeSettings(env: Env): { store: StoreKind; databaseUrl?: string } {
  const store = oneOf(env, 'STORE', STORE_KINDS, 'lowdb');
  if (store !== 'postgres') return { store };
  return { store, databaseUrl: databaseUrlSetting(env, 'when STORE is postgres') };
}

/** DATABASE_URL, checked to be a postgres:// URL (never quoted back: it holds a password); `when` says why it is needed. */
export function databaseUrlSetting(env: Env, when: string): string {
  const databaseUrl = text(env, 'DATABASE_URL');
  if (!databaseUrl) throw new ConfigError('DATABASE_URL', `is required ${when} (postgres://user:password@host:5432/database)`);
  let protocol: string;
  try {
    protocol = new URL(databaseUrl).protocol;
  } catch {
    // The value is not quoted back: it holds a password.
    throw new ConfigError('DATABASE_URL', 'is not a URL (expected postgres://user:password@host:5432/database)');
  }
  if (protocol !== 'postgres:' && protocol !== 'postgresql:')
    throw new ConfigError('DATABASE_URL', `must start with postgres:// (it starts with ${protocol}//)`);
  return databaseUrl;
}
