import {
  CallerIdConstants,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import { AuthenticationConstants, ClaimsIdentity, type AuthenticateRequestResult } from 'botframework-connector';
import { claimList, type ChannelTokenCheck } from './channelToken.js';

/**
 * The Bot Framework authentication, but an incoming request's token is checked by our own ChannelTokenCheck (jose) instead of
 * botframework-connector's JwtTokenExtractor. That one prints every failure and the public key with console.error and lets
 * jsonwebtoken's errors (alg none, an HMAC, another key's signature, nbf in the future) escape as if the bot had failed (a 500),
 * and a key set it cannot fetch as well. Outbound clients, credentials and proactive turns stay the connector's.
 */
export class ChannelAuthentication extends ConfigurationBotFrameworkAuthentication {
  /** Without a check (no app id: local mode) the connector's anonymous identity is used, and no token is read. */
  constructor(
    options: ConfigurationBotFrameworkAuthenticationOptions,
    private readonly check?: ChannelTokenCheck,
  ) {
    super(options);
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    if (!this.check) return super.authenticateRequest(activity, authHeader);
    const claims = await this.check(authHeader, activity);
    // What the connector builds for a verified channel token in the public cloud (ParameterizedBotFrameworkAuthentication.authenticateRequest).
    const claimsIdentity = new ClaimsIdentity(claimList(claims), true);
    return {
      audience: AuthenticationConstants.ToChannelFromBotOAuthScope,
      callerId: CallerIdConstants.PublicAzureChannel,
      claimsIdentity,
      connectorFactory: this.createConnectorFactory(claimsIdentity),
    };
  }
}
