/**
 * Generates the built-in pack data files from the third-party reference inputs (run by hand, not in CI; the output
 * is committed):
 *   src/conformance/data/hipaa-security.json   the 130 rules of AWS's HIPAA Security conformance pack + HIPAA sections
 *   src/conformance/data/managed-rules.json    the managed rule identifier catalog (parameters, resource types)
 *
 *   npx tsx scripts/build-hipaa-pack.ts            write both files
 *   npx tsx scripts/build-hipaa-pack.ts --check    exit 1 when the committed files differ from a fresh build
 *
 * Inputs (read from ../shared/reference, never copied into the repo):
 *   conformance-packs/Operational-Best-Practices-for-HIPAA-Security.yaml   (awslabs/aws-config-rules, CC0-1.0)
 *   hipaa-mapping/cdk-nag-RULES-hipaa-security-section.md                 (cdklabs/cdk-nag, Apache-2.0)
 *   managed-rules/identifiers-from-packs.json                             (derived from awslabs/aws-config-rules)
 *
 * Mapping decisions (each rule records its mappingSource):
 * - cdk-nag rows are matched to pack rules by the AWS Config rule page each row links to (the URL slug is the rule
 *   name), except in the "Excluded Rules" table, whose first column is the Config rule name itself. There the
 *   access-keys-rotated row links to the iam-group-has-users-check page: the link is a mistake, not the mapping.
 *   The row's label is used (access-keys-rotated -> 164.308(a)(4)(ii)(B), the same section cdk-nag gives the other
 *   credential-rotation checks such as secretsmanager-rotation-enabled-check). iam-group-has-users-check has a row of
 *   its own and is not in the current pack anyway (only in its 2020 revision). Any other label/link mismatch stops
 *   the build.
 * - Section ids are normalised (the stray ")" in "164.312(e)(2)(ii))"), then sorted and de-duplicated.
 * - Pack rules absent from cdk-nag are filled only from a source that could be checked: the AWS Config developer
 *   guide page "Operational Best Practices for HIPAA Security" maps annual-risk-assessment-performed (process check)
 *   to 164.308(a)(1)(ii)(A) (Risk analysis). The AWS Guard Rules Registry's hipaa-security rule set was compared as
 *   well, but it covers no rule that cdk-nag misses. Every other rule stays hipaaSections: [] with
 *   hipaaMapping: "unknown" (e.g. the opensearch-* rules: cdk-nag's OpenSearch rows link to the elasticsearch-* rules,
 *   and no checked source maps the newer identifiers).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { normaliseSectionId, sortSections } from '../src/conformance/hipaa-sections.js';
import { readSourceTree } from '../src/source/cloudformation.js';
import { ErrorSink } from '../src/source/collector.js';
import { entry } from '../src/source/tree.js';
import type { PEntry, PMap, PNode } from '../src/source/tree.js';
import { parseConformancePack } from '../src/conformance/template/index.js';
import type { RuleSpec } from '../src/conformance/types.js';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const REFERENCE_ROOT = join(REPO_ROOT, '..', 'shared', 'reference');
export const HIPAA_DATA_FILE = join(REPO_ROOT, 'src', 'conformance', 'data', 'hipaa-security.json');
export const MANAGED_RULES_DATA_FILE = join(REPO_ROOT, 'src', 'conformance', 'data', 'managed-rules.json');

const TEMPLATE = 'conformance-packs/Operational-Best-Practices-for-HIPAA-Security.yaml';
const CDK_NAG = 'hipaa-mapping/cdk-nag-RULES-hipaa-security-section.md';
const MANAGED = 'managed-rules/identifiers-from-packs.json';
const EXPECTED_RULES = 130;

/** Rows taken from the AWS Config developer guide page (checked by hand; see the header). */
const AWS_DOCS_ROWS: ReadonlyArray<{ rule: string; sections: string[] }> = [
  { rule: 'annual-risk-assessment-performed', sections: ['164.308(a)(1)(ii)(A)'] }
];

export const MAPPING_SOURCES = {
  'cdk-nag': {
    title: 'cdk-nag RULES.md, section "HIPAA Security" (rows matched by the AWS Config rule page each row links to)',
    repository: 'cdklabs/cdk-nag',
    commit: 'ca6d1b54e1cf1c2e3c29d731e066f6d5ded710b5',
    license: 'Apache-2.0',
    reference: CDK_NAG
  },
  'cdk-nag-row-label': {
    title:
      'cdk-nag RULES.md, "Excluded Rules" row whose link points at another rule page; the row label (the Config rule name) is used',
    repository: 'cdklabs/cdk-nag',
    commit: 'ca6d1b54e1cf1c2e3c29d731e066f6d5ded710b5',
    license: 'Apache-2.0',
    reference: CDK_NAG
  },
  'aws-config-developer-guide': {
    title: 'AWS Config Developer Guide, "Operational Best Practices for HIPAA Security" (control table)',
    url: 'https://docs.aws.amazon.com/config/latest/developerguide/operational-best-practices-for-hipaa_security.html'
  }
} as const;
export type MappingSourceId = keyof typeof MAPPING_SOURCES | 'none';

