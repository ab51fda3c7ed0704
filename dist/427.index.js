export const id = 427;
export const ids = [427];
export const modules = {

/***/ 2427:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   applyPlan: () => (/* binding */ applyPlan),
/* harmony export */   e: () => (/* binding */ toConfigRule),
/* harmony export */   l: () => (/* binding */ toRemediationConfiguration)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_config_service__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7101);
/* harmony import */ var _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4736);
/* harmony import */ var _aws_clients_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3008);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _util_concurrency_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3731);
/* harmony import */ var _desired_model_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8731);
/* harmony import */ var _wait_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5158);
/**
 * Carries out a plan. Creations and updates: runbooks, then rules, then remediation configurations (they refer to
 * both). Deletions: remediation configurations, then rules, then runbooks. Unchanged objects get no call at all.
 * The first failing call stops the apply; what was done until then is returned with the error.
 * AWS finishes some changes later (wait.ts): a runbook is used only once Active, a rule Config is still deleting is
 * retried, and deleted rules are waited for until gone; every wait is bounded and logged.
 */







/** AWS accepts at most 25 remediation configurations per PutRemediationConfigurations call. */
const REMEDIATIONS_PER_CALL = 25;
function toConfigRule(r) {
    const rule = {
        ConfigRuleName: r.name,
        Source: { Owner: r.owner, SourceIdentifier: r.identifier }
    };
    if (Object.keys(r.inputParameters).length > 0)
        rule.InputParameters = JSON.stringify(r.inputParameters);
    if (r.scope) {
        rule.Scope = {};
        if (r.scope.complianceResourceTypes)
            rule.Scope.ComplianceResourceTypes = r.scope.complianceResourceTypes;
        if (r.scope.tagKey)
            rule.Scope.TagKey = r.scope.tagKey;
        if (r.scope.tagValue)
            rule.Scope.TagValue = r.scope.tagValue;
        if (r.scope.complianceResourceId)
            rule.Scope.ComplianceResourceId = r.scope.complianceResourceId;
    }
    if (r.maximumExecutionFrequency) {
        rule.MaximumExecutionFrequency = r.maximumExecutionFrequency;
    }
    if (r.description)
        rule.Description = r.description;
    if (r.evaluationModes)
        rule.EvaluationModes = r.evaluationModes.map(m => ({ Mode: m }));
    return rule;
}
function toRemediationConfiguration(r) {
    const c = {
        ConfigRuleName: r.ruleName,
        TargetType: 'SSM_DOCUMENT',
        TargetId: r.targetId,
        Parameters: r.parameters,
        Automatic: r.automatic
    };
    if (r.maximumAutomaticAttempts !== undefined)
        c.MaximumAutomaticAttempts = r.maximumAutomaticAttempts;
    if (r.retryAttemptSeconds !== undefined)
        c.RetryAttemptSeconds = r.retryAttemptSeconds;
    if (r.concurrencyPercent !== undefined || r.errorPercent !== undefined) {
        const ssm = {};
        if (r.concurrencyPercent !== undefined)
            ssm.ConcurrentExecutionRatePercentage = r.concurrencyPercent;
        if (r.errorPercent !== undefined)
            ssm.ErrorPercentage = r.errorPercent;
        c.ExecutionControls = { SsmControls: ssm };
    }
    if (r.targetVersion)
        c.TargetVersion = r.targetVersion;
    if (r.resourceType)
        c.ResourceType = r.resourceType;
    return c;
}
/** The version of a document whose content has this hash (newest first). */
async function versionWithHash(ssm, name, hash) {
    const versions = [];
    for await (const page of (0,_aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_4__.paginateListDocumentVersions)({ client: ssm }, { Name: name })) {
        for (const v of page.DocumentVersions ?? [])
            if (v.DocumentVersion)
                versions.push(v.DocumentVersion);
    }
    versions.sort((a, b) => Number(b) - Number(a));
    for (const version of versions) {
        const out = await ssm.send(new _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_4__.DescribeDocumentCommand({ Name: name, DocumentVersion: version }));
        if (out.Document?.Hash === hash)
            return version;
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AwsCallError */ .iQ('ssm:UpdateDocument', 'DuplicateDocumentContent', undefined, `${name}: SSM says a version already has this content, but none of its ${versions.length} versions has hash ${hash}`);
}
/**
 * Waits until a document version is Active (SSM API Reference, DocumentDescription.Status: Creating | Updating until
 * processed, Failed with StatusInformation: https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_DocumentDescription.html).
 * Failed is an error naming the runbook and AWS's StatusInformation.
 */
async function waitActive(ssm, name, version, deps) {
    await (0,_wait_js__WEBPACK_IMPORTED_MODULE_3__/* .pollUntil */ .g)('ssm:DescribeDocument', `runbook ${name}`, async () => {
        const out = await ssm.send(new _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_4__.DescribeDocumentCommand({ Name: name, ...(version !== undefined ? { DocumentVersion: version } : {}) }));
        const status = out.Document?.Status;
        if (status === 'Active')
            return { done: true, value: undefined };
        if (status === 'Failed') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AwsCallError */ .iQ('ssm:DescribeDocument', 'DocumentFailed', out.$metadata.requestId, `runbook ${name} version ${out.Document?.DocumentVersion ?? version ?? '?'} is Failed: ${out.Document?.StatusInformation ?? 'AWS gave no StatusInformation'}`);
        }
        return { done: false, waiting: `runbook ${name} is ${status ?? 'in no status'}, waiting until it is Active` };
    }, deps);
}
async function putDocument(ssm, d, create, deps) {
    if (create) {
        const out = await ssm.send(new _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_4__.CreateDocumentCommand({
            Name: d.name,
            Content: d.content,
            DocumentType: 'Automation',
            DocumentFormat: d.format,
            Tags: [{ ..._desired_model_js__WEBPACK_IMPORTED_MODULE_2__/* .MANAGED_TAG */ .N }]
        }));
        await waitActive(ssm, d.name, out.DocumentDescription?.DocumentVersion, deps);
        return;
    }
    let version;
    try {
        const out = await ssm.send(new _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_4__.UpdateDocumentCommand({
            Name: d.name,
            Content: d.content,
            DocumentVersion: '$LATEST',
            DocumentFormat: d.format
        }));
        version = out.DocumentDescription?.DocumentVersion;
    }
    catch (err) {
        // A version with this content exists already (e.g. the manifest reverted a change): make it the default.
        if ((0,_aws_clients_js__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorCode */ .J6)(err) !== 'DuplicateDocumentContent')
            throw err;
        version = await versionWithHash(ssm, d.name, d.hash);
        deps.logger.info(`${d.name}: version ${version} already has this content; making it the default.`);
    }
    // The new version becomes the default only once it is Active.
    await waitActive(ssm, d.name, version, deps);
    await ssm.send(new _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_4__.UpdateDocumentDefaultVersionCommand({ Name: d.name, DocumentVersion: version }));
}
/**
 * Config answers ResourceInUseException while it is deleting the rule (AWS Config API Reference, PutConfigRule
 * Errors: https://docs.aws.amazon.com/config/latest/APIReference/API_PutConfigRule.html); retried, bounded.
 */
