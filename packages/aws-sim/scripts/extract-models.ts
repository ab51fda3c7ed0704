/**
 * Writes the simulator's model facts: reads the Smithy 2.0 JSON AST service models in
 * `../shared/reference/aws-models/` (from aws/api-models-aws, Apache-2.0) and writes one compact fact file per
 * simulated service into `packages/aws-sim/models/`, which the simulator loads (src/core/smithy.ts).
 *
 *   npx tsx packages/aws-sim/scripts/extract-models.ts [--models DIR]
 *
 * A fact file keeps every shape with its type, members, member/key/value, operation input/output/errors, the service's
 * operations/resources/version, and only the traits the simulator reads (required, default, enums, length, range,
 * pattern, http bindings (restJson1 routes), sensitive, error and HTTP/query error codes, protocols, XML names/namespace, timestamp formats). Everything
 * else (documentation, examples, endpoint rule sets, paginators, ...) is dropped. The output is deterministic: shape ids
 * and trait names sorted, member and enum order kept (AWS lists violations and serializes output in member order).
 * packages/aws-sim/test/models.test.ts regenerates the facts in memory and fails when the committed files are stale.
 */
import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Simulated service -> the Smithy model file it is extracted from (js-v3 file names). */
export const MODEL_SOURCES = {
  config: 'config-service.json',
  ssm: 'ssm.json',
  sts: 'sts.json',
  sns: 'sns.json',
  organizations: 'organizations.json',
  logs: 'cloudwatch-logs.json',
  securityhub: 'securityhub.json'
} as const;

export type ModelService = keyof typeof MODEL_SOURCES;

/** The traits the simulator reads (src/core/smithy.ts, src/core/protocols.ts, src/core/server.ts); all others are dropped. */
export const KEPT_TRAITS: ReadonlySet<string> = new Set([
  'aws.protocols#awsJson1_1',
  'aws.protocols#awsQuery',
  'aws.protocols#awsQueryError',
  'aws.protocols#restJson1',
  'smithy.api#default',
  'smithy.api#enum',
  'smithy.api#enumValue',
  'smithy.api#error',
  'smithy.api#http',
  'smithy.api#httpError',
  'smithy.api#length',
  'smithy.api#pattern',
  'smithy.api#range',
  'smithy.api#required',
  'smithy.api#sensitive',
  'smithy.api#timestampFormat',
  'smithy.api#xmlFlattened',
  'smithy.api#xmlName',
  'smithy.api#xmlNamespace'
]);

/** Shape fields that hold a reference (kept with their kept traits). */
const REF_FIELDS = ['member', 'key', 'value', 'input', 'output'] as const;
/** Shape fields that hold a list of references (order kept). */
const REF_LIST_FIELDS = ['errors', 'operations', 'resources'] as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function keptTraits(traits: unknown): JsonObject | undefined {
  if (!isObject(traits)) return undefined;
  const out: JsonObject = {};
  for (const name of Object.keys(traits).sort()) {
    if (!KEPT_TRAITS.has(name)) continue;
    let value = traits[name]!;
    // The legacy enum trait's entries carry documentation and tags; the simulator needs the values (and names).
    if (name === 'smithy.api#enum' && Array.isArray(value)) {
      value = value.map(e => {
        const entry = isObject(e) ? e : {};
        const kept: JsonObject = { value: entry['value'] ?? null };
        if (entry['name'] !== undefined) kept['name'] = entry['name'];
        return kept;
      });
    }
    out[name] = value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function ref(r: unknown, where: string): JsonObject {
  if (!isObject(r) || typeof r['target'] !== 'string') throw new Error(`${where}: not a shape reference`);
  const out: JsonObject = { target: r['target'] };
  const traits = keptTraits(r['traits']);
  if (traits) out['traits'] = traits;
  return out;
}

function shapeFacts(id: string, shape: unknown): JsonObject {
  if (!isObject(shape) || typeof shape['type'] !== 'string') throw new Error(`shape ${id}: no "type"`);
  const out: JsonObject = { type: shape['type'] };
  if (typeof shape['version'] === 'string') out['version'] = shape['version'];
  const members = shape['members'];
  if (isObject(members)) {
    const kept: JsonObject = {};
    for (const [name, member] of Object.entries(members)) kept[name] = ref(member, `shape ${id} member ${name}`);
    out['members'] = kept;
  }
  for (const field of REF_FIELDS) {
    if (shape[field] !== undefined) out[field] = ref(shape[field], `shape ${id} ${field}`);
  }
  for (const field of REF_LIST_FIELDS) {
    const list = shape[field];
    if (Array.isArray(list)) out[field] = list.map((r, i) => ref(r, `shape ${id} ${field}[${i}]`));
  }
  const traits = keptTraits(shape['traits']);
  if (traits) out['traits'] = traits;
  return out;
}

/**
 * The fact file for one Smithy JSON AST: `{"smithy":..,"source":..,"shapes":{..}}`, compact, one shape per line
 * (small diffs when AWS updates a model). Throws on a file that is not a Smithy AST.
 */
export function extractModelFacts(ast: unknown, source: string): string {
  if (!isObject(ast) || !isObject(ast['shapes'])) throw new Error(`${source}: not a Smithy JSON AST (no "shapes")`);
  const shapes = ast['shapes'];
  const ids = Object.keys(shapes).sort();
  if (!ids.some(id => isObject(shapes[id]) && shapes[id]['type'] === 'service')) {
    throw new Error(`${source}: no service shape`);
  }
  const lines = ids.map(id => `${JSON.stringify(id)}:${JSON.stringify(shapeFacts(id, shapes[id]))}`);
  const header = `"smithy":${JSON.stringify(ast['smithy'] ?? null)},"source":${JSON.stringify(source)}`;
  return `{${header},"shapes":{\n${lines.join(',\n')}\n}}\n`;
}

const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Where the fact files are committed. */
export const FACTS_DIR = path.join(PACKAGE_ROOT, 'models');
/** The Smithy models beside the repository: <repo>/../shared/reference/aws-models. */
export const DEFAULT_MODELS_DIR = path.resolve(PACKAGE_ROOT, '..', '..', '..', 'shared', 'reference', 'aws-models');

/** The fact file's name for a simulated service. */
export function factsFile(service: ModelService): string {
  return `${service}.json`;
}

/** Every service's fact file text, extracted from the Smithy models in `modelsDir`. */
export function extractAll(modelsDir: string): Record<ModelService, string> {
  const out = {} as Record<ModelService, string>;
  for (const [service, file] of Object.entries(MODEL_SOURCES) as Array<[ModelService, string]>) {
    const full = path.join(modelsDir, file);
    let ast: unknown;
    try {
      ast = JSON.parse(readFileSync(full, 'utf8'));
    } catch (e) {
      throw new Error(`${full}: ${(e as Error).message}`);
    }
    out[service] = extractModelFacts(ast, `aws/api-models-aws ${file}`);
  }
  return out;
}

function main(argv: readonly string[]): void {
  const at = argv.indexOf('--models');
  const modelsDir = at >= 0 && argv[at + 1] ? path.resolve(argv[at + 1]!) : DEFAULT_MODELS_DIR;
  for (const [service, text] of Object.entries(extractAll(modelsDir)) as Array<[ModelService, string]>) {
    const out = path.join(FACTS_DIR, factsFile(service));
    writeFileSync(out, text);
    process.stdout.write(`${path.relative(process.cwd(), out)}: ${text.length} bytes\n`);
  }
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`extract-models: ${(e as Error).message}\n`);
    process.exit(1);
  }
}
