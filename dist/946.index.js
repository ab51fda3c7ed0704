export const id = 946;
export const ids = [946,70];
export const modules = {

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

/***/ 2070:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readActual: () => (/* binding */ readActual),
/* harmony export */   readRemediationConfigurations: () => (/* binding */ readRemediationConfigurations)
/* harmony export */ });
/* unused harmony exports toActualRule, toActualRemediation */
/* harmony import */ var _aws_sdk_client_config_service__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7101);
/* harmony import */ var _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4736);
/* harmony import */ var _aws_clients_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3008);
/* harmony import */ var _util_concurrency_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3731);
/* harmony import */ var _desired_model_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8731);
/**
 * Reads what is deployed, for the objects the plan compares: Config rules (paged, 25 a page), their tags where
 * ownership matters, remediation configurations (25 rule names a call), SSM documents (hash, versions, tags).
 */





function parseInputParameters(json) {
    if (!json)
        return {};
    try {
        const parsed = JSON.parse(json);
        return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
    }
    catch {
        return { '(unparsable InputParameters)': json };
    }
}
function toActualRule(r) {
    const a = {
        name: r.ConfigRuleName ?? '',
        arn: r.ConfigRuleArn ?? '',
        owner: r.Source?.Owner ?? '',
        identifier: r.Source?.SourceIdentifier ?? '',
        inputParameters: parseInputParameters(r.InputParameters)
    };
    if (r.Scope?.ComplianceResourceTypes?.length)
        a.complianceResourceTypes = r.Scope.ComplianceResourceTypes;
    if (r.Scope?.TagKey)
        a.tagKey = r.Scope.TagKey;
    if (r.Scope?.TagValue)
        a.tagValue = r.Scope.TagValue;
    if (r.Scope?.ComplianceResourceId)
        a.complianceResourceId = r.Scope.ComplianceResourceId;
    if (r.MaximumExecutionFrequency)
        a.maximumExecutionFrequency = r.MaximumExecutionFrequency;
    if (r.Description !== undefined)
        a.description = r.Description;
    const modes = (r.EvaluationModes ?? []).map(m => m.Mode ?? '').filter(m => m !== '');
    if (modes.length > 0)
        a.evaluationModes = modes;
    return a;
}
function toActualRemediation(r) {
    const parameters = {};
    for (const [k, v] of Object.entries(r.Parameters ?? {})) {
        const p = {};
        if (v.ResourceValue?.Value)
            p.ResourceValue = { Value: 'RESOURCE_ID' };
        if (v.StaticValue?.Values)
            p.StaticValue = { Values: v.StaticValue.Values };
        parameters[k] = p;
    }
    const a = {
        ruleName: r.ConfigRuleName ?? '',
        targetId: r.TargetId ?? '',
        parameters,
        automatic: r.Automatic ?? false
    };
    if (r.TargetVersion)
        a.targetVersion = r.TargetVersion;
    if (r.ResourceType)
        a.resourceType = r.ResourceType;
    if (r.MaximumAutomaticAttempts !== undefined)
        a.maximumAutomaticAttempts = r.MaximumAutomaticAttempts;
    if (r.RetryAttemptSeconds !== undefined)
        a.retryAttemptSeconds = r.RetryAttemptSeconds;
    const ssm = r.ExecutionControls?.SsmControls;
    if (ssm?.ConcurrentExecutionRatePercentage !== undefined)
        a.concurrencyPercent = ssm.ConcurrentExecutionRatePercentage;
    if (ssm?.ErrorPercentage !== undefined)
        a.errorPercent = ssm.ErrorPercentage;
    return a;
}
const isManaged = (tags) => (tags ?? []).some(t => t.Key === _desired_model_js__WEBPACK_IMPORTED_MODULE_1__/* .MANAGED_TAG */ .N.Key && t.Value === _desired_model_js__WEBPACK_IMPORTED_MODULE_1__/* .MANAGED_TAG */ .N.Value);
/**
 * Remediation configurations of the given rules; rules without one are absent. The one reader: deploy and the
 * remediation phase both use it. DescribeRemediationConfigurations takes at most 25 rule names a call (ConfigRuleNames,
 * length 0-25: https://docs.aws.amazon.com/config/latest/APIReference/API_DescribeRemediationConfigurations.html).
 */
