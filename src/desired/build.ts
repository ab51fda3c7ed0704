/**
 * Manifest + packs + runbooks -> DesiredState (model.ts). preflight() finds every problem before anything is
 * written; the loaders come in through DesiredStateSources (wired to the files by load.ts).
 */
import type { ConformancePack, RemediationSpec, RuleScope } from '../conformance/types.js';
import type { SourcePosition } from '../source/position.js';
import { SourceError } from '../errors.js';
import { ErrorSink } from '../source/collector.js';
import type { Manifest } from '../manifest/load.js';
import { isAwsOwnedDocumentName, parameterValueProblem, type AwsDocument } from '../runbooks/aws-documents.js';
import type { DerivedPolicy, Runbook } from '../runbooks/types.js';
import { compileAllowedPattern } from '../runbooks/validate/java-regex.js';
import { runbookChangesNothing } from '../runbooks/effects.js';
import type {
  DesiredDocument,
  DesiredRemediation,
  DesiredRule,
  DesiredState,
  RemediationParameterJson
} from './model.js';

/** What the desired-state builder needs from the conformance and runbook phases. */
export interface DesiredStateSources {
  /** Loads a built-in pack or a template with parameter values. */
  loadPack(ref: {
    builtin?: string;
    template?: string;
    parameters: Record<string, string>;
    position: SourcePosition;
  }): Promise<ConformancePack>;
  /** Reads and validates a runbook (throws SourceErrors naming file:line:col). */
  loadRunbook(path: string, name: string | undefined): Promise<Runbook>;
  documentHash(content: string): string;
  leastPrivilegePolicy(runbook: Runbook, values: Record<string, string | string[]>): DerivedPolicy;
  /** HIPAA sections for a rule name (from the built-in pack's mapping). */
  hipaaSectionsFor(ruleName: string): string[];
  /** Known managed rule identifiers and the parameters observed for them. */
  managedRule(identifier: string): { parameters: readonly string[] } | undefined;
  /** The catalogued AWS-owned document of that name (e.g. AWS-ConfigureS3BucketLogging), for parameter checks. */
  awsDocument(name: string): AwsDocument | undefined;
}

export interface PreflightResult {
  errors: SourceError[];
  warnings: SourceError[];
}

const RULE_NAME = /^[A-Za-z0-9_.-]{1,128}$/;

