/**
 * The steps of run() (main.ts): each wires the action's options into one phase and returns that phase's data. The
 * arithmetic between phases is in gate/inputs.ts (pure, tested); rendering is report/'s.
 */
import * as core from '@actions/core';
import { AwsClients, createWebIdentityStsClient } from './aws/clients.js';
import { OidcCredentials, verifyIdentity, type CallerIdentity } from './aws/credentials.js';
import { readTokenFile, requestIdToken } from './aws/oidc-token.js';
import { createProxyAgents, type ProxyAgents } from './aws/proxy.js';
import { describeProxy } from './util/proxy.js';
import type { ComplianceResult, GateDecision } from './compliance/types.js';
import type { DeployResult } from './deploy/phase.js';
import { InputError, PolicyError } from './errors.js';
import { applyRemediationOutcomes, decideGate, type GateScope } from './gate/gate.js';
import { applyWaivers } from './gate/waivers.js';
import * as gateInputs from './gate/inputs.js';
import { DEFAULT_AUDIT_RETENTION_DAYS, type Options } from './inputs.js';
import type { Logger } from './logging.js';
import type { WaiverRunResult } from './github/base-manifest.js';
import type { Review, ReviewOptions } from './locate/phase.js';
import type { PreDeployResult } from './predeploy/evaluate.js';
import type { RemediationPhaseResult } from './remediation/result.js';
import type { EffectivenessReview } from './remediation/review.js';
import {
  hasPullRequestPayload,
  runInfoFromEnv,
  untrustedRemediateOnWarning,
  workflowFileFromEnv
} from './run-context.js';
import { cancelReasonOf } from './util/cancellation.js';
import type { Clock } from './util/clock.js';

export interface RunDeps {
  env: NodeJS.ProcessEnv;
  clock: Clock;
  logger: Logger;
  /** Aborts when the workflow is cancelled (index.ts: SIGINT / SIGTERM): remediation stops, reports are written. */
  signal?: AbortSignal;
}

export interface Step {
  options: Options;
  aws: AwsClients;
  deps: RunDeps;
  accountId: string;
  /** YYYY-MM-DD when the run started (waiver expiry). */
  today: string;
}

/*
 * Each step loads its own phase (dynamic import) when it runs, never before the first AWS request and never when
 * the run does not use it: a plain check loads no deploy, remediation, SSM or SNS code (test/e2e/lazy-load.test.ts).
 * One import at a time: jest's ESM runtime fails concurrent imports that share a module ("request for ... is not in
 * cache"), and the modules are local files, so nothing is gained by overlapping them.
 */

/** The proxy agents every AWS call and the token request share (proxy.ts); undefined without a proxy. */
export function proxyAgentsFor(options: Options, logger: Logger): ProxyAgents | undefined {
  if (!options.proxy) return undefined;
  logger.info(describeProxy(options.proxy));
  return createProxyAgents(options.proxy);
}

export function credentialsFor(options: Options, deps: RunDeps, agents?: ProxyAgents): OidcCredentials | undefined {
  if (!options.roleToAssume) return undefined;
  const sts = createWebIdentityStsClient({ ...options, ...(agents ? { agents } : {}) });
  // Masked in the log like every secret: getIDToken did so, and a token read from a file is one too.
  const masked = (token: string): string => {
    core.setSecret(token);
    return token;
  };
  return new OidcCredentials(
    {
      roleArn: options.roleToAssume,
      audience: options.audience,
      roleSessionName: options.roleSessionName,
      durationSeconds: options.roleDurationSeconds,
      ...(options.webIdentityTokenFile !== undefined ? { tokenFile: options.webIdentityTokenFile } : {})
    },
    {
      getIDToken: async audience =>
        masked(
          await requestIdToken({
            url: deps.env.ACTIONS_ID_TOKEN_REQUEST_URL ?? '',
            bearer: deps.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? '',
            audience,
            maxAttempts: options.maxAttempts,
            ...(agents ? { agents } : {})
          })
        ),
      readTokenFile: async path => masked(await readTokenFile(path)),
      sts: () => sts,
      env: deps.env,
      logger: deps.logger
    }
  );
}

