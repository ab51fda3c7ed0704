/**
 * Scenario "org": an AWS organization of seven accounts in two regions, for the organization read paths (Config
 * aggregator, fan-out through member roles) and organization conformance packs. Takes no parameters.
 *
 * - Management account 111111111111 (the default account; us-east-1 is the default region): the seed's role
 *   `compliance-gate` (trusting the repository through GitHub OIDC), resources and rules, in us-east-1 and us-west-2;
 *   the aggregator `org-aggregator` (us-east-1; organization source, both regions, role `config-aggregator`).
 * - Members 222222222222 to 777777777777 with the seed's resources and rules in both regions, each with its own
 *   mix of non-compliance (MIX below).
 * - Role `compliance-gate-member` in every account, the management one included, trusting the management account's
 *   `compliance-gate` role (sts:AssumeRole, no external id), plus the seed's remediation and alerting roles.
 * - The aggregator's source 777777777777/us-west-2 is FAILED (its data is absent from the aggregator).
 * - Member 666666666666 fails organization conformance pack creation with a reason.
 */
import { readSeedScenario } from '../services/config/scenario-base.js';
import { normalizeScenario, type Scenario, type ScenarioInput } from '../core/scenario.js';
import type { AssumeRoleTrust, RoleState, S3BucketState } from '../core/state.js';
import type { OrgAccountState, OrganizationState, WorldSpec } from '../core/world.js';

export const MANAGEMENT_ACCOUNT = '111111111111';
export const ORG_REGIONS = ['us-east-1', 'us-west-2'] as const;
export const MEMBER_ROLE_NAME = 'compliance-gate-member';
export const AGGREGATOR_NAME = 'org-aggregator';
export const ORGANIZATION_ID = 'o-a1b2c3d4e5';
const SEED_ACCOUNT = '123456789012';
const SEED_REGION = 'us-east-1';
const JOINED = '2024-01-15T10:00:00.000Z';

/** How an (account, region) differs from the seed. */
export type Mix = 'seed' | 'compliant' | 'ebs-only' | 'logging-only' | 'extra-bucket';

/** Non-compliance per account and region (us-east-1, us-west-2). */
export const MIX: Record<string, [Mix, Mix]> = {
  '111111111111': ['seed', 'compliant'],
  '222222222222': ['compliant', 'compliant'],
  '333333333333': ['seed', 'logging-only'],
  '444444444444': ['ebs-only', 'compliant'],
  '555555555555': ['logging-only', 'seed'],
  '666666666666': ['extra-bucket', 'ebs-only'],
  '777777777777': ['compliant', 'seed']
};

const ACCOUNT_NAMES: Record<string, string> = {
  '111111111111': 'management',
  '222222222222': 'clinical-prod',
  '333333333333': 'clinical-stage',
  '444444444444': 'claims-prod',
  '555555555555': 'analytics',
  '666666666666': 'research',
  '777777777777': 'sandbox'
};

export function orgAccount(id: string, name: string, status: OrgAccountState['status'] = 'ACTIVE'): OrgAccountState {
  return {
    id,
    name,
    email: `aws+${name}@example-health.org`,
    status,
    joinedMethod: id === MANAGEMENT_ACCOUNT ? 'CREATED' : 'INVITED',
    joinedTimestamp: JOINED
  };
}

/** The trust of the member role: the management account's compliance-gate role may assume it. */
export function memberRole(
  accountId: string,
  managementAccountId = MANAGEMENT_ACCOUNT,
  externalIds?: string[]
): RoleState {
  const trust: AssumeRoleTrust = { principals: [`arn:aws:iam::${managementAccountId}:role/compliance-gate`] };
  if (externalIds) trust.externalIds = externalIds;
  return {
    arn: `arn:aws:iam::${accountId}:role/${MEMBER_ROLE_NAME}`,
    assumeRoleTrust: trust,
    maxSessionDurationSeconds: 3600
  };
}

type SeedState = NonNullable<ScenarioInput['state']>;

/** The seed's state for an account and region (ARNs and region-keyed settings rewritten), before the mix. */
export function seedStateFor(seedState: SeedState, accountId: string, region: string): SeedState {
  const text = JSON.stringify(seedState).replaceAll(SEED_ACCOUNT, accountId).replaceAll(SEED_REGION, region);
  const s = JSON.parse(text) as SeedState;
  s.accountId = accountId;
  s.region = region;
  return s;
}