/** Builds the desired state; problems that prevent building it are collected in `errors`. */
export async function buildDesiredState(
  manifest: Manifest,
  src: DesiredStateSources
): Promise<{ state: DesiredState; errors: SourceError[]; warnings: SourceError[] }> {
  const errors = new ErrorSink();
  const warnings = new ErrorSink();
  const collect = (e: unknown): void => {
    if (e instanceof SourceError) errors.addErrors([e]);
    else if (e && typeof e === 'object' && 'errors' in e && Array.isArray(e.errors)) {
      errors.addErrors((e as { errors: SourceError[] }).errors);
    } else throw e;
  };

  const rules: DesiredRule[] = [];
  const packRemediations: DesiredRemediation[] = [];
  for (const ref of manifest.packs) {
    let pack: ConformancePack;
    try {
      pack = await src.loadPack(ref);
    } catch (e) {
      collect(e);
      continue;
    }
    const excluded = new Set(ref.exclude);
    const names = new Set(pack.rules.map(r => r.name));
    for (const name of ref.exclude) {
      if (!names.has(name)) warnings.add(ref.position, `exclude names '${name}', which the pack does not have`);
    }
    for (const r of pack.rules) {
      if (excluded.has(r.name)) continue;
      const rule: DesiredRule = {
        name: r.name,
        owner: r.source.owner,
        identifier: r.source.identifier ?? '',
        inputParameters: r.inputParameters,
        hipaaSections: r.hipaaSections ?? src.hipaaSectionsFor(r.name),
        origin: pack.builtin ? `pack ${pack.builtin}` : `pack ${pack.file}`,
        // A built-in pack's data file is the action's, not the user's: its rules are declared where the
        // manifest names the pack, so annotations and SARIF point into the user's repository.
        position: pack.builtin ? ref.position : r.position
      };
      if (r.scope) rule.scope = r.scope;
      if (r.maximumExecutionFrequency) rule.maximumExecutionFrequency = r.maximumExecutionFrequency;
      if (r.evaluationModes?.length) rule.evaluationModes = [...r.evaluationModes];
      if (r.description) rule.description = r.description;
      rules.push(rule);
    }
    const origin = pack.builtin ? `pack ${pack.builtin}` : `pack ${pack.file}`;
    const at = (p: SourcePosition): SourcePosition => (pack.builtin ? ref.position : p);
    for (const w of pack.warnings ?? []) warnings.add(at(w.position), w.detail);
    for (const k of pack.skipped) {
      warnings.add(at(k.position), `${k.type} ${k.logicalId} is not deployed: its Condition ${k.condition} is false`);
    }
    for (const rem of pack.remediations) {
      if (excluded.has(rem.configRuleName)) {
        warnings.add(
          at(rem.position),
          `RemediationConfiguration ${rem.logicalId} is not deployed: its rule '${rem.configRuleName}' is excluded (exclude at ${ref.position.file}:${ref.position.line})`
        );
        continue;
      }
      packRemediations.push(packRemediation(rem, origin, at(rem.position)));
    }
  }
  for (const r of manifest.rules) {
    const rule: DesiredRule = {
      name: r.name,
      owner: 'AWS',
      identifier: r.identifier,
      inputParameters: r.parameters,
      hipaaSections: src.hipaaSectionsFor(r.name),
      origin: 'manifest',
      position: r.position
    };
    const scope: RuleScope = {};
    if (r.resourceTypes) scope.complianceResourceTypes = r.resourceTypes;
    if (r.tagKey) scope.tagKey = r.tagKey;
    if (r.tagValue) scope.tagValue = r.tagValue;
    if (Object.keys(scope).length > 0) rule.scope = scope;
    if (r.maximumExecutionFrequency) rule.maximumExecutionFrequency = r.maximumExecutionFrequency;
    if (r.evaluationModes) rule.evaluationModes = r.evaluationModes;
    if (r.description) rule.description = r.description;
    rules.push(rule);
  }

  const documents: DesiredDocument[] = [];
  const runbooks = new Map<string, Runbook>();
  for (const ref of manifest.runbooks) {
    let runbook: Runbook;
    try {
      runbook = await src.loadRunbook(ref.path, ref.name);
    } catch (e) {
      collect(e);
      continue;
    }
    runbooks.set(runbook.name, runbook);
    warnings.addErrors(runbook.warnings ?? []);
    const values: Record<string, string | string[]> = {};
    for (const b of manifest.remediations.filter(b => b.runbook === runbook.name)) Object.assign(values, b.parameters);
    documents.push({
      name: runbook.name,
      content: runbook.content,
      format: runbook.format,
      hash: src.documentHash(runbook.content),
      parameters: runbook.parameters.map(p => p.name),
      policy: src.leastPrivilegePolicy(runbook, values),
      changesNothing: runbookChangesNothing(runbook),
      position: ref.position
    });
  }

  const manifestRemediations: DesiredRemediation[] = manifest.remediations.map(b => {
    const parameters: Record<string, RemediationParameterJson> = b.resourceIdParameter
      ? { [b.resourceIdParameter]: { ResourceValue: { Value: 'RESOURCE_ID' } } }
      : {};
    for (const [k, v] of Object.entries(b.parameters)) {
      parameters[k] = { StaticValue: { Values: Array.isArray(v) ? v : [v] } };
    }
    const d: DesiredRemediation = {
      ruleName: b.rule,
      targetId: b.runbook,
      parameters,
      automatic: b.automatic,
      maximumAutomaticAttempts: b.maximumAttempts,
      retryAttemptSeconds: b.retrySeconds,
      concurrencyPercent: b.concurrencyPercent,
      errorPercent: b.errorPercent,
      origin: 'manifest',
      position: b.position
    };
    if (b.runbookVersion) d.targetVersion = b.runbookVersion;
    if (b.resourceIdParameter) d.resourceIdParameter = b.resourceIdParameter;
    return d;
  });
  const remediations = [...packRemediations, ...manifestRemediations];

  const state: DesiredState = {
    manifestFile: manifest.file,
    rules,
    documents,
    remediations,
    waivers: manifest.waivers.map(({ position: _p, ...w }) => w)
  };
  if (manifest.alerts) state.alertTopic = manifest.alerts.snsTopic;
  if (manifest.audit) state.audit = manifest.audit;

  const pf = preflight(state, manifest, runbooks, src);
  return { state, errors: [...errors.errors, ...pf.errors], warnings: [...warnings.errors, ...pf.warnings] };
}

