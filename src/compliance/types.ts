/** The data the compliance check produces and the gate and reports consume. */
import type { Waiver } from '../manifest/load.js';

export type RuleStatus = 'compliant' | 'noncompliant' | 'insufficient-data' | 'not-applicable' | 'stale' | 'error';

/** Where a result comes from: every finding and rule result belongs to one account and region. */
export interface AccountRegion {
  accountId: string;
  region: string;
}

/** Whether one account's region could be read; unknown is never a pass. */
export interface RegionCheck {
  region: string;
  status: 'checked' | 'unknown';
  /** Why unknown: the role could not be assumed, reads failed after retries, the aggregator source failed, ... */
  reason?: string;
}

export interface AccountCheck {
  accountId: string;
  /** From Organizations when known. */
  name?: string;
  regions: RegionCheck[];
}

/** One non-compliant resource of one rule. */
export interface Finding extends AccountRegion {
  ruleName: string;
  resourceType: string;
  resourceId: string;
  annotation?: string;
  /** ISO 8601. */
  recordedTime?: string;
  /** Stable id: sha256 of rule + resource type + resource id (hex, first 32 chars). */
  fingerprint: string;
  /** Set when a waiver covers this finding: listed, not counted. */
  waiver?: Waiver;
  /**
   * A waiver of a pull request that the base branch does not hold ("proposed: applies after merge"): shown, but the
   * finding still counts.
   */
  proposedWaiver?: Waiver;
  /** Set when this run remediated the finding; a `verified` one is compliant now and no longer counted. */
  remediation?: { outcome: string; executionId?: string };
}

export interface RuleError {
  operation: string;
  code: string;
  message: string;
  requestId?: string;
}

export interface RuleResult extends AccountRegion {
  ruleName: string;
  status: RuleStatus;
  /** Compliance type AWS reported, before staleness is applied. */
  complianceType?: string;
  /** Non-compliant resources, waived ones included (see Finding.waiver). */
  findings: Finding[];
  /** ISO 8601: last successful evaluation. */
  lastEvaluated?: string;
  /** Why the rule is stale (status 'stale'): a failed last evaluation, or a periodic rule past its frequency. */
  staleReason?: string;
  /** HIPAA Security Rule sections the rule supports, e.g. 164.312(a)(2)(iv). */
  hipaaSections?: string[];
  error?: RuleError;
}

export interface ComplianceResult {
  /** ISO 8601. */
  checkedAt: string;
  accountId: string;
  region: string;
  rules: RuleResult[];
  accounts: AccountCheck[];
}

export interface GateDecision {
  result: 'pass' | 'fail';
  /** One line, e.g. "3 non-compliant resources in 2 rules". */
  reason: string;
  noncompliantCount: number;
  noncompliantRules: string[];
  waivedCount: number;
  staleRules: string[];
  insufficientDataRules: string[];
  errorRules: string[];
  /** Differences between the manifest and the account, when a deploy plan was made. */
  drift?: number;
  /** Counted findings not in the baseline, when a baseline was given. */
  newNoncompliantCount?: number;
}
