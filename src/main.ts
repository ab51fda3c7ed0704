/**
 * run(): the phases in order. The only catch: errors are mapped to setFailed here (user errors by message; anything
 * else also logs its stack at debug).
 */
import * as core from '@actions/core';
import { AwsClients, createWebIdentityStsClient } from './aws/clients.js';
import { OidcCredentials, verifyIdentity } from './aws/credentials.js';
import { applyRemediationOutcomes, applyWaivers, decideGate } from './compliance/gate.js';
import type { ComplianceResult } from './compliance/types.js';
import type { DeployResult } from './deploy/phase.js';
import { InputError, isUserError } from './errors.js';
import { getOptions, type Options } from './inputs.js';
import { coreLogger, type Logger } from './logging.js';
import { setOutputs } from './outputs.js';
import { runInfoFromEnv, workflowFileFromEnv } from './run-info.js';
import { systemClock, type Clock } from './util/clock.js';
import { checkPathInputs } from './util/paths.js';

export interface RunDeps {
  env: NodeJS.ProcessEnv;
  clock: Clock;
  logger: Logger;
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

    const rules = rulesToCheck(options, deployed, logger);
    let result: ComplianceResult =
      rules === 'none'
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
    if (deployed.desired) result = applyWaivers(result, deployed.desired.waivers, today);

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

    const pre = await preDeploy(options, aws, pr, deployed, deps);
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
    const gate = decideGate(result, options.failOn, remainingDrift, newNoncompliant);

    const sections = [...pr.sections, ...(pre ? [pre.section] : [])];
    if (remediation) sections.push(remediation.section);
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
    const check = await phases.publishChecks(result, gate, pr, summary, reviewOptions, logger);
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
  const { evaluateTemplates, preDeploySection } = await import('./phases.js');
  const desired = deployed.desired;
  const result = await deps.logger.group('Pre-deploy evaluation', async () =>
    evaluateTemplates({ config: await aws.config(), clock: deps.clock, logger: deps.logger }, pr.index, desired.rules, {
      files: options.preDeploy === 'all' ? 'all' : pr.changedFiles
    })
  );
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
        allowOnPullRequest: options.allowOnPullRequest,
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
        isPullRequest: [
          'pull_request',
          'pull_request_target',
          'pull_request_review',
          'pull_request_review_comment'
        ].includes(eventName),
        isFork: ctx?.isFork ?? false,
        ...(pr.comparison
          ? {
              knownFingerprints: new Set([
                ...pr.comparison.existing.map(f => f.fingerprint),
                ...pr.comparison.fixed.map(f => f.fingerprint)
              ])
            }
          : {})
      },
      { clock: deps.clock, logger: deps.logger }
    )
  );
}

/** Which rules the check reads: the input, else the manifest's (deployed ones), else all in the account. */
export function rulesToCheck(
  options: Options,
  deployed: DeployResult,
  logger: Logger
): readonly string[] | 'all' | 'none' {
  if (options.rules.length > 0) return options.rules;
  if (!deployed.desired) return 'all';
  if (options.deploy === 'destroy') {
    logger.info("deploy: destroy: the manifest's rules were removed, so there is nothing to check.");
    return 'none';
  }
  const names = deployed.desired.rules.map(r => r.name);
  if (options.deploy === 'plan' && deployed.actual) {
    const missing = names.filter(n => !deployed.actual?.rules.has(n));
    if (missing.length > 0) {
      logger.info(
        `${missing.length} declared rule(s) are not deployed yet, so not checked: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', ...' : ''}`
      );
    }
    return names.filter(n => deployed.actual?.rules.has(n));
  }
  return names;
}

/** Maps an error to the step's failure: the message always, the stack at debug for anything unexpected. */
export function fail(err: unknown, logger: Logger, setFailed: (m: string) => void = m => core.setFailed(m)): void {
  const message = err instanceof Error ? err.message : String(err);
  if (!isUserError(err) && err instanceof Error && err.stack) logger.debug(err.stack);
  setFailed(message);
}