const RULE_DELETING = /Config is deleting this rule/;
async function retryWhileDeleting(operation, rule, call, deps) {
    return (0,_wait_js__WEBPACK_IMPORTED_MODULE_3__/* .pollUntil */ .g)(operation, `rule ${rule}`, async () => {
        try {
            return { done: true, value: await call() };
        }
        catch (err) {
            if ((0,_aws_clients_js__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorCode */ .J6)(err) !== 'ResourceInUseException' || !RULE_DELETING.test(err.message))
                throw err;
            return { done: false, waiting: `rule ${rule} is being deleted by AWS Config` };
        }
    }, deps);
}
/** Waits until a deleted rule is gone: DescribeConfigRules answers NoSuchConfigRuleException for it. */
async function waitRuleGone(config, rule, deps) {
    await (0,_wait_js__WEBPACK_IMPORTED_MODULE_3__/* .pollUntil */ .g)('config:DescribeConfigRules', `rule ${rule}`, async () => {
        try {
            const out = await config.send(new _aws_sdk_client_config_service__WEBPACK_IMPORTED_MODULE_5__.DescribeConfigRulesCommand({ ConfigRuleNames: [rule] }));
            if ((out.ConfigRules ?? []).length === 0)
                return { done: true, value: undefined };
            const state = out.ConfigRules?.[0]?.ConfigRuleState ?? 'in no state';
            return { done: false, waiting: `rule ${rule} is ${state}, waiting until AWS Config has deleted it` };
        }
        catch (err) {
            if ((0,_aws_clients_js__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorCode */ .J6)(err) === 'NoSuchConfigRuleException')
                return { done: true, value: undefined };
            throw err;
        }
    }, deps);
}
async function applyPlan(clients, plan, desired, deps) {
    const { config, ssm } = clients;
    const { logger } = deps;
    const done = [];
    const docs = new Map(desired.documents.map(d => [d.name, d]));
    const rules = new Map(desired.rules.map(r => [r.name, r]));
    const remediations = new Map(desired.remediations.map(r => [r.ruleName, r]));
    const pending = (object, actions) => plan.items.filter(i => i.object === object && actions.includes(i.action));
    try {
        for (const item of pending('runbook', ['create', 'update'])) {
            await putDocument(ssm, docs.get(item.name), item.action === 'create', deps);
            logger.info(`${item.action === 'create' ? 'Created' : 'Updated'} runbook ${item.name}.`);
            done.push(item);
        }
        for (const item of pending('rule', ['create', 'update'])) {
            const put = new _aws_sdk_client_config_service__WEBPACK_IMPORTED_MODULE_5__.PutConfigRuleCommand({
                ConfigRule: toConfigRule(rules.get(item.name)),
                Tags: [{ ..._desired_model_js__WEBPACK_IMPORTED_MODULE_2__/* .MANAGED_TAG */ .N }]
            });
            await retryWhileDeleting('config:PutConfigRule', item.name, () => config.send(put), deps);
            logger.info(`${item.action === 'create' ? 'Created' : 'Updated'} rule ${item.name}.`);
            done.push(item);
        }
        for (const batch of (0,_util_concurrency_js__WEBPACK_IMPORTED_MODULE_6__/* .chunk */ .i)(pending('remediation', ['create', 'update']), REMEDIATIONS_PER_CALL)) {
            const out = await config.send(new _aws_sdk_client_config_service__WEBPACK_IMPORTED_MODULE_5__.PutRemediationConfigurationsCommand({
                RemediationConfigurations: batch.map(i => toRemediationConfiguration(remediations.get(i.name)))
            }));
            const failed = out.FailedBatches ?? [];
            if (failed.length > 0) {
                const names = failed.flatMap(f => (f.FailedItems ?? []).map(c => c.ConfigRuleName ?? '?'));
                const ok = batch.filter(i => !names.includes(i.name));
                done.push(...ok);
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AwsCallError */ .iQ('config:PutRemediationConfigurations', 'FailedBatches', out.$metadata.requestId, `${names.length} remediation configuration(s) were not saved (${names.join(', ')}): ${failed.map(f => f.FailureMessage ?? 'no message').join('; ')}`);
            }
            for (const i of batch)
                logger.info(`${i.action === 'create' ? 'Created' : 'Updated'} remediation for ${i.name}.`);
            done.push(...batch);
        }
        for (const item of pending('remediation', ['delete'])) {
            await config.send(new _aws_sdk_client_config_service__WEBPACK_IMPORTED_MODULE_5__.DeleteRemediationConfigurationCommand({ ConfigRuleName: item.name }));
            logger.info(`Deleted remediation for ${item.name}.`);
            done.push(item);
        }
        const deletedRules = pending('rule', ['delete']);
        for (const item of deletedRules) {
            await config.send(new _aws_sdk_client_config_service__WEBPACK_IMPORTED_MODULE_5__.DeleteConfigRuleCommand({ ConfigRuleName: item.name }));
            logger.info(`Deleted rule ${item.name}.`);
            done.push(item);
        }
        // AWS Config keeps a deleted rule DELETING for a while (ConfigRule.ConfigRuleState); deploy ends when it is gone.
        for (const item of deletedRules)
            await waitRuleGone(config, item.name, deps);
        for (const item of pending('runbook', ['delete'])) {
            await ssm.send(new _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_4__.DeleteDocumentCommand({ Name: item.name }));
            logger.info(`Deleted runbook ${item.name}.`);
            done.push(item);
        }
    }
    catch (err) {
        if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AwsCallError */ .iQ)
            return { done, error: err };
        throw err;
    }
    return { done };
}


