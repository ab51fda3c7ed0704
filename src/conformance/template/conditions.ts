/**
 * The Mappings and Conditions sections. Their contents are evaluated by the intrinsics Evaluator (Fn::FindInMap,
 * Condition functions); here they are checked for shape and collected.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/conditions-section-structure.html
 */
import type { Evaluator } from '../intrinsics.js';
import { describe } from '../../source/tree.js';
import type { ErrorSink } from '../../source/collector.js';
import type { PEntry, PMap } from '../../source/tree.js';

/** Mappings: a map of maps of maps. Returned even when some entries are malformed (those were reported). */
export function readMappings(section: PEntry | undefined, sink: ErrorSink): PMap | undefined {
  if (section === undefined) return undefined;
  if (section.value.kind !== 'map') {
    sink.add(section.value.pos, `Mappings must be a map, found ${describe(section.value)}`);
    return undefined;
  }
  for (const m of section.value.entries) {
    if (m.value.kind !== 'map') {
      sink.add(m.value.pos, `mapping ${m.key} must be a map of maps, found ${describe(m.value)}`);
      continue;
    }
    for (const top of m.value.entries) {
      if (top.value.kind !== 'map') {
        sink.add(top.value.pos, `mapping ${m.key}.${top.key} must be a map, found ${describe(top.value)}`);
      }
    }
  }
  return section.value;
}

/** Condition definitions by name (evaluated on demand by the Evaluator). */
export function readConditions(section: PEntry | undefined, sink: ErrorSink): Map<string, PEntry> {
  const conditions = new Map<string, PEntry>();
  if (section === undefined) return conditions;
  if (section.value.kind !== 'map') {
    sink.add(section.value.pos, `Conditions must be a map, found ${describe(section.value)}`);
    return conditions;
  }
  for (const c of section.value.entries) conditions.set(c.key, c);
  return conditions;
}

/** Every condition is evaluated, used or not, so a broken one is reported (CloudFormation validates them all). */
export function evaluateConditions(evaluator: Evaluator, conditions: ReadonlyMap<string, PEntry>): void {
  for (const [name, def] of conditions) evaluator.condition(name, def.keyPos);
}
