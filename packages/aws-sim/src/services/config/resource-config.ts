/**
 * Recorded configuration items of the simulated account, as AWS Config reports them to BatchGetResourceConfig
 * (BaseConfigurationItem: no tags) and SelectResourceConfig (advanced queries, which can select `tags`).
 *
 * SelectResourceConfig understands a small SQL subset, enough to fetch tags of known resources in one request:
 *
 *   SELECT field [, field ...] [WHERE condition [AND condition ...]]
 *
 * where a field is accountId, arn, availabilityZone, awsRegion, resourceCreationTime, resourceId, resourceName,
 * resourceType, tags (or tags.key / tags.value / tags.tag in conditions), configuration[.path],
 * supplementaryConfiguration[.path]; a condition is `field = literal` or `field IN (literal, ...)` with literals
 * 'quoted strings' ('' inside one is a quote), numbers, true or false. Anything else (OR, NOT, BETWEEN, LIKE, GROUP BY,
 * ORDER BY, aggregates, FROM) is answered with InvalidExpressionException naming what is unsupported.
 */
import { createHash } from 'node:crypto';
import type { AccountState } from '../../core/state.js';
import { compareResourceKeys } from './items.js';

/** One recorded resource, before serialisation. */
export interface RecordedResource {
  resourceType: string;
  resourceId: string;
  resourceName: string;
  arn: string;
  accountId: string;
  awsRegion: string;
  availabilityZone: string;
  /** ISO 8601, when known. */
  resourceCreationTime?: string;
  configuration: Record<string, unknown>;
  supplementaryConfiguration: Record<string, unknown>;
  tags: Readonly<Record<string, string>>;
}

/** Every resource the simulated account records, ordered by type then id. */
export function recordedResources(state: AccountState): RecordedResource[] {
  const { accountId, region } = state;
  const r = state.resources;
  const base = (type: string, id: string, arn: string, tags: Record<string, string> | undefined, az: string) => ({
    resourceType: type,
    resourceId: id,
    resourceName: id,
    arn,
    accountId,
    awsRegion: region,
    availabilityZone: az,
    tags: tags ?? {}
  });
  const out: RecordedResource[] = [];
  for (const b of Object.values(r.s3Buckets ?? {})) {
    const sse = b.encryption;
    out.push({
      ...base('AWS::S3::Bucket', b.name, `arn:aws:s3:::${b.name}`, b.tags, 'Regional'),
      awsRegion: b.region ?? region,
      ...(b.createdAt !== undefined ? { resourceCreationTime: b.createdAt } : {}),
      configuration: { name: b.name, owner: { id: accountId }, ...(b.createdAt ? { creationDate: b.createdAt } : {}) },
      supplementaryConfiguration: {
        BucketLoggingConfiguration: b.logging
          ? { destinationBucketName: b.logging.targetBucket, logFilePrefix: b.logging.targetPrefix ?? '' }
          : { destinationBucketName: null, logFilePrefix: null },
        BucketVersioningConfiguration: { status: b.versioning ?? 'Off', isMfaDeleteEnabled: b.mfaDelete === true },
        ...(sse
          ? {
              ServerSideEncryptionConfiguration: {
                rules: [
                  {
                    applyServerSideEncryptionByDefault: {
                      sseAlgorithm: sse.sseAlgorithm,
                      ...(sse.kmsKeyId !== undefined ? { kmsMasterKeyID: sse.kmsKeyId } : {})
                    },
                    bucketKeyEnabled: sse.bucketKeyEnabled === true
                  }
                ]
              }
            }
          : {})
      }
    });
  }
  for (const v of Object.values(r.ebsVolumes ?? {})) {
    out.push({
      ...base('AWS::EC2::Volume', v.id, `arn:aws:ec2:${region}:${accountId}:volume/${v.id}`, v.tags, `${region}a`),
      configuration: {
        volumeId: v.id,
        encrypted: v.encrypted,
        ...(v.kmsKeyId !== undefined ? { kmsKeyId: v.kmsKeyId } : {}),
        state: v.attached === false ? 'available' : 'in-use'
      },
      supplementaryConfiguration: {}
    });
  }
  for (const db of Object.values(r.rdsInstances ?? {})) {
    const arn = `arn:aws:rds:${region}:${accountId}:db:${db.id}`;
    out.push({
      ...base('AWS::RDS::DBInstance', db.id, arn, db.tags, 'Multiple Availability Zones'),
      configuration: {
        dBInstanceIdentifier: db.id,
        dBInstanceArn: arn,
        storageEncrypted: db.storageEncrypted,
        ...(db.kmsKeyId !== undefined ? { kmsKeyId: db.kmsKeyId } : {})
      },
      supplementaryConfiguration: {}
    });
  }
  for (const vpc of Object.values(r.vpcs ?? {})) {
    out.push({
      ...base(
        'AWS::EC2::VPC',
        vpc.id,
        `arn:aws:ec2:${region}:${accountId}:vpc/${vpc.id}`,
        vpc.tags,
        'Multiple Availability Zones'
      ),
      configuration: { vpcId: vpc.id, ownerId: accountId },
      supplementaryConfiguration: {}
    });
  }
  for (const t of Object.values(r.trails ?? {})) {
    const arn = `arn:aws:cloudtrail:${region}:${accountId}:trail/${t.name}`;
    out.push({
      ...base('AWS::CloudTrail::Trail', t.name, arn, undefined, 'Regional'),
      configuration: {
        name: t.name,
        trailARN: arn,
        isMultiRegionTrail: t.multiRegion === true,
        ...(t.s3BucketName !== undefined ? { s3BucketName: t.s3BucketName } : {}),
        ...(t.snsTopicArn !== undefined ? { snsTopicARN: t.snsTopicArn } : {}),
        ...(t.cloudWatchLogsLogGroupArn !== undefined ? { cloudWatchLogsLogGroupArn: t.cloudWatchLogsLogGroupArn } : {})
      },
      supplementaryConfiguration: { TrailStatus: { isLogging: t.isLogging } }
    });
  }
  return out.sort(compareResourceKeys);
}

