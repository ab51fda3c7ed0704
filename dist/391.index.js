export const id = 391;
export const ids = [391];
export const modules = {

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

/***/ 856:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AV: () => (/* binding */ findingAnnotations),
/* harmony export */   KI: () => (/* binding */ emitAnnotations),
/* harmony export */   P: () => (/* binding */ buildAnnotations)
/* harmony export */ });
/* unused harmony exports DEFAULT_MAX_ANNOTATIONS, sanitizeAnnotation */
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6412);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7994);


const DEFAULT_MAX_ANNOTATIONS = 10;
const MAX_TITLE = 200;
const MAX_MESSAGE = 900;
const MAX_RESOURCE = 80;
const byName = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
function sections(rule) {
    return rule.hipaaSections?.length ? ` (HIPAA ${rule.hipaaSections.join(', ')})` : '';
}
function noncompliantMessage(rule, shown) {
    const { counted, waived } = (0,_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .countFindings */ .Gt)(rule);
    const ids = rule.findings
        .filter(f => f.waiver === undefined)
        .sort((a, b) => byName(a.resourceType, b.resourceType) || byName(a.resourceId, b.resourceId))
        .slice(0, shown)
        .map(f => (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(f.resourceId, MAX_RESOURCE));
    const more = counted > ids.length ? `, +${counted - ids.length} more` : '';
    const waivedText = waived > 0 ? ` (${waived} waived)` : '';
    return `${counted} non-compliant${sections(rule)}: ${ids.join(', ')}${more}${waivedText}`;
}
function errorMessage(rule) {
    const e = rule.error;
    if (e === undefined)
        return `AWS Config could not report compliance for this rule${sections(rule)}`;
    const req = e.requestId !== undefined && e.requestId !== '' ? ` (request id ${e.requestId})` : '';
    return `${e.operation} failed: ${e.code}: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(e.message, 300)}${req}${sections(rule)}`;
}
function staleMessage(rule) {
    const when = rule.lastEvaluated ? `last evaluated ${(0,_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .formatTimePlain */ .nB)(rule.lastEvaluated)}` : 'never evaluated';
    const { counted } = (0,_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .countFindings */ .Gt)(rule);
    const found = counted > 0 ? `; ${counted} non-compliant at that evaluation` : '';
    return `Evaluation is stale: ${when}${found}${sections(rule)}`;
}
function insufficientMessage(rule) {
    return `AWS Config has insufficient data for this rule (no resources evaluated yet)${sections(rule)}`;
}
function clean(s, max) {
    return (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)((0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .sanitizeForLog */ .F0)(s).trim(), max);
}
/** Makes an annotation safe: one line each, no workflow command, bounded length. */
function sanitizeAnnotation(a) {
    const out = { level: a.level, title: clean(a.title, MAX_TITLE), message: clean(a.message, MAX_MESSAGE) };
    if (a.file !== undefined && a.file !== '')
        out.file = clean(a.file, 500);
    if (a.startLine !== undefined && Number.isInteger(a.startLine) && a.startLine > 0)
        out.startLine = a.startLine;
    if (a.startColumn !== undefined &&
        Number.isInteger(a.startColumn) &&
        a.startColumn > 0 &&
        out.startLine !== undefined)
        out.startColumn = a.startColumn;
    return out;
}
/**
 * Annotations for a compliance result: rule errors and non-compliant rules first (errors when the gate
 * failed, warnings when it passed), worst first, one per rule; stale and insufficient-data rules as
 * warnings in the room left. When more rules qualify than fit, the last slot says how many more.
 */
function buildAnnotations(result, gate, opts = {}) {
    const max = Math.max(0, Math.floor(opts.max ?? DEFAULT_MAX_ANNOTATIONS));
    const shown = Math.max(0, opts.resourcesShown ?? 3);
    const failLevel = gate.result === 'fail' ? 'error' : 'warning';
    const primary = [];
    const secondary = [];
    for (const rule of (0,_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .sortRulesWorstFirst */ .z0)(result.rules)) {
        if (rule.status === 'error') {
            primary.push({
                level: failLevel,
                rule,
                title: `AWS Config error: ${rule.ruleName}`,
                message: errorMessage(rule)
            });
        }
        else if (rule.status === 'noncompliant') {
            if ((0,_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .countFindings */ .Gt)(rule).counted === 0)
                continue; // every finding waived: listed in the summary, not annotated
            primary.push({
                level: failLevel,
                rule,
                title: `Non-compliant: ${rule.ruleName}`,
                message: noncompliantMessage(rule, shown)
            });
        }
        else if (rule.status === 'stale') {
            secondary.push({
                level: 'warning',
                rule,
                title: `Stale evaluation: ${rule.ruleName}`,
                message: staleMessage(rule)
            });
        }
        else if (rule.status === 'insufficient-data') {
            secondary.push({
                level: 'warning',
                rule,
                title: `Insufficient data: ${rule.ruleName}`,
                message: insufficientMessage(rule)
            });
        }
    }
    const picked = [];
    const toAnnotation = (c) => {
        const a = { level: c.level, title: c.title, message: c.message };
        const loc = opts.locate?.(c.rule.ruleName);
        if (loc !== undefined) {
            a.file = loc.file;
            if (loc.line !== undefined)
                a.startLine = loc.line;
            if (loc.column !== undefined)
                a.startColumn = loc.column;
        }
        return sanitizeAnnotation(a);
    };
    if (primary.length > max) {
        const keep = Math.max(0, max - 1);
        for (const c of primary.slice(0, keep))
            picked.push(toAnnotation(c));
        if (max > 0) {
            const rest = primary.slice(keep);
            const names = rest.slice(0, 5).map(c => (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(c.rule.ruleName, MAX_RESOURCE));
            picked.push(sanitizeAnnotation({
                level: failLevel,
                title: `${rest.length} more rules need attention`,
                message: `${rest.length} more rules are non-compliant or failed: ${names.join(', ')}${rest.length > names.length ? ', ...' : ''}; see the job summary and the JSON report`
            }));
        }
        return picked;
    }
    for (const c of primary)
        picked.push(toAnnotation(c));
    for (const c of secondary.slice(0, max - picked.length))
        picked.push(toAnnotation(c));
    return picked;
}
/** Thin writer: one core.error/warning/notice call per annotation. */
function emitAnnotations(annotations, sink) {
    for (const raw of annotations) {
        const a = sanitizeAnnotation(raw);
        const props = { title: a.title };
        if (a.file !== undefined)
            props.file = a.file;
        if (a.startLine !== undefined)
            props.startLine = a.startLine;
        if (a.startColumn !== undefined)
            props.startColumn = a.startColumn;
        sink[a.level](a.message, props);
    }
}
/**
 * One annotation per counted finding, at the line that declares its resource (or the rule's line), for the Checks
 * API, which takes them all (in batches of 50). Rule errors and stale or insufficient-data rules follow as
 * warnings. Findings in files the pull request changed come first.
 */
function findingAnnotations(result, gate, locations, opts = {}) {
    const level = gate.result === 'fail' ? 'error' : 'warning';
    const changed = opts.changedFiles ?? new Set();
    const out = [];
    for (const rule of (0,_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .sortRulesWorstFirst */ .z0)(result.rules)) {
        const sections = rule.hipaaSections?.length ? ` (HIPAA ${rule.hipaaSections.join(', ')})` : '';
        for (const f of rule.findings) {
            if (f.waiver !== undefined || rule.complianceType !== 'NON_COMPLIANT')
                continue;
            const loc = locations.get(f.fingerprint);
            const a = {
                level,
                title: `${rule.ruleName}: ${f.resourceType} ${f.resourceId}`,
                message: `${f.resourceType} ${f.resourceId} is non-compliant with ${rule.ruleName}${sections}${f.annotation ? `: ${f.annotation}` : ''}`
            };
            if (loc)
                Object.assign(a, { file: loc.file, startLine: loc.line, startColumn: loc.col });
            out.push({ a: sanitizeAnnotation(a), changed: loc !== undefined && changed.has(loc.file), rank: 0 });
        }
        const warn = (title, message) => {
            const a = { level: 'warning', title, message };
            const loc = opts.ruleLocation?.(rule.ruleName);
            if (loc)
                Object.assign(a, { file: loc.file, startLine: loc.line ?? 1 });
            out.push({ a: sanitizeAnnotation(a), changed: false, rank: 1 });
        };
        if (rule.status === 'error')
            warn(`AWS Config error: ${rule.ruleName}`, errorMessage(rule));
        else if (rule.status === 'stale')
            warn(`Stale evaluation: ${rule.ruleName}`, staleMessage(rule));
        else if (rule.status === 'insufficient-data')
            warn(`Insufficient data: ${rule.ruleName}`, insufficientMessage(rule));
    }
    // Stable: severity first, then findings in changed files, then the worst-first rule order.
    return out
        .map((x, i) => ({ ...x, i }))
        .sort((x, y) => x.rank - y.rank || Number(y.changed) - Number(x.changed) || x.i - y.i)
        .map(x => x.a);
}


/***/ }),

