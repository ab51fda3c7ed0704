/**
 * Wire codecs of the simulated services, driven by the Smithy shapes:
 * - awsJson1_1 (Config, SSM): JSON bodies, timestamps as epoch seconds, blobs as base64.
 * - awsQuery (STS, SNS): form-encoded input (`Name.member.N`, `Name.entry.N.key/value`, `A.B`), XML output
 *   (`<OpResponse><OpResult>...</OpResult><ResponseMetadata>`), XML ErrorResponse.
 * Handlers see plain objects keyed by the models' member names, `Date` for timestamps and `Buffer` for blobs.
 */
import { AwsError, type Protocol } from './types.js';
import { lowerCamel, mergedTraits, type ShapeRef, type SmithyModel, type Violation } from './smithy.js';

export const JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';
export const XML_CONTENT_TYPE = 'text/xml';
export const REST_JSON_CONTENT_TYPE = 'application/json';

/** A handler returned something its output shape does not allow: a bug in the simulator, answered as a 500. */
export class OutputShapeError extends Error {
  override readonly name = 'OutputShapeError';
}

const INTEGER_TYPES = new Set(['byte', 'short', 'integer', 'long', 'bigInteger', 'intEnum']);
const FLOAT_TYPES = new Set(['float', 'double', 'bigDecimal']);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof Uint8Array);
}

function describeJsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'object') return 'object';
  return typeof v;
}

function joinPath(at: string, name: string): string {
  return at ? `${at}.${name}` : name;
}

// ---------------------------------------------------------------------------------------------------------------
// awsJson1_1 input

/**
 * Parses an awsJson1_1 request body into the input structure. Type mismatches are answered as AWS does, with a
 * SerializationException naming the member. Unknown members are ignored, as AWS ignores them.
 */
export function decodeJsonInput(model: SmithyModel, inputShape: string, body: string): Record<string, unknown> {
  let raw: unknown = {};
  if (body.trim() !== '') {
    try {
      raw = JSON.parse(body);
    } catch (e) {
      throw new AwsError('SerializationException', `Request body is not valid JSON: ${(e as Error).message}`);
    }
  }
  const errors: string[] = [];
  const input = fromJson(model, { target: inputShape }, raw, '', errors);
  if (errors.length > 0) throw new AwsError('SerializationException', errors.join('; '));
  return (input ?? {}) as Record<string, unknown>;
}

function fromJson(model: SmithyModel, ref: ShapeRef, value: unknown, at: string, errors: string[]): unknown {
  if (value === null || value === undefined) return undefined;
  const shape = model.shape(ref.target);
  const where = at || 'the request body';
  const wrongType = (expected: string): undefined => {
    errors.push(`Expected ${expected} at '${where}' but found ${describeJsonType(value)}`);
    return undefined;
  };
  switch (shape.type) {
    case 'structure':
    case 'union': {
      if (!isPlainObject(value)) return wrongType('an object');
      const out: Record<string, unknown> = {};
      for (const [name, member] of Object.entries(shape.members ?? {})) {
        const v = fromJson(model, member, value[name], joinPath(at, lowerCamel(name)), errors);
        if (v !== undefined) out[name] = v;
      }
      return out;
    }
    case 'list':
    case 'set': {
      if (!Array.isArray(value)) return wrongType('a list');
      return value.map((item, i) => fromJson(model, shape.member!, item, `${at}.${i + 1}.member`, errors) ?? null);
    }
    case 'map': {
      if (!isPlainObject(value)) return wrongType('a map');
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        const converted = fromJson(model, shape.value!, v, joinPath(at, k), errors);
        if (converted !== undefined) out[k] = converted;
      }
      return out;
    }
    case 'string':
    case 'enum':
      return typeof value === 'string' ? value : wrongType('a string');
    case 'boolean':
      return typeof value === 'boolean' ? value : wrongType('a boolean');
    case 'timestamp': {
      if (typeof value === 'number') return new Date(value * 1000);
      if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value);
      return wrongType('a timestamp (epoch seconds)');
    }
    case 'blob':
      return typeof value === 'string' ? Buffer.from(value, 'base64') : wrongType('a base64 string');
    case 'document':
      return value;
    default:
      if (INTEGER_TYPES.has(shape.type)) {
        return typeof value === 'number' && Number.isInteger(value) ? value : wrongType('an integer');
      }
      if (FLOAT_TYPES.has(shape.type)) {
        if (typeof value === 'number') return value;
        if (value === 'NaN' || value === 'Infinity' || value === '-Infinity') return Number(value);
        return wrongType('a number');
      }
      return value;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// awsJson1_1 output

