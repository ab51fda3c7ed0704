/**
 * run(): the phases in order. The only catch: errors are mapped to setFailed here (user errors by message; anything
 * else also logs its stack at debug).
 */
import * as core from '@actions/core';
import { AwsClients, createWebIdentityStsClient } from './aws/clients.js';
import { OidcCredentials, verifyIdentity } from './aws/credentials.js';
import { applyRemediationOutcomes, applyWaivers, decideGate, type GateScope } from './gate/gate.js';
import type { ComplianceResult } from './compliance/types.js';
import type { DeployResult } from './deploy/phase.js';
import { InputError, isUserError, PolicyError } from './errors.js';
import { getOptions, type Options } from './inputs.js';
import { coreLogger, type Logger } from './logging.js';
import { setOutputs } from './outputs.js';
import { runInfoFromEnv, workflowFileFromEnv } from './run-context.js';
import { hasPullRequestPayload, untrustedRemediateOnWarning } from './run-context.js';
import { cancelReasonOf } from './util/cancellation.js';
import { systemClock, type Clock } from './util/clock.js';
import { checkPathInputs } from './util/paths.js';

export interface RunDeps {
  env: NodeJS.ProcessEnv;
  clock: Clock;
  logger: Logger;
  /** Aborts when the workflow is cancelled (index.ts: SIGINT / SIGTERM): remediation stops, reports are written. */
  signal?: AbortSignal;
}

function defaultDeps(): RunDeps {
  return { env: process.env, clock: systemClock, logger: coreLogger(core) };
}

function credentialsFor(options: Options, deps: RunDeps): OidcCredentials | undefined {
  if (!options.roleToAssume) return undefined;
  const sts = createWebIdentityStsClient(options);
  return new OidcCredentials(
    {
      roleArn: options.roleToAssume,
      audience: options.audience,
      roleSessionName: options.roleSessionName,
      durationSeconds: options.roleDurationSeconds
    },
    { getIDToken: aud => core.getIDToken(aud), sts: () => sts, env: deps.env, logger: deps.logger }
  );
}

