export const id = 437;
export const ids = [437];
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

/***/ 437:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runRemediation: () => (/* binding */ runRemediation)
});

// UNUSED EXPORTS: readRemediationConfigurations, readRunbooks

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-config-service/dist-cjs/index.js
var dist_cjs = __webpack_require__(7101);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ssm/dist-cjs/index.js
var client_ssm_dist_cjs = __webpack_require__(4736);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(6412);
// EXTERNAL MODULE: ./src/report/summary.ts
var summary = __webpack_require__(7994);
// EXTERNAL MODULE: ./src/util/concurrency.ts
var concurrency = __webpack_require__(3731);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sns/dist-cjs/index.js
var client_sns_dist_cjs = __webpack_require__(8797);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/remediation/hash.ts
/**
 * What a remediation plan shows and what its hash covers. The plan is hashed in a canonical form (object keys
 * sorted, no whitespace), so the same targets always give the same hash, whatever order they were built in.
 *
 * Parameters are masked before they reach the plan, the audit log, the summary or an alert: a value is replaced by
 * MASK when its parameter name looks secret (/secret|password|passwd|passphrase|token|credential|private|key/i, except
 * the names in SAFE_PARAMETER_NAMES, which hold identifiers such as a KMS key id) or when the value itself looks like
 * an AWS credential (an access key id, a 40-character secret access key, a long session token). The hash covers the
 * masked form, i.e. exactly what a reviewer sees and approves.
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

;// CONCATENATED MODULE: ./src/remediation/select.ts


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
function listed(items, max = 20) {
    const shown = items.slice(0, max).join(', ');
    return items.length > max ? `${shown}, ... (${items.length - max} more)` : shown;
}
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
    const targets = planned.map(p => p.target);
    const plan = {
        schemaVersion: PLAN_SCHEMA_VERSION,
        hash: planHash({ accountId: input.accountId, region: input.region, targets }),
        mode: input.mode,
        accountId: input.accountId,
        region: input.region,
        createdAt: input.createdAt,
        targets,
        notes: [...notes]
    };
    return { plan, planned };
}
/** More targets than `max` refuses the whole run (nothing is done), listing the targets. */
function checkLimit(targets, max) {
    if (targets.length <= max)
        return;
    throw new errors/* PolicyError */.pn(`Remediation refused: ${targets.length} targets exceed max-remediations (${max}); nothing was run. ` +
        `Narrow the run with remediate-rules / remediate-resources or raise max-remediations. Targets: ${listed(targets.map(describeTarget))}.`);
}
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review', 'merge_group']);
/** apply is refused in pull-request and fork contexts unless explicitly allowed. */
function checkContext(mode, allowOnPullRequest, ctx) {
    if (mode !== 'apply' || allowOnPullRequest)
        return;
    const pr = ctx.isPullRequest || PULL_REQUEST_EVENTS.has(ctx.eventName);
    if (!pr && !ctx.isFork)
        return;
    const what = ctx.isFork ? 'a fork' : `a ${ctx.eventName || 'pull request'} event`;
    throw new errors/* PolicyError */.pn(`Remediation refused: remediate: apply does not run in ${what} context (code under review must not change the account). ` +
        'Run it from a protected branch or environment, or set allow-on-pull-request: true.');
}
/** Targets in apply mode that cannot run because their runbook is not deployed. */
function checkRunbooksDeployed(targets) {
    const missing = [...new Set(targets.filter(t => t.runbook.hash === '').map(t => t.runbook.name))];
    if (missing.length === 0)
        return;
    throw new errors/* PolicyError */.pn(`Remediation refused: runbook${missing.length === 1 ? '' : 's'} ${listed(missing)} ${missing.length === 1 ? 'is' : 'are'} not deployed in the account (deploy them first).`);
}
/**
 * Reconciles an approved plan with the current one: an approved target runs only if the current plan has it
 * unchanged. One that is no longer non-compliant is skipped as compliant now; one that changed (runbook version,
 * parameters, route) is skipped as changed; current targets absent from the approved plan are not run.
 */