export interface DataInputParameter {
  /** The value with the template's defaults. */
  value: string;
  /** The template parameter that sets it (users override it by this name). */
  parameter?: string;
  /** The template drops the key when the parameter is '' (Fn::If on Not Equals '' with AWS::NoValue). */
  omitWhenEmpty?: boolean;
}

export interface DataRule {
  logicalId: string;
  name: string;
  description?: string;
  source: { owner: string; identifier?: string };
  inputParameters: Record<string, DataInputParameter>;
  scope?: RuleSpec['scope'];
  maximumExecutionFrequency?: string;
  hipaaSections: string[];
  hipaaMapping: 'mapped' | 'unknown';
  mappingSource: MappingSourceId;
  mappingNote?: string;
}

export interface HipaaPackData {
  schemaVersion: 1;
  name: 'hipaa-security';
  title: string;
  generatedBy: string;
  inputs: Record<string, { reference: string; sha256: string; upstream: string }>;
  mappingSources: typeof MAPPING_SOURCES;
  parameters: Record<string, { type: string; default: string }>;
  rules: DataRule[];
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function readReference(root: string, path: string): string {
  return readFileSync(join(root, path), 'utf8');
}

/** A cdk-nag table row mapped to a Config rule name. */
export interface MappingRow {
  rule: string;
  sections: string[];
  line: number;
  table: string;
  /** The label named this rule but the link pointed at another rule's page. */
  mislinkedTo?: string;
}

/** Parses the cdk-nag HIPAA Security tables into rows keyed by AWS Config rule name. */
export function parseCdkNagMapping(markdown: string): MappingRow[] {
  const rows: MappingRow[] = [];
  let table = '';
  markdown.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const heading = /^###\s+(.+)$/.exec(raw);
    if (heading) table = heading[1]!.trim();
    if (!raw.startsWith('| [')) return;
    const cells = raw
      .trim()
      .replace(/^\|/, '')
      .replace(/\|$/, '')
      .split('|')
      .map(c => c.trim());
    const link =
      /^\[([^\]]+)\]\(https:\/\/docs\.aws\.amazon\.com\/config\/latest\/developerguide\/([a-z0-9-]+)\.html\)$/.exec(
        cells[0] ?? ''
      );
    if (link === null) throw new Error(`${CDK_NAG}:${line}: first cell is not a link to an AWS Config rule page`);
    const [, label, slug] = link as unknown as [string, string, string];
    const sections = (cells[cells.length - 1] ?? '').split(',').map(s => {
      const id = normaliseSectionId(s);
      if (id === undefined)
        throw new Error(`${CDK_NAG}:${line}: malformed HIPAA section id ${JSON.stringify(s.trim())}`);
      return id;
    });
    if (table === 'Excluded Rules') {
      // The label is the Config rule name itself.
      if (label !== slug) {
        if (!(label === 'access-keys-rotated' && slug === 'iam-group-has-users-check')) {
          throw new Error(
            `${CDK_NAG}:${line}: row ${label} links to ${slug}: decide which one the row maps, then update this script`
          );
        }
        rows.push({ rule: label, sections, line, table, mislinkedTo: slug });
        return;
      }
    } else if (!label.startsWith('HIPAA.Security-')) {
      throw new Error(`${CDK_NAG}:${line}: unexpected rule id ${label}`);
    }
    rows.push({ rule: slug, sections, line, table });
  });
  return rows;
}

