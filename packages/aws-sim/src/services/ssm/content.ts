/**
 * SSM document content as the simulated Systems Manager reads it: parsing (YAML or JSON, as declared), the checks
 * CreateDocument/UpdateDocument make before accepting a document, and the parsed form the Automation engine runs.
 */
import { createHash } from 'node:crypto';
import { parseDocument, stringify } from 'yaml';
import type { DocumentFormat, DocumentParameterInfo, DocumentVersionRecord } from './state.js';

/** "The size limit of a document is 64 KB." */
export const MAX_CONTENT_BYTES = 64 * 1024;

/** A document the service refuses; `code` is the modelled error code. */
export class ContentError extends Error {
  override readonly name = 'ContentError';
  constructor(
    readonly code: 'InvalidDocumentContent' | 'InvalidDocumentSchemaVersion' | 'MaxDocumentSizeExceeded',
    message: string
  ) {
    super(message);
  }
}

/** Every Automation action (schemaVersion 0.3); any other `aws:` name is refused at creation. */
export const AUTOMATION_ACTIONS: ReadonlySet<string> = new Set([
  'aws:approve',
  'aws:assertAwsResourceProperty',
  'aws:branch',
  'aws:changeInstanceState',
  'aws:copyImage',
  'aws:createImage',
  'aws:createStack',
  'aws:createTags',
  'aws:deleteImage',
  'aws:deleteStack',
  'aws:executeAutomation',
  'aws:executeAwsApi',
  'aws:executeScript',
  'aws:executeStateMachine',
  'aws:invokeLambdaFunction',
  'aws:invokeWebhook',
  'aws:loop',
  'aws:pause',
  'aws:runCommand',
  'aws:runInstances',
  'aws:sleep',
  'aws:updateVariable',
  'aws:waitForAwsResourceProperty'
]);

/** Parameter types of Automation documents. */
export const PARAMETER_TYPES: ReadonlySet<string> = new Set([
  'String',
  'StringList',
  'Integer',
  'Boolean',
  'MapList',
  'StringMap',
  'AWS::EC2::Instance::Id',
  'List<AWS::EC2::Instance::Id>',
  'AWS::EC2::Image::Id',
  'List<AWS::EC2::Image::Id>',
  'AWS::S3::Bucket::Name',
  'List<AWS::S3::Bucket::Name>',
  'AWS::IAM::Role::Arn',
  'List<AWS::IAM::Role::Arn>'
]);

/** Types of step outputs and variables. */
export const OUTPUT_TYPES: ReadonlySet<string> = new Set([
  'String',
  'StringList',
  'Integer',
  'Boolean',
  'MapList',
  'StringMap'
]);

export interface ParsedParameter {
  name: string;
  type: string;
  description?: string;
  hasDefault: boolean;
  default?: unknown;
  allowedValues?: unknown[];
  allowedPattern?: string;
  minItems?: number;
  maxItems?: number;
  minChars?: number;
  maxChars?: number;
}

export interface ParsedOutput {
  name: string;
  selector: string;
  type: string;
}

export interface ParsedStep {
  name: string;
  action: string;
  inputs: Record<string, unknown>;
  outputs: ParsedOutput[];
  maxAttempts: number;
  timeoutSeconds?: number;
  /** `Abort`, `Continue` or `step:NAME`. */
  onFailure: string;
  isEnd: boolean;
  /** As written; undefined means the default (true, or false with onFailure Continue). */
  isCritical?: boolean;
  nextStep?: string;
}

export interface ParsedDocument {
  schemaVersion: string;
  description?: string;
  assumeRole?: string;
  parameters: ParsedParameter[];
  variables: Record<string, { type: string; default?: unknown }>;
  steps: ParsedStep[];
  /** `Step.Output` names the execution reports. */
  outputs: string[];
}

