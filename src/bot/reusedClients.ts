import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { withLeanReplies } from './leanReplies';

type Base = ConfigurationBotFrameworkAuthentication;
type ClaimsIdentity = Parameters<Base['createConnectorFactory']>[0];
type ConnectorFactory = ReturnType<Base['createConnectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type UserTokenClient = Awaited<ReturnType<Base['createUserTokenClient']>>;
type AuthenticateRequestResult = Awaited<ReturnType<Base['authenticateRequest']>>;

/** The app id the SDK builds clients for: the token's audience (channels) or appid claim (Emulator); '' when anonymous. */
const appIdOf = (identity: ClaimsIdentity): string => identity.getClaimValue('aud') ?? identity.getClaimValue('appid') ?? '';

/** A small insertion-ordered cache: the oldest entry goes when it is full. */
class BoundedCache<T> {
  private readonly entries = new Map<string, Promise<T>>();
  constructor(private readonly max: number) {}

  get(key: string, create: () => Promise<T>): Promise<T> {
    const found = this.entries.get(key);
    if (found) return found;
    const made = create();
    // A failed creation is not kept: the next turn tries again.
    made.catch(() => this.entries.delete(key));
    this.entries.set(key, made);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
    return made;
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * The SDK's authentication, except that the clients it builds for replies are reused across turns.
 * CloudAdapter asks for a new ConnectorClient and UserTokenClient on every turn, and each builds an HTTP
 * pipeline (about a tenth of a turn's CPU here). The older BotFrameworkAdapter kept one connector client
 * per service URL in the same way; the clients hold no per-turn state, and their credentials cache and
 * refresh their own tokens. Keys are the app id the SDK builds the client for, plus the audience and service URL for connectors;
 * the caches are bounded because in local mode the service URL is whatever the caller sends.
 * The connector clients send replies the lean way (leanReplies.ts).
 */
export class ReusedClientsAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new BoundedCache<ConnectorClient>(64);
  private readonly userTokenClients = new BoundedCache<UserTokenClient>(16);

  override async authenticateRequest(...args: Parameters<Base['authenticateRequest']>): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(...args);
    return result.connectorFactory ? { ...result, connectorFactory: this.reusing(result.connectorFactory, result.claimsIdentity) } : result;
  }

  override async authenticateStreamingRequest(...args: Parameters<Base['authenticateStreamingRequest']>): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateStreamingRequest(...args);
    return result.connectorFactory ? { ...result, connectorFactory: this.reusing(result.connectorFactory, result.claimsIdentity) } : result;
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(super.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.userTokenClients.get(appIdOf(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }

  /** How many clients are kept (for tests). */
  get cachedClients(): { connectors: number; userTokens: number } {
    return { connectors: this.connectors.size, userTokens: this.userTokenClients.size };
  }

  private reusing(factory: ConnectorFactory, claimsIdentity: ClaimsIdentity): ConnectorFactory {
    const appId = appIdOf(claimsIdentity);
    const create = (serviceUrl: string, audience?: string): Promise<ConnectorClient> =>
      this.connectors.get(JSON.stringify([appId, audience ?? '', serviceUrl]), async () => withLeanReplies(await factory.create(serviceUrl, audience), serviceUrl));
    return { create };
  }
}