async function readRemediationConfigurations(config, ruleNames, concurrency = 4) {
    const remediations = new Map();
    await (0,_util_concurrency_js__WEBPACK_IMPORTED_MODULE_2__/* .mapLimit */ .s)((0,_util_concurrency_js__WEBPACK_IMPORTED_MODULE_2__/* .chunk */ .i)(ruleNames, 25), concurrency, async (names) => {
        const out = await config.send(new _aws_sdk_client_config_service__WEBPACK_IMPORTED_MODULE_3__.DescribeRemediationConfigurationsCommand({ ConfigRuleNames: names }));
        for (const r of out.RemediationConfigurations ?? []) {
            if (r.ConfigRuleName)
                remediations.set(r.ConfigRuleName, toActualRemediation(r));
        }
    });
    return remediations;
}
async function readActual(clients, desired, options) {
    const concurrency = options.concurrency ?? 4;
    const { config, ssm } = clients;
    const desiredRules = new Set(desired.rules.map(r => r.name));
    const desiredDocs = new Set(desired.documents.map(d => d.name));
    const rules = new Map();
    for await (const page of (0,_aws_sdk_client_config_service__WEBPACK_IMPORTED_MODULE_3__.paginateDescribeConfigRules)({ client: config }, {})) {
        for (const r of page.ConfigRules ?? []) {
            // A rule Config is deleting is as good as gone (ConfigRule.ConfigRuleState DELETING: "After Config deletes the
            // rule, the rule and all of its evaluations are erased"): the plan creates it again (apply retries meanwhile).
            // https://docs.aws.amazon.com/config/latest/APIReference/API_ConfigRule.html
            if (r.ConfigRuleState === 'DELETING')
                continue;
            if (r.ConfigRuleName)
                rules.set(r.ConfigRuleName, toActualRule(r));
        }
    }
    if (options.ownership !== 'none') {
        const needTags = [...rules.values()].filter(r => options.ownership === 'all' || !desiredRules.has(r.name));
        await (0,_util_concurrency_js__WEBPACK_IMPORTED_MODULE_2__/* .mapLimit */ .s)(needTags, concurrency, async (r) => {
            const out = await config.send(new _aws_sdk_client_config_service__WEBPACK_IMPORTED_MODULE_3__.ListTagsForResourceCommand({ ResourceArn: r.arn }));
            r.managed = isManaged(out.Tags);
        });
    }
    const withRemediation = [...rules.keys()].filter(n => desiredRules.has(n) || rules.get(n)?.managed);
    const remediations = await readRemediationConfigurations(config, withRemediation, concurrency);
    const documents = new Map();
    await (0,_util_concurrency_js__WEBPACK_IMPORTED_MODULE_2__/* .mapLimit */ .s)([...desiredDocs], concurrency, async (name) => {
        let out;
        try {
            out = await ssm.send(new _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_4__.DescribeDocumentCommand({ Name: name }));
        }
        catch (err) {
            if ((0,_aws_clients_js__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorCode */ .J6)(err) === 'InvalidDocument')
                return; // not deployed
            throw err;
        }
        const d = out.Document;
        documents.set(name, {
            name,
            hash: d?.Hash ?? '',
            defaultVersion: d?.DefaultVersion ?? '',
            latestVersion: d?.LatestVersion ?? '',
            managed: isManaged(d?.Tags)
        });
    });
    if (options.ownership !== 'none') {
        for await (const page of (0,_aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_4__.paginateListDocuments)({ client: ssm }, {
            Filters: [
                { Key: 'Owner', Values: ['Self'] },
                { Key: `tag:${_desired_model_js__WEBPACK_IMPORTED_MODULE_1__/* .MANAGED_TAG */ .N.Key}`, Values: [_desired_model_js__WEBPACK_IMPORTED_MODULE_1__/* .MANAGED_TAG */ .N.Value] }
            ]
        })) {
            for (const d of page.DocumentIdentifiers ?? []) {
                if (!d.Name)
                    continue;
                const known = documents.get(d.Name);
                if (known)
                    known.managed = true;
                else
                    documents.set(d.Name, {
                        name: d.Name,
                        hash: '',
                        defaultVersion: '',
                        latestVersion: d.DocumentVersion ?? '',
                        managed: true
                    });
            }
        }
        for (const d of documents.values())
            d.managed ??= false;
    }
    return { rules, documents, remediations };
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

/***/ 5946:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runRemediation: () => (/* binding */ runRemediation)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ssm/dist-cjs/index.js
var dist_cjs = __webpack_require__(4736);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/deploy/read-actual.ts
var read_actual = __webpack_require__(2070);
// EXTERNAL MODULE: ./src/aws/clients.ts + 1 modules
var clients = __webpack_require__(3008);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/run-context.ts
var run_context = __webpack_require__(3564);
// EXTERNAL MODULE: ./src/util/cancellation.ts
var cancellation = __webpack_require__(6601);
// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(9997);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sns/dist-cjs/index.js
var client_sns_dist_cjs = __webpack_require__(8797);
;// CONCATENATED MODULE: ./src/remediation/mask.ts
/**
 * Secrets never shown. Parameters are masked before they reach the plan, the audit log, the summary or an alert: a
 * value is replaced by MASK when its parameter name looks secret (/secret|password|passwd|passphrase|token|credential|private|key/i, except
 * the names in SAFE_PARAMETER_NAMES, which hold identifiers such as a KMS key id) or when the value itself looks like
 * an AWS credential (an access key id, a 40-character secret access key, a long session token). The plan hash
 * covers the masked form (plan.ts), i.e. exactly what a reviewer sees and approves. Messages from AWS are masked and
 * capped before they reach results, logs and the audit log (shortMessage).
 */

const MASK = '***';
/** Parameter names that match the secret pattern but hold identifiers, not secrets. */
const SAFE_PARAMETER_NAMES = new Set([
    'KmsKeyId',
    'KmsKeyArn',
    'KMSKeyId',
    'KMSKeyArn',
    'KmsKeyAlias',
    'KMSMasterKeyID',
    'SSEKMSKeyId',
    'KeyName',
    'KeyPairName',
    'KeyId',
    'KeyArn',
    'TagKey',
    'TagKeys',
    'AccessKeyId'
].map(n => n.toLowerCase()));
const SECRET_NAME = /secret|password|passwd|passphrase|token|credential|private|key/i;
/** An AWS access key id (long-term AKIA or temporary ASIA). */
const ACCESS_KEY_ID = /(?:^|[^A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/;
/** A 40-character run of the secret access key alphabet with upper case, lower case and a digit. */
const SECRET_KEY_RUN = /(?:^|[^A-Za-z0-9/+])([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/g;
/** Session tokens are long base64 strings. */
const LONG_TOKEN = /[A-Za-z0-9/+=]{100,}/;
/** True when a parameter of this name should never be shown. */
function isSecretParameterName(name) {
    return SECRET_NAME.test(name) && !SAFE_PARAMETER_NAMES.has(name.toLowerCase());
}
/** True when the value contains something shaped like an AWS credential. */
function looksLikeCredential(value) {
    if (ACCESS_KEY_ID.test(value) || LONG_TOKEN.test(value))
        return true;
    for (const m of value.matchAll(SECRET_KEY_RUN)) {
        const run = m[1] ?? '';
        if (/[A-Z]/.test(run) && /[a-z]/.test(run) && /[0-9]/.test(run))
            return true;
    }
    return false;
}
/**
 * The parameters as shown: secret-named parameters and credential-shaped values become MASK. `keepAsIs` names a
 * parameter never masked by value (the resource id parameter: it holds the resource id, shown anyway).
 */
function maskParameters(parameters, keepAsIs) {
    const out = {};
    for (const [name, values] of Object.entries(parameters)) {
        if (name !== keepAsIs && isSecretParameterName(name))
            out[name] = values.map(() => MASK);
        else if (name === keepAsIs)
            out[name] = [...values];
        else
            out[name] = values.map(v => (looksLikeCredential(v) ? MASK : v));
    }
    return out;
}
/** Replaces credential-shaped runs inside free text (messages from AWS, error details). */
function maskText(text) {
    return text
        .replace(/(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/g, MASK)
        .replace(/[A-Za-z0-9/+=]{100,}/g, MASK)
        .replace(SECRET_KEY_RUN, (whole, run) => /[A-Z]/.test(run) && /[a-z]/.test(run) && /[0-9]/.test(run)
        ? whole.slice(0, whole.length - run.length) + MASK
        : whole);
}
/** Messages from AWS are kept to this many characters (a validation error can list hundreds of values). */
const MAX_MESSAGE = 600;
/** A message from AWS as kept in results, logs and the audit log: credential-shaped text masked, length capped. */
function shortMessage(message) {
    return (0,util_text/* truncate */.xv)(maskText(message), MAX_MESSAGE);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/remediation/plan.ts
/**
 * The plan a human approves: the targets (rule, resource, runbook version and hash, masked parameters, route) in a
 * stable order, and the hash over them. Pure: candidates and what was read from AWS in, a deterministic plan out.
 *
 * The plan is hashed in a canonical form (object keys sorted, no whitespace), so the same targets always give the
 * same hash, whatever order they were built in. Parameters are masked (mask.ts) before they reach the plan: the hash
 * covers the masked form, i.e. exactly what a reviewer sees and approves.
 */


const PLAN_SCHEMA_VERSION = 1;
/**
 * Resource types Config evaluates but StartRemediationExecution does not take (they are not in its ResourceType
 * enum): the account itself, for account-level rules such as ec2-ebs-encryption-by-default.
 */
const CONFIG_UNREMEDIABLE_TYPES = new Set(['AWS::::Account']);
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
/** Stable order of targets: rule, resource type, resource id. */
function compareTargets(a, b) {
    return cmp(a.rule, b.rule) || cmp(a.resourceType, b.resourceType) || cmp(a.resourceId, b.resourceId);
}
/** Identifies a target across plans: rule, resource type and id. */
function targetKey(t) {
    return `${t.rule}\u0000${t.resourceType}\u0000${t.resourceId}`;
}
/** `rule resourceType/resourceId`, for messages. */
function describeTarget(t) {
    return `${t.rule} ${t.resourceType}/${t.resourceId}`;
}
/** At most `max` items, comma-separated, then how many more (for messages). */
function listed(items, max = 20) {
    const shown = items.slice(0, max).join(', ');
    return items.length > max ? `${shown}, ... (${items.length - max} more)` : shown;
}
/** The parameters a runbook gets for a resource: static values as given, RESOURCE_ID parameters the resource id. */
function finalParameters(parameters, resourceId) {
    const out = {};
    for (const name of Object.keys(parameters).sort(cmp)) {
        const p = parameters[name];
        if (p?.ResourceValue)
            out[name] = [resourceId];
        else if (p?.StaticValue)
            out[name] = [...p.StaticValue.Values];
    }
    return out;
}
/** The name of the parameter that receives the resource id, if any. */
function resourceIdParameterOf(parameters) {
    return Object.keys(parameters).find(k => parameters[k]?.ResourceValue !== undefined);
}
/** Key of a runbook version read from SSM: name and requested version ('$DEFAULT' when none). */
function runbookKey(name, version) {
    return `${name}@${version ?? '$DEFAULT'}`;
}
/** The plan: targets with runbook version, final parameters and route; the hash over them. */
function buildPlan(input) {
    const notes = new Set();
    const planned = input.candidates.map(c => {
        const deployed = input.deployed.get(c.binding.ruleName);
        const targetId = deployed?.targetId ?? c.binding.targetId;
        const targetVersion = deployed ? deployed.targetVersion : c.binding.targetVersion;
        const parameters = deployed?.parameters ?? c.binding.parameters;
        if (deployed) {
            const same = deployed.targetId === c.binding.targetId &&
                (deployed.targetVersion ?? '') === (c.binding.targetVersion ?? '') &&
                canonicalJson(deployed.parameters) === canonicalJson(c.binding.parameters);
            if (!same) {
                notes.add(`${c.binding.ruleName}: the remediation configuration in AWS Config differs from the manifest's binding; the plan shows what Config will run (deploy to update it).`);
            }
        }
        const read = input.runbooks.get(runbookKey(targetId, targetVersion));
        const runbook = read
            ? { name: targetId, version: read.version, hash: read.hash }
            : { name: targetId, version: 'not deployed', hash: '' };
        if (!read)
            notes.add(`Runbook ${targetId} is not deployed in the account: the targets that use it cannot run.`);
        const manifestHash = input.manifestHashes.get(targetId);
        if (read && manifestHash !== undefined && manifestHash !== read.hash.toLowerCase()) {
            notes.add(`Runbook ${targetId} version ${read.version} in the account differs from the manifest's file; the plan shows the deployed version.`);
        }
        const executionParameters = finalParameters(parameters, c.finding.resourceId);
        const route = deployed && !CONFIG_UNREMEDIABLE_TYPES.has(c.finding.resourceType) ? 'config' : 'ssm';
        if (deployed && route === 'ssm') {
            notes.add(`${c.binding.ruleName}: ${c.finding.resourceType} targets run through SSM Automation directly, with the parameters of the remediation configuration (StartRemediationExecution does not take that resource type).`);
        }
        const target = {
            rule: c.rule.ruleName,
            hipaaSections: [...(c.rule.hipaaSections ?? [])],
            resourceType: c.finding.resourceType,
            resourceId: c.finding.resourceId,
            fingerprint: c.finding.fingerprint,
            runbook,
            parameters: maskParameters(executionParameters, resourceIdParameterOf(parameters)),
            route
        };
        const p = { target, binding: c.binding, executionParameters };
        if (route === 'ssm' && read)
            p.documentVersion = read.version;
        return p;
    });
    planned.sort((a, b) => compareTargets(a.target, b.target));
    const skipped = [];
    const kept = planned.filter(p => {
        const reason = input.skip?.get(targetKey(p.target));
        if (reason === undefined)
            return true;
        skipped.push({ target: p.target, reason });
        notes.add(`${describeTarget(p.target)} skipped: ${reason}.`);
        return false;
    });
    const targets = kept.map(p => p.target);
    const plan = {
        schemaVersion: PLAN_SCHEMA_VERSION,
        hash: planHash({ accountId: input.accountId, region: input.region, targets }),
        mode: input.mode,
        accountId: input.accountId,
        region: input.region,
        createdAt: input.createdAt,
        targets,
        notes: [...notes],
        ...(skipped.length > 0 ? { skipped } : {})
    };
    return { plan, planned: kept };
}
/** JSON with object keys sorted at every level and no whitespace; `undefined` members are left out. */
function canonicalJson(value) {
    if (value === null || typeof value !== 'object') {
        if (value === undefined)
            return 'null';
        if (typeof value === 'number' && !Number.isFinite(value))
            throw new Error('canonicalJson: non-finite number');
        return JSON.stringify(value);
    }
    if (Array.isArray(value))
        return `[${value.map(v => canonicalJson(v === undefined ? null : v)).join(',')}]`;
    const entries = Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
function sha256Hex(text) {
    return (0,external_node_crypto_.createHash)('sha256').update(text, 'utf8').digest('hex');
}
/** sha256 (hex) of the canonical account, region and targets. */
function planHash(plan) {
    return sha256Hex(canonicalJson({ accountId: plan.accountId, region: plan.region, targets: plan.targets }));
}
/** A UUID-shaped idempotency token derived from the given parts (the same parts give the same token). */
function idempotencyToken(...parts) {
    const h = sha256Hex(parts.join('\u0000'));
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

;// CONCATENATED MODULE: ./src/remediation/alert.ts
/**
 * One concise SNS message per run: what is non-compliant (with counts), what was remediated (with outcomes) and the
 * run's URL. Sent when `alert` is `always`, or `on-change` and something changed: a remediation ran, or a
 * non-compliant finding is new (its fingerprint is not among those known before this run). Never with `never` or
 * without a topic. The decision and the message are pure; publishing (and its audit record) is the edge.
 */






/** Targets listed in the message at most; the rest are counted. */
const MAX_LISTED = 20;
/** SNS subjects: at most 100 printable ASCII characters. */
const MAX_SUBJECT = 100;
/** Unwaived non-compliant findings. */
function openFindings(result) {
    return result.rules.flatMap(r => r.findings.filter(f => f.waiver === undefined).map(f => ({ rule: r.ruleName, fingerprint: f.fingerprint })));
}
function decideAlert(input) {
    if (input.policy === 'never')
        return { send: false, reason: 'alert: never' };
    if (input.topic === undefined || input.topic === '')
        return { send: false, reason: 'no alert topic in the manifest' };
    if (input.policy === 'always')
        return { send: true, reason: 'alert: always' };
    if (input.executionsStarted > 0)
        return { send: true, reason: `${input.executionsStarted} remediation(s) ran` };
    const known = input.knownFingerprints;
    const fresh = openFindings(input.result).filter(f => known === undefined || !known.has(f.fingerprint));
    if (fresh.length > 0) {
        return { send: true, reason: `${fresh.length} new non-compliant finding${fresh.length === 1 ? '' : 's'}` };
    }
    return { send: false, reason: 'nothing changed (no new non-compliant finding, no remediation ran)' };
}
const ORDER = [
    'failed',
    'timed-out',
    'cancelled',
    'succeeded-unverified',
    'alerted',
    'verified',
    'skipped'
];
function plainSubject(s) {
    return (0,util_text/* truncate */.xv)(s.replace(/[^\x20-\x7e]/g, '?'), MAX_SUBJECT);
}
/** The message: a headline, non-compliance per rule, outcomes per target (capped), the run URL. */
function buildAlertMessage(input) {
    const { result, outcomes, run } = input;
    const perRule = new Map();
    for (const f of openFindings(result))
        perRule.set(f.rule, (perRule.get(f.rule) ?? 0) + 1);
    const total = [...perRule.values()].reduce((a, b) => a + b, 0);
    const counts = new Map();
    for (const o of outcomes)
        counts.set(o.status, (counts.get(o.status) ?? 0) + 1);
    const lines = [];
    const where = `account ${result.accountId}, ${result.region}`;
    lines.push(`compliance-gate: ${total} non-compliant resource${total === 1 ? '' : 's'} in ${perRule.size} rule${perRule.size === 1 ? '' : 's'} (${where}).`);
    if (perRule.size > 0) {
        lines.push('', 'Non-compliant:');
        for (const [rule, n] of [...perRule].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
            lines.push(`- ${rule}: ${n}`);
    }
    const ran = outcomes.filter(o => o.status !== 'skipped').length;
    if (input.mode === 'apply' && outcomes.length > 0) {
        const tally = ORDER.filter(s => counts.has(s)).map(s => `${counts.get(s) ?? 0} ${s}`);
        lines.push('', `Remediation: ${ran} ran; ${tally.join(', ')}.`);
        const listed = [...outcomes].sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status)).slice(0, MAX_LISTED);
        for (const o of listed) {
            const detail = o.failedStep ? ` at step ${o.failedStep}` : '';
            const why = o.message ? `: ${(0,util_text/* truncate */.xv)(o.message, 200)}` : '';
            lines.push(`- ${describeTarget(o.target)}: ${o.status}${detail}${why}`);
        }
        if (outcomes.length > listed.length)
            lines.push(`- ... and ${outcomes.length - listed.length} more`);
    }
    else if (input.mode === 'plan' && (input.planned ?? 0) > 0) {
        lines.push('', `Remediation plan (dry run): ${input.planned ?? 0} target(s), nothing changed.`);
    }
    if (input.problem !== undefined)
        lines.push('', `Stopped: ${(0,util_text/* truncate */.xv)(input.problem, 500)}`);
    const url = (0,run_context/* runUrlOf */.Qm)(run);
    if (url !== undefined)
        lines.push('', `Run: ${url}`);
    const verdict = input.mode === 'apply' && ran > 0
        ? `${ran} remediation(s) ran, ${(counts.get('failed') ?? 0) + (counts.get('timed-out') ?? 0)} failed`
        : `${total} non-compliant`;
    const subject = plainSubject(`compliance-gate ${run.repository || result.accountId}: ${verdict}`);
    return { subject, message: maskText(lines.map(l => (0,util_text/* toSingleLine */.OX)(l)).join('\n')) };
}
/** Publishes the alert; returns the message id, or the error naming sns:Publish. */
async function publishAlert(sns, topic, alert) {
    try {
        const out = await sns.send(new client_sns_dist_cjs.PublishCommand({ TopicArn: topic, Subject: alert.subject, Message: alert.message }));
        return out.MessageId !== undefined ? { messageId: out.MessageId } : {};
    }
    catch (err) {
        return { error: (0,clients/* awsCallErrorOf */.vt)(err) };
    }
}
/**
 * Decides, builds and publishes the run's alert, with its audit record. A failed publish is recorded
 * (alert-failed) and thrown (AwsCallError).
 */
async function sendAlert(sns, a, io) {
    const started = a.outcomes.filter(o => o.startedAt !== undefined && o.status !== 'skipped').length;
    const decision = decideAlert({
        policy: a.policy,
        topic: a.topic,
        result: a.result,
        executionsStarted: a.mode === 'apply' ? started : 0,
        ...(a.knownFingerprints ? { knownFingerprints: a.knownFingerprints } : {})
    });
    if (!decision.send || a.topic === undefined) {
        io.logger.info(`Remediation alert not sent: ${decision.reason}.`);
        return { sent: false, reason: decision.reason };
    }
    const message = buildAlertMessage({
        result: a.result,
        outcomes: a.outcomes,
        run: a.run,
        mode: a.mode,
        planned: a.planned,
        ...(a.problem !== undefined ? { problem: a.problem } : {})
    });
    const published = await publishAlert(await sns(), a.topic, message);
    if (published.error) {
        await io.audit.record({
            event: 'alert-failed',
            status: 'error',
            reason: published.error.message,
            details: { topic: a.topic, why: decision.reason }
        });
        throw published.error;
    }
    io.logger.info(`Remediation alert published to ${a.topic} (${decision.reason}).`);
    await io.audit.record({
        event: 'alert-published',
        status: 'published',
        details: { topic: a.topic, messageId: published.messageId, why: decision.reason, subject: message.subject }
    });
    return { sent: true, reason: decision.reason, ...(published.messageId ? { messageId: published.messageId } : {}) };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/remediation/audit.ts
/**
 * The remediation audit log: JSON Lines, one record per decision (plan computed, approval checked, refusal,
 * target skipped, alert) and per execution (started, finished, verified). Each record is appended to the file as
 * soon as it is made, so the log is complete up to the moment a run stops, whatever stops it. The file is only ever
 * appended to, never rewritten.
 *
 * Every record names who and what: time, repository, workflow, run URL, actor, event, role session name, account,
 * region and plan hash; target records add rule, HIPAA sections, resource, runbook with version and hash, parameters
 * (already masked, see mask.ts), execution id, status, compliance before and after, verification.
 *
 * With an audit log group (audit-cloudwatch.ts), each record also goes to CloudWatch Logs as it is made, as the same
 * JSON. The first failure there is kept (remoteFailure) and recorded in the file (`audit-trail-failed`); nothing more
 * is sent. The phase refuses to start executions while the trail has failed ("no audit, no action").
 */



const AUDIT_FILE_NAME = 'remediation-audit.jsonl';
/** The target fields of a record. */
function targetFields(t) {
    return {
        rule: t.rule,
        hipaaSections: t.hipaaSections,
        resourceType: t.resourceType,
        resourceId: t.resourceId,
        runbook: t.runbook.name,
        runbookVersion: t.runbook.version,
        runbookHash: t.runbook.hash,
        parameters: t.parameters,
        route: t.route
    };
}
function auditContext(run, rest) {
    const c = {
        repository: run.repository,
        workflow: run.workflow,
        runId: run.runId,
        runAttempt: run.runAttempt,
        actor: run.actor,
        eventName: run.eventName,
        sha: run.sha,
        ref: run.ref,
        ...rest
    };
    if (run.runUrl !== undefined)
        c.runUrl = run.runUrl;
    return c;
}
/** One JSON line; free-text fields are passed through maskText. */
function auditLine(record) {
    const r = { ...record };
    if (r.message !== undefined)
        r.message = maskText(r.message);
    if (r.reason !== undefined)
        r.reason = maskText(r.reason);
    return `${JSON.stringify(r)}\n`;
}
/** Appends records to the audit file, one at a time and in order; each write completes before record() returns. */
class AuditLog {
    file;
    context;
    now;
    planHash;
    remote;
    ready;
    written = [];
    failure;
    constructor(file, context, now, planHash, 
    /** The CloudWatch Logs trail every record also goes to, when configured. */
    remote) {
        this.file = file;
        this.context = context;
        this.now = now;
        this.planHash = planHash;
        this.remote = remote;
    }
    /** Why the CloudWatch Logs trail could not be written, once it failed. */
    remoteFailure() {
        return this.failure;
    }
    setPlanHash(hash) {
        this.planHash = hash;
    }
    /** Records written so far (in memory, for the report). */
    records() {
        return this.written;
    }
    async record(entry) {
        this.ready ??= (0,promises_.mkdir)((0,external_node_path_.dirname)(this.file), { recursive: true }).then(() => undefined);
        await this.ready;
        const record = {
            time: this.now().toISOString(),
            ...entry,
            context: this.context,
            ...(this.planHash !== undefined ? { planHash: this.planHash } : {})
        };
        const line = auditLine(record);
        await (0,promises_.appendFile)(this.file, line, 'utf8');
        this.written.push(record);
        if (this.remote && this.failure === undefined)
            await this.send(record, line);
    }
    async send(record, line) {
        try {
            await this.remote.write([{ timestamp: Date.parse(record.time), message: line.trimEnd() }]);
        }
        catch (err) {
            const where = `${this.remote.settings.logGroup} (stream ${this.remote.stream})`;
            this.failure = `audit records could not be written to CloudWatch Logs ${where}: ${err instanceof Error ? err.message : String(err)}`;
            const failed = {
                time: this.now().toISOString(),
                event: 'audit-trail-failed',
                context: this.context,
                ...(this.planHash !== undefined ? { planHash: this.planHash } : {}),
                status: 'error',
                reason: this.failure
            };
            await (0,promises_.appendFile)(this.file, auditLine(failed), 'utf8');
            this.written.push(failed);
        }
    }
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch-logs/dist-cjs/index.js
var client_cloudwatch_logs_dist_cjs = __webpack_require__(2684);
;// CONCATENATED MODULE: ./src/remediation/audit-cloudwatch.ts
/**
 * The audit trail in CloudWatch Logs: every audit record that goes to the local JSON Lines file also goes, as it is
 * made and as the same JSON, to a log stream per run and job (`OWNER/REPO/RUN_ID-ATTEMPT/JOB`) in the audit log
 * group. The group is created when missing, with the configured retention (default 2192 days: six years, HIPAA's
 * documentation retention, 45 CFR 164.316(b)(2)(i)) and KMS key; an existing stream of the same name is reused (the
 * plan and apply jobs of one run may share it).
 *
 * PutLogEvents limits (CloudWatch Logs API Reference, PutLogEvents,
 * https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutLogEvents.html): at most 10,000
 * events and 1,048,576 bytes per call, counted as the UTF-8 messages plus 26 bytes per event; events in chronological
 * order; one call spans at most 24 hours. One event is at most 256 KB (CloudWatch Logs quotas,
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch_limits_cwl.html). Throttling is retried by the
 * client's retry strategy (aws/clients.ts). Events the service rejects (rejectedLogEventsInfo) are a failure: an
 * audit record that did not reach the group is never reported as written.
 */



const MAX_BATCH_EVENTS = 10_000;
const MAX_BATCH_BYTES = 1_048_576;
const EVENT_OVERHEAD_BYTES = 26;
const MAX_EVENT_BYTES = 256 * 1024;
const MAX_SPAN_MS = 24 * 3_600_000;
/** The values PutRetentionPolicy accepts (API Reference, PutRetentionPolicy, retentionInDays). */
const RETENTION_DAYS = (/* unused pure expression or super */ null && ([
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653
]));
/**
 * Splits events (already in chronological order) into PutLogEvents calls: each at most 10,000 events, at most
 * 1,048,576 bytes (messages plus 26 bytes per event) and spanning at most 24 hours. Throws on an event larger than one
 * event may be, or out of order.
 */
function batchLogEvents(events) {
    const batches = [];
    let current = [];
    let bytes = 0;
    for (const e of events) {
        const size = Buffer.byteLength(e.message, 'utf8') + EVENT_OVERHEAD_BYTES;
        if (size > MAX_EVENT_BYTES) {
            throw new Error(`an audit record of ${size} bytes exceeds the CloudWatch Logs event limit (${MAX_EVENT_BYTES})`);
        }
        const last = current[current.length - 1];
        if (last && e.timestamp < last.timestamp)
            throw new Error('audit records are not in chronological order');
        const first = current[0];
        if (current.length === MAX_BATCH_EVENTS ||
            bytes + size > MAX_BATCH_BYTES ||
            (first && e.timestamp - first.timestamp > MAX_SPAN_MS)) {
            batches.push(current);
            current = [];
            bytes = 0;
        }
        current.push(e);
        bytes += size;
    }
    if (current.length > 0)
        batches.push(current);
    return batches;
}
/** The stream of a run's job: OWNER/REPO/RUN_ID-ATTEMPT/JOB (':' and '*', which stream names cannot hold, as '-'). */
function auditStreamName(repository, runId, runAttempt, job) {
    return `${repository}/${runId}-${runAttempt}/${job || 'job'}`.replace(/[:*]/g, '-').slice(0, 512);
}
/** Writes audit records to one log stream; the group and stream are made ready on the first write. */
class CloudWatchAuditTrail {
    logs;
    settings;
    stream;
    logger;
    ready;
    written = 0;
    warning;
    constructor(logs, settings, stream, logger) {
        this.logs = logs;
        this.settings = settings;
        this.stream = stream;
        this.logger = logger;
    }
    /** Records written to the group so far. */
    count() {
        return this.written;
    }
    /** A note about the group found (retention shorter than configured), if any. */
    note() {
        return this.warning;
    }
    /** Writes the events (in order); throws the AWS error or the rejection when any did not reach the stream. */
    async write(events) {
        const client = await this.logs();
        this.ready ??= this.prepare(client);
        await this.ready;
        for (const batch of batchLogEvents(events)) {
            const res = await client.send(new client_cloudwatch_logs_dist_cjs.PutLogEventsCommand({ logGroupName: this.settings.logGroup, logStreamName: this.stream, logEvents: batch }));
            const rejected = res.rejectedLogEventsInfo;
            if (rejected &&
                (rejected.tooNewLogEventStartIndex !== undefined ||
                    rejected.tooOldLogEventEndIndex !== undefined ||
                    rejected.expiredLogEventEndIndex !== undefined)) {
                throw new Error(`logs:PutLogEvents rejected audit records (${JSON.stringify(rejected)})`);
            }
            this.written += batch.length;
        }
    }
    async prepare(client) {
        const { logGroup, retentionDays, kmsKeyId } = this.settings;
        const found = await client.send(new client_cloudwatch_logs_dist_cjs.DescribeLogGroupsCommand({ logGroupNamePrefix: logGroup, limit: 50 }));
        const group = found.logGroups?.find(g => g.logGroupName === logGroup);
        if (!group) {
            try {
                await client.send(new client_cloudwatch_logs_dist_cjs.CreateLogGroupCommand({ logGroupName: logGroup, ...(kmsKeyId !== undefined ? { kmsKeyId } : {}) }));
                this.logger.info((0,util_text/* sanitizeForLog */.F0)(`Audit log group ${logGroup} created.`));
            }
            catch (err) {
                if ((0,clients/* awsErrorCode */.J6)(err) !== 'ResourceAlreadyExistsException')
                    throw err;
            }
            await client.send(new client_cloudwatch_logs_dist_cjs.PutRetentionPolicyCommand({ logGroupName: logGroup, retentionInDays: retentionDays }));
        }
        else if (group.retentionInDays !== undefined && group.retentionInDays < retentionDays) {
            this.warning = `the audit log group ${logGroup} keeps events ${group.retentionInDays} days, less than the ${retentionDays} configured (left unchanged)`;
            this.logger.warn((0,util_text/* sanitizeForLog */.F0)(`Audit trail: ${this.warning}.`));
        }
        try {
            await client.send(new client_cloudwatch_logs_dist_cjs.CreateLogStreamCommand({ logGroupName: logGroup, logStreamName: this.stream }));
        }
        catch (err) {
            if ((0,clients/* awsErrorCode */.J6)(err) !== 'ResourceAlreadyExistsException')
                throw err;
        }
    }
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-securityhub/dist-cjs/index.js
var client_securityhub_dist_cjs = __webpack_require__(3819);
;// CONCATENATED MODULE: ./src/remediation/security-hub.ts
/**
 * Remediation outcomes and alerts as notes on the Security Hub findings that AWS Config's integration makes (input
 * security-hub: notes). For each outcome (and, when an alert was sent, each alerted finding without an outcome) the
 * finding of that rule and resource is looked up (GetFindings: ProductName Config, Title the rule, ResourceId the
 * resource's ARN, RecordState ACTIVE; AWS Config Developer Guide, "Integrating AWS Config with AWS Security Hub",
 * https://docs.aws.amazon.com/config/latest/developerguide/setting-up-aws-config-with-aws-security-hub.html) and
 * updated with BatchUpdateFindings: a note of at most 512 characters by `compliance-gate` naming the outcome, the
 * runbook and version, the execution id and the run URL, and the workflow status RESOLVED (verified) or NOTIFIED
 * (alerted, failed, not verified, cancelled). At most 100 findings per call and 20 values per filter
 * (https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_BatchUpdateFindings.html,
 * https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_AwsSecurityFindingFilters.html).
 *
 * Findings not found are listed; a Security Hub error is reported, never a reason to stop or undo remediation.
 */



const NOTE_MAX = 512;
const UPDATED_BY = 'compliance-gate';
const MAX_UPDATE = 100;
const MAX_FILTER_VALUES = 20;
/** The ARN AWS Config gives a resource (Resources[].Id in its findings); undefined when the type is not known. */
function configResourceArn(accountId, region, type, id) {
    switch (type) {
        case 'AWS::::Account':
            return `AWS::::Account:${id}`;
        case 'AWS::S3::Bucket':
            return `arn:aws:s3:::${id}`;
        case 'AWS::EC2::Volume':
            return `arn:aws:ec2:${region}:${accountId}:volume/${id}`;
        case 'AWS::EC2::VPC':
            return `arn:aws:ec2:${region}:${accountId}:vpc/${id}`;
        case 'AWS::RDS::DBInstance':
            return `arn:aws:rds:${region}:${accountId}:db:${id}`;
        case 'AWS::CloudTrail::Trail':
            return `arn:aws:cloudtrail:${region}:${accountId}:trail/${id}`;
        default:
            return id.startsWith('arn:') ? id : undefined;
    }
}
/** At most 512 characters (the API's limit on Note.Text): the run URL is kept, the middle is cut. */
function fitNote(head, runUrl) {
    const tail = runUrl ? ` Run: ${runUrl}` : '';
    if (head.length + tail.length <= NOTE_MAX)
        return head + tail;
    const room = Math.max(0, NOTE_MAX - tail.length - 1);
    return (head.slice(0, room) + '…' + tail).slice(0, NOTE_MAX);
}
const OUTCOME_WORDS = {
    verified: 'remediated and verified compliant',
    'succeeded-unverified': 'remediation succeeded, compliance not verified',
    alerted: 'alerting runbook ran (it changes nothing; the finding stays open)',
    failed: 'remediation failed',
    'timed-out': 'remediation timed out',
    skipped: 'remediation skipped',
    cancelled: 'remediation cancelled'
};
/** The notes of a run: one per outcome that acted (skipped targets get none), then one per alerted finding. */
function notesOf(outcomes, alerted, runUrl) {
    const notes = [];
    const seen = new Set();
    for (const o of outcomes) {
        if (o.status === 'skipped')
            continue;
        const t = o.target;
        seen.add(`${t.rule}\n${t.resourceType}\n${t.resourceId}`);
        const head = `compliance-gate: ${OUTCOME_WORDS[o.status]}. Runbook ${t.runbook.name} version ${t.runbook.version}` +
            `${o.executionId ? `, execution ${o.executionId}` : ''}.` +
            `${o.status !== 'verified' && o.message ? ` ${o.message}` : ''}`;
        notes.push({
            rule: t.rule,
            resourceType: t.resourceType,
            resourceId: t.resourceId,
            workflow: o.status === 'verified' ? 'RESOLVED' : 'NOTIFIED',
            text: fitNote(head, runUrl)
        });
    }
    for (const f of alerted) {
        if (seen.has(`${f.ruleName}\n${f.resourceType}\n${f.resourceId}`))
            continue;
        notes.push({
            rule: f.ruleName,
            resourceType: f.resourceType,
            resourceId: f.resourceId,
            workflow: 'NOTIFIED',
            text: fitNote('compliance-gate: non-compliant, alert sent to the team.', runUrl)
        });
    }
    return notes;
}
function chunks(items, size) {
    const out = [];
    for (let i = 0; i < items.length; i += size)
        out.push(items.slice(i, i + size));
    return out;
}
const describe = (n) => `${n.rule} ${n.resourceType} ${n.resourceId}`;
/** Finds each note's finding and updates it; errors are returned, never thrown. */
async function noteFindings(client, notes, where, logger) {
    const result = { updated: 0, notFound: [] };
    if (notes.length === 0)
        return result;
    try {
        const hub = await client();
        const found = new Map();
        const byRule = new Map();
        for (const n of notes) {
            const arn = configResourceArn(where.accountId, where.region, n.resourceType, n.resourceId);
            if (arn === undefined) {
                result.notFound.push(`${describe(n)} (no known ARN for ${n.resourceType})`);
                continue;
            }
            byRule.set(n.rule, [...(byRule.get(n.rule) ?? []), n]);
        }
        for (const [rule, ruleNotes] of byRule) {
            const arnOf = new Map(ruleNotes.map(n => [configResourceArn(where.accountId, where.region, n.resourceType, n.resourceId), n]));
            for (const arns of chunks([...arnOf.keys()], MAX_FILTER_VALUES)) {
                const pages = (0,client_securityhub_dist_cjs.paginateGetFindings)({ client: hub, pageSize: 100 }, {
                    Filters: {
                        ProductName: [{ Value: 'Config', Comparison: 'EQUALS' }],
                        Title: [{ Value: rule, Comparison: 'EQUALS' }],
                        ResourceId: arns.map(Value => ({ Value, Comparison: 'EQUALS' })),
                        RecordState: [{ Value: 'ACTIVE', Comparison: 'EQUALS' }]
                    }
                });
                for await (const page of pages) {
                    for (const f of page.Findings ?? []) {
                        for (const res of f.Resources ?? []) {
                            const n = res.Id !== undefined ? arnOf.get(res.Id) : undefined;
                            if (n && f.Id && f.ProductArn)
                                found.set(n, [...(found.get(n) ?? []), { Id: f.Id, ProductArn: f.ProductArn }]);
                        }
                    }
                }
            }
            for (const n of ruleNotes)
                if (!found.has(n))
                    result.notFound.push(describe(n));
        }
        // Findings that get the same note and status share calls, at most 100 findings each.
        const groups = new Map();
        for (const [n, ids] of found) {
            const key = `${n.workflow}\n${n.text}`;
            const g = groups.get(key) ?? { n, ids: [] };
            g.ids.push(...ids);
            groups.set(key, g);
        }
        for (const { n, ids } of groups.values()) {
            for (const batch of chunks(ids, MAX_UPDATE)) {
                const res = await hub.send(new client_securityhub_dist_cjs.BatchUpdateFindingsCommand({
                    FindingIdentifiers: batch,
                    Note: { Text: n.text, UpdatedBy: UPDATED_BY },
                    Workflow: { Status: n.workflow }
                }));
                result.updated += res.ProcessedFindings?.length ?? 0;
                for (const u of res.UnprocessedFindings ?? []) {
                    result.notFound.push(`${describe(n)} (${u.ErrorCode ?? 'unprocessed'}: ${u.ErrorMessage ?? ''})`);
                }
            }
        }
    }
    catch (err) {
        if (!(err instanceof errors/* AwsCallError */.iQ))
            throw err;
        result.error = err.message;
        logger.warn((0,util_text/* sanitizeForLog */.F0)(`Security Hub notes: ${err.message}`));
    }
    if (result.notFound.length > 0) {
        logger.info((0,util_text/* sanitizeForLog */.F0)(`Security Hub: no finding for ${result.notFound.length} note(s): ${result.notFound.join('; ')}`));
    }
    return result;
}

;// CONCATENATED MODULE: ./src/remediation/cancel.ts

function cancelledItem(o) {
    const t = o.target;
    return {
        rule: t.rule,
        resourceType: t.resourceType,
        resourceId: t.resourceId,
        ...(o.executionId ? { executionId: o.executionId } : {}),
        status: o.status,
        route: t.route
    };
}
function listOf(items) {
    const shown = items
        .slice(0, 10)
        .map(i => `${describeTarget(i)}${i.executionId ? ` (${i.executionId})` : ''}`)
        .join(', ');
    return items.length > 10 ? `${shown}, ... (${items.length - 10} more)` : shown;
}
/** The description of a cancellation, and its audit record. */
function describeCancellation(reason, outcomes, executions) {
    const targets = (rs) => new Set(rs.map(r => r.target));
    const stoppedSet = targets(executions?.stopped ?? []);
    const stopFailedSet = targets(executions?.stopFailed ?? []);
    const stillSet = targets(executions?.stillRunning ?? []);
    const stopped = outcomes.filter(o => stoppedSet.has(o.target)).map(cancelledItem);
    const stopFailed = outcomes.filter(o => stopFailedSet.has(o.target)).map(cancelledItem);
    const stillRunning = outcomes.filter(o => stillSet.has(o.target)).map(cancelledItem);
    const finished = outcomes
        .filter(o => o.status !== 'skipped' && o.status !== 'cancelled' && o.startedAt !== undefined)
        .map(cancelledItem);
    const notStarted = outcomes.filter(o => o.status === 'skipped').map(cancelledItem);
    const parts = [
        `stopped ${stopped.length} SSM execution${stopped.length === 1 ? '' : 's'}${stopped.length > 0 ? `: ${listOf(stopped)}` : ''}`,
        `${finished.length} had finished${finished.length > 0 ? `: ${listOf(finished)}` : ''}`,
        `${notStarted.length} not started`
    ];
    if (stopFailed.length > 0)
        parts.push(`could not stop (may still be running): ${listOf(stopFailed)}`);
    if (stillRunning.length > 0) {
        parts.push(`AWS Config has no API to stop a remediation execution, so these may still be running: ${listOf(stillRunning)}`);
    }
    const message = `cancelled (${reason}): ${parts.join('; ')}.`;
    return {
        reason,
        message,
        record: {
            event: 'cancelled',
            status: 'cancelled',
            reason: message,
            details: { signal: reason, stopped, stopFailed, stillRunning, finished, notStarted }
        }
    };
}

// EXTERNAL MODULE: ./src/util/concurrency.ts
var util_concurrency = __webpack_require__(3731);
;// CONCATENATED MODULE: ./src/remediation/oversight.ts





/** More targets than `max` refuses the whole run (nothing is done), listing the targets. */
function checkLimit(targets, max) {
    if (targets.length <= max)
        return;
    throw new errors/* PolicyError */.pn(`Remediation refused: ${targets.length} targets exceed max-remediations (${max}); nothing was run. ` +
        `Narrow the run with remediate-rules / remediate-resources or raise max-remediations. Targets: ${listed(targets.map(describeTarget))}.`);
}
/**
 * apply runs only on the events named in remediate-on, and never for a fork's pull request (see run-context.ts).
 * plan (a dry run) runs on any event.
 */
function checkContext(mode, remediateOn, ctx) {
    if (mode !== 'apply')
        return;
    const why = (0,run_context/* applyRefusal */.tg)(ctx, remediateOn);
    if (why === undefined)
        return;
    throw new errors/* PolicyError */.pn(`Remediation refused: ${why}. Code that is not yet reviewed and merged must not change the account: run ` +
        'remediation from workflow_dispatch or schedule on a protected branch or environment.');
}
/** Targets in apply mode that cannot run because their runbook is not deployed. */
function checkRunbooksDeployed(targets) {
    const missing = [...new Set(targets.filter(t => t.runbook.hash === '').map(t => t.runbook.name))];
    if (missing.length === 0)
        return;
    throw new errors/* PolicyError */.pn(`Remediation refused: runbook${missing.length === 1 ? '' : 's'} ${listed(missing)} ${missing.length === 1 ? 'is' : 'are'} not deployed in the account (deploy them first).`);
}
/** True once failures reach errorPercent of the executions started (and there is at least one failure). */
function thresholdReached(failures, started, errorPercent) {
    return failures > 0 && started > 0 && failures * 100 >= errorPercent * started;
}
/**
 * Reconciles an approved plan with the current one: an approved target runs only if the current plan has it
 * unchanged. One that is no longer non-compliant is skipped as compliant now; one that changed (runbook version,
 * parameters, route) is skipped as changed; current targets absent from the approved plan are not run.
 */
function reconcileApproved(approved, current, result, 
/** Targets the current plan leaves out (recent automatic remediation), by targetKey, with the reason. */
leftOut = new Map()) {
    const byKey = new Map(current.map(p => [targetKey(p.target), p]));
    const approvedKeys = new Set(approved.targets.map(targetKey));
    const nonCompliant = new Map();
    for (const rule of result.rules) {
        for (const f of rule.findings)
            nonCompliant.set(targetKey({ rule: rule.ruleName, ...f }), f);
    }
    const out = { run: [], skipped: [], notApproved: [] };
    for (const t of approved.targets) {
        const key = targetKey(t);
        const now = byKey.get(key);
        const finding = nonCompliant.get(key);
        const reason = leftOut.get(key);
        if (now && canonicalJson(now.target) === canonicalJson(t)) {
            out.run.push(now);
        }
        else if (reason !== undefined) {
            out.skipped.push({ target: t, reason });
        }
        else if (now) {
            out.skipped.push({
                target: t,
                reason: `changed since approval (${changedFields(t, now.target).join(', ')}); plan and approve again`
            });
        }
        else if (finding?.waiver !== undefined) {
            out.skipped.push({ target: t, reason: `waived now (${finding.waiver.reason})` });
        }
        else if (finding) {
            out.skipped.push({ target: t, reason: 'not selected by remediate-rules / remediate-resources in this run' });
        }
        else {
            out.skipped.push({ target: t, reason: 'compliant now: no longer reported non-compliant' });
        }
    }
    for (const p of current)
        if (!approvedKeys.has(targetKey(p.target)))
            out.notApproved.push(p.target);
    return out;
}
function changedFields(a, b) {
    const fields = Object.keys(a).filter(k => canonicalJson(a[k]) !== canonicalJson(b[k]));
    return fields.length > 0 ? fields : ['target'];
}
/**
 * The approval check of apply mode. No approved-plan-hash: the whole current plan. The current plan's hash: the
 * whole plan. Another hash: the approved plan file must have that hash and be for this account and region; then the
 * approved targets that are unchanged and still non-compliant run, the others are skipped. Otherwise refused.
 */
function approve(input) {
    const { plan, approvedFile } = input;
    const wanted = input.approvedPlanHash;
    if (wanted === undefined || wanted === '')
        return { run: [...input.planned], skipped: [], records: [] };
    if (wanted === plan.hash) {
        return {
            run: [...input.planned],
            skipped: [],
            message: `Approved plan ${wanted}: the current plan is the approved one.`,
            records: [{ event: 'approval-checked', status: 'approved', details: { approvedPlanHash: wanted } }]
        };
    }
    const approved = approvedFile.plan;
    if (approved?.hash !== wanted) {
        const why = input.approvedPlanFile === undefined || input.approvedPlanFile === ''
            ? 'no approved plan file was given'
            : (approvedFile.problem ?? `the approved plan file's hash is ${approved?.hash ?? '?'}`);
        throw new errors/* PolicyError */.pn(`Remediation refused: the plan changed since approval (approved ${wanted}, current ${plan.hash}) and ${why}. Plan and approve again.`);
    }
    if (approved.accountId !== input.accountId || approved.region !== input.region) {
        throw new errors/* PolicyError */.pn(`Remediation refused: the approved plan is for account ${approved.accountId} in ${approved.region}, not ${input.accountId} in ${input.region}.`);
    }
    const leftOut = new Map((plan.skipped ?? []).map(s => [targetKey(s.target), s.reason]));
    const sel = reconcileApproved(approved, input.planned, input.result, leftOut);
    const skipped = [
        ...sel.skipped.map(s => skippedOutcome(s.target, s.reason)),
        ...sel.notApproved.map(t => skippedOutcome(t, 'not in the approved plan'))
    ];
    const n = sel.run.length;
    const k = sel.skipped.length;
    const message = `The plan changed since approval (approved ${wanted}, now ${plan.hash}): running the ${n} approved ` +
        `target${n === 1 ? '' : 's'} that are unchanged and still non-compliant; ${k} approved ` +
        `target${k === 1 ? '' : 's'} skipped, ${sel.notApproved.length} not approved.`;
    const records = [
        {
            event: 'approval-checked',
            status: 'approved-subset',
            message,
            details: { approvedPlanHash: wanted, approvedPlanFile: input.approvedPlanFile, run: n }
        },
        ...skipped.map((s) => ({
            event: 'target-skipped',
            ...targetFields(s.target),
            status: 'skipped',
            reason: s.message ?? 'skipped',
            complianceBefore: 'NON_COMPLIANT',
            ...(s.message?.startsWith('compliant now') ? { complianceAfter: 'COMPLIANT' } : {})
        }))
    ];
    return { run: sel.run, skipped, message, records };
}
function skippedOutcome(target, message) {
    return { target, status: 'skipped', message, complianceBefore: 'NON_COMPLIANT' };
}
/** A run refused before anything ran: every planned target is skipped, with the reason. */
function refusedOutcomes(plan, error) {
    const why = (0,util_text/* truncate */.xv)(error.message.replace(/^Remediation refused: /, 'refused: '), 300);
    return plan.targets.map(t => skippedOutcome(t, `not run: ${why}`));
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-config-service/dist-cjs/index.js
var client_config_service_dist_cjs = __webpack_require__(7101);
;// CONCATENATED MODULE: ./src/remediation/execute/config.ts
/**
 * The Config route: a target whose rule has a remediation configuration in AWS Config runs through it
 * (StartRemediationExecution, one rule and at most 100 resource keys a call), polled with
 * DescribeRemediationExecutionStatus (at most 100 resource keys a call). AWS Config has no API to stop a remediation
 * execution: one still running at the deadline or on cancellation may still change the resource.
 * https://docs.aws.amazon.com/config/latest/APIReference/API_StartRemediationExecution.html
 * https://docs.aws.amazon.com/config/latest/APIReference/API_DescribeRemediationExecutionStatus.html
 */







/** StartRemediationExecution and DescribeRemediationExecutionStatus take at most 100 resource keys. */
const RESOURCE_KEYS_PER_CALL = 100;
/** Config InvocationTime may be this much earlier than our clock at start (clock skew) and still be ours. */
const INVOCATION_SKEW_MS = 5_000;
/** Final state of a Config remediation execution; undefined while queued or running. */
function configFinalState(s) {
    const stops = (s.StepDetails ?? []).map(d => d.StopTime?.getTime() ?? 0);
    const last = Math.max(s.LastUpdatedTime?.getTime() ?? 0, ...stops);
    const finishedAt = last > 0 ? { finishedAt: new Date(last).toISOString() } : {};
    if (s.State === 'SUCCEEDED')
        return { status: 'succeeded', ...finishedAt };
    if (s.State !== 'FAILED')
        return undefined;
    const step = (s.StepDetails ?? []).find(d => d.State === 'FAILED');
    return {
        status: 'failed',
        message: step?.ErrorMessage ?? 'the remediation execution failed',
        ...(step?.Name ? { failedStep: step.Name } : {}),
        ...finishedAt
    };
}
function configRoute(deps) {
    return {
        route: 'config',
        batchSize: RESOURCE_KEYS_PER_CALL,
        start: batch => start(deps, batch),
        poll: pending => poll(deps, pending),
        leftRunning: {
            timedOut: '; AWS Config has no API to stop a remediation execution, it may still finish',
            cancelled: 'cancelled, still running: AWS Config has no API to stop a remediation execution; it may still change the resource'
        }
    };
}
const keyOf = (resourceType, resourceId) => `${resourceType}\u0000${resourceId}`;
async function start(deps, batch) {
    const { clock, logger, audit } = deps;
    const rule = batch[0]?.target.rule ?? '';
    const now = clock.now();
    const out = batch.map(p => ({
        planned: p,
        result: { target: p.target, status: 'running', startedAt: now.toISOString() },
        startedAtMs: now.getTime()
    }));
    let failedKeys = new Set();
    let failureMessage = '';
    try {
        const config = await deps.config();
        const res = await config.send(new client_config_service_dist_cjs.StartRemediationExecutionCommand({
            ConfigRuleName: rule,
            ResourceKeys: batch.map(p => ({
                resourceType: p.target.resourceType,
                resourceId: p.target.resourceId
            }))
        }));
        failedKeys = new Set((res.FailedItems ?? []).map(k => keyOf(k.resourceType ?? '', k.resourceId ?? '')));
        failureMessage = `config:StartRemediationExecution did not start it: ${res.FailureMessage ?? 'no message'}`;
    }
    catch (err) {
        failureMessage = (0,clients/* awsCallErrorOf */.vt)(err).message;
        failedKeys = new Set(batch.map(p => keyOf(p.target.resourceType, p.target.resourceId)));
    }
    for (const r of out) {
        const t = r.planned.target;
        if (failedKeys.has(keyOf(t.resourceType, t.resourceId))) {
            r.result.status = 'failed';
            r.result.message = shortMessage(failureMessage);
            logger.warn((0,util_text/* sanitizeForLog */.F0)(`Remediation of ${describeTarget(t)} did not start: ${r.result.message}`));
            await audit.record({
                event: 'execution-started',
                ...targetFields(t),
                status: 'start-failed',
                message: r.result.message
            });
        }
        else {
            logger.info((0,util_text/* sanitizeForLog */.F0)(`Started Config remediation (${t.runbook.name}) for ${describeTarget(t)}.`));
            await audit.record({
                event: 'execution-started',
                ...targetFields(t),
                status: 'started',
                complianceBefore: 'NON_COMPLIANT'
            });
        }
    }
    return out;
}
async function poll(deps, pending) {
    if (pending.length === 0)
        return;
    const config = await deps.config();
    const byRule = new Map();
    for (const r of pending) {
        const list = byRule.get(r.planned.target.rule) ?? [];
        list.push(r);
        byRule.set(r.planned.target.rule, list);
    }
    for (const [rule, list] of byRule) {
        for (const batch of (0,util_concurrency/* chunk */.i)(list, RESOURCE_KEYS_PER_CALL)) {
            const byKey = new Map(batch.map(r => [keyOf(r.planned.target.resourceType, r.planned.target.resourceId), r]));
            for await (const page of (0,client_config_service_dist_cjs.paginateDescribeRemediationExecutionStatus)({ client: config }, {
                ConfigRuleName: rule,
                ResourceKeys: batch.map(r => ({
                    resourceType: r.planned.target.resourceType,
                    resourceId: r.planned.target.resourceId
                }))
            })) {
                for (const s of page.RemediationExecutionStatuses ?? []) {
                    const r = byKey.get(keyOf(s.ResourceKey?.resourceType ?? '', s.ResourceKey?.resourceId ?? ''));
                    if (!r)
                        continue;
                    // An earlier execution's status: ours has not been picked up yet.
                    if (s.InvocationTime && s.InvocationTime.getTime() < r.startedAtMs - INVOCATION_SKEW_MS)
                        continue;
                    const final = configFinalState(s);
                    if (!final)
                        continue;
                    Object.assign(r.result, final);
                    if (r.result.message !== undefined)
                        r.result.message = shortMessage(r.result.message);
                    r.result.finishedAt ??= deps.clock.now().toISOString();
                }
            }
        }
    }
}

// EXTERNAL MODULE: ./src/desired/model.ts
var model = __webpack_require__(8731);
;// CONCATENATED MODULE: ./src/remediation/execute/ssm.ts
/**
 * The SSM route: the runbook runs through SSM Automation directly, one StartAutomationExecution per target, pinned
 * to the planned document version, with an idempotency token per plan, run attempt and target. Polled with
 * GetAutomationExecution; stopped with StopAutomationExecution (Type Cancel).
 * https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_StartAutomationExecution.html
 * https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_StopAutomationExecution.html
 */







const SSM_SUCCESS = new Set(['Success', 'CompletedWithSuccess']);
const SSM_FAILURE = new Set([
    'Failed',
    'TimedOut',
    'Cancelled',
    'Rejected',
    'CompletedWithFailure',
    'Exited',
    'ChangeCalendarOverrideRejected'
]);
/** Final state of an SSM automation execution, with the failing step; undefined while it runs. */
function ssmFinalState(e) {
    const status = e.AutomationExecutionStatus ?? '';
    const finishedAt = e.ExecutionEndTime?.toISOString();
    if (SSM_SUCCESS.has(status))
        return { status: 'succeeded', ...(finishedAt ? { finishedAt } : {}) };
    if (!SSM_FAILURE.has(status))
        return undefined;
    const step = (e.StepExecutions ?? []).find(s => s.StepStatus !== undefined && SSM_FAILURE.has(s.StepStatus)) ??
        (e.StepExecutions ?? []).find(s => s.FailureMessage !== undefined);
    const stepName = step?.StepName ?? e.CurrentStepName;
    const message = status === 'Cancelled'
        ? `cancelled (stopped before it finished)${e.FailureMessage ? `: ${e.FailureMessage}` : ''}`
        : (step?.FailureMessage ?? e.FailureMessage ?? `automation ${status}`);
    return {
        status: 'failed',
        message: `${status}: ${message}`,
        ...(stepName ? { failedStep: stepName } : {}),
        ...(finishedAt ? { finishedAt } : {})
    };
}
function ssmRoute(deps, ids) {
    return {
        route: 'ssm',
        batchSize: 1,
        start: async (batch) => {
            const out = [];
            for (const p of batch)
                out.push(await startOne(deps, p, ids));
            return out;
        },
        poll: pending => ssm_poll(deps, pending),
        stop: {
            api: 'StopAutomationExecution',
            call: async (result, signal) => {
                const ssm = await deps.ssm();
                const command = new dist_cjs.StopAutomationExecutionCommand({
                    AutomationExecutionId: result.executionId,
                    Type: 'Cancel'
                });
                await (signal ? ssm.send(command, { abortSignal: signal }) : ssm.send(command));
            }
        }
    };
}
async function startOne(deps, p, ids) {
    const { clock, logger, audit } = deps;
    const t = p.target;
    const now = clock.now();
    const result = { target: t, status: 'failed', startedAt: now.toISOString() };
    const running = { planned: p, result, startedAtMs: now.getTime() };
    try {
        const ssm = await deps.ssm();
        const out = await ssm.send(new dist_cjs.StartAutomationExecutionCommand({
            DocumentName: t.runbook.name,
            ...(p.documentVersion ? { DocumentVersion: p.documentVersion } : {}),
            ...(Object.keys(p.executionParameters).length > 0 ? { Parameters: p.executionParameters } : {}),
            ClientToken: idempotencyToken(ids.planHash, ids.runId, ids.runAttempt, t.rule, t.resourceType, t.resourceId),
            Tags: [{ ...model/* MANAGED_TAG */.N }]
        }));
        if (out.AutomationExecutionId)
            result.executionId = out.AutomationExecutionId;
        else
            result.message = 'ssm:StartAutomationExecution returned no AutomationExecutionId';
    }
    catch (err) {
        result.message = shortMessage((0,clients/* awsCallErrorOf */.vt)(err).message);
    }
    if (result.executionId === undefined) {
        logger.warn((0,util_text/* sanitizeForLog */.F0)(`Remediation of ${describeTarget(t)} did not start: ${result.message}`));
        await audit.record({
            event: 'execution-started',
            ...targetFields(t),
            status: 'start-failed',
            message: result.message ?? 'not started'
        });
        return running;
    }
    logger.info((0,util_text/* sanitizeForLog */.F0)(`Started ${t.runbook.name} v${t.runbook.version} for ${describeTarget(t)}: ${result.executionId}`));
    await audit.record({
        event: 'execution-started',
        ...targetFields(t),
        executionId: result.executionId,
        status: 'started',
        complianceBefore: 'NON_COMPLIANT'
    });
    result.status = 'running';
    return running;
}
async function ssm_poll(deps, pending) {
    if (pending.length === 0)
        return;
    const ssm = await deps.ssm();
    for (const r of pending) {
        const out = await ssm.send(new dist_cjs.GetAutomationExecutionCommand({ AutomationExecutionId: r.result.executionId }));
        const e = out.AutomationExecution;
        const final = e ? ssmFinalState(e) : undefined;
        if (!final)
            continue;
        Object.assign(r.result, final);
        if (r.result.message !== undefined)
            r.result.message = shortMessage(r.result.message);
        r.result.finishedAt ??= deps.clock.now().toISOString();
    }
}

;// CONCATENATED MODULE: ./src/remediation/execute/waves.ts










const FIRST_POLL_MS = 2_000;
const MAX_POLL_MS = 15_000;
/**
 * Bound on the stop calls made when the run is cancelled (all at once), so the action still exits within the 5 s it
 * promises and before the runner's SIGTERM (7.5 s after SIGINT).
 */
const STOP_ON_CANCEL_MS = 2_500;
/** Waves of the targets: per rule (in plan order), `concurrencyPercent` of that rule's targets at a time, >= 1. */
function waves(planned) {
    const byRule = new Map();
    for (const p of planned) {
        const list = byRule.get(p.target.rule) ?? [];
        list.push(p);
        byRule.set(p.target.rule, list);
    }
    const out = [];
    for (const list of byRule.values()) {
        const pct = list[0]?.binding.concurrencyPercent ?? 100;
        const size = Math.max(1, Math.floor((list.length * pct) / 100));
        out.push(...(0,util_concurrency/* chunk */.i)(list, size));
    }
    return out;
}
/** The routes, in the order a wave starts them: SSM targets one by one, then Config targets in batches. */
function routesOf(deps, options) {
    const { clock, logger, audit } = deps;
    return [
        ssmRoute({ clock, logger, audit, ssm: deps.ssm }, options),
        configRoute({ clock, logger, audit, config: deps.config })
    ];
}
function routeOf(routes, r) {
    const route = routes.find(x => x.route === r.target.route);
    if (!route)
        throw new Error(`no execution route ${r.target.route}`);
    return route;
}
async function executeTargets(deps, planned, options) {
    const { clock, logger, audit } = deps;
    const routes = routesOf(deps, options);
    const deadline = new Date(clock.now().getTime() + options.timeoutSeconds * 1000);
    const results = new Map();
    let started = 0;
    let failures = 0;
    let stop;
    let error;
    const cancelledStop = () => `not started: the run was cancelled (${(0,cancellation/* cancelReasonOf */.ar)(deps.signal) ?? ''})`;
    for (const wave of waves(planned)) {
        if (stop === undefined && deps.signal?.aborted)
            stop = cancelledStop();
        if (stop === undefined && clock.now() >= deadline) {
            stop = `not started: remediation-timeout (${options.timeoutSeconds}s) reached`;
        }
        // No audit, no action: once the audit trail cannot be written, nothing new starts.
        const trailFailure = audit.remoteFailure();
        if (stop === undefined && trailFailure !== undefined)
            stop = `not started: ${trailFailure}`;
        if (stop === undefined && thresholdReached(failures, started, options.errorPercent)) {
            stop = `error threshold reached (${failures} of ${started} executions failed; error-percent ${options.errorPercent})`;
            logger.warn(`Remediation: ${stop}; no further executions start.`);
        }
        if (stop !== undefined) {
            for (const p of wave) {
                const r = { target: p.target, status: 'skipped', message: stop };
                results.set(p, r);
                await audit.record({ event: 'target-skipped', ...targetFields(p.target), status: 'skipped', reason: stop });
            }
            continue;
        }
        try {
            const running = await startWave(routes, wave, results, deps.signal);
            started += wave.filter(p => results.has(p)).length;
            failures += wave.filter(p => results.get(p)?.status === 'failed').length;
            await pollWave(deps, routes, running, deadline, options);
            failures += running.filter(r => r.result.status === 'failed' || r.result.status === 'timed-out').length;
        }
        catch (err) {
            if (!(err instanceof errors/* AwsCallError */.iQ))
                throw err;
            error = err;
            stop = `not started: the run stopped after an error (${shortMessage(error.message)})`;
            for (const p of wave) {
                const r = results.get(p);
                if (r?.status !== 'running')
                    continue;
                // Started but its state is unknown: never report it as done.
                r.status = 'failed';
                r.message = `state unknown: the run stopped after an error (${shortMessage(error.message)})`;
                await audit.record({
                    event: 'execution-finished',
                    ...targetFields(p.target),
                    ...(r.executionId ? { executionId: r.executionId } : {}),
                    status: 'unknown',
                    message: r.message
                });
            }
            for (const p of wave) {
                if (results.has(p))
                    continue;
                results.set(p, { target: p.target, status: 'skipped', message: stop });
            }
        }
    }
    let cancelled;
    if (deps.signal?.aborted) {
        stop ??= cancelledStop();
        cancelled = await cancelRunning(deps, routes, [...results.values()].filter(r => r.status === 'running'));
    }
    for (const r of results.values()) {
        if (r.status === 'timed-out')
            logger.warn((0,util_text/* sanitizeForLog */.F0)(`Remediation timed out: ${describeTarget(r.target)}`));
    }
    const ordered = planned.map((p) => results.get(p) ?? { target: p.target, status: 'skipped', message: stop ?? 'not started' });
    return { results: ordered, deadline, ...(error ? { error } : {}), ...(cancelled ? { cancelled } : {}) };
}
/**
 * On cancellation: stops the executions still running where their route can (all at once, bounded by
 * STOP_ON_CANCEL_MS) and marks every running execution `cancelled`, each with an execution-finished audit record.
 */
async function cancelRunning(deps, routes, running) {
    const { clock, logger, audit } = deps;
    const out = {
        reason: (0,cancellation/* cancelReasonOf */.ar)(deps.signal) ?? 'cancelled',
        stopped: [],
        stopFailed: [],
        stillRunning: []
    };
    const stoppable = running.filter(r => routeOf(routes, r).stop !== undefined && r.executionId !== undefined);
    const bound = AbortSignal.timeout(STOP_ON_CANCEL_MS);
    await Promise.all(stoppable.map(async (r) => {
        const stop = routeOf(routes, r).stop;
        try {
            await stop?.call(r, bound);
            r.message = `cancelled: stopped (${stop?.api ?? ''})`;
            out.stopped.push(r);
        }
        catch (err) {
            const message = err.message;
            r.message = `cancelled, but could not stop it (it may still be running): ${shortMessage(message)}`;
            logger.warn((0,util_text/* sanitizeForLog */.F0)(`Could not stop ${r.executionId ?? ''}: ${message}`));
            out.stopFailed.push(r);
        }
    }));
    for (const r of running) {
        if (!stoppable.includes(r)) {
            r.message = routeOf(routes, r).leftRunning?.cancelled ?? 'cancelled: state unknown (no execution id)';
            out.stillRunning.push(r);
        }
        r.status = 'cancelled';
        r.finishedAt = clock.now().toISOString();
        logger.warn((0,util_text/* sanitizeForLog */.F0)(`Remediation ${describeTarget(r.target)}: ${r.message ?? 'cancelled'}`));
        await audit.record({
            event: 'execution-finished',
            ...targetFields(r.target),
            ...(r.executionId ? { executionId: r.executionId } : {}),
            status: 'cancelled',
            ...(r.message ? { message: r.message } : {}),
            complianceBefore: 'NON_COMPLIANT',
            details: { startedAt: r.startedAt, finishedAt: r.finishedAt }
        });
    }
    return out;
}
/** Starts a wave, route by route, a batch at a time; stops starting on cancellation. */
async function startWave(routes, wave, results, signal) {
    const running = [];
    for (const route of routes) {
        for (const batch of (0,util_concurrency/* chunk */.i)(wave.filter(p => p.target.route === route.route), route.batchSize)) {
            if (signal?.aborted)
                return running;
            for (const r of await route.start(batch)) {
                results.set(r.planned, r.result);
                if (r.result.status === 'running')
                    running.push(r);
            }
        }
    }
    return running;
}
async function pollWave(deps, routes, running, deadline, options) {
    const { clock, logger } = deps;
    let pending = [...running];
    let interval = FIRST_POLL_MS;
    while (pending.length > 0) {
        if (deps.signal?.aborted)
            return; // left running: executeTargets stops them
        const left = deadline.getTime() - clock.now().getTime();
        if (left <= 0)
            break;
        await (0,cancellation/* sleepUnlessCancelled */.xE)(clock, Math.min(interval, left), deps.signal);
        if (deps.signal?.aborted)
            return;
        interval = Math.min(interval * 2, MAX_POLL_MS);
        try {
            for (const route of routes)
                await route.poll(pending.filter(r => r.planned.target.route === route.route));
        }
        finally {
            // Even when a poll fails, what finished before it is recorded.
            for (const r of pending.filter(x => x.result.finishedAt !== undefined))
                await recordFinished(deps, r);
        }
        pending = pending.filter(r => r.result.finishedAt === undefined);
    }
    for (const r of pending) {
        r.result.status = 'timed-out';
        r.result.finishedAt = clock.now().toISOString();
        r.result.message = `still running after remediation-timeout (${options.timeoutSeconds}s)`;
        const route = routeOf(routes, r.result);
        if (route.stop && r.result.executionId) {
            try {
                await route.stop.call(r.result);
                r.result.message += `; stopped (${route.stop.api})`;
            }
            catch (err) {
                const message = err.message;
                r.result.message += `; could not stop it: ${shortMessage(message)}`;
                logger.warn((0,util_text/* sanitizeForLog */.F0)(`Could not stop ${r.result.executionId}: ${message}`));
            }
        }
        else if (route.leftRunning) {
            r.result.message += route.leftRunning.timedOut;
        }
        await recordFinished(deps, r);
    }
}
async function recordFinished(deps, r) {
    const t = r.planned.target;
    const res = r.result;
    const line = `${describeTarget(t)}: ${res.status}${res.failedStep ? ` at step ${res.failedStep}` : ''}${res.message ? ` (${res.message})` : ''}`;
    if (res.status === 'succeeded')
        deps.logger.info((0,util_text/* sanitizeForLog */.F0)(`Remediation ${line}`));
    else
        deps.logger.warn((0,util_text/* sanitizeForLog */.F0)(`Remediation ${line}`));
    await deps.audit.record({
        event: 'execution-finished',
        ...targetFields(t),
        ...(res.executionId ? { executionId: res.executionId } : {}),
        status: res.status,
        ...(res.failedStep ? { failedStep: res.failedStep } : {}),
        ...(res.message ? { message: res.message } : {}),
        complianceBefore: 'NON_COMPLIANT',
        details: { startedAt: res.startedAt, finishedAt: res.finishedAt }
    });
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/util/files.ts
var files = __webpack_require__(5787);
;// CONCATENATED MODULE: ./src/remediation/plan-file.ts
/**
 * remediation-plan.json: the plan as written for a reviewer (keys in a readable order), and the approved plan read
 * back from a file (shape checked, and its hash recomputed so an edited file is refused).
 */





const PLAN_FILE_NAME = 'remediation-plan.json';
/** remediation-plan.json: the plan with its keys in a readable order. */
function buildPlanJson(plan) {
    return {
        schemaVersion: plan.schemaVersion,
        hash: plan.hash,
        mode: plan.mode,
        accountId: plan.accountId,
        region: plan.region,
        createdAt: plan.createdAt,
        targets: plan.targets.map(t => ({
            rule: t.rule,
            hipaaSections: t.hipaaSections,
            resourceType: t.resourceType,
            resourceId: t.resourceId,
            fingerprint: t.fingerprint,
            runbook: { name: t.runbook.name, version: t.runbook.version, hash: t.runbook.hash },
            parameters: t.parameters,
            route: t.route
        })),
        notes: plan.notes,
        // Targets left out (recent automatic remediation): shown to the reviewer, not hashed.
        ...(plan.skipped ? { skipped: plan.skipped.map(s => ({ target: s.target, reason: s.reason })) } : {})
    };
}
/** Writes remediation-plan.json (creating its directory). */
async function writePlanFile(file, plan) {
    await (0,files/* writeJsonFile */.A)(file, buildPlanJson(plan));
}
/** Reads the approved-plan-file input; no file given: nothing. */
async function readApprovedFile(file) {
    if (file === undefined || file === '')
        return {};
    if (!(0,external_node_fs_.existsSync)(file))
        return { problem: `the approved plan file ${file} does not exist` };
    try {
        return { plan: parsePlanJson(await (0,promises_.readFile)(file, 'utf8'), file) };
    }
    catch (err) {
        if (err instanceof errors/* PolicyError */.pn)
            return { problem: err.message.replace(/^Remediation refused: /, '') };
        throw err;
    }
}
/** Checks a plan read from a file (the approved plan): shape, and that its hash is the hash of its content. */
function parsePlanJson(text, file) {
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch (err) {
        throw new errors/* PolicyError */.pn(`Remediation refused: the approved plan file ${file} is not JSON: ${err.message}`);
    }
    const bad = (what) => new errors/* PolicyError */.pn(`Remediation refused: the approved plan file ${file} is not a remediation plan: ${what}.`);
    if (!raw || typeof raw !== 'object' || Array.isArray(raw))
        throw bad('not an object');
    const o = raw;
    if (o['schemaVersion'] !== PLAN_SCHEMA_VERSION)
        throw bad(`schemaVersion is not ${PLAN_SCHEMA_VERSION}`);
    for (const k of ['hash', 'accountId', 'region']) {
        if (typeof o[k] !== 'string')
            throw bad(`${k} is not a string`);
    }
    if (!Array.isArray(o['targets']))
        throw bad('targets is not a list');
    const targets = o['targets'];
    targets.forEach((t, i) => {
        if (!isPlanTarget(t))
            throw bad(`targets[${i}] lacks a field of a target`);
    });
    const plan = raw;
    const recomputed = planHash(plan);
    if (recomputed !== plan.hash) {
        throw new errors/* PolicyError */.pn(`Remediation refused: the approved plan file ${file} was modified: its content hashes to ${recomputed}, not to the hash it states (${plan.hash}).`);
    }
    return plan;
}
function isStringList(v) {
    return Array.isArray(v) && v.every(x => typeof x === 'string');
}
function isPlanTarget(v) {
    if (!v || typeof v !== 'object')
        return false;
    const t = v;
    const rb = t['runbook'];
    const params = t['parameters'];
    return (typeof t['rule'] === 'string' &&
        isStringList(t['hipaaSections']) &&
        typeof t['resourceType'] === 'string' &&
        typeof t['resourceId'] === 'string' &&
        typeof t['fingerprint'] === 'string' &&
        !!rb &&
        typeof rb['name'] === 'string' &&
        typeof rb['version'] === 'string' &&
        typeof rb['hash'] === 'string' &&
        !!params &&
        typeof params === 'object' &&
        Object.values(params).every(isStringList) &&
        (t['route'] === 'config' || t['route'] === 'ssm'));
}

// EXTERNAL MODULE: ./src/remediation/result.ts
var result = __webpack_require__(4428);
;// CONCATENATED MODULE: ./src/remediation/recent.ts
/**
 * No double remediation. A rule whose remediation configuration in AWS Config is `Automatic: true` is remediated by
 * Config itself; a target of such a rule with a recent execution for that resource is skipped, with the reason in the
 * plan, so the action does not run the runbook a second time beside Config.
 *
 * "Recent", from AWS Config's semantics (AWS Config API Reference, RemediationExecutionStatus and
 * RemediationConfiguration: https://docs.aws.amazon.com/config/latest/APIReference/API_RemediationExecutionStatus.html,
 * https://docs.aws.amazon.com/config/latest/APIReference/API_RemediationConfiguration.html):
 * - State QUEUED or IN_PROGRESS: Config is remediating the resource now;
 * - SUCCEEDED or FAILED with LastUpdatedTime (else InvocationTime) within the configuration's RetryAttemptSeconds
 *   (default 60) of now: RetryAttemptSeconds is the window in which Config counts its automatic attempts and retries a
 *   failed one ("Config will run auto-remediations 5 times within 50 seconds before adding a remediation exception"),
 *   so inside it Config may still be acting on the resource, and a success may not be re-evaluated yet;
 * - any other State (or none): not known to be finished, so recent (fail closed).
 *
 * Fail closed when the status cannot be read (DescribeRemediationExecutionStatus fails after retries): the rule's
 * targets are skipped, not run blindly, with the error as the reason. Skipping rather than failing the run: nothing
 * acts on those resources (the safe side), Config's own automatic remediation still covers them, the other targets
 * still run, and the plan, summary and audit log name the reason; the findings stay counted by the gate.
 *
 * Calls: DescribeRemediationExecutionStatus once per automatic rule among the targets, paged (100 a page), without
 * ResourceKeys (its ResourceKey type takes only recorded resource types, not e.g. AWS::::Account); the statuses are
 * matched to the targets here.
 */




/** RetryAttemptSeconds when the configuration leaves it out (RemediationConfiguration). */
const DEFAULT_RETRY_ATTEMPT_SECONDS = 60;
const PAGE_SIZE = 100;
const recent_keyOf = (t) => `${t.resourceType}\u0000${t.resourceId}`;
/**
 * Pure: why a resource's latest remediation execution counts as recent (the target must not run), or undefined when
 * it does not. See the header for the definition.
 */
function recentExecutionReason(status, retryAttemptSeconds, now) {
    const state = status.State;
    if (state === 'QUEUED' || state === 'IN_PROGRESS') {
        return `AWS Config's automatic remediation of this resource is ${state} (invoked ${status.InvocationTime?.toISOString() ?? 'at an unknown time'})`;
    }
    if (state === 'SUCCEEDED' || state === 'FAILED') {
        const at = status.LastUpdatedTime ?? status.InvocationTime;
        if (at === undefined)
            return `AWS Config's remediation of this resource ${state} at an unknown time`;
        const ageMs = now.getTime() - at.getTime();
        if (ageMs > retryAttemptSeconds * 1000)
            return undefined;
        return `AWS Config's automatic remediation of this resource ${state} at ${at.toISOString()}, within its RetryAttemptSeconds (${retryAttemptSeconds} s)`;
    }
    return `AWS Config reports its remediation of this resource in state ${state ?? '(none)'}, not known to be finished`;
}
/**
 * The targets to skip, by plan.ts targetKey, with the reason: those of rules with automatic
 * remediation and a recent execution for the resource, and all targets of such a rule whose statuses cannot be read.
 */
async function recentlyRemediated(config, targets, remediations, now, concurrency = 4) {
    const skip = new Map();
    const byRule = new Map();
    for (const t of targets) {
        if (remediations.get(t.rule)?.automatic !== true)
            continue;
        const list = byRule.get(t.rule) ?? [];
        list.push(t);
        byRule.set(t.rule, list);
    }
    await (0,util_concurrency/* mapLimit */.s)([...byRule], concurrency, async ([rule, ruleTargets]) => {
        const retry = remediations.get(rule)?.retryAttemptSeconds ?? DEFAULT_RETRY_ATTEMPT_SECONDS;
        const wanted = new Set(ruleTargets.map(recent_keyOf));
        const latest = new Map();
        try {
            for await (const page of (0,client_config_service_dist_cjs.paginateDescribeRemediationExecutionStatus)({ client: config, pageSize: PAGE_SIZE }, { ConfigRuleName: rule })) {
                for (const s of page.RemediationExecutionStatuses ?? []) {
                    const k = s.ResourceKey;
                    if (!k?.resourceType || !k.resourceId)
                        continue;
                    const key = recent_keyOf({ resourceType: k.resourceType, resourceId: k.resourceId });
                    if (wanted.has(key))
                        latest.set(key, s);
                }
            }
        }
        catch (err) {
            const e = (0,clients/* awsCallErrorOf */.vt)(err);
            const why = `rule ${rule} has automatic remediation and the status of its executions could not be read (${e.operation}: ${e.code}: ${e.message}); not run, to avoid remediating twice`;
            for (const t of ruleTargets)
                skip.set(targetKey(t), why);
            return;
        }
        for (const t of ruleTargets) {
            const s = latest.get(recent_keyOf(t));
            const why = s ? recentExecutionReason(s, retry, now) : undefined;
            if (why !== undefined)
                skip.set(targetKey(t), `${why}; not run, to avoid remediating twice`);
        }
    });
    return skip;
}

;// CONCATENATED MODULE: ./src/remediation/select.ts


/**
 * The default targets (non-compliant, unwaived findings of rules with a remediation binding), narrowed by the
 * rule and resource filters. Names in the filters that match nothing refuse the run, with the list.
 */
function selectCandidates(result, remediations, filters) {
    const bindings = new Map(remediations.map(r => [r.ruleName, r]));
    const unknownRules = [...new Set(filters.rules)].filter(r => !bindings.has(r));
    if (unknownRules.length > 0) {
        const known = [...bindings.keys()].sort();
        throw new errors/* PolicyError */.pn(`Remediation refused: remediate-rules names ${unknownRules.length === 1 ? 'a rule' : 'rules'} without a remediation binding in the manifest: ${listed(unknownRules)}. ` +
            `Rules with a binding: ${known.length > 0 ? listed(known) : 'none'}.`);
    }
    const all = [];
    const waived = new Set();
    for (const rule of result.rules) {
        const binding = bindings.get(rule.ruleName);
        if (!binding)
            continue;
        for (const finding of rule.findings) {
            if (finding.waiver !== undefined)
                waived.add(finding.resourceId);
            else
                all.push({ finding, rule, binding });
        }
    }
    const present = new Set(all.map(c => c.finding.resourceId));
    const unknownResources = [...new Set(filters.resources)].filter(r => !present.has(r) && !filters.alsoKnownResources?.has(r));
    if (unknownResources.length > 0) {
        const why = unknownResources.map(r => (waived.has(r) ? `${r} (waived)` : r));
        throw new errors/* PolicyError */.pn(`Remediation refused: remediate-resources names ${unknownResources.length === 1 ? 'a resource that is' : 'resources that are'} not non-compliant under a rule with a remediation binding: ${listed(why)}.`);
    }
    const ruleSet = new Set(filters.rules);
    const resourceSet = new Set(filters.resources);
    return all
        .filter(c => ruleSet.size === 0 || ruleSet.has(c.rule.ruleName))
        .filter(c => resourceSet.size === 0 || resourceSet.has(c.finding.resourceId))
        .sort((a, b) => compareTargets({ rule: a.rule.ruleName, resourceType: a.finding.resourceType, resourceId: a.finding.resourceId }, { rule: b.rule.ruleName, resourceType: b.finding.resourceType, resourceId: b.finding.resourceId }));
}

// EXTERNAL MODULE: ./src/compliance/recorder.ts
var recorder = __webpack_require__(9409);
;// CONCATENATED MODULE: ./src/remediation/verify.ts
/**
 * After a runbook ran, is the resource compliant?
 *
 * A runbook whose steps change nothing (it only publishes or reads, runbooks/effects.ts) is not waited on: its
 * outcome is `alerted` (it ran; the finding stays open).
 *
 * Recorder lag: a change-triggered rule judges the configuration item AWS Config recorded, which the recorder writes
 * some time after the change, and StartConfigRulesEvaluation "re-runs an evaluation against the last known state of
 * your resources" without recording anew (AWS Config API Reference, StartConfigRulesEvaluation). So for such a rule
 * the resource's configuration history is polled first (GetResourceConfigHistory, earlierTime = the end of the
 * execution) until an item captured at or after that end exists; only then is the rule evaluated. Account-level
 * resources (AWS::::Account) are not recorded (no configuration item type exists for them; the managed rules that
 * judge them are periodic): there is nothing to wait for, so their rules are evaluated at once. Periodic rules
 * (compliance/recorder.ts isPeriodicOnly, from DescribeConfigRules) read the account when they run and are evaluated
 * at once. All waits end at the deadline (remediation-timeout); past it the outcome is `succeeded-unverified` with
 * the reason.
 *
 * Each rule with a successful execution is re-evaluated (StartConfigRulesEvaluation). When AWS answers LimitExceededException (the rule was started less than a minute
 * ago) the running evaluation is awaited instead, and the rule is started again once the minute has passed if that
 * evaluation began before the fix. An evaluation counts once it began and succeeded after the last execution of the
 * rule finished (DescribeConfigRuleEvaluationStatus); then each resource's result is read
 * (GetComplianceDetailsByResource).
 *
 * Outcome per target: `verified` (COMPLIANT), `succeeded-unverified` (the runbook ran but the resource is not
 * reported compliant, or the evaluation did not finish in time); failed, timed-out and skipped executions keep
 * their state.
 */








/** Start evaluations again at most this often (AWS allows one per rule per minute). */
const START_INTERVAL_MS = 60_000;
const verify_FIRST_POLL_MS = 2_000;
const verify_MAX_POLL_MS = 15_000;
/** Has the rule been evaluated, successfully, by an evaluation that began at or after `after`? */
function evaluatedSince(st, after) {
    const evaluated = st?.LastSuccessfulEvaluationTime?.getTime();
    if (evaluated === undefined || evaluated < after)
        return false;
    const invoked = st?.LastSuccessfulInvocationTime?.getTime();
    return invoked === undefined || invoked >= after;
}
/** A failed evaluation after `after` (and after the last success): its message. */
function failedSince(st, after) {
    const failed = st?.LastFailedEvaluationTime?.getTime();
    if (failed === undefined || failed < after)
        return undefined;
    if ((st?.LastSuccessfulEvaluationTime?.getTime() ?? 0) > failed)
        return undefined;
    return `the re-evaluation failed: ${st?.LastErrorCode ?? 'error'}: ${st?.LastErrorMessage ?? 'no message'}`;
}
/** Resource types AWS Config does not record: no configuration item will show a change of them. */
const UNRECORDED_TYPES = new Set(['AWS::::Account']);
/** Re-evaluates the rules of succeeded executions and turns execution results into outcomes. */
async function verifyResults(deps, results, options) {
    const outcomes = results.map(r => toOutcome(r));
    const ran = outcomes.filter(o => o.status === 'succeeded-unverified');
    const alerted = ran.filter(o => deps.alertOnly?.(o.target.runbook.name) === true);
    for (const o of alerted) {
        o.status = 'alerted';
        o.message = `runbook ${o.target.runbook.name} only alerts (its steps change nothing): the finding stays open`;
        deps.logger.info((0,util_text/* sanitizeForLog */.F0)(`Verification of ${describeTarget(o.target)}: alerted (${o.message})`));
        await deps.audit.record({
            event: 'verified',
            ...targetFields(o.target),
            ...(o.executionId ? { executionId: o.executionId } : {}),
            status: o.status,
            complianceBefore: o.complianceBefore,
            verification: 'not awaited: the runbook only alerts',
            message: o.message
        });
    }
    const succeeded = ran.filter(o => o.status === 'succeeded-unverified');
    if (succeeded.length === 0)
        return { outcomes };
    let error;
    try {
        const periodic = await periodicRules(deps, [...new Set(succeeded.map(o => o.target.rule))]);
        const waits = new Map();
        for (const o of succeeded) {
            const end = Date.parse(o.finishedAt ?? '') || deps.clock.now().getTime();
            const rule = o.target.rule;
            const w = waits.get(rule) ?? { rule, after: end, items: [], startAt: 0, done: false };
            waits.set(rule, w);
            w.after = Math.max(w.after, end);
            if (periodic.has(rule))
                continue;
            if (UNRECORDED_TYPES.has(o.target.resourceType)) {
                deps.logger.info((0,util_text/* sanitizeForLog */.F0)(`${describeTarget(o.target)}: AWS Config records no configuration item for ${o.target.resourceType}; evaluating ${rule} without waiting for one.`));
                continue;
            }
            w.items.push({ target: o.target, since: end });
            w.startAt = undefined;
        }
        await awaitEvaluations(deps, [...waits.values()], options);
        for (const o of succeeded) {
            const w = waits.get(o.target.rule);
            if (w?.problem !== undefined)
                o.message = w.problem;
            else
                o.complianceAfter = await complianceOf(deps, o.target);
            if (o.complianceAfter === 'COMPLIANT') {
                o.status = 'verified';
            }
            else if (o.complianceAfter !== undefined) {
                o.message =
                    o.complianceAfter === 'NON_COMPLIANT'
                        ? 'the runbook ran, but the resource is still non-compliant after re-evaluation'
                        : `the runbook ran; after re-evaluation the resource is ${o.complianceAfter}`;
            }
            deps.logger.info((0,util_text/* sanitizeForLog */.F0)(`Verification of ${describeTarget(o.target)}: ${o.status}${o.message ? ` (${o.message})` : ''}`));
            await deps.audit.record({
                event: 'verified',
                ...targetFields(o.target),
                ...(o.executionId ? { executionId: o.executionId } : {}),
                status: o.status,
                complianceBefore: o.complianceBefore,
                ...(o.complianceAfter ? { complianceAfter: o.complianceAfter } : {}),
                verification: o.status === 'verified' ? 'compliant after re-evaluation' : (o.message ?? 'not verified'),
                ...(o.message ? { message: o.message } : {})
            });
        }
    }
    catch (err) {
        if (!(err instanceof errors/* AwsCallError */.iQ))
            throw err;
        error = err;
        for (const o of succeeded) {
            if (o.status === 'succeeded-unverified' && o.complianceAfter === undefined && o.message === undefined) {
                o.message = `not verified: ${err.message}`;
            }
        }
    }
    return error ? { outcomes, error } : { outcomes };
}
function toOutcome(r) {
    const status = r.status === 'succeeded' ? 'succeeded-unverified' : r.status === 'running' ? 'failed' : r.status;
    const o = { target: r.target, status, complianceBefore: 'NON_COMPLIANT' };
    if (r.executionId !== undefined)
        o.executionId = r.executionId;
    if (r.startedAt !== undefined)
        o.startedAt = r.startedAt;
    if (r.finishedAt !== undefined)
        o.finishedAt = r.finishedAt;
    if (r.failedStep !== undefined)
        o.failedStep = r.failedStep;
    if (r.message !== undefined)
        o.message = r.message;
    else if (r.status === 'running')
        o.message = 'state unknown';
    return o;
}
/** Rules that are periodic only (evaluated at once); a rule DescribeConfigRules does not return is not (fail closed). */
async function periodicRules(deps, names) {
    const config = await deps.config();
    const out = new Set();
    for (let i = 0; i < names.length; i += 25) {
        const chunk = names.slice(i, i + 25);
        let rules = [];
        try {
            rules = (await config.send(new client_config_service_dist_cjs.DescribeConfigRulesCommand({ ConfigRuleNames: chunk }))).ConfigRules ?? [];
        }
        catch (err) {
            // One of the rules is gone: read them one by one, so the others keep their trigger.
            if ((0,clients/* awsErrorCode */.J6)(err) !== 'NoSuchConfigRuleException')
                throw err;
            for (const name of chunk) {
                try {
                    rules.push(...((await config.send(new client_config_service_dist_cjs.DescribeConfigRulesCommand({ ConfigRuleNames: [name] }))).ConfigRules ?? []));
                }
                catch (e) {
                    if ((0,clients/* awsErrorCode */.J6)(e) !== 'NoSuchConfigRuleException')
                        throw e;
                }
            }
        }
        for (const r of rules)
            if (r.ConfigRuleName !== undefined && (0,recorder/* isPeriodicOnly */.Cj)(r))
                out.add(r.ConfigRuleName);
    }
    return out;
}
/**
 * Removes from `w.items` the resources that have a configuration item captured at or after their execution's end
 * (GetResourceConfigHistory, earlierTime = that end, newest first); the rule may then be evaluated.
 */
async function checkRecorded(config, w) {
    const left = [];
    for (const item of w.items) {
        let captured;
        try {
            const out = await config.send(new client_config_service_dist_cjs.GetResourceConfigHistoryCommand({
                resourceType: item.target.resourceType,
                resourceId: item.target.resourceId,
                earlierTime: new Date(item.since),
                limit: 1
            }));
            captured = out.configurationItems?.[0]?.configurationItemCaptureTime?.getTime();
        }
        catch (err) {
            // Not recorded yet (a resource the recorder has not discovered): keep waiting.
            if ((0,clients/* awsErrorCode */.J6)(err) !== 'ResourceNotDiscoveredException')
                throw err;
        }
        if (captured !== undefined && captured >= item.since)
            w.after = Math.max(w.after, captured);
        else
            left.push(item);
    }
    w.items = left;
}
async function awaitEvaluations(deps, waits, options) {
    const { clock, logger } = deps;
    const config = await deps.config();
    let interval = verify_FIRST_POLL_MS;
    const awaiting = waits.filter(w => w.items.length > 0);
    if (awaiting.length > 0) {
        logger.info(`Waiting for AWS Config to record the changed resources of ${awaiting.map(w => w.rule).join(', ')} (recorder lag; bounded by remediation-timeout, until ${options.deadline.toISOString()}).`);
    }
    for (;;) {
        if (deps.signal?.aborted) {
            for (const w of waits.filter(x => !x.done)) {
                w.done = true;
                w.problem = `not verified: the run was cancelled (${(0,cancellation/* cancelReasonOf */.ar)(deps.signal) ?? ''})`;
            }
            return;
        }
        for (const w of waits) {
            if (w.done || w.items.length === 0)
                continue;
            await checkRecorded(config, w);
            if (w.items.length === 0)
                w.startAt = 0;
        }
        const now = clock.now().getTime();
        for (const w of waits) {
            if (w.done || w.startAt === undefined || now < w.startAt)
                continue;
            try {
                await config.send(new client_config_service_dist_cjs.StartConfigRulesEvaluationCommand({ ConfigRuleNames: [w.rule] }));
                w.startAt = undefined;
            }
            catch (err) {
                if ((0,clients/* awsErrorCode */.J6)(err) !== 'LimitExceededException')
                    throw err;
                logger.info(`${w.rule}: an evaluation started less than a minute ago; waiting for it.`);
                w.startAt = now + START_INTERVAL_MS;
            }
        }
        const open = waits.filter(w => !w.done && w.items.length === 0);
        const statuses = open.length === 0
            ? []
            : ((await config.send(new client_config_service_dist_cjs.DescribeConfigRuleEvaluationStatusCommand({ ConfigRuleNames: open.map(w => w.rule) }))).ConfigRulesEvaluationStatus ?? []);
        const byName = new Map(statuses.map(s => [s.ConfigRuleName, s]));
        for (const w of open) {
            const st = byName.get(w.rule);
            if (evaluatedSince(st, w.after)) {
                w.done = true;
                continue;
            }
            const failed = failedSince(st, w.after);
            if (failed !== undefined) {
                w.done = true;
                w.problem = failed;
            }
        }
        const remaining = waits.filter(w => !w.done);
        if (remaining.length === 0)
            return;
        const left = options.deadline.getTime() - clock.now().getTime();
        if (left <= 0) {
            for (const w of remaining) {
                w.done = true;
                w.problem =
                    w.items.length > 0
                        ? `not verified: AWS Config recorded no configuration item of ${w.items.map(i => `${i.target.resourceType} ${i.target.resourceId}`).join(', ')} after the runbook ended before remediation-timeout (recorder lag)`
                        : 'not verified: the rule was not re-evaluated before remediation-timeout';
            }
            return;
        }
        await (0,cancellation/* sleepUnlessCancelled */.xE)(clock, Math.min(interval, left), deps.signal);
        interval = Math.min(interval * 2, verify_MAX_POLL_MS);
    }
}
async function complianceOf(deps, t) {
    const config = await deps.config();
    for await (const page of (0,client_config_service_dist_cjs.paginateGetComplianceDetailsByResource)({ client: config }, { ResourceType: t.resourceType, ResourceId: t.resourceId })) {
        for (const r of page.EvaluationResults ?? []) {
            if (r.EvaluationResultIdentifier?.EvaluationResultQualifier?.ConfigRuleName === t.rule) {
                return r.ComplianceType ?? 'INSUFFICIENT_DATA';
            }
        }
    }
    return 'NO_RESULT';
}

// EXTERNAL MODULE: ./src/runbooks/effects.ts
var effects = __webpack_require__(6727);
;// CONCATENATED MODULE: ./src/remediation/phase.ts






















async function runRemediation(clients, input, options, ctx, deps) {
    const r = startRun(clients, input, options, ctx, deps);
    const progress = await planAndApply(r);
    if (progress.error)
        await recordStop(r, progress.error);
    const outcomes = options.mode === 'apply' && progress.plan && progress.outcomes.length === 0 && progress.error
        ? refusedOutcomes(progress.plan, progress.error)
        : progress.outcomes;
    const cancelled = await recordCancellation(r, outcomes, progress.executions);
    const alerted = cancelled
        ? { alert: { sent: false, reason: 'the run was cancelled' } }
        : await phase_alert(r, outcomes, progress.plan, progress.error);
    const hub = cancelled ? undefined : await securityHubNotes(r, outcomes, alerted.alert);
    const result = resultOf(r, { ...progress, outcomes }, alerted.alert, progress.error ?? alerted.error, cancelled);
    result.report.trail = trailLines(r, hub);
    if (hub)
        result.securityHub = hub;
    return result;
}
function startRun(clients, input, options, ctx, deps) {
    const info = { ...ctx.run };
    const url = (0,run_context/* runUrlOf */.Qm)(info);
    if (url !== undefined)
        info.runUrl = url;
    const { roleSessionName, accountId, region } = ctx;
    const trail = options.auditTrail
        ? new CloudWatchAuditTrail(() => clients.logs(), options.auditTrail, auditStreamName(info.repository, info.runId, info.runAttempt, ctx.job ?? ''), deps.logger)
        : undefined;
    const audit = new AuditLog((0,external_node_path_.join)(options.reportDir, AUDIT_FILE_NAME), auditContext(info, { roleSessionName, accountId, region, mode: options.mode }), () => deps.clock.now(), undefined, trail);
    return { clients, input, options, ctx, deps, info, audit, planFile: (0,external_node_path_.join)(options.reportDir, PLAN_FILE_NAME) };
}
/** Plan; in apply mode, the oversight checks, execution and verification. A refusal or AWS error ends it. */
async function planAndApply(r) {
    const { options, ctx, audit } = r;
    let plan;
    let approval;
    try {
        const approvedFile = options.mode === 'apply' ? await readApprovedFile(options.approvedPlanFile) : {};
        const built = await makePlan(r, approvedFile);
        plan = built.plan;
        await recordPlan(r, plan);
        requireAuditTrail(r, 'no remediation runs');
        if (options.mode === 'plan') {
            checkLimit(plan.targets, options.max);
            return { plan, outcomes: [] };
        }
        checkContext('apply', options.remediateOn, { eventName: r.info.eventName, isFork: ctx.isFork });
        const approved = approve({
            ...(options.approvedPlanHash !== undefined ? { approvedPlanHash: options.approvedPlanHash } : {}),
            ...(options.approvedPlanFile !== undefined ? { approvedPlanFile: options.approvedPlanFile } : {}),
            approvedFile,
            plan,
            planned: built.planned,
            result: r.input.result,
            accountId: ctx.accountId,
            region: ctx.region
        });
        approval = approved.message;
        for (const record of approved.records)
            await audit.record(record);
        const toRun = approved.run.map(p => p.target);
        checkLimit(toRun, options.max);
        checkRunbooksDeployed(toRun);
        requireAuditTrail(r, 'no remediation runs');
        const applied = await executeAndVerify(r, approved.run, plan.hash);
        const recent = await recentSkips(r, plan, approved.skipped);
        const trailFailure = r.audit.remoteFailure();
        const error = applied.error ??
            (trailFailure !== undefined
                ? new errors/* PolicyError */.pn(`No audit, no action: ${trailFailure}; no further remediation started.`)
                : undefined);
        return {
            plan,
            outcomes: [...applied.outcomes, ...approved.skipped, ...recent].sort((a, b) => compareTargets(a.target, b.target)),
            ...(approval !== undefined ? { approval } : {}),
            ...(applied.executions ? { executions: applied.executions } : {}),
            ...(error ? { error } : {})
        };
    }
    catch (err) {
        if (!(err instanceof errors/* PolicyError */.pn) && !(err instanceof errors/* AwsCallError */.iQ))
            throw err;
        return { ...(plan ? { plan } : {}), outcomes: [], ...(approval !== undefined ? { approval } : {}), error: err };
    }
}
/** No audit, no action: refuses (PolicyError) once the CloudWatch Logs trail could not be written. */
function requireAuditTrail(r, consequence) {
    const failure = r.audit.remoteFailure();
    if (failure !== undefined)
        throw new errors/* PolicyError */.pn(`No audit, no action: ${failure}; ${consequence}.`);
}
/** With security-hub: notes, the run's outcomes and alerted findings as notes on AWS Config's findings. */
async function securityHubNotes(r, outcomes, alert) {
    if (r.options.securityHub !== 'notes')
        return undefined;
    const alerted = alert.sent
        ? r.input.result.rules.flatMap(rule => rule.findings.filter(f => f.waiver === undefined))
        : [];
    const hub = await noteFindings(() => r.clients.securityHub(), notesOf(outcomes, alerted, r.info.runUrl), { accountId: r.ctx.accountId, region: r.ctx.region }, r.deps.logger);
    await r.audit.record({
        event: 'security-hub-updated',
        status: hub.error !== undefined ? 'error' : 'done',
        ...(hub.error !== undefined ? { reason: hub.error } : {}),
        details: { updated: hub.updated, notFound: hub.notFound }
    });
    return hub;
}
/** One sentence each about the CloudWatch Logs trail and the Security Hub notes (for the summary). */
function trailLines(r, hub) {
    const lines = [];
    const remote = r.audit.remote;
    if (remote) {
        const failure = r.audit.remoteFailure();
        lines.push(failure !== undefined
            ? `Audit trail failed: ${failure}.`
            : `Audit trail: ${remote.count()} record(s) in CloudWatch Logs ${remote.settings.logGroup}, stream ${remote.stream}${remote.note() !== undefined ? ` (${remote.note()})` : ''}.`);
    }
    if (hub) {
        const missing = hub.notFound.length > 0 ? `; no finding for ${hub.notFound.join('; ')}` : '';
        lines.push(hub.error !== undefined
            ? `Security Hub notes failed after ${hub.updated} finding(s): ${hub.error}${missing}.`
            : `Security Hub: ${hub.updated} finding(s) noted${missing}.`);
    }
    return lines;
}
/** Selects the targets, reads what will run (Config remediation configurations, runbook versions), builds the plan. */
async function makePlan(r, approvedFile) {
    const { clients, input, options, ctx } = r;
    const candidates = selectCandidates(input.result, input.desired.remediations, {
        rules: options.rules,
        resources: options.resources,
        ...(approvedFile.plan ? { alsoKnownResources: new Set(approvedFile.plan.targets.map(t => t.resourceId)) } : {})
    });
    const configRules = [...new Set(candidates.map(c => c.binding.ruleName))].filter(rule => input.deployedRemediations.has(rule));
    const deployed = configRules.length > 0 ? await (0,read_actual.readRemediationConfigurations)(await clients.config(), configRules) : new Map();
    const refs = candidates.map(c => {
        const d = deployed.get(c.binding.ruleName);
        const version = d ? d.targetVersion : c.binding.targetVersion;
        return { name: d?.targetId ?? c.binding.targetId, ...(version ? { version } : {}) };
    });
    const runbooks = refs.length > 0 ? await readRunbooks(await clients.ssm(), refs) : new Map();
    // No double remediation: targets of rules that AWS Config remediates automatically, with a recent execution for the
    // resource (or whose execution status cannot be read), are left out with the reason (recent.ts).
    const targets = candidates.map(c => ({
        rule: c.rule.ruleName,
        resourceType: c.finding.resourceType,
        resourceId: c.finding.resourceId
    }));
    const automatic = [...deployed.values()].some(d => d.automatic);
    const skip = automatic
        ? await recentlyRemediated(await clients.config(), targets, deployed, r.deps.clock.now())
        : new Map();
    return buildPlan({
        skip,
        candidates,
        deployed,
        runbooks,
        manifestHashes: new Map(input.desired.documents.map(d => [d.name, d.hash.toLowerCase()])),
        mode: options.mode,
        accountId: ctx.accountId,
        region: ctx.region,
        createdAt: r.deps.clock.now().toISOString()
    });
}
const NOT_DEPLOYED = new Set(['InvalidDocument', 'InvalidDocumentVersion']);
/** Version and hash of each runbook (once per name and requested version); absent from the map: not deployed. */
async function readRunbooks(ssm, refs) {
    const out = new Map();
    const seen = new Set();
    for (const ref of refs) {
        const key = runbookKey(ref.name, ref.version);
        if (seen.has(key))
            continue;
        seen.add(key);
        try {
            const res = await ssm.send(new dist_cjs.DescribeDocumentCommand({ Name: ref.name, ...(ref.version ? { DocumentVersion: ref.version } : {}) }));
            const d = res.Document;
            if (d?.DocumentVersion && d.Hash)
                out.set(key, { version: d.DocumentVersion, hash: d.Hash.toLowerCase() });
        }
        catch (err) {
            if (NOT_DEPLOYED.has((0,clients/* awsErrorCode */.J6)(err)))
                continue;
            throw err;
        }
    }
    return out;
}
/** Writes remediation-plan.json, logs the plan and records it. */
async function recordPlan(r, plan) {
    const { options, audit } = r;
    const { logger } = r.deps;
    audit.setPlanHash(plan.hash);
    await writePlanFile(r.planFile, plan);
    logger.info(`Remediation plan ${plan.hash}: ${plan.targets.length} target${plan.targets.length === 1 ? '' : 's'} (${options.mode}); written to ${r.planFile}.`);
    for (const t of plan.targets) {
        logger.info((0,util_text/* sanitizeForLog */.F0)(`  ${describeTarget(t)} -> ${t.runbook.name}@${t.runbook.version} via ${t.route}`));
    }
    for (const note of plan.notes)
        logger.warn((0,util_text/* sanitizeForLog */.F0)(note));
    await audit.record({
        event: 'plan-computed',
        status: 'planned',
        details: {
            targets: plan.targets.map(describeTarget),
            count: plan.targets.length,
            max: options.max,
            filters: { rules: options.rules, resources: options.resources },
            notes: plan.notes,
            detectedAt: detectionTimes(r, plan)
        }
    });
}
/**
 * The plan's targets left out for a recent automatic remediation, as skipped outcomes (apply mode), recorded in the
 * audit log; those the approval already reports as skipped are not repeated.
 */
async function recentSkips(r, plan, already) {
    const seen = new Set(already.map(o => targetKey(o.target)));
    const out = [];
    for (const s of plan.skipped ?? []) {
        if (seen.has(targetKey(s.target)))
            continue;
        out.push({ target: s.target, status: 'skipped', message: s.reason, complianceBefore: 'NON_COMPLIANT' });
        await r.audit.record({
            event: 'target-skipped',
            ...targetFields(s.target),
            status: 'skipped',
            reason: s.reason,
            complianceBefore: 'NON_COMPLIANT'
        });
    }
    return out;
}
/** When Config recorded each target's non-compliance (for the effectiveness review), by rule, type and resource. */
function detectionTimes(r, plan) {
    const out = {};
    const wanted = new Set(plan.targets.map(t => t.fingerprint));
    for (const rule of r.input.result.rules) {
        for (const f of rule.findings) {
            if (wanted.has(f.fingerprint) && f.recordedTime !== undefined) {
                out[`${f.ruleName}\n${f.resourceType}\n${f.resourceId}`] = f.recordedTime;
            }
        }
    }
    return out;
}
/** Runs the targets in waves, then verifies them (until the run's deadline, at least two minutes). */
async function executeAndVerify(r, toRun, planHash) {
    const { clients, options, audit } = r;
    const { clock, logger } = r.deps;
    const signal = r.deps.signal ? { signal: r.deps.signal } : {};
    const executed = await executeTargets({ config: () => clients.config(), ssm: () => clients.ssm(), clock, logger, audit, ...signal }, toRun, {
        timeoutSeconds: options.timeoutSeconds,
        errorPercent: options.errorPercent,
        planHash,
        runId: r.info.runId,
        runAttempt: r.info.runAttempt
    });
    const verifyDeadline = new Date(Math.max(executed.deadline.getTime(), clock.now().getTime() + 120_000));
    // A runbook of the manifest only alerts when its validated steps change nothing; an AWS-owned one when it is
    // known to (runbooks/effects.ts); any other document may change things and is verified.
    const documents = new Map(r.input.desired.documents.map(d => [d.name, d]));
    const alertOnly = (name) => {
        const d = documents.get(name);
        return d ? d.changesNothing === true : (0,effects/* awsDocumentChangesNothing */.t)(name);
    };
    const verified = await verifyResults({ config: () => clients.config(), clock, logger, audit, alertOnly, ...signal }, executed.results, { deadline: verifyDeadline });
    const error = executed.error ?? verified.error;
    return {
        outcomes: verified.outcomes,
        ...(executed.cancelled ? { executions: executed.cancelled } : {}),
        ...(error ? { error } : {})
    };
}
/** Logs and records the refusal or error that stopped the run. */
async function recordStop(r, err) {
    r.deps.logger.warn((0,util_text/* sanitizeForLog */.F0)(err.message));
    await r.audit.record({
        event: err instanceof errors/* PolicyError */.pn ? 'refused' : 'run-failed',
        status: err instanceof errors/* PolicyError */.pn ? 'refused' : 'error',
        reason: err.message
    });
}
/** When the run was cancelled: what cancellation did, logged and recorded. */
async function recordCancellation(r, outcomes, executions) {
    const reason = (0,cancellation/* cancelReasonOf */.ar)(r.deps.signal);
    if (reason === undefined)
        return undefined;
    const cancelled = describeCancellation(reason, outcomes, executions);
    await r.audit.record(cancelled.record);
    r.deps.logger.warn((0,util_text/* sanitizeForLog */.F0)(`Remediation cancelled: ${cancelled.message}`));
    return cancelled;
}
/** The run's alert; a failed publish is returned as the run's error if nothing else stopped it. */
async function phase_alert(r, outcomes, plan, problem) {
    const { options, ctx, input } = r;
    try {
        const alert = await sendAlert(() => r.clients.sns(), {
            policy: options.alert,
            mode: options.mode,
            topic: input.desired.alertTopic,
            result: input.result,
            outcomes,
            run: r.info,
            planned: plan?.targets.length ?? 0,
            ...(ctx.knownFingerprints ? { knownFingerprints: ctx.knownFingerprints } : {}),
            ...(problem ? { problem: problem.message } : {})
        }, { audit: r.audit, logger: r.deps.logger });
        return { alert };
    }
    catch (err) {
        if (!(err instanceof errors/* AwsCallError */.iQ))
            throw err;
        return { alert: { sent: false, reason: `sns:Publish failed: ${err.message}` }, error: err };
    }
}
function resultOf(r, progress, alert, error, cancelled) {
    const { options, ctx } = r;
    const { plan, outcomes } = progress;
    const report = {
        plan: plan ?? {
            schemaVersion: PLAN_SCHEMA_VERSION,
            hash: '',
            mode: options.mode,
            accountId: ctx.accountId,
            region: ctx.region,
            createdAt: r.deps.clock.now().toISOString(),
            targets: [],
            notes: ['No plan was made.']
        },
        mode: options.mode,
        planFile: plan ? r.planFile : '(not written)',
        auditFile: r.audit.file,
        outcomes,
        max: options.max,
        ...(progress.approval !== undefined ? { approval: progress.approval } : {}),
        ...(error !== undefined ? { error } : {}),
        ...(cancelled ? { cancelled: cancelled.message } : {}),
        alert: alert.sent
            ? `Alert sent to ${r.input.desired.alertTopic ?? ''} (${alert.reason}).`
            : `No alert: ${alert.reason}.`
    };
    const out = {
        outcomes,
        auditFile: r.audit.file,
        report,
        counts: (0,result/* countsOf */.m)(plan?.targets.length ?? 0, outcomes),
        alert
    };
    if (plan) {
        out.plan = plan;
        out.planFile = r.planFile;
        out.planHash = plan.hash;
    }
    if (error)
        out.error = error;
    if (cancelled)
        out.cancelled = { reason: cancelled.reason, message: cancelled.message };
    return out;
}


/***/ }),

/***/ 4428:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ countOutcomes),
/* harmony export */   m: () => (/* binding */ countsOf)
/* harmony export */ });
/** Counts of outcomes by status. */
function countOutcomes(outcomes) {
    const c = {
        verified: 0,
        'succeeded-unverified': 0,
        alerted: 0,
        failed: 0,
        'timed-out': 0,
        skipped: 0,
        cancelled: 0
    };
    for (const o of outcomes)
        c[o.status]++;
    return c;
}
/** The counts of a run with `planned` targets (0 and no outcomes when no plan was made). */
function countsOf(planned, outcomes) {
    const c = countOutcomes(outcomes);
    return {
        planned,
        started: outcomes.filter(o => o.startedAt !== undefined && o.status !== 'skipped').length,
        remediated: c.verified + c['succeeded-unverified'] + c.alerted,
        verified: c.verified,
        unverified: c['succeeded-unverified'],
        alerted: c.alerted,
        failed: c.failed + c['timed-out'],
        timedOut: c['timed-out'],
        skipped: c.skipped,
        cancelled: c.cancelled
    };
}


/***/ }),

/***/ 6727:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ runbookChangesNothing),
/* harmony export */   t: () => (/* binding */ awsDocumentChangesNothing)
/* harmony export */ });
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(750);
/**
 * Pure: does a runbook change nothing in the account (it only publishes notifications or reads)? Such a runbook
 * alerts: the remediation phase does not wait for a re-evaluation after it (nothing was fixed), and its outcome is
 * `alerted`, the finding stays open.
 *
 * Decided from the validated steps, failing closed: a step changes nothing only when it is
 * - `aws:executeAwsApi` with literal `Service` and `Api` that publish (`sns` `Publish`) or read (`Describe*`,
 *   `Get*`, `List*`; AWS API naming: read operations are Describe/Get/List), or
 * - a step that calls no API of its own (`aws:sleep`, `aws:pause`, `aws:branch`, `aws:loop`, whose nested steps are
 *   judged on their own) or only reads (`aws:assertAwsResourceProperty`, `aws:waitForAwsResourceProperty`).
 * Anything else (scripts, commands, other APIs, an API given by a parameter) may change something.
 * (Actions: "Systems Manager Automation actions reference",
 * https://docs.aws.amazon.com/systems-manager/latest/userguide/automation-actions.html.)
 */

const NO_API_ACTIONS = new Set(['aws:sleep', 'aws:pause', 'aws:branch', 'aws:loop']);
const READ_ACTIONS = new Set(['aws:assertAwsResourceProperty', 'aws:waitForAwsResourceProperty']);
const READ_API = /^(Describe|Get|List)[A-Z]/;
/**
 * AWS-owned documents that only alert: AWS-PublishSNSNotification "Publish a notification to Amazon SNS"
 * (https://docs.aws.amazon.com/systems-manager-automation-runbooks/latest/userguide/automation-aws-publishsnsnotification.html).
 * Every other AWS-owned document is taken to change something.
 */
const ALERT_ONLY_AWS_DOCUMENTS = new Set(['AWS-PublishSNSNotification']);
function stepChangesNothing(step) {
    if (NO_API_ACTIONS.has(step.action) || READ_ACTIONS.has(step.action))
        return true;
    if (step.action !== 'aws:executeAwsApi')
        return false;
    const service = step.inputs['Service'];
    const api = step.inputs['Api'];
    if (typeof service !== 'string' || typeof api !== 'string' || /\{\{/.test(service + api))
        return false;
    if (service.toLowerCase() === 'sns' && api === 'Publish')
        return true;
    return READ_API.test(api);
}
/** The runbook has steps and every one (nested ones included) only publishes or reads. */
function runbookChangesNothing(runbook) {
    const steps = (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .allSteps */ .Bd)(runbook.steps);
    return steps.length > 0 && steps.every(stepChangesNothing);
}
/** An AWS-owned document known to only alert. */
function awsDocumentChangesNothing(name) {
    return ALERT_ONLY_AWS_DOCUMENTS.has(name);
}


/***/ }),

/***/ 9081:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bU: () => (/* binding */ documentFormat),
/* harmony export */   dW: () => (/* binding */ contentBytes),
/* harmony export */   j5: () => (/* binding */ MAX_DOCUMENT_CONTENT_BYTES),
/* harmony export */   kt: () => (/* binding */ documentHash)
/* harmony export */ });
/* unused harmony export sameDocumentHash */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/**
 * What is sent to SSM and how it is compared with what is deployed.
 *
 * The content sent to CreateDocument/UpdateDocument is the file's text exactly as read (no re-serialisation), with
 * `DocumentFormat` YAML for .yaml/.yml files and JSON for .json files. SSM's DescribeDocument returns `Hash` with
 * `HashType: Sha256` over that content, so `documentHash(content) === Document.Hash` means "deployed as is".
 */


/** The SSM limit for document content: "The size limit of a document is 64 KB" (MaxDocumentSizeExceeded). */
const MAX_DOCUMENT_CONTENT_BYTES = 64 * 1024;
/** SHA-256 (lowercase hex) of the content as UTF-8, as SSM computes `Hash` for `HashType: Sha256`. */
function documentHash(content) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(content, 'utf8').digest('hex');
}
/** True when the deployed hash (DescribeDocument `Hash`) matches the content to deploy. Case-insensitive on hex. */
function sameDocumentHash(content, deployedHash) {
    return deployedHash !== undefined && documentHash(content) === deployedHash.toLowerCase();
}
/** The `DocumentFormat` to declare for a runbook file: JSON for `.json`, YAML for `.yaml`/`.yml`. */
function documentFormat(file) {
    const lower = file.toLowerCase();
    if (lower.endsWith('.json'))
        return 'JSON';
    if (lower.endsWith('.yaml') || lower.endsWith('.yml'))
        return 'YAML';
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SourceError */ .c8(file, 1, 1, 'a runbook file must end in .yaml, .yml or .json (its DocumentFormat for SSM)');
}
/** Size of the content in bytes as SSM counts it (UTF-8). */
function contentBytes(content) {
    return Buffer.byteLength(content, 'utf8');
}


