import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { AppCredentials, AuthenticationConstants } from 'botframework-connector';
import type { Config } from '../config';

/**
 * The bot's token for the Bot Framework channel service (what the Bot Connector wants on files it hosts),
 * from the same four auth keys and the same credentials factory CloudAdapter's authentication uses for its
 * replies, so every app type (MultiTenant, SingleTenant, UserAssignedMSI) gets its token the same way.
 * Undefined in local mode (no app id: nothing to sign with). `AppCredentials.getToken()` is public and
 * caches the token until shortly before it expires.
 */
export function botTokenSource(auth: Config['auth']): (() => Promise<string>) | undefined {
  if (!auth.MicrosoftAppId) return undefined;
  // Only the four auth keys: the factory reads every key it is given.
  const factory = new ConfigurationServiceClientCredentialFactory({ ...auth });
  let made: Promise<AppCredentials> | undefined;
  const appCredentials = async (): Promise<AppCredentials> => {
    const created = await factory.createCredentials(
      auth.MicrosoftAppId,
      AuthenticationConstants.ToChannelFromBotOAuthScope,
      AuthenticationConstants.ToChannelFromBotLoginUrl,
      true,
    );
    if (!(created instanceof AppCredentials)) throw new TypeError('createCredentials: not AppCredentials');
    return created;
  };
  return async () => {
    made ??= appCredentials();
    try {
      return await (await made).getToken();
    } catch (err) {
      // Made again on the next file: a failure (network, a wrong secret fixed since) is not kept.
      made = undefined;
      throw err;
    }
  };
}
