/** Lookups over parsed templates: by (type, physical name) and by logical id. Pure. */
import { nameCandidates } from './physical-names.js';
import type { CfnTemplate, SkippedFile, TemplateIndex, TemplateResource } from './types.js';

const key = (a: string, b: string): string => `${a}\u0000${b}`;

function push<K, V>(map: Map<K, V[]>, k: K, v: V): void {
  const list = map.get(k);
  if (list === undefined) map.set(k, [v]);
  else list.push(v);
}

/** Builds the index; templates keep their order, so every lookup lists resources in file order. */
export function buildTemplateIndex(
  templates: readonly CfnTemplate[],
  skipped: readonly SkippedFile[] = []
): TemplateIndex {
  const byName = new Map<string, TemplateResource[]>();
  const byId = new Map<string, TemplateResource[]>();
  for (const t of templates) {
    for (const r of t.resources) {
      push(byId, r.logicalId, r);
      if (r.physicalName !== undefined) push(byName, key(r.type, r.physicalName), r);
    }
  }
  return {
    templates: [...templates],
    skipped: [...skipped],
    byPhysicalName(type: string, name: string): TemplateResource[] {
      for (const candidate of nameCandidates(name)) {
        const found = byName.get(key(type, candidate));
        if (found !== undefined) return [...found];
      }
      return [];
    },
    byLogicalId(logicalId: string, type?: string): TemplateResource[] {
      const found = byId.get(logicalId) ?? [];
      return type === undefined ? [...found] : found.filter(r => r.type === type);
    }
  };
}
