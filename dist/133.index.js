export const id = 133;
export const ids = [133];
export const modules = {

/***/ 9133:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkCompliance: () => (/* binding */ checkCompliance)
});

// UNUSED EXPORTS: classify

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-config-service/dist-cjs/index.js
var dist_cjs = __webpack_require__(7101);
// EXTERNAL MODULE: ./src/aws/clients.ts + 1 modules
var clients = __webpack_require__(3008);
// EXTERNAL MODULE: ./src/util/concurrency.ts
var util_concurrency = __webpack_require__(3731);
// EXTERNAL MODULE: ./src/compliance/fingerprint.ts
var fingerprint = __webpack_require__(7023);
;// CONCATENATED MODULE: ./src/compliance/freshness.ts
/** Scheduling delay allowed past a periodic rule's frequency before its result is stale (see the header). */
const FRESHNESS_GRACE_SECONDS = 3600;
/** MaximumExecutionFrequency values (AWS Config API Reference, ConfigRule) in seconds. */
const FREQUENCY_SECONDS = {
    One_Hour: 3600,
    Three_Hours: 3 * 3600,
    Six_Hours: 6 * 3600,
    Twelve_Hours: 12 * 3600,
    TwentyFour_Hours: 24 * 3600
};
/** A periodic rule without MaximumExecutionFrequency runs every 24 hours (ConfigRule.MaximumExecutionFrequency). */
const DEFAULT_FREQUENCY = 'TwentyFour_Hours';
/** Results newer than this are fresh whatever the rule's trigger (the shortest period plus the grace). */
const ALWAYS_FRESH_SECONDS = FREQUENCY_SECONDS['One_Hour'] + FRESHNESS_GRACE_SECONDS;
function periodic(frequency) {
    const name = frequency !== undefined && frequency in FREQUENCY_SECONDS ? frequency : DEFAULT_FREQUENCY;
    return { kind: 'periodic', frequency: name, seconds: FREQUENCY_SECONDS[name] };
}
/**
 * Pure: the trigger of a rule as DescribeConfigRules returns it, failing closed (a rule that may be periodic is
 * treated as periodic, so its age is checked):
 * - a custom rule (SourceDetails) is periodic when any trigger is a ScheduledNotification (the shortest frequency of
 *   those, else the rule's, else 24 hours), otherwise change-triggered;
 * - a managed rule with MaximumExecutionFrequency is periodic (Config refuses a frequency on a rule that is only
 *   change-triggered); one with a Scope and no frequency is change-triggered; one with neither could be a periodic
 *   rule at its default frequency and is treated as one (24 hours).
 * A rule triggered both ways is periodic here: its periodic runs are due whatever changes.
 */
function triggerOf(rule) {
    const details = rule.Source?.SourceDetails ?? [];
    if (details.length > 0) {
        const scheduled = details.filter(d => d.MessageType === 'ScheduledNotification');
        if (scheduled.length === 0)
            return { kind: 'change' };
        const periods = scheduled.map(d => periodic(d.MaximumExecutionFrequency ?? rule.MaximumExecutionFrequency));
        return periods.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    }
    if (rule.MaximumExecutionFrequency !== undefined)
        return periodic(rule.MaximumExecutionFrequency);
    const scoped = (rule.Scope?.ComplianceResourceTypes?.length ?? 0) > 0 ||
        rule.Scope?.TagKey !== undefined ||
        rule.Scope?.ComplianceResourceId !== undefined;
    return scoped ? { kind: 'change' } : periodic(undefined);
}
function lastFailureNotOlder(status) {
    const ok = status.LastSuccessfulEvaluationTime;
    const failed = status.LastFailedEvaluationTime;
    return ok !== undefined && failed !== undefined && failed.getTime() >= ok.getTime();
}
function hours(seconds) {
    const h = seconds / 3600;
    return `${Number.isInteger(h) ? h : h.toFixed(1)} h`;
}
/**
 * Pure: whether the rule's trigger must be known to judge its freshness: no max-result-age override, a successful
 * evaluation older than ALWAYS_FRESH_SECONDS, and no failed evaluation that already makes it stale.
 */