/***/ }),

/***/ 750:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bd: () => (/* binding */ allSteps),
/* harmony export */   WH: () => (/* binding */ scanTemplate),
/* harmony export */   u4: () => (/* binding */ isRecord),
/* harmony export */   v2: () => (/* binding */ walkSteps),
/* harmony export */   wD: () => (/* binding */ parseRunbook),
/* harmony export */   x5: () => (/* binding */ locate)
/* harmony export */ });
/* unused harmony export documentNameFromFile */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _source_yaml_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9094);
/* harmony import */ var _source_collector_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9090);
/* harmony import */ var _source_tree_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1689);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3916);
/* harmony import */ var _hash_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9081);






/** The default document name: the file's base name without its extension (`a/b/My-Runbook.yaml` -> `My-Runbook`). */
function documentNameFromFile(file) {
    const base = file.split(/[\\/]/).pop() ?? file;
    const dot = base.lastIndexOf('.');
    return dot > 0 ? base.slice(0, dot) : base;
}
const lineCol = (p) => ({ line: p.line, col: p.col });
/**
 * The position of the node at `path` (its key with `which: 'key'`, when it has one). When the path does not exist,
 * the position of its nearest existing ancestor, so that "missing X" errors point at the enclosing mapping.
 */
function locate(runbook, path, which = 'value') {
    return runbook.tree === undefined ? runbook.pos : lineCol((0,_source_tree_js__WEBPACK_IMPORTED_MODULE_3__/* .positionOf */ .df)(runbook.tree, path, which));
}
/** Finds the `{{ ... }}` references in a string, including malformed ones (unterminated, empty, nested). */
function scanTemplate(value) {
    const found = [];
    let from = 0;
    for (;;) {
        const open = value.indexOf('{{', from);
        if (open < 0)
            return found;
        const close = value.indexOf('}}', open + 2);
        if (close < 0) {
            found.push({
                raw: value.slice(open),
                expression: value.slice(open + 2).trim(),
                index: open,
                error: 'unterminated'
            });
            return found;
        }
        const raw = value.slice(open, close + 2);
        const inner = value.slice(open + 2, close);
        const expression = inner.trim();
        const match = { raw, expression, index: open };
        if (inner.includes('{{'))
            match.error = 'nested';
        else if (expression === '')
            match.error = 'empty';
        found.push(match);
        from = close + 2;
    }
}
/** Every string of the tree with its path, in document order (aliased strings at their alias). */
function collectStrings(node, path, out) {
    if (node.kind === 'map')
        for (const e of node.entries)
            collectStrings(e.value, [...path, e.key], out);
    else if (node.kind === 'seq')
        node.items.forEach((item, i) => collectStrings(item, [...path, i], out));
    else if (typeof node.value === 'string') {
        out.push({ path, value: node.value, range: node.range, pos: lineCol(node.pos) });
    }
}
/** A YAML/JSON mapping (not a list, not null). */
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function str(value) {
    return typeof value === 'string' ? value : '';
}
function optStr(value) {
    return typeof value === 'string' ? value : undefined;
}
function startsWith(path, prefix) {
    return prefix.length <= path.length && prefix.every((p, i) => path[i] === p);
}
/** Inputs of aws:executeScript that hold code, not runbook text: `{{ }}` there is the script's own business. */
const CODE_INPUTS = new Set(['Script', 'Attachment']);
/**
 * Parses runbook text. Throws SourceErrors (every YAML error, with positions) when the text is not a single
 * YAML/JSON mapping. Structural problems inside the mapping are left to `checkRunbook`
 * (validate/).
 */