/** How one InputParameters value is written in the template, classified for the data file. */
function classifyInputParameter(
  rule: string,
  key: string,
  node: PNode,
  conditions: PMap | undefined,
  defaults: Record<string, { default: string }>
): DataInputParameter {
  const where = `${TEMPLATE}:${node.pos.line}: ${rule}.${key}`;
  if (node.kind === 'scalar' && node.value !== null) return { value: node.text };
  const single = (n: PNode | undefined, key: string): PNode | undefined =>
    n?.kind === 'map' && n.entries.length === 1 && n.entries[0]!.key === key ? n.entries[0]!.value : undefined;
  const refName = (n: PNode | undefined): string | undefined => {
    const r = single(n, 'Ref');
    return r?.kind === 'scalar' && typeof r.value === 'string' ? r.value : undefined;
  };
  const bare = refName(node);
  if (bare !== undefined) {
    const p = defaults[bare];
    if (p === undefined) throw new Error(`${where}: Ref to unknown parameter ${bare}`);
    return { value: p.default, parameter: bare };
  }
  const fnIf = single(node, 'Fn::If');
  if (fnIf?.kind === 'seq' && fnIf.items.length === 3) {
    const [cond, whenTrue, whenFalse] = fnIf.items as [PNode, PNode, PNode];
    const param = refName(whenTrue);
    const condName = cond.kind === 'scalar' && typeof cond.value === 'string' ? cond.value : undefined;
    const condBody: PEntry | undefined =
      condName !== undefined && conditions !== undefined ? entry(conditions, condName) : undefined;
    const notArg = single(condBody?.value, 'Fn::Not');
    const equals =
      notArg?.kind === 'seq' && notArg.items.length === 1 ? single(notArg.items[0], 'Fn::Equals') : undefined;
    const operands = equals?.kind === 'seq' && equals.items.length === 2 ? equals.items : [];
    const comparesEmpty =
      operands.some(o => o.kind === 'scalar' && o.value === '') && operands.some(o => refName(o) === param);
    if (param !== undefined && refName(whenFalse) === 'AWS::NoValue' && comparesEmpty) {
      const p = defaults[param];
      if (p === undefined) throw new Error(`${where}: Ref to unknown parameter ${param}`);
      return { value: p.default, parameter: param, omitWhenEmpty: true };
    }
  }
  throw new Error(
    `${where}: unexpected form; the data file supports literals, Ref and Fn::If [Not Equals '' ...] only`
  );
}

/** Builds the hipaa-security data from the reference inputs. */
export function buildHipaaPackData(referenceRoot: string = REFERENCE_ROOT): HipaaPackData {
  const templateText = readReference(referenceRoot, TEMPLATE);
  const cdkNagText = readReference(referenceRoot, CDK_NAG);
  const pack = parseConformancePack(templateText, TEMPLATE, { context: { region: 'us-east-1' } });
  if (pack.rules.length !== EXPECTED_RULES) {
    throw new Error(`${TEMPLATE}: expected ${EXPECTED_RULES} rules, found ${pack.rules.length}`);
  }
  const sink = new ErrorSink();
  const root = readSourceTree(templateText, TEMPLATE, sink);
  sink.throwIfAny();
  if (root?.kind !== 'map') throw new Error(`${TEMPLATE}: not a map`);
  const conditions = entry(root, 'Conditions')?.value;
  const resources = entry(root, 'Resources')?.value;
  if (resources?.kind !== 'map') throw new Error(`${TEMPLATE}: no Resources`);

  const parameters: HipaaPackData['parameters'] = {};
  for (const [name, p] of Object.entries(pack.parameters)) {
    if (typeof p.value !== 'string')
      throw new Error(`${TEMPLATE}: parameter ${name} is a list; the data file holds strings`);
    parameters[name] = { type: p.type, default: p.value };
  }

  const rows = parseCdkNagMapping(cdkNagText);
  const rules: DataRule[] = pack.rules.map(rule => {
    const resource = entry(resources, rule.logicalId)?.value;
    const props = resource?.kind === 'map' ? entry(resource, 'Properties')?.value : undefined;
    if (props?.kind !== 'map' || entry(resource as PMap, 'Type')?.value.kind !== 'scalar') {
      throw new Error(`${TEMPLATE}: resource ${rule.logicalId} not found`);
    }
    const inputParameters: Record<string, DataInputParameter> = {};
    const input = entry(props, 'InputParameters')?.value;
    if (input !== undefined) {
      if (input.kind !== 'map') throw new Error(`${TEMPLATE}: InputParameters of ${rule.name} is not a map`);
      for (const e of input.entries) {
        inputParameters[e.key] = classifyInputParameter(
          rule.name,
          e.key,
          e.value,
          conditions?.kind === 'map' ? conditions : undefined,
          parameters
        );
      }
    }
    // The classification must give what the parser resolves with the defaults.
    const expected = Object.fromEntries(
      Object.entries(inputParameters)
        .filter(([, p]) => !(p.omitWhenEmpty === true && p.value === ''))
        .map(([k, p]) => [k, p.value])
    );
    if (JSON.stringify(expected) !== JSON.stringify(rule.inputParameters)) {
      throw new Error(`${TEMPLATE}: ${rule.name}: classified input parameters disagree with the parser`);
    }

    const matched = rows.filter(r => r.rule === rule.name);
    const docs = AWS_DOCS_ROWS.filter(r => r.rule === rule.name);
    const out: DataRule = {
      logicalId: rule.logicalId,
      name: rule.name,
      source: {
        owner: rule.source.owner,
        ...(rule.source.identifier !== undefined ? { identifier: rule.source.identifier } : {})
      },
      inputParameters,
      hipaaSections: [],
      hipaaMapping: 'unknown',
      mappingSource: 'none'
    };
    if (rule.description !== undefined) out.description = rule.description;
    if (rule.scope !== undefined) out.scope = rule.scope;
    if (rule.maximumExecutionFrequency !== undefined) out.maximumExecutionFrequency = rule.maximumExecutionFrequency;
    if (matched.length > 0) {
      out.hipaaSections = sortSections(matched.flatMap(r => r.sections));
      out.hipaaMapping = 'mapped';
      const mislinked = matched.find(r => r.mislinkedTo !== undefined);
      out.mappingSource = mislinked ? 'cdk-nag-row-label' : 'cdk-nag';
      if (mislinked) {
        out.mappingNote = `cdk-nag row (line ${mislinked.line}) is labelled ${rule.name} but links to ${mislinked.mislinkedTo}; the label is taken as the rule, the link as a mistake`;
      }
    } else if (docs.length > 0) {
      out.hipaaSections = sortSections(docs.flatMap(r => r.sections));
      out.hipaaMapping = 'mapped';
      out.mappingSource = 'aws-config-developer-guide';
      out.mappingNote = 'absent from cdk-nag; only the control-table row checked on the AWS Config page is recorded';
    }
    return out;
  });

  return {
    schemaVersion: 1,
    name: 'hipaa-security',
    title: 'Operational Best Practices for HIPAA Security',
    generatedBy: 'scripts/build-hipaa-pack.ts',
    inputs: {
      template: {
        reference: TEMPLATE,
        sha256: sha256(templateText),
        upstream: 'awslabs/aws-config-rules@b54d4a6c99e105c25ca46af9305770e4ba51c422 (CC0-1.0)'
      },
      mapping: {
        reference: CDK_NAG,
        sha256: sha256(cdkNagText),
        upstream: 'cdklabs/cdk-nag@ca6d1b54e1cf1c2e3c29d731e066f6d5ded710b5 RULES.md (Apache-2.0)'
      }
    },
    mappingSources: MAPPING_SOURCES,
    parameters,
    rules
  };
}