/** A pack's AWS::Config::RemediationConfiguration as a binding: every property carried, nothing dropped. */
function packRemediation(rem: RemediationSpec, origin: string, position: SourcePosition): DesiredRemediation {
  const parameters: Record<string, RemediationParameterJson> = {};
  let resourceIdParameter: string | undefined;
  for (const [name, v] of Object.entries(rem.parameters)) {
    if ('resourceValue' in v) {
      parameters[name] = { ResourceValue: { Value: 'RESOURCE_ID' } };
      resourceIdParameter ??= name;
    } else parameters[name] = { StaticValue: { Values: [...v.staticValue.values] } };
  }
  const d: DesiredRemediation = {
    ruleName: rem.configRuleName,
    targetId: rem.targetId,
    parameters,
    automatic: rem.automatic,
    origin,
    position
  };
  if (rem.targetVersion !== undefined) d.targetVersion = rem.targetVersion;
  if (resourceIdParameter !== undefined) d.resourceIdParameter = resourceIdParameter;
  if (rem.resourceType !== undefined) d.resourceType = rem.resourceType;
  if (rem.maximumAutomaticAttempts !== undefined) d.maximumAutomaticAttempts = rem.maximumAutomaticAttempts;
  if (rem.retryAttemptSeconds !== undefined) d.retryAttemptSeconds = rem.retryAttemptSeconds;
  const ssm = rem.executionControls?.ssmControls;
  if (ssm?.concurrentExecutionRatePercentage !== undefined)
    d.concurrencyPercent = ssm.concurrentExecutionRatePercentage;
  if (ssm?.errorPercentage !== undefined) d.errorPercent = ssm.errorPercentage;
  return d;
}

const where = (p: SourcePosition): string => `${p.file}:${p.line}`;

/** Every problem AWS would reject, or that would make a binding or waiver point nowhere, at once. */
export function preflight(
  state: DesiredState,
  manifest: Manifest,
  runbooks: ReadonlyMap<string, Runbook>,
  src: Pick<DesiredStateSources, 'managedRule' | 'awsDocument'>
): PreflightResult {
  const errors = new ErrorSink();
  const warnings = new ErrorSink();
  const firstByName = new Map<string, DesiredRule>();
  for (const r of state.rules) {
    const first = firstByName.get(r.name);
    if (first) {
      errors.add(
        r.position,
        `rule '${r.name}' is also declared at ${first.position.file}:${first.position.line} (${first.origin})`
      );
      continue;
    }
    firstByName.set(r.name, r);
    if (!RULE_NAME.test(r.name)) errors.add(r.position, `rule name '${r.name}' is not a valid ConfigRuleName`);
    if (r.owner === 'AWS') {
      const known = src.managedRule(r.identifier);
      if (!known) {
        warnings.add(r.position, `'${r.identifier}' is not a known AWS managed rule identifier (rule ${r.name})`);
      } else {
        for (const p of Object.keys(r.inputParameters)) {
          if (!known.parameters.includes(p)) {
            warnings.add(
              r.position,
              `rule ${r.name}: parameter '${p}' is not among those known for ${r.identifier} (${known.parameters.join(', ') || 'none'})`
            );
          }
        }
      }
    }
  }
  const docNames = new Set<string>();
  for (const d of state.documents) {
    if (docNames.has(d.name)) errors.add(d.position, `runbook name '${d.name}' is used twice`);
    docNames.add(d.name);
  }
  const firstBinding = new Map<string, DesiredRemediation>();
  for (const b of state.remediations) {
    const what = `remediation for '${b.ruleName}'`;
    const other = firstBinding.get(b.ruleName);
    if (other) {
      errors.add(
        b.position,
        `${what} (${b.origin ?? 'manifest'}) is also declared at ${where(other.position)} (${other.origin ?? 'manifest'}); AWS Config keeps one remediation configuration per rule`
      );
      continue;
    }
    firstBinding.set(b.ruleName, b);
    if (!firstByName.has(b.ruleName)) {
      errors.add(b.position, `${what}: no such rule in this manifest or its packs`);
    }
    const ours = runbooks.get(b.targetId);
    if (ours) {
      checkBindingParameters(
        b,
        ours.parameters.map(p => ({ name: p.name, required: !p.hasDefault })),
        errors
      );
      checkStaticValues(b, ours, errors);
      continue;
    }
    if (!isAwsOwnedDocumentName(b.targetId)) {
      errors.add(
        b.position,
        `${what}: '${b.targetId}' is neither a runbook of this manifest nor an AWS-owned document (AWS-*, AWSConfigRemediation-*)`
      );
      continue;
    }
    const doc = src.awsDocument(b.targetId);
    if (!doc) {
      warnings.add(
        b.position,
        `${what}: '${b.targetId}' is an AWS-owned document the action does not catalogue: its parameters are not checked before AWS runs it`
      );
      continue;
    }
    checkBindingParameters(b, doc.parameters, errors, doc);
  }
  for (const w of manifest.waivers) {
    if (!firstByName.has(w.rule))
      warnings.add(w.position, `waiver names rule '${w.rule}', which this manifest does not deploy`);
  }
  return { errors: errors.errors, warnings: warnings.errors };
}

