export const id = 70;
export const ids = [70];
export const modules = {

/***/ 8041:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N2: () => (/* binding */ MANAGED_TAG),
/* harmony export */   kL: () => (/* binding */ buildDesiredState)
/* harmony export */ });
/* unused harmony export preflight */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

/** Every object the action creates carries this tag, so prune and destroy only ever touch its own objects. */
const MANAGED_TAG = { Key: 'managed-by', Value: 'compliance-gate' };
const RULE_NAME = /^[A-Za-z0-9_.-]{1,128}$/;
function err(p, detail) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SourceError */ .c8(p.file, p.line, p.col, detail);
}
/** Builds the desired state; problems that prevent building it are collected in `errors`. */
async function buildDesiredState(manifest, src) {
    const errors = [];
    const warnings = [];
    const collect = (e) => {
        if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SourceError */ .c8)
            errors.push(e);
        else if (e && typeof e === 'object' && 'errors' in e && Array.isArray(e.errors)) {
            errors.push(...e.errors);
        }
        else
            throw e;
    };
    const rules = [];
    for (const ref of manifest.packs) {
        let pack;
        try {
            pack = await src.loadPack(ref);
        }
        catch (e) {
            collect(e);
            continue;
        }
        const excluded = new Set(ref.exclude);
        const names = new Set(pack.rules.map(r => r.name));
        for (const name of ref.exclude) {
            if (!names.has(name))
                warnings.push(err(ref.position, `exclude names '${name}', which the pack does not have`));
        }
        for (const r of pack.rules) {
            if (excluded.has(r.name))
                continue;
            const rule = {
                name: r.name,
                owner: r.source.owner,
                identifier: r.source.identifier ?? '',
                inputParameters: r.inputParameters,
                hipaaSections: r.hipaaSections ?? src.hipaaSectionsFor(r.name),
                origin: pack.builtin ? `pack ${pack.builtin}` : `pack ${pack.file}`,
                position: r.position
            };
            if (r.scope)
                rule.scope = r.scope;
            if (r.maximumExecutionFrequency)
                rule.maximumExecutionFrequency = r.maximumExecutionFrequency;
            if (r.evaluationModes?.length)
                rule.evaluationModes = [...r.evaluationModes];
            if (r.description)
                rule.description = r.description;
            rules.push(rule);
        }
    }
    for (const r of manifest.rules) {
        const rule = {
            name: r.name,
            owner: 'AWS',
            identifier: r.identifier,
            inputParameters: r.parameters,
            hipaaSections: src.hipaaSectionsFor(r.name),
            origin: 'manifest',
            position: r.position
        };
        const scope = {};
        if (r.resourceTypes)
            scope.complianceResourceTypes = r.resourceTypes;
        if (r.tagKey)
            scope.tagKey = r.tagKey;
        if (r.tagValue)
            scope.tagValue = r.tagValue;
        if (Object.keys(scope).length > 0)
            rule.scope = scope;
        if (r.maximumExecutionFrequency)
            rule.maximumExecutionFrequency = r.maximumExecutionFrequency;
        if (r.evaluationModes)
            rule.evaluationModes = r.evaluationModes;
        if (r.description)
            rule.description = r.description;
        rules.push(rule);
    }
    const documents = [];
    const runbooks = new Map();
    for (const ref of manifest.runbooks) {
        let runbook;
        try {
            runbook = await src.loadRunbook(ref.path, ref.name);
        }
        catch (e) {
            collect(e);
            continue;
        }
        runbooks.set(runbook.name, runbook);
        const values = {};
        for (const b of manifest.remediations.filter(b => b.runbook === runbook.name))
            Object.assign(values, b.parameters);
        documents.push({
            name: runbook.name,
            content: runbook.content,
            format: runbook.format,
            hash: src.documentHash(runbook.content),
            parameters: runbook.parameters.map(p => p.name),
            policy: src.leastPrivilegePolicy(runbook, values),
            position: ref.position
        });
    }
    const remediations = manifest.remediations.map(b => {
        const parameters = b.resourceIdParameter
            ? { [b.resourceIdParameter]: { ResourceValue: { Value: 'RESOURCE_ID' } } }
            : {};
        for (const [k, v] of Object.entries(b.parameters)) {
            parameters[k] = { StaticValue: { Values: Array.isArray(v) ? v : [v] } };
        }
        const d = {
            ruleName: b.rule,
            targetId: b.runbook,
            parameters,
            automatic: b.automatic,
            maximumAutomaticAttempts: b.maximumAttempts,
            retryAttemptSeconds: b.retrySeconds,
            concurrencyPercent: b.concurrencyPercent,
            errorPercent: b.errorPercent,
            position: b.position
        };
        if (b.runbookVersion)
            d.targetVersion = b.runbookVersion;
        if (b.resourceIdParameter)
            d.resourceIdParameter = b.resourceIdParameter;
        return d;
    });
    const state = {
        manifestFile: manifest.file,
        rules,
        documents,
        remediations,
        waivers: manifest.waivers.map(({ position: _p, ...w }) => w)
    };
    if (manifest.alerts)
        state.alertTopic = manifest.alerts.snsTopic;
    const pf = preflight(state, manifest, runbooks, src);
    return { state, errors: [...errors, ...pf.errors], warnings: [...warnings, ...pf.warnings] };
}
/** Every problem AWS would reject, or that would make a binding or waiver point nowhere, at once. */
function preflight(state, manifest, runbooks, src) {
    const errors = [];
    const warnings = [];
    const firstByName = new Map();
    for (const r of state.rules) {
        const first = firstByName.get(r.name);
        if (first) {
            errors.push(err(r.position, `rule '${r.name}' is also declared at ${first.position.file}:${first.position.line} (${first.origin})`));
            continue;
        }
        firstByName.set(r.name, r);
        if (!RULE_NAME.test(r.name))
            errors.push(err(r.position, `rule name '${r.name}' is not a valid ConfigRuleName`));
        if (r.owner === 'AWS') {
            const known = src.managedRule(r.identifier);
            if (!known) {
                warnings.push(err(r.position, `'${r.identifier}' is not a known AWS managed rule identifier (rule ${r.name})`));
            }
            else {
                for (const p of Object.keys(r.inputParameters)) {
                    if (!known.parameters.includes(p)) {
                        warnings.push(err(r.position, `rule ${r.name}: parameter '${p}' is not among those known for ${r.identifier} (${known.parameters.join(', ') || 'none'})`));
                    }
                }
            }
        }
    }
    const docNames = new Set();
    for (const d of state.documents) {
        if (docNames.has(d.name))
            errors.push(err(d.position, `runbook name '${d.name}' is used twice`));
        docNames.add(d.name);
    }
    for (const b of state.remediations) {
        if (!firstByName.has(b.ruleName)) {
            errors.push(err(b.position, `remediation for '${b.ruleName}': no such rule in this manifest or its packs`));
        }
        const ours = runbooks.get(b.targetId);
        const awsParams = ours ? undefined : src.awsDocumentParameters(b.targetId);
        const params = ours ? ours.parameters.map(p => p.name) : awsParams;
        if (!params) {
            errors.push(err(b.position, `remediation for '${b.ruleName}': runbook '${b.targetId}' is neither a runbook of this manifest nor a known AWS-owned document`));
            continue;
        }
        if (b.resourceIdParameter !== undefined && !params.includes(b.resourceIdParameter)) {
            errors.push(err(b.position, `remediation for '${b.ruleName}': runbook '${b.targetId}' has no parameter '${b.resourceIdParameter}' for the resource id (it has ${params.join(', ')})`));
        }
        for (const p of Object.keys(b.parameters)) {
            if (!params.includes(p)) {
                errors.push(err(b.position, `remediation for '${b.ruleName}': runbook '${b.targetId}' has no parameter '${p}'`));
            }
        }
        if (ours) {
            for (const p of ours.parameters) {
                if (!p.hasDefault && !(p.name in b.parameters)) {
                    errors.push(err(b.position, `remediation for '${b.ruleName}': runbook '${b.targetId}' requires parameter '${p.name}', which the binding does not give`));
                }
            }
        }
    }
    for (const w of manifest.waivers) {
        if (!firstByName.has(w.rule))
            warnings.push(err(w.position, `waiver names rule '${w.rule}', which this manifest does not deploy`));
    }
    return { errors, warnings };
}