function parseRunbook(text, file, options = {}) {
    const parsed = (0,_source_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .readYaml */ .gM)(text);
    const doc = parsed.doc;
    const linePos = (offset) => parsed.position(offset);
    const syntax = new _source_collector_js__WEBPACK_IMPORTED_MODULE_2__/* .ErrorSink */ .u();
    for (const e of parsed.errors)
        syntax.add((0,_source_tree_js__WEBPACK_IMPORTED_MODULE_3__/* .positionAt */ .t$)(parsed, file, e.offset), `invalid YAML/JSON: ${e.message}`);
    syntax.throwInOrderIfAny();
    const root = doc.contents;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(root)) {
        const p = root?.range ? linePos(root.range[0]) : { line: 1, col: 1 };
        const what = root === null ? 'the document is empty' : 'the document is not a mapping';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .SourceErrors */ .VH([
            new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .SourceError */ .c8(file, p.line, p.col, `${what}: a runbook is a mapping with schemaVersion, parameters, mainSteps`)
        ]);
    }
    let data;
    try {
        data = (0,_source_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .yamlToJS */ .GC)(parsed, file);
    }
    catch (err) {
        if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .SourceError */ .c8)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .SourceErrors */ .VH([err]);
        throw err;
    }
    // The tree gives positions only; the data is `data` (validated by validate/), so its own problems are not ours.
    const tree = (0,_source_tree_js__WEBPACK_IMPORTED_MODULE_3__/* .toTree */ .Gc)(parsed, file, new _source_collector_js__WEBPACK_IMPORTED_MODULE_2__/* .ErrorSink */ .u(), { keepRanges: true });
    const pos = tree === undefined ? { line: 1, col: 1 } : lineCol(tree.pos);
    const at = (path, which = 'value') => locate({ tree, pos }, path, which);
    const strings = [];
    if (tree !== undefined)
        collectStrings(tree, [], strings);
    const refsUnder = (include) => {
        const refs = [];
        for (const s of strings) {
            if (!include(s.path))
                continue;
            const source = s.range === undefined ? '' : text.slice(s.range[0], s.range[1]);
            let cursor = 0;
            for (const m of scanTemplate(s.value)) {
                const idx = s.range === undefined ? -1 : source.indexOf(m.raw, cursor);
                const refPos = idx >= 0 && s.range !== undefined ? linePos(s.range[0] + idx) : s.pos;
                if (idx >= 0)
                    cursor = idx + m.raw.length;
                const ref = { expression: m.expression, raw: m.raw, path: s.path, pos: refPos };
                refs.push(m.error ? { ...ref, error: m.error } : ref);
            }
        }
        return refs;
    };
    const parameters = [];
    if (isRecord(data.parameters)) {
        for (const [name, def] of Object.entries(data.parameters)) {
            const d = isRecord(def) ? def : {};
            const param = {
                name,
                type: str(d.type),
                hasDefault: 'default' in d,
                pos: at(['parameters', name], 'key')
            };
            if (typeof d.description === 'string')
                param.description = d.description;
            if ('default' in d)
                param.default = d.default;
            if (typeof d.allowedPattern === 'string')
                param.allowedPattern = d.allowedPattern;
            if (Array.isArray(d.allowedValues))
                param.allowedValues = d.allowedValues;
            parameters.push(param);
        }
    }
    const variables = [];
    if (isRecord(data.variables)) {
        for (const [name, def] of Object.entries(data.variables)) {
            const d = isRecord(def) ? def : {};
            const variable = { name, type: str(d.type), pos: at(['variables', name], 'key') };
            if ('default' in d)
                variable.default = d.default;
            variables.push(variable);
        }
    }
    const readSteps = (list, base, loop) => {
        if (!Array.isArray(list))
            return [];
        return list.map((item, i) => {
            const path = [...base, i];
            const s = isRecord(item) ? item : {};
            const name = str(s.name);
            const action = str(s.action);
            const inputs = isRecord(s.inputs) ? s.inputs : {};
            const outputs = [];
            if (Array.isArray(s.outputs)) {
                s.outputs.forEach((o, j) => {
                    const out = isRecord(o) ? o : {};
                    outputs.push({
                        name: str(out.Name),
                        selector: str(out.Selector),
                        type: str(out.Type),
                        pos: at([...path, 'outputs', j])
                    });
                });
            }
            const inputsPath = [...path, 'inputs'];
            const nestedPath = [...inputsPath, 'Steps'];
            const isLoop = action === 'aws:loop';
            const isScript = action === 'aws:executeScript';
            const refs = refsUnder(p => startsWith(p, inputsPath) &&
                !(isLoop && startsWith(p, nestedPath)) &&
                !(isScript && CODE_INPUTS.has(String(p[inputsPath.length]))));
            const step = {
                name,
                action,
                inputs,
                outputs,
                steps: isLoop ? readSteps(inputs.Steps, nestedPath, name) : [],
                path,
                pos: at(path),
                refs
            };
            const nextStep = optStr(s.nextStep);
            const onFailure = optStr(s.onFailure);
            const onCancel = optStr(s.onCancel);
            if (nextStep !== undefined)
                step.nextStep = nextStep;
            if (onFailure !== undefined)
                step.onFailure = onFailure;
            if (onCancel !== undefined)
                step.onCancel = onCancel;
            if (typeof s.isEnd === 'boolean')
                step.isEnd = s.isEnd;
            else if (s.isEnd === 'true' || s.isEnd === 'false')
                step.isEnd = s.isEnd === 'true';
            if (loop !== undefined)
                step.loop = loop;
            return step;
        });
    };
    const outputs = [];
    if (Array.isArray(data.outputs)) {
        data.outputs.forEach((o, i) => {
            if (typeof o === 'string')
                outputs.push({ value: o, pos: at(['outputs', i]) });
        });
    }
    const runbook = {
        file,
        name: options.name ?? documentNameFromFile(file),
        format: (0,_hash_js__WEBPACK_IMPORTED_MODULE_5__/* .documentFormat */ .bU)(file),
        content: text,
        parameters,
        variables,
        steps: readSteps(data.mainSteps, ['mainSteps']),
        outputs,
        refs: refsUnder(p => p[0] === 'assumeRole'),
        data,
        pos,
        tree
    };
    if ('schemaVersion' in data)
        runbook.schemaVersion = data.schemaVersion;
    if (typeof data.description === 'string')
        runbook.description = data.description;
    if (typeof data.assumeRole === 'string')
        runbook.assumeRole = data.assumeRole;
    return runbook;
}
/**
 * Visits every step, loop-nested steps included, in document order (a loop step before its nested steps), with the
 * list it belongs to (its siblings, itself included) and its enclosing loop step.
 */