/***/ }),

/***/ 5158:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ pollUntil)
/* harmony export */ });
/* unused harmony export DEPLOY_WAIT_MS */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/**
 * Bounded waits of deploy, on the injected Clock: AWS finishes some changes asynchronously. A new or updated SSM
 * document is Creating/Updating until processed (SSM API Reference, DocumentDescription.Status:
 * https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_DocumentDescription.html); a deleted Config rule
 * is DELETING for a while, and Config answers PutConfigRule/DeleteConfigRule with ResourceInUseException meanwhile
 * (AWS Config API Reference, ConfigRule.ConfigRuleState and PutConfigRule Errors:
 * https://docs.aws.amazon.com/config/latest/APIReference/API_ConfigRule.html).
 */

/** How long deploy waits for one asynchronous change before it gives up (fails closed). */
const DEPLOY_WAIT_MS = 120_000;
const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 10_000;
/** A clock that does not advance must not make a wait endless. */
const MAX_POLLS = 200;
const seconds = (ms) => `${Math.round(ms / 100) / 10}s`;
/**
 * Calls poll until it is done, sleeping 1 s, 2 s, 4 s ... (at most 10 s) on the clock between calls, and logging
 * "<waiting>; retrying in Ns" before each sleep. Past the bound (or when cancelled) throws an AwsCallError of
 * `operation` with code WaitTimeout, naming `what`: an unfinished change is never taken as done.
 */
