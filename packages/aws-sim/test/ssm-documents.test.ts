import { describe, it, expect, beforeEach } from '@jest/globals';
import { createHash } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import { FakeRuntime, callSsm, fakeContext, type SsmOutputs } from './support/fake-runtime.js';
import { ssmState } from '../src/services/ssm/state.js';
import { freshState, loadScenario } from '../src/core/scenario.js';
import type { AccountState } from '../src/core/state.js';
import { AwsError } from '../src/core/types.js';
import { itWithReference, referenceRunbook } from './reference.js';

const EBS_RUNBOOK = referenceRunbook('EnableEbsEncryptionByDefault.yaml');
const S3_RUNBOOK = referenceRunbook('EnableDefaultEncryptionS3.yaml');

const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

let state: AccountState;
let sim: FakeRuntime;

beforeEach(async () => {
  state = freshState(await loadScenario('seed'));
  sim = new FakeRuntime();
});

function call<K extends keyof SsmOutputs>(op: K, input: Record<string, unknown>): SsmOutputs[K] {
  return callSsm(fakeContext(state, sim, op), op, input);
}

function expectError(op: keyof SsmOutputs, input: Record<string, unknown>, code: string, message?: RegExp): AwsError {
  let caught: unknown;
  try {
    call(op, input);
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(AwsError);
  const err = caught as AwsError;
  expect(err.code).toBe(code);
  if (message) expect(err.message).toMatch(message);
  return err;
}

function create(
  name: string,
  content = EBS_RUNBOOK,
  extra: Record<string, unknown> = {}
): SsmOutputs['CreateDocument'] {
  return call('CreateDocument', {
    Name: name,
    Content: content,
    DocumentType: 'Automation',
    DocumentFormat: 'YAML',
    ...extra
  });
}

const MINIMAL = `schemaVersion: '0.3'
parameters:
  Greeting:
    type: String
    default: hello
mainSteps:
  - name: Nap
    action: aws:sleep
    inputs:
      Duration: PT1S
`;

describe('CreateDocument', () => {
  itWithReference('stores version 1 and describes it with the hash of the content as sent', () => {
    const out = create('EnableEbsEncryptionByDefault', EBS_RUNBOOK, {
      Tags: [{ Key: 'team', Value: 'security' }],
      VersionName: 'v1'
    });
    const d = out.DocumentDescription!;
    expect(d.Name).toBe('EnableEbsEncryptionByDefault');
    expect(d.Hash).toBe(sha256(EBS_RUNBOOK));
    expect(d.HashType).toBe('Sha256');
    expect(d.Status).toBe('Active');
    expect(d.DocumentVersion).toBe('1');
    expect(d.LatestVersion).toBe('1');
    expect(d.DefaultVersion).toBe('1');
    expect(d.VersionName).toBe('v1');
    expect(d.SchemaVersion).toBe('0.3');
    expect(d.DocumentType).toBe('Automation');
    expect(d.DocumentFormat).toBe('YAML');
    expect(d.Owner).toBe('123456789012');
    expect(d.CreatedDate).toEqual(sim.now());
    expect(d.Tags).toEqual([{ Key: 'team', Value: 'security' }]);
    expect(d.Description).toContain('AWSConfigRemediation-EnableEbsEncryptionByDefault');
    expect(d.Parameters).toEqual([
      {
        Name: 'AutomationAssumeRole',
        Type: 'String',
        Description: '(Required) The ARN of the role that allows Automation to perform the actions on your behalf.'
      }
    ]);
  });

  itWithReference('reports parameter defaults as text', () => {
    const d = create('S3Encryption', S3_RUNBOOK).DocumentDescription!;
    const alias = (d.Parameters as { Name: string; DefaultValue?: string }[]).find(p => p.Name === 'KmsKeyAlias');
    expect(alias?.DefaultValue).toBe('default-s3-encryption');
    expect((d.Parameters as unknown[]).length).toBe(4);
  });

  it('accepts JSON content declared as JSON', () => {
    const json = JSON.stringify(parseYaml(MINIMAL));
    const d = call('CreateDocument', {
      Name: 'JsonDoc',
      Content: json,
      DocumentType: 'Automation',
      DocumentFormat: 'JSON'
    }).DocumentDescription!;
    expect(d.DocumentFormat).toBe('JSON');
    expect(d.Hash).toBe(sha256(json));
    expect(d.Parameters).toEqual([{ Name: 'Greeting', Type: 'String', DefaultValue: 'hello' }]);
  });

  itWithReference('refuses a second document with the same name', () => {
    create('Twice');
    expectError(
      'CreateDocument',
      { Name: 'Twice', Content: MINIMAL, DocumentType: 'Automation', DocumentFormat: 'YAML' },
      'DocumentAlreadyExists',
      /Twice/
    );
  });

  it.each([
    'AWS-MyRunbook',
    'aws-lower',
    'amazon-things',
    'AmznRunbook',
    'AWSConfigRemediation-Mine',
    'AWSSupport-X',
    'AWSEC2-Y'
  ])('refuses the reserved name %s', name => {
    expectError(
      'CreateDocument',
      { Name: name, Content: MINIMAL, DocumentType: 'Automation', DocumentFormat: 'YAML' },
      'ValidationException',
      /reserved/
    );
  });

  it('accepts names that only contain a reserved word later on', () => {
    expect(create('My-AWS-Runbook', MINIMAL).DocumentDescription!.Name).toBe('My-AWS-Runbook');
    expect(create('awsome-runbook', MINIMAL).DocumentDescription!.Name).toBe('awsome-runbook');
  });

  it.each([
    ['not YAML', 'mainSteps: [unclosed', 'YAML', /not valid YAML/],
    ['YAML declared as JSON', MINIMAL, 'JSON', /not valid JSON/],
    ['a scalar', 'just text', 'YAML', /must be a JSON or YAML object/],
    ['no schemaVersion', 'mainSteps:\n  - name: A\n    action: aws:sleep\n', 'YAML', /schemaVersion/],
    ['no mainSteps', "schemaVersion: '0.3'\n", 'YAML', /mainSteps must be a non-empty list/],
    [
      'an unknown action',
      "schemaVersion: '0.3'\nmainSteps:\n  - name: A\n    action: aws:teleport\n",
      'YAML',
      /aws:teleport.*not an Automation action/
    ],
    [
      'a nextStep to nowhere',
      "schemaVersion: '0.3'\nmainSteps:\n  - name: A\n    action: aws:sleep\n    nextStep: B\n    inputs: { Duration: PT1S }\n",
      'YAML',
      /nextStep names step B, which does not exist/
    ],
    [
      'a duplicate step name',
      "schemaVersion: '0.3'\nmainSteps:\n  - name: A\n    action: aws:sleep\n  - name: A\n    action: aws:sleep\n",
      'YAML',
      /used twice/
    ],
    [
      'a bad parameter type',
      "schemaVersion: '0.3'\nparameters:\n  P:\n    type: Float\nmainSteps:\n  - name: A\n    action: aws:sleep\n",
      'YAML',
      /parameter P: type "Float"/
    ],
    [
      'a bad onFailure',
      "schemaVersion: '0.3'\nmainSteps:\n  - name: A\n    action: aws:sleep\n    onFailure: Retry\n",
      'YAML',
      /onFailure must be/
    ]
  ])('refuses content with %s as InvalidDocumentContent', (_what, content, format, message) => {
    expectError(
      'CreateDocument',
      { Name: 'Broken', Content: content, DocumentType: 'Automation', DocumentFormat: format },
      'InvalidDocumentContent',
      message
    );
    expect(ssmState(state).documents.Broken).toBeUndefined();
  });

  it('refuses an Automation document with another schema version', () => {
    expectError(
      'CreateDocument',
      {
        Name: 'OldSchema',
        Content: MINIMAL.replace("'0.3'", "'2.2'"),
        DocumentType: 'Automation',
        DocumentFormat: 'YAML'
      },
      'InvalidDocumentSchemaVersion',
      /2\.2/
    );
  });

  it('refuses content over 64 KB', () => {
    const big = `${MINIMAL}# ${'x'.repeat(70 * 1024)}\n`;
    expectError(
      'CreateDocument',
      { Name: 'Big', Content: big, DocumentType: 'Automation', DocumentFormat: 'YAML' },
      'MaxDocumentSizeExceeded'
    );
  });

  it('defaults to a Command document in JSON, as AWS does', () => {
    const content = JSON.stringify({ schemaVersion: '2.2', mainSteps: [] });
    const d = call('CreateDocument', { Name: 'Cmd', Content: content }).DocumentDescription!;
    expect(d.DocumentType).toBe('Command');
    expect(d.DocumentFormat).toBe('JSON');
    expect(d.SchemaVersion).toBe('2.2');
  });
});

describe('UpdateDocument, versions and the default version', () => {
  beforeEach(() => {
    create('Runbook', MINIMAL);
  });

  const V2 = MINIMAL.replace('PT1S', 'PT2S');

  it('adds a version that becomes the latest but not the default', () => {
    const d = call('UpdateDocument', {
      Name: 'Runbook',
      Content: V2,
      DocumentFormat: 'YAML',
      DocumentVersion: '$LATEST'
    }).DocumentDescription!;
    expect(d.DocumentVersion).toBe('2');
    expect(d.LatestVersion).toBe('2');
    expect(d.DefaultVersion).toBe('1');
    expect(d.Hash).toBe(sha256(V2));
    expect(call('DescribeDocument', { Name: 'Runbook' }).Document!.DocumentVersion).toBe('1');
    expect(call('DescribeDocument', { Name: 'Runbook', DocumentVersion: '$LATEST' }).Document!.Hash).toBe(sha256(V2));
    expect(call('GetDocument', { Name: 'Runbook' }).Content).toBe(MINIMAL);
    expect(call('GetDocument', { Name: 'Runbook', DocumentVersion: '2' }).Content).toBe(V2);
  });

  it('refuses content identical to an existing version', () => {
    expectError(
      'UpdateDocument',
      { Name: 'Runbook', Content: MINIMAL, DocumentFormat: 'YAML' },
      'DuplicateDocumentContent',
      /version 1/
    );
    call('UpdateDocument', { Name: 'Runbook', Content: V2, DocumentFormat: 'YAML' });
    expectError(
      'UpdateDocument',
      { Name: 'Runbook', Content: MINIMAL, DocumentFormat: 'YAML' },
      'DuplicateDocumentContent'
    );
  });

  it('only updates the latest version', () => {
    call('UpdateDocument', { Name: 'Runbook', Content: V2, DocumentFormat: 'YAML' });
    expectError(
      'UpdateDocument',
      { Name: 'Runbook', Content: MINIMAL.replace('PT1S', 'PT3S'), DocumentFormat: 'YAML', DocumentVersion: '1' },
      'InvalidDocumentVersion',
      /latest version/
    );
    const d = call('UpdateDocument', {
      Name: 'Runbook',
      Content: MINIMAL.replace('PT1S', 'PT3S'),
      DocumentFormat: 'YAML',
      DocumentVersion: '2'
    }).DocumentDescription!;
    expect(d.DocumentVersion).toBe('3');
  });

  it('checks the new content like CreateDocument', () => {
    expectError(
      'UpdateDocument',
      { Name: 'Runbook', Content: 'schemaVersion: 0.3', DocumentFormat: 'YAML' },
      'InvalidDocumentContent'
    );
    expectError('UpdateDocument', { Name: 'Missing', Content: V2, DocumentFormat: 'YAML' }, 'InvalidDocument');
  });

  it('refuses a duplicate version name', () => {
    call('UpdateDocument', { Name: 'Runbook', Content: V2, DocumentFormat: 'YAML', VersionName: 'release' });
    expectError(
      'UpdateDocument',
      { Name: 'Runbook', Content: MINIMAL.replace('PT1S', 'PT9S'), DocumentFormat: 'YAML', VersionName: 'release' },
      'DuplicateDocumentVersionName'
    );
    expect(call('DescribeDocument', { Name: 'Runbook', VersionName: 'release' }).Document!.DocumentVersion).toBe('2');
  });

  it('moves the default version', () => {
    call('UpdateDocument', { Name: 'Runbook', Content: V2, DocumentFormat: 'YAML' });
    const out = call('UpdateDocumentDefaultVersion', { Name: 'Runbook', DocumentVersion: '2' });
    expect(out.Description).toEqual({ Name: 'Runbook', DefaultVersion: '2' });
    expect(call('GetDocument', { Name: 'Runbook' }).Content).toBe(V2);
    expect(call('DescribeDocument', { Name: 'Runbook' }).Document!.DefaultVersion).toBe('2');
    expectError('UpdateDocumentDefaultVersion', { Name: 'Runbook', DocumentVersion: '7' }, 'InvalidDocumentVersion');
  });

  it('lists versions with the default marked', () => {
    call('UpdateDocument', { Name: 'Runbook', Content: V2, DocumentFormat: 'YAML' });
    const versions = call('ListDocumentVersions', { Name: 'Runbook' }).DocumentVersions as Record<string, unknown>[];
    expect(versions.map(v => [v.DocumentVersion, v.IsDefaultVersion])).toEqual([
      ['1', true],
      ['2', false]
    ]);
  });

  it('describes unknown versions and documents with the modelled errors', () => {
    expectError('DescribeDocument', { Name: 'Runbook', DocumentVersion: '5' }, 'InvalidDocumentVersion', /version 5/);
    expectError('DescribeDocument', { Name: 'Nope' }, 'InvalidDocument', /does not exist/);
    expectError('GetDocument', { Name: 'Runbook', VersionName: 'nope' }, 'InvalidDocumentVersion');
  });

  it('finds a document by its ARN', () => {
    const arn = 'arn:aws:ssm:us-east-1:123456789012:document/Runbook';
    expect(call('DescribeDocument', { Name: arn }).Document!.Name).toBe('Runbook');
    expectError('DescribeDocument', { Name: 'arn:aws:ssm:us-east-1:999999999999:document/Runbook' }, 'InvalidDocument');
  });

  it('converts content to the requested format', () => {
    const out = call('GetDocument', { Name: 'Runbook', DocumentFormat: 'JSON' });
    expect(out.DocumentFormat).toBe('JSON');
    expect(JSON.parse(out.Content as string)).toEqual(parseYaml(MINIMAL));
  });

  it('deletes one version, never the default one, or the whole document', () => {
    call('UpdateDocument', { Name: 'Runbook', Content: V2, DocumentFormat: 'YAML' });
    expectError(
      'DeleteDocument',
      { Name: 'Runbook', DocumentVersion: '1' },
      'InvalidDocumentOperation',
      /default version/
    );
    call('DeleteDocument', { Name: 'Runbook', DocumentVersion: '2' });
    expect(call('DescribeDocument', { Name: 'Runbook' }).Document!.LatestVersion).toBe('1');
    call('DeleteDocument', { Name: 'Runbook' });
    expectError('DescribeDocument', { Name: 'Runbook' }, 'InvalidDocument');
    expectError('DeleteDocument', { Name: 'Runbook' }, 'InvalidDocument');
  });
});

describe('AWS-owned documents', () => {
  it('has AWS-PublishSNSNotification, read-only, owned by Amazon', () => {
    const d = call('DescribeDocument', { Name: 'AWS-PublishSNSNotification' }).Document!;
    expect(d.Owner).toBe('Amazon');
    expect(d.DocumentType).toBe('Automation');
    expect((d.Parameters as { Name: string }[]).map(p => p.Name)).toEqual([
      'TopicArn',
      'Message',
      'AutomationAssumeRole'
    ]);
    const content = parseYaml(call('GetDocument', { Name: 'AWS-PublishSNSNotification' }).Content as string);
    expect(content.mainSteps).toHaveLength(1);
    expect(content.mainSteps[0].action).toBe('aws:executeAwsApi');
    expect(content.mainSteps[0].inputs).toMatchObject({ Service: 'sns', Api: 'Publish' });
    expectError(
      'UpdateDocument',
      { Name: 'AWS-PublishSNSNotification', Content: MINIMAL, DocumentFormat: 'YAML' },
      'InvalidDocumentOperation',
      /read-only/
    );
    expectError('DeleteDocument', { Name: 'AWS-PublishSNSNotification' }, 'InvalidDocumentOperation');
    expectError(
      'AddTagsToResource',
      { ResourceType: 'Document', ResourceId: 'AWS-PublishSNSNotification', Tags: [{ Key: 'a', Value: 'b' }] },
      'InvalidResourceId'
    );
  });
});

describe('ListDocuments', () => {
  beforeEach(() => {
    create('Alpha', MINIMAL, { Tags: [{ Key: 'owner', Value: 'security' }] });
    create('Beta', MINIMAL.replace('PT1S', 'PT2S'), { Tags: [{ Key: 'owner', Value: 'platform' }] });
    call('CreateDocument', { Name: 'Gamma', Content: JSON.stringify({ schemaVersion: '2.2', mainSteps: [] }) });
  });

  const names = (out: SsmOutputs['ListDocuments']): string[] => (out.DocumentIdentifiers ?? []).map(d => d.Name!);

  it('lists the account documents and the AWS-owned ones', () => {
    expect(names(call('ListDocuments', {}))).toEqual([
      'AWS-ConfigureS3BucketLogging',
      'AWS-PublishSNSNotification',
      'Alpha',
      'Beta',
      'Gamma'
    ]);
  });

  it('filters by owner, type, name prefix and tag', () => {
    expect(names(call('ListDocuments', { Filters: [{ Key: 'Owner', Values: ['Self'] }] }))).toEqual([
      'Alpha',
      'Beta',
      'Gamma'
    ]);
    expect(names(call('ListDocuments', { Filters: [{ Key: 'Owner', Values: ['Amazon'] }] }))).toEqual([
      'AWS-ConfigureS3BucketLogging',
      'AWS-PublishSNSNotification'
    ]);
    expect(
      names(
        call('ListDocuments', {
          Filters: [
            { Key: 'Owner', Values: ['Self'] },
            { Key: 'DocumentType', Values: ['Automation'] }
          ]
        })
      )
    ).toEqual(['Alpha', 'Beta']);
    expect(names(call('ListDocuments', { Filters: [{ Key: 'tag:owner', Values: ['security'] }] }))).toEqual(['Alpha']);
    expect(names(call('ListDocuments', { Filters: [{ Key: 'tag:owner', Values: [] }] }))).toEqual(['Alpha', 'Beta']);
    expect(names(call('ListDocuments', { Filters: [{ Key: 'Name', Values: ['Be'] }] }))).toEqual(['Beta']);
    expect(names(call('ListDocuments', { DocumentFilterList: [{ key: 'Owner', value: 'Self' }] }))).toEqual([
      'Alpha',
      'Beta',
      'Gamma'
    ]);
  });

  it('reports identifiers of the default version', () => {
    const alpha = (
      call('ListDocuments', { Filters: [{ Key: 'Name', Values: ['Alpha'] }] }).DocumentIdentifiers as Record<
        string,
        unknown
      >[]
    )[0]!;
    expect(alpha).toMatchObject({
      Name: 'Alpha',
      Owner: '123456789012',
      DocumentVersion: '1',
      DocumentType: 'Automation',
      SchemaVersion: '0.3',
      DocumentFormat: 'YAML',
      Tags: [{ Key: 'owner', Value: 'security' }]
    });
  });

  it('pages with MaxResults and NextToken', () => {
    const first = call('ListDocuments', { MaxResults: 3 });
    expect(names(first)).toEqual(['AWS-ConfigureS3BucketLogging', 'AWS-PublishSNSNotification', 'Alpha']);
    expect(typeof first.NextToken).toBe('string');
    const second = call('ListDocuments', { MaxResults: 3, NextToken: first.NextToken });
    expect(names(second)).toEqual(['Beta', 'Gamma']);
    expect(second.NextToken).toBeUndefined();
    expectError('ListDocuments', { NextToken: 'garbage' }, 'InvalidNextToken');
  });

  it('refuses unknown filter keys and bad owners', () => {
    expectError('ListDocuments', { Filters: [{ Key: 'Color', Values: ['red'] }] }, 'InvalidFilterKey', /Color/);
    expectError('ListDocuments', { Filters: [{ Key: 'Owner', Values: ['Self', 'Amazon'] }] }, 'InvalidFilterKey');
  });
});

describe('tags on documents', () => {
  beforeEach(() => {
    create('Tagged', MINIMAL, { Tags: [{ Key: 'a', Value: '1' }] });
  });

  it('adds, overwrites, lists and removes tags', () => {
    call('AddTagsToResource', {
      ResourceType: 'Document',
      ResourceId: 'Tagged',
      Tags: [
        { Key: 'a', Value: '2' },
        { Key: 'b', Value: '3' }
      ]
    });
    expect(call('ListTagsForResource', { ResourceType: 'Document', ResourceId: 'Tagged' }).TagList).toEqual([
      { Key: 'a', Value: '2' },
      { Key: 'b', Value: '3' }
    ]);
    call('RemoveTagsFromResource', { ResourceType: 'Document', ResourceId: 'Tagged', TagKeys: ['a'] });
    expect(call('ListTagsForResource', { ResourceType: 'Document', ResourceId: 'Tagged' }).TagList).toEqual([
      { Key: 'b', Value: '3' }
    ]);
    expect(call('DescribeDocument', { Name: 'Tagged' }).Document!.Tags).toEqual([{ Key: 'b', Value: '3' }]);
  });

  it('refuses unknown resources', () => {
    expectError('ListTagsForResource', { ResourceType: 'Document', ResourceId: 'Nope' }, 'InvalidResourceId');
    expectError(
      'ListTagsForResource',
      { ResourceType: 'Parameter', ResourceId: '/x' },
      'InvalidResourceId',
      /Parameter/
    );
  });

  it('caps tags per resource', () => {
    const many = Array.from({ length: 1001 }, (_v, i) => ({ Key: `k${i}`, Value: 'v' }));
    expectError(
      'AddTagsToResource',
      { ResourceType: 'Document', ResourceId: 'Tagged', Tags: many },
      'TooManyTagsError'
    );
  });
});

describe('scenario data', () => {
  it('completes a compact document declared in the scenario', () => {
    state.ssm.documents = {
      FromScenario: { content: MINIMAL, documentFormat: 'YAML', tags: [{ Key: 'x', Value: 'y' }] }
    };
    const d = call('DescribeDocument', { Name: 'FromScenario' }).Document!;
    expect(d.Hash).toBe(sha256(MINIMAL));
    expect(d.DocumentType).toBe('Automation');
    expect(d.Tags).toEqual([{ Key: 'x', Value: 'y' }]);
  });

  it('names a scenario document whose content is invalid', () => {
    state.ssm.documents = { Bad: { content: 'nope: [' } };
    expect(() => ssmState(state)).toThrow(/scenario document 'Bad'.*not valid YAML/);
  });
});