export async function run(overrides: Partial<RunDeps> = {}): Promise<void> {
  const deps = { ...defaultDeps(), ...overrides };
  const { logger } = deps;
  let clients: AwsClients | undefined;
  try {
    const options = getOptions(undefined, deps.env);
    checkPathInputs(options);
    const oidc = credentialsFor(options, deps);
    clients = new AwsClients({
      region: options.region,
      maxAttempts: options.maxAttempts,
      ...(oidc ? { credentials: oidc.provider, onExpiredCredentials: () => oidc.invalidate() } : {})
    });
    const aws = clients;

    const identity = await logger.group('Authenticate', async () => {
      const id = await verifyIdentity(await aws.sts(), options.allowedAccountIds);
      logger.info(
        `Authenticated as ${id.arn} in account ${id.accountId}` +
          (oidc
            ? ` (role ${options.roleToAssume}, session ${options.roleSessionName}).`
            : ' (default credential chain).')
      );
      return id;
    });
    setOutputs({ 'aws-account-id': identity.accountId });

    // Loaded only now: the first AWS request above does not wait for these modules.
    const phases = await import('./phases.js');
    const {
      runDeploy,
      checkCompliance,
      hipaaSectionsFor,
      planSection,
      policySection,
      writeReports,
      emitWorkflowAnnotations
    } = phases;
    const today = deps.clock.now().toISOString().slice(0, 10);
    const workflowFile = workflowFileFromEnv(deps.env);
    // Cancelled before anything could change: deploy nothing (a cancel during deploy lets it finish or be killed).
    const cancelledEarly = cancelReasonOf(deps.signal);
    if (cancelledEarly !== undefined)
      throw new PolicyError(`Run cancelled (${cancelledEarly}) before deploy: nothing was changed.`);
    const deployed = await logger.group('Deploy', () =>
      runDeploy(
        aws,
        {
          config: options.config,
          configExplicit: options.configExplicit,
          ...(options.conformancePack ? { conformancePack: options.conformancePack } : {}),
          deploy: options.deploy,
          prune: options.prune,
          region: options.region,
          accountId: identity.accountId,
          reportDir: options.reportDir,
          today,
          ...(workflowFile ? { workflowFile } : {}),
          workspace: deps.env.GITHUB_WORKSPACE ?? process.cwd()
        },
        logger
      )
    );
    for (const w of deployed.warnings) {
      core.warning(w.detail, {
        title: 'compliance-gate preflight',
        file: w.file,
        startLine: w.line,
        startColumn: w.col
      });
    }

    const { rules, scope } = rulesToCheck(options, deployed, logger);
    let result: ComplianceResult =
      rules === 'none' || (rules !== 'all' && rules.length === 0)
        ? {
            checkedAt: deps.clock.now().toISOString(),
            accountId: identity.accountId,
            region: options.region,
            rules: []
          }
        : await checkCompliance(
            { config: await aws.config(), clock: deps.clock, logger },
            {
              rules,
              evaluate: options.evaluate,
              evaluationTimeoutSeconds: options.evaluationTimeoutSeconds,
              maxResultAgeSeconds: options.maxResultAgeSeconds
            },
            { accountId: identity.accountId, region: options.region }
          );
    const declared = new Map((deployed.desired?.rules ?? []).map(r => [r.name, r]));
    result = {
      ...result,
      rules: result.rules.map(r => ({
        ...r,
        hipaaSections: declared.get(r.ruleName)?.hipaaSections ?? hipaaSectionsFor(r.ruleName)
      }))
    };
    // On pull-request and merge-queue runs only waivers the base branch holds apply; the rest are proposed.
    const waivers = deployed.desired
      ? await phases.waiversForRun(
          deployed.desired.waivers,
          {
            env: deps.env,
            workspace: deps.env.GITHUB_WORKSPACE ?? process.cwd(),
            manifestFile: options.config,
            githubToken: options.githubToken
          },
          logger
        )
      : undefined;
    if (waivers) {
      result = phases.markProposedWaivers(applyWaivers(result, waivers.effective, today), waivers.proposed, today);
    }

    const reviewOptions = {
      templates: options.templates,
      ...(options.baseline ? { baseline: options.baseline } : {}),
      githubToken: options.githubToken,
      checks: options.checks,
      config: options.config,
      workspace: deps.env.GITHUB_WORKSPACE ?? process.cwd(),
      env: deps.env
    };
    const pr = await logger.group('Locate findings', () =>
      phases.prepareReview(result, deployed.desired, reviewOptions, logger, () => aws.config())
    );

    const remediation = await remediate(options, aws, result, deployed, pr, identity.accountId, deps);
    if (remediation) {
      result = applyRemediationOutcomes(
        result,
        remediation.outcomes.map(o => ({
          fingerprint: o.target.fingerprint,
          outcome: o.status,
          ...(o.executionId ? { executionId: o.executionId } : {})
        }))
      );
    }

    // Cancelled: no new work (pre-deploy evaluations); the reports and outputs are still written.
    const pre = deps.signal?.aborted ? undefined : await preDeploy(options, aws, pr, deployed, deps);
    let preDeployNew = 0;
    if (pre) {
      const merged = phases.mergePreDeploy(result, pre.result, hipaaSectionsFor);
      result = merged.result;
      preDeployNew = merged.added.length;
      for (const f of merged.added) pr.locations.set(f.fingerprint, f.location);
    }

    const applyError = deployed.applied?.error;
    const remainingDrift =
      deployed.plan === undefined
        ? undefined
        : options.deploy === 'plan'
          ? deployed.plan.drift
          : deployed.plan.drift - (deployed.applied?.done.filter(i => i.action !== 'unchanged').length ?? 0);
    // New non-compliance: findings not in the baseline that still count, plus everything pre-deploy flagged.
    const verified = new Set(
      (remediation?.outcomes ?? []).filter(o => o.status === 'verified').map(o => o.target.fingerprint)
    );
    const newNoncompliant = pr.comparison
      ? pr.comparison.new.filter(f => !verified.has(f.fingerprint)).length + preDeployNew
      : undefined;
    const decided = decideGate(result, options.failOn, remainingDrift, newNoncompliant, {
      ...scope,
      ...(pre ? { unevaluated: pre.result.failed } : {})
    });
    const cancelReason = cancelReasonOf(deps.signal);
    const cancelled =
      remediation?.cancelled?.message ?? (cancelReason !== undefined ? `cancelled (${cancelReason})` : undefined);
    const gate = cancelled === undefined ? decided : { ...decided, result: 'fail' as const, reason: cancelled };

    const sections = [...pr.sections, ...(pre ? [pre.section] : [])];
    const proposedWaivers = waivers && phases.proposedWaiversSection(waivers.proposed, waivers.base, result);
    if (proposedWaivers) sections.push(proposedWaivers);
    if (remediation) sections.push(phases.remediationSection(remediation.report));
    if (deployed.plan && deployed.desired && options.deploy !== 'off') {
      sections.push(
        planSection(
          deployed.plan,
          options.deploy,
          deployed.desired,
          deployed.applied
            ? { done: deployed.applied.done.length, ...(applyError ? { error: applyError.message } : {}) }
            : undefined
        )
      );
      if (deployed.desired.documents.length > 0) sections.push(policySection(deployed.desired));
    }
    const { reportFile, summary } = await writeReports({
      result,
      gate,
      run: runInfoFromEnv(deps.env),
      reportDir: options.reportDir,
      generatedAt: deps.clock.now().toISOString(),
      summaryFile: deps.env.GITHUB_STEP_SUMMARY,
      sections,
      ...(waivers?.base ? { waivers: { proposed: waivers.proposed, base: waivers.base } } : {}),
      changed: f => {
        const loc = pr.locations.get(f.fingerprint);
        return loc !== undefined && pr.changedFiles.has(loc.file);
      }
    });
    const sarifFile = await phases.writeSarifReport(
      result,
      pr,
      deployed.desired,
      options.sarifFile,
      options.sarifIncludeWaived,
      logger
    );
    // Cancelled: no GitHub API calls (the runner is about to stop the job); annotations instead.
    const check =
      cancelled === undefined
        ? await phases.publishChecks(result, gate, pr, summary, reviewOptions, logger)
        : { published: false as const, url: undefined };
    if (!check.published) emitWorkflowAnnotations(result, gate, pr.locateRule);

    setOutputs({
      result: applyError ? 'fail' : gate.result,
      'noncompliant-count': gate.noncompliantCount,
      'noncompliant-rules': gate.noncompliantRules.join(','),
      'checked-rules': result.rules.length,
      'report-file': reportFile,
      'sarif-file': sarifFile,
      ...(newNoncompliant !== undefined ? { 'new-noncompliant-count': newNoncompliant } : {}),
      ...(check.url ? { 'check-run-url': check.url } : {}),
      ...(deployed.plan ? { 'drift-count': deployed.plan.drift } : {}),
      ...(deployed.planFile ? { 'plan-file': deployed.planFile } : {}),
      ...(remediation
        ? {
            'audit-log-file': remediation.auditFile,
            'remediated-count': remediation.counts.remediated,
            'remediation-failed-count': remediation.counts.failed,
            ...(remediation.planHash ? { 'remediation-plan-hash': remediation.planHash } : {}),
            ...(remediation.planFile ? { 'remediation-plan-file': remediation.planFile } : {})
          }
        : {})
    });
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
    if (applyError) throw applyError;
    if (gate.result === 'fail') core.setFailed(`Compliance gate failed: ${gate.reason}`);
    else logger.info(`Compliance gate passed: ${gate.reason}`);
  } catch (err) {
    fail(err, logger);
  } finally {
    clients?.destroy();
  }
}