function needsTrigger(status, now, maxResultAgeSeconds) {
    const last = status?.LastSuccessfulEvaluationTime;
    if (maxResultAgeSeconds !== undefined || !status || !last || lastFailureNotOlder(status))
        return false;
    return now.getTime() - last.getTime() > ALWAYS_FRESH_SECONDS * 1000;
}
/**
 * Pure: why the rule's result is stale, or undefined when it is fresh (or was never evaluated successfully, which is
 * insufficient data, not staleness). `trigger` is needed only when needsTrigger() says so; absent then, the trigger
 * is unknown and the result counts as stale (not known to be fresh).
 */
function staleReason(status, now, maxResultAgeSeconds, trigger) {
    const last = status?.LastSuccessfulEvaluationTime;
    if (!status || !last)
        return undefined;
    if (lastFailureNotOlder(status)) {
        const why = [status.LastErrorCode, status.LastErrorMessage].filter(Boolean).join(': ') || 'no error message';
        return `its last evaluation failed at ${status.LastFailedEvaluationTime.toISOString()} (${why}); the results are from ${last.toISOString()}`;
    }
    const ageSeconds = (now.getTime() - last.getTime()) / 1000;
    if (maxResultAgeSeconds !== undefined) {
        return ageSeconds > maxResultAgeSeconds
            ? `last evaluated ${last.toISOString()}, more than max-result-age (${maxResultAgeSeconds} s) ago`
            : undefined;
    }
    if (ageSeconds <= ALWAYS_FRESH_SECONDS)
        return undefined;
    const t = trigger ?? { kind: 'unknown', why: 'the rule description was not read' };
    if (t.kind === 'change')
        return undefined;
    if (t.kind === 'unknown') {
        return `last evaluated ${last.toISOString()} and its trigger type is unknown (${t.why}): not known to be fresh`;
    }
    const limit = t.seconds + FRESHNESS_GRACE_SECONDS;
    return ageSeconds > limit
        ? `periodic rule (${t.frequency}) last evaluated ${last.toISOString()}, more than ${hours(t.seconds)} + ${hours(FRESHNESS_GRACE_SECONDS)} grace ago`
        : undefined;
}

// EXTERNAL MODULE: ./src/compliance/recorder.ts
var recorder = __webpack_require__(9409);
;// CONCATENATED MODULE: ./src/compliance/check.ts
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






