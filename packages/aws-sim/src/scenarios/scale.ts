/**
 * Scenario "scale": a large, deterministic account for paging and performance work.
 *
 * Parameters (all optional, parsed strictly):
 * - `rules` (default 130): Config rules, each an S3 managed rule (five identifiers in turn);
 * - `resources` (default 20000): S3 buckets;
 * - `noncompliant-ratio` (default 0.3): expected share of NON_COMPLIANT among all evaluation results;
 * - `seed` (default 1): PRNG seed; the same parameters always give the same account.
 *
 * Shape: buckets belong to teams (tag `compliance-scope`); team sizes fall off geometrically (skewed), so the
 * rules of the first teams have hundreds or thousands of non-compliant buckets (several pages) and the rules of
 * the last teams few or none. Every team has rules (five per team, one per identifier; the last team may have
 * fewer), each scoped to its team by TagKey/TagValue, so every bucket is evaluated by its team's rules. Each
 * identifier has its own failure rate around the ratio (their mean is the ratio). Rules are declared with
 * `evaluatedAgoSeconds`, so they are evaluated by the real evaluators when the state is first used.
 */
import { prng } from '../core/faults.js';
import type { ResourcesState, S3BucketState } from '../core/state.js';
import { readSeedScenario } from '../services/config/scenario-base.js';
import { normalizeScenario, type Scenario } from '../core/scenario.js';
import { deriveRuleId, ruleArn, type ConfigStateInput, type RuleRecordInput } from '../services/config/state.js';

export interface ScaleParams {
  rules: number;
  resources: number;
  noncompliantRatio: number;
  seed: number;
}

export const SCALE_DEFAULTS: Readonly<ScaleParams> = { rules: 130, resources: 20000, noncompliantRatio: 0.3, seed: 1 };

/** The tag that scopes rules to teams. */
export const SCOPE_TAG_KEY = 'compliance-scope';

const IDENTIFIERS = [
  'S3_BUCKET_LOGGING_ENABLED',
  'S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED',
  'S3_BUCKET_VERSIONING_ENABLED',
  'S3_BUCKET_PUBLIC_READ_PROHIBITED',
  'S3_BUCKET_PUBLIC_WRITE_PROHIBITED'
] as const;
/** Per identifier, how far its failure rate sits from the ratio (sum 0, so the mean rate is the ratio). */
const RATE_DEVIATION = [0.5, -0.5, 0.3, -0.1, -0.2];
/** Each team is this fraction of the size of the previous one. */
const TEAM_DECAY = 0.7;
const EVALUATED_AGO_SECONDS = 1800;

const ORGS = ['acme-health', 'northwind-care', 'contoso-med', 'lakeside-hospital', 'fabrikam-clinic'];
const ENVS = ['prod', 'stage', 'dev', 'qa', 'dr'];
const APPS = [
  'claims',
  'patient-portal',
  'imaging',
  'billing',
  'ehr-sync',
  'lab-results',
  'pharmacy',
  'telehealth',
  'scheduling',
  'analytics'
];
const PURPOSES = ['uploads', 'exports', 'archive', 'backups', 'reports', 'raw', 'curated', 'artifacts', 'static'];

const PARAM_NAMES: Record<string, keyof ScaleParams> = {
  rules: 'rules',
  resources: 'resources',
  'noncompliant-ratio': 'noncompliantRatio',
  seed: 'seed'
};