export function awsClients(
  options: Options,
  oidc: OidcCredentials | undefined,
  agents?: ProxyAgents,
  clock?: Clock
): AwsClients {
  return new AwsClients({
    region: options.region,
    ...(clock ? { clock } : {}),
    maxAttempts: options.maxAttempts,
    ...(agents ? { agents } : {}),
    ...(oidc ? { credentials: oidc.provider, onExpiredCredentials: () => oidc.invalidate() } : {})
  });
}

export async function authenticate(
  aws: AwsClients,
  options: Options,
  oidc: OidcCredentials | undefined,
  logger: Logger
): Promise<CallerIdentity> {
  return logger.group('Authenticate', async () => {
    const id = await verifyIdentity(await aws.sts(), options.allowedAccountIds);
    logger.info(
      `Authenticated as ${id.arn} in account ${id.accountId}` +
        (oidc ? ` (role ${options.roleToAssume}, session ${options.roleSessionName}).` : ' (default credential chain).')
    );
    return id;
  });
}

export const todayOf = (clock: Clock): string => clock.now().toISOString().slice(0, 10);
const workspaceOf = (env: NodeJS.ProcessEnv): string => env.GITHUB_WORKSPACE ?? process.cwd();

/** Deploy (manifest -> plan -> apply); its preflight warnings become workflow annotations at their lines. */
export async function deployStep({ options, aws, deps, accountId, today }: Step): Promise<DeployResult> {
  // Cancelled before anything could change: deploy nothing (a cancel during deploy lets it finish or be killed).
  const cancelledEarly = cancelReasonOf(deps.signal);
  if (cancelledEarly !== undefined)
    throw new PolicyError(`Run cancelled (${cancelledEarly}) before deploy: nothing was changed.`);
  const workflowFile = workflowFileFromEnv(deps.env);
  const { runDeploy } = await import('./deploy/phase.js');
  const deployed = await deps.logger.group('Deploy', () =>
    runDeploy(
      aws,
      {
        config: options.config,
        configExplicit: options.configExplicit,
        ...(options.conformancePack ? { conformancePack: options.conformancePack } : {}),
        deploy: options.deploy,
        prune: options.prune,
        deployAs: options.deployAs,
        excludedAccounts: options.excludedAccounts,
        ...(options.templateS3Bucket ? { templateS3Bucket: options.templateS3Bucket } : {}),
        region: options.region,
        accountId,
        reportDir: options.reportDir,
        today,
        ...(workflowFile ? { workflowFile } : {}),
        workspace: workspaceOf(deps.env)
      },
      { logger: deps.logger, clock: deps.clock, ...(deps.signal ? { signal: deps.signal } : {}) }
    )
  );
  for (const w of deployed.warnings) {
    core.warning(w.detail, { title: 'compliance-gate preflight', file: w.file, startLine: w.line, startColumn: w.col });
  }
  return deployed;
}