/** SHA-256 (lowercase hex) of the content as UTF-8, as `Hash` with `HashType: Sha256`. */
export function sha256Hex(content: string): string {
  return createHash('sha256').update(content, 'utf8').digest('hex');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parses the content in its declared format; throws InvalidDocumentContent with the parser's message. */
export function parseContent(content: string, format: DocumentFormat): unknown {
  if (Buffer.byteLength(content, 'utf8') > MAX_CONTENT_BYTES) {
    throw new ContentError(
      'MaxDocumentSizeExceeded',
      `The document content is ${Buffer.byteLength(content, 'utf8')} bytes; the size limit of a document is 64 KB.`
    );
  }
  if (format === 'TEXT') {
    throw new ContentError('InvalidDocumentContent', 'DocumentFormat TEXT is not supported for this document type.');
  }
  if (format === 'JSON') {
    try {
      return JSON.parse(content) as unknown;
    } catch (e) {
      throw new ContentError('InvalidDocumentContent', `Document content is not valid JSON: ${(e as Error).message}`);
    }
  }
  const doc = parseDocument(content, { uniqueKeys: true, prettyErrors: false });
  const first = doc.errors[0];
  if (first) {
    throw new ContentError('InvalidDocumentContent', `Document content is not valid YAML: ${first.message}`);
  }
  try {
    return doc.toJS({ maxAliasCount: 1000 }) as unknown;
  } catch (e) {
    throw new ContentError('InvalidDocumentContent', `Document content is not valid YAML: ${(e as Error).message}`);
  }
}

/** The content converted to another format (GetDocument with a DocumentFormat other than the stored one). */
export function convertContent(content: string, from: DocumentFormat, to: DocumentFormat): string {
  if (from === to) return content;
  const data = parseContent(content, from);
  return to === 'JSON' ? JSON.stringify(data, null, 2) : stringify(data);
}

function defaultValueText(type: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if (type === 'StringList' || type === 'StringMap' || type === 'MapList' || typeof value === 'object') {
    return JSON.stringify(value);
  }
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

/** `schemaVersion` as text (`0.3` may be written unquoted in YAML). */
function schemaVersionOf(data: Record<string, unknown>): string {
  const v = data.schemaVersion;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  throw new ContentError('InvalidDocumentContent', 'Document content is missing the required field schemaVersion.');
}

const STEP_NAME = /^[A-Za-z0-9_-]{1,128}$/;

function intField(step: Record<string, unknown>, key: string, problems: string[], where: string): number | undefined {
  const v = step[key];
  if (v === undefined) return undefined;
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
    problems.push(`${where}: ${key} must be a positive integer`);
    return undefined;
  }
  return n;
}

function boolField(step: Record<string, unknown>, key: string, problems: string[], where: string): boolean | undefined {
  const v = step[key];
  if (v === undefined) return undefined;
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  problems.push(`${where}: ${key} must be true or false`);
  return undefined;
}

function parseParameters(raw: unknown, problems: string[]): ParsedParameter[] {
  if (raw === undefined || raw === null) return [];
  if (!isRecord(raw)) {
    problems.push('parameters must be a mapping of parameter names to definitions');
    return [];
  }
  const out: ParsedParameter[] = [];
  for (const [name, def] of Object.entries(raw)) {
    if (!isRecord(def)) {
      problems.push(`parameter ${name}: the definition must be a mapping`);
      continue;
    }
    const type = def.type;
    if (typeof type !== 'string' || !PARAMETER_TYPES.has(type)) {
      problems.push(`parameter ${name}: type ${JSON.stringify(type)} is not a supported parameter type`);
      continue;
    }
    const p: ParsedParameter = { name, type, hasDefault: 'default' in def };
    if (typeof def.description === 'string') p.description = def.description;
    if (p.hasDefault) p.default = def.default;
    if (Array.isArray(def.allowedValues)) p.allowedValues = def.allowedValues;
    if (def.allowedPattern !== undefined) {
      if (typeof def.allowedPattern !== 'string') {
        problems.push(`parameter ${name}: allowedPattern must be a string`);
      } else {
        try {
          compilePattern(def.allowedPattern);
          p.allowedPattern = def.allowedPattern;
        } catch (e) {
          problems.push(`parameter ${name}: allowedPattern is not a valid regular expression: ${(e as Error).message}`);
        }
      }
    }
    for (const k of ['minItems', 'maxItems', 'minChars', 'maxChars'] as const) {
      const v = def[k];
      if (typeof v === 'number' && Number.isInteger(v) && v >= 0) p[k] = v;
      else if (v !== undefined) problems.push(`parameter ${name}: ${k} must be a non-negative integer`);
    }
    out.push(p);
  }
  return out;
}

/** US-ASCII POSIX classes of java.util.regex.Pattern, as class contents. */
const POSIX_CLASSES: Record<string, string> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~',
  Space: ' \\t\\n\\x0B\\f\\r',
  XDigit: '0-9a-fA-F'
};

