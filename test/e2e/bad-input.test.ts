/**
 * The bad-input corpus: every way a user (or a pull request) can hand the action something wrong, run through
 * run() in-process against the simulator. Each case must fail with a message that names the file and line, or the
 * input and the value, and print no stack trace.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cleanup, REPO_ROOT, runInProcess, type ActionRunResult } from '../helpers/action-env.js';
import { startSimulator, type FaultConfig, type Simulator } from 'aws-sim';

const ROLE = 'arn:aws:iam::123456789012:role/compliance-gate';
const MANIFEST = '.github/compliance.yml';
const RUNBOOK = readFileSync(join(REPO_ROOT, 'examples/seed/runbooks/my-hipaa-alerting-runbook.yaml'), 'utf8');
const RULE = ['rules:', '  - name: s3-bucket-logging-enabled', '    identifier: S3_BUCKET_LOGGING_ENABLED'].join('\n');
const manifest = (...lines: string[]): string => ['version: 1', ...lines].join('\n') + '\n';
const PACK = [
  'Resources:',
  '  S3Logging:',
  '    Type: AWS::Config::ConfigRule',
  '    Properties:',
  '      ConfigRuleName: s3-bucket-logging-enabled',
  '      Source:',
  '        Owner: AWS',
  '        SourceIdentifier: S3_BUCKET_LOGGING_ENABLED'
].join('\n');
/** Anchors of nine aliases of the previous one: 9^4 nodes once expanded. */
const ALIAS_BOMB = [
  'a: &a [x, x, x, x, x, x, x, x, x]',
  'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
  'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
  'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]'
].join('\n');

interface Case {
  name: string;
  /** Files to write in the workspace (path relative to it -> text). */
  files?: Record<string, string>;
  /** Anything else to prepare in the workspace. */
  setup?: (dir: string) => void;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  faults?: FaultConfig;
  /** The simulator's GitHub context (default main). */
  context?: string;
  expected: RegExp;
  /** Not applicable here (e.g. permissions when running as root). */
  skip?: boolean;
  /** The message is a warning annotation at this file and line, and the step does not fail. */
  warning?: string;
}

const withRunbook = (runbook: string, extra = ''): Record<string, string> => ({
  [MANIFEST]: manifest(RULE, 'runbooks:', '  - path: runbooks/r.yaml', '    name: alerting-runbook') + extra,
  '.github/runbooks/r.yaml': runbook.replace('{{AutomationAssumeRole}}', '{{ AutomationAssumeRole }}')
});

