/**
 * A pack's AWS::Config::RemediationConfiguration becomes a remediation binding (every property carried), its
 * target is checked against the manifest's runbooks and the catalogue of AWS-owned documents, and resource-level
 * attributes AWS Config does not use are warnings naming their line.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toRemediationConfiguration } from '../../../src/deploy/apply.js';
import { buildDesiredState } from '../../../src/desired/build.js';
import { type DesiredRemediation } from '../../../src/desired/model.js';
import { deploySources } from '../../../src/desired/load.js';
import { remediationChanges, type ActualRemediation } from '../../../src/deploy/plan.js';
import type { SourceError } from '../../../src/errors.js';
import { loadManifest, parseManifest } from '../../../src/manifest/load.js';
import { awsDocument, awsDocuments, isAwsOwnedDocumentName } from '../../../src/runbooks/aws-documents.js';
import { REPO_ROOT } from '../../helpers/action-env.js';

const FIXTURE = join(REPO_ROOT, 'test', 'fixtures', 'pack-remediation');
const PACK = join(FIXTURE, 'pack.yaml');
const sources = deploySources('us-east-1', '123456789012');
const at = (e: SourceError): string => `${e.file.split('/').pop()}:${e.line}: ${e.detail}`;

/** A manifest (and its pack, when given) in a fresh directory. */
function manifestWith(manifest: string, pack?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'pack-remediation-'));
  if (pack !== undefined) writeFileSync(join(dir, 'pack.yaml'), pack);
  const file = join(dir, 'compliance.yml');
  writeFileSync(file, manifest);
  // The fresh directory is the workspace: the files the manifest references must be inside it.
  return parseManifest(manifest, file, '2026-11-22', dir);
}

const RULE = `  LoggingRule:
    Type: AWS::Config::ConfigRule
    Properties:
      ConfigRuleName: s3-bucket-logging-enabled
      Source: {Owner: AWS, SourceIdentifier: S3_BUCKET_LOGGING_ENABLED}
`;

/** A pack with the logging rule and one remediation (its Properties lines given, indented 6). */
function packWith(remediation: string): string {
  return `Resources:
${RULE}  Fix:
    Type: AWS::Config::RemediationConfiguration
    Properties:
      ConfigRuleName: s3-bucket-logging-enabled
      TargetType: SSM_DOCUMENT
${remediation}`;
}

const LOGGING_PARAMETERS = `      Parameters:
        BucketName: {ResourceValue: {Value: RESOURCE_ID}}
        TargetBucket: {StaticValue: {Values: [access-logs]}}
        GrantedPermission: {StaticValue: {Values: [FULL_CONTROL]}}
        GranteeType: {StaticValue: {Values: [Group]}}
`;

async function build(manifest: string, pack?: string) {
  return buildDesiredState(manifestWith(manifest, pack), sources);
}

