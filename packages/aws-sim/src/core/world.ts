/**
 * The simulated world: many AWS accounts, each with IAM roles (global to the account) and, per region, its own
 * Config, SSM, SNS and resources state (an AccountState per account and region). An organization (AWS Organizations)
 * may join the accounts. Requests are routed to the state of the caller's account (from its credential) and the
 * SigV4 scope's region (core/server.ts).
 *
 * A single-account scenario is a world of one state (the scenario's `state`, the default account and region), so
 * existing scenarios and `sim.state` keep working. Everything is plain JSON, like the rest of the state.
 */
import type { AccountState, IssuedCredential, RoleState } from './state.js';

/** An account of the organization as Organizations ListAccounts reports it. */
export interface OrgAccountState {
  id: string;
  name: string;
  email: string;
  /** https://docs.aws.amazon.com/organizations/latest/APIReference/API_Account.html (Status) */
  status: 'ACTIVE' | 'SUSPENDED' | 'PENDING_CLOSURE';
  joinedMethod: 'INVITED' | 'CREATED';
  /** ISO 8601. */
  joinedTimestamp: string;
}

export interface OrganizationState {
  /** o-[a-z0-9]{10,32} */
  id: string;
  managementAccountId: string;
  featureSet: 'ALL' | 'CONSOLIDATED_BILLING';
  /** Every account of the organization, the management account included (ListAccounts order). */
  accounts: OrgAccountState[];
}

/** How a Config aggregator source (account and region) fails to aggregate (scenario data). */
export interface SourceFailure {
  /** FAILED (default) or OUTDATED. */
  status?: 'FAILED' | 'OUTDATED';
  errorCode?: string;
  errorMessage?: string;
}

/** Why an organization conformance pack fails to be created in a member account (scenario data). */
export interface MemberFailure {
  errorCode: string;
  errorMessage: string;
}

/** The scenario-data form of the world beyond the default state. */
export interface WorldSpec {
  /** Further (account, region) states; roles of states of one account are merged (IAM is global). */
  states: AccountState[];
  organization?: OrganizationState;
  /** By `ACCOUNT/REGION`: aggregator sources that fail (their data is absent from every aggregator). */
  aggregatorSourceFailures?: Record<string, SourceFailure>;
  /** By account id: organization conformance packs fail to be created there with this error. */
  organizationConformancePackFailures?: Record<string, MemberFailure>;
  /** Objects a TemplateS3Uri may name, by `s3://bucket/key` (the simulator has no S3 object API over HTTP). */
  s3Objects?: Record<string, string>;
}

/** The world of a request (a runtime without one, as in unit tests, is a world of the request's state). */
export function worldOf(ctx: { state: AccountState; sim: { readonly world?: World } }): World {
  return ctx.sim.world ?? new World(ctx.state);
}

/** An AWS region name (us-east-1, us-gov-west-1, cn-north-1, ...). */
const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;

export function worldKey(accountId: string, region: string): string {
  return `${accountId}/${region}`;
}

function emptyRegionState(
  accountId: string,
  region: string,
  roles: Record<string, RoleState>,
  credentials: IssuedCredential[]
): AccountState {
  return {
    accountId,
    region,
    roles,
    credentials,
    resources: {
      s3Buckets: {},
      ebsEncryptionByDefault: {},
      ebsVolumes: {},
      trails: {},
      rdsInstances: {},
      vpcs: {},
      snsTopics: {}
    },
    config: {},
    ssm: {},
    sns: { messages: [] }
  };
}

export class World {
  private readonly states = new Map<string, AccountState>();
  private readonly scenarioRegions = new Set<string>();
  organization: OrganizationState | undefined;
  aggregatorSourceFailures: Record<string, SourceFailure>;
  organizationConformancePackFailures: Record<string, MemberFailure>;
  s3Objects: Record<string, string>;