/** The compliance check of the rules the run covers (none: an empty result), with each rule's HIPAA sections. */
export async function checkStep(
  { options, aws, deps, accountId }: Step,
  deployed: DeployResult
): Promise<{ result: ComplianceResult; scope: Pick<GateScope, 'nothingByDesign' | 'nothingChecked'> }> {
  // Deployed as packs: the packs' rules in this account (AWS Config names them RULE-conformance-pack-SUFFIX).
  const packRules = deployed.packs?.checkRules;
  // No pack in the account yet (plan) or none deployed (a failed apply): nothing of the manifest can be checked, which
  // is not a pass: judged like a plan whose rules are not deployed yet.
  const noPackYet = packRules?.length === 0 && options.deploy !== 'destroy';
  const { rules, scope, note } = gateInputs.rulesToCheck({
    rules: options.rules,
    region: options.region,
    config: options.config,
    deploy: noPackYet ? 'plan' : options.deploy,
    declared: packRules && !noPackYet ? packRules.map(r => r.name) : deployed.desired?.rules.map(r => r.name),
    deployed: noPackYet
      ? new Set<string>()
      : packRules
        ? new Set(packRules.map(r => r.name))
        : deployed.actual
          ? new Set(deployed.actual.rules.keys())
          : undefined
  });
  if (note !== undefined) deps.logger.info(note);
  const asked = gateInputs.rulesToAsk(rules);
  const { checkCompliance } = await import('./compliance/check.js');
  const { hipaaSectionsFor } = await import('./conformance/builtin.js');
  const result =
    asked === undefined
      ? {
          checkedAt: deps.clock.now().toISOString(),
          accountId,
          region: options.region,
          rules: [],
          accounts: [{ accountId, regions: [{ region: options.region, status: 'checked' as const }] }]
        }
      : await checkCompliance(
          { config: await aws.config(), clock: deps.clock, logger: deps.logger },
          {
            rules: asked,
            evaluate: options.evaluate,
            evaluationTimeoutSeconds: options.evaluationTimeoutSeconds,
            maxResultAgeSeconds: options.maxResultAgeSeconds
          },
          { accountId, region: options.region }
        );
  for (const [operation, n] of aws.configGates?.throttled() ?? [])
    deps.logger.info(
      `AWS Config throttled ${n} call(s) of ${operation}; the client slowed to its rate and retried them.`
    );
  return {
    result: gateInputs.withHipaaSections(result, packRules ?? deployed.desired?.rules, hipaaSectionsFor),
    scope
  };
}

/** Waivers: on pull-request and merge-queue runs only those the base branch holds apply; the rest are proposed. */
export async function waiverStep(
  { options, deps, today }: Step,
  deployed: DeployResult,
  result: ComplianceResult
): Promise<{ result: ComplianceResult; waivers?: WaiverRunResult }> {
  if (!deployed.desired) return { result };
  const { waiversForRun } = await import('./github/base-manifest.js');
  const { markProposedWaivers } = await import('./gate/waivers.js');
  const waivers = await waiversForRun(
    deployed.desired.waivers,
    { env: deps.env, workspace: workspaceOf(deps.env), manifestFile: options.config, githubToken: options.githubToken },
    deps.logger
  );
  return {
    result: markProposedWaivers(applyWaivers(result, waivers.effective, today), waivers.proposed, today),
    waivers
  };
}

/** Where the findings are written (templates, manifest), what the pull request changed, the baseline. */
export async function locateStep(s: Step, deployed: DeployResult, result: ComplianceResult): Promise<Review> {
  const { prepareReview } = await import('./locate/phase.js');
  return s.deps.logger.group('Locate findings', () =>
    prepareReview(result, deployed.desired, reviewOptions(s), s.deps.logger, () => s.aws.config())
  );
}

function reviewOptions({ options, deps }: Step): ReviewOptions {
  return {
    templates: options.templates,
    ...(options.baseline ? { baseline: options.baseline } : {}),
    githubToken: options.githubToken,
    config: options.config,
    workspace: workspaceOf(deps.env),
    env: deps.env
  };
}

/** The remediation phase (remediate: plan or apply), its outcomes recorded on the findings. */
export async function remediationStep(
  s: Step,
  deployed: DeployResult,
  result: ComplianceResult,
  review: Review
): Promise<{ result: ComplianceResult; remediation?: RemediationPhaseResult }> {
  const remediation = await remediate(s, deployed, result, review);
  if (!remediation) return { result };
  const outcomes = remediation.outcomes.map(o => ({
    fingerprint: o.target.fingerprint,
    outcome: o.status,
    ...(o.executionId ? { executionId: o.executionId } : {})
  }));
  return { result: applyRemediationOutcomes(result, outcomes), remediation };
}

