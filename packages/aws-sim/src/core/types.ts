/**
 * Core contracts of the simulated AWS account. Services are declared as plain maps of operation name -> handler
 * (see services/index.ts); adding an operation is adding one entry.
 */
import type { AccountState, IssuedCredential } from './state.js';
import type { World } from './world.js';

/** The services the server speaks over HTTP, with Smithy model facts in models/. */
export type ModelledService = 'config' | 'ssm' | 'sts' | 'sns' | 'organizations' | 'logs' | 'securityhub';
/**
 * Every service with registered operations: the modelled ones, and EC2 and S3, whose operations only runbook steps
 * call (in process; their input shapes are declared beside their handlers, see DeclaredShape).
 */
export type ServiceName = ModelledService | 'ec2' | 's3';

/** botocore's view of an input shape, for services whose Smithy facts the package does not carry. */
export type DeclaredShape =
  | 'string'
  | 'boolean'
  | 'integer'
  | { struct: Record<string, DeclaredShape>; required?: string[] }
  | { list: DeclaredShape };
export type Protocol = 'awsJson1_1' | 'awsQuery' | 'restJson1';

/** An error answered the way AWS answers it (awsJson: __type + x-amzn-ErrorType; awsQuery: XML ErrorResponse). */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    /** awsQuery error type: Sender (client) or Receiver (server). */
    readonly type: 'Sender' | 'Receiver' = status >= 500 ? 'Receiver' : 'Sender'
  ) {
    super(message);
  }
}

/** The authenticated caller of a request (from the SigV4 access key the simulator issued). */
export interface Principal {
  /** The SigV4 access key of the request; empty for the calls an automation makes in process as its identity. */
  accessKeyId: string;
  /** arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION, or an IAM user ARN for static keys. */
  arn: string;
  accountId: string;
  userId: string;
}

export interface RequestContext {
  service: ServiceName;
  operation: string;
  requestId: string;
  /** The mutable account state. */
  state: AccountState;
  /** The simulator's clock (real time plus any offset a test applied). */
  now(): Date;
  /** Undefined only for unsigned operations (AssumeRoleWithWebIdentity). */
  principal?: Principal;
  /** Scenario-level options (OIDC issuer, contexts, evaluation delay, ...). */
  sim: SimRuntime;
}

/** What handlers may use of the running simulator beyond the state. */
export interface SimRuntime {
  /** Base URL of the server, e.g. http://127.0.0.1:PORT */
  readonly url: string;
  /** Verify a GitHub OIDC JWT issued by this simulator; returns its claims or throws AwsError. */
  verifyOidcToken(token: string, audience?: string): Promise<Record<string, unknown>>;
  /** Schedules fn to run after ms of simulator time (used for delayed evaluations / executions). */
  schedule(ms: number, fn: () => void): void;
  /** Extra scenario options (scenario-specific settings such as evaluationDelayMs). */
  readonly options: Record<string, unknown>;
  /** Every account and region (core/world.ts): cross-account operations (STS AssumeRole, aggregators, ...) use it. */
  readonly world?: World;
  /**
   * Issues session credentials (ASIA... key, secret, token, expiration = now + durationSeconds) for a principal,
   * records them in state.credentials (applying the expired-credentials fault) and returns them.
   */
  issueSessionCredential(opts: { arn: string; userId: string; durationSeconds: number }): IssuedCredential;
}

/** input: the deserialised request (plain JSON-like object per the Smithy input shape). Returns the output object. */
export type Handler = (input: Record<string, unknown>, ctx: RequestContext) => unknown;

export type ServiceHandlers = Record<string, Handler>;

/**
 * A service's handlers written against the AWS SDK's input types (`Inputs` maps each operation to its
 * `XCommandInput`). The SDK's types are generated from the same Smithy models the server validates requests
 * against before a handler runs (models/), so a handler's input has the shape its type says. (The SDK types required
 * members as `| undefined` too; a handler may assert them: the server refused the request that lacked them.)
 */
export type HandlersFor<Inputs> = { [Op in keyof Inputs]: (input: Inputs[Op], ctx: RequestContext) => unknown };

/** Registers typed handlers (see HandlersFor) in the registry's untyped form. */
export function typedHandlers<Inputs>(handlers: HandlersFor<Inputs>): ServiceHandlers {
  return handlers as unknown as ServiceHandlers;
}
