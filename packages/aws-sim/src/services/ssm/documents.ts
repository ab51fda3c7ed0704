/**
 * The document store: lookups (by name or ARN, account-owned or AWS-owned), version selection and the API views
 * (DocumentDescription, DocumentIdentifier, DocumentVersionInfo) of stored documents.
 */
import { AwsError } from '../../core/types.js';
import type { AccountState } from '../../core/state.js';
import { awsDocuments } from './aws-documents.js';
import { ContentError } from './content.js';
import { ssmState, type DocumentRecord, type DocumentVersionRecord } from './state.js';

/** HTTP status AWS answers each modelled error with (awsQueryError httpResponseCode in ssm.json). */
const ERROR_STATUS: Record<string, number> = {
  InvalidDocument: 404,
  InvalidDocumentOperation: 403,
  AutomationDefinitionNotFoundException: 404,
  AutomationDefinitionVersionNotFoundException: 404,
  AutomationExecutionNotFoundException: 404
};

/** An AwsError with the status the model declares for `code`. */
export function ssmError(code: string, message: string): AwsError {
  return new AwsError(code, message, ERROR_STATUS[code] ?? 400);
}

/** The modelled error for content the service refuses. */
export function contentError(e: ContentError): AwsError {
  return ssmError(e.code, e.message);
}

/**
 * Name prefixes reserved by AWS (CreateDocument: aws, amazon, amzn, AWSEC2, AWSConfigRemediation, AWSSupport).
 * Compared case-insensitively; `aws` is reserved with its hyphen (AWS-…), as AWS's own documents are named.
 */
const RESERVED_PREFIXES = ['aws-', 'amazon', 'amzn', 'awsec2', 'awsconfigremediation', 'awssupport'];

export function reservedPrefix(name: string): string | undefined {
  const lower = name.toLowerCase();
  return RESERVED_PREFIXES.find(p => lower.startsWith(p));
}

/** The document name a Name member refers to (a name, or arn:aws:ssm:REGION:ACCOUNT:document/NAME). */
export function documentNameOf(ref: string, state: AccountState): string | undefined {
  const m = /^arn:aws[a-z-]*:ssm:([a-z0-9-]*):(\d{12})?:document\/(.+)$/.exec(ref);
  if (!m) return ref;
  const [, region, account, name] = m;
  if (region && region !== state.region) return undefined;
  if (account && account !== state.accountId) return undefined;
  return name;
}

/** A document by name or ARN: the account's own, else an AWS-owned one. */
export function findDocument(state: AccountState, ref: string): DocumentRecord | undefined {
  const name = documentNameOf(ref, state);
  if (name === undefined) return undefined;
  return ssmState(state).documents[name] ?? awsDocuments().get(name);
}

export function requireDocument(state: AccountState, ref: string): DocumentRecord {
  const doc = findDocument(state, ref);
  if (!doc) throw ssmError('InvalidDocument', `The specified document does not exist: ${ref}`);
  return doc;
}

/** A document the account owns (may be changed); AWS-owned documents are read-only. */
export function requireOwnedDocument(state: AccountState, ref: string, operation: string): DocumentRecord {
  const doc = requireDocument(state, ref);
  if (doc.owner !== state.accountId) {
    throw ssmError(
      'InvalidDocumentOperation',
      `${operation}: document ${doc.name} is owned by ${doc.owner} and is read-only`
    );
  }
  return doc;
}

/**
 * Selects a version: DocumentVersion `$LATEST`, `$DEFAULT` or a number, and/or a VersionName; neither means the
 * default version. Undefined when no version fits.
 */
export function findVersion(
  doc: DocumentRecord,
  documentVersion?: string,
  versionName?: string
): DocumentVersionRecord | undefined {
  let number: string | undefined;
  if (documentVersion === '$LATEST') number = doc.latestVersion;
  else if (documentVersion === '$DEFAULT') number = doc.defaultVersion;
  else if (documentVersion !== undefined) number = documentVersion;
  if (number !== undefined) {
    const v = doc.versions[number];
    if (!v) return undefined;
    return versionName === undefined || v.versionName === versionName ? v : undefined;
  }
  if (versionName !== undefined) return Object.values(doc.versions).find(v => v.versionName === versionName);
  return doc.versions[doc.defaultVersion];
}

export function requireVersion(
  doc: DocumentRecord,
  documentVersion?: string,
  versionName?: string
): DocumentVersionRecord {
  const v = findVersion(doc, documentVersion, versionName);
  if (!v) {
    const which = [
      documentVersion !== undefined ? `version ${documentVersion}` : '',
      versionName !== undefined ? `version name ${versionName}` : ''
    ]
      .filter(Boolean)
      .join(' and ');
    throw ssmError('InvalidDocumentVersion', `Document ${doc.name} has no ${which}.`);
  }
  return v;
}