/** Pre-deploy evaluation of template resources (pre-deploy: changed or all). */
async function preDeploy(
  options: Options,
  aws: AwsClients,
  pr: import('./phases.js').Review,
  deployed: DeployResult,
  deps: RunDeps
): Promise<
  { result: import('./phases.js').PreDeployResult; section: import('./phases.js').SummarySection } | undefined
> {
  if (options.preDeploy === 'off') return undefined;
  if (!deployed.desired) {
    throw new InputError('pre-deploy', `Input 'pre-deploy' needs a manifest (config) whose rules judge the templates.`);
  }
  if (options.preDeploy === 'changed' && pr.context?.prNumber === undefined) {
    deps.logger.info("pre-deploy: changed outside a pull request: no changed templates to evaluate (use 'all').");
  }
  // Fail closed: when the pull request's files are not known, every template is evaluated, never none.
  let note: string | undefined;
  if (options.preDeploy === 'changed' && pr.context?.prNumber !== undefined && pr.changedFilesUnknown) {
    note =
      `pre-deploy: changed evaluated every template: the files of the pull request could not be listed ` +
      `(${pr.changedFilesUnknown}).`;
    deps.logger.warn(note);
  }
  const { evaluateTemplates, preDeploySection } = await import('./phases.js');
  const desired = deployed.desired;
  const evaluated = await deps.logger.group('Pre-deploy evaluation', async () =>
    evaluateTemplates({ config: await aws.config(), clock: deps.clock, logger: deps.logger }, pr.index, desired.rules, {
      files: options.preDeploy === 'all' || note !== undefined ? 'all' : pr.changedFiles
    })
  );
  const result = note !== undefined ? { ...evaluated, note } : evaluated;
  return { result, section: preDeploySection(result) };
}