describe('a pack remediation becomes a binding', () => {
  it('carries every property, intrinsics resolved, declared at the pack line', async () => {
    const { state, errors, warnings } = await buildDesiredState(
      loadManifest(join(FIXTURE, 'compliance.yml'), '2026-11-22'),
      sources
    );
    expect(errors.map(at)).toEqual([]);
    expect(state.remediations).toHaveLength(1);
    const r = state.remediations[0]!;
    expect(r).toEqual({
      ruleName: 's3-bucket-logging-enabled',
      targetId: 'AWS-ConfigureS3BucketLogging',
      targetVersion: '1',
      resourceType: 'AWS::S3::Bucket',
      resourceIdParameter: 'BucketName',
      parameters: {
        BucketName: { ResourceValue: { Value: 'RESOURCE_ID' } },
        TargetBucket: { StaticValue: { Values: ['access-logs'] } },
        TargetPrefix: { StaticValue: { Values: ['logs/us-east-1/'] } },
        GrantedPermission: { StaticValue: { Values: ['FULL_CONTROL'] } },
        GranteeType: { StaticValue: { Values: ['Group'] } },
        GranteeUri: { StaticValue: { Values: ['http://acs.amazonaws.com/groups/s3/LogDelivery'] } },
        AutomationAssumeRole: {
          StaticValue: { Values: ['arn:aws:iam::123456789012:role/my-hipaa-remediation-role'] }
        }
      },
      automatic: false,
      maximumAutomaticAttempts: 3,
      retryAttemptSeconds: 60,
      concurrencyPercent: 10,
      errorPercent: 20,
      origin: `pack ${PACK}`,
      position: { file: PACK, line: 24, col: 3 }
    });
    // Controls and Description on the rule: warnings naming their lines; the rule is still deployed.
    expect(warnings.map(at)).toEqual([
      expect.stringMatching(/^pack\.yaml:13: resource attribute Controls of S3BucketLoggingEnabled is not used/),
      expect.stringMatching(/^pack\.yaml:15: resource attribute Description of S3BucketLoggingEnabled is not used/)
    ]);
    expect(state.rules.map(x => x.name)).toEqual(['s3-bucket-logging-enabled']);
  });

  it('the configuration sent to AWS has every property; unset settings are left to AWS', async () => {
    const { state } = await buildDesiredState(loadManifest(join(FIXTURE, 'compliance.yml'), '2026-11-22'), sources);
    const c = toRemediationConfiguration(state.remediations[0]!);
    expect(c).toMatchObject({
      ConfigRuleName: 's3-bucket-logging-enabled',
      TargetType: 'SSM_DOCUMENT',
      TargetId: 'AWS-ConfigureS3BucketLogging',
      TargetVersion: '1',
      ResourceType: 'AWS::S3::Bucket',
      Automatic: false,
      MaximumAutomaticAttempts: 3,
      RetryAttemptSeconds: 60,
      ExecutionControls: { SsmControls: { ConcurrentExecutionRatePercentage: 10, ErrorPercentage: 20 } }
    });
    const bare = toRemediationConfiguration({
      ruleName: 'r',
      targetId: 'AWS-PublishSNSNotification',
      parameters: {},
      automatic: false,
      position: { file: 'p', line: 1, col: 1 }
    });
    expect(Object.keys(bare).sort()).toEqual(['Automatic', 'ConfigRuleName', 'Parameters', 'TargetId', 'TargetType']);
  });

  it('compares what the binding sets: ResourceType always, the settings a pack leaves out never', () => {
    const d: DesiredRemediation = {
      ruleName: 'r',
      targetId: 'AWS-ConfigureS3BucketLogging',
      parameters: {},
      automatic: true,
      resourceType: 'AWS::S3::Bucket',
      position: { file: 'p', line: 1, col: 1 }
    };
    const a: ActualRemediation = {
      ruleName: 'r',
      targetId: 'AWS-ConfigureS3BucketLogging',
      parameters: {},
      automatic: true,
      resourceType: 'AWS::S3::Bucket',
      maximumAutomaticAttempts: 5,
      retryAttemptSeconds: 60
    };
    expect(remediationChanges(d, a)).toEqual([]);
    expect(remediationChanges({ ...d, maximumAutomaticAttempts: 3 }, a)).toEqual([
      { field: 'MaximumAutomaticAttempts', from: '5', to: '3' }
    ]);
    const { resourceType: _ignored, ...withoutType } = a;
    expect(remediationChanges(d, withoutType)).toEqual([
      { field: 'ResourceType', from: '(none)', to: 'AWS::S3::Bucket' }
    ]);
  });

  it("a remediation of a rule the manifest excludes is not deployed, and says so at the remediation's line", async () => {
    const { state, errors, warnings } = await build(
      'version: 1\npacks:\n  - template: pack.yaml\n    exclude: [s3-bucket-logging-enabled]\n',
      packWith(`      TargetId: AWS-ConfigureS3BucketLogging\n${LOGGING_PARAMETERS}`)
    );
    expect(errors).toEqual([]);
    expect(state.remediations).toEqual([]);
    expect(warnings.map(at)).toEqual([
      expect.stringMatching(
        /^pack\.yaml:7: RemediationConfiguration Fix is not deployed: its rule 's3-bucket-logging-enabled' is excluded/
      )
    ]);
  });

  it('a resource whose Condition is false is reported at its line', async () => {
    const { state, warnings } = await build(
      'version: 1\npacks:\n  - template: pack.yaml\n',
      `Conditions:
  Never: !Equals [a, b]
Resources:
${RULE}  Other:
    Type: AWS::Config::ConfigRule
    Condition: Never
    Properties:
      Source: {Owner: AWS, SourceIdentifier: S3_BUCKET_VERSIONING_ENABLED}
`
    );
    expect(state.rules.map(r => r.name)).toEqual(['s3-bucket-logging-enabled']);
    expect(warnings.map(at)).toEqual([
      'pack.yaml:9: AWS::Config::ConfigRule Other is not deployed: its Condition Never is false'
    ]);
  });
});

