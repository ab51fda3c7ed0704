/**
 * The locate phase's edges around the pure cores: where findings are written (templates, manifest), what the pull
 * request changed, and what the baseline already knew. Returns data; report/ renders it (summary, SARIF, check run).
 */
import type { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { relative, isAbsolute } from 'node:path';
import { compareWithBaseline, type BaselineComparison } from '../baseline/compare.js';
import { loadBaseline } from '../baseline/load.js';
import { mapFindings, normalizeRepoPath, ruleLocator, type RuleLocation, type SourceLocation } from './source-map.js';
import type { ComplianceResult } from '../compliance/types.js';
import type { DesiredState } from '../desired/model.js';
import { listChangedFiles } from '../github/changed-files.js';
import { createGitHubClient } from '../github/client.js';
import { readGitHubContext, type GitHubContext } from '../github/context.js';
import type { Logger } from '../logging.js';
import { loadTemplates } from '../cfn/load.js';
import { buildTemplateIndex } from '../cfn/resource-index.js';
import type { TemplateIndex } from '../cfn/types.js';
import { logicalIdQueries, readLogicalIds } from './logical-ids.js';

export interface ReviewOptions {
  templates: readonly string[];
  baseline?: string;
  githubToken: string;
  config: string;
  workspace: string;
  env: NodeJS.ProcessEnv;
}

export interface Review {
  context?: GitHubContext;
  index: TemplateIndex;
  changedFiles: Set<string>;
  /** In a pull request whose file list could not be read in full (no token, an error, GitHub's cap): why. */
  changedFilesUnknown?: string;
  locations: Map<string, SourceLocation>;
  /** Rule -> where its annotation goes: its findings' best line (changed files first), else its declaration. */
  locateRule: (ruleName: string) => RuleLocation | undefined;
  comparison?: BaselineComparison;
}

/** A path as GitHub wants it in annotations and SARIF: relative to the repository root, forward slashes. */
export function repoPath(file: string, workspace: string): string {
  return normalizeRepoPath(isAbsolute(file) ? relative(workspace, file) : file);
}

export async function prepareReview(
  result: ComplianceResult,
  desired: DesiredState | undefined,
  options: ReviewOptions,
  logger: Logger,
  config?: () => Promise<ConfigServiceClient>
): Promise<Review> {
  let context: GitHubContext | undefined;
  try {
    context = readGitHubContext(options.env);
  } catch (err) {
    logger.warn(`Pull request context unavailable: ${(err as Error).message}`);
  }

  const index =
    options.templates.length > 0 ? await loadTemplates(options.templates, options.workspace) : buildTemplateIndex([]);
  for (const s of index.skipped) logger.info(`Not a CloudFormation template, skipped: ${s.file} (${s.reason})`);
  if (options.templates.length > 0) {
    logger.info(`${index.templates.length} CloudFormation template(s) read for finding locations.`);
  }

  const changedFiles = new Set<string>();
  let changedFilesUnknown: string | undefined;
  if (context?.prNumber !== undefined && !options.githubToken) {
    changedFilesUnknown = 'no github-token to list them';
  } else if (context?.prNumber !== undefined) {
    try {
      const octokit = createGitHubClient({ token: options.githubToken, env: options.env, logger });
      const changed = await listChangedFiles(
        octokit,
        { owner: context.owner, repo: context.repo, prNumber: context.prNumber },
        logger
      );
      for (const f of changed.files) changedFiles.add(normalizeRepoPath(f));
      if (!changed.complete) changedFilesUnknown = changed.reason ?? 'the list is incomplete';
    } catch (err) {
      changedFilesUnknown = (err as Error).message;
      logger.warn(
        `Could not list the pull request's files, so findings are not ordered by them: ${(err as Error).message}`
      );
    }
  }

  const queries = logicalIdQueries(result, index);
  const logicalIds =
    queries.length > 0 && config ? await readLogicalIds(await config(), queries) : new Map<string, string>();
  if (queries.length > 0)
    logger.info(`Read ${logicalIds.size} CloudFormation logical id tag(s) in ${queries.length} query(ies).`);

  const declared = new Map((desired?.rules ?? []).map(r => [r.name, r]));
  const locations = mapFindings(result, index, {
    logicalIds,
    ruleIdentifiers: new Map([...declared.values()].map(r => [r.name, r.identifier])),
    fallback: name => {
      const p = declared.get(name)?.position;
      return p ? { ...p, file: repoPath(p.file, options.workspace) } : undefined;
    }
  });
  const byFindings = ruleLocator(result, locations, changedFiles);
  const locateRule = (name: string): RuleLocation | undefined => {
    const found = byFindings(name);
    if (found) return found;
    const p = declared.get(name)?.position;
    return p ? { file: repoPath(p.file, options.workspace), line: p.line, col: p.col } : undefined;
  };

  let comparison: BaselineComparison | undefined;
  if (options.baseline) {
    const baseline = await loadBaseline(options.baseline, { input: 'baseline' });
    comparison = compareWithBaseline(result, baseline);
    for (const w of comparison.warnings) logger.warn(w);
    logger.info(
      `Baseline ${options.baseline}: ${comparison.new.length} new, ${comparison.existing.length} existing, ${comparison.fixed.length} fixed.`
    );
  }
  const review: Review = { index, changedFiles, locations, locateRule };
  if (changedFilesUnknown !== undefined) review.changedFilesUnknown = changedFilesUnknown;
  if (context) review.context = context;
  if (comparison) review.comparison = comparison;
  return review;
}
