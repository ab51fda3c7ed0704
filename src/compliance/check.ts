/**
 * Reads AWS Config compliance with the fewest calls AWS allows:
 * - rule compliance: DescribeComplianceByConfigRule, 25 names a call (or paged over all rules when none are named),
 * - evaluation times: DescribeConfigRuleEvaluationStatus, 25 names a call (or pages of 50 over all rules),
 * - resources: GetComplianceDetailsByConfigRule for NON_COMPLIANT rules only, NON_COMPLIANT only, pages of 100,
 * - the configuration recorder and its status (recorder.ts), once,
 * - rule descriptions (DescribeConfigRules, 25 names a call), once and only for the rules that need them: every rule
 *   when the recorder does not record every type, else only rules whose last success is older than freshness.ts's
 *   ALWAYS_FRESH_SECONDS (their trigger type decides whether they are stale),
 * with a bounded number of calls in flight and the SDK's paginators and retries.
 */
import {
  type ComplianceByConfigRule,
  type ConfigRule,
  type ConfigRuleEvaluationStatus,
  type ConfigServiceClient,
  DescribeConfigRuleEvaluationStatusCommand,
  StartConfigRulesEvaluationCommand,
  paginateDescribeComplianceByConfigRule,
  paginateDescribeConfigRuleEvaluationStatus,
  paginateGetComplianceDetailsByConfigRule
} from '@aws-sdk/client-config-service';
import { awsCallErrorOf, awsErrorCode } from '../aws/clients.js';
import type { AwsCallError } from '../errors.js';
import type { Logger } from '../logging.js';
import type { Clock } from '../util/clock.js';
import { chunk, mapLimit } from '../util/concurrency.js';
import { fingerprint } from './fingerprint.js';
import { needsTrigger, staleReason, triggerOf, type Trigger } from './freshness.js';
import {
  type DescribedRules,
  describeRules,
  readRecorder,
  recorderNeedsRules,
  rulesUnknownToRecorder
} from './recorder.js';
import type { AccountRegion, ComplianceResult, Finding, RuleError, RuleResult, RuleStatus } from './types.js';

/** AWS accepts at most 25 rule names per call. */
const NAMES_PER_CALL = 25;
/** GetComplianceDetailsByConfigRule's largest page. */
const DETAILS_PAGE_SIZE = 100;
/** DescribeConfigRuleEvaluationStatus's largest page when no names are given. */
const STATUS_PAGE_SIZE = 50;

export interface CheckOptions {
  /** Rule names to check, or 'all': every rule in the account. */
  rules: readonly string[] | 'all';
  evaluate: boolean;
  evaluationTimeoutSeconds: number;
  /** The max-result-age override; undefined: freshness by trigger type (freshness.ts). */
  maxResultAgeSeconds: number | undefined;
  /** Calls in flight at once. */
  concurrency?: number;
  /** First poll interval while waiting for an evaluation; it doubles up to 10 s. */
  pollIntervalMs?: number;
}

export interface CheckDeps {
  config: ConfigServiceClient;
  clock: Clock;
  logger: Logger;
}

export interface RuleState {
  name: string;
  compliance?: ComplianceByConfigRule;
  status?: ConfigRuleEvaluationStatus;
  findings: Finding[];
  error?: RuleError;
  /** The rule's trigger, when its freshness depends on it (freshness.ts needsTrigger). */
  trigger?: Trigger;
}

function ruleError(err: AwsCallError): RuleError {
  return {
    operation: err.operation,
    code: err.code,
    // AWS's message alone: reports put the operation, code and request id around it (they were said twice).
    message: err.detail,
    ...(err.requestId ? { requestId: err.requestId } : {})
  };
}

