export const id = 411;
export const ids = [411,427];
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

/***/ 9411:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPackDeploy: () => (/* binding */ runPackDeploy)
});

// UNUSED EXPORTS: templateRuleName

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-config-service/dist-cjs/index.js
var dist_cjs = __webpack_require__(7101);
// EXTERNAL MODULE: ./src/aws/clients.ts + 1 modules
var clients = __webpack_require__(3008);
// EXTERNAL MODULE: ./src/desired/model.ts
var model = __webpack_require__(8731);
// EXTERNAL MODULE: ./src/util/concurrency.ts
var concurrency = __webpack_require__(3731);
// EXTERNAL MODULE: ./src/deploy/wait.ts
var wait = __webpack_require__(5158);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/deploy/apply.ts
var apply = __webpack_require__(2427);
;// CONCATENATED MODULE: ./src/deploy/packs/template.ts
/**
 * Conformance pack templates from the desired state (deploy-as: conformance-pack / organization-conformance-pack).
 * Pure. Each manifest pack (rules whose origin is `pack NAME` or `pack FILE`) becomes one conformance pack; rules
 * declared in the manifest itself become one generated pack. The template is compact JSON (no descriptions, no
 * whitespace) with only AWS::Config::ConfigRule and AWS::Config::RemediationConfiguration resources, the two types a
 * conformance pack template may hold (AWS Config Developer Guide, "Conformance Packs": templates are CloudFormation
 * templates of Config rules and remediation actions).
 */



/**
 * "The structure containing the template body has a minimum length of 1 byte and a maximum length of 51,200 bytes."
 * (AWS Config API Reference, PutConformancePack / PutOrganizationConformancePack, TemplateBody.)
 */