const CASES: Case[] = [
  // ---- malformed YAML in the manifest
  {
    name: 'manifest: unclosed flow sequence',
    files: { [MANIFEST]: 'version: 1\nrules: [\n  - name: x\n' },
    expected: /compliance\.yml:\d+:\d+: invalid YAML/
  },
  {
    name: 'manifest: tab indentation',
    files: { [MANIFEST]: 'version: 1\nrules:\n\t- name: x\n' },
    expected: /compliance\.yml:3:\d+: invalid YAML/
  },
  {
    name: 'manifest: duplicate key',
    files: { [MANIFEST]: 'version: 1\nversion: 1\n' },
    expected: /compliance\.yml:2:1: invalid YAML: Map keys must be unique/
  },
  {
    name: 'manifest: unclosed quote',
    files: { [MANIFEST]: 'version: 1\nrules:\n  - name: "x\n' },
    expected: /compliance\.yml:\d+:\d+: invalid YAML/
  },
  {
    name: 'manifest: bad indentation of a mapping',
    files: { [MANIFEST]: 'version: 1\nrules:\n  - name: x\n   identifier: Y\n' },
    expected: /compliance\.yml:\d+:\d+: invalid YAML/
  },
  {
    name: 'manifest: alias bomb',
    files: { [MANIFEST]: `version: 1\n${ALIAS_BOMB}\n` },
    expected: /compliance\.yml:3:8: YAML alias expansion limit exceeded \(maxAliasCount 100\)/
  },
  {
    name: 'manifest: undefined alias',
    files: { [MANIFEST]: 'version: 1\nrules: *nothing\n' },
    expected: /compliance\.yml:2:\d+: invalid YAML/
  },
  {
    name: 'manifest: empty document',
    files: { [MANIFEST]: '' },
    expected: /compliance\.yml:\d+:\d+: /
  },
  {
    name: 'manifest: a list, not a mapping',
    files: { [MANIFEST]: '- version: 1\n' },
    expected: /compliance\.yml:1:\d+: /
  },
  // ---- wrong types and unknown keys in the manifest
  {
    name: 'manifest: version 2',
    files: { [MANIFEST]: 'version: 2\n' },
    expected: /compliance\.yml:1:\d+: .*version/
  },
  {
    name: 'manifest: rules is a string',
    files: { [MANIFEST]: manifest('rules: all') },
    expected: /compliance\.yml:2:\d+: .*rules/
  },
  {
    name: 'manifest: rule name is a number',
    files: { [MANIFEST]: manifest('rules:', '  - name: 42', '    identifier: S3_BUCKET_LOGGING_ENABLED') },
    expected: /compliance\.yml:3:\d+: /
  },
  {
    name: 'manifest: unknown top-level key',
    files: { [MANIFEST]: manifest(RULE, 'rulez: []') },
    expected: /compliance\.yml:5:1: .*rulez/
  },
  {
    name: 'manifest: unknown key in a rule',
    files: { [MANIFEST]: manifest(RULE, '    frequency: daily') },
    expected: /compliance\.yml:5:5: .*frequency/
  },
  {
    name: 'manifest: rule without identifier',
    files: { [MANIFEST]: manifest('rules:', '  - name: s3-bucket-logging-enabled') },
    expected: /compliance\.yml:3:\d+: .*identifier/
  },
  {
    name: 'manifest: rule declared twice',
    files: {
      [MANIFEST]: manifest(RULE, '  - name: s3-bucket-logging-enabled', '    identifier: S3_BUCKET_LOGGING_ENABLED')
    },
    expected: /compliance\.yml:5:\d+: rule 's3-bucket-logging-enabled' is declared twice/
  },
  {
    name: 'manifest: unknown managed rule identifier (a warning: the catalogue may lag AWS)',
    // With a rule the account has, so the run checks something (a check of nothing fails whatever fail-on says); its
    // findings are warnings too, hence the line match (m).
    files: {
      [MANIFEST]: manifest(
        'rules:',
        '  - name: made-up',
        '    identifier: NO_SUCH_MANAGED_RULE',
        '  - name: s3-bucket-logging-enabled',
        '    identifier: S3_BUCKET_LOGGING_ENABLED'
      )
    },
    warning: 'file=.github/compliance.yml,line=3',
    expected: /^'NO_SUCH_MANAGED_RULE' is not a known AWS managed rule identifier \(rule made-up\)$/m
  },
  {
    name: 'manifest: invalid rule name characters',
    files: { [MANIFEST]: manifest('rules:', '  - name: "bad name!"', '    identifier: S3_BUCKET_LOGGING_ENABLED') },
    expected: /compliance\.yml:3:\d+: /
  },
  {
    name: 'manifest: bad SNS topic ARN in alerts',
    files: { [MANIFEST]: manifest(RULE, 'alerts:', '  sns-topic: not-an-arn') },
    expected: /compliance\.yml:6:\d+: /
  },
  {
    name: 'manifest: rule parameters is a list',
    files: { [MANIFEST]: manifest(RULE, '    parameters: [a, b]') },
    expected: /compliance\.yml:5:\d+: .*parameters/
  },
  {
    name: 'manifest: remediation of an undeclared rule',
    files: {
      ...withRunbook(
        RUNBOOK,
        [
          'remediations:',
          '  - rule: no-such-rule',
          '    runbook: alerting-runbook',
          '    resource-id-parameter: Message'
        ].join('\n') + '\n'
      )
    },
    expected: /compliance\.yml:\d+:\d+: .*no-such-rule/
  },
  {
    name: 'manifest: remediation names an unknown runbook',
    files: {
      [MANIFEST]: manifest(
        RULE,
        'remediations:',
        '  - rule: s3-bucket-logging-enabled',
        '    runbook: nowhere',
        '    resource-id-parameter: Message'
      )
    },
    expected: /compliance\.yml:\d+:\d+: .*nowhere/
  },
  {
    name: 'manifest: maximum-attempts is a string',
    files: {
      ...withRunbook(
        RUNBOOK,
        [
          'remediations:',
          '  - rule: s3-bucket-logging-enabled',
          '    runbook: alerting-runbook',
          '    resource-id-parameter: Message',
          '    maximum-attempts: many'
        ].join('\n') + '\n'
      )
    },
    expected: /compliance\.yml:\d+:\d+: .*maximum-attempts/
  },
  {
    name: "manifest: more rules than AWS Config's quota per account per Region (a warning)",
    files: {
      [MANIFEST]: manifest(
        'rules:',
        ...Array.from({ length: 1001 }, (_, i) => [
          `  - name: rule-${i}`,
          '    identifier: S3_BUCKET_LOGGING_ENABLED'
        ]).flat()
      )
    },
    inputs: { deploy: 'off', rules: 's3-bucket-logging-enabled' },
    warning: 'file=.github/compliance.yml,line=1',
    expected: /1001 rules declared: more than AWS Config's quota of 1000 rules per account per Region/
  },
  // ---- waivers
  ...['2027-02-30', '2026-13-01', '2026-02-29', '2026-04-31', '2026-00-10'].map((date): Case => ({
    name: `waiver: expires ${date} is not a calendar date`,
    files: {
      [MANIFEST]: manifest(
        RULE,
        'waivers:',
        '  - rule: s3-bucket-logging-enabled',
        '    resource: my-bucket',
        '    reason: accepted risk',
        '    owner: alice',
        `    expires: ${date}`
      )
    },
    expected: new RegExp(`compliance\\.yml:10:14: waiver expiry '${date}' is not a date`)
  })),
  {
    name: 'waiver: expires written as a timestamp',
    files: {
      [MANIFEST]: manifest(
        RULE,
        'waivers:',
        '  - rule: s3-bucket-logging-enabled',
        '    resource: my-bucket',
        '    reason: accepted risk',
        '    owner: alice',
        '    expires: 2027-01-01T00:00:00Z'
      )
    },
    expected: /compliance\.yml:10:\d+: .*expires/
  },
  {
    name: 'waiver: expired',
    files: {
      [MANIFEST]: manifest(
        RULE,
        'waivers:',
        '  - rule: s3-bucket-logging-enabled',
        '    resource: my-bucket',
        '    reason: accepted risk',
        '    owner: alice',
        '    expires: 2020-01-01'
      )
    },
    expected:
      /compliance\.yml:10:14: waiver for s3-bucket-logging-enabled \/ my-bucket \(owner alice\) expired on 2020-01-01/
  },
  // ---- files the manifest references
  {
    name: 'runbook path leaves the workspace (..)',
    files: { [MANIFEST]: manifest(RULE, 'runbooks:', '  - path: ../../../../../../etc/passwd') },
    expected:
      /compliance\.yml:6:11: runbook "\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd": .* is outside the workspace/
  },
  {
    name: 'runbook path is absolute, outside the workspace',
    files: { [MANIFEST]: manifest(RULE, 'runbooks:', '  - path: /etc/passwd') },
    expected:
      /compliance\.yml:6:11: runbook "\/etc\/passwd": the path is absolute; write it relative to the manifest's directory/
  },
  {
    name: 'runbook path is a symbolic link out of the workspace',
    files: { [MANIFEST]: manifest(RULE, 'runbooks:', '  - path: runbooks/r.yaml') },
    setup: dir => {
      const outside = mkdtempSync(join(tmpdir(), 'outside-'));
      writeFileSync(join(outside, 'r.yaml'), RUNBOOK);
      mkdirSync(join(dir, '.github', 'runbooks'), { recursive: true });
      symlinkSync(join(outside, 'r.yaml'), join(dir, '.github', 'runbooks', 'r.yaml'));
    },
    expected:
      /compliance\.yml:6:11: runbook "runbooks\/r\.yaml": .* is outside the workspace .*\(it resolves to .*outside-.*r\.yaml\)/
  },
  {
    name: 'pack template path leaves the workspace',
    files: { [MANIFEST]: manifest('packs:', '  - template: ../../../../../../etc/hosts') },
    expected: /compliance\.yml:3:15: template ".*etc\/hosts": .* is outside the workspace/
  },
  {
    name: 'pack template is a symbolic link out of the workspace',
    files: { [MANIFEST]: manifest('packs:', '  - template: pack.yaml') },
    setup: dir => {
      const outside = mkdtempSync(join(tmpdir(), 'outside-'));
      writeFileSync(join(outside, 'pack.yaml'), PACK);
      symlinkSync(join(outside, 'pack.yaml'), join(dir, '.github', 'pack.yaml'));
    },
    expected: /compliance\.yml:3:15: template "pack\.yaml": .*is outside the workspace/
  },
  {
    name: 'runbook file missing',
    files: { [MANIFEST]: manifest(RULE, 'runbooks:', '  - path: runbooks/missing.yaml') },
    expected: /compliance\.yml:6:11: runbook file not found: runbooks\/missing\.yaml/
  },
  {
    name: 'runbook: invalid YAML',
    files: withRunbook('schemaVersion: "0.3"\nmainSteps: [\n'),
    expected: /runbooks\/r\.yaml:\d+:\d+: invalid YAML/
  },
  {
    name: 'runbook: alias bomb',
    files: withRunbook(`schemaVersion: '0.3'\n${ALIAS_BOMB}\nmainSteps: []\n`),
    expected: /runbooks\/r\.yaml:3:8: YAML alias expansion limit exceeded \(maxAliasCount 100\)/
  },
  {
    name: 'runbook: schemaVersion 2.2 (a Command document)',
    files: withRunbook(RUNBOOK.replace("schemaVersion: '0.3'", "schemaVersion: '2.2'")),
    expected: /runbooks\/r\.yaml:1:\d+: .*schemaVersion/
  },
  {
    name: 'runbook: not a mapping',
    files: withRunbook('- just\n- a list\n'),
    expected: /runbooks\/r\.yaml:1:1: the document is not a mapping/
  },
  {
    name: 'runbook: unknown action',
    files: withRunbook(RUNBOOK.replace('action: aws:executeAwsApi', 'action: aws:teleport')),
    expected: /runbooks\/r\.yaml:\d+:\d+: .*aws:teleport/
  },
  {
    name: 'runbook: aws:sleep Timestamp on a day that does not exist',
    files: withRunbook(
      RUNBOOK.replace(
        'mainSteps:\n',
        "mainSteps:\n  - name: Wait\n    action: aws:sleep\n    inputs:\n      Timestamp: '2027-02-30T00:00:00Z'\n"
      )
    ),
    expected: /runbooks\/r\.yaml:\d+:\d+: .*inputs\.Timestamp '2027-02-30T00:00:00Z' is not an ISO 8601 date-time/
  },
  // ---- conformance packs
  {
    name: 'pack template missing',
    files: { [MANIFEST]: manifest('packs:', '  - template: missing-pack.yaml') },
    expected: /compliance\.yml:3:15: template file not found: missing-pack\.yaml/
  },
  {
    name: 'pack template: invalid YAML',
    files: { [MANIFEST]: manifest('packs:', '  - template: pack.yaml'), '.github/pack.yaml': 'Resources:\n  R: [\n' },
    expected: /pack\.yaml:\d+:\d+: invalid YAML/
  },
  {
    name: 'pack template: alias bomb',
    files: {
      [MANIFEST]: manifest('packs:', '  - template: pack.yaml'),
      '.github/pack.yaml': `${PACK}\nMetadata:\n${ALIAS_BOMB.replace(/^/gm, '  ')}\n`
    },
    expected: /pack\.yaml:\d+:\d+: YAML aliases \(\*name\) are not supported/
  },
  {
    name: 'pack template: unknown tag',
    files: {
      [MANIFEST]: manifest('packs:', '  - template: pack.yaml'),
      '.github/pack.yaml': PACK.replace('s3-bucket-logging-enabled', '!Bogus s3-bucket-logging-enabled')
    },
    expected: /pack\.yaml:5:\d+: unknown tag !Bogus/
  },
  {
    name: 'pack template: unsupported resource type',
    files: {
      [MANIFEST]: manifest('packs:', '  - template: pack.yaml'),
      '.github/pack.yaml': PACK.replace('AWS::Config::ConfigRule', 'AWS::S3::Bucket')
    },
    expected: /pack\.yaml:3:11: resource S3Logging: type AWS::S3::Bucket is not supported/
  },
  {
    name: 'pack template: duplicate resource',
    files: {
      [MANIFEST]: manifest('packs:', '  - template: pack.yaml'),
      '.github/pack.yaml': `${PACK}\n  S3Logging:\n    Type: AWS::Config::ConfigRule\n`
    },
    expected: /pack\.yaml:9:3: invalid YAML\/JSON: Map keys must be unique/
  },
  {
    name: 'pack: unknown built-in name',
    files: { [MANIFEST]: manifest('packs:', '  - builtin: hipaa-insecurity') },
    expected: /compliance\.yml:3:14: 'packs\.0\.builtin' must be one of hipaa-security/
  },
  {
    name: 'conformance-pack input: neither built-in nor a file',
    inputs: { 'conformance-pack': 'no-such-pack' },
    expected:
      /^Input 'conformance-pack' is neither a built-in pack \(hipaa-security\) nor an existing template file: 'no-such-pack'\.$/
  },
  {
    name: 'config input: explicit manifest missing',
    inputs: { config: 'ops/nope.yml' },
    expected: /^Input 'config': the manifest file 'ops\/nope\.yml' does not exist\.$/
  },
  // ---- input values
  ...(
    [
      ['aws-region', 'mars-north-1', /^Input 'aws-region' is not an AWS region: 'mars-north-1'\.$/],
      ['role-to-assume', 'admin', /Input 'role-to-assume'.*'admin'/],
      ['role-duration-seconds', '60', /^Input 'role-duration-seconds' must be from 900 to 43200, got '60'\.$/],
      [
        'role-duration-seconds',
        '1h',
        /^Input 'role-duration-seconds' must be a whole number from 900 to 43200, got '1h'\.$/
      ],
      ['max-attempts', '0', /^Input 'max-attempts' must be from 1 to 20, got '0'\.$/],
      ['max-attempts', 'lots', /Input 'max-attempts' must be a whole number from 1 to 20, got 'lots'/],
      ['fail-on', 'sometimes', /^Input 'fail-on' has an unknown value 'sometimes'/],
      [
        'fail-on',
        'never,drift',
        /^Input 'fail-on': 'never' cannot be combined with other values, got 'never,drift'\.$/
      ],
      ['deploy', 'yolo', /^Input 'deploy' must be one of plan, apply, destroy, off, got 'yolo'\.$/],
      ['remediate', 'now', /^Input 'remediate' must be one of off, plan, apply, got 'now'\.$/],
      ['max-result-age', 'a while', /Input 'max-result-age'.*'a while'/],
      ['evaluation-timeout', '-5', /Input 'evaluation-timeout'.*'-5'/],
      ['evaluate', 'maybe', /^Input 'evaluate' must be true or false, got 'maybe'\.$/],
      ['prune', 'yes please', /^Input 'prune' must be true or false, got 'yes please'\.$/],
      ['allowed-account-ids', '1234', /Input 'allowed-account-ids'.*'1234'/],
      ['max-remediations', 'ten', /Input 'max-remediations'.*'ten'/],
      ['error-percent', '150', /Input 'error-percent' must be from 1 to 100, got '150'/],
      ['alert', 'sometimes', /^Input 'alert' must be one of never, on-change, always, got 'sometimes'\.$/],
      ['checks', 'maybe', /^Input 'checks' must be one of auto, on, off, got 'maybe'\.$/],
      ['pre-deploy', 'later', /Input 'pre-deploy' must be one of .*, got 'later'/],
      ['approved-plan-hash', 'abc', /Input 'approved-plan-hash'.*'abc'/],
      ['role-session-name', 'bad name!', /Input 'role-session-name'.*'bad name!'/]
    ] as const
  ).map(([input, value, expected]): Case => ({
    name: `input ${input}: '${value}'`,
    inputs: { [input]: value },
    expected
  })),
  {
    name: "input fail-on: new-noncompliant without 'baseline'",
    inputs: { 'fail-on': 'new-noncompliant' },
    expected: /Input 'fail-on: new-noncompliant' needs the 'baseline' input/
  },
  // ---- output and input paths
  {
    name: 'report-dir is a file',
    files: { 'reports.txt': 'x' },
    inputs: { 'report-dir': 'reports.txt' },
    expected: /^Input 'report-dir': 'reports\.txt' is a file, not a directory\.$/
  },
  {
    name: 'report-dir under a file',
    files: { 'reports.txt': 'x' },
    inputs: { 'report-dir': 'reports.txt/out' },
    expected: /^Input 'report-dir': 'reports\.txt\/out' cannot be created: .*reports\.txt is a file, not a directory\.$/
  },
  {
    name: 'report-dir not writable',
    skip: process.getuid?.() === 0, // root writes anywhere
    setup: dir => {
      mkdirSync(join(dir, 'locked'));
      chmodSync(join(dir, 'locked'), 0o500);
    },
    inputs: { 'report-dir': 'locked' },
    expected: /^Input 'report-dir': the directory 'locked' is not writable\.$/
  },
  {
    name: 'sarif-file is a directory',
    setup: dir => mkdirSync(join(dir, 'sarif')),
    inputs: { 'sarif-file': 'sarif' },
    expected: /^Input 'sarif-file': 'sarif' is a directory, not a file\.$/
  },
  {
    name: 'sarif-file parent is a file',
    files: { notadir: 'x' },
    inputs: { 'sarif-file': 'notadir/compliance.sarif' },
    expected:
      /^Input 'sarif-file': 'notadir\/compliance\.sarif' cannot be created: .*notadir is a file, not a directory\.$/
  },
  {
    name: 'baseline missing',
    inputs: { baseline: 'old/compliance-report.json', 'fail-on': 'new-noncompliant' },
    expected: /^Input 'baseline': the file 'old\/compliance-report\.json' does not exist\.$/
  },
  {
    name: 'baseline is a directory',
    setup: dir => mkdirSync(join(dir, 'old')),
    inputs: { baseline: 'old', 'fail-on': 'new-noncompliant' },
    expected: /^Input 'baseline': 'old' is a directory, not a file\.$/
  },
  {
    name: 'baseline is not JSON',
    files: { 'baseline.json': '{ "schemaVersion": 1,\n  oops }\n' },
    inputs: { baseline: 'baseline.json', 'fail-on': 'new-noncompliant' },
    expected: /baseline\.json:2:3: not a compliance-gate JSON report: .*; it is not valid JSON/
  },
  {
    name: 'baseline has the wrong shape',
    files: { 'baseline.json': '{ "hello": "world" }\n' },
    inputs: { baseline: 'baseline.json', 'fail-on': 'new-noncompliant' },
    expected: /baseline\.json:1:1: not a compliance-gate JSON report: .*; it has no schemaVersion/
  },
  {
    name: 'approved-plan-file missing',
    files: withRunbook(RUNBOOK),
    inputs: { remediate: 'apply', 'approved-plan-file': 'plan/remediation-plan.json' },
    expected: /^Input 'approved-plan-file': the file 'plan\/remediation-plan\.json' does not exist\.$/
  },
  {
    name: 'approved-plan-file is a directory',
    setup: dir => mkdirSync(join(dir, 'plan')),
    inputs: { remediate: 'apply', 'approved-plan-file': 'plan' },
    expected: /^Input 'approved-plan-file': 'plan' is a directory, not a file\.$/
  },
  {
    name: 'approved-plan-file is not JSON',
    files: { 'plan.json': 'hash: abc\n' },
    inputs: { remediate: 'apply', 'approved-plan-file': 'plan.json' },
    expected: /^Input 'approved-plan-file': 'plan\.json' is not JSON \(.*\); expected the remediation-plan\.json/
  },
  // ---- templates input
  {
    name: 'templates glob leaves the repository',
    inputs: { templates: '../**/*.yaml' },
    files: { [MANIFEST]: manifest(RULE) },
    expected: /^templates: the pattern "\.\.\/\*\*\/\*\.yaml" leaves the repository/
  },
  {
    name: 'template reached through a symbolic link out of the repository',
    inputs: { templates: 'infra/**' },
    files: { [MANIFEST]: manifest(RULE) },
    setup: dir => {
      const outside = mkdtempSync(join(tmpdir(), 'outside-'));
      writeFileSync(join(outside, 'x.yaml'), 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n');
      symlinkSync(outside, join(dir, 'infra'));
    },
    expected: /^templates: .*infra\/x\.yaml is outside the workspace .*\(it resolves to .*outside-.*x\.yaml\)/
  },
  {
    name: 'template: invalid YAML',
    inputs: { templates: 'infra/**' },
    files: { [MANIFEST]: manifest(RULE), 'infra/bucket.yaml': 'Resources:\n  B: [\n' },
    expected: /infra\/bucket\.yaml:\d+:\d+: invalid YAML/
  },
  // ---- AWS failures
  {
    name: 'throttled beyond max-attempts',
    inputs: { 'max-attempts': '2' },
    faults: { throttleRate: 1, maxConsecutiveFaults: 100, operations: ['config:DescribeComplianceByConfigRule'] },
    expected: /config:DescribeComplianceByConfigRule failed: Throttling/
  },
  {
    name: 'server errors beyond max-attempts',
    inputs: { 'max-attempts': '2' },
    faults: { serverErrorRate: 1, maxConsecutiveFaults: 100, operations: ['config:DescribeComplianceByConfigRule'] },
    expected: /config:DescribeComplianceByConfigRule failed: (InternalFailure|ServiceUnavailable)/
  },
  {
    name: 'assume role denied (fork pull request)',
    context: 'fork-pull-request',
    expected:
      /sts:AssumeRoleWithWebIdentity failed: AccessDenied.*sub 'repo:mallory\/healthcare-infra-fork:pull_request'/
  },
  {
    name: 'no credentials',
    inputs: { 'role-to-assume': '' },
    expected: /credential/i
  }
];

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ scenario: 'seed' });
});
afterAll(async () => {
  await sim.close();
});