export async function checkCompliance(
  deps: CheckDeps,
  options: CheckOptions,
  account: { accountId: string; region: string }
): Promise<ComplianceResult> {
  const { logger } = deps;
  // Many in flight: the client's rate gates (aws/rate.ts) lower it when AWS throttles.
  const concurrency = options.concurrency ?? 16;
  const states = new Map<string, RuleState>();
  const state = (name: string): RuleState => {
    let s = states.get(name);
    if (!s) {
      s = { name, findings: [] };
      states.set(name, s);
    }
    return s;
  };

  await logger.group('Read rule compliance', async () => {
    if (options.rules === 'all') {
      await readAllCompliance(deps, state);
    } else {
      for (const name of options.rules) state(name);
      await readNamedCompliance(deps, [...options.rules], concurrency, state);
    }
    logger.info(`${states.size} rule${states.size === 1 ? '' : 's'} to check.`);
  });

  const names = [...states.keys()].filter(n => !states.get(n)?.error);
  if (options.evaluate && names.length > 0) {
    await logger.group('Evaluate rules', () => evaluate(deps, options, names, concurrency, state));
    // Compliance may have changed: read it again for the evaluated rules.
    await readNamedCompliance(deps, names, concurrency, state);
  } else {
    await logger.group('Read evaluation status', () =>
      options.rules === 'all'
        ? readAllStatuses(deps, state)
        : readNamedStatuses(deps, names, concurrency, state).then(() => undefined)
    );
  }

  const noncompliant = [...states.values()].filter(
    s => !s.error && s.compliance?.Compliance?.ComplianceType === 'NON_COMPLIANT'
  );
  await logger.group('Read non-compliant resources', async () => {
    let done = 0;
    await mapLimit(noncompliant, concurrency, async s => {
      await readFindings(deps, s, account);
      done += 1;
      if (done % NAMES_PER_CALL === 0 || done === noncompliant.length) {
        logger.info(`Read resources of ${done}/${noncompliant.length} non-compliant rules.`);
      }
    });
  });

  // A rule asked for by name that AWS Config reports nothing about (no compliance, no evaluation status) is not
  // known to it here: an error naming the rule, never a rule that silently vanishes or passes.
  for (const s of states.values()) {
    if (!s.error && !s.compliance && !s.status) {
      s.error = {
        operation: 'config:DescribeComplianceByConfigRule',
        code: 'RuleNotReturned',
        message: `AWS Config returned no compliance and no evaluation status for rule ${s.name} in region ${account.region}: it is not deployed there`
      };
    }
  }
  const now = deps.clock.now();
  await logger.group('Read configuration recorder', () =>
    applyRecorderAndTriggers(deps, states, account.region, now, options.maxResultAgeSeconds)
  );

  const rules: RuleResult[] = [...states.values()].map(s => ({
    ...classify(s, now, options.maxResultAgeSeconds),
    accountId: account.accountId,
    region: account.region
  }));
  for (const r of rules) if (r.staleReason) logger.warn(`${r.ruleName} is stale: ${r.staleReason}.`);
  return {
    checkedAt: now.toISOString(),
    accountId: account.accountId,
    region: account.region,
    rules,
    accounts: [{ accountId: account.accountId, regions: [{ region: account.region, status: 'checked' }] }]
  };
}

/**
 * A recorder that is off is not a pass (recorder.ts): change-triggered rules it leaves without fresh results become
 * errors naming the recorder; periodic rules are still judged, and the log warns.
 */
async function applyRecorderAndTriggers(
  deps: CheckDeps,
  states: Map<string, RuleState>,
  region: string,
  now: Date,
  maxResultAgeSeconds: number | undefined
): Promise<void> {
  const view = await readRecorder(deps.config, region);
  const names = [...states.values()].filter(s => !s.error).map(s => s.name);
  // One read of the rule descriptions serves both the recorder check and freshness.
  const forFreshness = names.filter(n => needsTrigger(states.get(n)?.status, now, maxResultAgeSeconds));
  const wanted = recorderNeedsRules(view) ? names : forFreshness;
  const described: DescribedRules =
    wanted.length > 0 ? await describeRules(deps.config, wanted) : { rules: new Map<string, ConfigRule>() };
  for (const name of forFreshness) {
    const rule = described.rules.get(name);
    const why = described.error
      ? `${described.error.code}: ${described.error.message}`
      : 'DescribeConfigRules did not return it';
    states.get(name)!.trigger = rule ? triggerOf(rule) : { kind: 'unknown', why };
  }
  const unknown = rulesUnknownToRecorder(view, names, described);
  for (const [name, error] of unknown) {
    const s = states.get(name);
    if (s) s.error = error;
  }
  if (view.kind === 'on' && unknown.size === 0) {
    deps.logger.info(`Configuration recorder '${view.name}' is recording.`);
    return;
  }
  const why =
    view.kind === 'on' ? `configuration recorder '${view.name}' does not record every type` : view.error.message;
  deps.logger.warn(
    `AWS Config in ${region}: ${why}. ${unknown.size} change-triggered rule${unknown.size === 1 ? ' is' : 's are'} unknown (error)${unknown.size > 0 ? `: ${[...unknown.keys()].join(', ')}` : ''}; periodic rules are still judged.`
  );
}