/** AWS accepts at most 25 rule names per call. */
const NAMES_PER_CALL = 25;
/** GetComplianceDetailsByConfigRule's largest page. */
const DETAILS_PAGE_SIZE = 100;
/** DescribeConfigRuleEvaluationStatus's largest page when no names are given. */
const STATUS_PAGE_SIZE = 50;
function ruleError(err) {
    return {
        operation: err.operation,
        code: err.code,
        // AWS's message alone: reports put the operation, code and request id around it (they were said twice).
        message: err.detail,
        ...(err.requestId ? { requestId: err.requestId } : {})
    };
}
async function checkCompliance(deps, options, account) {
    const { logger } = deps;
    // Many in flight: the client's rate gates (aws/rate.ts) lower it when AWS throttles.
    const concurrency = options.concurrency ?? 16;
    const states = new Map();
    const state = (name) => {
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
        }
        else {
            for (const name of options.rules)
                state(name);
            await readNamedCompliance(deps, [...options.rules], concurrency, state);
        }
        logger.info(`${states.size} rule${states.size === 1 ? '' : 's'} to check.`);
    });
    const names = [...states.keys()].filter(n => !states.get(n)?.error);
    if (options.evaluate && names.length > 0) {
        await logger.group('Evaluate rules', () => evaluate(deps, options, names, concurrency, state));
        // Compliance may have changed: read it again for the evaluated rules.
        await readNamedCompliance(deps, names, concurrency, state);
    }
    else {
        await logger.group('Read evaluation status', () => options.rules === 'all'
            ? readAllStatuses(deps, state)
            : readNamedStatuses(deps, names, concurrency, state).then(() => undefined));
    }
    const noncompliant = [...states.values()].filter(s => !s.error && s.compliance?.Compliance?.ComplianceType === 'NON_COMPLIANT');
    await logger.group('Read non-compliant resources', async () => {
        let done = 0;
        await (0,util_concurrency/* mapLimit */.s)(noncompliant, concurrency, async (s) => {
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
    await logger.group('Read configuration recorder', () => applyRecorderAndTriggers(deps, states, account.region, now, options.maxResultAgeSeconds));
    const rules = [...states.values()].map(s => ({
        ...classify(s, now, options.maxResultAgeSeconds),
        accountId: account.accountId,
        region: account.region
    }));
    for (const r of rules)
        if (r.staleReason)
            logger.warn(`${r.ruleName} is stale: ${r.staleReason}.`);
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
async function applyRecorderAndTriggers(deps, states, region, now, maxResultAgeSeconds) {
    const view = await (0,recorder/* readRecorder */.Hy)(deps.config, region);
    const names = [...states.values()].filter(s => !s.error).map(s => s.name);
    // One read of the rule descriptions serves both the recorder check and freshness.
    const forFreshness = names.filter(n => needsTrigger(states.get(n)?.status, now, maxResultAgeSeconds));
    const wanted = (0,recorder/* recorderNeedsRules */.N3)(view) ? names : forFreshness;
    const described = wanted.length > 0 ? await (0,recorder/* describeRules */.NH)(deps.config, wanted) : { rules: new Map() };
    for (const name of forFreshness) {
        const rule = described.rules.get(name);
        const why = described.error
            ? `${described.error.code}: ${described.error.message}`
            : 'DescribeConfigRules did not return it';
        states.get(name).trigger = rule ? triggerOf(rule) : { kind: 'unknown', why };
    }
    const unknown = (0,recorder/* rulesUnknownToRecorder */.h6)(view, names, described);
    for (const [name, error] of unknown) {
        const s = states.get(name);
        if (s)
            s.error = error;
    }
    if (view.kind === 'on' && unknown.size === 0) {
        deps.logger.info(`Configuration recorder '${view.name}' is recording.`);
        return;
    }
    const why = view.kind === 'on' ? `configuration recorder '${view.name}' does not record every type` : view.error.message;
    deps.logger.warn(`AWS Config in ${region}: ${why}. ${unknown.size} change-triggered rule${unknown.size === 1 ? ' is' : 's are'} unknown (error)${unknown.size > 0 ? `: ${[...unknown.keys()].join(', ')}` : ''}; periodic rules are still judged.`);
}
async function readAllCompliance(deps, state) {
    let pages = 0;
    for await (const page of (0,dist_cjs.paginateDescribeComplianceByConfigRule)({ client: deps.config }, {})) {
        pages += 1;
        for (const c of page.ComplianceByConfigRules ?? []) {
            if (c.ConfigRuleName)
                state(c.ConfigRuleName).compliance = c;
        }
        deps.logger.info(`Read compliance page ${pages} (${page.ComplianceByConfigRules?.length ?? 0} rules).`);
    }
}
async function readNamedCompliance(deps, names, concurrency, state) {
    const chunks = (0,util_concurrency/* chunk */.i)(names, NAMES_PER_CALL);
    let done = 0;
    await (0,util_concurrency/* mapLimit */.s)(chunks, concurrency, async (names25) => {
        try {
            for await (const page of (0,dist_cjs.paginateDescribeComplianceByConfigRule)({ client: deps.config }, { ConfigRuleNames: names25 })) {
                for (const c of page.ComplianceByConfigRules ?? []) {
                    if (c.ConfigRuleName)
                        state(c.ConfigRuleName).compliance = c;
                }
            }
        }
        catch (err) {
            if ((0,clients/* awsErrorCode */.J6)(err) === 'NoSuchConfigRuleException' && names25.length > 1) {
                // One unknown name fails the whole call: ask one by one to find which.
                await (0,util_concurrency/* mapLimit */.s)(names25, concurrency, name => readNamedCompliance(deps, [name], 1, state));
            }
            else {
                const e = (0,clients/* awsCallErrorOf */.vt)(err);
                for (const name of names25)
                    state(name).error = ruleError(e);
            }
        }
        done += names25.length;
        deps.logger.info(`Read compliance of ${done}/${names.length} rules.`);
    });
}
async function readAllStatuses(deps, state) {
    for await (const page of (0,dist_cjs.paginateDescribeConfigRuleEvaluationStatus)({ client: deps.config, pageSize: STATUS_PAGE_SIZE }, {})) {
        for (const st of page.ConfigRulesEvaluationStatus ?? []) {
            if (st.ConfigRuleName)
                state(st.ConfigRuleName).status = st;
        }
    }
}
async function readNamedStatuses(deps, names, concurrency, state) {
    const out = [];
    await (0,util_concurrency/* mapLimit */.s)((0,util_concurrency/* chunk */.i)(names, NAMES_PER_CALL), concurrency, async (names25) => {
        try {
            const page = await deps.config.send(new dist_cjs.DescribeConfigRuleEvaluationStatusCommand({ ConfigRuleNames: names25 }));
            for (const st of page.ConfigRulesEvaluationStatus ?? []) {
                if (st.ConfigRuleName) {
                    state(st.ConfigRuleName).status = st;
                    out.push(st);
                }
            }
        }
        catch (err) {
            const e = (0,clients/* awsCallErrorOf */.vt)(err);
            for (const name of names25)
                state(name).error = ruleError(e);
        }
    });
    return out;
}
/**
 * Starts an evaluation of the rules and waits until each has a successful evaluation that began after the start
 * (or failed, or the timeout passed). A rule started less than a minute ago (LimitExceededException) is not
 * started again: its running evaluation is awaited instead.
 */
async function evaluate(deps, options, names, concurrency, state) {
    const { clock, logger } = deps;
    const startedAt = clock.now();
    const acceptAfter = new Map();
    const start = async (batch) => {
        try {
            await deps.config.send(new dist_cjs.StartConfigRulesEvaluationCommand({ ConfigRuleNames: batch }));
            for (const n of batch)
                acceptAfter.set(n, startedAt.getTime());
        }
        catch (err) {
            const code = (0,clients/* awsErrorCode */.J6)(err);
            if (code === 'LimitExceededException' && batch.length > 1) {
                await (0,util_concurrency/* mapLimit */.s)(batch, concurrency, n => start([n]));
            }
            else if (code === 'LimitExceededException') {
                logger.info(`${batch[0]}: an evaluation started less than a minute ago; waiting for it instead.`);
                acceptAfter.set(batch[0], startedAt.getTime() - 60_000);
            }
            else if (code === 'NoSuchConfigRuleException' && batch.length > 1) {
                await (0,util_concurrency/* mapLimit */.s)(batch, concurrency, n => start([n]));
            }
            else {
                const e = (0,clients/* awsCallErrorOf */.vt)(err);
                for (const n of batch)
                    state(n).error = ruleError(e);
            }
        }
    };
    await (0,util_concurrency/* mapLimit */.s)((0,util_concurrency/* chunk */.i)(names, NAMES_PER_CALL), concurrency, start);
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
            if (state(name).error)
                return false;
            if ((st?.LastSuccessfulEvaluationTime?.getTime() ?? 0) >= after)
                return false;
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
        if (pending.length === 0)
            break;
        if (clock.now().getTime() + interval > deadline) {
            logger.warn(`Evaluation of ${pending.length} rule(s) did not finish within ${options.evaluationTimeoutSeconds}s: ${pending.join(', ')}. Their previous results are used.`);
            break;
        }
        await clock.sleep(interval);
        interval = Math.min(interval * 2, 10_000);
    }
}
async function readFindings(deps, s, where) {
    try {
        for await (const page of (0,dist_cjs.paginateGetComplianceDetailsByConfigRule)({ client: deps.config, pageSize: DETAILS_PAGE_SIZE }, { ConfigRuleName: s.name, ComplianceTypes: ['NON_COMPLIANT'] })) {
            for (const r of page.EvaluationResults ?? []) {
                const q = r.EvaluationResultIdentifier?.EvaluationResultQualifier;
                const resourceType = q?.ResourceType ?? 'unknown';
                const resourceId = q?.ResourceId ?? 'unknown';
                const finding = {
                    accountId: where.accountId,
                    region: where.region,
                    ruleName: s.name,
                    resourceType,
                    resourceId,
                    fingerprint: (0,fingerprint/* fingerprint */.R)(where.accountId, where.region, s.name, resourceType, resourceId)
                };
                if (r.Annotation)
                    finding.annotation = r.Annotation;
                if (r.ResultRecordedTime)
                    finding.recordedTime = r.ResultRecordedTime.toISOString();
                s.findings.push(finding);
            }
        }
    }
    catch (err) {
        s.error = ruleError((0,clients/* awsCallErrorOf */.vt)(err));
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
function classify(s, now, maxResultAgeSeconds) {
    const complianceType = s.compliance?.Compliance?.ComplianceType;
    const last = s.status?.LastSuccessfulEvaluationTime;
    const neverEvaluated = !last || s.status?.FirstEvaluationStarted === false;
    const stale = staleReason(s.status, now, maxResultAgeSeconds, s.trigger);
    let status;
    if (s.error)
        status = 'error';
    else if (neverEvaluated || !complianceType || complianceType === 'INSUFFICIENT_DATA')
        status = 'insufficient-data';
    else if (complianceType === 'NOT_APPLICABLE')
        status = 'not-applicable';
    else if (stale !== undefined)
        status = 'stale';
    else if (complianceType === 'NON_COMPLIANT')
        status = 'noncompliant';
    else
        status = 'compliant';
    const result = { ruleName: s.name, status, findings: s.findings };
    if (complianceType)
        result.complianceType = complianceType;
    if (last)
        result.lastEvaluated = last.toISOString();
    if (status === 'stale' && stale !== undefined)
        result.staleReason = stale;
    if (s.error)
        result.error = s.error;
    return result;
}


/***/ }),

/***/ 7023:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ fingerprint),
/* harmony export */   m: () => (/* binding */ fingerprintV1)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Stable id of a finding: the same account, region, rule, resource type and id always give the same fingerprint, and
 * the same resource id in another account or region gives another one (report schemaVersion 2). The parts are joined
 * with NUL, which none of them can hold, so no two different tuples share an input.
 */
function fingerprint(accountId, region, ruleName, resourceType, resourceId) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update([accountId, region, ruleName, resourceType, resourceId].join('\u0000'))
        .digest('hex')
        .slice(0, 32);
}
/**
 * The schemaVersion 1 fingerprint (rule, resource type and id only), kept to compare baselines written before account
 * and region were part of it (src/baseline/compare.ts).
 */
function fingerprintV1(ruleName, resourceType, resourceId) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(`${ruleName}\u0000${resourceType}\u0000${resourceId}`).digest('hex').slice(0, 32);
}