/** The step's failure message (the ::error:: command, decoded as the runner decodes it). */
function failure(r: ActionRunResult): string {
  const lines = r.stdout.split('\n').filter(l => l.startsWith('::error'));
  return lines
    .map(l => l.replace(/^::error[^:]*::/, ''))
    .join('\n')
    .replace(/%0A/g, '\n')
    .replace(/%0D/g, '\r')
    .replace(/%25/g, '%');
}

/** The warning annotations, each as `file:line: message`. */
function warnings(r: ActionRunResult): string {
  return r.stdout
    .split('\n')
    .filter(l => l.startsWith('::warning'))
    .map(l =>
      l
        .replace(/^::warning[^:]*::/, '')
        .replace(/%0A/g, '\n')
        .replace(/%25/g, '%')
    )
    .join('\n');
}

function prepare(c: Case): string {
  const dir = mkdtempSync(join(tmpdir(), 'bad-input-'));
  mkdirSync(join(dir, '.github'), { recursive: true });
  for (const [file, text] of Object.entries(c.files ?? {})) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  c.setup?.(dir);
  return dir;
}

describe('bad input gets a clear error, never a stack trace', () => {
  it('the corpus has at least 60 cases, each with a distinct name', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CASES.map(c => c.name)).size).toBe(CASES.length);
  });

  it.each(CASES.filter(c => !c.skip).map(c => [c.name, c] as const))('%s', async (_name, c) => {
    sim.reset();
    if (c.faults) sim.setFaults(c.faults);
    const dir = prepare(c);
    const r = await runInProcess({
      inputs: { 'aws-region': 'us-east-1', 'role-to-assume': ROLE, 'fail-on': 'never', ...c.inputs },
      env: { ...sim.env(c.context ?? 'main'), ...c.env },
      cwd: dir
    });
    try {
      const message = c.warning ? warnings(r) : failure(r);
      expect(r.exitCode).toBe(c.warning ? 0 : 1);
      expect(message).toMatch(c.expected);
      if (c.warning) expect(r.stdout).toContain(c.warning);
      // no stack trace, no bare error class
      expect(message).not.toMatch(/^\s+at /m);
      expect(message).not.toMatch(/\b(TypeError|ReferenceError|RangeError|SyntaxError|Error):/);
      const printed = r.stdout
        .split('\n')
        .filter(l => !l.startsWith('::debug::'))
        .join('\n');
      expect(printed).not.toMatch(/^\s+at .*\(.*:\d+:\d+\)$/m);
    } finally {
      chmodSync(dir, 0o700);
      cleanup(r);
    }
  });
});