/** Reads the scenario parameters; an unknown name or a malformed value is an error naming it. */
export function parseScaleParams(params: Record<string, string> = {}): ScaleParams {
  const out: ScaleParams = { ...SCALE_DEFAULTS };
  for (const [name, raw] of Object.entries(params)) {
    const key = PARAM_NAMES[name];
    if (!key)
      throw new Error(`scenario scale: unknown parameter '${name}' (known: ${Object.keys(PARAM_NAMES).join(', ')})`);
    const value = raw.trim();
    if (key === 'noncompliantRatio') {
      const n = Number(value);
      if (value === '' || !Number.isFinite(n) || n < 0 || n > 1) {
        throw new Error(`scenario scale: noncompliant-ratio must be a number from 0 to 1, got '${raw}'`);
      }
      out.noncompliantRatio = n;
    } else {
      const max = key === 'rules' ? 1000 : key === 'resources' ? 1_000_000 : 2 ** 32 - 1;
      if (!/^\d+$/.test(value) || Number(value) > max) {
        throw new Error(`scenario scale: ${name} must be an integer from 0 to ${max}, got '${raw}'`);
      }
      out[key] = Number(value);
    }
  }
  return out;
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

function hex(rand: () => number, length: number): string {
  let s = '';
  while (s.length < length)
    s += Math.floor(rand() * 0x100000000)
      .toString(16)
      .padStart(8, '0');
  return s.slice(0, length);
}

/** A valid, unique S3 bucket name of at most 63 characters; about a quarter carry long generated ids. */
function bucketName(rand: () => number, index: number): string {
  const suffix = index.toString(36);
  const base =
    rand() < 0.25
      ? `${pick(rand, APPS)}-${pick(rand, ENVS)}-us-east-1-${hex(rand, 24 + Math.floor(rand() * 20))}`
      : `${pick(rand, ORGS)}-${pick(rand, ENVS)}-${pick(rand, APPS)}-${pick(rand, PURPOSES)}`;
  const room = 63 - suffix.length - 1;
  return `${base.slice(0, room).replace(/-+$/, '')}-${suffix}`;
}

export function teamName(team: number): string {
  return `team-${String(team).padStart(3, '0')}`;
}

function kebab(identifier: string): string {
  return identifier.toLowerCase().replace(/_/g, '-');
}

export function scaleRuleName(index: number): string {
  return `${kebab(IDENTIFIERS[index % IDENTIFIERS.length]!)}-${teamName(Math.floor(index / IDENTIFIERS.length))}`;
}

interface Generated {
  params: ScaleParams;
  buckets: S3BucketState[];
  /** Per rule name: buckets in scope and non-compliant buckets. */
  counts: Map<string, { inScope: number; nonCompliant: number }>;
}

function generate(p: ScaleParams): Generated {
  const rand = prng(p.seed);
  const teams = Math.max(1, Math.ceil(p.rules / IDENTIFIERS.length));
  const cumulative: number[] = [];
  let total = 0;
  for (let t = 0; t < teams; t++) {
    total += TEAM_DECAY ** t;
    cumulative.push(total);
  }
  const spread = Math.min(p.noncompliantRatio, 1 - p.noncompliantRatio);
  const rates = RATE_DEVIATION.map(d => p.noncompliantRatio + d * spread);
  const perTeam = Array.from({ length: teams }, () => ({ size: 0, bad: IDENTIFIERS.map(() => 0) }));

  const buckets: S3BucketState[] = [];
  let logTarget = '';
  for (let i = 0; i < p.resources; i++) {
    const name = bucketName(rand, i);
    if (i === 0) logTarget = name;
    // Team by inverse CDF of the geometric weights (binary search).
    const x = rand() * total;
    let lo = 0;
    let hi = teams - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    const team = perTeam[lo]!;
    team.size++;
    const bad = rates.map(r => rand() < r);
    bad.forEach((b, k) => {
      if (b) team.bad[k]!++;
    });
    const bucket: S3BucketState = {
      name,
      region: 'us-east-1',
      tags: { [SCOPE_TAG_KEY]: teamName(lo), 'cost-center': `cc-${1000 + (i % 37)}` }
    };
    if (!bad[0]) bucket.logging = { targetBucket: logTarget, targetPrefix: `${name}/` };
    if (!bad[1]) bucket.encryption = i % 3 === 0 ? { sseAlgorithm: 'aws:kms' } : { sseAlgorithm: 'AES256' };
    if (bad[2]) {
      if (i % 2 === 0) bucket.versioning = 'Suspended';
    } else {
      bucket.versioning = 'Enabled';
    }
    if (bad[3]) bucket.publicRead = true;
    if (bad[4]) bucket.publicWrite = true;
    buckets.push(bucket);
  }

  const counts = new Map<string, { inScope: number; nonCompliant: number }>();
  for (let r = 0; r < p.rules; r++) {
    const team = perTeam[Math.floor(r / IDENTIFIERS.length)]!;
    counts.set(scaleRuleName(r), { inScope: team.size, nonCompliant: team.bad[r % IDENTIFIERS.length]! });
  }
  return { params: p, buckets, counts };
}

/** Exact NON_COMPLIANT resource count per rule name for these parameters (computed by the generator). */
export function expectedNonCompliantCounts(params: Record<string, string> = {}): Record<string, number> {
  const { counts } = generate(parseScaleParams(params));
  return Object.fromEntries([...counts].map(([name, c]) => [name, c.nonCompliant]));
}

/** Exact number of evaluated (in-scope) resources per rule name for these parameters. */
export function expectedScopeSizes(params: Record<string, string> = {}): Record<string, number> {
  const { counts } = generate(parseScaleParams(params));
  return Object.fromEntries([...counts].map(([name, c]) => [name, c.inScope]));
}

export function build(params: Record<string, string> = {}): Scenario {
  const p = parseScaleParams(params);
  const { buckets } = generate(p);
  const scenario = readSeedScenario();
  const state = scenario.state;
  const accountId = state.accountId ?? '123456789012';
  const region = state.region ?? 'us-east-1';
  scenario.name = 'scale';
  scenario.description =
    `${p.resources} S3 buckets and ${p.rules} Config rules (skewed by team), about ` +
    `${Math.round(p.noncompliantRatio * 100)}% of evaluation results NON_COMPLIANT (seed ${p.seed}).`;
  state.resources = {
    s3Buckets: Object.fromEntries(buckets.map(b => [b.name, b])),
    ebsEncryptionByDefault: { [region]: true },
    ebsVolumes: {},
    trails: {},
    rdsInstances: {},
    vpcs: {},
    snsTopics: state.resources?.snsTopics ?? {}
  } satisfies ResourcesState;
  const rules: Record<string, RuleRecordInput> = {};
  const ids = new Set<string>();
  let sequence = 0;
  for (let r = 0; r < p.rules; r++) {
    const name = scaleRuleName(r);
    let id: string;
    do id = deriveRuleId(accountId, region, name, ++sequence);
    while (ids.has(id));
    ids.add(id);
    rules[name] = {
      rule: {
        ConfigRuleName: name,
        ConfigRuleArn: ruleArn(region, accountId, id),
        ConfigRuleId: id,
        Scope: {
          ComplianceResourceTypes: ['AWS::S3::Bucket'],
          TagKey: SCOPE_TAG_KEY,
          TagValue: teamName(Math.floor(r / IDENTIFIERS.length))
        },
        Source: { Owner: 'AWS', SourceIdentifier: IDENTIFIERS[r % IDENTIFIERS.length]! },
        ConfigRuleState: 'ACTIVE'
      },
      evaluatedAgoSeconds: EVALUATED_AGO_SECONDS
    };
  }
  const config: ConfigStateInput = { rules, remediationConfigurations: {}, ruleSequence: sequence };
  state.config = config as Record<string, unknown>;
  return normalizeScenario(scenario, 'scenarios/scale.ts', 'scale');
}