/***/ 2794:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WI: () => (/* binding */ REPORT_SCHEMA_VERSION),
/* harmony export */   XY: () => (/* binding */ buildJsonReport)
/* harmony export */ });
/* harmony import */ var _compliance_fingerprint_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7023);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7994);



const REPORT_SCHEMA_VERSION = 1;
/** Code-unit order: stable across locales and runtimes. */
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
function reportWaiver(w) {
    const out = { reason: w.reason, owner: w.owner, expires: w.expires };
    if (w.source !== undefined)
        out.source = w.source;
    return out;
}
function reportFinding(rule, f) {
    const out = {
        resourceType: f.resourceType,
        resourceId: f.resourceId,
        fingerprint: f.fingerprint !== '' ? f.fingerprint : (0,_compliance_fingerprint_js__WEBPACK_IMPORTED_MODULE_0__/* .fingerprint */ .R)(rule, f.resourceType, f.resourceId),
        waived: f.waiver !== undefined
    };
    if (f.annotation !== undefined)
        out.annotation = f.annotation;
    if (f.recordedTime !== undefined)
        out.recordedTime = f.recordedTime;
    if (f.waiver !== undefined)
        out.waiver = reportWaiver(f.waiver);
    if (f.remediation !== undefined)
        out.remediation = { ...f.remediation };
    return out;
}
function reportRule(r) {
    const { counted, waived } = (0,_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .countFindings */ .Gt)(r);
    const out = {
        name: r.ruleName,
        status: r.status,
        noncompliantCount: counted,
        waivedCount: waived,
        hipaaSections: [...(r.hipaaSections ?? [])],
        findings: r.findings
            .map(f => reportFinding(r.ruleName, f))
            .sort((a, b) => cmp(a.resourceType, b.resourceType) || cmp(a.resourceId, b.resourceId))
    };
    if (r.complianceType !== undefined)
        out.complianceType = r.complianceType;
    if (r.lastEvaluated !== undefined)
        out.lastEvaluated = r.lastEvaluated;
    if (r.error !== undefined) {
        const e = { operation: r.error.operation, code: r.error.code, message: r.error.message };
        if (r.error.requestId !== undefined)
            e.requestId = r.error.requestId;
        out.error = e;
    }
    return out;
}
function reportGate(g) {
    const sorted = (xs) => [...xs].sort(cmp);
    return {
        result: g.result,
        reason: g.reason,
        noncompliantCount: g.noncompliantCount,
        noncompliantRules: sorted(g.noncompliantRules),
        waivedCount: g.waivedCount,
        staleRules: sorted(g.staleRules),
        insufficientDataRules: sorted(g.insufficientDataRules),
        errorRules: sorted(g.errorRules)
    };
}
/** Builds the JSON report. Pure: the same input always gives the same report. */
function buildJsonReport(input) {
    const { result, gate, run, generatedAt } = input;
    const rules = result.rules.map(reportRule).sort((a, b) => cmp(a.name, b.name));
    const byStatus = {
        error: 0,
        noncompliant: 0,
        stale: 0,
        'insufficient-data': 0,
        compliant: 0,
        'not-applicable': 0
    };
    let noncompliantResources = 0;
    let waivedResources = 0;
    for (const r of rules) {
        byStatus[r.status] += 1;
        noncompliantResources += r.noncompliantCount;
        waivedResources += r.waivedCount;
    }
    const reportRun = {
        repository: run.repository,
        runId: run.runId,
        runAttempt: run.runAttempt,
        workflow: run.workflow,
        eventName: run.eventName,
        actor: run.actor,
        sha: run.sha,
        ref: run.ref,
        serverUrl: run.serverUrl,
        accountId: result.accountId,
        region: result.region,
        checkedAt: result.checkedAt
    };
    const url = (0,_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .runUrlOf */ .Qm)(run);
    if (url !== undefined)
        reportRun.runUrl = url;
    return {
        schemaVersion: REPORT_SCHEMA_VERSION,
        generatedAt,
        run: reportRun,
        gate: reportGate(gate),
        totals: { rules: rules.length, byStatus, noncompliantResources, waivedResources },
        rules
    };
}


