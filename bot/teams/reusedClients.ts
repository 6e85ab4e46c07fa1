import type { Activity } from 'botbuilder';
import { ChannelAuthentication } from './channelAuthentication.js';
import {
  AuthenticationConstants,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorClient,
  type ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';

/** Enough for every Teams region's service URL several times over; the oldest is dropped beyond it. */
const MAX_CLIENTS = 100;

/**
 * The Bot Framework authentication, but an incoming turn reuses the connector client (and user-token client) an earlier
 * turn built for the same bot identity, service URL and audience. botbuilder builds both, each with its own HTTP pipeline,
 * on every turn: ~15% of a turn's CPU in the benchmark (docs/performance.md). The clients hold no state of a turn; their
 * credentials cache and renew tokens by themselves (botbuilder's C# twin shares credentials the same way).
 * Proactive turns (createConnectorFactory) still get a client of their own: the notifier
 * changes that client's pipeline for its one send (bot/notify/teamsSender.ts).
 */
export class ReusingBotFrameworkAuthentication extends ChannelAuthentication {
  readonly #clients = new BoundedCache<Promise<ConnectorClient>>(MAX_CLIENTS);
  readonly #tokenClients = new BoundedCache<Promise<UserTokenClient>>(MAX_CLIENTS);

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    if (!result.connectorFactory) return result;
    return { ...result, connectorFactory: this.#reusing(result.connectorFactory, result.claimsIdentity) };
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.#tokenClients.getOrAdd(botIdentity(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }

  #reusing(factory: ConnectorFactory, claimsIdentity: ClaimsIdentity): ConnectorFactory {
    const identity = botIdentity(claimsIdentity);
    return {
      create: (serviceUrl: string, audience?: string) =>
        this.#clients.getOrAdd(`${identity}|${serviceUrl}|${audience ?? ''}`, () => factory.create(serviceUrl, audience)),
    };
  }
}

/**
 * Whose credentials a client carries, worked out as botbuilder does when it makes them: the token's audience (our app id,
 * for a request from a channel), else its appid claim (the Emulator); none in local mode, where nothing is signed.
 */
export function botIdentity(claimsIdentity: ClaimsIdentity): string {
  return (
    claimsIdentity.getClaimValue(AuthenticationConstants.AudienceClaim) ??
    claimsIdentity.getClaimValue(AuthenticationConstants.AppIdClaim) ??
    ''
  );
}

/** A map of promises that keeps at most `max` entries and forgets a promise that rejected, so a failure is retried next turn. */
class BoundedCache<T extends Promise<unknown>> {
  readonly #entries = new Map<string, T>();

  constructor(private readonly max: number) {}

  getOrAdd(key: string, make: () => T): T {
    const found = this.#entries.get(key);
    if (found) return found;
    const made = make();
    if (this.#entries.size >= this.max) this.#entries.delete(this.#entries.keys().next().value as string);
    this.#entries.set(key, made);
    made.catch(() => {
      if (this.#entries.get(key) === made) this.#entries.delete(key);
    });
    return made;
  }
}
