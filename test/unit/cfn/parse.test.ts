import { describe, it, expect } from '@jest/globals';
import { SourceError, SourceErrors } from '../../../src/errors.js';
import { literalString, NotATemplateError, parseTemplate, toPlain } from '../../../src/cfn/parse.js';
import type { PNode } from '../../../src/source/tree.js';
import { FIXTURES, positionOf, readRepoFile, SEED_TEMPLATE } from './helpers.js';

function errorsOf(fn: () => unknown): SourceError[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof SourceErrors) return [...err.errors];
    throw err;
  }
  throw new Error('expected SourceErrors');
}

function notATemplate(text: string, file = 'x.yaml'): NotATemplateError {
  try {
    parseTemplate(text, file);
  } catch (err) {
    if (err instanceof NotATemplateError) return err;
    throw err;
  }
  throw new Error('expected NotATemplateError');
}

describe('parseTemplate: the seed storage template', () => {
  const text = readRepoFile(SEED_TEMPLATE);
  const t = parseTemplate(text, SEED_TEMPLATE);
  const byId = new Map(t.resources.map(r => [r.logicalId, r]));

  it('reads the three buckets with their physical names, in file order', () => {
    expect(t.file).toBe(SEED_TEMPLATE);
    expect(t.resources.map(r => [r.logicalId, r.type, r.physicalName])).toEqual([
      ['PatientRecordsBucket', 'AWS::S3::Bucket', 'patient-records'],
      ['ClaimsUploadsBucket', 'AWS::S3::Bucket', 'claims-uploads'],
      ['AccessLogsBucket', 'AWS::S3::Bucket', 'access-logs']
    ]);
  });

  it('positions each resource at its logical id key', () => {
    for (const id of ['PatientRecordsBucket', 'ClaimsUploadsBucket', 'AccessLogsBucket']) {
      expect(byId.get(id)?.position).toEqual({ file: SEED_TEMPLATE, ...positionOf(text, `${id}:`) });
    }
  });

  it('finds property positions, and nothing for properties the template does not write', () => {
    const patient = byId.get('PatientRecordsBucket')!;
    const claims = byId.get('ClaimsUploadsBucket')!;
    const patientLine = patient.position.line;
    expect(patient.propertyPosition(['BucketEncryption'])).toEqual({
      file: SEED_TEMPLATE,
      ...positionOf(text, 'BucketEncryption:', patientLine)
    });
    expect(patient.propertyPosition(['LoggingConfiguration', 'LogFilePrefix'])).toEqual({
      file: SEED_TEMPLATE,
      ...positionOf(text, 'LogFilePrefix:', patientLine)
    });
    // a list item by index, then a key inside it
    expect(
      patient.propertyPosition([
        'BucketEncryption',
        'ServerSideEncryptionConfiguration',
        '0',
        'ServerSideEncryptionByDefault'
      ])
    ).toEqual({ file: SEED_TEMPLATE, ...positionOf(text, 'ServerSideEncryptionByDefault:', patientLine) });
    expect(claims.propertyPosition(['LoggingConfiguration'])).toBeUndefined();
    expect(claims.propertyPosition(['BucketEncryption', 'ServerSideEncryptionConfiguration', '5'])).toBeUndefined();
    expect(claims.propertyPosition(['BucketName', 'Nested'])).toBeUndefined();
    expect(claims.propertyPosition([])).toEqual({
      file: SEED_TEMPLATE,
      ...positionOf(text, 'Properties:', claims.position.line)
    });
  });

  it('keeps properties as plain data with intrinsics in long form', () => {
    expect(byId.get('PatientRecordsBucket')?.properties).toEqual({
      BucketName: 'patient-records',
      LoggingConfiguration: { DestinationBucketName: { Ref: 'AccessLogsBucket' }, LogFilePrefix: 'patient-records/' },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }]
      },
      VersioningConfiguration: { Status: 'Enabled' }
    });
    expect(byId.get('ClaimsUploadsBucket')?.properties).not.toHaveProperty('LoggingConfiguration');
    expect(byId.get('AccessLogsBucket')?.properties).not.toHaveProperty('LoggingConfiguration');
  });
});

