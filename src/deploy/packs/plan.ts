/**
 * The plan of deploy-as: conformance-pack / organization-conformance-pack: a pure diff of the desired packs against
 * the packs AWS Config holds. A pack is one plan item (one in drift-count): its template (the sha256 tag
 * TEMPLATE_HASH_TAG the action put on it), its input parameters and, for organization packs, its excluded accounts.
 */
import { MANAGED_TAG } from '../../desired/model.js';
import type { FieldChange, Plan, PlanAction, PlanItem, PlanObject } from '../plan.js';
import { TEMPLATE_HASH_TAG, type DesiredPack } from './template.js';

export type PackMode = 'conformance-pack' | 'organization-conformance-pack';

export interface ActualPack {
  name: string;
  arn: string;
  /** The TEMPLATE_HASH_TAG value; undefined when the pack has no such tag (not deployed by this action). */
  hash?: string;
  managed: boolean;
  parameters: Record<string, string>;
  /** Organization packs. */
  excludedAccounts?: string[];
  /** Conformance packs: ConformancePackState (CREATE_FAILED is re-put by apply). */
  state?: string;
}

export interface PackPlanOptions {
  mode: 'apply' | 'destroy';
  prune: boolean;
  /** Organization packs: the excluded-accounts input. */
  excludedAccounts?: readonly string[];
}

export const packObject = (mode: PackMode): PlanObject => mode;

export function packTags(hash: string): { Key: string; Value: string }[] {
  return [{ ...MANAGED_TAG }, { Key: TEMPLATE_HASH_TAG, Value: hash }];
}

const list = (v: readonly string[]): string => (v.length === 0 ? '(none)' : [...v].sort().join(', '));

function changesOf(d: DesiredPack, a: ActualPack, mode: PackMode, excluded: readonly string[]): FieldChange[] {
  const c: FieldChange[] = [];
  if (a.hash !== d.hash) c.push({ field: 'Template (sha256)', from: a.hash ?? '(untagged)', to: d.hash });
  // The template carries every value: the action sends no ConformancePackInputParameters.
  const params = Object.keys(a.parameters);
  if (params.length > 0) {
    c.push({ field: 'ConformancePackInputParameters', from: JSON.stringify(a.parameters), to: '(none)' });
  }
  if (mode === 'organization-conformance-pack' && list(a.excludedAccounts ?? []) !== list(excluded)) {
    c.push({ field: 'ExcludedAccounts', from: list(a.excludedAccounts ?? []), to: list(excluded) });
  }
  if (a.state === 'CREATE_FAILED')
    c.push({ field: 'ConformancePackState', from: 'CREATE_FAILED', to: 'CREATE_COMPLETE' });
  return c;
}

/** Pure: the plan of packs (apply, with or without prune, or destroy). */
export function buildPackPlan(
  desired: readonly DesiredPack[],
  actual: ReadonlyMap<string, ActualPack>,
  mode: PackMode,
  options: PackPlanOptions
): Plan {
  const object = packObject(mode);
  const items: PlanItem[] = [];
  const excluded = options.excludedAccounts ?? [];
  if (options.mode === 'destroy') {
    for (const d of desired) {
      const a = actual.get(d.name);
      if (!a) continue;
      items.push(
        a.managed
          ? { object, name: d.name, action: 'delete', changes: [], position: d.position }
          : {
              object,
              name: d.name,
              action: 'unchanged',
              changes: [],
              position: d.position,
              note: 'not tagged managed-by=compliance-gate: left alone'
            }
      );
    }
  } else {
    for (const d of desired) {
      const a = actual.get(d.name);
      if (!a) {
        items.push({ object, name: d.name, action: 'create', changes: [], position: d.position });
        continue;
      }
      const changes = changesOf(d, a, mode, excluded);
      items.push({
        object,
        name: d.name,
        action: changes.length > 0 ? 'update' : 'unchanged',
        changes,
        position: d.position
      });
    }
    if (options.prune) {
      const names = new Set(desired.map(d => d.name));
      for (const a of actual.values()) {
        if (!names.has(a.name) && a.managed) {
          items.push({ object, name: a.name, action: 'delete', changes: [], note: 'no longer in the manifest' });
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