/** Serialises a handler's output to the awsJson1_1 body: timestamps as epoch seconds, blobs as base64. */
export function encodeJsonOutput(model: SmithyModel, outputShape: string, output: unknown): string {
  const value = toJson(model, { target: outputShape }, output ?? {}, '');
  return JSON.stringify(value ?? {});
}

function toJson(model: SmithyModel, ref: ShapeRef, value: unknown, at: string): unknown {
  if (value === null || value === undefined) return undefined;
  const shape = model.shape(ref.target);
  const traits = mergedTraits(model, ref);
  const bad = (expected: string): never => {
    throw new OutputShapeError(
      `output member '${at || '(root)'}' (${ref.target}) must be ${expected}, got ${describeJsonType(value)}`
    );
  };
  switch (shape.type) {
    case 'structure':
    case 'union': {
      if (!isPlainObject(value)) return bad('an object');
      const members = shape.members ?? {};
      const out: Record<string, unknown> = {};
      for (const [name, v] of Object.entries(value)) {
        if (v === undefined || v === null) continue;
        const member = members[name];
        if (!member) {
          throw new OutputShapeError(
            `output has member '${joinPath(at, name)}' that ${ref.target} does not define ` +
              `(known: ${Object.keys(members).join(', ') || 'none'})`
          );
        }
        const encoded = toJson(model, member, v, joinPath(at, name));
        if (encoded !== undefined) out[name] = encoded;
      }
      return out;
    }
    case 'list':
    case 'set':
      if (!Array.isArray(value)) return bad('an array');
      return value.map((item, i) => toJson(model, shape.member!, item, `${at}[${i}]`) ?? null);
    case 'map': {
      if (!isPlainObject(value)) return bad('an object (map)');
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        const encoded = toJson(model, shape.value!, v, `${at}.${k}`);
        if (encoded !== undefined) out[k] = encoded;
      }
      return out;
    }
    case 'timestamp': {
      const date = toDate(value) ?? bad('a Date, an ISO 8601 string or epoch seconds');
      const format = traits['smithy.api#timestampFormat'];
      if (format === 'date-time') return date.toISOString();
      if (format === 'http-date') return date.toUTCString();
      return date.getTime() / 1000;
    }
    case 'blob':
      if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
      return typeof value === 'string' ? value : bad('a Buffer or a base64 string');
    case 'string':
    case 'enum':
      return typeof value === 'string' ? value : bad('a string');
    case 'boolean':
      return typeof value === 'boolean' ? value : bad('a boolean');
    case 'document':
      return value;
    default:
      if (INTEGER_TYPES.has(shape.type) || FLOAT_TYPES.has(shape.type)) {
        return typeof value === 'number' ? value : bad('a number');
      }
      return value;
  }
}

