/**
 * The JSON report: every rule and every non-compliant resource, nothing truncated, in a deterministic
 * order, so two runs on the same account differ only in their times. Its shape is described by
 * compliance-report.schema.json (same folder) and versioned by REPORT_SCHEMA_VERSION.
 *
 * schemaVersion 2 (multi-account): every rule result and finding names its account and region, fingerprints include
 * them, and `accounts` lists every account and region the run looked at, checked or unknown (with why). Version 1
 * (compliance-report.v1.schema.json) is still read as a baseline (baseline/load.ts).
 */
import type { EffectivenessReview } from '../remediation/review.js';
import type {
  AccountCheck,
  ComplianceResult,
  Finding,
  GateDecision,
  RuleError,
  RuleResult,
  RuleStatus
} from '../compliance/types.js';
import type { Waiver } from '../manifest/load.js';
import type { RunInfo } from '../run-context.js';
import { fingerprint } from '../compliance/fingerprint.js';
import { fingerprintOf } from '../locate/source-map.js';
import {
  findingsCovered,
  PROPOSED_LABEL,
  type ProposedWaiver,
  type ProposedWhy,
  type WaiverBase
} from '../gate/waivers.js';
import { countFindings } from './ranking.js';
import { runUrlOf } from '../run-context.js';

export { fingerprint };

export const REPORT_SCHEMA_VERSION = 2;

export interface ReportRun extends RunInfo {
  accountId: string;
  region: string;
  /** When AWS Config compliance was read (ISO 8601). */
  checkedAt: string;
}

export interface ReportWaiver {
  /** The account the waiver names; absent: it applies to every account. */
  account?: string;
  reason: string;
  owner: string;
  expires: string;
  source?: string;
}

export interface ReportFinding {
  accountId: string;
  region: string;
  resourceType: string;
  resourceId: string;
  fingerprint: string;
  annotation?: string;
  recordedTime?: string;
  waived: boolean;
  waiver?: ReportWaiver;
  /** A waiver of the pull request the base branch does not hold: the finding still counts. */
  proposedWaiver?: ReportWaiver;
  /** Set when this run remediated the finding (verified: compliant now, not counted). */
  remediation?: { outcome: string; executionId?: string };
}

export interface ReportRule {
  accountId: string;
  region: string;
  name: string;
  status: RuleStatus;
  complianceType?: string;
  /** Non-compliant resources that count (not waived). */
  noncompliantCount: number;
  waivedCount: number;
  lastEvaluated?: string;
  hipaaSections: string[];
  error?: RuleError;
  /** Every non-compliant resource, waived ones included (marked), by resource type then id. */
  findings: ReportFinding[];
}

export interface ReportTotals {
  rules: number;
  byStatus: Record<RuleStatus, number>;
  noncompliantResources: number;
  waivedResources: number;
}

/** A waiver of the pull request that applies only after merge. */
export interface ReportProposedWaiver {
  /** The account the waiver names; absent: every account. */
  account?: string;
  rule: string;
  resource: string;
  reason: string;
  owner: string;
  expires: string;
  source?: string;
  status: typeof PROPOSED_LABEL;
  why: ProposedWhy;
  baseExpires?: string;
  /** Findings of this run it would cover: they count. */
  findings: number;
}

/** Where the waivers of a pull-request or merge-queue run came from. */
export interface ReportWaiverBase {
  eventName: string;
  sha?: string;
  readWith?: 'git' | 'contents-api';
  unreadable?: string;
}

export interface ComplianceReportJson {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  generatedAt: string;
  run: ReportRun;
  gate: GateDecision;
  totals: ReportTotals;
  /** Every account and region the run looked at, by account id then region; unknown ones say why. */
  accounts: AccountCheck[];
  /** By account, region, then rule name. */
  rules: ReportRule[];
  /** Pull-request and merge-queue runs with waivers: the base branch the waivers were judged against. */
  waiverBase?: ReportWaiverBase;
  /** Waivers "proposed: applies after merge", by rule then resource (present with waiverBase). */
  proposedWaivers?: ReportProposedWaiver[];
  /** The remediation effectiveness review (review-days). */
  effectiveness?: EffectivenessReview;
}

export interface JsonReportInput {
  result: ComplianceResult;
  gate: GateDecision;
  run: RunInfo;
  generatedAt: string;
  /** Set on pull-request and merge-queue runs whose manifest has waivers. */
  waivers?: { proposed: readonly ProposedWaiver[]; base?: WaiverBase };
  effectiveness?: EffectivenessReview;
}

/** Code-unit order: stable across locales and runtimes. */
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function reportWaiver(w: Waiver): ReportWaiver {
  const out: ReportWaiver = { reason: w.reason, owner: w.owner, expires: w.expires };
  if (w.account !== undefined) out.account = w.account;
  if (w.source !== undefined) out.source = w.source;
  return out;
}

function reportFinding(f: Finding): ReportFinding {
  const out: ReportFinding = {
    accountId: f.accountId,
    region: f.region,
    resourceType: f.resourceType,
    resourceId: f.resourceId,
    fingerprint: fingerprintOf(f),
    waived: f.waiver !== undefined
  };
  if (f.annotation !== undefined) out.annotation = f.annotation;
  if (f.recordedTime !== undefined) out.recordedTime = f.recordedTime;
  if (f.waiver !== undefined) out.waiver = reportWaiver(f.waiver);
  else if (f.proposedWaiver !== undefined) out.proposedWaiver = reportWaiver(f.proposedWaiver);
  if (f.remediation !== undefined) out.remediation = { ...f.remediation };
  return out;
}