/***/ }),

/***/ 2070:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RN: () => (/* binding */ readActual),
/* harmony export */   readRemediationConfigurations: () => (/* binding */ readRemediationConfigurations)
/* harmony export */ });
/* unused harmony exports toActualRule, toActualRemediation */
/* harmony import */ var _aws_sdk_client_config_service__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7101);
/* harmony import */ var _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4736);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _util_concurrency_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3731);
/* harmony import */ var _desired_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8041);
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
const isManaged = (tags) => (tags ?? []).some(t => t.Key === _desired_js__WEBPACK_IMPORTED_MODULE_1__/* .MANAGED_TAG */ .N2.Key && t.Value === _desired_js__WEBPACK_IMPORTED_MODULE_1__/* .MANAGED_TAG */ .N2.Value);
/** Remediation configurations of the given rules (25 names a call); rules without one are absent. */
async function readRemediationConfigurations(config, ruleNames, concurrency = 4) {
    const remediations = new Map();
    await (0,_util_concurrency_js__WEBPACK_IMPORTED_MODULE_2__/* .mapLimit */ .s)((0,_util_concurrency_js__WEBPACK_IMPORTED_MODULE_2__/* .chunk */ .i)(ruleNames, 25), concurrency, async (names) => {
        try {
            const out = await config.send(new _aws_sdk_client_config_service__WEBPACK_IMPORTED_MODULE_3__.DescribeRemediationConfigurationsCommand({ ConfigRuleNames: names }));
            for (const r of out.RemediationConfigurations ?? []) {
                if (r.ConfigRuleName)
                    remediations.set(r.ConfigRuleName, toActualRemediation(r));
            }
        }
        catch (err) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .toAwsCallError */ .Dz)('config:DescribeRemediationConfigurations', err);
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
    try {
        for await (const page of (0,_aws_sdk_client_config_service__WEBPACK_IMPORTED_MODULE_3__.paginateDescribeConfigRules)({ client: config }, {})) {
            for (const r of page.ConfigRules ?? [])
                if (r.ConfigRuleName)
                    rules.set(r.ConfigRuleName, toActualRule(r));
        }
    }
    catch (err) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .toAwsCallError */ .Dz)('config:DescribeConfigRules', err);
    }
    if (options.ownership !== 'none') {
        const needTags = [...rules.values()].filter(r => options.ownership === 'all' || !desiredRules.has(r.name));
        await (0,_util_concurrency_js__WEBPACK_IMPORTED_MODULE_2__/* .mapLimit */ .s)(needTags, concurrency, async (r) => {
            try {
                const out = await config.send(new _aws_sdk_client_config_service__WEBPACK_IMPORTED_MODULE_3__.ListTagsForResourceCommand({ ResourceArn: r.arn }));
                r.managed = isManaged(out.Tags);
            }
            catch (err) {
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .toAwsCallError */ .Dz)('config:ListTagsForResource', err);
            }
        });
    }
    const withRemediation = [...rules.keys()].filter(n => desiredRules.has(n) || rules.get(n)?.managed);
    const remediations = await readRemediationConfigurations(config, withRemediation, concurrency);
    const documents = new Map();
    await (0,_util_concurrency_js__WEBPACK_IMPORTED_MODULE_2__/* .mapLimit */ .s)([...desiredDocs], concurrency, async (name) => {
        try {
            const out = await ssm.send(new _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_4__.DescribeDocumentCommand({ Name: name }));
            const d = out.Document;
            documents.set(name, {
                name,
                hash: d?.Hash ?? '',
                defaultVersion: d?.DefaultVersion ?? '',
                latestVersion: d?.LatestVersion ?? '',
                managed: isManaged(d?.Tags)
            });
        }
        catch (err) {
            if (err.name === 'InvalidDocument')
                return; // not deployed
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .toAwsCallError */ .Dz)('ssm:DescribeDocument', err);
        }
    });
    if (options.ownership !== 'none') {
        try {
            for await (const page of (0,_aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_4__.paginateListDocuments)({ client: ssm }, {
                Filters: [
                    { Key: 'Owner', Values: ['Self'] },
                    { Key: `tag:${_desired_js__WEBPACK_IMPORTED_MODULE_1__/* .MANAGED_TAG */ .N2.Key}`, Values: [_desired_js__WEBPACK_IMPORTED_MODULE_1__/* .MANAGED_TAG */ .N2.Value] }
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
        }
        catch (err) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .toAwsCallError */ .Dz)('ssm:ListDocuments', err);
        }
        for (const d of documents.values())
            d.managed ??= false;
    }
    return { rules, documents, remediations };
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

//# sourceMappingURL=70.index.js.map