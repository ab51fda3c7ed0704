import { describe, expect, it } from '@jest/globals';
import { fingerprint } from '../../../src/compliance/fingerprint.js';
import type { ComplianceResult } from '../../../src/compliance/types.js';
import { logicalIdQueries } from '../../../src/locate/logical-ids.js';
import { parseTemplate } from '../../../src/cfn/parse.js';
import { buildTemplateIndex } from '../../../src/cfn/resource-index.js';

const template = parseTemplate(
  [
    'Resources:',
    '  Named:',
    '    Type: AWS::S3::Bucket',
    '    Properties:',
    '      BucketName: named-bucket',
    '  Unnamed:',
    '    Type: AWS::S3::Bucket'
  ].join('\n'),
  'infra/storage.yaml'
);
const index = buildTemplateIndex([template]);

function result(ids: string[], type = 'AWS::S3::Bucket'): ComplianceResult {
  return {
    checkedAt: '2026-11-22T00:00:00Z',
    accountId: '123456789012',
    region: 'us-east-1',
    accounts: [{ accountId: '123456789012', regions: [{ region: 'us-east-1', status: 'checked' }] }],
    rules: [
      {
        accountId: '123456789012',
        region: 'us-east-1',
        ruleName: 'r',
        status: 'noncompliant',
        complianceType: 'NON_COMPLIANT',
        findings: ids.map(id => ({
          accountId: '123456789012',
          region: 'us-east-1',
          ruleName: 'r',
          resourceType: type,
          resourceId: id,
          fingerprint: fingerprint('123456789012', 'us-east-1', 'r', type, id)
        }))
      }
    ]
  };
}

describe('logicalIdQueries', () => {
  it('asks only for resources no template names, quoting ids', () => {
    expect(logicalIdQueries(result(['named-bucket', "o'brien-bucket"]), index)).toEqual([
      "SELECT resourceId, resourceType, tags WHERE resourceType = 'AWS::S3::Bucket' AND resourceId IN ('o''brien-bucket')"
    ]);
  });
  it('asks nothing for types no template declares, or without templates', () => {
    expect(logicalIdQueries(result(['vol-1'], 'AWS::EC2::Volume'), index)).toEqual([]);
    expect(logicalIdQueries(result(['x']), buildTemplateIndex([]))).toEqual([]);
  });
  it('keeps every expression within 4,096 characters and loses no id', () => {
    const ids = Array.from({ length: 400 }, (_, i) => `bucket-with-a-fairly-long-generated-name-${i}`);
    const queries = logicalIdQueries(result(ids), index);
    expect(queries.length).toBeGreaterThan(1);
    for (const q of queries) expect(q.length).toBeLessThanOrEqual(4096);
    const asked = queries.flatMap(q => [...q.matchAll(/'(bucket-[^']+)'/g)].map(m => m[1]));
    expect(asked.sort()).toEqual([...ids].sort());
  });
});