describe('the target of a pack remediation', () => {
  const manifest = 'version: 1\npacks:\n  - template: pack.yaml\n';

  it('an unknown parameter of a catalogued AWS-owned document is an error naming the pack line', async () => {
    const { errors } = await build(
      manifest,
      packWith(
        `      TargetId: AWS-ConfigureS3BucketLogging\n${LOGGING_PARAMETERS}        Colour: {StaticValue: {Values: [blue]}}\n`
      )
    );
    expect(errors.map(at)).toEqual([
      expect.stringMatching(
        /^pack\.yaml:7: remediation for 's3-bucket-logging-enabled': AWS-owned document 'AWS-ConfigureS3BucketLogging' has no parameter 'Colour' \(it has AutomationAssumeRole, BucketName, GrantedPermission/
      )
    ]);
  });

  it('a required parameter left out, or a value of the wrong type, is an error', async () => {
    const { errors } = await build(
      manifest,
      packWith(`      TargetId: AWS-ConfigureS3BucketLogging
      Parameters:
        BucketName: {ResourceValue: {Value: RESOURCE_ID}}
        GrantedPermission: {StaticValue: {Values: [READ, WRITE]}}
        GranteeType: {StaticValue: {Values: [Group]}}
`)
    );
    expect(errors.map(at)).toEqual([
      "pack.yaml:7: remediation for 's3-bucket-logging-enabled': AWS-owned document 'AWS-ConfigureS3BucketLogging' requires parameter 'TargetBucket', which the binding does not give",
      "pack.yaml:7: remediation for 's3-bucket-logging-enabled': AWS-owned document 'AWS-ConfigureS3BucketLogging': parameter 'GrantedPermission' takes one value (type String), got 2"
    ]);
  });

  it('an AWS-owned document not in the catalogue is a warning naming the line, not an error', async () => {
    const { state, errors, warnings } = await build(
      manifest,
      packWith(`      TargetId: AWSConfigRemediation-SomethingNew
      Parameters:
        Anything: {ResourceValue: {Value: RESOURCE_ID}}
`)
    );
    expect(errors).toEqual([]);
    expect(state.remediations.map(r => r.targetId)).toEqual(['AWSConfigRemediation-SomethingNew']);
    expect(warnings.map(at)).toEqual([
      expect.stringMatching(
        /^pack\.yaml:7: remediation for 's3-bucket-logging-enabled': 'AWSConfigRemediation-SomethingNew' is an AWS-owned document the action does not catalogue/
      )
    ]);
  });

  it('a target that is neither AWS-owned nor a runbook of the manifest is an error naming the line', async () => {
    const { errors } = await build(manifest, packWith('      TargetId: my-own-runbook\n'));
    expect(errors.map(at)).toEqual([
      "pack.yaml:7: remediation for 's3-bucket-logging-enabled': 'my-own-runbook' is neither a runbook of this manifest nor an AWS-owned document (AWS-*, AWSConfigRemediation-*)"
    ]);
  });

  it('a pack remediation and a manifest remediation of the same rule: an error naming both lines', async () => {
    const { errors } = await build(
      `version: 1
packs:
  - template: pack.yaml
remediations:
  - rule: s3-bucket-logging-enabled
    runbook: AWS-PublishSNSNotification
    parameters:
      TopicArn: arn:aws:sns:us-east-1:123456789012:t
      Message: hi
`,
      packWith(`      TargetId: AWS-ConfigureS3BucketLogging\n${LOGGING_PARAMETERS}`)
    );
    expect(errors.map(at)).toEqual([
      expect.stringMatching(
        /^compliance\.yml:5: remediation for 's3-bucket-logging-enabled' \(manifest\) is also declared at .*pack\.yaml:7 \(pack .*pack\.yaml\); AWS Config keeps one remediation configuration per rule$/
      )
    ]);
  });
});

describe('the catalogue of AWS-owned documents', () => {
  it('has AWS-ConfigureS3BucketLogging with the parameters AWS documents, and the documents sample packs bind', () => {
    expect(
      awsDocument('AWS-ConfigureS3BucketLogging')
        ?.parameters.map(p => p.name)
        .sort()
    ).toEqual(
      [
        'BucketName',
        'GrantedPermission',
        'GranteeType',
        'GranteeUri',
        'GranteeEmailAddress',
        'GranteeId',
        'TargetBucket',
        'TargetPrefix',
        'AutomationAssumeRole'
      ].sort()
    );
    for (const name of [
      'AWS-DisableS3BucketPublicReadWrite',
      'AWS-EnableS3BucketEncryption',
      'AWS-PublishSNSNotification',
      'AWSConfigRemediation-EnableEbsEncryptionByDefault'
    ]) {
      expect(awsDocument(name)).toBeDefined();
    }
    for (const d of awsDocuments()) {
      expect(isAwsOwnedDocumentName(d.name)).toBe(true);
      expect(d.reference).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    }
  });

  it('tells AWS-owned names from account documents', () => {
    expect(isAwsOwnedDocumentName('AWS-Anything')).toBe(true);
    expect(isAwsOwnedDocumentName('AWSConfigRemediation-X')).toBe(true);
    expect(isAwsOwnedDocumentName('AWSSupport-X')).toBe(true);
    expect(isAwsOwnedDocumentName('my-runbook')).toBe(false);
    expect(isAwsOwnedDocumentName('AWS-')).toBe(false);
    expect(isAwsOwnedDocumentName('MyAWS-X')).toBe(false);
  });
});
