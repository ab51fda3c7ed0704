/**
 * Nothing parsed is dropped: every item the pack parser and the manifest loader produce is deployed (it is in the
 * DesiredState, so the plan shows it) or reported as a warning or error naming its line. The test walks every kind
 * each parser produces; a kind added to a parser without a place in the desired state fails it.
 */
import { describe, expect, it } from '@jest/globals';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACK_RESOURCE_TYPES, parseConformancePack } from '../../../src/conformance/template/index.js';
import { buildDesiredState } from '../../../src/desired/build.js';
import { type DesiredState } from '../../../src/desired/model.js';
import { deploySources } from '../../../src/desired/load.js';
import { buildPlan } from '../../../src/deploy/plan.js';
import type { SourceError } from '../../../src/errors.js';
import { loadManifest } from '../../../src/manifest/load.js';
import { REPO_ROOT } from '../../helpers/action-env.js';

/** A sample resource of each type a pack may hold (logical id, then the resource text). */
const SAMPLE_RESOURCES: Record<string, string> = {
  'AWS::Config::ConfigRule': `  LoggingRule:
    Type: AWS::Config::ConfigRule
    Controls: [NZISM-1]
    Properties:
      ConfigRuleName: s3-bucket-logging-enabled
      Source: {Owner: AWS, SourceIdentifier: S3_BUCKET_LOGGING_ENABLED}
`,
  'AWS::Config::RemediationConfiguration': `  LoggingFix:
    Type: AWS::Config::RemediationConfiguration
    Description: turn logging on
    Properties:
      ConfigRuleName: !Ref LoggingRule
      TargetType: SSM_DOCUMENT
      TargetId: AWS-ConfigureS3BucketLogging
      Parameters:
        BucketName: {ResourceValue: {Value: RESOURCE_ID}}
        TargetBucket: {StaticValue: {Values: [access-logs]}}
        GrantedPermission: {StaticValue: {Values: [FULL_CONTROL]}}
        GranteeType: {StaticValue: {Values: [Group]}}
`
};

const PACK = `Description: every kind of item
Parameters:
  Unused:
    Type: String
    Default: x
Conditions:
  Never: !Equals [a, b]
Resources:
${Object.values(SAMPLE_RESOURCES).join('')}  SkippedRule:
    Type: AWS::Config::ConfigRule
    Condition: Never
    Properties:
      Source: {Owner: AWS, SourceIdentifier: S3_BUCKET_VERSIONING_ENABLED}
`;

const MANIFEST = `version: 1
packs:
  - template: pack.yaml
rules:
  - name: ec2-ebs-encryption-by-default
    identifier: EC2_EBS_ENCRYPTION_BY_DEFAULT
runbooks:
  - path: runbook.yaml
remediations:
  - rule: ec2-ebs-encryption-by-default
    runbook: AWSConfigRemediation-EnableEbsEncryptionByDefault
    parameters:
      AutomationAssumeRole: arn:aws:iam::123456789012:role/my-hipaa-remediation-role
alerts:
  sns-topic: arn:aws:sns:us-east-1:123456789012:my-sns-topic
waivers:
  - rule: s3-bucket-logging-enabled
    resource: access-logs
    reason: the access log bucket cannot log to itself
    owner: security@example.org
    expires: 2027-06-30
`;

/** The manifest, its pack and runbook in a fresh directory: the workspace their files must be in. */
function setUp() {
  const dir = mkdtempSync(join(tmpdir(), 'nothing-dropped-'));
  writeFileSync(join(dir, 'pack.yaml'), PACK);
  writeFileSync(join(dir, 'compliance.yml'), MANIFEST);
  copyFileSync(join(REPO_ROOT, 'test', 'fixtures', 'manifest', 'runbook.yaml'), join(dir, 'runbook.yaml'));
  return dir;
}

const reportedAt = (list: readonly SourceError[], file: string, line: number): boolean =>
  list.some(e => e.file === file && e.line === line);

