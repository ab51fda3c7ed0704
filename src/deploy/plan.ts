/**
 * The plan: a pure diff of the desired state against what is deployed. create / update (with the fields that
 * differ) / delete (only objects tagged as managed by this action, only with prune or destroy) / unchanged.
 */
import type { SourcePosition } from '../source/position.js';
import type { DesiredDocument, DesiredRemediation, DesiredRule, DesiredState } from '../desired/model.js';

export interface ActualRule {
  name: string;
  arn: string;
  owner: string;
  identifier: string;
  inputParameters: Record<string, string>;
  complianceResourceTypes?: string[];
  tagKey?: string;
  tagValue?: string;
  complianceResourceId?: string;
  maximumExecutionFrequency?: string;
  evaluationModes?: string[];
  description?: string;
  /** Tagged managed-by=compliance-gate; undefined when the tags were not read. */
  managed?: boolean;
}

export interface ActualDocument {
  name: string;
  hash: string;
  defaultVersion: string;
  latestVersion: string;
  managed?: boolean;
}

/** A remediation configuration as AWS Config holds it: the desired binding's settings, without manifest facts. */
export type ActualRemediation = Omit<DesiredRemediation, 'resourceIdParameter' | 'origin' | 'position'>;

export interface ActualState {
  rules: Map<string, ActualRule>;
  documents: Map<string, ActualDocument>;
  remediations: Map<string, ActualRemediation>;
}

export type PlanAction = 'create' | 'update' | 'delete' | 'unchanged';
export type PlanObject = 'runbook' | 'rule' | 'remediation' | 'conformance-pack' | 'organization-conformance-pack';

export interface FieldChange {
  field: string;
  from: string;
  to: string;
}

export interface PlanItem {
  object: PlanObject;
  name: string;
  action: PlanAction;
  changes: FieldChange[];
  /** Where the object is declared (absent for deletions of objects no longer declared). */
  position?: SourcePosition;
  /** Why, when the action needs explaining (e.g. an unmanaged object left alone). */
  note?: string;
}

export interface Plan {
  mode: 'apply' | 'destroy';
  prune: boolean;
  items: PlanItem[];
  counts: Record<PlanAction, number>;
  /** Objects that differ from the manifest: creations, updates and deletions. */
  drift: number;
}

export interface PlanOptions {
  mode: 'apply' | 'destroy';
  prune: boolean;
}

const show = (v: unknown): string => (v === undefined ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v));

function sortedJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(sortedJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter(k => o[k] !== undefined)
      .sort()
      .map(k => `${JSON.stringify(k)}:${sortedJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

function diff(changes: FieldChange[], field: string, from: unknown, to: unknown): void {
  if (sortedJson(from ?? null) !== sortedJson(to ?? null)) changes.push({ field, from: show(from), to: show(to) });
}

const emptyToUndefined = <T>(list: T[] | undefined): T[] | undefined => (list && list.length > 0 ? list : undefined);

function ruleChanges(d: DesiredRule, a: ActualRule): FieldChange[] {
  const c: FieldChange[] = [];
  diff(c, 'Source.Owner', a.owner, d.owner);
  diff(c, 'Source.SourceIdentifier', a.identifier, d.identifier);
  diff(c, 'InputParameters', a.inputParameters, d.inputParameters);
  diff(
    c,
    'Scope.ComplianceResourceTypes',
    emptyToUndefined([...(a.complianceResourceTypes ?? [])].sort()),
    emptyToUndefined([...(d.scope?.complianceResourceTypes ?? [])].sort())
  );
  diff(c, 'Scope.TagKey', a.tagKey, d.scope?.tagKey);
  diff(c, 'Scope.TagValue', a.tagValue, d.scope?.tagValue);
  diff(c, 'Scope.ComplianceResourceId', a.complianceResourceId, d.scope?.complianceResourceId);
  // AWS fills in a frequency and keeps a description when none is given: compare only what the manifest sets.
  if (d.maximumExecutionFrequency) {
    diff(c, 'MaximumExecutionFrequency', a.maximumExecutionFrequency, d.maximumExecutionFrequency);
  }
  if (d.description !== undefined) diff(c, 'Description', a.description, d.description);
  if (d.evaluationModes) {
    diff(c, 'EvaluationModes', [...(a.evaluationModes ?? ['DETECTIVE'])].sort(), [...d.evaluationModes].sort());
  }
  return c;
}

function documentChanges(d: DesiredDocument, a: ActualDocument): FieldChange[] {
  const c: FieldChange[] = [];
  diff(c, 'Content (sha256)', a.hash, d.hash);
  return c;
}

export function remediationChanges(d: DesiredRemediation, a: ActualRemediation): FieldChange[] {
  const c: FieldChange[] = [];
  diff(c, 'TargetId', a.targetId, d.targetId);
  diff(c, 'TargetVersion', a.targetVersion, d.targetVersion);
  diff(c, 'Parameters', a.parameters, d.parameters);
  diff(c, 'Automatic', a.automatic, d.automatic);
  diff(c, 'ResourceType', a.resourceType, d.resourceType);
  // A pack may leave these out (AWS's defaults apply): compare only what the binding sets.
  const settings: [string, number | undefined, number | undefined][] = [
    ['MaximumAutomaticAttempts', a.maximumAutomaticAttempts, d.maximumAutomaticAttempts],
    ['RetryAttemptSeconds', a.retryAttemptSeconds, d.retryAttemptSeconds],
    ['ExecutionControls.ConcurrentExecutionRatePercentage', a.concurrencyPercent, d.concurrencyPercent],
    ['ExecutionControls.ErrorPercentage', a.errorPercent, d.errorPercent]
  ];
  for (const [field, actual, desired] of settings) if (desired !== undefined) diff(c, field, actual, desired);
  return c;
}

function item(
  object: PlanObject,
  name: string,
  action: PlanAction,
  changes: FieldChange[] = [],
  position?: SourcePosition,
  note?: string
): PlanItem {
  const i: PlanItem = { object, name, action, changes };
  if (position) i.position = position;
  if (note) i.note = note;
  return i;
}

function compare<D extends { position: SourcePosition }, A>(
  object: PlanObject,
  desired: readonly D[],
  nameOf: (d: D) => string,
  actual: Map<string, A>,
  changesOf: (d: D, a: A) => FieldChange[]
): PlanItem[] {
  return desired.map(d => {
    const a = actual.get(nameOf(d));
    if (!a) return item(object, nameOf(d), 'create', [], d.position);
    const changes = changesOf(d, a);
    return item(object, nameOf(d), changes.length > 0 ? 'update' : 'unchanged', changes, d.position);
  });
}

/** Pure: the plan for `apply` (with or without prune) or `destroy`. */
export function buildPlan(desired: DesiredState, actual: ActualState, options: PlanOptions): Plan {
  const items: PlanItem[] = [];
  const desiredRules = new Set(desired.rules.map(r => r.name));
  const desiredDocs = new Set(desired.documents.map(d => d.name));
  const desiredRemediations = new Set(desired.remediations.map(r => r.ruleName));

  if (options.mode === 'destroy') {
    // Remediation configurations first, then rules, then documents: AWS refuses to delete a rule that still
    // has a remediation configuration.
    for (const r of desired.remediations) {
      const managedRule = actual.rules.get(r.ruleName)?.managed === true;
      if (actual.remediations.has(r.ruleName)) {
        items.push(
          managedRule
            ? item('remediation', r.ruleName, 'delete', [], r.position)
            : item('remediation', r.ruleName, 'unchanged', [], r.position, 'its rule is not managed by compliance-gate')
        );
      }
    }
    for (const r of desired.rules) {
      const a = actual.rules.get(r.name);
      if (!a) continue;
      items.push(
        a.managed
          ? item('rule', r.name, 'delete', [], r.position)
          : item('rule', r.name, 'unchanged', [], r.position, 'not tagged managed-by=compliance-gate: left alone')
      );
    }
    for (const d of desired.documents) {
      const a = actual.documents.get(d.name);
      if (!a) continue;
      items.push(
        a.managed
          ? item('runbook', d.name, 'delete', [], d.position)
          : item('runbook', d.name, 'unchanged', [], d.position, 'not tagged managed-by=compliance-gate: left alone')
      );
    }
  } else {
    items.push(...compare('runbook', desired.documents, d => d.name, actual.documents, documentChanges));
    items.push(...compare('rule', desired.rules, r => r.name, actual.rules, ruleChanges));
    items.push(
      ...compare('remediation', desired.remediations, r => r.ruleName, actual.remediations, remediationChanges)
    );
    if (options.prune) {
      for (const [name, a] of actual.rules) {
        if (desiredRules.has(name) || !a.managed) continue;
        if (actual.remediations.has(name) && !desiredRemediations.has(name)) {
          items.push(item('remediation', name, 'delete', [], undefined, 'no longer in the manifest'));
        }
        items.push(item('rule', name, 'delete', [], undefined, 'no longer in the manifest'));
      }
      for (const name of actual.remediations.keys()) {
        if (desiredRemediations.has(name) || !desiredRules.has(name)) continue;
        if (actual.rules.get(name)?.managed) {
          items.push(item('remediation', name, 'delete', [], undefined, 'no longer in the manifest'));
        }
      }
      for (const [name, a] of actual.documents) {
        if (!desiredDocs.has(name) && a.managed) {
          items.push(item('runbook', name, 'delete', [], undefined, 'no longer in the manifest'));
        }
      }
    }
  }

  const counts: Record<PlanAction, number> = { create: 0, update: 0, delete: 0, unchanged: 0 };
  for (const i of items) counts[i.action] += 1;
  return {
    mode: options.mode,
    prune: options.prune,
    items,
    counts,
    drift: counts.create + counts.update + counts.delete
  };
}
