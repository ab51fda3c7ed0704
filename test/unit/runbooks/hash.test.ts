import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SourceError } from '../../../src/errors.js';
import {
  MAX_DOCUMENT_CONTENT_BYTES,
  contentBytes,
  documentFormat,
  documentHash,
  sameDocumentHash
} from '../../../src/runbooks/hash.js';
import { parseRunbook } from '../../../src/runbooks/parse.js';
import { REFERENCE_PRESENT } from '../../helpers/reference.js';

const EXAMPLE = 'examples/seed/runbooks/my-hipaa-remediation-runbook.yaml';

describe('documentHash', () => {
  it('is the SHA-256 hex of the UTF-8 content (known vectors)', () => {
    expect(documentHash('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(documentHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(documentHash('é\n')).toBe('edd3a863872a04239eb29ad4bc12fc892b3d4ae57cc7e786a3697816f8e141c2');
  });

  it('hashes the file text exactly as read: equal to the hash of the file bytes', () => {
    const reference = REFERENCE_PRESENT ? ['../shared/reference/runbooks/ConfigureDynamoDBAutoScaling.yaml'] : [];
    for (const file of [EXAMPLE, ...reference]) {
      const bytes = readFileSync(file);
      const runbook = parseRunbook(readFileSync(file, 'utf8'), file);
      expect(documentHash(runbook.content)).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });

  it('is stable for the same content and changes with any byte, line endings included', () => {
    const text = readFileSync(EXAMPLE, 'utf8');
    const hash = documentHash(text);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(documentHash(`${text}`)).toBe(hash);
    expect(documentHash(parseRunbook(text, EXAMPLE).content)).toBe(hash);
    expect(documentHash(`${text} `)).not.toBe(hash);
    expect(documentHash(text.replace(/\n/g, '\r\n'))).not.toBe(hash);
  });
});

describe('sameDocumentHash', () => {
  it('compares with the deployed Hash, case-insensitively, and is false when nothing is deployed', () => {
    const text = 'schemaVersion: "0.3"\n';
    const hash = documentHash(text);
    expect(sameDocumentHash(text, hash)).toBe(true);
    expect(sameDocumentHash(text, hash.toUpperCase())).toBe(true);
    expect(sameDocumentHash(`${text}#`, hash)).toBe(false);
    expect(sameDocumentHash(text, undefined)).toBe(false);
  });
});

describe('documentFormat', () => {
  it.each([
    ['a.yaml', 'YAML'],
    ['a.YML', 'YAML'],
    ['dir.json/a.yml', 'YAML'],
    ['a.json', 'JSON'],
    ['A.JSON', 'JSON']
  ])('%s -> %s', (file, format) => {
    expect(documentFormat(file)).toBe(format);
  });

  it('refuses other extensions with a SourceError naming the file', () => {
    expect(() => documentFormat('runbook.txt')).toThrow(SourceError);
    expect(() => documentFormat('runbook.txt')).toThrow(
      'runbook.txt:1:1: a runbook file must end in .yaml, .yml or .json'
    );
  });
});

describe('contentBytes', () => {
  it('counts UTF-8 bytes against the 64 KB limit', () => {
    expect(MAX_DOCUMENT_CONTENT_BYTES).toBe(65536);
    expect(contentBytes('abc')).toBe(3);
    expect(contentBytes('é')).toBe(2);
  });
});
