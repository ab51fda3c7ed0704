export const id = 448;
export const ids = [448];
export const modules = {

/***/ 5448:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   buildPlan: () => (/* binding */ buildPlan)
/* harmony export */ });
/* unused harmony export remediationChanges */
const show = (v) => (v === undefined ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v));
function sortedJson(v) {
    if (Array.isArray(v))
        return `[${v.map(sortedJson).join(',')}]`;
    if (v && typeof v === 'object') {
        const o = v;
        return `{${Object.keys(o)
            .filter(k => o[k] !== undefined)
            .sort()
            .map(k => `${JSON.stringify(k)}:${sortedJson(o[k])}`)
            .join(',')}}`;
    }
    return JSON.stringify(v);
}
function diff(changes, field, from, to) {
    if (sortedJson(from ?? null) !== sortedJson(to ?? null))
        changes.push({ field, from: show(from), to: show(to) });
}
const emptyToUndefined = (list) => (list && list.length > 0 ? list : undefined);
function ruleChanges(d, a) {
    const c = [];
    diff(c, 'Source.Owner', a.owner, d.owner);
    diff(c, 'Source.SourceIdentifier', a.identifier, d.identifier);
    diff(c, 'InputParameters', a.inputParameters, d.inputParameters);
    diff(c, 'Scope.ComplianceResourceTypes', emptyToUndefined([...(a.complianceResourceTypes ?? [])].sort()), emptyToUndefined([...(d.scope?.complianceResourceTypes ?? [])].sort()));
    diff(c, 'Scope.TagKey', a.tagKey, d.scope?.tagKey);
    diff(c, 'Scope.TagValue', a.tagValue, d.scope?.tagValue);
    diff(c, 'Scope.ComplianceResourceId', a.complianceResourceId, d.scope?.complianceResourceId);
    // AWS fills in a frequency and keeps a description when none is given: compare only what the manifest sets.
    if (d.maximumExecutionFrequency) {
        diff(c, 'MaximumExecutionFrequency', a.maximumExecutionFrequency, d.maximumExecutionFrequency);
    }
    if (d.description !== undefined)
        diff(c, 'Description', a.description, d.description);
    if (d.evaluationModes) {
        diff(c, 'EvaluationModes', [...(a.evaluationModes ?? ['DETECTIVE'])].sort(), [...d.evaluationModes].sort());
    }
    return c;
}
function documentChanges(d, a) {
    const c = [];
    diff(c, 'Content (sha256)', a.hash, d.hash);
    return c;
}
function remediationChanges(d, a) {
    const c = [];
    diff(c, 'TargetId', a.targetId, d.targetId);
    diff(c, 'TargetVersion', a.targetVersion, d.targetVersion);
    diff(c, 'Parameters', a.parameters, d.parameters);
    diff(c, 'Automatic', a.automatic, d.automatic);
    diff(c, 'ResourceType', a.resourceType, d.resourceType);
    // A pack may leave these out (AWS's defaults apply): compare only what the binding sets.
    const settings = [
        ['MaximumAutomaticAttempts', a.maximumAutomaticAttempts, d.maximumAutomaticAttempts],
        ['RetryAttemptSeconds', a.retryAttemptSeconds, d.retryAttemptSeconds],
        ['ExecutionControls.ConcurrentExecutionRatePercentage', a.concurrencyPercent, d.concurrencyPercent],
        ['ExecutionControls.ErrorPercentage', a.errorPercent, d.errorPercent]
    ];
    for (const [field, actual, desired] of settings)
        if (desired !== undefined)
            diff(c, field, actual, desired);
    return c;
}
function item(object, name, action, changes = [], position, note) {
    const i = { object, name, action, changes };
    if (position)
        i.position = position;
    if (note)
        i.note = note;
    return i;
}
function compare(object, desired, nameOf, actual, changesOf) {
    return desired.map(d => {
        const a = actual.get(nameOf(d));
        if (!a)
            return item(object, nameOf(d), 'create', [], d.position);
        const changes = changesOf(d, a);
        return item(object, nameOf(d), changes.length > 0 ? 'update' : 'unchanged', changes, d.position);
    });
}
/** Pure: the plan for `apply` (with or without prune) or `destroy`. */
function buildPlan(desired, actual, options) {
    const items = [];
    const desiredRules = new Set(desired.rules.map(r => r.name));
    const desiredDocs = new Set(desired.documents.map(d => d.name));
    const desiredRemediations = new Set(desired.remediations.map(r => r.ruleName));
    if (options.mode === 'destroy') {
        // Remediation configurations first, then rules, then documents: AWS refuses to delete a rule that still
        // has a remediation configuration.
        for (const r of desired.remediations) {
            const managedRule = actual.rules.get(r.ruleName)?.managed === true;
            if (actual.remediations.has(r.ruleName)) {
                items.push(managedRule
                    ? item('remediation', r.ruleName, 'delete', [], r.position)
                    : item('remediation', r.ruleName, 'unchanged', [], r.position, 'its rule is not managed by compliance-gate'));
            }
        }
        for (const r of desired.rules) {
            const a = actual.rules.get(r.name);
            if (!a)
                continue;
            items.push(a.managed
                ? item('rule', r.name, 'delete', [], r.position)
                : item('rule', r.name, 'unchanged', [], r.position, 'not tagged managed-by=compliance-gate: left alone'));
        }
        for (const d of desired.documents) {
            const a = actual.documents.get(d.name);
            if (!a)
                continue;
            items.push(a.managed
                ? item('runbook', d.name, 'delete', [], d.position)
                : item('runbook', d.name, 'unchanged', [], d.position, 'not tagged managed-by=compliance-gate: left alone'));
        }
    }
    else {
        items.push(...compare('runbook', desired.documents, d => d.name, actual.documents, documentChanges));
        items.push(...compare('rule', desired.rules, r => r.name, actual.rules, ruleChanges));
        items.push(...compare('remediation', desired.remediations, r => r.ruleName, actual.remediations, remediationChanges));
        if (options.prune) {
            for (const [name, a] of actual.rules) {
                if (desiredRules.has(name) || !a.managed)
                    continue;
                if (actual.remediations.has(name) && !desiredRemediations.has(name)) {
                    items.push(item('remediation', name, 'delete', [], undefined, 'no longer in the manifest'));
                }
                items.push(item('rule', name, 'delete', [], undefined, 'no longer in the manifest'));
            }
            for (const name of actual.remediations.keys()) {
                if (desiredRemediations.has(name) || !desiredRules.has(name))
                    continue;
                if (actual.rules.get(name)?.managed) {
                    items.push(item('remediation', name, 'delete', [], undefined, 'no longer in the manifest'));
                }
            }
            for (const [name, a] of actual.documents) {
                if (!desiredDocs.has(name) && a.managed) {
                    items.push(item('runbook', name, 'delete', [], undefined, 'no longer in the manifest'));
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


/***/ })

};

//# sourceMappingURL=448.index.js.map