describe('every parsed item is deployed or reported', () => {
  it('has a sample for every resource type a pack may hold', () => {
    expect(Object.keys(SAMPLE_RESOURCES).sort()).toEqual([...PACK_RESOURCE_TYPES].sort());
  });

  it('pack items: each rule and remediation is in the desired state and the plan, the rest are warnings', async () => {
    const dir = setUp();
    const packFile = join(dir, 'pack.yaml');
    const pack = parseConformancePack(PACK, packFile, { context: { region: 'us-east-1' } });
    const { state, errors, warnings } = await buildDesiredState(
      loadManifest(join(dir, 'compliance.yml'), '2026-11-22', dir),
      deploySources('us-east-1', '123456789012')
    );
    expect(errors.map(e => e.message)).toEqual([]);
    const plan = buildPlan(
      state,
      { rules: new Map(), documents: new Map(), remediations: new Map() },
      { mode: 'apply', prune: false }
    );
    const planned = (object: string, name: string): boolean =>
      plan.items.some(i => i.object === object && i.name === name && i.action === 'create');

    // Each kind the pack parser produces, and where it must end up. A new key fails here until it has a place.
    const checks: Record<string, () => void> = {
      file: () => undefined,
      builtin: () => undefined,
      // Inputs of the pack, not items to deploy: the description and the parameter values the intrinsics used.
      description: () => undefined,
      parameters: () => undefined,
      rules: () => {
        expect(pack.rules.length).toBeGreaterThan(0);
        for (const r of pack.rules) {
          expect(state.rules.find(d => d.name === r.name)?.position).toEqual(r.position);
          expect(planned('rule', r.name)).toBe(true);
        }
      },
      remediations: () => {
        expect(pack.remediations.length).toBeGreaterThan(0);
        for (const r of pack.remediations) {
          expect(state.remediations.find(d => d.ruleName === r.configRuleName)?.position).toEqual(r.position);
          expect(planned('remediation', r.configRuleName)).toBe(true);
        }
      },
      skipped: () => {
        expect(pack.skipped.length).toBeGreaterThan(0);
        for (const s of pack.skipped) expect(reportedAt(warnings, packFile, s.position.line)).toBe(true);
      },
      warnings: () => {
        expect(pack.warnings?.length).toBe(2);
        for (const w of pack.warnings ?? []) expect(reportedAt(warnings, packFile, w.position.line)).toBe(true);
      }
    };
    for (const key of Object.keys(pack)) {
      expect([key, key in checks]).toEqual([key, true]);
      checks[key]!();
    }
  });

  it('manifest items: each pack, rule, runbook, remediation, alert and waiver has its place', async () => {
    const dir = setUp();
    const manifest = loadManifest(join(dir, 'compliance.yml'), '2026-11-22', dir);
    const { state, errors } = await buildDesiredState(manifest, deploySources('us-east-1', '123456789012'));
    expect(errors.map(e => e.message)).toEqual([]);
    const has = (list: readonly { position: { line: number } }[], line: number): boolean =>
      list.some(x => x.position.line === line);
    const checks: Record<string, (s: DesiredState) => void> = {
      file: s => expect(s.manifestFile).toBe(manifest.file),
      packs: s => {
        for (const p of manifest.packs) expect(s.rules.some(r => r.origin === `pack ${p.template}`)).toBe(true);
      },
      rules: s => {
        for (const r of manifest.rules) expect(s.rules.find(d => d.name === r.name)?.origin).toBe('manifest');
      },
      runbooks: s => {
        for (const r of manifest.runbooks) expect(has(s.documents, r.position.line)).toBe(true);
      },
      remediations: s => {
        for (const r of manifest.remediations) expect(has(s.remediations, r.position.line)).toBe(true);
      },
      alerts: s => expect(s.alertTopic).toBe(manifest.alerts?.snsTopic),
      waivers: s => {
        expect(manifest.waivers.length).toBeGreaterThan(0);
        for (const w of manifest.waivers) {
          expect(s.waivers.some(x => x.rule === w.rule && x.resourceId === w.resourceId)).toBe(true);
        }
      }
    };
    for (const key of Object.keys(manifest)) {
      expect([key, key in checks]).toEqual([key, true]);
      checks[key]!(state);
    }
  });
});