function reconcileApproved(approved, current, result) {
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
        if (now && canonicalJson(now.target) === canonicalJson(t)) {
            out.run.push(now);
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

;// CONCATENATED MODULE: ./src/remediation/alert.ts
/**
 * One concise SNS message per run: what is non-compliant (with counts), what was remediated (with outcomes) and the
 * run's URL. Sent when `alert` is `always`, or `on-change` and something changed: a remediation ran, or a
 * non-compliant finding is new (its fingerprint is not among those known before this run). Never with `never` or
 * without a topic. The decision and the message are pure; publishing is the edge.
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
const ORDER = ['failed', 'timed-out', 'succeeded-unverified', 'verified', 'skipped'];
function plainSubject(s) {
    return (0,report_escape/* truncate */.xv)(s.replace(/[^\x20-\x7e]/g, '?'), MAX_SUBJECT);
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
            const why = o.message ? `: ${(0,report_escape/* truncate */.xv)(o.message, 200)}` : '';
            lines.push(`- ${describeTarget(o.target)}: ${o.status}${detail}${why}`);
        }
        if (outcomes.length > listed.length)
            lines.push(`- ... and ${outcomes.length - listed.length} more`);
    }
    else if (input.mode === 'plan' && (input.planned ?? 0) > 0) {
        lines.push('', `Remediation plan (dry run): ${input.planned ?? 0} target(s), nothing changed.`);
    }
    if (input.problem !== undefined)
        lines.push('', `Stopped: ${(0,report_escape/* truncate */.xv)(input.problem, 500)}`);
    const url = (0,summary/* runUrlOf */.Qm)(run);
    if (url !== undefined)
        lines.push('', `Run: ${url}`);
    const verdict = input.mode === 'apply' && ran > 0
        ? `${ran} remediation(s) ran, ${(counts.get('failed') ?? 0) + (counts.get('timed-out') ?? 0)} failed`
        : `${total} non-compliant`;
    const subject = plainSubject(`compliance-gate ${run.repository || result.accountId}: ${verdict}`);
    return { subject, message: maskText(lines.map(l => (0,report_escape/* toSingleLine */.OX)(l)).join('\n')) };
}
/** Publishes the alert; returns the message id, or the error naming sns:Publish. */
async function publishAlert(sns, topic, alert) {
    try {
        const out = await sns.send(new client_sns_dist_cjs.PublishCommand({ TopicArn: topic, Subject: alert.subject, Message: alert.message }));
        return out.MessageId !== undefined ? { messageId: out.MessageId } : {};
    }
    catch (err) {
        return { error: (0,errors/* toAwsCallError */.Dz)('sns:Publish', err) };
    }
}

;// CONCATENATED MODULE: ./src/remediation/audit.ts
/**
 * The remediation audit log: JSON Lines, one record per decision (plan computed, approval checked, refusal,
 * target skipped, alert) and per execution (started, finished, verified). Each record is appended to the file as
 * soon as it is made, so the log is complete up to the moment a run stops, whatever stops it. The file is only ever
 * appended to, never rewritten.
 *
 * Every record names who and what: time, repository, workflow, run URL, actor, event, role session name, account,
 * region and plan hash; target records add rule, HIPAA sections, resource, runbook with version and hash, parameters
 * (already masked, see hash.ts), execution id, status, compliance before and after, verification.
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
    ready;
    written = [];
    constructor(file, context, now, planHash) {
        this.file = file;
        this.context = context;
        this.now = now;
        this.planHash = planHash;
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
        await (0,promises_.appendFile)(this.file, auditLine(record), 'utf8');
        this.written.push(record);
    }
}

// EXTERNAL MODULE: ./src/deploy/desired.ts
var desired = __webpack_require__(8041);
;// CONCATENATED MODULE: ./src/remediation/execute.ts
/**
 * Runs the planned targets, in waves, with limits. A target whose rule has a remediation configuration in AWS
 * Config runs through Config (StartRemediationExecution, at most 100 resource keys per call); any other target runs
 * its runbook through SSM Automation directly (StartAutomationExecution, pinned to the planned document version).
 *
 * Waves: the targets of one rule start together in waves of the binding's concurrency percent (at least 1). After
 * each wave the executions are polled (every 2 s, growing to 15 s, on the injected clock) until they reach a final
 * state. No new wave starts once failures reach `errorPercent` of the executions started, or once the run's
 * deadline (`timeoutSeconds` from the first start) has passed. Executions still running at the deadline are
 * `timed-out`; SSM ones are stopped (StopAutomationExecution); Config has no API to stop its executions.
 *
 * A start that AWS refuses is a failed target (it counts towards the error threshold). Any other AWS error (while
 * polling) stops the run: what is known is returned with the error.
 */