function walkSteps(steps, visit, loop) {
    for (const step of steps) {
        visit(step, steps, loop);
        walkSteps(step.steps, visit, step);
    }
}
/** Every step of the runbook, loop-nested steps included, in document order. */
function allSteps(steps) {
    const all = [];
    walkSteps(steps, step => all.push(step));
    return all;
}


/***/ }),

/***/ 9090:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  u: () => (/* binding */ ErrorSink)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/source/position.ts
/** Orders positions by file, then line, then column. */
function comparePositions(a, b) {
    return a.file === b.file ? a.line - b.line || a.col - b.col : a.file < b.file ? -1 : 1;
}

;// CONCATENATED MODULE: ./src/source/collector.ts
/**
 * The one error collector: readers add every problem they find (a SourceError at a position) and throw them all
 * together as SourceErrors, so a user fixes a file in one round instead of one error per run.
 */


class ErrorSink {
    errors = [];
    add(pos, detail) {
        this.errors.push(errors/* SourceError */.c8.at(pos, detail));
    }
    /** Adds errors found elsewhere (another file's reader, a SourceErrors caught from a callee). */
    addErrors(errors) {
        for (const e of errors)
            this.errors.push(e);
    }
    get count() {
        return this.errors.length;
    }
    /** Throws SourceErrors (sorted by position) when anything was collected. */
    throwIfAny() {
        if (this.errors.length > 0)
            this.throwAll();
    }
    /** Throws SourceErrors with everything collected (sorted by file, line, column). */
    throwAll() {
        throw new errors/* SourceErrors */.VH([...this.errors].sort(comparePositions));
    }
    /** Throws SourceErrors with everything collected, in the order found, when anything was collected. */
    throwInOrderIfAny() {
        if (this.errors.length > 0)
            throw new errors/* SourceErrors */.VH([...this.errors]);
    }
}