/** The resource with this type and id, if the account records it. */
export function findRecorded(
  state: AccountState,
  resourceType: string,
  resourceId: string
): RecordedResource | undefined {
  return recordedResources(state).find(r => r.resourceType === resourceType && r.resourceId === resourceId);
}

/** BaseConfigurationItem of BatchGetResourceConfig (model member names; no tags, as AWS filters them out). */
export function baseConfigurationItem(r: RecordedResource, capturedAt: Date): Record<string, unknown> {
  const configuration = JSON.stringify(r.configuration);
  const supplementary = Object.fromEntries(
    Object.entries(r.supplementaryConfiguration).map(([k, v]) => [k, JSON.stringify(v)])
  );
  const stateId = createHash('sha256').update(configuration).update(JSON.stringify(supplementary)).digest();
  const out: Record<string, unknown> = {
    version: '1.3',
    accountId: r.accountId,
    configurationItemCaptureTime: capturedAt,
    configurationItemStatus: 'OK',
    configurationStateId: String(stateId.readUInt32BE(0)),
    arn: r.arn,
    resourceType: r.resourceType,
    resourceId: r.resourceId,
    resourceName: r.resourceName,
    awsRegion: r.awsRegion,
    availabilityZone: r.availabilityZone,
    configuration,
    supplementaryConfiguration: supplementary,
    recordingFrequency: 'CONTINUOUS'
  };
  if (r.resourceCreationTime !== undefined) out['resourceCreationTime'] = new Date(r.resourceCreationTime);
  return out;
}

// ------------------------------------------------------------------------------------------------ SQL subset

/** An expression outside the supported subset, or malformed (the handler answers InvalidExpressionException). */
export class QueryError extends Error {
  override readonly name = 'QueryError';
}

type Literal = string | number | boolean;

