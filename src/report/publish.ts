/**
 * Publishing the findings: the SARIF file (code scanning) and one check run on the pull request's head (or pushed)
 * commit carrying every finding as an annotation. Thin edges around report/sarif.ts and report/annotations.ts.
 */
import * as core from '@actions/core';
import { existsSync } from 'node:fs';
import type { ComplianceResult, GateDecision } from '../compliance/types.js';
import type { DesiredState } from '../desired/model.js';
import { checksMode, publishCheckRun, type Annotation } from '../github/checks.js';
import { createGitHubClient } from '../github/client.js';
import type { ChecksMode } from '../inputs.js';
import { repoPath, type Review } from '../locate/phase.js';
import type { Logger } from '../logging.js';
import { workflowFileFromEnv } from '../run-context.js';
import { VERSION } from '../version.js';
import { findingAnnotations, type AnnotationSink } from './annotations.js';
import { emitWorkflowAnnotations } from './run-report.js';
import { buildSarif, writeSarif } from './sarif.js';

export interface CheckRunOptions {
  checks: ChecksMode;
  githubToken: string;
  /** The manifest: annotations without a line of their own go there. */
  config: string;
  workspace: string;
  env: NodeJS.ProcessEnv;
}

/** Writes the SARIF report (waived findings as suppressed results when asked); returns its path. */
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
  options: CheckRunOptions,
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

export interface PublishOptions {
  sarifFile: string;
  sarifIncludeWaived: boolean;
  checkRun: CheckRunOptions;
  /** Set when the run was cancelled: no GitHub API calls (the runner is about to stop the job). */
  cancelled: string | undefined;
}

/**
 * SARIF, then the check run; without a check run (cancelled, no token, checks off, a token that may not write
 * checks) the findings go out as workflow annotations instead.
 */
export async function publishFindings(
  result: ComplianceResult,
  gate: GateDecision,
  review: Review,
  desired: DesiredState | undefined,
  summaryMarkdown: string,
  options: PublishOptions,
  logger: Logger,
  sink: AnnotationSink = core
): Promise<{ sarifFile: string; checkRunUrl: string | undefined }> {
  const sarifFile = await writeSarifReport(
    result,
    review,
    desired,
    options.sarifFile,
    options.sarifIncludeWaived,
    logger
  );
  const check =
    options.cancelled === undefined
      ? await publishChecks(result, gate, review, summaryMarkdown, options.checkRun, logger)
      : { published: false as const, url: undefined };
  if (!check.published) emitWorkflowAnnotations(result, gate, review.locateRule, sink);
  return { sarifFile, checkRunUrl: check.url };
}