async function remediate(
  { options, aws, deps, accountId }: Step,
  deployed: DeployResult,
  result: ComplianceResult,
  review: Review
): Promise<RemediationPhaseResult | undefined> {
  if (options.remediate === 'off') return undefined;
  if (!deployed.desired || deployed.desired.remediations.length === 0) {
    throw new InputError(
      'remediate',
      `Input 'remediate: ${options.remediate}' needs a manifest with remediation bindings (config: ${options.config}).`
    );
  }
  const desired = deployed.desired;
  const { remediationsInAccount } = await import('./deploy/phase.js');
  const { readRemediationConfigurations } = await import('./deploy/read-actual.js');
  const { runRemediation } = await import('./remediation/phase.js');
  const { knownFingerprints } = await import('./baseline/compare.js');
  // Rules whose remediation configuration exists in AWS now (what deploy read, plus what it just created).
  const deployedRemediations =
    remediationsInAccount(deployed) ??
    new Set(
      (
        await readRemediationConfigurations(
          await aws.config(),
          desired.remediations.map(r => r.ruleName)
        )
      ).keys()
    );
  const ctx = review.context;
  const eventName = ctx?.eventName ?? deps.env.GITHUB_EVENT_NAME ?? '';
  const untrusted = untrustedRemediateOnWarning(options.remediateOn);
  if (untrusted !== undefined) deps.logger.warn(untrusted);
  return deps.logger.group('Remediate', () =>
    runRemediation(
      aws,
      { result, desired, deployedRemediations },
      {
        mode: options.remediate === 'apply' ? 'apply' : 'plan',
        rules: [...options.remediateRules],
        resources: [...options.remediateResources],
        max: options.maxRemediations,
        ...(options.approvedPlanHash ? { approvedPlanHash: options.approvedPlanHash } : {}),
        ...(options.approvedPlanFile ? { approvedPlanFile: options.approvedPlanFile } : {}),
        remediateOn: options.remediateOn,
        timeoutSeconds: options.remediationTimeoutSeconds,
        errorPercent: options.errorPercent,
        alert: options.alert,
        reportDir: options.reportDir,
        ...auditTrailOf(options, desired),
        securityHub: options.securityHub
      },
      {
        run: runInfoFromEnv(deps.env),
        roleSessionName: options.roleSessionName,
        accountId,
        region: options.region,
        // A pull request whose payload could not be read may be a fork's: fail closed.
        isFork: ctx?.isFork ?? hasPullRequestPayload(eventName),
        job: deps.env.GITHUB_JOB ?? '',
        ...(review.comparison ? { knownFingerprints: knownFingerprints(review.comparison) } : {})
      },
      { clock: deps.clock, logger: deps.logger, ...(deps.signal ? { signal: deps.signal } : {}) }
    )
  );
}

/** The CloudWatch Logs audit trail: the audit-log-group input, else the manifest's audit.log-group. */
function auditTrailOf(
  options: Options,
  desired: DeployResult['desired']
): { auditTrail?: { logGroup: string; retentionDays: number; kmsKeyId?: string } } {
  const logGroup = options.auditLogGroup ?? desired?.audit?.logGroup;
  if (logGroup === undefined) return {};
  const kmsKeyId = desired?.audit?.kmsKeyId;
  return {
    auditTrail: {
      logGroup,
      retentionDays: desired?.audit?.retentionDays ?? DEFAULT_AUDIT_RETENTION_DAYS,
      ...(kmsKeyId !== undefined ? { kmsKeyId } : {})
    }
  };
}

interface PreDeployed {
  result: ComplianceResult;
  /** Absent when pre-deploy is off or the run was cancelled. */
  pre?: PreDeployResult;
  /** Pre-deploy findings added to the result (new non-compliance). */
  added: number;
}