interface Condition {
  field: string;
  values: Literal[];
}

export interface Query {
  fields: string[];
  conditions: Condition[];
}

type Token = { kind: 'word' | 'string' | 'number' | 'symbol'; text: string; at: number };

const TOP_LEVEL = new Set([
  'accountId',
  'arn',
  'availabilityZone',
  'awsRegion',
  'resourceCreationTime',
  'resourceId',
  'resourceName',
  'resourceType',
  'tags',
  'configuration',
  'supplementaryConfiguration'
]);
const TAG_FIELDS = new Set(['tags.key', 'tags.value', 'tags.tag']);
const UNSUPPORTED = new Set([
  'OR',
  'NOT',
  'BETWEEN',
  'LIKE',
  'GROUP',
  'ORDER',
  'FROM',
  'COUNT',
  'SUM',
  'MIN',
  'MAX',
  'AVG'
]);

function tokenize(expression: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < expression.length) {
    const c = expression[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      let text = '';
      let j = i + 1;
      for (;;) {
        if (j >= expression.length) throw new QueryError(`Unterminated string literal at position ${i + 1}.`);
        if (expression[j] === "'") {
          if (expression[j + 1] === "'") {
            text += "'";
            j += 2;
            continue;
          }
          break;
        }
        text += expression[j];
        j++;
      }
      tokens.push({ kind: 'string', text, at: i });
      i = j + 1;
    } else if (/[0-9-]/.test(c)) {
      const m = /^-?\d+(\.\d+)?/.exec(expression.slice(i));
      if (!m) throw new QueryError(`Unexpected '${c}' at position ${i + 1}.`);
      tokens.push({ kind: 'number', text: m[0], at: i });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(expression.slice(i))!;
      tokens.push({ kind: 'word', text: m[0], at: i });
      i += m[0].length;
    } else if (c === ',' || c === '(' || c === ')' || c === '=' || c === '*') {
      tokens.push({ kind: 'symbol', text: c, at: i });
      i++;
    } else {
      throw new QueryError(`Unexpected '${c}' at position ${i + 1}.`);
    }
  }
  return tokens;
}

function checkField(field: string, inCondition: boolean): string {
  const top = field.split('.')[0]!;
  if (field.includes('.') && (top === 'configuration' || top === 'supplementaryConfiguration')) return field;
  if (inCondition && TAG_FIELDS.has(field)) return field;
  if (!field.includes('.') && TOP_LEVEL.has(field)) return field;
  throw new QueryError(`The property '${field}' is not supported by the simulated SelectResourceConfig.`);
}

