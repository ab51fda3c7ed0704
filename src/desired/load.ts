/**
 * Files -> DesiredState: which manifest to read (the config file, the conformance-pack shortcut, both, or none), the
 * loaders of the conformance and runbook readers wired to the files, and the build with its checks.
 */
import { existsSync } from 'node:fs';
import { hipaaSectionsFor, isBuiltinPack, loadBuiltinPack } from '../conformance/builtin.js';
import { managedRuleCatalog } from '../conformance/managed-rules.js';
import { loadConformancePackFile } from '../conformance/template/index.js';
import { InputError, SourceError, SourceErrors } from '../errors.js';
import { loadManifest, type Manifest } from '../manifest/load.js';
import { awsDocument } from '../runbooks/aws-documents.js';
import { documentHash } from '../runbooks/hash.js';
import { readRunbook } from '../runbooks/load.js';
import { leastPrivilegePolicy } from '../runbooks/policy.js';
import { buildDesiredState, type DesiredStateSources } from './build.js';
import type { DesiredState } from './model.js';

/** Where the desired state comes from (the deploy phase's options carry these). */
export interface DesiredLoadOptions {
  config: string;
  configExplicit: boolean;
  conformancePack?: string;
  region: string;
  accountId: string;
  /** YYYY-MM-DD, for waiver expiry. */
  today: string;
  /** The workflow file (repository-relative), where the conformance-pack input is written. */
  workflowFile?: string;
  /** GITHUB_WORKSPACE: files the manifest references must be inside it (default: the current directory). */
  workspace?: string;
}

/** The conformance and runbook readers, reading the repository's files. */
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
export function resolveManifest(options: DesiredLoadOptions): Manifest | undefined {
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

/**
 * The desired state of a manifest, its packs and runbooks read from the files. Every problem found on the way is
 * thrown at once (SourceErrors); warnings (the rules quota among them) are returned.
 */
export async function loadDesiredState(
  manifest: Manifest,
  options: Pick<DesiredLoadOptions, 'region' | 'accountId'>
): Promise<{ state: DesiredState; warnings: SourceError[] }> {
  const built = await buildDesiredState(manifest, deploySources(options.region, options.accountId));
  if (built.errors.length > 0) throw new SourceErrors(built.errors);
  const quota = rulesQuotaWarning(built.state.rules.length, manifest.file);
  if (quota) built.warnings.push(quota);
  return { state: built.state, warnings: built.warnings };
}