/**
 * Pre-deploy evaluation of template resources (pre-deploy: changed or all), merged into the result. Cancelled: no
 * new work; the reports and outputs are still written.
 */
export async function preDeployStep(
  s: Step,
  deployed: DeployResult,
  review: Review,
  result: ComplianceResult
): Promise<PreDeployed> {
  if (s.deps.signal?.aborted || s.options.preDeploy === 'off') return { result, added: 0 };
  const { runPreDeploy } = await import('./predeploy/phase.js');
  const pre = await runPreDeploy(
    () => s.aws.config(),
    {
      index: review.index,
      prNumber: review.context?.prNumber,
      changedFiles: review.changedFiles,
      changedFilesUnknown: review.changedFilesUnknown
    },
    deployed.desired?.rules,
    { mode: s.options.preDeploy },
    s.deps
  );
  if (!pre) return { result, added: 0 };
  const { mergePreDeploy } = await import('./predeploy/evaluate.js');
  const { hipaaSectionsFor } = await import('./conformance/builtin.js');
  const merged = mergePreDeploy(result, pre, hipaaSectionsFor);
  for (const f of merged.added) review.locations.set(f.fingerprint, f.location);
  return { result: merged.result, pre, added: merged.added.length };
}

interface Gated {
  result: ComplianceResult;
  gate: GateDecision;
  /** With a baseline: counted findings not in it (less those remediation verified fixed), plus pre-deploy's. */
  newNoncompliant: number | undefined;
  /** Why the run was cancelled, if it was. */
  cancelled: string | undefined;
}

/** The gate decision: the result, drift left after deploy, new non-compliance, the scope; a cancel fails it. */
export function gateStep(
  { options, deps }: Step,
  deployed: DeployResult,
  scope: Pick<GateScope, 'nothingByDesign' | 'nothingChecked'>,
  review: Review,
  remediation: RemediationPhaseResult | undefined,
  preDeployed: PreDeployed
): Gated {
  const { result, pre } = preDeployed;
  const drift = gateInputs.remainingDrift(deployed.plan, deployed.applied, options.deploy);
  const verified = gateInputs.verifiedFingerprints(remediation?.outcomes);
  const newNoncompliant = gateInputs.newNoncompliantCount(review.comparison, verified, preDeployed.added);
  const decided = decideGate(result, options.failOn, drift, newNoncompliant, gateInputs.gateScope(scope, pre?.failed));
  const cancelled = gateInputs.cancellationOf(remediation?.cancelled?.message, cancelReasonOf(deps.signal));
  return { result, gate: gateInputs.cancelledGate(decided, cancelled), newNoncompliant, cancelled };
}

/**
 * The reports: JSON and job summary (with every phase's section), SARIF, and the check run (or, without one,
 * workflow annotations). Cancelled: no GitHub API calls (the runner is about to stop the job).
 */
