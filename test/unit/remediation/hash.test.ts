import { describe, expect, it } from '@jest/globals';
import {
  MASK,
  canonicalJson,
  idempotencyToken,
  isSecretParameterName,
  looksLikeCredential,
  maskParameters,
  maskText,
  planHash,
  sha256Hex
} from '../../../src/remediation/hash.js';

// Shaped like AWS credentials, but made up.
const ACCESS_KEY = 'AKIAIOSFODNN7EXAMPLE';
const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjE' + 'A'.repeat(60) + 'b/+z9' + 'Q'.repeat(40);

describe('canonicalJson', () => {
  it('sorts keys at every level, keeps array order and leaves out undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[3,{"y":2,"z":1}]},"b":1}'
    );
    expect(canonicalJson([undefined, null, 'x'])).toBe('[null,null,"x"]');
    expect(canonicalJson(undefined)).toBe('null');
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/non-finite/);
  });

  it('gives the same text for the same data built in another order', () => {
    expect(canonicalJson({ x: 1, y: [1, 2] })).toBe(canonicalJson({ y: [1, 2], x: 1 }));
  });
});

describe('planHash', () => {
  it('is the sha256 of the canonical account, region and targets', () => {
    const h = planHash({ accountId: '1', region: 'r', targets: [{ b: 1, a: 2 }] });
    expect(h).toBe(sha256Hex('{"accountId":"1","region":"r","targets":[{"a":2,"b":1}]}'));
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(planHash({ accountId: '2', region: 'r', targets: [{ b: 1, a: 2 }] })).not.toBe(h);
  });
});

describe('masking', () => {
  it('treats secret-looking parameter names as secret, except known identifiers', () => {
    for (const n of ['Password', 'DbPassword', 'ApiToken', 'SecretString', 'privateKey', 'SshKey', 'Credentials']) {
      expect(isSecretParameterName(n)).toBe(true);
    }
    for (const n of ['KmsKeyId', 'KMSMasterKeyID', 'SSEKMSKeyId', 'TopicArn', 'BucketName', 'AutomationAssumeRole']) {
      expect(isSecretParameterName(n)).toBe(false);
    }
  });

  it('recognises values shaped like AWS credentials', () => {
    expect(looksLikeCredential(ACCESS_KEY)).toBe(true);
    expect(looksLikeCredential(`key=${SECRET_KEY};`)).toBe(true);
    expect(looksLikeCredential(SESSION_TOKEN)).toBe(true);
    // lower-case hex of 40 characters (a commit sha) or a 40-character bucket name is not a secret key
    expect(looksLikeCredential('0123456789abcdef0123456789abcdef01234567')).toBe(false);
    expect(looksLikeCredential('my-very-long-bucket-name-for-patient-data')).toBe(false);
    expect(looksLikeCredential('arn:aws:iam::123456789012:role/my-hipaa-alerting-role')).toBe(false);
  });

  it('masks secret parameters and credential values, never the resource id parameter', () => {
    const masked = maskParameters(
      {
        Password: ['hunter2', 'x'],
        KmsKeyId: ['alias/phi'],
        Notes: [`use ${ACCESS_KEY}`],
        TopicArn: ['arn:aws:sns:us-east-1:123456789012:t'],
        BucketKey: ['AKIAIOSFODNN7EXAMPLE']
      },
      'BucketKey'
    );
    expect(masked).toEqual({
      Password: [MASK, MASK],
      KmsKeyId: ['alias/phi'],
      Notes: [MASK],
      TopicArn: ['arn:aws:sns:us-east-1:123456789012:t'],
      BucketKey: ['AKIAIOSFODNN7EXAMPLE']
    });
  });

  it('masks credentials inside free text and leaves the rest', () => {
    const text = `failed with ${ACCESS_KEY} and ${SECRET_KEY} and ${SESSION_TOKEN} for bucket claims-uploads`;
    const out = maskText(text);
    expect(out).not.toContain(ACCESS_KEY);
    expect(out).not.toContain(SECRET_KEY);
    expect(out).not.toContain(SESSION_TOKEN);
    expect(out).toBe(`failed with ${MASK} and ${MASK} and ${MASK} for bucket claims-uploads`);
    expect(maskText('plain message')).toBe('plain message');
  });
});

describe('idempotencyToken', () => {
  it('is UUID-shaped (SSM ClientToken) and stable for the same parts', () => {
    const t = idempotencyToken('hash', 'run', '1', 'rule', 'id');
    expect(t).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(idempotencyToken('hash', 'run', '1', 'rule', 'id')).toBe(t);
    expect(idempotencyToken('hash', 'run', '2', 'rule', 'id')).not.toBe(t);
  });
});