/***/ }),

/***/ 1689:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gc: () => (/* binding */ toTree),
/* harmony export */   df: () => (/* binding */ positionOf),
/* harmony export */   f_: () => (/* binding */ entry),
/* harmony export */   q0: () => (/* binding */ describe),
/* harmony export */   t$: () => (/* binding */ positionAt)
/* harmony export */ });
/* unused harmony export nodeAt */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/**
 * The one YAML-with-positions tree: every reader of a user file (manifest, conformance packs, CloudFormation
 * templates, runbooks) turns the `yaml` library's document (source/yaml.ts) into this small tree, where every node
 * and every map key keeps its SourcePosition, and finds positions with `positionOf(path)`.
 *
 * The conversion is one pass over the document (linear: a 10 MB pack parses in seconds, bench pack-parse).
 * Dialects (CloudFormation's short-form tags: source/cloudformation.ts) plug in through `convertTag`.
 */

/** The position of an offset in a parsed text, with the file name. */
function positionAt(parsed, file, offset) {
    const { line, col } = parsed.position(offset);
    return { file, line, col };
}
/**
 * The tree of a parsed document (syntax errors are the caller's to report first: source/yaml.ts returns them).
 * Problems of the conversion (keys that are not strings, aliases when refused, unsupported values) go to the sink.
 * Undefined for an empty document.
 */