const TEMPLATE_BODY_MAX_BYTES = 51_200;
/** The generated pack for rules declared in the manifest itself. */
const MANIFEST_PACK_NAME = 'compliance-gate-rules';
/** Tag on every pack deploy-as creates: the sha256 of the template body it was given (drift). */
const TEMPLATE_HASH_TAG = 'compliance-gate-template-sha256';
/** A pack name AWS accepts (ConformancePackName pattern `[a-zA-Z][-a-zA-Z0-9]*`, length 1-128). */
function packNameOf(origin) {
    if (origin === 'manifest')
        return MANIFEST_PACK_NAME;
    const source = origin.replace(/^pack /, '');
    const base = (0,external_node_path_.basename)(source, (0,external_node_path_.extname)(source))
        .replace(/[^-a-zA-Z0-9]+/g, '-')
        .replace(/^[^a-zA-Z]+/, '')
        .replace(/-+$/, '');
    return (base === '' ? 'pack' : base).slice(0, 128);
}
/** CloudFormation logical ids are alphanumeric. */
function logicalId(prefix, name, used) {
    const base = `${prefix}${name.replace(/[^a-zA-Z0-9]/g, '')}`.slice(0, 200);
    let id = base;
    for (let n = 2; used.has(id); n++)
        id = `${base}${n}`;
    used.add(id);
    return id;
}
/** The compact template of one pack: rules (without Description) and their remediation configurations. */
function packTemplateBody(rules, remediations) {
    const resources = {};
    const used = new Set();
    for (const r of rules) {
        const { Description: _d, InputParameters, ...rule } = (0,apply/* toConfigRule */.e)(r);
        const properties = { ...rule };
        // AWS::Config::ConfigRule InputParameters is a JSON object in a template.
        if (InputParameters !== undefined)
            properties['InputParameters'] = JSON.parse(InputParameters);
        resources[logicalId('R', r.name, used)] = { Type: 'AWS::Config::ConfigRule', Properties: properties };
    }
    for (const rem of remediations) {
        resources[logicalId('M', rem.ruleName, used)] = {
            Type: 'AWS::Config::RemediationConfiguration',
            Properties: (0,apply/* toRemediationConfiguration */.l)(rem)
        };
    }
    return JSON.stringify({ Resources: resources });
}
const sha256 = (text) => (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex');
/**
 * The packs of a desired state, in manifest order of their first rule. Runbooks (SSM documents) are not part of a
 * conformance pack, so a manifest that declares runbooks is refused by the caller (packsRefusal).
 */
function desiredPacks(desired) {
    const byOrigin = new Map();
    for (const r of desired.rules) {
        const list = byOrigin.get(r.origin) ?? [];
        list.push(r);
        byOrigin.set(r.origin, list);
    }
    const packs = [];
    for (const [origin, rules] of byOrigin) {
        const names = new Set(rules.map(r => r.name));
        const remediations = desired.remediations.filter(m => names.has(m.ruleName));
        const body = packTemplateBody(rules, remediations);
        packs.push({
            name: packNameOf(origin),
            origin,
            body,
            bytes: Buffer.byteLength(body, 'utf8'),
            hash: sha256(body),
            rules,
            remediations,
            position: rules[0].position
        });
    }
    return packs;
}
/**
 * Why the desired state cannot be deployed as conformance packs, or undefined: runbooks are not conformance pack
 * resources, and two packs must not share a name.
 */
function packsRefusal(desired, packs, input) {
    const doc = desired.documents[0];
    if (doc) {
        return (`deploy-as: ${input} deploys Config rules and remediation configurations only; the manifest declares ` +
            `${desired.documents.length} runbook(s) (first: ${doc.name} at ${doc.position.file}:${doc.position.line}). ` +
            `Deploy them with deploy-as: rules.`);
    }
    const seen = new Map();
    for (const p of packs) {
        const other = seen.get(p.name);
        if (other) {
            return `deploy-as: ${input}: ${p.origin} and ${other.origin} both become conformance pack ${p.name}; rename one file.`;
        }
        seen.set(p.name, p);
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/deploy/packs/plan.ts
/**
 * The plan of deploy-as: conformance-pack / organization-conformance-pack: a pure diff of the desired packs against
 * the packs AWS Config holds. A pack is one plan item (one in drift-count): its template (the sha256 tag
 * TEMPLATE_HASH_TAG the action put on it), its input parameters and, for organization packs, its excluded accounts.
 */


const packObject = (mode) => mode;
function packTags(hash) {
    return [{ ...model/* MANAGED_TAG */.N }, { Key: TEMPLATE_HASH_TAG, Value: hash }];
}
const list = (v) => (v.length === 0 ? '(none)' : [...v].sort().join(', '));
function changesOf(d, a, mode, excluded) {
    const c = [];
    if (a.hash !== d.hash)
        c.push({ field: 'Template (sha256)', from: a.hash ?? '(untagged)', to: d.hash });
    // The template carries every value: the action sends no ConformancePackInputParameters.
    const params = Object.keys(a.parameters);
    if (params.length > 0) {
        c.push({ field: 'ConformancePackInputParameters', from: JSON.stringify(a.parameters), to: '(none)' });
    }
    if (mode === 'organization-conformance-pack' && list(a.excludedAccounts ?? []) !== list(excluded)) {
        c.push({ field: 'ExcludedAccounts', from: list(a.excludedAccounts ?? []), to: list(excluded) });
    }
    if (a.state === 'CREATE_FAILED')
        c.push({ field: 'ConformancePackState', from: 'CREATE_FAILED', to: 'CREATE_COMPLETE' });
    return c;
}
/** Pure: the plan of packs (apply, with or without prune, or destroy). */
function buildPackPlan(desired, actual, mode, options) {
    const object = packObject(mode);
    const items = [];
    const excluded = options.excludedAccounts ?? [];
    if (options.mode === 'destroy') {
        for (const d of desired) {
            const a = actual.get(d.name);
            if (!a)
                continue;
            items.push(a.managed
                ? { object, name: d.name, action: 'delete', changes: [], position: d.position }
                : {
                    object,
                    name: d.name,
                    action: 'unchanged',
                    changes: [],
                    position: d.position,
                    note: 'not tagged managed-by=compliance-gate: left alone'
                });
        }
    }
    else {
        for (const d of desired) {
            const a = actual.get(d.name);
            if (!a) {
                items.push({ object, name: d.name, action: 'create', changes: [], position: d.position });
                continue;
            }
            const changes = changesOf(d, a, mode, excluded);
            items.push({
                object,
                name: d.name,
                action: changes.length > 0 ? 'update' : 'unchanged',
                changes,
                position: d.position
            });
        }
        if (options.prune) {
            const names = new Set(desired.map(d => d.name));
            for (const a of actual.values()) {
                if (!names.has(a.name) && a.managed) {
                    items.push({ object, name: a.name, action: 'delete', changes: [], note: 'no longer in the manifest' });
                }
            }
        }
    }
    const counts = { create: 0, update: 0, delete: 0, unchanged: 0 };
    for (const i of items)
        counts[i.action] += 1;
    return {
        mode: options.mode,
        prune: options.prune,
        items,
        counts,
        drift: counts.create + counts.update + counts.delete
    };
}

;// CONCATENATED MODULE: ./src/deploy/packs/aws.ts
/**
 * AWS Config calls of deploy-as: conformance-pack / organization-conformance-pack: read the packs, put and delete
 * them, wait (bounded, wait.ts) until AWS Config has finished, and read each pack's status and compliance.
 * AWS Config API Reference: PutConformancePack, DescribeConformancePackStatus, DeleteConformancePack,
 * GetConformancePackComplianceSummary, ListConformancePackComplianceScores, PutOrganizationConformancePack,
 * DescribeOrganizationConformancePackStatuses, GetOrganizationConformancePackDetailedStatus,
 * DeleteOrganizationConformancePack (https://docs.aws.amazon.com/config/latest/APIReference/).
 */








async function tagsOf(config, arn) {
    const tags = new Map();
    for await (const page of (0,dist_cjs.paginateListTagsForResource)({ client: config }, { ResourceArn: arn })) {
        for (const t of page.Tags ?? [])
            if (t.Key)
                tags.set(t.Key, t.Value ?? '');
    }
    return tags;
}
function actualOf(name, arn, tags, params) {
    const a = {
        name,
        arn,
        managed: tags.get(model/* MANAGED_TAG */.N.Key) === model/* MANAGED_TAG */.N.Value,
        parameters: Object.fromEntries((params ?? []).map(p => [p.ParameterName ?? '', p.ParameterValue ?? '']))
    };
    const hash = tags.get(TEMPLATE_HASH_TAG);
    if (hash !== undefined)
        a.hash = hash;
    return a;
}
/** The packs of the account and region (conformance packs) or of the organization (organization packs), with tags. */
async function readPacks(config, mode) {
    const packs = new Map();
    if (mode === 'conformance-pack') {
        for await (const page of (0,dist_cjs.paginateDescribeConformancePacks)({ client: config }, {})) {
            for (const p of page.ConformancePackDetails ?? []) {
                if (!p.ConformancePackName || !p.ConformancePackArn)
                    continue;
                const tags = await tagsOf(config, p.ConformancePackArn);
                packs.set(p.ConformancePackName, actualOf(p.ConformancePackName, p.ConformancePackArn, tags, p.ConformancePackInputParameters));
            }
        }
        for (const names of (0,concurrency/* chunk */.i)([...packs.keys()], 25)) {
            const out = await config.send(new dist_cjs.DescribeConformancePackStatusCommand({ ConformancePackNames: names }));
            for (const s of out.ConformancePackStatusDetails ?? []) {
                const a = s.ConformancePackName ? packs.get(s.ConformancePackName) : undefined;
                if (a && s.ConformancePackState)
                    a.state = s.ConformancePackState;
            }
        }
        return packs;
    }
    for await (const page of (0,dist_cjs.paginateDescribeOrganizationConformancePacks)({ client: config }, {})) {
        for (const p of page.OrganizationConformancePacks ?? []) {
            if (!p.OrganizationConformancePackName || !p.OrganizationConformancePackArn)
                continue;
            const tags = await tagsOf(config, p.OrganizationConformancePackArn);
            const a = actualOf(p.OrganizationConformancePackName, p.OrganizationConformancePackArn, tags, p.ConformancePackInputParameters);
            a.excludedAccounts = p.ExcludedAccounts ?? [];
            packs.set(p.OrganizationConformancePackName, a);
        }
    }
    return packs;
}
/**
 * The template argument of a put: TemplateBody up to AWS's 51,200 bytes. Past it AWS takes TemplateS3Uri, which needs
 * the template uploaded to S3 (s3:PutObject); this version does not upload, so it is an error naming the limit and
 * the template-s3-bucket input (fail closed: the pack is never deployed partially).
 */
function templateArgument(pack, templateS3Bucket) {
    if (pack.bytes <= TEMPLATE_BODY_MAX_BYTES)
        return { TemplateBody: pack.body };
    const why = `conformance pack ${pack.name} (${pack.origin}): its template is ${pack.bytes} bytes, over AWS Config's ${TEMPLATE_BODY_MAX_BYTES}-byte TemplateBody limit`;
    throw new errors/* AwsCallError */.iQ('config:PutConformancePack', 'TemplateTooLarge', undefined, templateS3Bucket
        ? `${why}; uploading it to template-s3-bucket (${templateS3Bucket}) for TemplateS3Uri is not supported by this version: split the pack.`
        : `${why}; split the pack (input template-s3-bucket, for TemplateS3Uri, is not supported by this version).`, true);
}
async function putPack(config, mode, pack, options) {
    const template = templateArgument(pack, options.templateS3Bucket);
    const out = mode === 'conformance-pack'
        ? await config.send(new dist_cjs.PutConformancePackCommand({ ConformancePackName: pack.name, ...template }))
        : await config.send(new dist_cjs.PutOrganizationConformancePackCommand({
            OrganizationConformancePackName: pack.name,
            ...template,
            ExcludedAccounts: [...options.excludedAccounts]
        }));
    // The AWS Config model this action is built against has no Tags on PutConformancePack /
    // PutOrganizationConformancePack, so the pack is tagged on its ARN: TagResource supports ConformancePack and
    // OrganizationConformancePack (https://docs.aws.amazon.com/config/latest/APIReference/API_TagResource.html).
    // Tagged after every put: the template hash changes with the template.
    const arn = 'ConformancePackArn' in out
        ? out.ConformancePackArn
        : out.OrganizationConformancePackArn;
    if (!arn) {
        throw new errors/* AwsCallError */.iQ(mode === 'conformance-pack' ? 'config:PutConformancePack' : 'config:PutOrganizationConformancePack', 'NoArn', out.$metadata.requestId, `${mode} ${pack.name}: AWS returned no ARN, so the pack could not be tagged with its template hash`);
    }
    await config.send(new dist_cjs.TagResourceCommand({ ResourceArn: arn, Tags: packTags(pack.hash) }));
}
/**
 * Waits until a conformance pack is CREATE_COMPLETE; CREATE_FAILED is an error with AWS's reason
 * (ConformancePackStatusDetail.ConformancePackState / ConformancePackStatusReason).
 */
async function waitPackCreated(config, name, deps) {
    await (0,wait/* pollUntil */.g)('config:DescribeConformancePackStatus', `conformance pack ${name}`, async () => {
        const out = await config.send(new dist_cjs.DescribeConformancePackStatusCommand({ ConformancePackNames: [name] }));
        const s = out.ConformancePackStatusDetails?.[0];
        if (s?.ConformancePackState === 'CREATE_COMPLETE')
            return { done: true, value: undefined };
        if (s?.ConformancePackState === 'CREATE_FAILED') {
            throw new errors/* AwsCallError */.iQ('config:DescribeConformancePackStatus', 'CREATE_FAILED', out.$metadata.requestId, `conformance pack ${name} is CREATE_FAILED: ${s.ConformancePackStatusReason ?? 'AWS gave no reason'}`);
        }
        return {
            done: false,
            waiting: `conformance pack ${name} is ${s?.ConformancePackState ?? 'not listed yet'}, waiting until it is CREATE_COMPLETE`
        };
    }, deps);
}
/** Waits until no member of an organization pack is in progress (OrganizationConformancePackStatus.Status). */
async function waitOrgPackSettled(config, name, deps) {
    await (0,wait/* pollUntil */.g)('config:DescribeOrganizationConformancePackStatuses', `organization conformance pack ${name}`, async () => {
        const out = await config.send(new dist_cjs.DescribeOrganizationConformancePackStatusesCommand({ OrganizationConformancePackNames: [name] }));
        const status = out.OrganizationConformancePackStatuses?.[0]?.Status;
        if (status && !status.endsWith('_IN_PROGRESS'))
            return { done: true, value: undefined };
        return {
            done: false,
            waiting: `organization conformance pack ${name} is ${status ?? 'in no status'}, waiting until every member has finished`
        };
    }, deps);
}
/** Every member's status (GetOrganizationConformancePackDetailedStatus, paged). */
async function memberStatuses(config, name) {
    const members = [];
    for await (const page of (0,dist_cjs.paginateGetOrganizationConformancePackDetailedStatus)({ client: config }, { OrganizationConformancePackName: name })) {
        for (const s of page.OrganizationConformancePackDetailedStatuses ?? []) {
            const m = { accountId: s.AccountId ?? '?', status: s.Status ?? 'UNKNOWN' };
            if (s.ErrorCode)
                m.errorCode = s.ErrorCode;
            if (s.ErrorMessage)
                m.errorMessage = s.ErrorMessage;
            members.push(m);
        }
    }
    return members.sort((a, b) => a.accountId.localeCompare(b.accountId));
}
/** Deletes a pack and waits until AWS Config no longer lists it. */
async function deletePack(config, mode, name, deps) {
    if (mode === 'conformance-pack') {
        await config.send(new dist_cjs.DeleteConformancePackCommand({ ConformancePackName: name }));
        await (0,wait/* pollUntil */.g)('config:DescribeConformancePackStatus', `conformance pack ${name}`, async () => {
            const out = await config.send(new dist_cjs.DescribeConformancePackStatusCommand({ ConformancePackNames: [name] }));
            const s = out.ConformancePackStatusDetails?.[0];
            if (!s)
                return { done: true, value: undefined };
            if (s.ConformancePackState === 'DELETE_FAILED') {
                throw new errors/* AwsCallError */.iQ('config:DeleteConformancePack', 'DELETE_FAILED', out.$metadata.requestId, `conformance pack ${name} is DELETE_FAILED: ${s.ConformancePackStatusReason ?? 'AWS gave no reason'}`);
            }
            return {
                done: false,
                waiting: `conformance pack ${name} is ${s.ConformancePackState ?? 'in no state'}, waiting until it is gone`
            };
        }, deps);
        return;
    }
    await config.send(new dist_cjs.DeleteOrganizationConformancePackCommand({ OrganizationConformancePackName: name }));
    await (0,wait/* pollUntil */.g)('config:DescribeOrganizationConformancePackStatuses', `organization conformance pack ${name}`, async () => {
        try {
            const out = await config.send(new dist_cjs.DescribeOrganizationConformancePackStatusesCommand({ OrganizationConformancePackNames: [name] }));
            const status = out.OrganizationConformancePackStatuses?.[0]?.Status;
            if (!status)
                return { done: true, value: undefined };
            if (status === 'DELETE_FAILED') {
                throw new errors/* AwsCallError */.iQ('config:DeleteOrganizationConformancePack', 'DELETE_FAILED', out.$metadata.requestId, `organization conformance pack ${name} is DELETE_FAILED: ${out.OrganizationConformancePackStatuses?.[0]?.ErrorMessage ?? 'AWS gave no reason'}`);
            }
            return { done: false, waiting: `organization conformance pack ${name} is ${status}, waiting until it is gone` };
        }
        catch (err) {
            if ((0,clients/* awsErrorCode */.J6)(err) === 'NoSuchOrganizationConformancePackException')
                return { done: true, value: undefined };
            throw err;
        }
    }, deps);
}
/** Compliance of packs deployed in the caller's account and region, by pack name. */
async function readPackCompliance(config, names) {
    const out = new Map(names.map(n => [n, { ruleNames: [] }]));
    if (names.length === 0)
        return out;
    // GetConformancePackComplianceSummary takes 1 to 5 names a call (ConformancePackNames).
    for (const batch of (0,concurrency/* chunk */.i)([...names], 5)) {
        const r = await config.send(new dist_cjs.GetConformancePackComplianceSummaryCommand({ ConformancePackNames: batch }));
        for (const s of r.ConformancePackComplianceSummaryList ?? []) {
            const c = s.ConformancePackName ? out.get(s.ConformancePackName) : undefined;
            if (c && s.ConformancePackComplianceStatus)
                c.status = s.ConformancePackComplianceStatus;
        }
    }
    // Filters.ConformancePackNames: 0 to 25 names.
    for (const batch of (0,concurrency/* chunk */.i)([...names], 25)) {
        for await (const page of (0,dist_cjs.paginateListConformancePackComplianceScores)({ client: config }, { Filters: { ConformancePackNames: batch } })) {
            for (const s of page.ConformancePackComplianceScores ?? []) {
                const c = s.ConformancePackName ? out.get(s.ConformancePackName) : undefined;
                if (c && s.Score)
                    c.score = s.Score;
            }
        }
    }
    for (const name of names) {
        for await (const page of (0,dist_cjs.paginateDescribeConformancePackCompliance)({ client: config }, { ConformancePackName: name })) {
            for (const r of page.ConformancePackRuleComplianceList ?? [])
                if (r.ConfigRuleName)
                    out.get(name).ruleNames.push(r.ConfigRuleName);
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/deploy/packs/phase.ts




/** `X-conformance-pack-SUFFIX` is how AWS Config names template rule X in a pack; the template name, else the name. */
function templateRuleName(deployed) {
    return /^(.+)-conformance-pack-[a-z0-9]+$/.exec(deployed)?.[1] ?? deployed;
}
async function runPackDeploy(config, desired, options, deps) {
    const { logger } = deps;
    const { mode } = options;
    const packs = desiredPacks(desired);
    const refusal = packsRefusal(desired, packs, mode);
    if (refusal)
        throw new errors/* InputError */.dz('deploy-as', refusal);
    for (const p of packs) {
        logger.info(`Conformance pack ${p.name} (${p.origin}): ${p.rules.length} rules, template ${p.bytes} bytes.`);
    }
    const actual = await readPacks(config, mode);
    const plan = buildPackPlan(packs, actual, mode, {
        mode: options.deploy === 'destroy' ? 'destroy' : 'apply',
        prune: options.prune,
        excludedAccounts: options.excludedAccounts
    });
    logger.info(`Plan (${mode}): ${plan.counts.create} to create, ${plan.counts.update} to update, ${plan.counts.delete} to delete, ${plan.counts.unchanged} unchanged.`);
    let applied;
    if (options.deploy === 'apply' || options.deploy === 'destroy') {
        const done = [];
        try {
            for (const item of plan.items) {
                if (item.action === 'create' || item.action === 'update') {
                    const pack = packs.find(p => p.name === item.name);
                    await putPack(config, mode, pack, {
                        templateS3Bucket: options.templateS3Bucket,
                        excludedAccounts: options.excludedAccounts
                    });
                    if (mode === 'conformance-pack')
                        await waitPackCreated(config, pack.name, deps);
                    else
                        await waitOrgPackSettled(config, pack.name, deps);
                    logger.info(`${item.action === 'create' ? 'Created' : 'Updated'} ${mode} ${item.name}.`);
                    done.push(item);
                }
                else if (item.action === 'delete') {
                    await deletePack(config, mode, item.name, deps);
                    logger.info(`Deleted ${mode} ${item.name}.`);
                    done.push(item);
                }
            }
            applied = { done };
        }
        catch (err) {
            if (!(err instanceof errors/* AwsCallError */.iQ))
                throw err;
            applied = { done, error: err };
        }
    }
    const result = { mode, packs: [], checkRules: [], failedMembers: [] };
    const sections = new Map(desired.rules.map(r => [r.name, r.hipaaSections]));
    const present = options.deploy === 'destroy'
        ? new Set()
        : await deployedNames(config, mode, packs.map(p => p.name));
    const reports = new Map();
    for (const p of packs) {
        const report = { name: p.name, origin: p.origin, templateBytes: p.bytes, rules: p.rules.length };
        reports.set(p.name, report);
        result.packs.push(report);
        if (!present.has(p.name))
            continue;
        if (mode === 'organization-conformance-pack') {
            report.members = await memberStatuses(config, p.name);
            for (const m of report.members)
                if (m.status.endsWith('_FAILED'))
                    result.failedMembers.push({ ...m, pack: p.name });
        }
    }
    // Compliance of the packs in the caller's own account and region (organization packs: the member pack there).
    const own = await ownPackNames(config, mode, packs.map(p => p.name), present);
    const compliance = await readPackCompliance(config, [...own.values()]);
    for (const [name, deployedAs] of own) {
        const c = compliance.get(deployedAs);
        const report = reports.get(name);
        report.deployedAs = deployedAs;
        if (c?.status)
            report.compliance = c.status;
        if (c?.score)
            report.score = c.score;
        for (const rule of c?.ruleNames ?? []) {
            result.checkRules.push({ name: rule, hipaaSections: sections.get(templateRuleName(rule)) ?? [] });
        }
    }
    return { plan, ...(applied ? { applied } : {}), packs: result };
}
/** Which desired packs exist now. */
async function deployedNames(config, mode, names) {
    const now = await readPacks(config, mode);
    return new Set(names.filter(n => now.has(n)));
}
/**
 * The pack names in the caller's account and region: a conformance pack is its own name; an organization pack is
 * deployed as OrgConformsPack-NAME-SUFFIX in each member, the management account included when it is a member.
 */
async function ownPackNames(config, mode, names, present) {
    const own = new Map();
    if (mode === 'conformance-pack') {
        for (const n of names)
            if (present.has(n))
                own.set(n, n);
        return own;
    }
    const local = await readPacks(config, 'conformance-pack');
    for (const n of names) {
        if (!present.has(n))
            continue;
        const member = [...local.keys()].find(k => k.startsWith(`OrgConformsPack-${n}-`));
        if (member)
            own.set(n, member);
    }
    return own;
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

//# sourceMappingURL=411.index.js.map