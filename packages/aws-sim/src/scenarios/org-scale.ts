/**
 * Scenario "org-scale": a large, deterministic organization for the benchmark (issue 15).
 *
 * Parameters (all optional, parsed strictly):
 * - `accounts` (default 20, 1 to 5000): accounts, the management account 111111111111 included; members are
 *   200000000001, 200000000002, ...;
 * - `regions` (default 2, 1 to 8): regions per account, from us-east-1, us-west-2, eu-west-1, ...;
 * - `rules` (default 20, 1 to 1000): Config rules in every account and region, S3 managed rules scoped by the tag
 *   `compliance-scope` = `rule-NNN`;
 * - `findings` (default 10, 0 to 100000): NON_COMPLIANT S3 buckets per account, spread over its regions and rules
 *   (one compliant bucket per account and region besides);
 * - `suspended` (default 0): this many of the last members are SUSPENDED in Organizations (and not aggregated).
 *
 * Every account has the role `compliance-gate-member` trusting the management account's `compliance-gate` role
 * (which trusts the repository through GitHub OIDC, as in `seed`); the management account (us-east-1) has the
 * aggregator `org-aggregator` over the organization in every region of the scenario. Rules are declared with
 * `evaluatedAgoSeconds`, so they are evaluated by the real evaluators when a state is first read.
 */
import { readSeedScenario } from '../services/config/scenario-base.js';
import { normalizeScenario, type Scenario, type ScenarioInput } from '../core/scenario.js';
import type { RoleState, S3BucketState } from '../core/state.js';
import type { OrganizationState, WorldSpec } from '../core/world.js';
import type { RuleRecordInput } from '../services/config/state.js';
import { AGGREGATOR_NAME, MANAGEMENT_ACCOUNT, memberRole, ORGANIZATION_ID, orgAccount, seedStateFor } from './org.js';

export interface OrgScaleParams {
  accounts: number;
  regions: number;
  rules: number;
  findings: number;
  suspended: number;
}

export const ORG_SCALE_DEFAULTS: Readonly<OrgScaleParams> = {
  accounts: 20,
  regions: 2,
  rules: 20,
  findings: 10,
  suspended: 0
};
const MAX: Record<keyof OrgScaleParams, number> = {
  accounts: 5000,
  regions: 8,
  rules: 1000,
  findings: 100_000,
  suspended: 5000
};
const MIN: Record<keyof OrgScaleParams, number> = { accounts: 1, regions: 1, rules: 1, findings: 0, suspended: 0 };
const REGIONS = [
  'us-east-1',
  'us-west-2',
  'eu-west-1',
  'eu-central-1',
  'ap-southeast-1',
  'ap-northeast-1',
  'ca-central-1',
  'sa-east-1'
];
const IDENTIFIERS = [
  'S3_BUCKET_LOGGING_ENABLED',
  'S3_BUCKET_VERSIONING_ENABLED',
  'S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED'
];
export const SCOPE_TAG_KEY = 'compliance-scope';

export function parseOrgScaleParams(params: Record<string, string> = {}): OrgScaleParams {
  const out: OrgScaleParams = { ...ORG_SCALE_DEFAULTS };
  for (const [name, raw] of Object.entries(params)) {
    if (!Object.hasOwn(MAX, name)) {
      throw new Error(`scenario org-scale: unknown parameter '${name}' (known: ${Object.keys(MAX).join(', ')})`);
    }
    const key = name as keyof OrgScaleParams;
    const value = raw.trim();
    if (!/^\d+$/.test(value) || Number(value) < MIN[key] || Number(value) > MAX[key]) {
      throw new Error(`scenario org-scale: ${name} must be an integer from ${MIN[key]} to ${MAX[key]}, got '${raw}'`);
    }
    out[key] = Number(value);
  }
  if (out.suspended >= out.accounts) {
    throw new Error(`scenario org-scale: suspended (${out.suspended}) must be fewer than accounts (${out.accounts})`);
  }
  return out;
}

export function orgScaleAccountId(index: number): string {
  return index === 0 ? MANAGEMENT_ACCOUNT : String(200_000_000_000 + index);
}

export function orgScaleRuleName(index: number): string {
  return `${IDENTIFIERS[index % IDENTIFIERS.length]!.toLowerCase().replace(/_/g, '-')}-rule-${String(index).padStart(3, '0')}`;
}

export function build(params: Record<string, string> = {}): Scenario {
  const p = parseOrgScaleParams(params);
  const seed = readSeedScenario();
  const regions = REGIONS.slice(0, p.regions);
  type SeedState = NonNullable<ScenarioInput['state']>;
  const base = seedStateFor(seed.state, MANAGEMENT_ACCOUNT, 'us-east-1');
  const states: SeedState[] = [];
  for (let a = 0; a < p.accounts; a++) {
    const accountId = orgScaleAccountId(a);
    const roles: Record<string, RoleState> = {};
    const member = memberRole(accountId);
    roles[member.arn] = member;
    if (a === 0) {
      for (const r of Object.values(base.roles as Record<string, RoleState>)) roles[r.arn] = r;
      const aggregatorRole = `arn:aws:iam::${accountId}:role/config-aggregator`;
      roles[aggregatorRole] = { arn: aggregatorRole };
    }
    regions.forEach((region, ri) => {
      const buckets: Record<string, S3BucketState> = {};
      const compliant = `compliant-${accountId}-${region}`;
      buckets[compliant] = {
        name: compliant,
        logging: { targetBucket: compliant },
        versioning: 'Enabled',
        encryption: { sseAlgorithm: 'AES256' },
        tags: { [SCOPE_TAG_KEY]: 'rule-000' }
      };
      // Findings spread over regions (round robin) and rules.
      for (let f = ri; f < p.findings; f += regions.length) {
        const name = `finding-${accountId}-${f}`;
        buckets[name] = { name, tags: { [SCOPE_TAG_KEY]: `rule-${String(f % p.rules).padStart(3, '0')}` } };
      }
      const rules: Record<string, RuleRecordInput> = {};
      for (let r = 0; r < p.rules; r++) {
        const name = orgScaleRuleName(r);
        rules[name] = {
          rule: {
            ConfigRuleName: name,
            Scope: {
              ComplianceResourceTypes: ['AWS::S3::Bucket'],
              TagKey: SCOPE_TAG_KEY,
              TagValue: `rule-${String(r).padStart(3, '0')}`
            },
            Source: { Owner: 'AWS', SourceIdentifier: IDENTIFIERS[r % IDENTIFIERS.length]! }
          },
          evaluatedAgoSeconds: 1800
        };
      }
      states.push({
        accountId,
        region,
        roles,
        resources: { s3Buckets: buckets, ebsEncryptionByDefault: { [region]: true } },
        config: { rules, remediationConfigurations: {} }
      });
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
        AwsRegions: regions,
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
    accounts: Array.from({ length: p.accounts }, (_, a) =>
      orgAccount(
        orgScaleAccountId(a),
        a === 0 ? 'management' : `member-${a}`,
        a >= p.accounts - p.suspended ? 'SUSPENDED' : 'ACTIVE'
      )
    )
  };
  const world: Omit<WorldSpec, 'states'> & { states: SeedState[] } = { states: states.slice(1), organization };
  return normalizeScenario(
    {
      ...seed,
      name: 'org-scale',
      description: `An organization of ${p.accounts} accounts x ${p.regions} regions, ${p.rules} rules each, ${p.findings} findings per account.`,
      state: management,
      world: world as NonNullable<ScenarioInput['world']>
    },
    'scenarios/org-scale.ts',
    'org-scale'
  );
}
