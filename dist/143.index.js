export const id = 143;
export const ids = [143];
export const modules = {

/***/ 143:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DETAILS_PAGE_SIZE: () => (/* binding */ DETAILS_PAGE_SIZE),
/* harmony export */   NAMES_PER_CALL: () => (/* binding */ NAMES_PER_CALL),
/* harmony export */   STATUS_PAGE_SIZE: () => (/* binding */ STATUS_PAGE_SIZE),
/* harmony export */   checkCompliance: () => (/* binding */ checkCompliance),
/* harmony export */   classify: () => (/* binding */ classify)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_config_service__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7101);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _util_concurrency_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3731);
/* harmony import */ var _fingerprint_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7023);
/**
 * Reads AWS Config compliance with the fewest calls AWS allows:
 * - rule compliance: DescribeComplianceByConfigRule, 25 names a call (or paged over all rules when none are named),
 * - evaluation times: DescribeConfigRuleEvaluationStatus, 25 names a call (or pages of 50 over all rules),
 * - resources: GetComplianceDetailsByConfigRule for NON_COMPLIANT rules only, NON_COMPLIANT only, pages of 100,
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
        message: err.message,
        ...(err.requestId ? { requestId: err.requestId } : {})
    };
}
function errorCode(err) {
    return err?.name ?? '';
}
async function checkCompliance(deps, options, account) {
    const { logger } = deps;
    const concurrency = options.concurrency ?? 4;
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
        await (0,_util_concurrency_js__WEBPACK_IMPORTED_MODULE_2__/* .mapLimit */ .s)(noncompliant, concurrency, async (s) => {
            await readFindings(deps, s);
            done += 1;
            if (done % NAMES_PER_CALL === 0 || done === noncompliant.length) {
                logger.info(`Read resources of ${done}/${noncompliant.length} non-compliant rules.`);
            }
        });
    });
    const now = deps.clock.now();
    const rules = [...states.values()].map(s => classify(s, now, options.maxResultAgeSeconds));
    return { checkedAt: now.toISOString(), accountId: account.accountId, region: account.region, rules };
}
async function readAllCompliance(deps, state) {
    let pages = 0;
    try {
        for await (const page of (0,_aws_sdk_client_config_service__WEBPACK_IMPORTED_MODULE_3__.paginateDescribeComplianceByConfigRule)({ client: deps.config }, {})) {
            pages += 1;
            for (const c of page.ComplianceByConfigRules ?? []) {
                if (c.ConfigRuleName)
                    state(c.ConfigRuleName).compliance = c;
            }
            deps.logger.info(`Read compliance page ${pages} (${page.ComplianceByConfigRules?.length ?? 0} rules).`);
        }
    }
    catch (err) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .toAwsCallError */ .Dz)('config:DescribeComplianceByConfigRule', err);
    }
}
async function readNamedCompliance(deps, names, concurrency, state) {
    const chunks = (0,_util_concurrency_js__WEBPACK_IMPORTED_MODULE_2__/* .chunk */ .i)(names, NAMES_PER_CALL);
    let done = 0;
    await (0,_util_concurrency_js__WEBPACK_IMPORTED_MODULE_2__/* .mapLimit */ .s)(chunks, concurrency, async (names25) => {
        try {
            for await (const page of (0,_aws_sdk_client_config_service__WEBPACK_IMPORTED_MODULE_3__.paginateDescribeComplianceByConfigRule)({ client: deps.config }, { ConfigRuleNames: names25 })) {
                for (const c of page.ComplianceByConfigRules ?? []) {
                    if (c.ConfigRuleName)
                        state(c.ConfigRuleName).compliance = c;
                }
            }
        }
        catch (err) {
            if (errorCode(err) === 'NoSuchConfigRuleException' && names25.length > 1) {
                // One unknown name fails the whole call: ask one by one to find which.
                await (0,_util_concurrency_js__WEBPACK_IMPORTED_MODULE_2__/* .mapLimit */ .s)(names25, concurrency, name => readNamedCompliance(deps, [name], 1, state));
            }
            else {
                const e = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .toAwsCallError */ .Dz)('config:DescribeComplianceByConfigRule', err);
                for (const name of names25)
                    state(name).error = ruleError(e);
            }
        }
        done += names25.length;
        deps.logger.info(`Read compliance of ${done}/${names.length} rules.`);
    });
}
async function readAllStatuses(deps, state) {
    try {
        for await (const page of (0,_aws_sdk_client_config_service__WEBPACK_IMPORTED_MODULE_3__.paginateDescribeConfigRuleEvaluationStatus)({ client: deps.config, pageSize: STATUS_PAGE_SIZE }, {})) {
            for (const st of page.ConfigRulesEvaluationStatus ?? []) {
                if (st.ConfigRuleName)
                    state(st.ConfigRuleName).status = st;
            }
        }
    }
    catch (err) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .toAwsCallError */ .Dz)('config:DescribeConfigRuleEvaluationStatus', err);
    }
}
async function readNamedStatuses(deps, names, concurrency, state) {
    const out = [];
    await (0,_util_concurrency_js__WEBPACK_IMPORTED_MODULE_2__/* .mapLimit */ .s)((0,_util_concurrency_js__WEBPACK_IMPORTED_MODULE_2__/* .chunk */ .i)(names, NAMES_PER_CALL), concurrency, async (names25) => {
        try {
            const page = await deps.config.send(new _aws_sdk_client_config_service__WEBPACK_IMPORTED_MODULE_3__.DescribeConfigRuleEvaluationStatusCommand({ ConfigRuleNames: names25 }));
            for (const st of page.ConfigRulesEvaluationStatus ?? []) {
                if (st.ConfigRuleName) {
                    state(st.ConfigRuleName).status = st;
                    out.push(st);
                }
            }
        }
        catch (err) {
            const e = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .toAwsCallError */ .Dz)('config:DescribeConfigRuleEvaluationStatus', err);
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
            await deps.config.send(new _aws_sdk_client_config_service__WEBPACK_IMPORTED_MODULE_3__.StartConfigRulesEvaluationCommand({ ConfigRuleNames: batch }));
            for (const n of batch)
                acceptAfter.set(n, startedAt.getTime());
        }
        catch (err) {
            const code = errorCode(err);
            if (code === 'LimitExceededException' && batch.length > 1) {
                await (0,_util_concurrency_js__WEBPACK_IMPORTED_MODULE_2__/* .mapLimit */ .s)(batch, concurrency, n => start([n]));
            }
            else if (code === 'LimitExceededException') {
                logger.info(`${batch[0]}: an evaluation started less than a minute ago; waiting for it instead.`);
                acceptAfter.set(batch[0], startedAt.getTime() - 60_000);
            }
            else if (code === 'NoSuchConfigRuleException' && batch.length > 1) {
                await (0,_util_concurrency_js__WEBPACK_IMPORTED_MODULE_2__/* .mapLimit */ .s)(batch, concurrency, n => start([n]));
            }
            else {
                const e = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .toAwsCallError */ .Dz)('config:StartConfigRulesEvaluation', err);
                for (const n of batch)
                    state(n).error = ruleError(e);
            }
        }
    };
    await (0,_util_concurrency_js__WEBPACK_IMPORTED_MODULE_2__/* .mapLimit */ .s)((0,_util_concurrency_js__WEBPACK_IMPORTED_MODULE_2__/* .chunk */ .i)(names, NAMES_PER_CALL), concurrency, start);
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
async function readFindings(deps, s) {
    try {
        for await (const page of (0,_aws_sdk_client_config_service__WEBPACK_IMPORTED_MODULE_3__.paginateGetComplianceDetailsByConfigRule)({ client: deps.config, pageSize: DETAILS_PAGE_SIZE }, { ConfigRuleName: s.name, ComplianceTypes: ['NON_COMPLIANT'] })) {
            for (const r of page.EvaluationResults ?? []) {
                const q = r.EvaluationResultIdentifier?.EvaluationResultQualifier;
                const resourceType = q?.ResourceType ?? 'unknown';
                const resourceId = q?.ResourceId ?? 'unknown';
                const finding = {
                    ruleName: s.name,
                    resourceType,
                    resourceId,
                    fingerprint: (0,_fingerprint_js__WEBPACK_IMPORTED_MODULE_1__/* .fingerprint */ .R)(s.name, resourceType, resourceId)
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
        s.error = ruleError((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .toAwsCallError */ .Dz)('config:GetComplianceDetailsByConfigRule', err));
    }
}
/** Pure: the status of a rule from what AWS returned, the time and the maximum result age. */
function classify(s, now, maxResultAgeSeconds) {
    const complianceType = s.compliance?.Compliance?.ComplianceType;
    const last = s.status?.LastSuccessfulEvaluationTime;
    let status;
    if (s.error)
        status = 'error';
    else if (complianceType === 'NOT_APPLICABLE')
        status = 'not-applicable';
    else if (!complianceType || complianceType === 'INSUFFICIENT_DATA' || !last)
        status = 'insufficient-data';
    else if (now.getTime() - last.getTime() > maxResultAgeSeconds * 1000)
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
    if (s.error)
        result.error = s.error;
    return result;
}


/***/ }),

/***/ 7023:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ fingerprint)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/** Stable id of a finding: the same rule, resource type and id always give the same fingerprint. */
function fingerprint(ruleName, resourceType, resourceId) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(`${ruleName}\u0000${resourceType}\u0000${resourceId}`).digest('hex').slice(0, 32);
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

//# sourceMappingURL=143.index.js.map