/** Parses the supported subset; throws QueryError. */
export function parseQuery(expression: string): Query {
  const tokens = tokenize(expression);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const keyword = (t: Token | undefined, word: string): boolean => t?.kind === 'word' && t.text.toUpperCase() === word;
  const next = (what: string): Token => {
    const t = tokens[pos++];
    if (!t) throw new QueryError(`Expected ${what} at the end of the expression.`);
    if (t.kind === 'word' && UNSUPPORTED.has(t.text.toUpperCase())) {
      throw new QueryError(`${t.text.toUpperCase()} is not supported by the simulated SelectResourceConfig.`);
    }
    return t;
  };
  const field = (inCondition: boolean): string => {
    const t = next('a property');
    if (t.kind !== 'word') throw new QueryError(`Expected a property at position ${t.at + 1}, got '${t.text}'.`);
    return checkField(t.text, inCondition);
  };
  const literal = (): Literal => {
    const t = next('a value');
    if (t.kind === 'string') return t.text;
    if (t.kind === 'number') return Number(t.text);
    if (t.kind === 'word' && /^(true|false)$/i.test(t.text)) return t.text.toLowerCase() === 'true';
    throw new QueryError(`Expected a value at position ${t.at + 1}, got '${t.text}'.`);
  };
  if (!keyword(next('SELECT'), 'SELECT')) throw new QueryError('The expression must start with SELECT.');
  const fields = [field(false)];
  while (peek()?.text === ',') {
    pos++;
    fields.push(field(false));
  }
  const conditions: Condition[] = [];
  if (peek() !== undefined) {
    if (!keyword(next('WHERE'), 'WHERE')) {
      throw new QueryError(`Expected WHERE at position ${tokens[pos - 1]!.at + 1}, got '${tokens[pos - 1]!.text}'.`);
    }
    for (;;) {
      const f = field(true);
      const op = next('= or IN');
      if (op.text === '=') {
        conditions.push({ field: f, values: [literal()] });
      } else if (keyword(op, 'IN')) {
        if (next('(').text !== '(') throw new QueryError(`Expected '(' after IN at position ${op.at + 1}.`);
        const values = [literal()];
        for (;;) {
          const t = next(`',' or ')'`);
          if (t.text === ')') break;
          if (t.text !== ',') throw new QueryError(`Expected ',' or ')' at position ${t.at + 1}, got '${t.text}'.`);
          values.push(literal());
        }
        conditions.push({ field: f, values });
      } else {
        throw new QueryError(`Expected = or IN at position ${op.at + 1}, got '${op.text}'.`);
      }
      if (peek() === undefined) break;
      if (!keyword(next('AND'), 'AND')) {
        throw new QueryError(`Expected AND at position ${tokens[pos - 1]!.at + 1}, got '${tokens[pos - 1]!.text}'.`);
      }
    }
  }
  return { fields, conditions };
}

/** The query document of a resource (what fields and conditions address). */
function queryDocument(r: RecordedResource): Record<string, unknown> {
  return {
    accountId: r.accountId,
    arn: r.arn,
    availabilityZone: r.availabilityZone,
    awsRegion: r.awsRegion,
    ...(r.resourceCreationTime !== undefined ? { resourceCreationTime: r.resourceCreationTime } : {}),
    resourceId: r.resourceId,
    resourceName: r.resourceName,
    resourceType: r.resourceType,
    tags: Object.entries(r.tags).map(([key, value]) => ({ key, value })),
    configuration: r.configuration,
    supplementaryConfiguration: r.supplementaryConfiguration
  };
}

/** Values at a dotted path; arrays on the way fan out (as advanced queries treat them). */
function valuesAt(doc: unknown, path: string[]): unknown[] {
  if (path.length === 0) return Array.isArray(doc) ? doc : [doc];
  if (Array.isArray(doc)) return doc.flatMap(d => valuesAt(d, path));
  if (doc === null || typeof doc !== 'object') return [];
  const [head, ...rest] = path;
  const v = (doc as Record<string, unknown>)[head!];
  return v === undefined ? [] : valuesAt(v, rest);
}

function matches(r: RecordedResource, doc: Record<string, unknown>, c: Condition): boolean {
  let actual: unknown[];
  if (c.field === 'tags.tag') actual = Object.entries(r.tags).map(([k, v]) => `${k}=${v}`);
  else actual = valuesAt(doc, c.field.split('.'));
  const scalar = (a: unknown): a is Literal => typeof a === 'string' || typeof a === 'number' || typeof a === 'boolean';
  return actual.some(a => scalar(a) && c.values.some(v => a === v || String(a) === String(v)));
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let at = target;
  for (const key of path.slice(0, -1)) {
    const next = at[key];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) at[key] = {};
    at = at[key] as Record<string, unknown>;
  }
  at[path.at(-1)!] = value;
}

/** One result row (the selected fields, nested as their paths say), or undefined when the resource does not match. */
export function selectRow(query: Query, r: RecordedResource): Record<string, unknown> | undefined {
  const doc = queryDocument(r);
  if (!query.conditions.every(c => matches(r, doc, c))) return undefined;
  const row: Record<string, unknown> = {};
  for (const f of query.fields) {
    const path = f.split('.');
    let value: unknown = doc;
    for (const key of path) {
      value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    }
    if (value !== undefined) setPath(row, path, value);
  }
  return row;
}
