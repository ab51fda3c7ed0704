/** What the readers of one template share while they read it, passed to each explicitly. */
import type { Evaluator, FAILED } from '../intrinsics.js';
import type { ErrorSink } from '../../source/collector.js';
import type { PMap } from '../../source/tree.js';
import type { PackWarning } from '../types.js';
import type { SourcePosition } from '../../source/position.js';

/** A resource of the template's Resources section, before its properties are read. */
export interface ResourceDecl {
  logicalId: string;
  type: string;
  pos: SourcePosition;
  properties: PMap | undefined;
  condition?: { name: string; pos: SourcePosition };
  /** False when its Condition is false or broken, or it has no readable Properties: it is not read further. */
  active: boolean;
}

export interface TemplateContext {
  readonly sink: ErrorSink;
  readonly evaluator: Evaluator;
  /** Resources by logical id (filled by readResources; a Ref to a ConfigRule looks its name up here). */
  readonly resources: Map<string, ResourceDecl>;
  /** Rule names already resolved for a Ref, by logical id. */
  readonly ruleNames: Map<string, string | typeof FAILED>;
  /** Rules whose name is being resolved, to catch a ConfigRuleName that refers to its own rule. */
  readonly namingRules: Set<string>;
  /** Accepted but unused (reported as warnings). */
  readonly warnings: PackWarning[];
}