async function readAllCompliance(deps: CheckDeps, state: (name: string) => RuleState): Promise<void> {
  let pages = 0;
  for await (const page of paginateDescribeComplianceByConfigRule({ client: deps.config }, {})) {
    pages += 1;
    for (const c of page.ComplianceByConfigRules ?? []) {
      if (c.ConfigRuleName) state(c.ConfigRuleName).compliance = c;
    }
    deps.logger.info(`Read compliance page ${pages} (${page.ComplianceByConfigRules?.length ?? 0} rules).`);
  }
}

async function readNamedCompliance(
  deps: CheckDeps,
  names: string[],
  concurrency: number,
  state: (name: string) => RuleState
): Promise<void> {
  const chunks = chunk(names, NAMES_PER_CALL);
  let done = 0;
  await mapLimit(chunks, concurrency, async names25 => {
    try {
      for await (const page of paginateDescribeComplianceByConfigRule(
        { client: deps.config },
        { ConfigRuleNames: names25 }
      )) {
        for (const c of page.ComplianceByConfigRules ?? []) {
          if (c.ConfigRuleName) state(c.ConfigRuleName).compliance = c;
        }
      }
    } catch (err) {
      if (awsErrorCode(err) === 'NoSuchConfigRuleException' && names25.length > 1) {
        // One unknown name fails the whole call: ask one by one to find which.
        await mapLimit(names25, concurrency, name => readNamedCompliance(deps, [name], 1, state));
      } else {
        const e = awsCallErrorOf(err);
        for (const name of names25) state(name).error = ruleError(e);
      }
    }
    done += names25.length;
    deps.logger.info(`Read compliance of ${done}/${names.length} rules.`);
  });
}

async function readAllStatuses(deps: CheckDeps, state: (name: string) => RuleState): Promise<void> {
  for await (const page of paginateDescribeConfigRuleEvaluationStatus(
    { client: deps.config, pageSize: STATUS_PAGE_SIZE },
    {}
  )) {
    for (const st of page.ConfigRulesEvaluationStatus ?? []) {
      if (st.ConfigRuleName) state(st.ConfigRuleName).status = st;
    }
  }
}

async function readNamedStatuses(
  deps: CheckDeps,
  names: string[],
  concurrency: number,
  state: (name: string) => RuleState
): Promise<ConfigRuleEvaluationStatus[]> {
  const out: ConfigRuleEvaluationStatus[] = [];
  await mapLimit(chunk(names, NAMES_PER_CALL), concurrency, async names25 => {
    try {
      const page = await deps.config.send(new DescribeConfigRuleEvaluationStatusCommand({ ConfigRuleNames: names25 }));
      for (const st of page.ConfigRulesEvaluationStatus ?? []) {
        if (st.ConfigRuleName) {
          state(st.ConfigRuleName).status = st;
          out.push(st);
        }
      }
    } catch (err) {
      const e = awsCallErrorOf(err);
      for (const name of names25) state(name).error = ruleError(e);
    }
  });
  return out;
}

/**
 * Starts an evaluation of the rules and waits until each has a successful evaluation that began after the start
 * (or failed, or the timeout passed). A rule started less than a minute ago (LimitExceededException) is not
 * started again: its running evaluation is awaited instead.
 */
async function evaluate(
  deps: CheckDeps,
  options: CheckOptions,
  names: string[],
  concurrency: number,
  state: (name: string) => RuleState
): Promise<void> {
  const { clock, logger } = deps;
  const startedAt = clock.now();
  const acceptAfter = new Map<string, number>();
  const start = async (batch: string[]): Promise<void> => {
    try {
      await deps.config.send(new StartConfigRulesEvaluationCommand({ ConfigRuleNames: batch }));
      for (const n of batch) acceptAfter.set(n, startedAt.getTime());
    } catch (err) {
      const code = awsErrorCode(err);
      if (code === 'LimitExceededException' && batch.length > 1) {
        await mapLimit(batch, concurrency, n => start([n]));
      } else if (code === 'LimitExceededException') {
        logger.info(`${batch[0]}: an evaluation started less than a minute ago; waiting for it instead.`);
        acceptAfter.set(batch[0] as string, startedAt.getTime() - 60_000);
      } else if (code === 'NoSuchConfigRuleException' && batch.length > 1) {
        await mapLimit(batch, concurrency, n => start([n]));
      } else {
        const e = awsCallErrorOf(err);
        for (const n of batch) state(n).error = ruleError(e);
      }
    }
  };
  await mapLimit(chunk(names, NAMES_PER_CALL), concurrency, start);
  logger.info(`Started evaluation of ${acceptAfter.size} rules; waiting up to ${options.evaluationTimeoutSeconds}s.`);

  const deadline = startedAt.getTime() + options.evaluationTimeoutSeconds * 1000;
  let pending = [...acceptAfter.keys()];
  let interval = options.pollIntervalMs ?? 1000;
  for (;;) {
    const statuses = await readNamedStatuses(deps, pending, concurrency, state);
    const byName = new Map(statuses.map(s => [s.ConfigRuleName, s]));
    pending = pending.filter(name => {
      const st = byName.get(name);
      const after = acceptAfter.get(name) ?? 0;
      if (state(name).error) return false;
      if ((st?.LastSuccessfulEvaluationTime?.getTime() ?? 0) >= after) return false;
      if ((st?.LastFailedEvaluationTime?.getTime() ?? 0) >= after) {
        state(name).error = {
          operation: 'config:StartConfigRulesEvaluation',
          code: st?.LastErrorCode ?? 'EvaluationFailed',
          message: `the evaluation failed: ${st?.LastErrorMessage ?? 'no message'}`
        };
        return false;
      }
      return true;
    });
    if (pending.length === 0) break;
    if (clock.now().getTime() + interval > deadline) {
      logger.warn(
        `Evaluation of ${pending.length} rule(s) did not finish within ${options.evaluationTimeoutSeconds}s: ${pending.join(', ')}. Their previous results are used.`
      );
      break;
    }
    await clock.sleep(interval);
    interval = Math.min(interval * 2, 10_000);
  }
}

