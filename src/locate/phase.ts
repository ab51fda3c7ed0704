/**
 * The PR gate's edges around the pure cores: where findings are written (templates, manifest), what the pull request
 * changed, what the baseline already knew, SARIF, and the check run that carries every finding.
 */
import type { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { existsSync } from 'node:fs';
import { relative, isAbsolute } from 'node:path';
import { compareWithBaseline, type BaselineComparison } from '../baseline/compare.js';
import { loadBaseline } from '../baseline/load.js';
import { baselineSection } from '../report/sections/baseline.js';
import { mapFindings, normalizeRepoPath, ruleLocator, type RuleLocation, type SourceLocation } from './source-map.js';
import type { ComplianceResult, GateDecision } from '../compliance/types.js';
import type { DesiredState } from '../desired/build.js';
import { listChangedFiles } from '../github/changed-files.js';
import { publishCheckRun, checksMode } from '../github/checks.js';
import { createGitHubClient } from '../github/client.js';
import { readGitHubContext, type GitHubContext } from '../github/context.js';
import type { ChecksMode } from '../inputs.js';
import type { Logger } from '../logging.js';
import { findingAnnotations } from '../report/annotations.js';
import type { Annotation } from '../github/checks.js';
import { buildSarif, writeSarif } from '../report/sarif.js';
import type { SummarySection } from '../report/markdown/layout.js';
import { loadTemplates } from '../cfn/load.js';
import { buildTemplateIndex } from '../cfn/resource-index.js';
import type { TemplateIndex } from '../cfn/types.js';
import { workflowFileFromEnv } from '../run-context.js';
import { VERSION } from '../version.js';
import { logicalIdQueries, readLogicalIds } from './logical-ids.js';

export interface ReviewOptions {
  templates: readonly string[];
  baseline?: string;
  githubToken: string;
  checks: ChecksMode;
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
  sections: SummarySection[];
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
    return p ? { file: repoPath(p.file, options.workspace), line: p.line, column: p.col } : undefined;
  };

  const sections: SummarySection[] = [];
  let comparison: BaselineComparison | undefined;
  if (options.baseline) {
    const baseline = await loadBaseline(options.baseline, { input: 'baseline' });
    comparison = compareWithBaseline(result, baseline);
    for (const w of comparison.warnings) logger.warn(w);
    sections.push(baselineSection(comparison));
    logger.info(
      `Baseline ${options.baseline}: ${comparison.new.length} new, ${comparison.existing.length} existing, ${comparison.fixed.length} fixed.`
    );
  }
  const review: Review = { index, changedFiles, locations, locateRule, sections };
  if (changedFilesUnknown !== undefined) review.changedFilesUnknown = changedFilesUnknown;
  if (context) review.context = context;
  if (comparison) review.comparison = comparison;
  return review;
}

export async function writeSarifReport(
  result: ComplianceResult,
  review: Review,
  desired: DesiredState | undefined,
  file: string,
  includeWaived: boolean,
  logger: Logger
): Promise<string> {
  const declared = new Map((desired?.rules ?? []).map(r => [r.name, r]));
  const rules = new Map(
    result.rules.map(r => {
      const d = declared.get(r.ruleName);
      return [
        r.ruleName,
        {
          ...(d?.identifier ? { identifier: d.identifier } : {}),
          ...(d?.description ? { description: d.description } : {}),
          hipaaSections: r.hipaaSections ?? []
        }
      ];
    })
  );
  const { log, cut } = buildSarif({
    result,
    locations: review.locations,
    rules,
    includeSuppressed: includeWaived,
    version: VERSION
  });
  if (cut > 0) logger.warn(`The SARIF report left out ${cut} results to stay within code scanning's 25,000 per run.`);
  return writeSarif(file, log);
}

export interface CheckRunOutcome {
  /** True when a check run carries the annotations (so workflow annotations are not repeated). */
  published: boolean;
  url?: string;
}

/** One check run on the PR head (or pushed) commit with every finding; a read-only token degrades to report-only. */
export async function publishChecks(
  result: ComplianceResult,
  gate: GateDecision,
  review: Review,
  summaryMarkdown: string,
  options: ReviewOptions,
  logger: Logger
): Promise<CheckRunOutcome> {
  const context = review.context;
  if (!context || options.checks === 'off' || !options.githubToken) {
    if (options.checks !== 'off' && !options.githubToken)
      logger.info('No github-token: findings are reported as workflow annotations.');
    return { published: false };
  }
  const decision = checksMode(options.checks, context);
  if (!decision.use) {
    logger.info(decision.reason);
    return { published: false };
  }
  const annotations: Annotation[] = findingAnnotations(result, gate, review.locations, {
    changedFiles: review.changedFiles,
    ruleLocation: review.locateRule
  });
  const octokit = createGitHubClient({ token: options.githubToken, env: options.env, logger });
  // Annotations without a line of their own go to the manifest, else to the workflow that ran the action.
  const fallbackPath = existsSync(options.config)
    ? repoPath(options.config, options.workspace)
    : (workflowFileFromEnv(options.env) ?? repoPath(options.config, options.workspace));
  const run = await publishCheckRun(octokit, {
    owner: context.owner,
    repo: context.repo,
    headSha: context.headSha,
    name: 'compliance-gate',
    title: gate.reason,
    summary: summaryMarkdown,
    conclusion: gate.result === 'fail' ? 'failure' : 'success',
    annotations,
    fallbackPath,
    workspace: options.workspace
  });
  if (run.denied) {
    logger.info(
      `The token cannot create check runs (${run.reason}): findings are reported in the job summary and workflow annotations only.`
    );
    return { published: false };
  }
  logger.info(`Check run with ${annotations.length} annotation(s) in ${run.requests} request(s): ${run.url}`);
  return { published: true, url: run.url };
}