function toTree(parsed, file, sink, options = {}) {
    const contents = parsed.doc.contents;
    if (contents === null)
        return undefined;
    const cx = { doc: parsed.doc, at: offset => positionAt(parsed, file, offset), sink, options };
    return convert(contents, cx, undefined);
}
function convert(node, cx, aliasPos) {
    const pos = aliasPos ?? cx.at(node.range?.[0] ?? 0);
    const inner = convertUntagged(node, pos, cx, aliasPos);
    const tag = node.tag;
    if (cx.options.convertTag && tag?.startsWith('!') && !tag.startsWith('!!')) {
        return cx.options.convertTag(tag.slice(1), inner, pos);
    }
    return inner;
}
const emptyScalar = (pos) => ({ kind: 'scalar', value: null, text: '', pos });
function convertUntagged(node, pos, cx, aliasPos) {
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(node)) {
        if (cx.options.refuseAliases !== undefined)
            cx.sink.add(pos, cx.options.refuseAliases);
        else if (aliasPos === undefined) {
            const target = node.resolve(cx.doc);
            if (target)
                return convert(target, cx, pos);
        }
        // Kept as its text so the problem is reported once, not again by whatever expected a value here.
        return { kind: 'scalar', value: `*${node.source}`, text: `*${node.source}`, pos };
    }
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node)) {
        const scalar = convertScalar(node, pos, cx);
        if (cx.options.keepRanges && aliasPos === undefined && node.range) {
            scalar.range = [node.range[0], node.range[1]];
        }
        return scalar;
    }
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node)) {
        return { kind: 'seq', pos, items: node.items.map(item => convertItem(item, pos, cx, aliasPos)) };
    }
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node)) {
        const entries = [];
        for (const pair of node.items) {
            if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isPair */ .tO)(pair))
                continue;
            const keyNode = pair.key;
            const keyPos = aliasPos ?? (keyNode?.range ? cx.at(keyNode.range[0]) : pos);
            const key = keyText(keyNode);
            if (key === undefined) {
                cx.sink.add(keyPos, 'map keys must be plain strings');
                continue;
            }
            const valueNode = pair.value;
            let value = valueNode === null ? emptyScalar(keyPos) : convert(valueNode, cx, aliasPos);
            // "Key:" with nothing after it: point at the key rather than at the end of the line.
            if (nothingWritten(valueNode) && value.pos !== keyPos)
                value = { ...value, pos: keyPos };
            entries.push({ key, keyPos, value });
        }
        return { kind: 'map', pos, entries };
    }
    cx.sink.add(pos, 'unsupported YAML node');
    return emptyScalar(pos);
}
function convertScalar(node, pos, cx) {
    const v = node.value;
    if (v === null || v === undefined)
        return emptyScalar(pos);
    if (typeof v === 'string' || typeof v === 'boolean') {
        return { kind: 'scalar', value: v, text: typeof v === 'string' ? v : String(v), pos };
    }
    if (typeof v === 'number' || typeof v === 'bigint') {
        const text = node.source !== undefined && /^[-+]?[0-9.]/.test(node.source) ? node.source : String(v);
        return { kind: 'scalar', value: Number(v), text, pos };
    }
    if (v instanceof Date && node.source !== undefined) {
        // YAML 1.1 timestamps (e.g. an unquoted AWSTemplateFormatVersion: 2010-09-09) stay as written.
        return { kind: 'scalar', value: node.source, text: node.source, pos };
    }
    cx.sink.add(pos, `unsupported scalar value (${typeof v}); write it as a string`);
    return emptyScalar(pos);
}
function convertItem(item, pos, cx, aliasPos) {
    if (item === null || item === undefined)
        return emptyScalar(pos);
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isPair */ .tO)(item)) {
        // "- key: value" inside a flow sequence parses as a pair: treat it as a one-entry map
        const keyNode = item.key;
        const keyPos = aliasPos ?? (keyNode.range ? cx.at(keyNode.range[0]) : pos);
        const value = item.value === null ? emptyScalar(keyPos) : convert(item.value, cx, aliasPos);
        return { kind: 'map', pos: keyPos, entries: [{ key: keyText(keyNode) ?? '', keyPos, value }] };
    }
    return convert(item, cx, aliasPos);
}
/** An empty value (`Key:` and the end of the line), as opposed to a written `null` or `~`. */
function nothingWritten(node) {
    return (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) && node.value === null && node.range !== undefined && node.range?.[0] === node.range?.[1];
}
function keyText(node) {
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node))
        return undefined;
    const v = node.value;
    if (typeof v === 'string')
        return v;
    if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint')
        return node.source ?? String(v);
    return undefined;
}
/** Looks up a map entry by key. */
function entry(map, key) {
    return map.entries.find(e => e.key === key);
}
/**
 * The position of the node at `path` (of its key with `which: 'key'`, when it is a map entry's value). When the
 * path does not exist, the position of its nearest existing ancestor, so that "missing X" errors point at the
 * enclosing map.
 */