async function readFindings(deps: CheckDeps, s: RuleState, where: AccountRegion): Promise<void> {
  try {
    for await (const page of paginateGetComplianceDetailsByConfigRule(
      { client: deps.config, pageSize: DETAILS_PAGE_SIZE },
      { ConfigRuleName: s.name, ComplianceTypes: ['NON_COMPLIANT'] }
    )) {
      for (const r of page.EvaluationResults ?? []) {
        const q = r.EvaluationResultIdentifier?.EvaluationResultQualifier;
        const resourceType = q?.ResourceType ?? 'unknown';
        const resourceId = q?.ResourceId ?? 'unknown';
        const finding: Finding = {
          accountId: where.accountId,
          region: where.region,
          ruleName: s.name,
          resourceType,
          resourceId,
          fingerprint: fingerprint(where.accountId, where.region, s.name, resourceType, resourceId)
        };
        if (r.Annotation) finding.annotation = r.Annotation;
        if (r.ResultRecordedTime) finding.recordedTime = r.ResultRecordedTime.toISOString();
        s.findings.push(finding);
      }
    }
  } catch (err) {
    s.error = ruleError(awsCallErrorOf(err));
  }
}

/**
 * Pure: the status of a rule from what AWS returned, the time and the max-result-age override (undefined: freshness
 * by trigger type, see freshness.ts; a rule whose trigger was needed and not read is stale, never fresh).
 *
 * A rule AWS Config has not finished evaluating once is `insufficient-data`, whatever compliance it reports: a rule
 * just created stays `ConfigRuleState: EVALUATING` until its first evaluation, and DescribeConfigRuleEvaluationStatus
 * then has `FirstEvaluationStarted: false` ("AWS Config has not finished evaluating your AWS resources against the
 * rule at least once") and no `LastSuccessfulEvaluationTime` (AWS Config API Reference, ConfigRule and
 * ConfigRuleEvaluationStatus data types).
 */
export function classify(
  s: RuleState,
  now: Date,
  maxResultAgeSeconds: number | undefined
): Omit<RuleResult, keyof AccountRegion> {
  const complianceType = s.compliance?.Compliance?.ComplianceType;
  const last = s.status?.LastSuccessfulEvaluationTime;
  const neverEvaluated = !last || s.status?.FirstEvaluationStarted === false;
  const stale = staleReason(s.status, now, maxResultAgeSeconds, s.trigger);
  let status: RuleStatus;
  if (s.error) status = 'error';
  else if (neverEvaluated || !complianceType || complianceType === 'INSUFFICIENT_DATA') status = 'insufficient-data';
  else if (complianceType === 'NOT_APPLICABLE') status = 'not-applicable';
  else if (stale !== undefined) status = 'stale';
  else if (complianceType === 'NON_COMPLIANT') status = 'noncompliant';
  else status = 'compliant';

  const result: Omit<RuleResult, keyof AccountRegion> = { ruleName: s.name, status, findings: s.findings };
  if (complianceType) result.complianceType = complianceType;
  if (last) result.lastEvaluated = last.toISOString();
  if (status === 'stale' && stale !== undefined) result.staleReason = stale;
  if (s.error) result.error = s.error;
  return result;
}
