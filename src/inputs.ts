/**
 * The only module that reads action inputs. Every input is declared once in INPUTS (name, default, description);
 * a test keeps this table, action.yml and README's table in step. getOptions() returns one typed, frozen Options.
 */
import * as core from '@actions/core';
import { isAbsolute, join } from 'node:path';
import { InputError } from './errors.js';
import { WORKFLOW_EVENTS } from './run-context.js';
import { defaultSessionName } from './util/session-name.js';
import { proxySettings, type ProxySettings } from './util/proxy.js';

export { defaultSessionName, sanitizeSessionName } from './util/session-name.js';

/** When the step fails (input fail-on). */
export type FailOn = 'noncompliant' | 'new-noncompliant' | 'stale' | 'insufficient-data' | 'drift' | 'never';

export interface InputSpec {
  description: string;
  required?: boolean;
  /** The default as written in action.yml (always a string). */
  default?: string;
}

export const INPUTS = {
  'aws-region': { description: 'AWS region of the account to check, e.g. us-east-1.', required: true },
  'role-to-assume': {
    description:
      'ARN of the IAM role to assume with GitHub OIDC (needs `permissions: id-token: write`). Without it, the AWS SDK default credential chain is used.',
    default: ''
  },
  audience: { description: 'Audience of the GitHub OIDC token.', default: 'sts.amazonaws.com' },
  'role-session-name': {
    description:
      'Role session name. Default: gh-RUN_ID-RUN_ATTEMPT-ACTOR@OWNER.REPO (CloudTrail records it with every call), cut to 64 characters and sanitised to the characters STS accepts (letters, digits, +=,.@_-).',
    default: ''
  },
  'role-duration-seconds': { description: 'Role session duration in seconds (900 to 43200).', default: '3600' },
  'allowed-account-ids': {
    description: 'AWS account ids (comma or newline separated) the role must belong to; the run fails on any other.',
    default: ''
  },
  'max-attempts': { description: 'Attempts per AWS call, retries included (1 to 20).', default: '5' },
  'web-identity-token-file': {
    description:
      'With role-to-assume: read the OIDC token from this file (absolute, or relative to the workspace) instead of requesting one from GitHub.',
    default: ''
  },
  'http-proxy': {
    description:
      'Proxy URL (http://[user:password@]host:port) for every AWS call and the OIDC token request. Default: HTTPS_PROXY / HTTP_PROXY; NO_PROXY hosts bypass either.',
    default: ''
  },
  config: {
    description:
      'Path of the compliance manifest. When the default file does not exist and no conformance-pack is given, deploy is skipped and every rule in the account is checked.',
    default: '.github/compliance.yml'
  },
  'conformance-pack': {
    description:
      'Shortcut without a manifest: a built-in pack name (hipaa-security) or the path of a conformance pack template.',
    default: ''
  },
  deploy: {
    description:
      'plan (show differences, change nothing), apply (make AWS match the manifest), destroy (delete what the manifest manages), or off.',
    default: 'plan'
  },
  prune: {
    description: 'With deploy: apply, also delete managed rules, remediations and runbooks no longer in the manifest.',
    default: 'false'
  },
  'deploy-as': {
    description:
      'How deploy puts the manifest into AWS Config: rules (each rule and remediation on its own), conformance-pack (one conformance pack per manifest pack, loose rules as a generated pack) or organization-conformance-pack (the same packs to every member account, from the management account).',
    default: 'rules'
  },
  'template-s3-bucket': {
    description:
      'S3 bucket for conformance pack templates larger than the 51,200-byte TemplateBody limit (deploy-as: conformance-pack or organization-conformance-pack).',
    default: ''
  },
  'excluded-accounts': {
    description:
      'With deploy-as: organization-conformance-pack: 12-digit member account ids (one per line or comma separated) that do not get the packs.',
    default: ''
  },
  rules: {
    description:
      'Config rule names to check (one per line or comma separated). Default: the rules the manifest declares, or every rule in the account without one.',
    default: ''
  },
  evaluate: {
    description: 'Start a fresh evaluation of the checked rules first and wait for it to finish.',
    default: 'false'
  },
  'evaluation-timeout': { description: 'Seconds to wait for a started evaluation.', default: '300' },
  'max-result-age': {
    description:
      'Override (e.g. 30m, 24h, 7d): results older than this are stale, whatever the trigger of the rule. Default none: a result is stale when the last evaluation of its rule failed, or a periodic rule was last evaluated more than its frequency plus 1h ago; change-triggered rules are never stale by age.',
    default: ''
  },
  'fail-on': {
    description:
      'When the step fails: any of noncompliant, new-noncompliant (not in the baseline), stale, insufficient-data, drift (comma separated), or never.',
    default: 'noncompliant'
  },
  'report-dir': {
    description: 'Directory for the reports (JSON report, plan, remediation plan, audit log).',
    default: 'compliance-report'
  },
  remediate: {
    description:
      'off, plan (dry run: compute the remediation plan, change nothing) or apply (run the remediations of the plan).',
    default: 'off'
  },
  'remediate-rules': {
    description:
      'Only remediate findings of these rules (one per line or comma separated). Default: every rule with a remediation.',
    default: ''
  },
  'remediate-resources': {
    description:
      'Only remediate these resource ids (one per line or comma separated). Default: every non-compliant, unwaived one.',
    default: ''
  },
  'max-remediations': {
    description: 'More targets than this refuses the whole remediation run (listing them) rather than doing some.',
    default: '10'
  },
  'approved-plan-hash': {
    description:
      'With remediate: apply, refuse unless the recomputed remediation plan has this hash (from an approved plan run).',
    default: ''
  },
  'approved-plan-file': {
    description:
      'The approved remediation-plan.json; when the plan changed since approval, only its targets still non-compliant are run.',
    default: ''
  },
  'remediate-on': {
    description:
      'Events (comma or newline separated) on which remediate: apply runs; any other event refuses it. Naming a pull-request event or workflow_run warns: they run untrusted code. Fork pull requests never remediate.',
    default: 'workflow_dispatch,schedule'
  },
  'remediation-timeout': { description: 'Seconds to wait for the remediations to finish.', default: '900' },
  'error-percent': {
    description: 'Stop starting new remediations once this percentage of those started has failed.',
    default: '50'
  },
  alert: {
    description: 'SNS alert to the manifest topic: never, on-change (new non-compliance or any remediation) or always.',
    default: 'on-change'
  },
  templates: {
    description:
      'CloudFormation templates (globs, one per line) that define the account resources: findings land on their lines.',
    default: ''
  },
  'pre-deploy': {
    description:
      'Evaluate template resources before deploy with AWS Config proactive evaluation: off, changed (templates changed in the pull request) or all.',
    default: 'off'
  },
  'github-token': {
    description: 'Token for the Checks API and the pull request files (needs checks: write to create a check run).',
    default: '${{ github.token }}'
  },
  checks: {
    description:
      'auto (a check run with every finding when the token can write checks, else annotations), on (always try) or off.',
    default: 'auto'
  },
  'sarif-file': {
    description:
      'Path of the SARIF 2.1.0 report for code scanning (github/codeql-action/upload-sarif). Default: compliance.sarif in report-dir.',
    default: ''
  },
  'sarif-include-waived': {
    description: 'Keep waived findings in the SARIF report as suppressed results (code scanning ignores suppressions).',
    default: 'false'
  },
  'audit-log-group': {
    description:
      'CloudWatch Logs log group that receives every remediation audit record as well (overrides audit.log-group in the manifest); created when missing with audit.retention-days (default 2192, six years). Remediation is refused when it cannot be written.',
    default: ''
  },
  'security-hub': {
    description:
      'off, or notes: note each remediation outcome and alert on the Security Hub finding of AWS Config for that rule and resource (workflow RESOLVED when verified, else NOTIFIED).',
    default: 'off'
  },
  'review-days': {
    description:
      'Remediation effectiveness review over this many past days of the audit log group (e.g. 30): counts, detection-to-verified times, repeat offenders. Empty: off.',
    default: ''
  },
  baseline: {
    description:
      'Path of an earlier compliance-report.json (e.g. from the default branch); with fail-on: new-noncompliant only findings not in it fail.',
    default: ''
  }
} as const satisfies Record<string, InputSpec>;

