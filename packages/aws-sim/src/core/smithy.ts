/**
 * Smithy 2.0 JSON AST models of the simulated services (their facts, committed in ../models/): lazy loading (a model is parsed the first time its service
 * is called) and input validation with AWS's own wording ("1 validation error detected: Value ... at '...' failed to
 * satisfy constraint: ...").
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Protocol, ModelledService } from './types.js';

export type Traits = Record<string, unknown>;

export interface ShapeRef {
  target: string;
  traits?: Traits;
}

export interface Shape {
  type: string;
  members?: Record<string, ShapeRef>;
  member?: ShapeRef;
  key?: ShapeRef;
  value?: ShapeRef;
  traits?: Traits;
  input?: ShapeRef;
  output?: ShapeRef;
  errors?: ShapeRef[];
  operations?: ShapeRef[];
  resources?: ShapeRef[];
  version?: string;
}

export interface OperationInfo {
  /** Short name, e.g. DescribeConfigRules. */
  name: string;
  /** Shape id of the operation. */
  id: string;
  /** Input structure shape id (smithy.api#Unit when the operation takes none). */
  input: string;
  /** Output structure shape id (smithy.api#Unit when the operation returns none). */
  output: string;
  /** restJson1 binding (method and URI) from the `smithy.api#http` trait. */
  http?: { method: string; uri: string };
}

export const UNIT = 'smithy.api#Unit';

/** Prelude shapes (smithy.api#...) that models reference without defining. */
const PRELUDE: Record<string, Shape> = {
  'smithy.api#String': { type: 'string' },
  'smithy.api#Blob': { type: 'blob' },
  'smithy.api#Boolean': { type: 'boolean' },
  'smithy.api#PrimitiveBoolean': { type: 'boolean' },
  'smithy.api#Byte': { type: 'byte' },
  'smithy.api#PrimitiveByte': { type: 'byte' },
  'smithy.api#Short': { type: 'short' },
  'smithy.api#PrimitiveShort': { type: 'short' },
  'smithy.api#Integer': { type: 'integer' },
  'smithy.api#PrimitiveInteger': { type: 'integer' },
  'smithy.api#Long': { type: 'long' },
  'smithy.api#PrimitiveLong': { type: 'long' },
  'smithy.api#Float': { type: 'float' },
  'smithy.api#PrimitiveFloat': { type: 'float' },
  'smithy.api#Double': { type: 'double' },
  'smithy.api#PrimitiveDouble': { type: 'double' },
  'smithy.api#BigInteger': { type: 'bigInteger' },
  'smithy.api#BigDecimal': { type: 'bigDecimal' },
  'smithy.api#Timestamp': { type: 'timestamp' },
  'smithy.api#Document': { type: 'document' },
  [UNIT]: { type: 'structure', members: {} }
};

const MODEL_FILES: Record<ModelledService, string> = {
  config: 'config.json',
  ssm: 'ssm.json',
  sts: 'sts.json',
  sns: 'sns.json',
  organizations: 'organizations.json',
  logs: 'logs.json',
  securityhub: 'securityhub.json'
};

/**
 * The package's committed model facts (packages/aws-sim/models/: the Smithy models' shapes, members, types and the
 * constraint, error and protocol traits, without documentation), written by scripts/extract-models.ts from the AWS
 * Smithy models (aws/api-models-aws); SIM_AWS_MODELS_DIR overrides the folder.
 */
export function modelsDir(): string {
  const fromEnv = process.env['SIM_AWS_MODELS_DIR'];
  if (fromEnv) return fromEnv;
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'models');
}

export class SmithyModel {
  readonly protocol: Protocol;
  readonly version: string;
  readonly xmlNamespace: string;
  readonly serviceId: string;
  private readonly operations = new Map<string, OperationInfo>();
  private readonly patterns = new Map<string, RegExp | null>();

  constructor(
    readonly service: ModelledService,
    private readonly shapes: Record<string, Shape>
  ) {
    const entry = Object.entries(shapes).find(([, s]) => s.type === 'service');
    if (!entry) throw new Error(`Smithy model for ${service} has no service shape`);
    const [serviceId, svc] = entry;
    this.serviceId = serviceId;
    this.version = svc.version ?? '';
    const traits = svc.traits ?? {};
    if ('aws.protocols#awsJson1_1' in traits) this.protocol = 'awsJson1_1';
    else if ('aws.protocols#awsQuery' in traits) this.protocol = 'awsQuery';
    else if ('aws.protocols#restJson1' in traits) this.protocol = 'restJson1';
    else throw new Error(`Smithy model for ${service} uses a protocol the simulator does not speak`);
    const ns = traits['smithy.api#xmlNamespace'] as { uri?: string } | undefined;
    this.xmlNamespace = ns?.uri ?? '';
    this.collectOperations(svc, new Set());
  }