async function pollUntil(operation, what, poll, deps) {
    const timeoutMs = deps.timeoutMs ?? DEPLOY_WAIT_MS;
    const started = deps.clock.now().getTime();
    let delay = FIRST_DELAY_MS;
    for (let polls = 1;; polls++) {
        const r = await poll();
        if (r.done)
            return r.value;
        const elapsed = deps.clock.now().getTime() - started;
        if (elapsed + delay > timeoutMs || polls >= MAX_POLLS || deps.signal?.aborted) {
            const why = deps.signal?.aborted ? 'the run was cancelled' : `gave up after ${seconds(elapsed)}`;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ(operation, 'WaitTimeout', undefined, `${what}: ${r.waiting}; ${why} (deploy waits at most ${seconds(timeoutMs)}).`);
        }
        deps.logger.info(`${r.waiting}; retrying in ${seconds(delay)}.`);
        await deps.clock.sleep(delay, deps.signal);
        delay = Math.min(delay * 2, MAX_DELAY_MS);
    }
}


/***/ }),

/***/ 8731:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ MANAGED_TAG)
/* harmony export */ });
/** Every object the action creates carries this tag, so prune and destroy only ever touch its own objects. */
const MANAGED_TAG = { Key: 'managed-by', Value: 'compliance-gate' };


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

//# sourceMappingURL=427.index.js.map