/** The remediation phase (remediate: plan or apply): loaded only when asked for. */
async function remediate(
  options: Options,
  aws: AwsClients,
  result: ComplianceResult,
  deployed: DeployResult,
  pr: import('./phases.js').Review,
  accountId: string,
  deps: RunDeps
): Promise<import('./phases.js').RemediationPhaseResult | undefined> {
  if (options.remediate === 'off') return undefined;
  if (!deployed.desired || deployed.desired.remediations.length === 0) {
    throw new InputError(
      'remediate',
      `Input 'remediate: ${options.remediate}' needs a manifest with remediation bindings (config: ${options.config}).`
    );
  }
  const desired = deployed.desired;
  const { runRemediation, readRemediationConfigurations } = await import('./phases.js');
  // Rules whose remediation configuration exists in AWS now (what deploy read, plus what it just created).
  const deployedRemediations = new Set<string>(
    deployed.actual
      ? [
          ...deployed.actual.remediations.keys(),
          ...(deployed.applied?.done ?? [])
            .filter(i => i.object === 'remediation' && i.action !== 'delete')
            .map(i => i.name)
        ]
      : (
          await readRemediationConfigurations(
            await aws.config(),
            desired.remediations.map(r => r.ruleName)
          )
        ).keys()
  );
  const ctx = pr.context;
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
        reportDir: options.reportDir
      },
      {
        run: runInfoFromEnv(deps.env),
        roleSessionName: options.roleSessionName,
        accountId,
        region: options.region,
        // A pull request whose payload could not be read may be a fork's: fail closed.
        isFork: ctx?.isFork ?? hasPullRequestPayload(eventName),
        ...(pr.comparison
          ? {
              knownFingerprints: new Set([
                ...pr.comparison.existing.map(f => f.fingerprint),
                ...pr.comparison.fixed.map(f => f.fingerprint)
              ])
            }
          : {})
      },
      { clock: deps.clock, logger: deps.logger, ...(deps.signal ? { signal: deps.signal } : {}) }
    )
  );
}

export interface RulesToCheck {
  /** Rule names to check, 'all' in the account, or 'none' (nothing to ask AWS Config). */
  rules: readonly string[] | 'all' | 'none';
  /** Why checking nothing is by design, or why nothing would have been checked: for the gate. */
  scope: Pick<GateScope, 'nothingByDesign' | 'nothingChecked'>;
}

function someNames(names: readonly string[]): string {
  return `${names.slice(0, 10).join(', ')}${names.length > 10 ? `, and ${names.length - 10} more` : ''}`;
}

/**
 * Which rules the check reads: the input, else the manifest's (deployed ones), else all in the account; and why a
 * check of no rules is by design (deploy: destroy; a deploy whose manifest declares no rules) or a failure.
 */
export function rulesToCheck(options: Options, deployed: DeployResult, logger: Logger): RulesToCheck {
  if (options.rules.length > 0) {
    return { rules: options.rules, scope: { nothingChecked: `no rule named in the 'rules' input was found` } };
  }
  if (!deployed.desired) {
    return {
      rules: 'all',
      scope: { nothingChecked: `AWS Config has no rules in region ${options.region} of this account` }
    };
  }
  if (options.deploy === 'destroy') {
    const why = 'deploy: destroy removes the rules of the manifest, so there is nothing to check';
    logger.info(`${why}.`);
    return { rules: 'none', scope: { nothingByDesign: why } };
  }
  const names = deployed.desired.rules.map(r => r.name);
  if (names.length === 0) {
    // A manifest of runbooks only: deploying them is the point of a plan or apply run; anything else checks nothing.
    const why = `the manifest (${options.config}) declares no rules`;
    return options.deploy === 'plan' || options.deploy === 'apply'
      ? { rules: 'none', scope: { nothingByDesign: why } }
      : { rules: 'none', scope: { nothingChecked: why } };
  }
  if (options.deploy === 'plan' && deployed.actual) {
    const missing = names.filter(n => !deployed.actual?.rules.has(n));
    const present = names.filter(n => deployed.actual?.rules.has(n));
    if (missing.length > 0) {
      logger.info(`${missing.length} declared rule(s) are not deployed yet, so not checked: ${someNames(missing)}`);
    }
    return {
      rules: present,
      scope: {
        nothingChecked:
          `none of the ${names.length} rule(s) of the manifest is deployed in the account yet (deploy: plan creates ` +
          `nothing; deploy: apply does): ${someNames(missing)}`
      }
    };
  }
  return { rules: names, scope: { nothingChecked: 'no rule of the manifest was found in the account' } };
}

/** Maps an error to the step's failure: the message always, the stack at debug for anything unexpected. */
export function fail(err: unknown, logger: Logger, setFailed: (m: string) => void = m => core.setFailed(m)): void {
  const message = err instanceof Error ? err.message : String(err);
  if (!isUserError(err) && err instanceof Error && err.stack) logger.debug(err.stack);
  setFailed(message);
}
