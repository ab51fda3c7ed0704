import { describe, expect, it } from '@jest/globals';
import {
  MASK,
  MAX_MESSAGE,
  isSecretParameterName,
  looksLikeCredential,
  maskParameters,
  maskText,
  shortMessage
} from '../../../src/remediation/mask.js';

// Shaped like AWS credentials, but made up.
const ACCESS_KEY = 'AKIAIOSFODNN7EXAMPLE';
const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjE' + 'A'.repeat(60) + 'b/+z9' + 'Q'.repeat(40);

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

describe('shortMessage', () => {
  it('caps long AWS messages and masks credentials in them', () => {
    expect(shortMessage('word '.repeat(1000))).toHaveLength(MAX_MESSAGE);
    expect(shortMessage('key AKIAIOSFODNN7EXAMPLE denied')).toBe('key *** denied');
  });
});