  private collectOperations(container: Shape, seen: Set<string>): void {
    for (const ref of container.operations ?? []) {
      const op = this.shapes[ref.target];
      if (!op || op.type !== 'operation') continue;
      const name = ref.target.slice(ref.target.indexOf('#') + 1);
      const http = op.traits?.['smithy.api#http'] as { method?: string; uri?: string } | undefined;
      this.operations.set(name, {
        name,
        id: ref.target,
        input: op.input?.target ?? UNIT,
        output: op.output?.target ?? UNIT,
        ...(http?.method && http.uri ? { http: { method: http.method, uri: http.uri } } : {})
      });
    }
    for (const ref of container.resources ?? []) {
      if (seen.has(ref.target)) continue;
      seen.add(ref.target);
      const res = this.shapes[ref.target];
      if (res) this.collectOperations(res, seen);
    }
  }

  /** The named operation, or undefined when the service has no such operation. */
  operation(name: string): OperationInfo | undefined {
    return this.operations.get(name);
  }

  /**
   * restJson1: the operation bound to this method and path (the `smithy.api#http` trait; only literal URIs, the
   * operations the simulator serves have no labels).
   */
  operationByHttp(method: string, pathname: string): OperationInfo | undefined {
    for (const op of this.operations.values()) {
      if (op.http && op.http.method === method && op.http.uri === pathname) return op;
    }
    return undefined;
  }

  operationNames(): string[] {
    return [...this.operations.keys()].sort();
  }

  /** A shape by id (prelude included). Throws when the model does not define it. */
  shape(id: string): Shape {
    const s = this.shapes[id] ?? PRELUDE[id];
    if (!s) throw new Error(`Smithy model for ${this.service} has no shape ${id}`);
    return s;
  }

  /** The shape's `smithy.api#pattern` compiled as a JS regex, or null when JS cannot compile it (then skipped). */
  pattern(source: string): RegExp | null {
    let re = this.patterns.get(source);
    if (re === undefined) {
      re = compilePattern(source);
      this.patterns.set(source, re);
    }
    return re;
  }
}

function compilePattern(source: string): RegExp | null {
  for (const flags of ['u', '']) {
    try {
      return new RegExp(source, flags);
    } catch {
      // try the next flag set; a pattern JS cannot compile is skipped
    }
  }
  return null;
}

const cache = new Map<ModelledService, SmithyModel>();

/** The service's model, parsed on first use and cached for the life of the process. */
export function getModel(service: ModelledService): SmithyModel {
  let model = cache.get(service);
  if (!model) {
    const file = path.join(modelsDir(), MODEL_FILES[service]);
    const ast = JSON.parse(readFileSync(file, 'utf8')) as { shapes?: Record<string, Shape> };
    if (!ast.shapes) throw new Error(`${file}: not a Smithy JSON AST (no "shapes")`);
    model = new SmithyModel(service, ast.shapes);
    cache.set(service, model);
  }
  return model;
}

/** Which models are parsed so far (lazy loading is observable for tests). */
export function loadedModels(): ModelledService[] {
  return [...cache.keys()];
}

/** Traits of a member reference merged over its target's traits (member traits win). */
export function mergedTraits(model: SmithyModel, ref: ShapeRef): Traits {
  return { ...(model.shape(ref.target).traits ?? {}), ...(ref.traits ?? {}) };
}

/** AWS names members in validation messages in lowerCamelCase: ConfigRuleNames -> configRuleNames. */
export function lowerCamel(name: string): string {
  return name.length === 0 ? name : name[0]!.toLowerCase() + name.slice(1);
}

export interface Violation {
  /** Member path as AWS prints it: configRuleNames, tags.1.member.key */
  path: string;
  value: unknown;
  /** Sensitive members are reported without their value. */
  sensitive: boolean;
  constraint: string;
}

const NUMERIC = new Set(['byte', 'short', 'integer', 'long', 'float', 'double', 'bigInteger', 'bigDecimal', 'intEnum']);

/** The allowed values of an enum shape or a string with the smithy.api#enum trait; undefined when unconstrained. */
export function enumValues(shape: Shape): Array<string | number> | undefined {
  if (shape.type === 'enum' || shape.type === 'intEnum') {
    return Object.entries(shape.members ?? {}).map(
      ([name, m]) => (m.traits?.['smithy.api#enumValue'] as string | number | undefined) ?? name
    );
  }
  const legacy = shape.traits?.['smithy.api#enum'] as Array<{ value: string }> | undefined;
  return legacy?.map(e => e.value);
}

/**
 * Validates an already-typed value (strings, numbers, booleans, arrays, plain objects, Date, Uint8Array) against
 * the constraint traits of its shape: required, length, range, pattern, enum, union. Types were checked while
 * decoding. Returns every violation, in member order.
 */
export function validate(model: SmithyModel, ref: ShapeRef, value: unknown, at: string): Violation[] {
  const out: Violation[] = [];
  check(model, ref, value, at, out);
  return out;
}

