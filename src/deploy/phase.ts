/**
 * The deploy phase: manifest (or conformance-pack shortcut) -> DesiredState -> read what is deployed -> Plan ->
 * apply/destroy (never in plan mode) -> plan.json. Loaders of the conformance and runbook phases are wired here.
 */
import type { ConfigServiceClient } from '@aws-sdk/client-config-service';
import type { SSMClient } from '@aws-sdk/client-ssm';
import type { SourceError } from '../errors.js';
import type { DeployAs, DeployMode } from '../inputs.js';
import { existsSync } from 'node:fs';
import type { ApplyResult } from './apply.js';
import type { DesiredState } from '../desired/model.js';
import type { ActualState, Plan } from './plan.js';
import type { WaitDeps } from './wait.js';
import type { PackRunResult } from './packs/phase.js';

export interface DeployOptions {
  config: string;
  configExplicit: boolean;
  conformancePack?: string;
  deploy: DeployMode;
  prune: boolean;
  /** Default rules: each rule on its own. */
  deployAs?: DeployAs;
  templateS3Bucket?: string;
  excludedAccounts?: readonly string[];
  region: string;
  accountId: string;
  reportDir: string;
  /** YYYY-MM-DD, for waiver expiry. */
  today: string;
  /** The workflow file (repository-relative), where the conformance-pack input is written. */
  workflowFile?: string;
  /** GITHUB_WORKSPACE: files the manifest references must be inside it (default: the current directory). */
  workspace?: string;
}

export interface DeployResult {
  /** Absent when there is no manifest and no conformance-pack (deploy skipped). */
  desired?: DesiredState;
  warnings: SourceError[];
  actual?: ActualState;
  plan?: Plan;
  planFile?: string;
  applied?: ApplyResult;
  /** deploy-as: conformance-pack / organization-conformance-pack: each pack's status and compliance. */
  packs?: PackRunResult;
}

export async function runDeploy(
  clients: { config(): Promise<ConfigServiceClient>; ssm(): Promise<SSMClient> },
  options: DeployOptions,
  deps: WaitDeps
): Promise<DeployResult> {
  const { logger } = deps;
  // Loaded only when there is something to read or deploy: a plain check loads neither the manifest readers nor
  // the deploy code (resolveManifest returns undefined in exactly this case).
  const nothingToRead = !options.conformancePack && !options.configExplicit && !existsSync(options.config);
  const manifest = nothingToRead ? undefined : (await import('../desired/load.js')).resolveManifest(options);
  if (!manifest) {
    logger.info(
      `No manifest at ${options.config} and no conformance-pack: deploy skipped; checking every rule in the account.`
    );
    return { warnings: [] };
  }
  const built = await (await import('../desired/load.js')).loadDesiredState(manifest, options);
  const desired = built.state;
  logger.info(
    `${manifest.file}: ${desired.rules.length} rules, ${desired.documents.length} runbooks, ${desired.remediations.length} remediations.`
  );
  if (options.deploy === 'off') return { desired, warnings: built.warnings };
  if (options.deployAs && options.deployAs !== 'rules') {
    const { runPackDeploy } = await import('./packs/phase.js');
    const { writePlanFile } = await import('./plan-file.js');
    const packed = await runPackDeploy(
      await clients.config(),
      desired,
      {
        mode: options.deployAs,
        deploy: options.deploy,
        prune: options.prune,
        excludedAccounts: options.excludedAccounts ?? [],
        ...(options.templateS3Bucket ? { templateS3Bucket: options.templateS3Bucket } : {})
      },
      deps
    );
    const planFile = await writePlanFile(options.reportDir, packed.plan, options.deploy, desired);
    return { desired, warnings: built.warnings, planFile, ...packed };
  }

  const { readActual } = await import('./read-actual.js');
  const { buildPlan } = await import('./plan.js');
  const { writePlanFile } = await import('./plan-file.js');
  const { applyPlan } = await import('./apply.js');
  const aws = { config: await clients.config(), ssm: await clients.ssm() };
  const actual = await readActual(aws, desired, {
    ownership: options.deploy === 'destroy' ? 'all' : options.prune ? 'undeclared' : 'none'
  });
  const plan = buildPlan(desired, actual, {
    mode: options.deploy === 'destroy' ? 'destroy' : 'apply',
    prune: options.prune
  });
  logger.info(
    `Plan: ${plan.counts.create} to create, ${plan.counts.update} to update, ${plan.counts.delete} to delete, ${plan.counts.unchanged} unchanged.`
  );
  const planFile = await writePlanFile(options.reportDir, plan, options.deploy, desired);

  const result: DeployResult = { desired, warnings: built.warnings, actual, plan, planFile };
  if (options.deploy === 'apply' || options.deploy === 'destroy') {
    result.applied = await applyPlan(aws, plan, desired, deps);
  }
  return result;
}

/**
 * Rules whose remediation configuration exists in AWS now: what deploy read, plus what it just created or updated.
 * Undefined when deploy did not read the account (deploy: off), so the caller reads them.
 */
export function remediationsInAccount(deployed: DeployResult): Set<string> | undefined {
  if (!deployed.actual) return undefined;
  return new Set([
    ...deployed.actual.remediations.keys(),
    ...(deployed.applied?.done ?? []).filter(i => i.object === 'remediation' && i.action !== 'delete').map(i => i.name)
  ]);
}