/***/ }),

/***/ 9391:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  emitWorkflowAnnotations: () => (/* binding */ emitWorkflowAnnotations),
  writeReports: () => (/* binding */ writeReports)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(8179);
// EXTERNAL MODULE: ./src/report/annotations.ts
var annotations = __webpack_require__(856);
// EXTERNAL MODULE: ./src/report/json.ts
var report_json = __webpack_require__(2794);
// EXTERNAL MODULE: ./src/report/summary.ts
var report_summary = __webpack_require__(7994);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/report/write.ts
/** Thin writers: the JSON report to the report directory, the summary to the step summary file. */


const JSON_REPORT_FILE = 'compliance-report.json';
/** The path the JSON report is written to inside `reportDir`. */
function jsonReportPath(reportDir) {
    return external_node_path_default().join(reportDir, JSON_REPORT_FILE);
}
/**
 * Writes `<reportDir>/compliance-report.json` (creating the directory), through a temporary file and a
 * rename so a reader never sees half a report. Returns the path written.
 */
async function writeJsonReport(reportDir, report) {
    await (0,promises_.mkdir)(reportDir, { recursive: true });
    const file = jsonReportPath(reportDir);
    const tmp = `${file}.${process.pid}.tmp`;
    await (0,promises_.writeFile)(tmp, `${JSON.stringify(report, null, 2)}\n`, 'utf8');
    await (0,promises_.rename)(tmp, file);
    return file;
}
/**
 * Appends Markdown to the step summary file (the path in GITHUB_STEP_SUMMARY, given by the caller), as
 * `core.summary.addRaw(markdown).write()` does. Returns false, writing nothing, when there is no such
 * file (e.g. a local run).
 */
