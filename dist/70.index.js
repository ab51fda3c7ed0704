export const id = 70;
export const ids = [70];
export const modules = {

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