  /**
   * `defaultState` is used as is (it is the live `sim.state`); the spec's states are deep-copied. Every state shares
   * the default state's credential list (a key issued anywhere authenticates everywhere, as in AWS) and, per
   * account, one roles object.
   */
  constructor(
    readonly defaultState: AccountState,
    spec?: WorldSpec
  ) {
    const copy = spec ? structuredClone(spec) : { states: [] };
    this.organization = copy.organization;
    this.aggregatorSourceFailures = copy.aggregatorSourceFailures ?? {};
    this.organizationConformancePackFailures = copy.organizationConformancePackFailures ?? {};
    this.s3Objects = copy.s3Objects ?? {};
    const rolesByAccount = new Map<string, Record<string, RoleState>>();
    for (const s of [defaultState, ...copy.states]) {
      const key = worldKey(s.accountId, s.region);
      if (this.states.has(key)) throw new Error(`world: two states for account ${s.accountId} in ${s.region}`);
      const roles = rolesByAccount.get(s.accountId);
      if (roles) {
        Object.assign(roles, s.roles);
        s.roles = roles;
      } else {
        rolesByAccount.set(s.accountId, s.roles);
      }
      if (s !== defaultState) {
        for (const c of s.credentials) defaultState.credentials.push(c);
        s.credentials = defaultState.credentials;
      }
      this.states.set(key, s);
      this.scenarioRegions.add(s.region);
    }
  }

  /**
   * POST /_sim/world: replaces the simulated failures and S3 objects it names (the other parts of the world are
   * changed through the API or reset).
   */
  configure(
    patch: Partial<Pick<WorldSpec, 'aggregatorSourceFailures' | 'organizationConformancePackFailures' | 's3Objects'>>
  ): void {
    const known = ['aggregatorSourceFailures', 'organizationConformancePackFailures', 's3Objects'];
    for (const [k, v] of Object.entries(patch)) {
      if (!known.includes(k)) throw new Error(`world: unknown key '${k}' (known: ${known.join(', ')})`);
      if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error(`world.${k} must be an object`);
    }
    if (patch.aggregatorSourceFailures) this.aggregatorSourceFailures = structuredClone(patch.aggregatorSourceFailures);
    if (patch.organizationConformancePackFailures) {
      this.organizationConformancePackFailures = structuredClone(patch.organizationConformancePackFailures);
    }
    if (patch.s3Objects) this.s3Objects = structuredClone(patch.s3Objects);
  }

  /** The state of an account in a region, if the world has it. */
  get(accountId: string, region: string): AccountState | undefined {
    return this.states.get(worldKey(accountId, region));
  }

  /**
   * The state of an account in a region; a known account gets an empty region on first use (every region exists in
   * AWS; nothing is set up in it). Undefined for an account the world does not know or a name that is no region.
   */
  ensure(accountId: string, region: string): AccountState | undefined {
    const found = this.get(accountId, region);
    if (found) return found;
    const roles = this.roles(accountId);
    if (!roles || !REGION_PATTERN.test(region)) return undefined;
    const s = emptyRegionState(accountId, region, roles, this.defaultState.credentials);
    this.states.set(worldKey(accountId, region), s);
    return s;
  }

  /** The IAM roles of an account (shared by its regions); undefined for an unknown account. */
  roles(accountId: string): Record<string, RoleState> | undefined {
    for (const s of this.states.values()) if (s.accountId === accountId) return s.roles;
    return undefined;
  }

  hasAccount(accountId: string): boolean {
    return this.roles(accountId) !== undefined;
  }

  /** Every (account, region) state, sorted by account then region. */
  all(): AccountState[] {
    return [...this.states.values()].sort((a, b) =>
      a.accountId === b.accountId ? a.region.localeCompare(b.region) : a.accountId.localeCompare(b.accountId)
    );
  }

  /**
   * The regions the scenario gives any account state in: what "all regions" (AllAwsRegions) means in the simulator,
   * sorted. Regions created on first use do not count, so a stray call does not widen an aggregator.
   */
  regions(): string[] {
    return [...this.scenarioRegions].sort();
  }

  /** More than the default state (what GET /_sim/state shows differently). */
  isMulti(): boolean {
    return this.states.size > 1 || this.organization !== undefined;
  }

  /** The organization's account entry of an account, if the account belongs to the organization. */
  orgAccount(accountId: string): OrgAccountState | undefined {
    return this.organization?.accounts.find(a => a.id === accountId);
  }

  /** GET /_sim/state for a multi-account world: the default state as before, plus `world` (every account). */
  view(): Record<string, unknown> {
    const accounts: Record<string, { roles: Record<string, RoleState>; regions: Record<string, unknown> }> = {};
    for (const s of this.all()) {
      const a = (accounts[s.accountId] ??= { roles: s.roles, regions: {} });
      a.regions[s.region] = { resources: s.resources, config: s.config, ssm: s.ssm, sns: s.sns };
    }
    return {
      ...this.defaultState,
      world: {
        organization: this.organization ?? null,
        accounts,
        aggregatorSourceFailures: this.aggregatorSourceFailures,
        organizationConformancePackFailures: this.organizationConformancePackFailures
      }
    };
  }
}