export async function reportsStep(
  s: Step,
  deployed: DeployResult,
  { result, gate, cancelled }: Gated,
  review: Review,
  remediation: RemediationPhaseResult | undefined,
  { pre }: PreDeployed,
  waivers: WaiverRunResult | undefined
): Promise<{ reportFile: string; sarifFile: string; checkRunUrl: string | undefined }> {
  const { options, deps } = s;
  const { runSections } = await import('./report/sections/run.js');
  const { writeReports } = await import('./report/run-report.js');
  const { publishFindings } = await import('./report/publish.js');
  const applyError = deployed.applied?.error;
  const { plan, desired, applied } = deployed;
  const effectiveness = await reviewStep(s, desired);
  const sections = runSections({
    effectiveness,
    result,
    comparison: review.comparison,
    preDeploy: pre,
    waivers,
    remediation: remediation?.report,
    packs: deployed.packs,
    eventName: deps.env.GITHUB_EVENT_NAME,
    deploy:
      plan && desired && options.deploy !== 'off'
        ? {
            plan,
            mode: options.deploy,
            desired,
            applied: applied && { done: applied.done.length, ...(applyError ? { error: applyError.message } : {}) }
          }
        : undefined
  });
  const { reportFile, summary } = await writeReports({
    result,
    gate,
    run: runInfoFromEnv(deps.env),
    reportDir: options.reportDir,
    generatedAt: deps.clock.now().toISOString(),
    summaryFile: deps.env.GITHUB_STEP_SUMMARY,
    sections,
    ...(deployed.packs
      ? {
          extra: {
            conformancePacks: (await import('./report/sections/conformance-packs.js')).conformancePacksJson(
              deployed.packs
            )
          }
        }
      : {}),
    ...(waivers?.base ? { waivers: { proposed: waivers.proposed, base: waivers.base } } : {}),
    ...(effectiveness ? { effectiveness } : {}),
    changed: f => {
      const loc = review.locations.get(f.fingerprint);
      return loc !== undefined && review.changedFiles.has(loc.file);
    }
  });
  const published = await publishFindings(
    result,
    gate,
    review,
    desired,
    summary,
    {
      sarifFile: options.sarifFile,
      sarifIncludeWaived: options.sarifIncludeWaived,
      checkRun: { ...reviewOptions(s), checks: options.checks },
      cancelled
    },
    deps.logger
  );
  return { reportFile, ...published };
}

/**
 * The remediation effectiveness review (review-days) over the audit log group: the records of the last N days. A
 * failed read is reported in the section (and warned), not a reason to lose the other reports.
 */
async function reviewStep(
  { options, aws, deps }: Step,
  desired: DeployResult['desired']
): Promise<EffectivenessReview | undefined> {
  if (options.reviewDays === undefined) return undefined;
  const logGroup = options.auditLogGroup ?? desired?.audit?.logGroup;
  if (logGroup === undefined) {
    throw new InputError(
      'review-days',
      "Input 'review-days' reads the audit trail: set 'audit-log-group' (or audit.log-group in the manifest)."
    );
  }
  const to = deps.clock.now();
  const from = new Date(to.getTime() - options.reviewDays * 86_400_000);
  const { reviewAuditTrail } = await import('./remediation/review.js');
  return deps.logger.group('Remediation effectiveness', () =>
    reviewAuditTrail(() => aws.logs(), { logGroup, days: options.reviewDays!, from, to }, deps.logger)
  );
}

/** The step's conclusion: cancelled, a remediation refused or failed, deploy stopped, or the gate's decision. */
export function finish(
  { gate, cancelled }: Gated,
  deployed: DeployResult,
  remediation: RemediationPhaseResult | undefined,
  logger: Logger,
  failOn: readonly string[] = []
): void {
  if (cancelled !== undefined) {
    core.setFailed(`Run ${cancelled}`);
    return;
  }
  if (remediation?.error) throw remediation.error;
  if (remediation && remediation.counts.failed > 0) {
    core.setFailed(
      `${remediation.counts.failed} remediation(s) failed or timed out: see the job summary and ${remediation.auditFile}.`
    );
  }
  if (deployed.applied?.error) throw deployed.applied.error;
  // An organization pack that failed in a member is a deployment failure; fail-on: never reports it only.
  const failedMembers = deployed.packs?.failedMembers ?? [];
  if (failedMembers.length > 0) {
    const list = failedMembers.map(m => `${m.accountId} (${m.pack}: ${m.errorCode ?? m.status})`).join(', ');
    if (failOn.includes('never'))
      logger.warn(`Organization conformance pack failed in ${failedMembers.length} member(s): ${list}.`);
    else
      core.setFailed(
        `Organization conformance pack failed in ${failedMembers.length} member account(s): ${list}; see the job summary.`
      );
  }
  if (gate.result === 'fail') core.setFailed(`Compliance gate failed: ${gate.reason}`);
  else logger.info(`Compliance gate passed: ${gate.reason}`);
}