async function appendStepSummary(summaryFile, markdown) {
    if (summaryFile === undefined || summaryFile === '')
        return false;
    await (0,promises_.appendFile)(summaryFile, markdown.endsWith('\n') ? markdown : `${markdown}\n`, 'utf8');
    return true;
}

;// CONCATENATED MODULE: ./src/report/run-report.ts
/**
 * Writes a run's reports: the JSON report first (nothing truncated; it must exist even if a later write fails),
 * then the job summary. Workflow annotations are emitted separately, once it is known whether a check run
 * carries them.
 */





/** Returns the JSON report's path and the summary's Markdown. */
async function writeReports(input) {
    const json = (0,report_json/* buildJsonReport */.XY)({
        result: input.result,
        gate: input.gate,
        run: input.run,
        generatedAt: input.generatedAt
    });
    const reportFile = await writeJsonReport(input.reportDir, json);
    const summary = (0,report_summary/* buildSummary */.fR)({
        result: input.result,
        gate: input.gate,
        run: input.run,
        reportFiles: { json: reportFile },
        ...(input.sections ? { sections: input.sections } : {})
    });
    await appendStepSummary(input.summaryFile, summary.markdown);
    return { reportFile, summary: summary.markdown };
}
/** At most 10 annotations per level (GitHub shows no more per step), worst rules first, on their lines. */
function emitWorkflowAnnotations(result, gate, locate, sink = core) {
    (0,annotations/* emitAnnotations */.KI)((0,annotations/* buildAnnotations */.P)(result, gate, locate ? { locate } : {}), sink);
}


/***/ })

};

//# sourceMappingURL=391.index.js.map