/** Platforms AWS reports for Automation documents. */
function platformTypes(doc: DocumentRecord): string[] {
  return doc.documentType === 'Automation' ? ['Windows', 'Linux', 'MacOS'] : [];
}

function tagsView(doc: DocumentRecord): { Key: string; Value: string }[] {
  return doc.tags.map(t => ({ Key: t.Key, Value: t.Value }));
}

/** The DocumentDescription of one version (DescribeDocument, CreateDocument, UpdateDocument). */
export function describeVersion(doc: DocumentRecord, v: DocumentVersionRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    Hash: v.hash,
    HashType: 'Sha256',
    Name: doc.name,
    Owner: doc.owner,
    CreatedDate: new Date(v.createdDate),
    Status: v.status ?? 'Active',
    DocumentVersion: v.version,
    Parameters: v.parameters.map(p => ({ ...p })),
    PlatformTypes: platformTypes(doc),
    DocumentType: doc.documentType,
    SchemaVersion: v.schemaVersion,
    LatestVersion: doc.latestVersion,
    DefaultVersion: doc.defaultVersion,
    DocumentFormat: v.format,
    Tags: tagsView(doc)
  };
  if (v.versionName !== undefined) out.VersionName = v.versionName;
  if (v.displayName !== undefined) out.DisplayName = v.displayName;
  if (v.targetType !== undefined) out.TargetType = v.targetType;
  if (v.description !== undefined) out.Description = v.description;
  if (v.statusInformation !== undefined) out.StatusInformation = v.statusInformation;
  return out;
}

/** The DocumentIdentifier of a document (ListDocuments): its default version. */
export function documentIdentifier(doc: DocumentRecord): Record<string, unknown> {
  const v = doc.versions[doc.defaultVersion]!;
  const first = Object.values(doc.versions).reduce((a, b) => (a.createdDate <= b.createdDate ? a : b));
  const out: Record<string, unknown> = {
    Name: doc.name,
    CreatedDate: new Date(first.createdDate),
    Owner: doc.owner,
    PlatformTypes: platformTypes(doc),
    DocumentVersion: v.version,
    DocumentType: doc.documentType,
    SchemaVersion: v.schemaVersion,
    DocumentFormat: v.format,
    Tags: tagsView(doc)
  };
  if (v.versionName !== undefined) out.VersionName = v.versionName;
  if (v.displayName !== undefined) out.DisplayName = v.displayName;
  if (v.targetType !== undefined) out.TargetType = v.targetType;
  return out;
}

/** The DocumentVersionInfo of a version (ListDocumentVersions). */
export function versionInfo(doc: DocumentRecord, v: DocumentVersionRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    Name: doc.name,
    DocumentVersion: v.version,
    CreatedDate: new Date(v.createdDate),
    IsDefaultVersion: v.version === doc.defaultVersion,
    DocumentFormat: v.format,
    Status: v.status ?? 'Active'
  };
  if (v.statusInformation !== undefined) out.StatusInformation = v.statusInformation;
  if (v.versionName !== undefined) out.VersionName = v.versionName;
  if (v.displayName !== undefined) out.DisplayName = v.displayName;
  return out;
}

/** All documents visible to the account: its own, then AWS-owned ones, by name. */
export function allDocuments(state: AccountState): DocumentRecord[] {
  const own = Object.values(ssmState(state).documents);
  return [...own, ...awsDocuments().values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

// ------------------------------------------------------------------------------------------------ paging

/** Opaque NextToken: the operation and the offset of the next item. */
export function encodeToken(operation: string, offset: number): string {
  return Buffer.from(JSON.stringify({ op: operation, offset }), 'utf8').toString('base64');
}

export function decodeToken(operation: string, token: unknown): number {
  if (token === undefined) return 0;
  try {
    if (typeof token !== 'string') throw new TypeError('NextToken must be a string');
    const parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { op?: unknown; offset?: unknown };
    if (
      parsed.op === operation &&
      typeof parsed.offset === 'number' &&
      Number.isInteger(parsed.offset) &&
      parsed.offset >= 0
    ) {
      return parsed.offset;
    }
  } catch {
    // fall through
  }
  throw ssmError('InvalidNextToken', `The NextToken is not valid for ${operation}.`);
}

/** One page of `items` from the token's offset; NextToken only when more items follow. */
export function page<T>(
  operation: string,
  items: readonly T[],
  maxResults: unknown,
  token: unknown,
  defaultMax: number
): { items: T[]; nextToken?: string } {
  const offset = decodeToken(operation, token);
  const max = typeof maxResults === 'number' ? maxResults : defaultMax;
  const slice = items.slice(offset, offset + max);
  return offset + max < items.length
    ? { items: slice, nextToken: encodeToken(operation, offset + max) }
    : { items: slice };
}