/** A binding's parameters against its document's: unknown names, the resource id parameter, required ones, types. */
function checkBindingParameters(
  b: DesiredRemediation,
  declared: readonly { name: string; required: boolean }[],
  errors: ErrorSink,
  aws?: AwsDocument
): void {
  const what = `remediation for '${b.ruleName}': ${aws ? 'AWS-owned document' : 'runbook'} '${b.targetId}'`;
  const names = declared.map(p => p.name);
  if (b.resourceIdParameter !== undefined && !names.includes(b.resourceIdParameter)) {
    errors.add(
      b.position,
      `${what} has no parameter '${b.resourceIdParameter}' for the resource id (it has ${names.join(', ') || 'none'})`
    );
  }
  for (const p of Object.keys(b.parameters)) {
    if (p !== b.resourceIdParameter && !names.includes(p)) {
      errors.add(b.position, `${what} has no parameter '${p}' (it has ${names.join(', ') || 'none'})`);
    }
  }
  for (const p of declared) {
    if (p.required && !(p.name in b.parameters)) {
      errors.add(b.position, `${what} requires parameter '${p.name}', which the binding does not give`);
    }
  }
  for (const p of aws?.parameters ?? []) {
    const values = b.parameters[p.name]?.StaticValue?.Values;
    const problem = values === undefined ? undefined : parameterValueProblem(p, values);
    if (problem !== undefined) errors.add(b.position, `${what}: parameter '${p.name}' ${problem}`);
  }
}

/**
 * A binding's static values against its runbook's `allowedPattern` and `allowedValues`: SSM Automation refuses an
 * execution whose parameter value does not match them ("Data elements and parameters" of schema 0.3, allowedPattern and
 * allowedValues), so a value that cannot run is an error at deploy, not a failed remediation later. A pattern is
 * matched as SSM's Java `find` would (a match anywhere; AWS's patterns anchor themselves); a pattern the action cannot
 * compile was already a warning of the runbook, and is not used here.
 */
function checkStaticValues(b: DesiredRemediation, runbook: Runbook, errors: ErrorSink): void {
  const what = `remediation for '${b.ruleName}': runbook '${b.targetId}'`;
  for (const p of runbook.parameters) {
    const values = b.parameters[p.name]?.StaticValue?.Values;
    if (values === undefined) continue;
    const compiled = p.allowedPattern === undefined ? undefined : compileAllowedPattern(p.allowedPattern);
    const allowed = p.allowedValues?.map(v => String(v));
    for (const v of values) {
      if (compiled !== undefined && 'regex' in compiled && !compiled.regex.test(v)) {
        errors.add(
          b.position,
          `${what}: parameter '${p.name}' value ${JSON.stringify(v)} does not match its allowedPattern ${p.allowedPattern ?? ''}`
        );
      }
      if (allowed !== undefined && !allowed.includes(v)) {
        errors.add(
          b.position,
          `${what}: parameter '${p.name}' value ${JSON.stringify(v)} is not one of its allowedValues (${allowed.join(', ')})`
        );
      }
    }
  }
}
