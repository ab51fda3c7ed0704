/**
 * remediation-plan.json: the plan as written for a reviewer (keys in a readable order), and the approved plan read
 * back from a file (shape checked, and its hash recomputed so an edited file is refused).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { writeJsonFile } from '../util/files.js';
import { PolicyError } from '../errors.js';
import { PLAN_SCHEMA_VERSION, planHash, type PlanTarget, type RemediationPlan } from './plan.js';

export const PLAN_FILE_NAME = 'remediation-plan.json';

/** remediation-plan.json: the plan with its keys in a readable order. */
export function buildPlanJson(plan: RemediationPlan): RemediationPlan {
  return {
    schemaVersion: plan.schemaVersion,
    hash: plan.hash,
    mode: plan.mode,
    accountId: plan.accountId,
    region: plan.region,
    createdAt: plan.createdAt,
    targets: plan.targets.map(t => ({
      rule: t.rule,
      hipaaSections: t.hipaaSections,
      resourceType: t.resourceType,
      resourceId: t.resourceId,
      fingerprint: t.fingerprint,
      runbook: { name: t.runbook.name, version: t.runbook.version, hash: t.runbook.hash },
      parameters: t.parameters,
      route: t.route
    })),
    notes: plan.notes,
    // Targets left out (recent automatic remediation): shown to the reviewer, not hashed.
    ...(plan.skipped ? { skipped: plan.skipped.map(s => ({ target: s.target, reason: s.reason })) } : {})
  };
}

/** Writes remediation-plan.json (creating its directory). */
export async function writePlanFile(file: string, plan: RemediationPlan): Promise<void> {
  await writeJsonFile(file, buildPlanJson(plan));
}

/** The approved plan file as read: the plan, or why it cannot be used (the approval check says so if it matters). */
export interface ApprovedFile {
  plan?: RemediationPlan;
  problem?: string;
}

/** Reads the approved-plan-file input; no file given: nothing. */
export async function readApprovedFile(file: string | undefined): Promise<ApprovedFile> {
  if (file === undefined || file === '') return {};
  if (!existsSync(file)) return { problem: `the approved plan file ${file} does not exist` };
  try {
    return { plan: parsePlanJson(await readFile(file, 'utf8'), file) };
  } catch (err) {
    if (err instanceof PolicyError) return { problem: err.message.replace(/^Remediation refused: /, '') };
    throw err;
  }
}

/** Checks a plan read from a file (the approved plan): shape, and that its hash is the hash of its content. */
export function parsePlanJson(text: string, file: string): RemediationPlan {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new PolicyError(`Remediation refused: the approved plan file ${file} is not JSON: ${(err as Error).message}`);
  }
  const bad = (what: string): PolicyError =>
    new PolicyError(`Remediation refused: the approved plan file ${file} is not a remediation plan: ${what}.`);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw bad('not an object');
  const o = raw as Record<string, unknown>;
  if (o['schemaVersion'] !== PLAN_SCHEMA_VERSION) throw bad(`schemaVersion is not ${PLAN_SCHEMA_VERSION}`);
  for (const k of ['hash', 'accountId', 'region'] as const) {
    if (typeof o[k] !== 'string') throw bad(`${k} is not a string`);
  }
  if (!Array.isArray(o['targets'])) throw bad('targets is not a list');
  const targets = o['targets'] as unknown[];
  targets.forEach((t, i) => {
    if (!isPlanTarget(t)) throw bad(`targets[${i}] lacks a field of a target`);
  });
  const plan = raw as RemediationPlan;
  const recomputed = planHash(plan);
  if (recomputed !== plan.hash) {
    throw new PolicyError(
      `Remediation refused: the approved plan file ${file} was modified: its content hashes to ${recomputed}, not to the hash it states (${plan.hash}).`
    );
  }
  return plan;
}

function isStringList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every(x => typeof x === 'string');
}

function isPlanTarget(v: unknown): v is PlanTarget {
  if (!v || typeof v !== 'object') return false;
  const t = v as Record<string, unknown>;
  const rb = t['runbook'] as Record<string, unknown> | undefined;
  const params = t['parameters'];
  return (
    typeof t['rule'] === 'string' &&
    isStringList(t['hipaaSections']) &&
    typeof t['resourceType'] === 'string' &&
    typeof t['resourceId'] === 'string' &&
    typeof t['fingerprint'] === 'string' &&
    !!rb &&
    typeof rb['name'] === 'string' &&
    typeof rb['version'] === 'string' &&
    typeof rb['hash'] === 'string' &&
    !!params &&
    typeof params === 'object' &&
    Object.values(params).every(isStringList) &&
    (t['route'] === 'config' || t['route'] === 'ssm')
  );
}