export type InputName = keyof typeof INPUTS;

export type DeployMode = 'plan' | 'apply' | 'destroy' | 'off';
export type DeployAs = 'rules' | 'conformance-pack' | 'organization-conformance-pack';
export type RemediateMode = 'off' | 'plan' | 'apply';
export type AlertMode = 'never' | 'on-change' | 'always';
export type PreDeployMode = 'off' | 'changed' | 'all';
export type ChecksMode = 'auto' | 'on' | 'off';
export type SecurityHubMode = 'off' | 'notes';

/** Retention of an audit log group the action creates: six years, 45 CFR 164.316(b)(2)(i). */
export const DEFAULT_AUDIT_RETENTION_DAYS = 2192;

export interface Options {
  region: string;
  config: string;
  /** True when config differs from its default (a missing file is then an error). */
  configExplicit: boolean;
  conformancePack?: string;
  deploy: DeployMode;
  prune: boolean;
  deployAs: DeployAs;
  templateS3Bucket?: string;
  /** deploy-as: organization-conformance-pack: accounts that do not get the packs. */
  excludedAccounts: readonly string[];
  roleToAssume?: string;
  audience: string;
  roleSessionName: string;
  roleDurationSeconds: number;
  /** web-identity-token-file, resolved against the workspace. */
  webIdentityTokenFile?: string;
  /** From http-proxy or the proxy variables; absent: direct connections. */
  proxy?: ProxySettings;
  allowedAccountIds: readonly string[];
  maxAttempts: number;
  rules: readonly string[];
  evaluate: boolean;
  evaluationTimeoutSeconds: number;
  /** The max-result-age override; undefined (the default): freshness by trigger type (compliance/freshness.ts). */
  maxResultAgeSeconds?: number;
  failOn: readonly FailOn[];
  reportDir: string;
  remediate: RemediateMode;
  remediateRules: readonly string[];
  remediateResources: readonly string[];
  maxRemediations: number;
  approvedPlanHash?: string;
  approvedPlanFile?: string;
  /** Events on which remediate: apply runs (validated GitHub event names, at least one). */
  remediateOn: readonly string[];
  remediationTimeoutSeconds: number;
  errorPercent: number;
  alert: AlertMode;
  templates: readonly string[];
  preDeploy: PreDeployMode;
  /** Empty when none was given (no Checks API, no PR files). Never logged. */
  githubToken: string;
  checks: ChecksMode;
  sarifFile: string;
  sarifIncludeWaived: boolean;
  baseline?: string;
  /** CloudWatch Logs group of the audit trail (the input; the manifest's audit.log-group applies when absent). */
  auditLogGroup?: string;
  securityHub: SecurityHubMode;
  /** Days of audit records the effectiveness review reads; absent: no review. */
  reviewDays?: number;
}