function reportRule(r: RuleResult): ReportRule {
  const { counted, waived } = countFindings(r);
  const out: ReportRule = {
    accountId: r.accountId,
    region: r.region,
    name: r.ruleName,
    status: r.status,
    noncompliantCount: counted,
    waivedCount: waived,
    hipaaSections: [...(r.hipaaSections ?? [])],
    findings: r.findings
      .map(reportFinding)
      .sort(
        (a, b) =>
          cmp(a.accountId, b.accountId) ||
          cmp(a.region, b.region) ||
          cmp(a.resourceType, b.resourceType) ||
          cmp(a.resourceId, b.resourceId)
      )
  };
  if (r.complianceType !== undefined) out.complianceType = r.complianceType;
  if (r.lastEvaluated !== undefined) out.lastEvaluated = r.lastEvaluated;
  if (r.error !== undefined) {
    const e: RuleError = { operation: r.error.operation, code: r.error.code, message: r.error.message };
    if (r.error.requestId !== undefined) e.requestId = r.error.requestId;
    out.error = e;
  }
  return out;
}

function reportGate(g: GateDecision): GateDecision {
  const sorted = (xs: readonly string[]): string[] => [...xs].sort(cmp);
  return {
    result: g.result,
    reason: g.reason,
    noncompliantCount: g.noncompliantCount,
    noncompliantRules: sorted(g.noncompliantRules),
    waivedCount: g.waivedCount,
    staleRules: sorted(g.staleRules),
    insufficientDataRules: sorted(g.insufficientDataRules),
    errorRules: sorted(g.errorRules)
  };
}

/** Builds the JSON report. Pure: the same input always gives the same report. */
export function buildJsonReport(input: JsonReportInput): ComplianceReportJson {
  const { result, gate, run, generatedAt } = input;
  const rules = result.rules
    .map(reportRule)
    .sort((a, b) => cmp(a.accountId, b.accountId) || cmp(a.region, b.region) || cmp(a.name, b.name));
  const byStatus: Record<RuleStatus, number> = {
    error: 0,
    noncompliant: 0,
    stale: 0,
    'insufficient-data': 0,
    compliant: 0,
    'not-applicable': 0
  };
  let noncompliantResources = 0;
  let waivedResources = 0;
  for (const r of rules) {
    byStatus[r.status] += 1;
    noncompliantResources += r.noncompliantCount;
    waivedResources += r.waivedCount;
  }
  const reportRun: ReportRun = {
    repository: run.repository,
    runId: run.runId,
    runAttempt: run.runAttempt,
    workflow: run.workflow,
    eventName: run.eventName,
    actor: run.actor,
    sha: run.sha,
    ref: run.ref,
    serverUrl: run.serverUrl,
    accountId: result.accountId,
    region: result.region,
    checkedAt: result.checkedAt
  };
  const url = runUrlOf(run);
  if (url !== undefined) reportRun.runUrl = url;
  const report: ComplianceReportJson = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedAt,
    run: reportRun,
    gate: reportGate(gate),
    totals: { rules: rules.length, byStatus, noncompliantResources, waivedResources },
    accounts: reportAccounts(result.accounts),
    rules
  };
  const waivers = input.waivers;
  if (waivers !== undefined && (waivers.base !== undefined || waivers.proposed.length > 0)) {
    if (waivers.base !== undefined) {
      const b: ReportWaiverBase = { eventName: waivers.base.eventName };
      if (waivers.base.sha !== undefined) b.sha = waivers.base.sha;
      if (waivers.base.via !== undefined) b.readWith = waivers.base.via;
      if (waivers.base.unreadable !== undefined) b.unreadable = waivers.base.unreadable;
      report.waiverBase = b;
    }
    report.proposedWaivers = waivers.proposed
      .map(w => reportProposed(w, result))
      .sort(
        (a, b) =>
          cmp(a.rule, b.rule) ||
          cmp(a.resource, b.resource) ||
          cmp(a.account ?? '', b.account ?? '') ||
          cmp(a.expires, b.expires)
      );
  }
  if (input.effectiveness) report.effectiveness = input.effectiveness;
  return report;
}

function reportProposed(w: ProposedWaiver, result: ComplianceResult): ReportProposedWaiver {
  const out: ReportProposedWaiver = {
    rule: w.rule,
    resource: w.resourceId,
    reason: w.reason,
    owner: w.owner,
    expires: w.expires,
    status: PROPOSED_LABEL,
    why: w.why,
    findings: findingsCovered(result, w)
  };
  if (w.account !== undefined) out.account = w.account;
  if (w.source !== undefined) out.source = w.source;
  if (w.baseExpires !== undefined) out.baseExpires = w.baseExpires;
  return out;
}

/** Every account and region, by account id then region; nothing dropped, unknown ones keep their reason. */
function reportAccounts(accounts: readonly AccountCheck[]): AccountCheck[] {
  return accounts
    .map(a => {
      const out: AccountCheck = {
        accountId: a.accountId,
        regions: a.regions
          .map(r => (r.reason !== undefined ? { region: r.region, status: r.status, reason: r.reason } : { ...r }))
          .sort((x, y) => cmp(x.region, y.region))
      };
      if (a.name !== undefined) out.name = a.name;
      return out;
    })
    .sort((a, b) => cmp(a.accountId, b.accountId));
}