function check(model: SmithyModel, ref: ShapeRef, value: unknown, at: string, out: Violation[]): void {
  const shape = model.shape(ref.target);
  const traits = mergedTraits(model, ref);
  const sensitive = 'smithy.api#sensitive' in traits;
  const push = (constraint: string): void => {
    out.push({ path: at, value, sensitive, constraint });
  };
  if (value === undefined || value === null) return;

  const length = traits['smithy.api#length'] as { min?: number; max?: number } | undefined;
  if (length) {
    const n = sizeOf(shape.type, value);
    if (n !== undefined) {
      if (length.min !== undefined && n < length.min)
        push(`Member must have length greater than or equal to ${length.min}`);
      if (length.max !== undefined && n > length.max)
        push(`Member must have length less than or equal to ${length.max}`);
    }
  }
  const range = traits['smithy.api#range'] as { min?: number; max?: number } | undefined;
  if (range && typeof value === 'number' && NUMERIC.has(shape.type)) {
    if (range.min !== undefined && value < range.min)
      push(`Member must have value greater than or equal to ${range.min}`);
    if (range.max !== undefined && value > range.max) push(`Member must have value less than or equal to ${range.max}`);
  }
  const pattern = traits['smithy.api#pattern'] as string | undefined;
  if (pattern !== undefined && typeof value === 'string') {
    const re = model.pattern(pattern);
    if (re && !re.test(value)) push(`Member must satisfy regular expression pattern: ${pattern}`);
  }
  const allowed = enumValues(shape);
  if (allowed && (typeof value === 'string' || typeof value === 'number') && !allowed.includes(value)) {
    push(`Member must satisfy enum value set: [${allowed.join(', ')}]`);
  }

  switch (shape.type) {
    case 'structure':
    case 'union': {
      if (typeof value !== 'object' || Array.isArray(value) || value instanceof Date) return;
      const obj = value as Record<string, unknown>;
      const members = shape.members ?? {};
      let set = 0;
      for (const [name, member] of Object.entries(members)) {
        const memberPath = at ? `${at}.${lowerCamel(name)}` : lowerCamel(name);
        const v = obj[name];
        if (v === undefined || v === null) {
          const mt = member.traits ?? {};
          const hasDefault = mt['smithy.api#default'] !== undefined && mt['smithy.api#default'] !== null;
          if ('smithy.api#required' in mt && !hasDefault) {
            out.push({ path: memberPath, value: null, sensitive: false, constraint: 'Member must not be null' });
          }
          continue;
        }
        set++;
        check(model, member, v, memberPath, out);
      }
      if (shape.type === 'union' && set !== 1) {
        push(`Member must have exactly one of [${Object.keys(members).join(', ')}] set`);
      }
      return;
    }
    case 'list':
    case 'set': {
      if (!Array.isArray(value) || !shape.member) return;
      value.forEach((item, i) => {
        check(model, shape.member!, item, `${at}.${i + 1}.member`, out);
      });
      return;
    }
    case 'map': {
      if (typeof value !== 'object' || Array.isArray(value) || !shape.key || !shape.value) return;
      const keyIssues: Violation[] = [];
      const valueIssues: Violation[] = [];
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        check(model, shape.key, k, at, keyIssues);
        if (isScalarShape(model, shape.value)) check(model, shape.value, v, at, valueIssues);
        else check(model, shape.value, v, `${at}.${k}`, out);
      }
      if (keyIssues.length > 0) {
        push(`Map keys must satisfy constraint: [${unique(keyIssues.map(i => i.constraint)).join(', ')}]`);
      }
      if (valueIssues.length > 0) {
        push(`Map value must satisfy constraint: [${unique(valueIssues.map(i => i.constraint)).join(', ')}]`);
      }
      return;
    }
    default:
      return;
  }
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

function isScalarShape(model: SmithyModel, ref: ShapeRef): boolean {
  const t = model.shape(ref.target).type;
  return t !== 'structure' && t !== 'union' && t !== 'list' && t !== 'set' && t !== 'map';
}

function sizeOf(type: string, value: unknown): number | undefined {
  if (typeof value === 'string') return [...value].length; // code points, as Smithy counts them
  if (value instanceof Uint8Array) return value.byteLength;
  if (Array.isArray(value)) return value.length;
  if (type === 'map' && typeof value === 'object' && value !== null) return Object.keys(value).length;
  return undefined;
}

/** How AWS prints a value in a validation message: strings bare, lists as [a, b]. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return `java.nio.HeapByteBuffer[pos=0 lim=${value.byteLength}]`;
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${formatValue(v)}`)
      .join(', ')}}`;
  }
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : '?';
}

/** "N validation error(s) detected: Value '...' at 'path' failed to satisfy constraint: ...; ..." */
export function validationMessage(violations: readonly Violation[]): string {
  const n = violations.length;
  const parts = violations.map(v => {
    const shown = v.value === null ? 'Value null' : v.sensitive ? 'Value' : `Value '${formatValue(v.value)}'`;
    return `${shown} at '${v.path}' failed to satisfy constraint: ${v.constraint}`;
  });
  return `${n} validation error${n === 1 ? '' : 's'} detected: ${parts.join('; ')}`;
}