/** Reads raw input values; the default reads them from the action's environment through @actions/core. */
export type InputReader = (name: InputName) => string;

const coreReader: InputReader = name => core.getInput(name, { trimWhitespace: true });

const REGION = /^[a-z]{2}(-gov|-iso[a-z]{0,2})?-[a-z]+-\d{1,2}$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const ACCOUNT_ID = /^\d{12}$/;
const FAIL_ON: readonly FailOn[] = ['noncompliant', 'new-noncompliant', 'stale', 'insufficient-data', 'drift', 'never'];
const DEPLOY_MODES: readonly DeployMode[] = ['plan', 'apply', 'destroy', 'off'];

/** deploy-as and its inputs: template-s3-bucket, excluded-accounts (organization packs only). */
function deployAsInputs(read: InputReader): Pick<Options, 'deployAs' | 'templateS3Bucket' | 'excludedAccounts'> {
  const deployAs = parseChoice('deploy-as', read('deploy-as') || INPUTS['deploy-as'].default, [
    'rules',
    'conformance-pack',
    'organization-conformance-pack'
  ] as const);
  const excludedAccounts = [...new Set(parseList(read('excluded-accounts')))];
  for (const id of excludedAccounts) {
    if (!ACCOUNT_ID.test(id)) {
      throw new InputError(
        'excluded-accounts',
        `Input 'excluded-accounts' must list 12-digit account ids, got '${id}'.`
      );
    }
  }
  if (excludedAccounts.length > 0 && deployAs !== 'organization-conformance-pack') {
    throw new InputError(
      'excluded-accounts',
      `Input 'excluded-accounts' works with deploy-as: organization-conformance-pack, not with deploy-as: ${deployAs}.`
    );
  }
  const bucket = read('template-s3-bucket');
  // S3 bucket naming rules: 3-63 characters, lower-case letters, digits, dots and hyphens, starting and ending with a
  // letter or digit (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html).
  if (bucket !== '' && !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    throw new InputError('template-s3-bucket', `Input 'template-s3-bucket' is not an S3 bucket name: '${bucket}'.`);
  }
  return { deployAs, excludedAccounts, ...(bucket !== '' ? { templateS3Bucket: bucket } : {}) };
}