/***/ }),

/***/ 9409:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cj: () => (/* binding */ isPeriodicOnly),
/* harmony export */   Hy: () => (/* binding */ readRecorder),
/* harmony export */   N3: () => (/* binding */ recorderNeedsRules),
/* harmony export */   NH: () => (/* binding */ describeRules),
/* harmony export */   h6: () => (/* binding */ rulesUnknownToRecorder)
/* harmony export */ });
/* unused harmony exports recorderView, recordsEverything, records, uncoveredReason */
/* harmony import */ var _aws_sdk_client_config_service__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7101);
/* harmony import */ var _aws_clients_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3008);
/* harmony import */ var _util_concurrency_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3731);
/**
 * A configuration recorder that is off is not a pass. Change-triggered rules judge the configuration items the
 * recorder writes; when it is stopped, failing (`lastStatus: Failure`), absent, or leaves out a resource type a rule
 * checks, their results are not fresh and such a rule is unknown (status `error`, which fails the gate under every
 * fail-on). Periodic rules run on their schedule whatever the recorder does and are still judged (AWS Config
 * Developer Guide, "Trigger types for AWS Config rules" and "List of AWS Config Managed Rules by Trigger Type";
 * AWS Config API Reference, ConfigurationRecorder, ConfigurationRecorderStatus, RecordingGroup).
 *
 * Calls per account and region: DescribeConfigurationRecorders and DescribeConfigurationRecorderStatus; only when the
 * recorder does not record every type, the rules' descriptions (describeRules: DescribeConfigRules, 25 names a call) to
 * learn their triggers. check.ts reads those descriptions once, for this and for freshness (freshness.ts) together.
 */