function positionOf(root, path, which = 'value') {
    let node = root;
    for (let i = 0; i < path.length; i++) {
        const segment = path[i];
        let next;
        let keyPos;
        if (node.kind === 'map') {
            const found = entry(node, String(segment));
            next = found?.value;
            keyPos = found?.keyPos;
        }
        else if (node.kind === 'seq' && typeof segment === 'number') {
            next = node.items[segment];
        }
        if (next === undefined)
            return node.pos;
        if (i === path.length - 1 && which === 'key' && keyPos)
            return keyPos;
        node = next;
    }
    return node.pos;
}
/** The node at `path`, if there is one. */
function nodeAt(root, path) {
    let node = root;
    for (const segment of path) {
        if (node?.kind === 'map')
            node = entry(node, String(segment))?.value;
        else if (node?.kind === 'seq' && typeof segment === 'number')
            node = node.items[segment];
        else
            return undefined;
    }
    return node;
}
/** A short description of a node's kind, for messages. */
function describe(node) {
    if (node.kind === 'scalar')
        return node.value === null ? 'an empty value' : `the ${typeof node.value} ${JSON.stringify(node.text)}`;
    return node.kind === 'seq' ? 'a list' : 'a map';
}


/***/ }),

/***/ 9094:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GC: () => (/* binding */ yamlToJS),
/* harmony export */   gM: () => (/* binding */ readYaml)
/* harmony export */ });
/* unused harmony export MAX_ALIAS_COUNT */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/**
 * The one way the action reads YAML (manifest, conformance packs, CloudFormation templates, runbooks): the parse
 * options every reader shares, positions for every problem, and the mapping of the `yaml` library's failures to
 * messages that name file:line.
 *
 * Duplicate keys are found here in one pass over the document rather than by the library's `uniqueKeys` option,
 * which compares each key with every earlier key of its map (quadratic: a pack template with 60,000 rules in one
 * `Resources` map never finished parsing).
 */


/**
 * Alias expansions allowed when a document is turned into plain data (the `yaml` library's default). A "billion
 * laughs" document (each anchor an array of aliases of the previous one) goes over it long before it uses any memory.
 */
const MAX_ALIAS_COUNT = 100;
function firstLine(message) {
    return message.split('\n')[0]?.trim() ?? message;
}
/** Parses YAML (or JSON) text, keeping positions; problems are returned, never thrown. */
function readYaml(text, options = {}) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, {
        lineCounter,
        prettyErrors: false,
        uniqueKeys: false,
        ...(options.customTags ? { customTags: options.customTags } : {}),
        ...(options.version ? { version: options.version } : {})
    });
    const errors = doc.errors.map(e => ({ offset: e.pos[0], message: firstLine(e.message) }));
    errors.push(...duplicateKeys(doc));
    errors.sort((a, b) => a.offset - b.offset);
    return {
        doc,
        lineCounter,
        errors,
        position: offset => {
            const { line, col } = lineCounter.linePos(offset);
            return { line, col };
        }
    };
}
/** Every second (third, ...) occurrence of a scalar key in a map, as the library reports it with `uniqueKeys`. */
function duplicateKeys(doc) {
    const problems = [];
    (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR)(doc, {
        Map(_, map) {
            const seen = new Set();
            for (const pair of map.items) {
                const key = pair.key;
                if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(key))
                    continue;
                const value = key.value;
                if (seen.has(value)) {
                    problems.push({ offset: key.range?.[0] ?? 0, message: 'Map keys must be unique' });
                }
                else
                    seen.add(value);
            }
        }
    });
    return problems;
}
/** The position of the first alias (`*name`) in the document, where an expansion problem starts. */
function firstAlias(doc) {
    let offset;
    (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR)(doc, {
        Alias(_, node) {
            offset = node.range?.[0] ?? 0;
            return yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR.BREAK;
        }
    });
    return offset ?? 0;
}
/**
 * The document as plain data. An alias expansion over `maxAliasCount` (an alias bomb) is a SourceError naming the
 * file and the line of the first alias, instead of the library's bare ReferenceError.
 */
function yamlToJS(parsed, file, maxAliasCount = MAX_ALIAS_COUNT) {
    try {
        return parsed.doc.toJS({ maxAliasCount });
    }
    catch (err) {
        const { line, col } = parsed.position(firstAlias(parsed.doc));
        if (/excessive alias count/i.test(err.message)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SourceError */ .c8(file, line, col, `YAML alias expansion limit exceeded (maxAliasCount ${maxAliasCount})`);
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SourceError */ .c8(file, line, col, `invalid YAML: ${firstLine(err.message)}`);
    }
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


/***/ }),

/***/ 5787:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ writeJsonFile)
/* harmony export */ });
/* unused harmony export jsonChunks */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/** Writing the action's JSON files (reports, plans, SARIF): the one place that does it. */



/**
 * Writes `value` as JSON to `file` (its directory created), through a temporary file and a rename so that a reader
 * (an upload step, the next job) never sees half a file. `indent` 0 writes one line. Returns the path written.
 *
 * The text is the same as `JSON.stringify(value, null, indent)` plus a newline, but written piece by piece
 * (jsonChunks): a report of 100k findings is never held as one string besides its objects (issue 15).
 */
async function writeJsonFile(file, value, indent = 2) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    try {
        await writeChunks(tmp, jsonChunks(value, indent));
    }
    catch (err) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(tmp, { force: true });
        throw err;
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(tmp, file);
    return file;
}
/** Bytes gathered before a write: few system calls, little held. */
const WRITE_AT = 64 * 1024;
async function writeChunks(file, chunks) {
    const stream = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createWriteStream)(file, { encoding: 'utf8' });
    const failed = new Promise((_, reject) => stream.once('error', reject));
    const write = async (text) => {
        if (!stream.write(text))
            await Promise.race([new Promise(r => stream.once('drain', () => r())), failed]);
    };
    try {
        let pending = '';
        for (const c of chunks) {
            pending += c;
            if (pending.length >= WRITE_AT) {
                await write(pending);
                pending = '';
            }
        }
        await write(`${pending}\n`);
        await Promise.race([new Promise(r => stream.end(r)), failed]);
    }
    catch (err) {
        // The stream opens its file asynchronously: close it before the caller removes the file, or the open would
        // recreate it after the removal.
        failed.catch(() => undefined);
        if (!stream.closed)
            await new Promise(r => stream.destroy().once('close', () => r()));
        throw err;
    }
}
/**
 * JSON.stringify(value, null, indent) in pieces, for plain data (objects, arrays, strings, numbers, booleans, null;
 * toJSON honoured, as Date has it): an object's undefined, function and symbol members are left out and an array's
 * become null, as JSON.stringify does (ECMA-262, SerializeJSONProperty).
 */
function* jsonChunks(value, indent = 2) {
    const top = serializable(value, '');
    if (top === undefined)
        return;
    yield* chunksOf(top, indent > 0 ? ' '.repeat(Math.min(indent, 10)) : '', '');
}
/** The value JSON.stringify would serialize for `key`: toJSON applied; undefined when it is left out. */
function serializable(value, key) {
    let v = value;
    if (v !== null && typeof v === 'object' && typeof v.toJSON === 'function') {
        v = v.toJSON(key);
    }
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol')
        return undefined;
    return v;
}
function* chunksOf(v, gap, at) {
    if (v === null || typeof v !== 'object') {
        yield JSON.stringify(v);
        return;
    }
    const inner = at + gap;
    const open = gap ? `\n${inner}` : '';
    const sep = gap ? `,\n${inner}` : ',';
    const close = gap ? `\n${at}` : '';
    if (Array.isArray(v)) {
        if (v.length === 0) {
            yield '[]';
            return;
        }
        yield `[${open}`;
        for (let i = 0; i < v.length; i++) {
            if (i > 0)
                yield sep;
            const item = serializable(v[i], String(i));
            if (item === undefined)
                yield 'null';
            else
                yield* chunksOf(item, gap, inner);
        }
        yield `${close}]`;
        return;
    }
    let first = true;
    for (const key of Object.keys(v)) {
        const member = serializable(v[key], key);
        if (member === undefined)
            continue;
        yield `${first ? `{${open}` : sep}${JSON.stringify(key)}:${gap ? ' ' : ''}`;
        first = false;
        yield* chunksOf(member, gap, inner);
    }
    yield first ? '{}' : `${close}}`;
}


/***/ }),

/***/ 9997:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F0: () => (/* binding */ sanitizeForLog),
/* harmony export */   FV: () => (/* binding */ escapeMarkdown),
/* harmony export */   OX: () => (/* binding */ toSingleLine),
/* harmony export */   QY: () => (/* binding */ truncateBytes),
/* harmony export */   SS: () => (/* binding */ codeSpan),
/* harmony export */   ZD: () => (/* binding */ escapeHtml),
/* harmony export */   xv: () => (/* binding */ truncate)
/* harmony export */ });
/**
 * Escaping for AWS-sourced text. An AWS account may hold any string in a rule name, resource id or
 * annotation; everything that reaches the job summary, the build log or an annotation goes through here
 * so it renders as inert text.
 */
/**
 * Characters that break a line or change how text is shown: C0/C1 controls, DEL, Unicode line and
 * paragraph separators, and the bidirectional formatting characters ("Trojan Source").
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Replaces control, line-breaking and bidi characters with a space: the result is one line. */
function toSingleLine(s) {
    return s.replace(UNSAFE_CHARS, ' ');
}
const HTML_ENTITIES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;'
};
/** Text for HTML content (inside `<details>`, `<summary>`, HTML tables): entities, one line. */
function escapeHtml(s) {
    return toSingleLine(s).replace(/[&<>"']/g, ch => HTML_ENTITIES[ch] ?? ch);
}
/**
 * Markdown punctuation that can start emphasis, links, images, code, tables, strikethrough or math anywhere in
 * a line. `(`, `)` and `!` need no escape once `[` and `]` are escaped (no link or image can form).
 */
const MARKDOWN_SPECIAL = /[&<>"'\\`*_[\]|{}~$]/g;
/** What only matters at the start of a line: headings, list items, block quotes (already an entity), rules. */
const LINE_START_SPECIAL = /^(\s*)([-+=]|#{1,6}|\d{1,9}[.)])(?=\s|$)/;
/**
 * Text for Markdown (table cells and inline text): HTML-significant characters become entities,
 * Markdown punctuation is backslash-escaped (so `|` cannot end a table cell), and the result is one
 * line (a newline could otherwise end a table or start a block).
 */
function escapeMarkdown(s) {
    return toSingleLine(s)
        .replace(MARKDOWN_SPECIAL, ch => HTML_ENTITIES[ch] ?? `\\${ch}`)
        .replace(LINE_START_SPECIAL, (_m, space, mark) => `${space}\\${mark}`);
}
/**
 * An inline code span holding `s` (one line). The fence is longer than any backtick run inside.
 * Not for table cells (a `|` inside would still split the cell): use escapeMarkdown there.
 */
function codeSpan(s) {
    const text = toSingleLine(s);
    let longest = 0;
    for (const run of text.match(/`+/g) ?? [])
        longest = Math.max(longest, run.length);
    const fence = '`'.repeat(longest + 1);
    const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${text}${pad}${fence}`;
}
/**
 * A line for the build log (core.info / core.warning). The runner treats a line that starts with `::`
 * (after leading whitespace) as a workflow command and scans whole lines for the legacy `##[` form:
 * the result is one line, a leading `::` is broken up and every `##[` is neutralised.
 */
function sanitizeForLog(s) {
    const line = toSingleLine(s).replace(/##\[/g, '# #[');
    const indent = /^\s*/.exec(line)?.[0] ?? '';
    const rest = line.slice(indent.length);
    return rest.startsWith('::') ? `${indent}: ${rest.slice(1)}` : line;
}
/** Shortens `s` to at most `max` characters (code points), ending with an ellipsis when cut. */
function truncate(s, max) {
    if (s.length <= max)
        return s;
    const points = Array.from(s);
    if (points.length <= max)
        return s;
    return max <= 1 ? points.slice(0, Math.max(0, max)).join('') : `${points.slice(0, max - 1).join('')}…`;
}
/** The longest prefix of `s` whose UTF-8 encoding fits in `maxBytes` (never splits a code point). */
function truncateBytes(s, maxBytes) {
    if (Buffer.byteLength(s) <= maxBytes)
        return s;
    let used = 0;
    let end = 0;
    for (const ch of s) {
        const b = Buffer.byteLength(ch);
        if (used + b > maxBytes)
            break;
        used += b;
        end += ch.length;
    }
    return s.slice(0, end);
}


/***/ })

};

//# sourceMappingURL=946.index.js.map