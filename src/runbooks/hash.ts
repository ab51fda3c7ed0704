/**
 * What is sent to SSM and how it is compared with what is deployed.
 *
 * The content sent to CreateDocument/UpdateDocument is the file's text exactly as read (no re-serialisation), with
 * `DocumentFormat` YAML for .yaml/.yml files and JSON for .json files. SSM's DescribeDocument returns `Hash` with
 * `HashType: Sha256` over that content, so `documentHash(content) === Document.Hash` means "deployed as is".
 */
import { createHash } from 'node:crypto';
import { SourceError } from '../errors.js';
import type { DocumentFormat } from './types.js';

/** The SSM limit for document content: "The size limit of a document is 64 KB" (MaxDocumentSizeExceeded). */
export const MAX_DOCUMENT_CONTENT_BYTES = 64 * 1024;

/** SHA-256 (lowercase hex) of the content as UTF-8, as SSM computes `Hash` for `HashType: Sha256`. */
export function documentHash(content: string): string {
  return createHash('sha256').update(content, 'utf8').digest('hex');
}

/** True when the deployed hash (DescribeDocument `Hash`) matches the content to deploy. Case-insensitive on hex. */
export function sameDocumentHash(content: string, deployedHash: string | undefined): boolean {
  return deployedHash !== undefined && documentHash(content) === deployedHash.toLowerCase();
}

/** The `DocumentFormat` to declare for a runbook file: JSON for `.json`, YAML for `.yaml`/`.yml`. */
export function documentFormat(file: string): DocumentFormat {
  const lower = file.toLowerCase();
  if (lower.endsWith('.json')) return 'JSON';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'YAML';
  throw new SourceError(file, 1, 1, 'a runbook file must end in .yaml, .yml or .json (its DocumentFormat for SSM)');
}

/** Size of the content in bytes as SSM counts it (UTF-8). */
export function contentBytes(content: string): number {
  return Buffer.byteLength(content, 'utf8');
}