const NAMES_PER_CALL = 25;
/** Global resource types: recorded only with includeGlobalResourceTypes (RecordingGroup). */
const GLOBAL_TYPES = new Set(['AWS::IAM::User', 'AWS::IAM::Group', 'AWS::IAM::Role', 'AWS::IAM::Policy']);
/** Pure: the recorder view from what the two Describe calls returned. */
function recorderView(recorders, statuses, region) {
    // Service-linked recorders (servicePrincipal set) record for another service, not for the account's rules.
    const recorder = recorders.find(r => !r.servicePrincipal);
    if (!recorder) {
        return off('NoConfigurationRecorder', `no configuration recorder in region ${region}: change-triggered results are not fresh`);
    }
    const name = recorder.name ?? '(unnamed)';
    const status = statuses.find(s => s.name === recorder.name);
    if (!status) {
        return off('RecorderStatusMissing', `configuration recorder '${name}' reports no status: change-triggered results are not fresh`);
    }
    if (status.recording !== true) {
        return off('RecorderStopped', `configuration recorder '${name}' is stopped: change-triggered results are not fresh`);
    }
    if (status.lastStatus === 'Failure') {
        const cause = [status.lastErrorCode, status.lastErrorMessage].filter(Boolean).join(': ') || 'no error message';
        return off('RecorderFailing', `configuration recorder '${name}' is failing (lastStatus Failure, ${cause}): change-triggered results are not fresh`);
    }
    return { kind: 'on', name, recorder };
}
function off(code, message) {
    return { kind: 'off', error: { operation: 'config:DescribeConfigurationRecorderStatus', code, message } };
}
/** Pure: whether the recording group records every resource type (then no rule's trigger matters). */
function recordsEverything(recorder) {
    const g = recorder.recordingGroup;
    const strategy = g?.recordingStrategy?.useOnly;
    if (strategy === 'EXCLUSION_BY_RESOURCE_TYPES')
        return (g?.exclusionByResourceTypes?.resourceTypes ?? []).length === 0;
    if (strategy === 'INCLUSION_BY_RESOURCE_TYPES')
        return false;
    return g?.allSupported === true && g.includeGlobalResourceTypes === true;
}
/** Pure: whether the recording group records a resource type. */
function records(recorder, resourceType) {
    const g = recorder.recordingGroup;
    const strategy = g?.recordingStrategy?.useOnly;
    if (strategy === 'EXCLUSION_BY_RESOURCE_TYPES') {
        return !(g?.exclusionByResourceTypes?.resourceTypes ?? []).includes(resourceType);
    }
    if (strategy === 'INCLUSION_BY_RESOURCE_TYPES' || g?.allSupported !== true) {
        return (g?.resourceTypes ?? []).includes(resourceType);
    }
    return !GLOBAL_TYPES.has(resourceType) || g.includeGlobalResourceTypes === true;
}
/**
 * Pure: whether a rule is periodic only (then the recorder does not matter to it). Decided from what
 * DescribeConfigRules returns, failing closed:
 * - a custom rule (SourceDetails) is periodic only when every trigger is a ScheduledNotification;
 * - a managed rule is periodic only with MaximumExecutionFrequency and no Scope (a Scope names the resources whose
 *   changes trigger it);
 * - a rule triggered both ways, or one whose trigger cannot be told, counts as change-triggered: its results for
 *   resources are written on their changes, and a periodic run cannot be told apart in the results we read, so with
 *   the recorder off they are not known to be fresh. Unknown, never a pass.
 */