/** StartRemediationExecution and DescribeRemediationExecutionStatus take at most 100 resource keys. */
const RESOURCE_KEYS_PER_CALL = 100;
const FIRST_POLL_MS = 2_000;
const MAX_POLL_MS = 15_000;
/** Messages from AWS are kept to this many characters (a validation error can list hundreds of values). */
const MAX_MESSAGE = 600;
/** A message from AWS as kept in results, logs and the audit log: credential-shaped text masked, length capped. */
function shortMessage(message) {
    return (0,report_escape/* truncate */.xv)(maskText(message), MAX_MESSAGE);
}
/** Config InvocationTime may be this much earlier than our clock at start (clock skew) and still be ours. */
const INVOCATION_SKEW_MS = 5_000;
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
        out.push(...(0,concurrency/* chunk */.i)(list, size));
    }
    return out;
}
/** True once failures reach errorPercent of the executions started (and there is at least one failure). */
function thresholdReached(failures, started, errorPercent) {
    return failures > 0 && started > 0 && failures * 100 >= errorPercent * started;
}
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
async function executeTargets(deps, planned, options) {
    const { clock, logger, audit } = deps;
    const deadline = new Date(clock.now().getTime() + options.timeoutSeconds * 1000);
    const results = new Map();
    let started = 0;
    let failures = 0;
    const all = waves(planned);
    let stop;
    let error;
    for (let w = 0; w < all.length; w++) {
        const wave = all[w] ?? [];
        if (stop === undefined && clock.now() >= deadline) {
            stop = `not started: remediation-timeout (${options.timeoutSeconds}s) reached`;
        }
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
            const running = await startWave(deps, wave, options, results);
            started += wave.length;
            failures += wave.filter(p => results.get(p)?.status === 'failed').length;
            await pollWave(deps, running, deadline, options);
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
    for (const r of results.values()) {
        if (r.status === 'timed-out')
            logger.warn((0,report_escape/* sanitizeForLog */.F0)(`Remediation timed out: ${describeTarget(r.target)}`));
    }
    const ordered = planned.map((p) => results.get(p) ?? { target: p.target, status: 'skipped', message: stop ?? 'not started' });
    return { results: ordered, deadline, ...(error ? { error } : {}) };
}
async function startWave(deps, wave, options, results) {
    const running = [];
    const configTargets = wave.filter(p => p.target.route === 'config');
    const ssmTargets = wave.filter(p => p.target.route === 'ssm');
    for (const p of ssmTargets) {
        const r = await startSsm(deps, p, options);
        results.set(p, r.result);
        if (r.running)
            running.push(r.running);
    }
    for (const batch of (0,concurrency/* chunk */.i)(configTargets, RESOURCE_KEYS_PER_CALL)) {
        for (const r of await startConfig(deps, batch)) {
            results.set(r.planned, r.result);
            if (r.result.status !== 'failed')
                running.push(r);
        }
    }
    return running;
}
async function startSsm(deps, p, options) {
    const { clock, logger, audit } = deps;
    const t = p.target;
    const now = clock.now();
    const result = { target: t, status: 'failed', startedAt: now.toISOString() };
    try {
        const ssm = await deps.ssm();
        const out = await ssm.send(new client_ssm_dist_cjs.StartAutomationExecutionCommand({
            DocumentName: t.runbook.name,
            ...(p.documentVersion ? { DocumentVersion: p.documentVersion } : {}),
            ...(Object.keys(p.executionParameters).length > 0 ? { Parameters: p.executionParameters } : {}),
            ClientToken: idempotencyToken(options.planHash, options.runId, options.runAttempt, t.rule, t.resourceType, t.resourceId),
            Tags: [{ ...desired/* MANAGED_TAG */.N2 }]
        }));
        if (!out.AutomationExecutionId)
            throw new Error('StartAutomationExecution returned no AutomationExecutionId');
        result.executionId = out.AutomationExecutionId;
    }
    catch (err) {
        const e = (0,errors/* toAwsCallError */.Dz)('ssm:StartAutomationExecution', err);
        result.message = shortMessage(e.message);
        logger.warn((0,report_escape/* sanitizeForLog */.F0)(`Remediation of ${describeTarget(t)} did not start: ${result.message}`));
        await audit.record({
            event: 'execution-started',
            ...targetFields(t),
            status: 'start-failed',
            message: result.message
        });
        return { result };
    }
    logger.info((0,report_escape/* sanitizeForLog */.F0)(`Started ${t.runbook.name} v${t.runbook.version} for ${describeTarget(t)}: ${result.executionId}`));
    await audit.record({
        event: 'execution-started',
        ...targetFields(t),
        executionId: result.executionId,
        status: 'started',
        complianceBefore: 'NON_COMPLIANT'
    });
    result.status = 'running';
    return { result, running: { planned: p, result, startedAtMs: now.getTime() } };
}
async function startConfig(deps, batch) {
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
        const res = await config.send(new dist_cjs.StartRemediationExecutionCommand({
            ConfigRuleName: rule,
            ResourceKeys: batch.map(p => ({
                resourceType: p.target.resourceType,
                resourceId: p.target.resourceId
            }))
        }));
        failedKeys = new Set((res.FailedItems ?? []).map(k => `${k.resourceType ?? ''}\u0000${k.resourceId ?? ''}`));
        failureMessage = `config:StartRemediationExecution did not start it: ${res.FailureMessage ?? 'no message'}`;
    }
    catch (err) {
        const e = (0,errors/* toAwsCallError */.Dz)('config:StartRemediationExecution', err);
        failureMessage = e.message;
        failedKeys = new Set(batch.map(p => `${p.target.resourceType}\u0000${p.target.resourceId}`));
    }
    for (const r of out) {
        const t = r.planned.target;
        if (failedKeys.has(`${t.resourceType}\u0000${t.resourceId}`)) {
            r.result.status = 'failed';
            r.result.message = shortMessage(failureMessage);
            logger.warn((0,report_escape/* sanitizeForLog */.F0)(`Remediation of ${describeTarget(t)} did not start: ${r.result.message}`));
            await audit.record({
                event: 'execution-started',
                ...targetFields(t),
                status: 'start-failed',
                message: r.result.message
            });
        }
        else {
            logger.info((0,report_escape/* sanitizeForLog */.F0)(`Started Config remediation (${t.runbook.name}) for ${describeTarget(t)}.`));
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
async function pollWave(deps, running, deadline, options) {
    const { clock, logger } = deps;
    let pending = [...running];
    let interval = FIRST_POLL_MS;
    while (pending.length > 0) {
        const left = deadline.getTime() - clock.now().getTime();
        if (left <= 0)
            break;
        await clock.sleep(Math.min(interval, left));
        interval = Math.min(interval * 2, MAX_POLL_MS);
        try {
            await pollSsm(deps, pending.filter(r => r.planned.target.route === 'ssm'));
            await pollConfig(deps, pending.filter(r => r.planned.target.route === 'config'));
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
        if (r.planned.target.route === 'ssm' && r.result.executionId) {
            try {
                const ssm = await deps.ssm();
                await ssm.send(new client_ssm_dist_cjs.StopAutomationExecutionCommand({ AutomationExecutionId: r.result.executionId, Type: 'Cancel' }));
                r.result.message += '; stopped (StopAutomationExecution)';
            }
            catch (err) {
                const e = (0,errors/* toAwsCallError */.Dz)('ssm:StopAutomationExecution', err);
                r.result.message += `; could not stop it: ${shortMessage(e.message)}`;
                logger.warn((0,report_escape/* sanitizeForLog */.F0)(`Could not stop ${r.result.executionId}: ${e.message}`));
            }
        }
        else if (r.planned.target.route === 'config') {
            r.result.message += '; AWS Config has no API to stop a remediation execution, it may still finish';
        }
        await recordFinished(deps, r);
    }
}
async function recordFinished(deps, r) {
    const t = r.planned.target;
    const res = r.result;
    const line = `${describeTarget(t)}: ${res.status}${res.failedStep ? ` at step ${res.failedStep}` : ''}${res.message ? ` (${res.message})` : ''}`;
    if (res.status === 'succeeded')
        deps.logger.info((0,report_escape/* sanitizeForLog */.F0)(`Remediation ${line}`));
    else
        deps.logger.warn((0,report_escape/* sanitizeForLog */.F0)(`Remediation ${line}`));
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
async function pollSsm(deps, pending) {
    if (pending.length === 0)
        return;
    const ssm = await deps.ssm();
    for (const r of pending) {
        let out;
        try {
            out = await ssm.send(new client_ssm_dist_cjs.GetAutomationExecutionCommand({ AutomationExecutionId: r.result.executionId }));
        }
        catch (err) {
            throw (0,errors/* toAwsCallError */.Dz)('ssm:GetAutomationExecution', err);
        }
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
async function pollConfig(deps, pending) {
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
        for (const batch of (0,concurrency/* chunk */.i)(list, RESOURCE_KEYS_PER_CALL)) {
            const byKey = new Map(batch.map(r => [`${r.planned.target.resourceType}\u0000${r.planned.target.resourceId}`, r]));
            try {
                for await (const page of (0,dist_cjs.paginateDescribeRemediationExecutionStatus)({ client: config }, {
                    ConfigRuleName: rule,
                    ResourceKeys: batch.map(r => ({
                        resourceType: r.planned.target.resourceType,
                        resourceId: r.planned.target.resourceId
                    }))
                })) {
                    for (const s of page.RemediationExecutionStatuses ?? []) {
                        const r = byKey.get(`${s.ResourceKey?.resourceType ?? ''}\u0000${s.ResourceKey?.resourceId ?? ''}`);
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
            catch (err) {
                throw (0,errors/* toAwsCallError */.Dz)('config:DescribeRemediationExecutionStatus', err);
            }
        }
    }
}

;// CONCATENATED MODULE: ./src/remediation/report.ts
/**
 * The remediation phase in the reports: the job-summary section (the plan table, the outcomes table, the plan
 * hash) and remediation-plan.json. Pure builders; phase.ts writes the file.
 */



const PLAN_FILE_NAME = 'remediation-plan.json';
/** Budget priority: after the verdict and rule table, before the resource lists. */
const REMEDIATION_PRIORITY = 3;
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
        notes: plan.notes
    };
}
const OUTCOME_LABEL = {
    verified: '✅ verified',
    'succeeded-unverified': '☑️ succeeded, unverified',
    failed: '❌ failed',
    'timed-out': '⏱️ timed out',
    skipped: '⏭️ skipped'
};
function cell(s, max = 200) {
    return (0,report_escape/* escapeMarkdown */.FV)((0,report_escape/* truncate */.xv)(s, max));
}
function row(cells) {
    return `| ${cells.join(' | ')} |`;
}
/** `Name=v1, v2; Other=x`, values already masked. */
function formatParameters(parameters) {
    const names = Object.keys(parameters).sort();
    if (names.length === 0)
        return '-';
    return names.map(n => `${n}=${(parameters[n] ?? []).join(', ')}`).join('; ');
}
function planRow(t) {
    return row([
        cell(t.rule, 128),
        `${cell(t.resourceType, 64)} ${cell(t.resourceId, 256)}`,
        cell(`${t.runbook.name}@${t.runbook.version}`, 160),
        cell(formatParameters(t.parameters), 400),
        t.route === 'config' ? 'AWS Config' : 'SSM Automation'
    ]);
}
function outcomeRow(o) {
    const detail = [o.failedStep ? `step ${o.failedStep}` : '', o.message ?? ''].filter(s => s !== '').join(': ');
    return row([
        cell(o.target.rule, 128),
        cell(o.target.resourceId, 256),
        OUTCOME_LABEL[o.status],
        o.executionId ? cell(o.executionId, 80) : '-',
        detail !== '' ? cell(detail, 300) : '-'
    ]);
}
/** Counts of outcomes by status. */
function countOutcomes(outcomes) {
    const c = {
        verified: 0,
        'succeeded-unverified': 0,
        failed: 0,
        'timed-out': 0,
        skipped: 0
    };
    for (const o of outcomes)
        c[o.status]++;
    return c;
}
function remediationSection(input) {
    const { plan, mode, outcomes } = input;
    const n = plan.targets.length;
    const title = mode === 'plan'
        ? `### 🛠️ Remediation plan (dry run, nothing changed): ${n} target${n === 1 ? '' : 's'}`
        : `### 🛠️ Remediation: ${n} target${n === 1 ? '' : 's'} planned`;
    const facts = [
        `Plan hash ${(0,report_escape/* codeSpan */.SS)(plan.hash)}`,
        `max-remediations ${input.max}`,
        `plan ${(0,report_escape/* codeSpan */.SS)(input.planFile)}`,
        `audit log ${(0,report_escape/* codeSpan */.SS)(input.auditFile)}`
    ];
    const lines = [title, '', facts.join(' · ')];
    if (input.approval !== undefined)
        lines.push('', (0,report_escape/* escapeMarkdown */.FV)(input.approval));
    if (input.error !== undefined) {
        const label = input.error instanceof errors/* PolicyError */.pn ? 'Refused' : 'Stopped';
        lines.push('', `**${label}:** ${cell(input.error.message, 1500)}`);
    }
    if (mode === 'apply' && outcomes.length > 0) {
        const c = countOutcomes(outcomes);
        const tally = Object.keys(c).filter(s => c[s] > 0).map(s => `${c[s]} ${OUTCOME_LABEL[s]}`);
        lines.push('', `Outcomes: ${tally.join(' · ')}`);
    }
    if (input.alert !== undefined)
        lines.push('', cell(input.alert, 300));
    if (plan.notes.length > 0)
        lines.push('', ...plan.notes.map(note => `- ${cell(note, 400)}`));
    const blocks = [{ kind: 'text', text: lines.join('\n'), required: true }];
    if (n > 0) {
        blocks.push({
            kind: 'rows',
            head: [
                '',
                '<details><summary>Plan</summary>',
                '',
                row(['Rule', 'Resource', 'Runbook@version', 'Parameters', 'Route']),
                row(['---', '---', '---', '---', '---'])
            ].join('\n'),
            rowCount: n,
            row: i => planRow(plan.targets[i]),
            tail: '\n</details>'
        });
    }
    if (mode === 'apply' && outcomes.length > 0) {
        blocks.push({
            kind: 'rows',
            head: [
                '',
                '#### Outcomes',
                '',
                row(['Rule', 'Resource', 'Outcome', 'Execution', 'Detail']),
                row(['---', '---', '---', '---', '---'])
            ].join('\n'),
            rowCount: outcomes.length,
            row: i => outcomeRow(outcomes[i])
        });
    }
    return {
        id: 'remediation',
        order: summary/* SUMMARY_ORDER */.Qx.remediation,
        priority: REMEDIATION_PRIORITY,
        blocks,
        omissionNote: k => `_${k} remediation row${k === 1 ? '' : 's'} left out to keep the job summary within its size limit; ${(0,report_escape/* codeSpan */.SS)(input.planFile)} and ${(0,report_escape/* codeSpan */.SS)(input.auditFile)} have all of them._`
    };
}

;// CONCATENATED MODULE: ./src/remediation/verify.ts
/**
 * After a runbook ran, is the resource compliant? Each rule with a successful execution is re-evaluated
 * (StartConfigRulesEvaluation). When AWS answers LimitExceededException (the rule was started less than a minute
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
function errorName(err) {
    return err?.name ?? '';
}
/** Re-evaluates the rules of succeeded executions and turns execution results into outcomes. */
async function verifyResults(deps, results, options) {
    const outcomes = results.map(r => toOutcome(r));
    const succeeded = outcomes.filter(o => o.status === 'succeeded-unverified');
    if (succeeded.length === 0)
        return { outcomes };
    const waits = new Map();
    for (const o of succeeded) {
        const end = Date.parse(o.finishedAt ?? '') || deps.clock.now().getTime();
        const w = waits.get(o.target.rule);
        if (w)
            w.after = Math.max(w.after, end);
        else
            waits.set(o.target.rule, { rule: o.target.rule, after: end, startAt: 0, done: false });
    }
    let error;
    try {
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
            deps.logger.info((0,report_escape/* sanitizeForLog */.F0)(`Verification of ${describeTarget(o.target)}: ${o.status}${o.message ? ` (${o.message})` : ''}`));
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
async function awaitEvaluations(deps, waits, options) {
    const { clock, logger } = deps;
    const config = await deps.config();
    let interval = verify_FIRST_POLL_MS;
    for (;;) {
        const now = clock.now().getTime();
        for (const w of waits) {
            if (w.done || w.startAt === undefined || now < w.startAt)
                continue;
            try {
                await config.send(new dist_cjs.StartConfigRulesEvaluationCommand({ ConfigRuleNames: [w.rule] }));
                w.startAt = undefined;
            }
            catch (err) {
                if (errorName(err) !== 'LimitExceededException')
                    throw (0,errors/* toAwsCallError */.Dz)('config:StartConfigRulesEvaluation', err);
                logger.info(`${w.rule}: an evaluation started less than a minute ago; waiting for it.`);
                w.startAt = now + START_INTERVAL_MS;
            }
        }
        const open = waits.filter(w => !w.done);
        let statuses;
        try {
            const out = await config.send(new dist_cjs.DescribeConfigRuleEvaluationStatusCommand({ ConfigRuleNames: open.map(w => w.rule) }));
            statuses = out.ConfigRulesEvaluationStatus ?? [];
        }
        catch (err) {
            throw (0,errors/* toAwsCallError */.Dz)('config:DescribeConfigRuleEvaluationStatus', err);
        }
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
                w.problem = 'not verified: the rule was not re-evaluated before remediation-timeout';
            }
            return;
        }
        await clock.sleep(Math.min(interval, left));
        interval = Math.min(interval * 2, verify_MAX_POLL_MS);
    }
}
async function complianceOf(deps, t) {
    const config = await deps.config();
    try {
        for await (const page of (0,dist_cjs.paginateGetComplianceDetailsByResource)({ client: config }, { ResourceType: t.resourceType, ResourceId: t.resourceId })) {
            for (const r of page.EvaluationResults ?? []) {
                if (r.EvaluationResultIdentifier?.EvaluationResultQualifier?.ConfigRuleName === t.rule) {
                    return r.ComplianceType ?? 'INSUFFICIENT_DATA';
                }
            }
        }
    }
    catch (err) {
        throw (0,errors/* toAwsCallError */.Dz)('config:GetComplianceDetailsByResource', err);
    }
    return 'NO_RESULT';
}

;// CONCATENATED MODULE: ./src/remediation/phase.ts
/**
 * The remediation phase: select the targets, read what will run (runbook versions, Config remediation
 * configurations), write the plan, then, in apply mode only and only past every oversight check, execute, verify,
 * alert, and audit every step.
 *
 *   findings x bindings -> select.ts -> plan (hash) -> remediation-plan.json + summary
 *   apply: context check -> approval (hash or approved plan file) -> max -> execute.ts (waves) -> verify.ts
 *   alert.ts (SNS) and audit.ts (JSON Lines) throughout
 *
 * Refusals (PolicyError) and AWS errors do not throw: they are returned in `error` with everything known until then
 * (plan, outcomes, summary section), so the caller can report them and then fail the step.
 */















/** DescribeRemediationConfigurations takes at most 25 rule names. */
const RULES_PER_DESCRIBE = 25;
function toParameterJson(params) {
    const out = {};
    for (const [k, v] of Object.entries(params ?? {})) {
        if (v.ResourceValue)
            out[k] = { ResourceValue: { Value: 'RESOURCE_ID' } };
        else if (v.StaticValue)
            out[k] = { StaticValue: { Values: [...(v.StaticValue.Values ?? [])] } };
    }
    return out;
}
/** The remediation configurations deployed for the given rules. */
async function readRemediationConfigurations(config, rules) {
    const out = new Map();
    for (const batch of (0,concurrency/* chunk */.i)([...new Set(rules)].sort(), RULES_PER_DESCRIBE)) {
        let res;
        try {
            res = await config.send(new dist_cjs.DescribeRemediationConfigurationsCommand({ ConfigRuleNames: batch }));
        }
        catch (err) {
            throw (0,errors/* toAwsCallError */.Dz)('config:DescribeRemediationConfigurations', err);
        }
        for (const c of res.RemediationConfigurations ?? []) {
            if (!c.ConfigRuleName || !c.TargetId)
                continue;
            const d = { targetId: c.TargetId, parameters: toParameterJson(c.Parameters) };
            if (c.TargetVersion)
                d.targetVersion = c.TargetVersion;
            out.set(c.ConfigRuleName, d);
        }
    }
    return out;
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
            const res = await ssm.send(new client_ssm_dist_cjs.DescribeDocumentCommand({ Name: ref.name, ...(ref.version ? { DocumentVersion: ref.version } : {}) }));
            const d = res.Document;
            if (d?.DocumentVersion && d.Hash)
                out.set(key, { version: d.DocumentVersion, hash: d.Hash.toLowerCase() });
        }
        catch (err) {
            if (NOT_DEPLOYED.has(err.name ?? ''))
                continue;
            throw (0,errors/* toAwsCallError */.Dz)('ssm:DescribeDocument', err);
        }
    }
    return out;
}
function emptyCounts() {
    return { planned: 0, started: 0, remediated: 0, verified: 0, unverified: 0, failed: 0, timedOut: 0, skipped: 0 };
}
function countsOf(planned, outcomes) {
    const c = countOutcomes(outcomes);
    return {
        planned,
        started: outcomes.filter(o => o.startedAt !== undefined && o.status !== 'skipped').length,
        remediated: c.verified + c['succeeded-unverified'],
        verified: c.verified,
        unverified: c['succeeded-unverified'],
        failed: c.failed + c['timed-out'],
        timedOut: c['timed-out'],
        skipped: c.skipped
    };
}
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
async function runRemediation(clients, input, options, ctx, deps) {
    const { clock, logger } = deps;
    const { result, desired } = input;
    const auditFile = (0,external_node_path_.join)(options.reportDir, AUDIT_FILE_NAME);
    const planFile = (0,external_node_path_.join)(options.reportDir, PLAN_FILE_NAME);
    const run = { ...ctx.run };
    const url = (0,summary/* runUrlOf */.Qm)(run);
    if (url !== undefined)
        run.runUrl = url;
    const audit = new AuditLog(auditFile, auditContext(run, {
        roleSessionName: ctx.roleSessionName,
        accountId: ctx.accountId,
        region: ctx.region,
        mode: options.mode
    }), () => clock.now());
    let plan;
    let outcomes = [];
    /** The refusal or AWS error that stopped the run (an object: set from within closures). */
    const stop = {};
    let approval;
    const refuse = async (err) => {
        stop.error = err;
        logger.warn((0,report_escape/* sanitizeForLog */.F0)(err.message));
        await audit.record({
            event: err instanceof errors/* PolicyError */.pn ? 'refused' : 'run-failed',
            status: err instanceof errors/* PolicyError */.pn ? 'refused' : 'error',
            reason: err.message
        });
    };
    try {
        const approvedFile = options.mode === 'apply' ? await readApprovedFile(options.approvedPlanFile) : {};
        const candidates = selectCandidates(result, desired.remediations, {
            rules: options.rules,
            resources: options.resources,
            ...(approvedFile.plan ? { alsoKnownResources: new Set(approvedFile.plan.targets.map(t => t.resourceId)) } : {})
        });
        const configRules = [...new Set(candidates.map(c => c.binding.ruleName))].filter(r => input.deployedRemediations.has(r));
        const deployed = configRules.length > 0 ? await readRemediationConfigurations(await clients.config(), configRules) : new Map();
        const refs = candidates.map(c => {
            const d = deployed.get(c.binding.ruleName);
            const version = d ? d.targetVersion : c.binding.targetVersion;
            return { name: d?.targetId ?? c.binding.targetId, ...(version ? { version } : {}) };
        });
        const runbooks = refs.length > 0 ? await readRunbooks(await clients.ssm(), refs) : new Map();
        const built = buildPlan({
            candidates,
            deployed,
            runbooks,
            manifestHashes: new Map(desired.documents.map(d => [d.name, d.hash.toLowerCase()])),
            mode: options.mode,
            accountId: ctx.accountId,
            region: ctx.region,
            createdAt: clock.now().toISOString()
        });
        plan = built.plan;
        audit.setPlanHash(plan.hash);
        await (0,promises_.mkdir)(options.reportDir, { recursive: true });
        await (0,promises_.writeFile)(planFile, JSON.stringify(buildPlanJson(plan), null, 2) + '\n', 'utf8');
        logger.info(`Remediation plan ${plan.hash}: ${plan.targets.length} target${plan.targets.length === 1 ? '' : 's'} (${options.mode}); written to ${planFile}.`);
        for (const t of plan.targets) {
            logger.info((0,report_escape/* sanitizeForLog */.F0)(`  ${describeTarget(t)} -> ${t.runbook.name}@${t.runbook.version} via ${t.route}`));
        }
        for (const note of plan.notes)
            logger.warn((0,report_escape/* sanitizeForLog */.F0)(note));
        await audit.record({
            event: 'plan-computed',
            status: 'planned',
            details: {
                targets: plan.targets.map(describeTarget),
                count: plan.targets.length,
                max: options.max,
                filters: { rules: options.rules, resources: options.resources },
                notes: plan.notes
            }
        });
        if (options.mode === 'plan') {
            checkLimit(plan.targets, options.max);
        }
        else {
            checkContext('apply', options.allowOnPullRequest, {
                eventName: run.eventName,
                isPullRequest: ctx.isPullRequest,
                isFork: ctx.isFork
            });
            let toRun = built.planned;
            const skipped = [];
            const wanted = options.approvedPlanHash;
            if (wanted !== undefined && wanted !== '') {
                if (wanted === plan.hash) {
                    approval = `Approved plan ${wanted}: the current plan is the approved one.`;
                    await audit.record({ event: 'approval-checked', status: 'approved', details: { approvedPlanHash: wanted } });
                }
                else if (approvedFile.plan && approvedFile.plan.hash === wanted) {
                    const approved = approvedFile.plan;
                    if (approved.accountId !== ctx.accountId || approved.region !== ctx.region) {
                        throw new errors/* PolicyError */.pn(`Remediation refused: the approved plan is for account ${approved.accountId} in ${approved.region}, not ${ctx.accountId} in ${ctx.region}.`);
                    }
                    const sel = reconcileApproved(approved, built.planned, result);
                    toRun = sel.run;
                    for (const s of sel.skipped) {
                        skipped.push({ target: s.target, status: 'skipped', message: s.reason, complianceBefore: 'NON_COMPLIANT' });
                    }
                    for (const t of sel.notApproved) {
                        skipped.push({
                            target: t,
                            status: 'skipped',
                            message: 'not in the approved plan',
                            complianceBefore: 'NON_COMPLIANT'
                        });
                    }
                    approval =
                        `The plan changed since approval (approved ${wanted}, now ${plan.hash}): running the ${toRun.length} approved ` +
                            `target${toRun.length === 1 ? '' : 's'} that are unchanged and still non-compliant; ${sel.skipped.length} approved ` +
                            `target${sel.skipped.length === 1 ? '' : 's'} skipped, ${sel.notApproved.length} not approved.`;
                    await audit.record({
                        event: 'approval-checked',
                        status: 'approved-subset',
                        message: approval,
                        details: { approvedPlanHash: wanted, approvedPlanFile: options.approvedPlanFile, run: toRun.length }
                    });
                    for (const s of skipped) {
                        await audit.record({
                            event: 'target-skipped',
                            ...targetFields(s.target),
                            status: 'skipped',
                            reason: s.message ?? 'skipped',
                            complianceBefore: 'NON_COMPLIANT',
                            ...(s.message?.startsWith('compliant now') ? { complianceAfter: 'COMPLIANT' } : {})
                        });
                    }
                }
                else {
                    const why = options.approvedPlanFile === undefined || options.approvedPlanFile === ''
                        ? 'no approved plan file was given'
                        : (approvedFile.problem ?? `the approved plan file's hash is ${approvedFile.plan?.hash ?? '?'}`);
                    throw new errors/* PolicyError */.pn(`Remediation refused: the plan changed since approval (approved ${wanted}, current ${plan.hash}) and ${why}. Plan and approve again.`);
                }
            }
            checkLimit(toRun.map(p => p.target), options.max);
            checkRunbooksDeployed(toRun.map(p => p.target));
            const executed = await executeTargets({ config: () => clients.config(), ssm: () => clients.ssm(), clock, logger, audit }, toRun, {
                timeoutSeconds: options.timeoutSeconds,
                errorPercent: options.errorPercent,
                planHash: plan.hash,
                runId: run.runId,
                runAttempt: run.runAttempt
            });
            const verifyDeadline = new Date(Math.max(executed.deadline.getTime(), clock.now().getTime() + 120_000));
            const verified = await verifyResults({ config: () => clients.config(), clock, logger, audit }, executed.results, {
                deadline: verifyDeadline
            });
            outcomes = [...verified.outcomes, ...skipped].sort((a, b) => compareTargets(a.target, b.target));
            const err = executed.error ?? verified.error;
            if (err)
                await refuse(err);
        }
    }
    catch (err) {
        if (!(err instanceof errors/* PolicyError */.pn) && !(err instanceof errors/* AwsCallError */.iQ))
            throw err;
        await refuse(err);
    }
    const error = stop.error;
    if (options.mode === 'apply' && plan !== undefined && outcomes.length === 0 && error !== undefined) {
        // Refused before anything ran: every planned target is skipped, with the reason.
        const why = (0,report_escape/* truncate */.xv)(error.message.replace(/^Remediation refused: /, 'refused: '), 300);
        outcomes = plan.targets.map(t => ({
            target: t,
            status: 'skipped',
            message: `not run: ${why}`,
            complianceBefore: 'NON_COMPLIANT'
        }));
    }
    const alertInfo = await sendAlert(clients, {
        options,
        ctx,
        run,
        result,
        outcomes,
        planned: plan?.targets.length ?? 0,
        topic: desired.alertTopic,
        audit,
        logger,
        ...(error ? { problem: error.message } : {})
    }).catch((err) => {
        if (!(err instanceof errors/* AwsCallError */.iQ))
            throw err;
        stop.error ??= err;
        return { sent: false, reason: `sns:Publish failed: ${err.message}` };
    });
    const counts = plan ? countsOf(plan.targets.length, outcomes) : emptyCounts();
    const emptyPlan = {
        schemaVersion: 1,
        hash: '',
        mode: options.mode,
        accountId: ctx.accountId,
        region: ctx.region,
        createdAt: clock.now().toISOString(),
        targets: [],
        notes: ['No plan was made.']
    };
    const section = remediationSection({
        plan: plan ?? emptyPlan,
        mode: options.mode,
        planFile: plan ? planFile : '(not written)',
        auditFile,
        outcomes,
        max: options.max,
        ...(approval !== undefined ? { approval } : {}),
        ...(stop.error !== undefined ? { error: stop.error } : {}),
        alert: alertInfo.sent
            ? `Alert sent to ${desired.alertTopic ?? ''} (${alertInfo.reason}).`
            : `No alert: ${alertInfo.reason}.`
    });
    const out = { outcomes, auditFile, section, counts, alert: alertInfo };
    if (plan) {
        out.plan = plan;
        out.planFile = planFile;
        out.planHash = plan.hash;
    }
    if (stop.error)
        out.error = stop.error;
    return out;
}
async function sendAlert(clients, a) {
    const started = a.outcomes.filter(o => o.startedAt !== undefined && o.status !== 'skipped').length;
    const decision = decideAlert({
        policy: a.options.alert,
        topic: a.topic,
        result: a.result,
        executionsStarted: a.options.mode === 'apply' ? started : 0,
        ...(a.ctx.knownFingerprints ? { knownFingerprints: a.ctx.knownFingerprints } : {})
    });
    if (!decision.send || a.topic === undefined) {
        a.logger.info(`Remediation alert not sent: ${decision.reason}.`);
        return { sent: false, reason: decision.reason };
    }
    const message = buildAlertMessage({
        result: a.result,
        outcomes: a.outcomes,
        run: a.run,
        mode: a.options.mode,
        planned: a.planned,
        ...(a.problem !== undefined ? { problem: a.problem } : {})
    });
    const published = await publishAlert(await clients.sns(), a.topic, message);
    if (published.error) {
        await a.audit.record({
            event: 'alert-failed',
            status: 'error',
            reason: published.error.message,
            details: { topic: a.topic, why: decision.reason }
        });
        throw published.error;
    }
    a.logger.info(`Remediation alert published to ${a.topic} (${decision.reason}).`);
    await a.audit.record({
        event: 'alert-published',
        status: 'published',
        details: { topic: a.topic, messageId: published.messageId, why: decision.reason, subject: message.subject }
    });
    return { sent: true, reason: decision.reason, ...(published.messageId ? { messageId: published.messageId } : {}) };
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

//# sourceMappingURL=437.index.js.map