function applyMix(s: SeedState, mix: Mix): void {
  const r = s.resources!;
  const buckets = r.s3Buckets as Record<string, S3BucketState>;
  const logAll = (): void => {
    for (const b of Object.values(buckets)) {
      b.logging ??= { targetBucket: 'access-logs', targetPrefix: `${b.name}/` };
    }
  };
  const region = s.region!;
  switch (mix) {
    case 'seed':
      return;
    case 'compliant':
      logAll();
      r.ebsEncryptionByDefault = { [region]: true };
      return;
    case 'ebs-only':
      logAll();
      r.ebsEncryptionByDefault = { [region]: false };
      return;
    case 'logging-only':
      r.ebsEncryptionByDefault = { [region]: true };
      return;
    case 'extra-bucket':
      buckets['phi-exports'] = { name: 'phi-exports', encryption: { sseAlgorithm: 'AES256' }, tags: {} };
      return;
  }
}

export function build(params: Record<string, string> = {}): Scenario {
  const unknown = Object.keys(params);
  if (unknown.length > 0) throw new Error(`scenario org takes no parameters, got: ${unknown.join(', ')}`);
  const seed = readSeedScenario();
  const states: SeedState[] = [];
  for (const [accountId, mixes] of Object.entries(MIX)) {
    ORG_REGIONS.forEach((region, i) => {
      const s = seedStateFor(seed.state, accountId, region);
      const roles = s.roles as Record<string, RoleState>;
      const gateArn = `arn:aws:iam::${accountId}:role/compliance-gate`;
      if (accountId !== MANAGEMENT_ACCOUNT) delete roles[gateArn];
      const member = memberRole(accountId);
      roles[member.arn] = member;
      if (accountId === MANAGEMENT_ACCOUNT) {
        const aggregatorRole = `arn:aws:iam::${accountId}:role/config-aggregator`;
        roles[aggregatorRole] = { arn: aggregatorRole };
      }
      applyMix(s, mixes[i]!);
      states.push(s);
    });
  }
  const management = states[0]!;
  const created = '2024-01-15T10:00:00.000Z';
  (management.config as Record<string, unknown>)['aggregators'] = {
    [AGGREGATOR_NAME]: {
      ConfigurationAggregatorName: AGGREGATOR_NAME,
      ConfigurationAggregatorArn: `arn:aws:config:us-east-1:${MANAGEMENT_ACCOUNT}:config-aggregator/config-aggregator-org00001`,
      OrganizationAggregationSource: {
        RoleArn: `arn:aws:iam::${MANAGEMENT_ACCOUNT}:role/config-aggregator`,
        AwsRegions: [...ORG_REGIONS],
        AllAwsRegions: false
      },
      CreationTime: created,
      LastUpdatedTime: created,
      tags: {}
    }
  };
  const organization: OrganizationState = {
    id: ORGANIZATION_ID,
    managementAccountId: MANAGEMENT_ACCOUNT,
    featureSet: 'ALL',
    accounts: Object.keys(MIX).map(id => orgAccount(id, ACCOUNT_NAMES[id]!))
  };
  const world: Omit<WorldSpec, 'states'> & { states: SeedState[] } = {
    states: states.slice(1),
    organization,
    aggregatorSourceFailures: {
      '777777777777/us-west-2': {
        status: 'FAILED',
        errorCode: 'AccessDeniedException',
        errorMessage:
          'Config could not collect data from account 777777777777 in us-west-2: the aggregator role is denied access (simulated failure).'
      }
    },
    organizationConformancePackFailures: {
      '666666666666': {
        errorCode: 'NoAvailableConfigurationRecorderException',
        errorMessage:
          'There is no configuration recorder available in account 666666666666 to record the conformance pack resources (simulated failure).'
      }
    }
  };
  const input: ScenarioInput = {
    ...seed,
    name: 'org',
    description:
      'An organization: management account 111111111111 and six members (222222222222 to 777777777777) in us-east-1 and us-west-2, each with the seed resources and its own non-compliance; aggregator org-aggregator with a failing source (777777777777/us-west-2); member role compliance-gate-member everywhere; 666666666666 fails organization conformance packs.',
    state: management,
    world
  };
  return normalizeScenario(input, 'scenarios/org.ts', 'org');
}