function isPeriodicOnly(rule) {
    const details = rule.Source?.SourceDetails ?? [];
    if (rule.Source?.Owner === 'CUSTOM_POLICY')
        return false;
    if (details.length > 0) {
        return details.every(d => d.MessageType === 'ScheduledNotification') && !rule.Scope;
    }
    const scoped = (rule.Scope?.ComplianceResourceTypes?.length ?? 0) > 0 ||
        rule.Scope?.TagKey !== undefined ||
        rule.Scope?.ComplianceResourceId !== undefined;
    return rule.MaximumExecutionFrequency !== undefined && !scoped;
}
/** Pure: why a change-triggered rule is unknown under a running recorder that does not record every type. */
function uncoveredReason(rule, recorderName, recorder) {
    if (isPeriodicOnly(rule))
        return undefined;
    const types = rule.Scope?.ComplianceResourceTypes ?? [];
    if (types.length === 0) {
        return `configuration recorder '${recorderName}' does not record every resource type and change-triggered rule ${rule.ConfigRuleName} names none in its scope: its results are not known to be fresh`;
    }
    const missing = types.filter(t => !records(recorder, t));
    if (missing.length === 0)
        return undefined;
    return `configuration recorder '${recorderName}' does not record ${missing.join(', ')}, which change-triggered rule ${rule.ConfigRuleName} checks: its results are not fresh`;
}
/** Reads the recorder and its status (2 calls). An unreadable recorder (e.g. AccessDenied) fails closed. */
async function readRecorder(config, region) {
    try {
        const [recorders, statuses] = await Promise.all([
            config.send(new _aws_sdk_client_config_service__WEBPACK_IMPORTED_MODULE_1__.DescribeConfigurationRecordersCommand({})),
            config.send(new _aws_sdk_client_config_service__WEBPACK_IMPORTED_MODULE_1__.DescribeConfigurationRecorderStatusCommand({}))
        ]);
        return recorderView(recorders.ConfigurationRecorders ?? [], statuses.ConfigurationRecordersStatus ?? [], region);
    }
    catch (err) {
        const e = (0,_aws_clients_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCallErrorOf */ .vt)(err);
        return {
            kind: 'unreadable',
            error: {
                operation: e.operation,
                code: e.code,
                message: `the configuration recorder could not be read (${e.message}): change-triggered results are not known to be fresh`,
                ...(e.requestId ? { requestId: e.requestId } : {})
            }
        };
    }
}
/** Whether the recorder view needs the rules' descriptions (a recorder recording every type does not). */
function recorderNeedsRules(view) {
    return !(view.kind === 'on' && recordsEverything(view.recorder));
}
/** DescribeConfigRules for the named rules, 25 names a call. A failed call is returned, not thrown (fail closed). */
async function describeRules(config, names) {
    const rules = new Map();
    let error;
    for (const names25 of (0,_util_concurrency_js__WEBPACK_IMPORTED_MODULE_2__/* .chunk */ .i)([...names], NAMES_PER_CALL)) {
        try {
            for await (const page of (0,_aws_sdk_client_config_service__WEBPACK_IMPORTED_MODULE_1__.paginateDescribeConfigRules)({ client: config }, { ConfigRuleNames: names25 })) {
                for (const r of page.ConfigRules ?? [])
                    if (r.ConfigRuleName)
                        rules.set(r.ConfigRuleName, r);
            }
        }
        catch (err) {
            const e = (0,_aws_clients_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCallErrorOf */ .vt)(err);
            error = { operation: e.operation, code: e.code, message: e.detail };
        }
    }
    return { rules, ...(error ? { error } : {}) };
}
/**
 * Pure: the rules the recorder leaves without fresh results, with the error each gets, from the rules' descriptions
 * (describeRules; needed only when recorderNeedsRules). A rule whose description is missing counts as
 * change-triggered (fail closed).
 */