function toDate(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value === 'number') return new Date(value * 1000);
  if (typeof value === 'string') {
    const t = Date.parse(value);
    return Number.isNaN(t) ? undefined : new Date(t);
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// awsQuery input

export interface QueryDecoded {
  input: Record<string, unknown>;
  /** Values that could not be read as their member's type (e.g. DurationSeconds=abc). */
  violations: Violation[];
}

/**
 * Reads form parameters into the input structure: members `A`, nested structures `A.B`, lists `A.member.N`
 * (or `A.<xmlName>.N`, or `A.N` when flattened; `A=` is an empty list), maps `A.entry.N.key` / `.value` (key and
 * value renamed by xmlName, `A.N.key` when flattened). Action and Version are not members.
 */
export function decodeQueryInput(model: SmithyModel, inputShape: string, params: URLSearchParams): QueryDecoded {
  const map = new Map<string, string>();
  for (const [k, v] of params) {
    if (k !== 'Action' && k !== 'Version') map.set(k, v);
  }
  const reader = new QueryReader(model, map);
  const input = reader.read({ target: inputShape }, '', '');
  return { input: (input ?? {}) as Record<string, unknown>, violations: reader.violations };
}

class QueryReader {
  readonly violations: Violation[] = [];
  private readonly keys: string[];

  constructor(
    private readonly model: SmithyModel,
    private readonly params: Map<string, string>
  ) {
    this.keys = [...params.keys()];
  }

  private hasPrefix(prefix: string): boolean {
    return this.keys.some(k => k.startsWith(prefix));
  }

  /** Sorted distinct N of keys `${base}.N` / `${base}.N.*`. */
  private indexes(base: string): number[] {
    const found = new Set<number>();
    const start = `${base}.`;
    for (const k of this.keys) {
      if (!k.startsWith(start)) continue;
      const rest = k.slice(start.length);
      const seg = rest.split('.', 1)[0]!;
      if (/^[1-9]\d*$/.test(seg)) found.add(Number(seg));
    }
    return [...found].sort((a, b) => a - b);
  }

  read(ref: ShapeRef, key: string, at: string): unknown {
    const shape = this.model.shape(ref.target);
    const traits = mergedTraits(this.model, ref);
    const flattened = 'smithy.api#xmlFlattened' in traits;
    switch (shape.type) {
      case 'structure':
      case 'union': {
        if (key !== '' && !this.hasPrefix(`${key}.`)) return undefined;
        const out: Record<string, unknown> = {};
        for (const [name, member] of Object.entries(shape.members ?? {})) {
          const wire = (member.traits?.['smithy.api#xmlName'] as string | undefined) ?? name;
          const v = this.read(member, key ? `${key}.${wire}` : wire, joinPath(at, lowerCamel(name)));
          if (v !== undefined) out[name] = v;
        }
        return out;
      }
      case 'list':
      case 'set': {
        if (this.params.get(key) === '') return [];
        const memberName = (shape.member!.traits?.['smithy.api#xmlName'] as string | undefined) ?? 'member';
        const base = flattened ? key : `${key}.${memberName}`;
        const idx = this.indexes(base);
        if (idx.length === 0) return undefined;
        return idx.map((n, i) => this.read(shape.member!, `${base}.${n}`, `${at}.${i + 1}.member`) ?? null);
      }
      case 'map': {
        if (this.params.get(key) === '') return {};
        const keyName = (shape.key!.traits?.['smithy.api#xmlName'] as string | undefined) ?? 'key';
        const valueName = (shape.value!.traits?.['smithy.api#xmlName'] as string | undefined) ?? 'value';
        const base = flattened ? key : `${key}.entry`;
        const idx = this.indexes(base);
        if (idx.length === 0) return undefined;
        const out: Record<string, unknown> = {};
        for (const n of idx) {
          const k = this.read(shape.key!, `${base}.${n}.${keyName}`, at);
          if (typeof k !== 'string') continue;
          out[k] = this.read(shape.value!, `${base}.${n}.${valueName}`, joinPath(at, k)) ?? null;
        }
        return out;
      }
      default: {
        const raw = this.params.get(key);
        if (raw === undefined) return undefined;
        return this.scalar(shape.type, raw, at, 'smithy.api#sensitive' in traits);
      }
    }
  }

  private scalar(type: string, raw: string, at: string, sensitive: boolean): unknown {
    const fail = (constraint: string): undefined => {
      this.violations.push({ path: at, value: raw, sensitive, constraint });
      return undefined;
    };
    if (type === 'string' || type === 'enum' || type === 'document') return raw;
    if (type === 'boolean') {
      if (raw === 'true') return true;
      if (raw === 'false') return false;
      return fail('Member must be a boolean (true or false)');
    }
    if (INTEGER_TYPES.has(type)) return /^-?\d+$/.test(raw) ? Number(raw) : fail('Member must be an integer');
    if (FLOAT_TYPES.has(type)) {
      const n = Number(raw);
      return raw.trim() !== '' && !Number.isNaN(n) ? n : fail('Member must be a number');
    }
    if (type === 'timestamp') {
      const d = /^-?\d+(\.\d+)?$/.test(raw) ? new Date(Number(raw) * 1000) : new Date(raw);
      return Number.isNaN(d.getTime()) ? fail('Member must be a timestamp (ISO 8601)') : d;
    }
    if (type === 'blob') return Buffer.from(raw, 'base64');
    return raw;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// awsQuery output

export function xmlEscape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;');
}

/** `<OpResponse xmlns=...><OpResult>...</OpResult><ResponseMetadata><RequestId>...` from the output shape. */
export function encodeQueryOutput(
  model: SmithyModel,
  operation: string,
  outputShape: string,
  output: unknown,
  requestId: string
): string {
  const xmlns = model.xmlNamespace ? ` xmlns="${xmlEscape(model.xmlNamespace)}"` : '';
  const result = xmlElement(model, { target: outputShape }, output ?? {}, `${operation}Result`, '');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<${operation}Response${xmlns}>` +
    result +
    `<ResponseMetadata><RequestId>${xmlEscape(requestId)}</RequestId></ResponseMetadata></${operation}Response>`
  );
}

function xmlElement(model: SmithyModel, ref: ShapeRef, value: unknown, name: string, at: string): string {
  if (value === null || value === undefined) return '';
  const shape = model.shape(ref.target);
  const traits = mergedTraits(model, ref);
  const flattened = 'smithy.api#xmlFlattened' in traits;
  const bad = (expected: string): never => {
    throw new OutputShapeError(
      `output member '${at || '(root)'}' (${ref.target}) must be ${expected}, got ${describeJsonType(value)}`
    );
  };
  const leaf = (text: string): string => `<${name}>${xmlEscape(text)}</${name}>`;
  switch (shape.type) {
    case 'structure':
    case 'union': {
      if (!isPlainObject(value)) return bad('an object');
      const members = shape.members ?? {};
      let inner = '';
      for (const [memberName, v] of Object.entries(value)) {
        if (v === undefined || v === null) continue;
        const member = members[memberName];
        if (!member) {
          throw new OutputShapeError(
            `output has member '${joinPath(at, memberName)}' that ${ref.target} does not define ` +
              `(known: ${Object.keys(members).join(', ') || 'none'})`
          );
        }
        const wire = (member.traits?.['smithy.api#xmlName'] as string | undefined) ?? memberName;
        inner += xmlElement(model, member, v, wire, joinPath(at, memberName));
      }
      return `<${name}>${inner}</${name}>`;
    }
    case 'list':
    case 'set': {
      if (!Array.isArray(value)) return bad('an array');
      const member = shape.member!;
      if (flattened) return value.map((item, i) => xmlElement(model, member, item, name, `${at}[${i}]`)).join('');
      const memberName = (member.traits?.['smithy.api#xmlName'] as string | undefined) ?? 'member';
      const items = value.map((item, i) => xmlElement(model, member, item, memberName, `${at}[${i}]`)).join('');
      return `<${name}>${items}</${name}>`;
    }
    case 'map': {
      if (!isPlainObject(value)) return bad('an object (map)');
      const keyName = (shape.key!.traits?.['smithy.api#xmlName'] as string | undefined) ?? 'key';
      const valueName = (shape.value!.traits?.['smithy.api#xmlName'] as string | undefined) ?? 'value';
      const entries = Object.entries(value)
        .filter(([, v]) => v !== undefined && v !== null)
        .map(
          ([k, v]) =>
            `<${flattened ? name : 'entry'}><${keyName}>${xmlEscape(k)}</${keyName}>` +
            xmlElement(model, shape.value!, v, valueName, `${at}.${k}`) +
            `</${flattened ? name : 'entry'}>`
        )
        .join('');
      return flattened ? entries : `<${name}>${entries}</${name}>`;
    }
    case 'timestamp': {
      const date = toDate(value) ?? bad('a Date, an ISO 8601 string or epoch seconds');
      const format = traits['smithy.api#timestampFormat'];
      if (format === 'epoch-seconds') return leaf(String(date.getTime() / 1000));
      if (format === 'http-date') return leaf(date.toUTCString());
      return leaf(date.toISOString());
    }
    case 'blob':
      if (value instanceof Uint8Array) return leaf(Buffer.from(value).toString('base64'));
      return typeof value === 'string' ? leaf(value) : bad('a Buffer or a base64 string');
    case 'string':
    case 'enum':
      return typeof value === 'string' ? leaf(value) : bad('a string');
    case 'boolean':
      return typeof value === 'boolean' ? leaf(String(value)) : bad('a boolean');
    default:
      if (INTEGER_TYPES.has(shape.type) || FLOAT_TYPES.has(shape.type)) {
        return typeof value === 'number' ? leaf(String(value)) : bad('a number');
      }
      return typeof value === 'string' ? leaf(value) : bad('a string');
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Errors

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * An AwsError as the protocol answers it. awsJson: `x-amzn-ErrorType` + `{"__type","message"}`; awsQuery:
 * `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`.
 */
export function encodeError(protocol: Protocol, err: AwsError, requestId: string, xmlNamespace = ''): WireResponse {
  if (protocol !== 'awsQuery') {
    return {
      status: err.status,
      headers: {
        'content-type': protocol === 'restJson1' ? REST_JSON_CONTENT_TYPE : JSON_CONTENT_TYPE,
        'x-amzn-RequestId': requestId,
        'x-amzn-ErrorType': err.code
      },
      body: JSON.stringify({ __type: err.code, message: err.message })
    };
  }
  const xmlns = xmlNamespace ? ` xmlns="${xmlEscape(xmlNamespace)}"` : '';
  return {
    status: err.status,
    headers: { 'content-type': XML_CONTENT_TYPE, 'x-amzn-RequestId': requestId },
    body:
      `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse${xmlns}><Error><Type>${err.type}</Type>` +
      `<Code>${xmlEscape(err.code)}</Code><Message>${xmlEscape(err.message)}</Message></Error>` +
      `<RequestId>${xmlEscape(requestId)}</RequestId></ErrorResponse>`
  };
}

/** The protocol's validation error: ValidationException (awsJson) or ValidationError (awsQuery), HTTP 400. */
export function validationError(protocol: Protocol, message: string): AwsError {
  // Security Hub (restJson1) answers invalid input with InvalidInputException:
  // https://docs.aws.amazon.com/securityhub/1.0/APIReference/CommonErrors.html
  const code =
    protocol === 'awsQuery'
      ? 'ValidationError'
      : protocol === 'restJson1'
        ? 'InvalidInputException'
        : 'ValidationException';
  return new AwsError(code, message, 400, 'Sender');
}

/** Codes that differ between the protocols for the same condition. */
export function protocolCode(protocol: Protocol, kind: 'throttling' | 'unknownKey' | 'expiredToken'): string {
  const json = {
    throttling: 'ThrottlingException',
    unknownKey: 'UnrecognizedClientException',
    expiredToken: 'ExpiredTokenException'
  };
  const query = { throttling: 'Throttling', unknownKey: 'InvalidClientTokenId', expiredToken: 'ExpiredToken' };
  return (protocol === 'awsQuery' ? query : json)[kind];
}