/**
 * Compiles an allowedPattern as a JavaScript RegExp; throws on invalid syntax. SSM reads it as a Java regular
 * expression ("Data elements and parameters", schema 0.3); the Java constructs AWS's own runbooks use are rewritten
 * while walking the pattern (escapes and classes are copied as they are): inline flags `(?i)`, `(?i:...)` (letters
 * become `[aA]`), `\A`, `\z`, `\Z`, POSIX `\p{Alpha}`..., atomic groups and possessive quantifiers (as their
 * backtracking forms, which accept a superset), and Python's `(?P<name>`.
 */
export function compilePattern(pattern: string): RegExp {
  let js = '';
  let flags = '';
  const ci: boolean[] = [false]; // case-insensitivity per open group
  let inClass = false;
  let quantified = false; // the previous token was a quantifier
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    const rest = pattern.slice(i);
    const on = ci[ci.length - 1]!;
    const afterQuantifier = quantified;
    quantified = !inClass && (c === '*' || c === '+' || c === '?' || c === '}');
    if (c === '\\') {
      const e = pattern[i + 1] ?? '';
      const posix = /^\\([pP])\{(\w+)\}/.exec(rest);
      if (posix && POSIX_CLASSES[posix[2]!]) {
        const body = POSIX_CLASSES[posix[2]!]!;
        js += inClass && posix[1] === 'p' ? body : `[${posix[1] === 'P' ? '^' : ''}${body}]`;
        i += posix[0].length - 1;
        continue;
      }
      js += !inClass && e === 'A' ? '^' : !inClass && (e === 'z' || e === 'Z') ? '$' : c + e;
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
      if (on && /^([a-z]-[a-z]|[A-Z]-[A-Z])/.test(rest)) {
        const range = rest.slice(0, 3);
        js += range + (c === c.toLowerCase() ? range.toUpperCase() : range.toLowerCase());
        i += 2;
      } else js += on ? c.toLowerCase() + (c.toLowerCase() === c.toUpperCase() ? '' : c.toUpperCase()) : c;
    } else if (c === '[') {
      inClass = true;
      js += c;
      if (pattern[i + 1] === '^') js += pattern[++i];
      if (pattern[i + 1] === ']') js += `\\${pattern[++i]}`;
    } else if (c === '(') {
      const flag = /^\(\?([a-z]*)(?:-([a-z]*))?([:)])/.exec(rest);
      if (flag && (flag[1] || flag[2] !== undefined)) {
        const value = flag[1]!.includes('i') ? true : flag[2]?.includes('i') ? false : on;
        if (flag[3] === ')') {
          if (i === 0 && /^[is]*$/.test(flag[1]!) && flag[2] === undefined) flags = flag[1]!;
          else ci[ci.length - 1] = value;
        } else {
          ci.push(value);
          js += '(?:';
        }
        i += flag[0].length - 1;
        continue;
      }
      ci.push(on);
      if (rest.startsWith('(?P<')) {
        js += '(?<';
        i += 3;
      } else if (rest.startsWith('(?>')) {
        js += '(?:';
        i += 2;
      } else js += c;
    } else if (c === ')') {
      if (ci.length > 1) ci.pop();
      js += c;
    } else if (c === '+' && afterQuantifier) {
      quantified = false; // possessive quantifier: its backtracking form
    } else if (c === '?' && afterQuantifier) {
      quantified = false;
      js += c; // lazy quantifier
    } else if (on && c.toLowerCase() !== c.toUpperCase()) {
      js += `[${c.toLowerCase()}${c.toUpperCase()}]`;
    } else js += c;
  }
  return new RegExp(js, flags);
}

function parseOutputs(raw: unknown, problems: string[], where: string): ParsedOutput[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    problems.push(`${where}: outputs must be a list`);
    return [];
  }
  const out: ParsedOutput[] = [];
  raw.forEach((o, i) => {
    if (!isRecord(o) || typeof o.Name !== 'string' || typeof o.Selector !== 'string' || typeof o.Type !== 'string') {
      problems.push(`${where}: outputs[${i}] must have Name, Selector and Type`);
      return;
    }
    if (!OUTPUT_TYPES.has(o.Type)) {
      problems.push(`${where}: output ${o.Name} has unsupported Type ${o.Type}`);
      return;
    }
    out.push({ name: o.Name, selector: o.Selector, type: o.Type });
  });
  return out;
}

