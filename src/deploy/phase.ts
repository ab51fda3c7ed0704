/**
 * The deploy phase: manifest (or conformance-pack shortcut) -> DesiredState -> read what is deployed -> Plan ->
 * apply/destroy (never in plan mode) -> plan.json. Loaders of the conformance and runbook phases are wired here.
 */
import type { ConfigServiceClient } from '@aws-sdk/client-config-service';
import type { SSMClient } from '@aws-sdk/client-ssm';
import { existsSync } from 'node:fs';
import { hipaaSectionsFor, isBuiltinPack, loadBuiltinPack } from '../conformance/builtin.js';
import { managedRuleCatalog } from '../conformance/managed-rules.js';
import { loadConformancePackFile } from '../conformance/template/index.js';
import { InputError, SourceError, SourceErrors } from '../errors.js';
import type { DeployMode } from '../inputs.js';
import type { Logger } from '../logging.js';
import { loadManifest, type Manifest } from '../manifest/load.js';
import { documentHash } from '../runbooks/hash.js';
import { awsDocument } from '../runbooks/aws-documents.js';
import { readRunbook } from '../runbooks/load.js';
import { leastPrivilegePolicy } from '../runbooks/policy.js';
import { applyPlan, type ApplyResult } from './apply.js';
import { buildDesiredState, type DesiredState, type DesiredStateSources } from '../desired/build.js';
import { buildPlan, type ActualState, type Plan } from './plan.js';
import { writePlanFile } from './plan-file.js';
import { readActual } from './read-actual.js';

export interface DeployOptions {
  config: string;
  configExplicit: boolean;
  conformancePack?: string;
  deploy: DeployMode;
  prune: boolean;
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
}

export function deploySources(region: string, accountId: string): DesiredStateSources {
  const catalog = managedRuleCatalog();
  return {
    loadPack: async ref => {
      if (ref.builtin) {
        return loadBuiltinPack(ref.builtin, { parameters: ref.parameters, position: ref.position });
      }
      return loadConformancePackFile(ref.template ?? '', {
        parameters: ref.parameters,
        context: { region, accountId }
      });
    },
    loadRunbook: (path, name) => readRunbook(path, name === undefined ? {} : { name }),
    documentHash,
    leastPrivilegePolicy: (runbook, values) => leastPrivilegePolicy(runbook, values),
    hipaaSectionsFor,
    managedRule: id => catalog.get(id),
    awsDocument
  };
}

/** The manifest to use: the config file, the conformance-pack shortcut, both, or none (deploy skipped). */
export function resolveManifest(options: DeployOptions): Manifest | undefined {
  const exists = existsSync(options.config);
  if (!exists && options.configExplicit) {
    throw new InputError('config', `Input 'config': the manifest file '${options.config}' does not exist.`);
  }
  const manifest = exists ? loadManifest(options.config, options.today, options.workspace) : undefined;
  if (!options.conformancePack) return manifest;
  const position = { file: options.workflowFile ?? 'conformance-pack input', line: 1, col: 1 };
  const pack = isBuiltinPack(options.conformancePack)
    ? { builtin: options.conformancePack, parameters: {}, exclude: [], position }
    : { template: options.conformancePack, parameters: {}, exclude: [], position };
  if (!pack.builtin && !existsSync(options.conformancePack)) {
    throw new InputError(
      'conformance-pack',
      `Input 'conformance-pack' is neither a built-in pack (hipaa-security) nor an existing template file: '${options.conformancePack}'.`
    );
  }
  if (manifest) return { ...manifest, packs: [...manifest.packs, pack] };
  return { file: options.conformancePack, packs: [pack], rules: [], runbooks: [], remediations: [], waivers: [] };
}

/**
 * AWS Config's quota of rules per account per Region: 1000 ("AWS Config endpoints and quotas",
 * https://docs.aws.amazon.com/general/latest/gr/awsconfig.html; PutConfigRule fails with
 * MaxNumberOfConfigRulesExceededException "the account already contains the maximum number of 1000 rules").
 * It can be raised through Service Quotas, so more rules is a warning, not an error.
 */
export const CONFIG_RULES_QUOTA = 1000;

export function rulesQuotaWarning(count: number, file: string): SourceError | undefined {
  if (count <= CONFIG_RULES_QUOTA) return undefined;
  return new SourceError(
    file,
    1,
    1,
    `${count} rules declared: more than AWS Config's quota of ${CONFIG_RULES_QUOTA} rules per account per Region (MaxNumberOfConfigRulesExceededException unless the quota was raised through Service Quotas)`
  );
}

export async function runDeploy(
  clients: { config(): Promise<ConfigServiceClient>; ssm(): Promise<SSMClient> },
  options: DeployOptions,
  logger: Logger
): Promise<DeployResult> {
  const manifest = resolveManifest(options);
  if (!manifest) {
    logger.info(
      `No manifest at ${options.config} and no conformance-pack: deploy skipped; checking every rule in the account.`
    );
    return { warnings: [] };
  }
  const built = await buildDesiredState(manifest, deploySources(options.region, options.accountId));
  if (built.errors.length > 0) throw new SourceErrors(built.errors);
  const desired = built.state;
  const quota = rulesQuotaWarning(desired.rules.length, manifest.file);
  if (quota) built.warnings.push(quota);
  logger.info(
    `${manifest.file}: ${desired.rules.length} rules, ${desired.documents.length} runbooks, ${desired.remediations.length} remediations.`
  );
  if (options.deploy === 'off') return { desired, warnings: built.warnings };

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
    result.applied = await applyPlan(aws, plan, desired, logger);
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
