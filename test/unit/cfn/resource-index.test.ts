import { describe, it, expect } from '@jest/globals';
import { parseTemplate } from '../../../src/cfn/parse.js';
import { buildTemplateIndex } from '../../../src/cfn/resource-index.js';
import { nameCandidates, templateTypesFor } from '../../../src/cfn/physical-names.js';
import { FIXTURES, readRepoFile, SEED_TEMPLATE } from './helpers.js';

const seed = parseTemplate(readRepoFile(SEED_TEMPLATE), SEED_TEMPLATE);
const app = parseTemplate(readRepoFile(`${FIXTURES}/app.json`), `${FIXTURES}/app.json`);
const other = parseTemplate(
  'Resources:\n  ClaimsUploadsBucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: claims-uploads-dr\n  AlertsTopic:\n    Type: AWS::SQS::Queue\n',
  'dr/storage.yaml'
);
const index = buildTemplateIndex([seed, app, other], [{ file: 'x.yaml', reason: 'it has no Resources section' }]);

describe('TemplateIndex', () => {
  it('finds resources by type and physical name', () => {
    expect(index.byPhysicalName('AWS::S3::Bucket', 'patient-records').map(r => r.logicalId)).toEqual([
      'PatientRecordsBucket'
    ]);
    expect(index.byPhysicalName('AWS::S3::Bucket', 'claims-uploads-dr').map(r => r.file)).toEqual(['dr/storage.yaml']);
    expect(index.byPhysicalName('AWS::DynamoDB::Table', 'patient-records')).toEqual([]);
    expect(index.byPhysicalName('AWS::S3::Bucket', 'no-such-bucket')).toEqual([]);
  });

  it('matches an ARN or URL resource id by its last segment', () => {
    expect(
      index.byPhysicalName('AWS::SNS::Topic', 'arn:aws:sns:us-east-1:123456789012:alerts').map(r => r.logicalId)
    ).toEqual(['AlertsTopic']);
    expect(index.byPhysicalName('AWS::SNS::Topic', 'arn:aws:sns:us-east-1:123456789012:other')).toEqual([]);
  });

  it('finds resources by logical id, optionally of one type, in file order', () => {
    expect(index.byLogicalId('ClaimsUploadsBucket').map(r => r.file)).toEqual([SEED_TEMPLATE, 'dr/storage.yaml']);
    expect(index.byLogicalId('AlertsTopic', 'AWS::SQS::Queue').map(r => r.file)).toEqual(['dr/storage.yaml']);
    expect(index.byLogicalId('AlertsTopic', 'AWS::SNS::Topic').map(r => r.file)).toEqual([`${FIXTURES}/app.json`]);
    expect(index.byLogicalId('Nope')).toEqual([]);
  });

  it('keeps templates and skipped files, and returns copies', () => {
    expect(index.templates.map(t => t.file)).toEqual([SEED_TEMPLATE, `${FIXTURES}/app.json`, 'dr/storage.yaml']);
    expect(index.skipped).toEqual([{ file: 'x.yaml', reason: 'it has no Resources section' }]);
    index.byLogicalId('ClaimsUploadsBucket').pop();
    expect(index.byLogicalId('ClaimsUploadsBucket')).toHaveLength(2);
  });
});

describe('physical names', () => {
  it('nameCandidates: the id, then the last segment of an ARN or URL', () => {
    expect(nameCandidates('patient-records')).toEqual(['patient-records']);
    expect(nameCandidates('arn:aws:iam::123456789012:role/path/app-role')).toEqual([
      'arn:aws:iam::123456789012:role/path/app-role',
      'app-role'
    ]);
    expect(nameCandidates('https://sqs.us-east-1.amazonaws.com/123456789012/jobs')).toEqual([
      'https://sqs.us-east-1.amazonaws.com/123456789012/jobs',
      'jobs'
    ]);
  });

  it('templateTypesFor: SAM types deploy as Lambda functions and DynamoDB tables', () => {
    expect(templateTypesFor('AWS::Lambda::Function')).toEqual(['AWS::Lambda::Function', 'AWS::Serverless::Function']);
    expect(templateTypesFor('AWS::S3::Bucket')).toEqual(['AWS::S3::Bucket']);
  });
});