describe('parseTemplate: short tags and JSON', () => {
  const file = `${FIXTURES}/short-tags.yaml`;
  const text = readRepoFile(file);
  const t = parseTemplate(text, file);
  const byId = new Map(t.resources.map(r => [r.logicalId, r]));

  it('turns short tags into long forms (!Sub, !If, !Ref, !GetAtt, !Select, !GetAZs)', () => {
    const props = byId.get('DataLakeBucket')?.properties as Record<string, unknown>;
    expect(props.BucketName).toEqual({ 'Fn::Sub': '${AWS::StackName}-data-lake' });
    expect(props.VersioningConfiguration).toEqual({ Status: { 'Fn::If': ['IsProd', 'Enabled', 'Suspended'] } });
    expect(props.Tags).toEqual([
      { Key: 'stage', Value: { Ref: 'Stage' } },
      { Key: 'arn', Value: { 'Fn::GetAtt': ['ScratchVolume', 'VolumeId'] } }
    ]);
    expect(byId.get('ScratchVolume')?.properties).toEqual({
      AvailabilityZone: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] },
      Size: 100,
      Encrypted: false
    });
  });

  it('has no physical name when the name is computed, and the literal of a !Sub without variables', () => {
    expect(byId.get('DataLakeBucket')?.physicalName).toBeUndefined();
    expect(byId.get('DataLakeBucket')).not.toHaveProperty('physicalName');
    expect(byId.get('ScratchVolume')?.physicalName).toBeUndefined();
    expect(byId.get('LiteralNameBucket')?.physicalName).toBe('literal-${NotAVariable}');
  });

  it('positions properties inside lists and under intrinsic values', () => {
    const bucket = byId.get('DataLakeBucket')!;
    expect(bucket.propertyPosition(['Tags', '1', 'Value'])).toEqual({
      file,
      ...positionOf(text, 'Value: !GetAtt')
    });
    expect(bucket.propertyPosition(['PublicAccessBlockConfiguration', 'BlockPublicPolicy'])).toEqual({
      file,
      ...positionOf(text, 'BlockPublicPolicy:')
    });
    expect(byId.get('ScratchVolume')?.propertyPosition(['Encrypted'])).toEqual({
      file,
      ...positionOf(text, 'Encrypted:')
    });
  });

  it('reads JSON templates with positions and Fn::Sub literal names', () => {
    const jsonFile = `${FIXTURES}/app.json`;
    const json = readRepoFile(jsonFile);
    const app = parseTemplate(json, jsonFile);
    expect(app.resources.map(r => [r.logicalId, r.physicalName ?? null])).toEqual([
      ['OrdersTable', 'orders'],
      ['AlertsTopic', 'alerts'],
      ['OrdersFunction', 'orders-handler'],
      ['OrdersRole', null],
      ['OrdersDatabase', 'orders-db']
    ]);
    const db = app.resources.find(r => r.logicalId === 'OrdersDatabase')!;
    expect(db.position).toEqual({ file: jsonFile, ...positionOf(json, '"OrdersDatabase"') });
    expect(db.propertyPosition(['StorageEncrypted'])).toEqual({
      file: jsonFile,
      ...positionOf(json, '"StorageEncrypted"')
    });
    expect((db.properties as Record<string, unknown>).StorageEncrypted).toBe(false);
  });

  it('accepts a resource without Properties (empty properties) and Properties: with no value', () => {
    const t2 = parseTemplate(
      'Resources:\n  A:\n    Type: AWS::SNS::Topic\n  B:\n    Type: AWS::SQS::Queue\n    Properties:\n',
      'q.yaml'
    );
    expect(t2.resources.map(r => [r.logicalId, r.properties])).toEqual([
      ['A', {}],
      ['B', {}]
    ]);
    expect(t2.resources[0]?.propertyPosition(['TopicName'])).toBeUndefined();
    expect(t2.resources[0]?.propertyPosition([])).toBeUndefined();
  });
});

describe('parseTemplate: files that are not templates', () => {
  it('skips YAML without Resources, with the reason', () => {
    const file = `${FIXTURES}/not-cfn.yaml`;
    const err = notATemplate(readRepoFile(file), file);
    expect(err.reason).toBe('it has no Resources section');
    expect(err.file).toBe(file);
    expect(err.message).toContain(file);
  });

  it('skips YAML with tags of its own and no Resources (not reported as unknown tags)', () => {
    const file = `${FIXTURES}/custom-tags-not-cfn.yaml`;
    expect(notATemplate(readRepoFile(file), file).reason).toBe('it has no Resources section');
  });

  it('skips empty files and files whose top level is not a map', () => {
    expect(notATemplate(readRepoFile(`${FIXTURES}/empty.yaml`)).reason).toBe('the file is empty');
    expect(notATemplate('').reason).toBe('the file is empty');
    expect(notATemplate('- a\n- b\n').reason).toBe('its top level is a list, not a map');
    expect(notATemplate('just text').reason).toMatch(/^its top level is the string "just text"/);
  });
});