/** Splits a list input on newlines and commas, trimming and dropping empties. */
export function parseList(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map(s => s.trim())
    .filter(s => s !== '');
}

function parseChoice<T extends string>(name: InputName, value: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value)) {
    throw new InputError(name, `Input '${name}' must be one of ${choices.join(', ')}, got '${value}'.`);
  }
  return value as T;
}

/** Parses a whole number strictly: 'abc', '1.5', '10s' and out-of-range values are errors naming the input. */
export function parseInteger(name: string, value: string, min: number, max: number): number {
  if (!/^\d+$/.test(value)) {
    throw new InputError(name, `Input '${name}' must be a whole number from ${min} to ${max}, got '${value}'.`);
  }
  const n = Number(value);
  if (n < min || n > max) {
    throw new InputError(name, `Input '${name}' must be from ${min} to ${max}, got '${value}'.`);
  }
  return n;
}

/** YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts them. */
function parseBoolean(name: string, value: string): boolean {
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new InputError(name, `Input '${name}' must be true or false, got '${value}'.`);
}

const DURATION_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** Parses a duration such as 90s, 30m, 24h or 7d into seconds. */
/** The max-result-age input: empty means no override. */
function maxResultAge(value: string): { maxResultAgeSeconds?: number } {
  return value === '' ? {} : { maxResultAgeSeconds: parseDuration('max-result-age', value) };
}

export function parseDuration(name: string, value: string): number {
  const m = /^(\d+)\s*([smhd])$/.exec(value);
  if (!m || Number(m[1]) === 0) {
    throw new InputError(
      name,
      `Input '${name}' must be a positive duration with a unit (s, m, h or d), e.g. 24h; got '${value}'.`
    );
  }
  return Number(m[1]) * (DURATION_UNITS[m[2]!] ?? 1);
}

export function parseFailOn(value: string): FailOn[] {
  const items = parseList(value);
  if (items.length === 0) {
    throw new InputError('fail-on', `Input 'fail-on' must name at least one of ${FAIL_ON.join(', ')}.`);
  }
  for (const item of items) {
    if (!(FAIL_ON as readonly string[]).includes(item)) {
      throw new InputError('fail-on', `Input 'fail-on' has an unknown value '${item}'; use ${FAIL_ON.join(', ')}.`);
    }
  }
  if (items.includes('never') && items.length > 1) {
    throw new InputError('fail-on', `Input 'fail-on': 'never' cannot be combined with other values, got '${value}'.`);
  }
  return [...new Set(items)] as FailOn[];
}

/**
 * Inputs that no longer exist, with what replaces them. GitHub still passes an input the action does not declare
 * (as INPUT_NAME, with a warning), so a workflow that sets one is refused rather than silently ignored.
 */
const REMOVED_INPUTS: Readonly<Record<string, string>> = {
  'allow-on-pull-request':
    "Input 'allow-on-pull-request' was removed: use 'remediate-on' to name the events on which remediate: apply runs (default workflow_dispatch,schedule)."
};