export interface ManagedRulesData {
  source: string;
  identifiers: Record<string, { parameters: string[]; resourceTypes: string[] }>;
}

/** Builds the compact managed rule catalog. */
export function buildManagedRulesData(referenceRoot: string = REFERENCE_ROOT): ManagedRulesData {
  const text = readReference(referenceRoot, MANAGED);
  const raw = JSON.parse(text) as {
    identifiers: Record<string, { parameters?: string[]; resourceTypes?: string[] }>;
  };
  const identifiers: ManagedRulesData['identifiers'] = {};
  for (const id of Object.keys(raw.identifiers).sort()) {
    const item = raw.identifiers[id]!;
    identifiers[id] = {
      parameters: [...new Set(item.parameters ?? [])].sort(),
      resourceTypes: [...new Set(item.resourceTypes ?? [])].sort()
    };
  }
  return {
    source: `${MANAGED} (sha256 ${sha256(text)}): AWS managed rule identifiers used by the 122 conformance packs of awslabs/aws-config-rules@b54d4a6c99e105c25ca46af9305770e4ba51c422 (CC0-1.0), with the parameter keys and resource types observed there. Observed, not exhaustive.`,
    identifiers
  };
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const prettier = await import('prettier');
  let stale = false;
  for (const [file, data] of [
    [HIPAA_DATA_FILE, buildHipaaPackData()],
    [MANAGED_RULES_DATA_FILE, buildManagedRulesData()]
  ] as const) {
    const config = (await prettier.resolveConfig(file)) ?? {};
    const text = await prettier.format(JSON.stringify(data), { ...config, filepath: file });
    let current = '';
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      current = '';
    }
    const name = relative(REPO_ROOT, file);
    if (current === text) process.stdout.write(`${name}: up to date\n`);
    else if (check) {
      stale = true;
      process.stdout.write(`${name}: differs from a fresh build\n`);
    } else {
      writeFileSync(file, text);
      process.stdout.write(`${name}: written\n`);
    }
  }
  if (stale) process.exitCode = 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