/** Step names a step may jump to: nextStep, onFailure step:X, branch NextStep/Default. */
function jumpTargets(step: ParsedStep): { what: string; target: string }[] {
  const found: { what: string; target: string }[] = [];
  if (step.nextStep !== undefined) found.push({ what: 'nextStep', target: step.nextStep });
  if (step.onFailure.startsWith('step:')) found.push({ what: 'onFailure', target: step.onFailure.slice(5) });
  if (step.action === 'aws:branch') {
    const choices = step.inputs.Choices;
    if (Array.isArray(choices)) {
      for (const c of choices) {
        if (isRecord(c) && typeof c.NextStep === 'string') found.push({ what: 'Choices NextStep', target: c.NextStep });
      }
    }
    if (typeof step.inputs.Default === 'string') found.push({ what: 'Default', target: step.inputs.Default });
  }
  return found;
}

function parseSteps(raw: unknown, problems: string[]): ParsedStep[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.push('mainSteps must be a non-empty list of steps');
    return [];
  }
  const steps: ParsedStep[] = [];
  const seen = new Set<string>();
  raw.forEach((s, i) => {
    const where0 = `mainSteps[${i}]`;
    if (!isRecord(s)) {
      problems.push(`${where0}: a step must be a mapping`);
      return;
    }
    const name = s.name;
    if (typeof name !== 'string' || !STEP_NAME.test(name)) {
      problems.push(`${where0}: name must be 1 to 128 letters, digits, '_' or '-'`);
      return;
    }
    const where = `${where0} (${name})`;
    if (seen.has(name)) problems.push(`${where}: the step name is used twice`);
    seen.add(name);
    const action = s.action;
    if (typeof action !== 'string' || !AUTOMATION_ACTIONS.has(action)) {
      problems.push(`${where}: ${JSON.stringify(action)} is not an Automation action`);
      return;
    }
    const inputs = s.inputs ?? {};
    if (!isRecord(inputs)) {
      problems.push(`${where}: inputs must be a mapping`);
      return;
    }
    const onFailure = s.onFailure ?? 'Abort';
    if (typeof onFailure !== 'string' || !/^(Abort|Continue|step:.+)$/.test(onFailure)) {
      problems.push(`${where}: onFailure must be Abort, Continue or step:STEP_NAME`);
    }
    const step: ParsedStep = {
      name,
      action,
      inputs,
      outputs: parseOutputs(s.outputs, problems, where),
      maxAttempts: intField(s, 'maxAttempts', problems, where) ?? 1,
      onFailure: typeof onFailure === 'string' ? onFailure : 'Abort',
      isEnd: boolField(s, 'isEnd', problems, where) ?? false
    };
    const timeout = intField(s, 'timeoutSeconds', problems, where);
    if (timeout !== undefined) step.timeoutSeconds = timeout;
    const critical = boolField(s, 'isCritical', problems, where);
    if (critical !== undefined) step.isCritical = critical;
    if (s.nextStep !== undefined) {
      if (typeof s.nextStep === 'string') step.nextStep = s.nextStep;
      else problems.push(`${where}: nextStep must be a step name`);
    }
    if (action === 'aws:branch' && !Array.isArray(inputs.Choices)) {
      problems.push(`${where}: aws:branch needs a Choices list`);
    }
    steps.push(step);
  });
  for (const step of steps) {
    for (const { what, target } of jumpTargets(step)) {
      if (!seen.has(target)) problems.push(`step ${step.name}: ${what} names step ${target}, which does not exist`);
    }
  }
  return steps;
}

function parseVariables(raw: unknown, problems: string[]): ParsedDocument['variables'] {
  if (raw === undefined || raw === null) return {};
  if (!isRecord(raw)) {
    problems.push('variables must be a mapping');
    return {};
  }
  const out: ParsedDocument['variables'] = {};
  for (const [name, def] of Object.entries(raw)) {
    if (!isRecord(def) || typeof def.type !== 'string' || !OUTPUT_TYPES.has(def.type)) {
      problems.push(`variable ${name}: needs a type (String, StringList, Integer, Boolean, MapList or StringMap)`);
      continue;
    }
    out[name] = 'default' in def ? { type: def.type, default: def.default } : { type: def.type };
  }
  return out;
}

