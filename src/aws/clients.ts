/**
 * The only place that constructs AWS SDK clients: region, credentials, retries and user agent are set here once.
 * The SDK reads AWS_ENDPOINT_URL (and AWS_ENDPOINT_URL_<SERVICE>) itself.
 */
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { ConfigServiceClient } from '@aws-sdk/client-config-service';
import type { SecurityHubClient } from '@aws-sdk/client-securityhub';
import type { SNSClient } from '@aws-sdk/client-sns';
import type { SSMClient } from '@aws-sdk/client-ssm';
import { STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { StandardRetryStrategy } from '@smithy/core/retry';
import { AwsCallError, isUserError, toAwsCallError } from '../errors.js';
import { USER_AGENT_NAME, VERSION } from '../version.js';
import type { Clock } from '../util/clock.js';
import type { ProxyAgents } from './proxy.js';
import { isThrottle, RateGates } from './rate.js';

/**
 * The SDK's Node.js request handler with the proxy agents (the SDK accepts the handler's options in place of a
 * handler: NodeHttpHandler.create). One pair of agents serves every client.
 */
function requestHandlerOf(agents: ProxyAgents | undefined) {
  return agents ? { requestHandler: { httpAgent: agents.httpAgent, httpsAgent: agents.httpsAgent } } : {};
}

export interface ClientSettings {
  region: string;
  maxAttempts: number;
  /** Absent: the SDK's default credential chain. */
  credentials?: AwsCredentialIdentityProvider;
  /**
   * Called when AWS answers that the credentials expired although the SDK thought them valid (clock skew, or a
   * session revoked early). Returns true when fresh credentials can be had; the call is then sent once more.
   */
  onExpiredCredentials?: () => boolean;
  /** Proxy agents (proxy.ts) for every client's requests; destroyed with the clients. Absent: the SDK's own. */
  agents?: ProxyAgents;
  /**
   * The run's clock: with it, every AWS Config operation goes through its own rate gate (rate.ts: token bucket and
   * adaptive calls in flight). Absent: no client-side limit.
   */
  clock?: Clock;
}

const EXPIRED_CODES = new Set(['ExpiredTokenException', 'ExpiredToken', 'RequestExpired']);

/**
 * Errors the SDK classifies as throttling although they are answers, not load: AWS Config's
 * LimitExceededException means "an evaluation of this rule started less than a minute ago". Retrying it only
 * burns time; the caller handles it.
 */
const NOT_RETRIED = new Set(['LimitExceededException']);

/** The SDK's standard retry strategy (backoff, retry quota), minus the answers above. */
class ActionRetryStrategy extends StandardRetryStrategy {
  override async refreshRetryTokenForRetry(
    ...args: Parameters<StandardRetryStrategy['refreshRetryTokenForRetry']>
  ): ReturnType<StandardRetryStrategy['refreshRetryTokenForRetry']> {
    const [, errorInfo] = args;
    if (NOT_RETRIED.has((errorInfo.error as { name?: string } | undefined)?.name ?? '')) {
      throw new Error('not retried');
    }
    return super.refreshRetryTokenForRetry(...args);
  }
}

interface ErrorWithName {
  name?: string;
  Code?: string;
}

function isExpiredCredentialsError(err: unknown): boolean {
  const e = err as ErrorWithName | undefined;
  return EXPIRED_CODES.has(e?.name ?? '') || EXPIRED_CODES.has(e?.Code ?? '');
}

type Handler = (args: unknown) => Promise<unknown>;

interface SdkClient {
  middlewareStack: {
    add(
      mw: (next: Handler, context: { commandName?: string }) => Handler,
      opts: { step: 'initialize' | 'finalizeRequest'; name: string; priority?: 'high' | 'normal' | 'low' }
    ): void;
  };
  destroy(): void;
}

/** The services the factory builds clients for, as AWS spells them in IAM actions (`config:PutConfigRule`). */
export type AwsService = 'config' | 'ssm' | 'sts' | 'sns' | 'logs' | 'securityhub';

/**
 * The one place AWS errors are mapped: every call a client makes (commands, and each page a paginator asks for)
 * that fails ends in an AwsCallError naming `service:Operation` (the command's name less `Command`), the code and
 * the request id. It is the outermost middleware (initialize step, high priority), so the SDK's retries and the
 * expired-credentials retry below still see the SDK's own errors. An error that is already an AwsCallError (from a
 * nested call, e.g. the STS call of a credential provider, or a caller that mapped it already) or a user error
 * (InputError, PolicyError: a credential provider's refusal) passes unchanged.
 */
function withErrorMapping<C>(client: C, service: AwsService): C {
  (client as unknown as SdkClient).middlewareStack.add(
    (next, context) => async args => {
      try {
        return await next(args);
      } catch (err) {
        // Ours already: a user error a credential provider raised (no OIDC token) is not this call's failure.
        if (isUserError(err)) throw err;
        throw toAwsCallError(`${service}:${operationName(context.commandName)}`, err);
      }
    },
    { step: 'initialize', name: 'complianceGateMapAwsErrors', priority: 'high' }
  );
  return client;
}

function operationName(commandName: string | undefined): string {
  return commandName?.replace(/Command$/, '') || 'UnknownOperation';
}

/**
 * The AWS error code of an error a client call threw (the mapped AwsCallError's code; for anything else its `Code`
 * or `name`, as the SDK sets them).
 */
export function awsErrorCode(err: unknown): string {
  if (err instanceof AwsCallError) return err.code;
  const e = err as { name?: string; Code?: string } | undefined;
  return e?.Code ?? e?.name ?? '';
}

/**
 * The AwsCallError a client call threw, for callers that turn it into data (a rule's error, an item's failure).
 * Every client of the factory maps its errors, so anything else is not an AWS answer but a defect: rethrown.
 */
export function awsCallErrorOf(err: unknown): AwsCallError {
  if (err instanceof AwsCallError) return err;
  throw err;
}

function withExpiredCredentialsRetry<C>(client: C, onExpired: (() => boolean) | undefined): C {
  if (!onExpired) return client;
  (client as unknown as SdkClient).middlewareStack.add(
    next => async args => {
      try {
        return await next(args);
      } catch (err) {
        if (isExpiredCredentialsError(err) && onExpired()) return next(args);
        throw err;
      }
    },
    { step: 'initialize', name: 'complianceGateRefreshExpiredCredentials' }
  );
  return client;
}

/**
 * Every attempt of every call waits at its operation's gate (rate.ts) and reports whether AWS throttled it. The
 * middleware is in the finalizeRequest step at low priority, inside the SDK's retry middleware (finalizeRequest,
 * high), so each retry is gated and counted too.
 */
function withRateGates<C>(client: C, gates: RateGates): C {
  (client as unknown as SdkClient).middlewareStack.add(
    (next, context) => async args => {
      const gate = gates.of(operationName(context.commandName));
      const startedAt = await gate.acquire();
      let throttled = false;
      try {
        return await next(args);
      } catch (err) {
        throttled = isThrottle(awsErrorCode(err));
        throw err;
      } finally {
        gate.release(throttled, startedAt);
      }
    },
    { step: 'finalizeRequest', name: 'complianceGateRateGate', priority: 'low' }
  );
  return client;
}

/**
 * The SDK warns on every run under Node.js older than 22 (NodeVersionSupportWarning, from @aws-sdk/core's
 * emitWarningIfUnsupportedVersion, at the first client's construction). The action runs on node24 (action.yml), so
 * the warning only appears in local runs (@github/local-action, the demo, tests on Node 20), where it is noise. The
 * SDK's documented switch is AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true; a value the user set wins.
 */
export function silenceSdkNodeVersionWarning(env: NodeJS.ProcessEnv = process.env): void {
  env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
}

/**
 * Lazily built, shared SDK clients for one run. A client's module is loaded only when the client is first asked
 * for, so the action's first AWS request (STS) does not wait for the Config and SSM clients to load.
 */
export class AwsClients {
  private readonly cache = new Map<AwsService, unknown>();
  /** AWS Config's rate gates, one per operation (with a clock only). */
  readonly configGates: RateGates | undefined;

  constructor(private readonly settings: ClientSettings) {
    silenceSdkNodeVersionWarning();
    this.configGates = settings.clock ? new RateGates(settings.clock) : undefined;
  }

  private common() {
    return {
      region: this.settings.region,
      maxAttempts: this.settings.maxAttempts,
      retryStrategy: new ActionRetryStrategy(this.settings.maxAttempts),
      customUserAgent: [[USER_AGENT_NAME, VERSION]] as [string, string][],
      ...(this.settings.credentials ? { credentials: this.settings.credentials } : {}),
      ...requestHandlerOf(this.settings.agents)
    };
  }

  private async get<C>(key: AwsService, make: () => Promise<C>): Promise<C> {
    let client = this.cache.get(key) as C | undefined;
    if (client === undefined) {
      client = withErrorMapping(withExpiredCredentialsRetry(await make(), this.settings.onExpiredCredentials), key);
      this.cache.set(key, client);
    }
    return client;
  }

  config(): Promise<ConfigServiceClient> {
    return this.get('config', async () => {
      const client = new (await import('@aws-sdk/client-config-service')).ConfigServiceClient(this.common());
      return this.configGates ? withRateGates(client, this.configGates) : client;
    });
  }

  ssm(): Promise<SSMClient> {
    return this.get('ssm', async () => new (await import('@aws-sdk/client-ssm')).SSMClient(this.common()));
  }

  sts(): Promise<STSClient> {
    return this.get('sts', () => Promise.resolve(new STSClient(this.common())));
  }

  sns(): Promise<SNSClient> {
    return this.get('sns', async () => new (await import('@aws-sdk/client-sns')).SNSClient(this.common()));
  }

  logs(): Promise<CloudWatchLogsClient> {
    return this.get(
      'logs',
      async () => new (await import('@aws-sdk/client-cloudwatch-logs')).CloudWatchLogsClient(this.common())
    );
  }

  securityHub(): Promise<SecurityHubClient> {
    return this.get(
      'securityhub',
      async () => new (await import('@aws-sdk/client-securityhub')).SecurityHubClient(this.common())
    );
  }

  destroy(): void {
    for (const client of this.cache.values()) (client as SdkClient).destroy();
    this.cache.clear();
    this.settings.agents?.destroy();
  }
}

/**
 * An STS client for AssumeRoleWithWebIdentity, which is not signed: it needs no credentials and must not look
 * for any (the default chain would otherwise be searched).
 */
export function createWebIdentityStsClient(
  settings: Pick<ClientSettings, 'region' | 'maxAttempts' | 'agents'>
): STSClient {
  silenceSdkNodeVersionWarning();
  return withErrorMapping(
    new STSClient({
      region: settings.region,
      maxAttempts: settings.maxAttempts,
      retryMode: 'standard',
      customUserAgent: [[USER_AGENT_NAME, VERSION]],
      credentials: { accessKeyId: '', secretAccessKey: '' },
      ...requestHandlerOf(settings.agents)
    }),
    'sts'
  );
}
