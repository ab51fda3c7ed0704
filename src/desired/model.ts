/**
 * The model every phase reads: DesiredState, what the manifest (packs, single rules, runbooks, remediation bindings)
 * asks AWS to hold, every item with its file:line:col. Built by build.ts from what load.ts reads.
 */
import type { Waiver } from '../manifest/load.js';
import type { RuleScope } from '../conformance/types.js';
import type { DerivedPolicy } from '../runbooks/types.js';
import type { SourcePosition } from '../source/position.js';

/** Every object the action creates carries this tag, so prune and destroy only ever touch its own objects. */
export const MANAGED_TAG = { Key: 'managed-by', Value: 'compliance-gate' } as const;

export interface DesiredRule {
  name: string;
  owner: string;
  identifier: string;
  inputParameters: Record<string, string>;
  scope?: RuleScope;
  maximumExecutionFrequency?: string;
  /** DETECTIVE and/or PROACTIVE; absent: AWS's default (DETECTIVE). */
  evaluationModes?: string[];
  description?: string;
  hipaaSections: string[];
  /** Where the rule is declared: a pack (with its file) or the manifest. */
  origin: string;
  position: SourcePosition;
}

export interface DesiredDocument {
  name: string;
  content: string;
  format: 'YAML' | 'JSON';
  hash: string;
  parameters: string[];
  policy: DerivedPolicy;
  /** Its steps only publish or read (runbooks/effects.ts): remediating with it alerts. Absent: it may change things. */
  changesNothing?: boolean;
  position: SourcePosition;
}

export interface RemediationParameterJson {
  ResourceValue?: { Value: 'RESOURCE_ID' };
  StaticValue?: { Values: string[] };
}

export interface DesiredRemediation {
  ruleName: string;
  targetId: string;
  targetVersion?: string;
  /** Absent for runbooks that take no resource id. */
  resourceIdParameter?: string;
  parameters: Record<string, RemediationParameterJson>;
  automatic: boolean;
  /**
   * The four settings below are always set for a manifest binding (its defaults); a pack's
   * RemediationConfiguration may leave them out, and then AWS's own defaults apply and they are not compared.
   */
  maximumAutomaticAttempts?: number;
  retryAttemptSeconds?: number;
  concurrencyPercent?: number;
  errorPercent?: number;
  /** ResourceType of the configuration (a pack may give it). */
  resourceType?: string;
  /** Where the binding is declared: 'manifest' (absent means the same) or `pack FILE`. */
  origin?: string;
  position: SourcePosition;
}

export interface DesiredState {
  manifestFile: string;
  rules: DesiredRule[];
  documents: DesiredDocument[];
  remediations: DesiredRemediation[];
  waivers: Waiver[];
  alertTopic?: string;
  /** The manifest's audit settings (audit.log-group, audit.retention-days, audit.kms-key-id). */
  audit?: { logGroup?: string; retentionDays?: number; kmsKeyId?: string };
}