function rulesUnknownToRecorder(view, names, described) {
    const out = new Map();
    if (names.length === 0 || !recorderNeedsRules(view))
        return out;
    const { rules, error: describeError } = described;
    for (const name of names) {
        const rule = rules.get(name);
        if (rule && isPeriodicOnly(rule))
            continue;
        const untold = rule
            ? ''
            : ` (its trigger type is unknown: ${describeError ? `${describeError.code}: ${describeError.message}` : 'DescribeConfigRules did not return it'})`;
        if (view.kind !== 'on') {
            out.set(name, { ...view.error, message: `${view.error.message}${untold}` });
        }
        else if (!rule) {
            out.set(name, {
                operation: 'config:DescribeConfigRules',
                code: 'ResourceTypeNotRecorded',
                message: `configuration recorder '${view.name}' does not record every resource type and rule ${name}'s scope is unknown${untold}`
            });
        }
        else {
            const reason = uncoveredReason(rule, view.name, view.recorder);
            if (reason)
                out.set(name, {
                    operation: 'config:DescribeConfigurationRecorders',
                    code: 'ResourceTypeNotRecorded',
                    message: reason
                });
        }
    }
    return out;
}


/***/ }),

/***/ 3731:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ chunk),
/* harmony export */   s: () => (/* binding */ mapLimit)
/* harmony export */ });
/** Runs fn over items with at most `limit` in flight; results keep the input order. */
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await fn(items[i], i);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return results;
}
/** Splits items into chunks of at most size. */
function chunk(items, size) {
    const out = [];
    for (let i = 0; i < items.length; i += size)
        out.push(items.slice(i, i + size));
    return out;
}


/***/ })

};

//# sourceMappingURL=133.index.js.map