/**
 * plan.json: the deploy plan as data (every item, where it is declared, the rules and the runbooks' least-privilege
 * policies), written to the report directory on every deploy run that reads the account.
 */
import { writeJsonFile } from '../util/files.js';
import { join } from 'node:path';
import type { DesiredState } from '../desired/model.js';
import type { Plan, PlanItem } from './plan.js';

export const PLAN_SCHEMA_VERSION = 1;

export const PLAN_FILE_NAME = 'plan.json';

/** The deploy modes that make a plan. */
export type DeployMode = 'plan' | 'apply' | 'destroy';

export interface PlanJson {
  schemaVersion: number;
  mode: DeployMode;
  prune: boolean;
  manifest: string;
  counts: Plan['counts'];
  drift: number;
  items: (Omit<PlanItem, 'position'> & { declaredAt?: string })[];
  /** Least-privilege IAM policy each runbook's assume role needs, derived from its steps. */
  runbooks: { name: string; hash: string; policy: unknown; notes: string[] }[];
  rules: { name: string; identifier: string; hipaaSections: string[]; declaredAt: string }[];
}

export function buildPlanJson(plan: Plan, mode: DeployMode, desired: DesiredState): PlanJson {
  return {
    schemaVersion: PLAN_SCHEMA_VERSION,
    mode,
    prune: plan.prune,
    manifest: desired.manifestFile,
    counts: plan.counts,
    drift: plan.drift,
    items: plan.items.map(({ position, ...rest }) => ({
      ...rest,
      ...(position ? { declaredAt: `${position.file}:${position.line}:${position.col}` } : {})
    })),
    runbooks: desired.documents.map(d => ({
      name: d.name,
      hash: d.hash,
      policy: d.policy.policy,
      notes: d.policy.notes
    })),
    rules: desired.rules.map(r => ({
      name: r.name,
      identifier: r.identifier,
      hipaaSections: r.hipaaSections,
      declaredAt: `${r.position.file}:${r.position.line}:${r.position.col}`
    }))
  };
}

/** Writes `<reportDir>/plan.json` (creating the directory); returns its path. */
export async function writePlanFile(
  reportDir: string,
  plan: Plan,
  mode: DeployMode,
  desired: DesiredState
): Promise<string> {
  return writeJsonFile(join(reportDir, PLAN_FILE_NAME), buildPlanJson(plan, mode, desired));
}