describe('parseTemplate: malformed templates', () => {
  it('reports every problem with file:line:col', () => {
    const file = `${FIXTURES}/bad/malformed.yaml`;
    const text = readRepoFile(file);
    const errors = errorsOf(() => parseTemplate(text, file));
    expect(errors.map(e => [e.file, e.line, e.col])).toEqual([
      [file, ...Object.values(positionOf(text, 'My-Bucket:'))],
      [file, ...Object.values(positionOf(text, 'NoType:'))],
      [file, ...Object.values(positionOf(text, 'S3Bucket'))],
      [file, ...Object.values(positionOf(text, '- BucketName'))],
      [file, ...Object.values(positionOf(text, 'just a string'))]
    ]);
    expect(errors.map(e => e.detail)).toEqual([
      'logical id "My-Bucket" must be alphanumeric (A-Z, a-z, 0-9)',
      'resource NoType has no Type',
      'Type of BadType is "S3Bucket": expected a resource type such as AWS::S3::Bucket',
      'Properties of ListProps must be a map, found a list',
      'resource Scalar must be a map with Type and Properties, found the string "just a string"'
    ]);
  });

  it('reports YAML syntax errors and duplicate logical ids with their line', () => {
    const syntax = errorsOf(() => parseTemplate(readRepoFile(`${FIXTURES}/bad/syntax-error.template`), 's.yaml'));
    expect(syntax).toHaveLength(1);
    expect(syntax[0]?.file).toBe('s.yaml');
    expect(syntax[0]?.detail).toMatch(/^invalid YAML\/JSON/);
    const dup = errorsOf(() => parseTemplate(readRepoFile(`${FIXTURES}/bad/duplicate-ids.yaml`), 'd.yaml'));
    expect(dup.map(e => [e.line, e.col])).toEqual([[4, 3]]);
    expect(dup[0]?.detail).toMatch(/unique/);
  });

  it('rejects a Resources section that is empty, a list or missing its value', () => {
    expect(errorsOf(() => parseTemplate('Resources: {}\n', 'e.yaml')).map(e => [e.line, e.detail])).toEqual([
      [1, 'Resources is empty: a template declares at least one resource']
    ]);
    expect(errorsOf(() => parseTemplate('Resources:\n  - a\n', 'l.yaml'))[0]?.detail).toBe(
      'Resources must be a map of logical ids to resources, found a list'
    );
    expect(errorsOf(() => parseTemplate('Resources:\n', 'n.yaml')).map(e => [e.line, e.col, e.detail])).toEqual([
      [1, 1, 'Resources must be a map of logical ids to resources, found an empty value']
    ]);
  });

  it('rejects a non-string Type and unknown tags in a template, and says "CloudFormation template" for aliases', () => {
    const text = [
      'Resources:',
      '  A:',
      '    Type: [AWS::S3::Bucket]',
      '  B:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      BucketName: !Secret x',
      '      Tags: &tags []',
      '      Other: *tags'
    ].join('\n');
    const errors = errorsOf(() => parseTemplate(text, 't.yaml'));
    expect(errors.map(e => e.line)).toEqual([3, 7, 9]);
    expect(errors[0]?.detail).toBe('Type of A must be a string, found a list');
    expect(errors[1]?.detail).toMatch(/unknown tag !Secret/);
    expect(errors[2]?.detail).toContain('a CloudFormation template');
    expect(errors[2]?.detail).not.toContain('conformance pack');
  });
});

describe('helpers', () => {
  const pos = { file: 'f', line: 1, col: 1 };
  const scalar = (value: string | number | boolean | null, text = String(value)): PNode => ({
    kind: 'scalar',
    value,
    text,
    pos
  });
  const sub = (s: string): PNode => ({
    kind: 'map',
    pos,
    entries: [{ key: 'Fn::Sub', keyPos: pos, value: scalar(s) }]
  });

  it('literalString: scalars, numbers as written, !Sub without variables', () => {
    expect(literalString(scalar('a'))).toBe('a');
    expect(literalString(scalar(10.5, '10.50'))).toBe('10.50');
    expect(literalString(scalar(true))).toBeUndefined();
    expect(literalString(scalar(null, ''))).toBeUndefined();
    expect(literalString(sub('plain'))).toBe('plain');
    expect(literalString(sub('a-${!B}'))).toBe('a-${B}');
    expect(literalString(sub('a-${B}'))).toBeUndefined();
    expect(
      literalString({ kind: 'map', pos, entries: [{ key: 'Ref', keyPos: pos, value: scalar('X') }] })
    ).toBeUndefined();
    expect(literalString({ kind: 'seq', pos, items: [] })).toBeUndefined();
  });

  it('toPlain: nested maps and lists', () => {
    const node: PNode = {
      kind: 'map',
      pos,
      entries: [
        { key: 'a', keyPos: pos, value: { kind: 'seq', pos, items: [scalar(1), scalar('x'), scalar(null, '')] } }
      ]
    };
    expect(toPlain(node)).toEqual({ a: [1, 'x', null] });
  });
});