function checkRemovedInputs(env: NodeJS.ProcessEnv): void {
  for (const [name, message] of Object.entries(REMOVED_INPUTS)) {
    // @actions/core's naming of the variable: INPUT_ + name with spaces as _, upper case.
    const value = env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`];
    if (value !== undefined && value.trim() !== '') throw new InputError(name, message);
  }
}

/** remediate-on: GitHub event names (comma or newline separated), at least one, each a known workflow event. */
function parseRemediateOn(value: string): string[] {
  const items = [...new Set(parseList(value))];
  if (items.length === 0) {
    throw new InputError('remediate-on', "Input 'remediate-on' must name at least one event, e.g. workflow_dispatch.");
  }
  for (const item of items) {
    if (!WORKFLOW_EVENTS.has(item)) {
      throw new InputError(
        'remediate-on',
        `Input 'remediate-on' has '${item}', which is not an event that triggers workflows (e.g. workflow_dispatch, schedule, push).`
      );
    }
  }
  return items;
}

export function getOptions(read: InputReader = coreReader, env: NodeJS.ProcessEnv = process.env): Readonly<Options> {
  checkRemovedInputs(env);
  const region = read('aws-region');
  if (region === '') {
    throw new InputError('aws-region', "Input 'aws-region' is required (e.g. us-east-1).");
  }
  if (!REGION.test(region)) {
    throw new InputError('aws-region', `Input 'aws-region' is not an AWS region: '${region}'.`);
  }
  const roleToAssume = read('role-to-assume');
  if (roleToAssume !== '' && !ROLE_ARN.test(roleToAssume)) {
    throw new InputError(
      'role-to-assume',
      `Input 'role-to-assume' must be an IAM role ARN such as arn:aws:iam::123456789012:role/NAME, got '${roleToAssume}'.`
    );
  }
  const audience = read('audience') || INPUTS.audience.default;

  const sessionInput = read('role-session-name');
  if (sessionInput !== '' && !/^[\w+=,.@-]{2,64}$/.test(sessionInput)) {
    throw new InputError(
      'role-session-name',
      `Input 'role-session-name' must be 2 to 64 characters of letters, digits and +=,.@_-, got '${sessionInput}'.`
    );
  }
  const allowedAccountIds = parseList(read('allowed-account-ids'));
  for (const id of allowedAccountIds) {
    if (!ACCOUNT_ID.test(id)) {
      throw new InputError(
        'allowed-account-ids',
        `Input 'allowed-account-ids' must list 12-digit account ids, got '${id}'.`
      );
    }
  }
  const reportDir = read('report-dir') || INPUTS['report-dir'].default;
  const config = read('config') || INPUTS.config.default;
  const deploy = (read('deploy') || INPUTS.deploy.default) as DeployMode;
  if (!DEPLOY_MODES.includes(deploy)) {
    throw new InputError('deploy', `Input 'deploy' must be one of ${DEPLOY_MODES.join(', ')}, got '${deploy}'.`);
  }
  const prune = parseBoolean('prune', read('prune') || INPUTS.prune.default);
  if (prune && deploy !== 'apply' && deploy !== 'plan') {
    throw new InputError(
      'prune',
      `Input 'prune' works with deploy: apply (or plan, to preview), not with deploy: ${deploy}.`
    );
  }
  const conformancePack = read('conformance-pack');
  const packInputs = deployAsInputs(read);
  const approvedPlanHash = read('approved-plan-hash');
  if (approvedPlanHash !== '' && !/^[0-9a-f]{64}$/.test(approvedPlanHash)) {
    throw new InputError(
      'approved-plan-hash',
      `Input 'approved-plan-hash' must be the 64-character sha256 hash of a remediation plan, got '${approvedPlanHash}'.`
    );
  }
  const approvedPlanFile = read('approved-plan-file');

  const options: Options = {
    region,
    config,
    configExplicit: config !== INPUTS.config.default,
    deploy,
    prune,
    ...packInputs,
    audience,
    roleSessionName: sessionInput || defaultSessionName(env),
    roleDurationSeconds: parseInteger(
      'role-duration-seconds',
      read('role-duration-seconds') || INPUTS['role-duration-seconds'].default,
      900,
      43200
    ),
    allowedAccountIds,
    maxAttempts: parseInteger('max-attempts', read('max-attempts') || INPUTS['max-attempts'].default, 1, 20),
    rules: [...new Set(parseList(read('rules')))],
    evaluate: parseBoolean('evaluate', read('evaluate') || INPUTS.evaluate.default),
    evaluationTimeoutSeconds: parseInteger(
      'evaluation-timeout',
      read('evaluation-timeout') || INPUTS['evaluation-timeout'].default,
      1,
      3600
    ),
    ...maxResultAge(read('max-result-age') || INPUTS['max-result-age'].default),
    failOn: parseFailOn(read('fail-on') || INPUTS['fail-on'].default),
    reportDir,
    remediate: parseChoice('remediate', read('remediate') || INPUTS.remediate.default, [
      'off',
      'plan',
      'apply'
    ] as const),
    remediateRules: [...new Set(parseList(read('remediate-rules')))],
    remediateResources: [...new Set(parseList(read('remediate-resources')))],
    maxRemediations: parseInteger(
      'max-remediations',
      read('max-remediations') || INPUTS['max-remediations'].default,
      1,
      1000
    ),
    remediateOn: parseRemediateOn(read('remediate-on') || INPUTS['remediate-on'].default),
    remediationTimeoutSeconds: parseInteger(
      'remediation-timeout',
      read('remediation-timeout') || INPUTS['remediation-timeout'].default,
      10,
      21600
    ),
    errorPercent: parseInteger('error-percent', read('error-percent') || INPUTS['error-percent'].default, 1, 100),
    alert: parseChoice('alert', read('alert') || INPUTS.alert.default, ['never', 'on-change', 'always'] as const),
    templates: read('templates')
      .split('\n')
      .map(l => l.trim())
      .filter(l => l !== ''),
    preDeploy: parseChoice('pre-deploy', read('pre-deploy') || INPUTS['pre-deploy'].default, [
      'off',
      'changed',
      'all'
    ] as const),
    githubToken: read('github-token'),
    checks: parseChoice('checks', read('checks') || INPUTS.checks.default, ['auto', 'on', 'off'] as const),
    sarifFile: read('sarif-file') || `${reportDir.replace(/[\\/]+$/, '')}/compliance.sarif`,
    sarifIncludeWaived: parseBoolean(
      'sarif-include-waived',
      read('sarif-include-waived') || INPUTS['sarif-include-waived'].default
    ),
    securityHub: parseChoice('security-hub', read('security-hub') || INPUTS['security-hub'].default, [
      'off',
      'notes'
    ] as const)
  };
  const auditLogGroup = read('audit-log-group');
  // CreateLogGroup: 1 to 512 characters of a-z, A-Z, 0-9, '_', '-', '/', '.' and '#'
  // (https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html).
  if (auditLogGroup !== '' && !/^[.\-_/#A-Za-z0-9]{1,512}$/.test(auditLogGroup)) {
    throw new InputError(
      'audit-log-group',
      `Input 'audit-log-group' must be a CloudWatch Logs log group name (1 to 512 of a-z, A-Z, 0-9, _ - / . #), got '${auditLogGroup}'.`
    );
  }
  if (auditLogGroup !== '') options.auditLogGroup = auditLogGroup;
  const reviewDays = read('review-days');
  if (reviewDays !== '') options.reviewDays = parseInteger('review-days', reviewDays, 1, 3653);
  if (options.preDeploy !== 'off' && options.templates.length === 0) {
    throw new InputError(
      'pre-deploy',
      `Input 'pre-deploy: ${options.preDeploy}' needs the 'templates' input (globs of CloudFormation templates).`
    );
  }
  const baseline = read('baseline');
  if (baseline !== '') options.baseline = baseline;
  if (options.failOn.includes('new-noncompliant') && !options.baseline) {
    throw new InputError(
      'fail-on',
      "Input 'fail-on: new-noncompliant' needs the 'baseline' input (an earlier compliance-report.json)."
    );
  }
  if (roleToAssume !== '') options.roleToAssume = roleToAssume;
  const tokenFile = read('web-identity-token-file');
  if (tokenFile !== '') {
    if (roleToAssume === '') {
      throw new InputError(
        'web-identity-token-file',
        "Input 'web-identity-token-file' needs 'role-to-assume' (the role the token is exchanged for)."
      );
    }
    // As aws-actions/configure-aws-credentials: a relative path is relative to the workspace.
    options.webIdentityTokenFile = isAbsolute(tokenFile)
      ? tokenFile
      : join(env.GITHUB_WORKSPACE ?? process.cwd(), tokenFile);
  }
  const proxy = proxySettings(read('http-proxy'), env);
  if (proxy) options.proxy = proxy;
  if (conformancePack !== '') options.conformancePack = conformancePack;
  if (approvedPlanHash !== '') options.approvedPlanHash = approvedPlanHash;
  if (approvedPlanFile !== '') options.approvedPlanFile = approvedPlanFile;
  return Object.freeze(options);
}