/** Checks an Automation document (schemaVersion 0.3) and returns its parsed form; all problems in one message. */
export function parseAutomation(data: unknown): ParsedDocument {
  if (!isRecord(data)) {
    throw new ContentError('InvalidDocumentContent', 'Document content must be a JSON or YAML object.');
  }
  const schemaVersion = schemaVersionOf(data);
  if (schemaVersion !== '0.3') {
    throw new ContentError(
      'InvalidDocumentSchemaVersion',
      `schemaVersion ${schemaVersion} is not supported for Automation documents; use 0.3.`
    );
  }
  const problems: string[] = [];
  const parameters = parseParameters(data.parameters, problems);
  const variables = parseVariables(data.variables, problems);
  const steps = parseSteps(data.mainSteps, problems);
  const outputs: string[] = [];
  if (data.outputs !== undefined && data.outputs !== null) {
    if (!Array.isArray(data.outputs) || data.outputs.some(o => typeof o !== 'string' || !/^[^.]+\.[^.]+$/.test(o))) {
      problems.push('outputs must be a list of StepName.OutputName strings');
    } else {
      outputs.push(...(data.outputs as string[]));
    }
  }
  if (data.assumeRole !== undefined && typeof data.assumeRole !== 'string') {
    problems.push('assumeRole must be a string');
  }
  if (problems.length > 0) {
    throw new ContentError('InvalidDocumentContent', `Invalid Automation document: ${problems.join('; ')}.`);
  }
  const doc: ParsedDocument = { schemaVersion, parameters, variables, steps, outputs };
  if (typeof data.description === 'string') doc.description = data.description;
  if (typeof data.assumeRole === 'string') doc.assumeRole = data.assumeRole;
  return doc;
}

/** Checks a document of any type: content parses, has schemaVersion; Automation documents are checked in full. */
export function checkDocument(
  content: string,
  format: DocumentFormat,
  documentType: string
): { data: Record<string, unknown>; schemaVersion: string; parsed?: ParsedDocument } {
  const data = parseContent(content, format);
  if (!isRecord(data)) {
    throw new ContentError('InvalidDocumentContent', 'Document content must be a JSON or YAML object.');
  }
  if (documentType === 'Automation') {
    const parsed = parseAutomation(data);
    return { data, schemaVersion: parsed.schemaVersion, parsed };
  }
  return { data, schemaVersion: schemaVersionOf(data) };
}

/** Builds a stored version from checked content. Throws ContentError for content the service refuses. */
export function buildVersion(
  content: string,
  format: DocumentFormat,
  documentType: string,
  version: string,
  createdDate: string,
  versionName?: string
): DocumentVersionRecord {
  const { data, schemaVersion, parsed } = checkDocument(content, format, documentType);
  const parameters: DocumentParameterInfo[] = [];
  if (parsed) {
    for (const p of parsed.parameters) {
      const info: DocumentParameterInfo = { Name: p.name, Type: p.type };
      if (p.description !== undefined) info.Description = p.description;
      if (p.hasDefault && p.default !== undefined && p.default !== null) {
        info.DefaultValue = defaultValueText(p.type, p.default);
      }
      parameters.push(info);
    }
  } else if (isRecord(data.parameters)) {
    for (const [name, def] of Object.entries(data.parameters)) {
      const d = isRecord(def) ? def : {};
      const info: DocumentParameterInfo = { Name: name, Type: typeof d.type === 'string' ? d.type : 'String' };
      if (typeof d.description === 'string') info.Description = d.description;
      if (d.default !== undefined && d.default !== null) info.DefaultValue = defaultValueText(info.Type, d.default);
      parameters.push(info);
    }
  }
  const record: DocumentVersionRecord = {
    version,
    content,
    format,
    hash: sha256Hex(content),
    schemaVersion,
    parameters,
    createdDate
  };
  if (versionName !== undefined) record.versionName = versionName;
  if (typeof data.description === 'string') record.description = data.description;
  return record;
}

const parsedCache = new Map<string, ParsedDocument>();

/** The parsed Automation document of stored content (cached by hash; the content was checked when stored). */
export function automationOf(content: string, format: DocumentFormat): ParsedDocument {
  const key = `${format}:${sha256Hex(content)}`;
  let parsed = parsedCache.get(key);
  if (!parsed) {
    parsed = parseAutomation(parseContent(content, format));
    parsedCache.set(key, parsed);
  }
  return parsed;
}
