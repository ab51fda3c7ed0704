export const id = 987;
export const ids = [987];
export const modules = {

/***/ 856:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AV: () => (/* binding */ findingAnnotations),
/* harmony export */   KI: () => (/* binding */ emitAnnotations),
/* harmony export */   P: () => (/* binding */ buildAnnotations)
/* harmony export */ });
/* unused harmony export sanitizeAnnotation */
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9997);
/* harmony import */ var _markdown_format_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4783);
/* harmony import */ var _ranking_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8536);



const DEFAULT_MAX_ANNOTATIONS = 10;
const MAX_TITLE = 200;
const MAX_MESSAGE = 900;
const MAX_RESOURCE = 80;
const byName = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
function sections(rule) {
    return rule.hipaaSections?.length ? ` (HIPAA ${rule.hipaaSections.join(', ')})` : '';
}
function noncompliantMessage(rule, shown) {
    const { counted, waived } = (0,_ranking_js__WEBPACK_IMPORTED_MODULE_2__/* .countFindings */ .Gt)(rule);
    const ids = rule.findings
        .filter(f => f.waiver === undefined)
        .sort((a, b) => byName(a.resourceType, b.resourceType) || byName(a.resourceId, b.resourceId))
        .slice(0, shown)
        .map(f => (0,_util_text_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(f.resourceId, MAX_RESOURCE));
    const more = counted > ids.length ? `, +${counted - ids.length} more` : '';
    const waivedText = waived > 0 ? ` (${waived} waived)` : '';
    return `${counted} non-compliant${sections(rule)}: ${ids.join(', ')}${more}${waivedText}`;
}
function errorMessage(rule) {
    const e = rule.error;
    if (e === undefined)
        return `AWS Config could not report compliance for this rule${sections(rule)}`;
    const req = e.requestId !== undefined && e.requestId !== '' ? ` (request id ${e.requestId})` : '';
    return `${e.operation} failed: ${e.code}: ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(e.message, 300)}${req}${sections(rule)}`;
}
function staleMessage(rule) {
    const when = rule.lastEvaluated ? `last evaluated ${(0,_markdown_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatTimePlain */ .nB)(rule.lastEvaluated)}` : 'never evaluated';
    const { counted } = (0,_ranking_js__WEBPACK_IMPORTED_MODULE_2__/* .countFindings */ .Gt)(rule);
    const found = counted > 0 ? `; ${counted} non-compliant at that evaluation` : '';
    return `Evaluation is stale: ${rule.staleReason ?? when}${found}${sections(rule)}`;
}
function insufficientMessage(rule) {
    return `AWS Config has insufficient data for this rule (no resources evaluated yet)${sections(rule)}`;
}
function clean(s, max) {
    return (0,_util_text_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)((0,_util_text_js__WEBPACK_IMPORTED_MODULE_0__/* .sanitizeForLog */ .F0)(s).trim(), max);
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
    for (const rule of (0,_ranking_js__WEBPACK_IMPORTED_MODULE_2__/* .sortRulesWorstFirst */ .z0)(result.rules)) {
        if (rule.status === 'error') {
            primary.push({
                level: failLevel,
                rule,
                title: `AWS Config error: ${rule.ruleName}`,
                message: errorMessage(rule)
            });
        }
        else if (rule.status === 'noncompliant') {
            if ((0,_ranking_js__WEBPACK_IMPORTED_MODULE_2__/* .countFindings */ .Gt)(rule).counted === 0)
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
            a.startLine = loc.line;
            a.startColumn = loc.col; // SARIF and GitHub spell it column
        }
        return sanitizeAnnotation(a);
    };
    if (primary.length > max) {
        const keep = Math.max(0, max - 1);
        for (const c of primary.slice(0, keep))
            picked.push(toAnnotation(c));
        if (max > 0) {
            const rest = primary.slice(keep);
            const names = rest.slice(0, 5).map(c => (0,_util_text_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(c.rule.ruleName, MAX_RESOURCE));
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
    for (const rule of (0,_ranking_js__WEBPACK_IMPORTED_MODULE_2__/* .sortRulesWorstFirst */ .z0)(result.rules)) {
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
                Object.assign(a, { file: loc.file, startLine: loc.line });
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

/***/ 4783:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   fU: () => (/* binding */ formatTime),
/* harmony export */   nB: () => (/* binding */ formatTimePlain),
/* harmony export */   nM: () => (/* binding */ row),
/* harmony export */   nf: () => (/* binding */ link)
/* harmony export */ });
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9997);
/** Markdown pieces every section uses: table rows, counts, links and times. Pure. */

/** One Markdown table row. */
function row(cells) {
    return `| ${cells.join(' | ')} |`;
}
/** `1 rule`, `2 rules`. */
function plural(n, one, many = `${one}s`) {
    return `${n} ${n === 1 ? one : many}`;
}
/** A Markdown link, or plain escaped text when the URL is not http(s). */
function link(text, url) {
    if (url === undefined || !/^https?:\/\/[^\s<>()]+$/i.test(url))
        return (0,_util_text_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(text);
    return `[${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(text)}](${url})`;
}
/** `2024-05-01T12:34:56.789Z` -> `2024-05-01 12:34 UTC` (plain text); unparseable input comes back as given. */
function formatTimePlain(iso) {
    const ms = Date.parse(iso);
    if (Number.isNaN(ms))
        return iso;
    const d = new Date(ms).toISOString();
    return `${d.slice(0, 10)} ${d.slice(11, 16)} UTC`;
}
/** formatTimePlain for Markdown: `-` when absent, escaped. */
function formatTime(iso) {
    if (iso === undefined || iso === '')
        return '-';
    return (0,_util_text_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)((0,_util_text_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(formatTimePlain(iso), 40));
}


/***/ }),

/***/ 8536:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DU: () => (/* binding */ fixedFindings),
/* harmony export */   Gt: () => (/* binding */ countFindings),
/* harmony export */   Mo: () => (/* binding */ STATUS_RANK),
/* harmony export */   Tc: () => (/* binding */ sortFindings),
/* harmony export */   VB: () => (/* binding */ fixedInThisRun),
/* harmony export */   z0: () => (/* binding */ sortRulesWorstFirst)
/* harmony export */ });
/** Worst first. */
const STATUS_RANK = {
    error: 0,
    noncompliant: 1,
    stale: 2,
    'insufficient-data': 3,
    compliant: 4,
    'not-applicable': 5
};
/** Findings a rule counts (not waived) and waived ones. */
function countFindings(rule) {
    let waived = 0;
    let remediated = 0;
    for (const f of rule.findings) {
        if (f.waiver !== undefined)
            waived++;
        else if (f.remediation?.outcome === 'verified')
            remediated++;
    }
    return { counted: rule.findings.length - waived - remediated, waived, remediated };
}
const byName = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
/** Worst first: error, non-compliant (most counted resources first), stale, insufficient data, compliant, not applicable. */
function sortRulesWorstFirst(rules, changed = () => false) {
    return rules
        .map(r => ({
        r,
        rank: STATUS_RANK[r.status],
        touches: r.findings.some(f => f.waiver === undefined && changed(f)),
        n: countFindings(r).counted
    }))
        .sort((a, b) => a.rank - b.rank || Number(b.touches) - Number(a.touches) || b.n - a.n || byName(a.r.ruleName, b.r.ruleName))
        .map(x => x.r);
}
/** Counted findings first (those in changed files first), then waived; each group by resource type, then id. */
function sortFindings(findings, changed = () => false) {
    return [...findings].sort((a, b) => Number(a.waiver !== undefined) - Number(b.waiver !== undefined) ||
        Number(changed(b)) - Number(changed(a)) ||
        byName(a.resourceType, b.resourceType) ||
        byName(a.resourceId, b.resourceId));
}
/** Findings this run's remediation fixed and verified (compliant now; no longer counted). */
function fixedFindings(rule) {
    return rule.findings.filter(f => f.waiver === undefined && f.remediation?.outcome === 'verified');
}
/**
 * A rule this run's remediation made compliant: every finding it had is fixed and verified (or waived). The summary
 * lists it under "Fixed in this run", not in the rule table.
 */
function fixedInThisRun(rule) {
    const { counted, remediated } = countFindings(rule);
    return remediated > 0 && counted === 0 && (rule.status === 'compliant' || rule.status === 'noncompliant');
}


/***/ }),

/***/ 987:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  P: () => (/* binding */ emitWorkflowAnnotations),
  writeReports: () => (/* binding */ writeReports)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(8179);
// EXTERNAL MODULE: ./src/report/annotations.ts
var annotations = __webpack_require__(856);
// EXTERNAL MODULE: ./src/compliance/fingerprint.ts
var fingerprint = __webpack_require__(7023);
// EXTERNAL MODULE: ./src/locate/source-map.ts
var source_map = __webpack_require__(2882);
// EXTERNAL MODULE: ./src/gate/waivers.ts
var waivers = __webpack_require__(6322);
// EXTERNAL MODULE: ./src/report/ranking.ts
var ranking = __webpack_require__(8536);
// EXTERNAL MODULE: ./src/run-context.ts
var run_context = __webpack_require__(3564);
;// CONCATENATED MODULE: ./src/report/json.ts






const REPORT_SCHEMA_VERSION = 2;
/** Code-unit order: stable across locales and runtimes. */
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
function reportWaiver(w) {
    const out = { reason: w.reason, owner: w.owner, expires: w.expires };
    if (w.account !== undefined)
        out.account = w.account;
    if (w.source !== undefined)
        out.source = w.source;
    return out;
}
function reportFinding(f) {
    const out = {
        accountId: f.accountId,
        region: f.region,
        resourceType: f.resourceType,
        resourceId: f.resourceId,
        fingerprint: (0,source_map/* fingerprintOf */.ax)(f),
        waived: f.waiver !== undefined
    };
    if (f.annotation !== undefined)
        out.annotation = f.annotation;
    if (f.recordedTime !== undefined)
        out.recordedTime = f.recordedTime;
    if (f.waiver !== undefined)
        out.waiver = reportWaiver(f.waiver);
    else if (f.proposedWaiver !== undefined)
        out.proposedWaiver = reportWaiver(f.proposedWaiver);
    if (f.remediation !== undefined)
        out.remediation = { ...f.remediation };
    return out;
}
function reportRule(r) {
    const { counted, waived } = (0,ranking/* countFindings */.Gt)(r);
    const out = {
        accountId: r.accountId,
        region: r.region,
        name: r.ruleName,
        status: r.status,
        noncompliantCount: counted,
        waivedCount: waived,
        hipaaSections: [...(r.hipaaSections ?? [])],
        findings: r.findings
            .map(reportFinding)
            .sort((a, b) => cmp(a.accountId, b.accountId) ||
            cmp(a.region, b.region) ||
            cmp(a.resourceType, b.resourceType) ||
            cmp(a.resourceId, b.resourceId))
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
    const rules = result.rules
        .map(reportRule)
        .sort((a, b) => cmp(a.accountId, b.accountId) || cmp(a.region, b.region) || cmp(a.name, b.name));
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
    const url = (0,run_context/* runUrlOf */.Qm)(run);
    if (url !== undefined)
        reportRun.runUrl = url;
    const report = {
        schemaVersion: REPORT_SCHEMA_VERSION,
        generatedAt,
        run: reportRun,
        gate: reportGate(gate),
        totals: { rules: rules.length, byStatus, noncompliantResources, waivedResources },
        accounts: reportAccounts(result.accounts),
        rules
    };
    const waivers = input.waivers;
    if (waivers !== undefined && (waivers.base !== undefined || waivers.proposed.length > 0)) {
        if (waivers.base !== undefined) {
            const b = { eventName: waivers.base.eventName };
            if (waivers.base.sha !== undefined)
                b.sha = waivers.base.sha;
            if (waivers.base.via !== undefined)
                b.readWith = waivers.base.via;
            if (waivers.base.unreadable !== undefined)
                b.unreadable = waivers.base.unreadable;
            report.waiverBase = b;
        }
        report.proposedWaivers = waivers.proposed
            .map(w => reportProposed(w, result))
            .sort((a, b) => cmp(a.rule, b.rule) ||
            cmp(a.resource, b.resource) ||
            cmp(a.account ?? '', b.account ?? '') ||
            cmp(a.expires, b.expires));
    }
    if (input.effectiveness)
        report.effectiveness = input.effectiveness;
    return report;
}
function reportProposed(w, result) {
    const out = {
        rule: w.rule,
        resource: w.resourceId,
        reason: w.reason,
        owner: w.owner,
        expires: w.expires,
        status: waivers/* PROPOSED_LABEL */.sE,
        why: w.why,
        findings: (0,waivers/* findingsCovered */.rU)(result, w)
    };
    if (w.account !== undefined)
        out.account = w.account;
    if (w.source !== undefined)
        out.source = w.source;
    if (w.baseExpires !== undefined)
        out.baseExpires = w.baseExpires;
    return out;
}
/** Every account and region, by account id then region; nothing dropped, unknown ones keep their reason. */
function reportAccounts(accounts) {
    return accounts
        .map(a => {
        const out = {
            accountId: a.accountId,
            regions: a.regions
                .map(r => (r.reason !== undefined ? { region: r.region, status: r.status, reason: r.reason } : { ...r }))
                .sort((x, y) => cmp(x.region, y.region))
        };
        if (a.name !== undefined)
            out.name = a.name;
        return out;
    })
        .sort((a, b) => cmp(a.accountId, b.accountId));
}

// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(9997);
;// CONCATENATED MODULE: ./src/report/markdown/layout.ts
/**
 * The job summary's layout engine: sections of blocks share one byte budget (GitHub keeps at most 1 MiB of summary
 * per step). Sections are filled by priority and placed by order; rows that do not fit are left out from the end
 * and counted. Knows nothing of what the sections say (report/sections/ does).
 */

/** Default budget: a little under GitHub's 1 MiB step summary limit. */
const DEFAULT_SUMMARY_BUDGET_BYTES = 1_000_000;
/** Markdown pieces are joined with one newline; sections with a blank line; the document ends with one. */
const PIECE_SEP = 1;
const SECTION_SEP = 2;
const FINAL_NEWLINE = 1;
const bytesOf = (s) => Buffer.byteLength(s, 'utf8') + PIECE_SEP;
function defaultNote(n) {
    return `_${n} row${n === 1 ? '' : 's'} left out to keep the job summary within its size limit._`;
}
/**
 * Composes sections within one byte budget. Sections are filled in priority order and rendered in
 * document order; a section whose rows do not all fit keeps as many leading rows as fit, then its
 * omission note.
 */
class SummaryBuilder {
    budgetBytes;
    sections = [];
    constructor(budgetBytes = DEFAULT_SUMMARY_BUDGET_BYTES) {
        this.budgetBytes = budgetBytes;
    }
    add(section) {
        this.sections.push(section);
        return this;
    }
    render() {
        let remaining = this.budgetBytes - FINAL_NEWLINE;
        const rendered = new Map();
        const omittedBySection = {};
        let omittedRows = 0;
        const byPriority = this.sections.map((s, i) => ({ s, i })).sort((a, b) => a.s.priority - b.s.priority || a.i - b.i);
        for (const { s } of byPriority) {
            const out = renderSection(s, Math.max(0, remaining - SECTION_SEP));
            omittedBySection[s.id] = (omittedBySection[s.id] ?? 0) + out.omitted;
            omittedRows += out.omitted;
            if (out.pieces.length === 0)
                continue;
            remaining -= out.bytes + SECTION_SEP;
            rendered.set(s, out.pieces.join('\n'));
        }
        const parts = [];
        const byOrder = this.sections.map((s, i) => ({ s, i })).sort((a, b) => a.s.order - b.s.order || a.i - b.i);
        for (const { s } of byOrder) {
            const text = rendered.get(s);
            if (text !== undefined)
                parts.push(text);
        }
        const markdown = parts.length === 0 ? '' : `${parts.join('\n\n')}\n`;
        return { markdown, bytes: Buffer.byteLength(markdown, 'utf8'), omittedRows, omittedBySection };
    }
}
function totalRows(blocks) {
    let n = 0;
    for (const b of blocks)
        if (b.kind === 'rows')
            n += b.rowCount;
    return n;
}
/** Fits one section into `avail` bytes (as counted by bytesOf). */
function renderSection(section, avail) {
    const note = section.omissionNote ?? defaultNote;
    const required = section.blocks.filter((b) => b.kind === 'text' && b.required === true);
    const requiredBytes = required.reduce((n, b) => n + bytesOf(b.text), 0);
    if (requiredBytes > avail) {
        // Not even the required text fits: cut it by bytes, leave out everything else.
        const pieces = [];
        let left = avail;
        for (const b of required) {
            if (left <= PIECE_SEP)
                break;
            const text = (0,util_text/* truncateBytes */.QY)(b.text, left - PIECE_SEP);
            if (text === '')
                break;
            pieces.push(text);
            left -= bytesOf(text);
        }
        return { pieces, bytes: avail - left, omitted: totalRows(section.blocks) };
    }
    // Fill in order; optional content spends what the required text leaves.
    const included = [];
    let used = requiredBytes;
    let omitted = 0;
    let stopped = false;
    for (const block of section.blocks) {
        if (block.kind === 'text') {
            const bytes = bytesOf(block.text);
            if (block.required === true) {
                included.push({ kind: 'text', text: block.text, bytes, required: true });
            }
            else if (!stopped && used + bytes <= avail) {
                included.push({ kind: 'text', text: block.text, bytes, required: false });
                used += bytes;
            }
            else {
                stopped = true;
            }
            continue;
        }
        if (stopped) {
            omitted += block.rowCount;
            continue;
        }
        const tail = block.tail;
        const fixedBytes = bytesOf(block.head) + (tail === undefined ? 0 : bytesOf(tail));
        const entry = { kind: 'rows', head: block.head, tail, fixedBytes, rows: [], rowBytes: [] };
        let blockUsed = fixedBytes;
        let i = 0;
        for (; i < block.rowCount; i++) {
            const text = block.row(i);
            const bytes = bytesOf(text);
            if (used + blockUsed + bytes > avail)
                break;
            entry.rows.push(text);
            entry.rowBytes.push(bytes);
            blockUsed += bytes;
        }
        if (i < block.rowCount) {
            stopped = true;
            omitted += block.rowCount - i;
        }
        if (entry.rows.length > 0 || block.rowCount === 0) {
            if (used + blockUsed <= avail) {
                included.push(entry);
                used += blockUsed;
            }
            else {
                stopped = true;
            }
        }
    }
    // Something was left out: make room for the note by giving back rows (then optional text) from the end.
    let noteText;
    if (omitted > 0 || stopped) {
        for (;;) {
            const candidate = omitted > 0 ? note(omitted) : undefined;
            if (candidate === undefined || used + bytesOf(candidate) <= avail) {
                noteText = candidate;
                break;
            }
            const last = findLastRemovable(included);
            if (last < 0)
                break; // no room for the note at all: the rows are still counted as left out
            const entry = included[last];
            if (entry === undefined)
                break;
            if (entry.kind === 'rows') {
                const b = entry.rowBytes.pop();
                entry.rows.pop();
                used -= b ?? 0;
                omitted += 1;
                if (entry.rows.length === 0) {
                    used -= entry.fixedBytes;
                    included.splice(last, 1);
                }
            }
            else {
                used -= entry.bytes;
                included.splice(last, 1);
            }
        }
    }
    const pieces = [];
    for (const entry of included) {
        if (entry.kind === 'text') {
            pieces.push(entry.text);
            continue;
        }
        pieces.push(entry.head, ...entry.rows);
        if (entry.tail !== undefined)
            pieces.push(entry.tail);
    }
    if (noteText !== undefined) {
        pieces.push(noteText);
        used += bytesOf(noteText);
    }
    return { pieces, bytes: used, omitted };
}
function findLastRemovable(included) {
    for (let i = included.length - 1; i >= 0; i--) {
        const e = included[i];
        if (e === undefined)
            continue;
        if (e.kind === 'rows' ? e.rows.length > 0 : !e.required)
            return i;
    }
    return -1;
}

// EXTERNAL MODULE: ./src/report/markdown/format.ts
var format = __webpack_require__(4783);
// EXTERNAL MODULE: ./src/report/sections/order.ts
var order = __webpack_require__(4151);
;// CONCATENATED MODULE: ./src/report/sections/rules.ts




const STATUS_LABEL = {
    error: '⛔ error',
    noncompliant: '❌ non-compliant',
    stale: '⏳ stale',
    'insufficient-data': '❓ insufficient data',
    compliant: '✅ compliant',
    'not-applicable': '➖ not applicable'
};
const MAX_RULE = 128;
/** Where the rows the summary left out can be read. */
function whereFullList(reportFiles) {
    const json = reportFiles?.json;
    return json !== undefined && json !== ''
        ? `the full list is in the JSON report ${(0,util_text/* codeSpan */.SS)(json)}`
        : 'the JSON report (report-dir) has the full list';
}
/** The status; an error names its code here and its operation below the table (a long word would widen the column). */
function statusCell(rule) {
    const label = STATUS_LABEL[rule.status];
    if (rule.error === undefined)
        return label;
    return `${label}: ${(0,util_text/* escapeMarkdown */.FV)((0,util_text/* truncate */.xv)(rule.error.code, 80))}`;
}
/** Below the table: the call each errored rule failed in. */
function errorNotes(rules) {
    const lines = rules.flatMap(r => r.error === undefined
        ? []
        : [
            `- ⛔ ${(0,util_text/* escapeMarkdown */.FV)((0,util_text/* truncate */.xv)(r.ruleName, MAX_RULE))}: ${(0,util_text/* escapeMarkdown */.FV)((0,util_text/* truncate */.xv)(r.error.operation, 80))} failed with ${(0,util_text/* escapeMarkdown */.FV)((0,util_text/* truncate */.xv)(r.error.code, 80))}`
        ]);
    return lines.length > 0 ? `\n${lines.join('\n')}` : undefined;
}
function ruleRow(rule) {
    const { counted, waived } = (0,ranking/* countFindings */.Gt)(rule);
    const sections = rule.hipaaSections?.length ? (0,util_text/* escapeMarkdown */.FV)(rule.hipaaSections.join(', ')) : '-';
    return (0,format/* row */.nM)([
        (0,util_text/* escapeMarkdown */.FV)((0,util_text/* truncate */.xv)(rule.ruleName, MAX_RULE)),
        statusCell(rule),
        rule.status === 'noncompliant' || counted > 0 ? String(counted) : '-',
        waived > 0 ? String(waived) : '-',
        (0,format/* formatTime */.fU)(rule.lastEvaluated),
        sections
    ]);
}
/**
 * The rule table, in the order given (worst first); rules this run's remediation fixed are listed under "Fixed in
 * this run" instead. No rule checked: a sentence, not an empty table.
 */
function rulesSection(all, reportFiles) {
    const rules = all.filter(r => !(0,ranking/* fixedInThisRun */.VB)(r));
    const base = { id: 'rules', order: order/* SUMMARY_ORDER */.Q.rules, priority: order/* SUMMARY_PRIORITY */.M.rules };
    if (rules.length === 0) {
        const text = all.length === 0
            ? '### Rules\n\nNo rule was checked: there is nothing to show, and nothing was judged compliant.'
            : '### Rules\n\nEvery rule checked was fixed in this run (below).';
        return { ...base, blocks: [{ kind: 'text', text, required: true }] };
    }
    const notes = errorNotes(rules);
    const head = [
        '### Rules',
        '',
        (0,format/* row */.nM)(['Rule', 'Status', 'Non-compliant', 'Waived', 'Last evaluated', 'HIPAA sections']),
        (0,format/* row */.nM)(['---', '---', '---:', '---:', '---', '---'])
    ].join('\n');
    return {
        ...base,
        blocks: [
            {
                kind: 'rows',
                head,
                rowCount: rules.length,
                row: i => ruleRow(rules[i]),
                ...(notes !== undefined ? { tail: notes } : {})
            }
        ],
        omissionNote: n => `\n_${(0,format/* plural */.LS)(n, 'rule')} not shown to keep the job summary within its size limit; ${whereFullList(reportFiles)}._`
    };
}

;// CONCATENATED MODULE: ./src/report/sections/accounts.ts




/** Right after the verdict (0), before proposed waivers (5) and the deploy plan (10). */
const ACCOUNTS_ORDER = { accounts: 1, rules: 2, details: 22 };
const ACCOUNTS_PRIORITY = { accounts: 1, rules: 1, details: 5 };
const WORST_RULES = 3;
const DETAIL_ROWS = 25;
const cell = (s, max) => (0,util_text/* escapeMarkdown */.FV)((0,util_text/* truncate */.xv)(s, max));
const accounts_cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
/** Whether the result spans more than one account or region (then the org sections replace the rule tables). */
function isMultiAccount(result) {
    const places = new Set();
    for (const a of result.accounts)
        for (const r of a.regions)
            places.add(`${a.accountId}\u0000${r.region}`);
    for (const r of result.rules)
        places.add(`${r.accountId}\u0000${r.region}`);
    return places.size > 1;
}
/** One row per account: from `accounts`, and from rule results of accounts it does not list (nothing dropped). */
function accountRows(result) {
    const rows = new Map();
    const get = (accountId, check) => {
        let a = rows.get(accountId);
        if (a === undefined) {
            a = { accountId, regions: [], unknown: [], counted: 0, errors: 0, byRule: new Map(), rules: [] };
            rows.set(accountId, a);
        }
        if (check?.name !== undefined)
            a.name = check.name;
        return a;
    };
    for (const c of result.accounts) {
        const a = get(c.accountId, c);
        for (const r of c.regions) {
            if (!a.regions.includes(r.region))
                a.regions.push(r.region);
            if (r.status === 'unknown')
                a.unknown.push({ region: r.region, reason: r.reason ?? 'not read' });
        }
    }
    for (const r of result.rules) {
        const a = get(r.accountId);
        if (!a.regions.includes(r.region))
            a.regions.push(r.region);
        a.rules.push(r);
        const { counted } = (0,ranking/* countFindings */.Gt)(r);
        a.counted += counted;
        if (r.status === 'error')
            a.errors++;
        if (counted > 0)
            a.byRule.set(r.ruleName, (a.byRule.get(r.ruleName) ?? 0) + counted);
    }
    for (const a of rows.values())
        a.regions.sort(accounts_cmp);
    return [...rows.values()];
}
/** Worst first: an unknown region, then more counted findings, then rule errors, then account id. */
function worstFirst(a, b) {
    return (Number(b.unknown.length > 0) - Number(a.unknown.length > 0) ||
        b.counted - a.counted ||
        b.errors - a.errors ||
        accounts_cmp(a.accountId, b.accountId));
}
function worstRules(a) {
    const top = [...a.byRule].sort((x, y) => y[1] - x[1] || accounts_cmp(x[0], y[0]));
    const shown = top.slice(0, WORST_RULES).map(([name, n]) => `${cell(name, 80)} (${n})`);
    if (top.length > WORST_RULES)
        shown.push(`${top.length - WORST_RULES} more`);
    return shown.join(', ');
}
function jsonName(reportFiles) {
    return reportFiles?.json !== undefined ? `\`${reportFiles.json.replace(/`/g, '')}\`` : 'the JSON report';
}
/** The three sections of a multi-account summary, in document order. */
function accountSections(result, reportFiles) {
    const accounts = accountRows(result).sort(worstFirst);
    const unknownAccounts = accounts.filter(a => a.unknown.length > 0).length;
    const places = accounts.reduce((n, a) => n + a.regions.length, 0);
    const unknownPlaces = accounts.reduce((n, a) => n + a.unknown.length, 0);
    const counted = accounts.reduce((n, a) => n + a.counted, 0);
    const noncompliantAccounts = accounts.filter(a => a.counted > 0).length;
    const json = jsonName(reportFiles);
    const intro = [
        '### Accounts',
        '',
        `${(0,format/* plural */.LS)(accounts.length, 'account')} · ${(0,format/* plural */.LS)(places, 'account-region')}: ` +
            `${(0,format/* plural */.LS)(unknownAccounts, 'account')} unknown (${(0,format/* plural */.LS)(unknownPlaces, 'account-region')}, never a pass) · ` +
            `${(0,format/* plural */.LS)(noncompliantAccounts, 'account')} with ${(0,format/* plural */.LS)(counted, 'non-compliant resource')}. Worst first.`
    ].join('\n');
    const accountsSection = {
        id: 'accounts',
        order: ACCOUNTS_ORDER.accounts,
        priority: ACCOUNTS_PRIORITY.accounts,
        blocks: [
            { kind: 'text', text: intro, required: true },
            {
                kind: 'rows',
                head: [
                    '',
                    '| Account | Regions | Non-compliant | Worst rules | Unknown |',
                    '| --- | --- | ---: | --- | --- |'
                ].join('\n'),
                rowCount: accounts.length,
                row: i => {
                    const a = accounts[i];
                    const regions = a.regions.length > 4 ? (0,format/* plural */.LS)(a.regions.length, 'region') : a.regions.join(', ');
                    return (0,format/* row */.nM)([
                        `${cell(a.accountId, 32)}${a.name !== undefined ? `<br>${cell(a.name, 64)}` : ''}`,
                        cell(regions, 120),
                        `${a.counted}${a.errors > 0 ? `<br>${(0,format/* plural */.LS)(a.errors, 'rule error')}` : ''}`,
                        worstRules(a),
                        a.unknown.length === 0 ? '' : `❓ ${cell(a.unknown.map(u => `${u.region}: ${u.reason}`).join('; '), 300)}`
                    ]);
                }
            }
        ],
        omissionNote: n => `\n**${(0,format/* plural */.LS)(n, 'more account')} in ${json}** (left out to keep the job summary within its size limit).`
    };
    const totals = new Map();
    for (const r of result.rules) {
        let t = totals.get(r.ruleName);
        if (t === undefined) {
            t = { name: r.ruleName, sections: new Set(), accounts: new Set(), counted: 0, errors: 0, places: 0 };
            totals.set(r.ruleName, t);
        }
        for (const s of r.hipaaSections ?? [])
            t.sections.add(s);
        const { counted: n } = (0,ranking/* countFindings */.Gt)(r);
        t.counted += n;
        t.places++;
        if (n > 0)
            t.accounts.add(r.accountId);
        if (r.status === 'error')
            t.errors++;
    }
    const ruleRows = [...totals.values()].sort((a, b) => b.errors - a.errors || b.counted - a.counted || b.accounts.size - a.accounts.size || accounts_cmp(a.name, b.name));
    const rulesSection = {
        id: 'org-rules',
        order: ACCOUNTS_ORDER.rules,
        priority: ACCOUNTS_PRIORITY.rules,
        blocks: [
            {
                kind: 'text',
                text: `### Rules across the organization\n\n${(0,format/* plural */.LS)(ruleRows.length, 'rule')} over ${(0,format/* plural */.LS)(places, 'account-region')}; an unknown account-region is not counted here (see Accounts).`,
                required: true
            },
            {
                kind: 'rows',
                head: [
                    '',
                    '| Rule | HIPAA sections | Accounts non-compliant | Non-compliant resources | Errors |',
                    '| --- | --- | ---: | ---: | ---: |'
                ].join('\n'),
                rowCount: ruleRows.length,
                row: i => {
                    const t = ruleRows[i];
                    return (0,format/* row */.nM)([
                        cell(t.name, 128),
                        cell([...t.sections].sort(accounts_cmp).join(', ') || '—', 200),
                        String(t.accounts.size),
                        String(t.counted),
                        t.errors > 0 ? `${t.errors} of ${t.places}` : '0'
                    ]);
                }
            }
        ],
        omissionNote: n => `\n**${(0,format/* plural */.LS)(n, 'more rule')} in ${json}** (left out to keep the job summary within its size limit).`
    };
    // Details, collapsed per account: accounts with something to say (non-compliant, errors, unknown).
    const detailed = accounts.filter(a => a.counted > 0 || a.errors > 0 || a.unknown.length > 0);
    const detailsSection = {
        id: 'account-details',
        order: ACCOUNTS_ORDER.details,
        priority: ACCOUNTS_PRIORITY.details,
        blocks: detailed.length === 0
            ? []
            : [
                { kind: 'text', text: '### Details per account', required: true },
                {
                    kind: 'rows',
                    head: '',
                    rowCount: detailed.length,
                    row: i => accountDetails(detailed[i], json)
                }
            ],
        omissionNote: n => `\n**Details of ${(0,format/* plural */.LS)(n, 'more account')} in ${json}** (left out to keep the job summary within its size limit).`
    };
    return [accountsSection, rulesSection, detailsSection];
}
/** One account's rule results that are not compliant, collapsed: region, rule, status, resources. */
function accountDetails(a, json) {
    const notOk = a.rules
        .filter(r => r.status !== 'compliant' && r.status !== 'not-applicable')
        .sort((x, y) => (0,ranking/* countFindings */.Gt)(y).counted - (0,ranking/* countFindings */.Gt)(x).counted || accounts_cmp(x.region, y.region) || accounts_cmp(x.ruleName, y.ruleName));
    const lines = [
        `<details><summary>${cell(a.accountId, 32)}${a.name !== undefined ? ` ${cell(a.name, 64)}` : ''}: ${(0,format/* plural */.LS)(a.counted, 'non-compliant resource')}${a.unknown.length > 0 ? `, ${(0,format/* plural */.LS)(a.unknown.length, 'region')} unknown` : ''}</summary>`,
        ''
    ];
    for (const u of a.unknown)
        lines.push(`- ❓ ${cell(u.region, 32)} unknown: ${cell(u.reason, 300)}`);
    if (notOk.length > 0) {
        if (a.unknown.length > 0)
            lines.push('');
        lines.push('| Region | Rule | Status | Non-compliant resources |', '| --- | --- | --- | --- |');
        for (const r of notOk.slice(0, DETAIL_ROWS)) {
            const { counted } = (0,ranking/* countFindings */.Gt)(r);
            const ids = r.findings
                .filter(f => f.waiver === undefined)
                .slice(0, 3)
                .map(f => cell(f.resourceId, 80));
            const more = counted > ids.length ? ` and ${counted - ids.length} more` : '';
            lines.push((0,format/* row */.nM)([
                cell(r.region, 32),
                cell(r.ruleName, 128),
                STATUS_LABEL[r.status],
                `${counted}${ids.length > 0 ? `: ${ids.join(', ')}${more}` : ''}`
            ]));
        }
        if (notOk.length > DETAIL_ROWS)
            lines.push('', `_${(0,format/* plural */.LS)(notOk.length - DETAIL_ROWS, 'more rule result')} in ${json}._`);
    }
    lines.push('', '</details>');
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/report/sections/findings.ts






const MAX_ID = 256;
const MAX_ANNOTATION = 256;
function waiverCell(f) {
    const w = f.waiver;
    if (w === undefined) {
        const p = f.proposedWaiver;
        if (p !== undefined) {
            return `${waivers/* PROPOSED_LABEL */.sE}, counted: ${(0,util_text/* escapeMarkdown */.FV)((0,util_text/* truncate */.xv)(p.reason, 160))} (owner ${(0,util_text/* escapeMarkdown */.FV)((0,util_text/* truncate */.xv)(p.owner, 64))}, expires ${(0,util_text/* escapeMarkdown */.FV)((0,util_text/* truncate */.xv)(p.expires, 32))})`;
        }
        if (f.remediation === undefined)
            return '-';
        return `remediated: ${(0,util_text/* escapeMarkdown */.FV)(f.remediation.outcome)}${f.remediation.executionId ? ` (${(0,util_text/* escapeMarkdown */.FV)((0,util_text/* truncate */.xv)(f.remediation.executionId, 64))})` : ''}`;
    }
    return `waived: ${(0,util_text/* escapeMarkdown */.FV)((0,util_text/* truncate */.xv)(w.reason, 160))} (owner ${(0,util_text/* escapeMarkdown */.FV)((0,util_text/* truncate */.xv)(w.owner, 64))}, expires ${(0,util_text/* escapeMarkdown */.FV)((0,util_text/* truncate */.xv)(w.expires, 32))})`;
}
function findingRow(f) {
    return (0,format/* row */.nM)([
        (0,util_text/* escapeMarkdown */.FV)((0,util_text/* truncate */.xv)(f.resourceType, 80)),
        (0,util_text/* escapeMarkdown */.FV)((0,util_text/* truncate */.xv)(f.resourceId, MAX_ID)),
        f.annotation ? (0,util_text/* escapeMarkdown */.FV)((0,util_text/* truncate */.xv)(f.annotation, MAX_ANNOTATION)) : '-',
        (0,format/* formatTime */.fU)(f.recordedTime),
        waiverCell(f)
    ]);
}
/** The findings of each rule (rules in the order given), counted ones first. */
function findingsSection(rules, reportFiles, changed) {
    const blocks = [{ kind: 'text', text: '### Non-compliant resources' }];
    for (const rule of rules) {
        // Findings fixed and verified in this run are under "Fixed in this run", not here.
        const open = rule.findings.filter(f => !(f.waiver === undefined && f.remediation?.outcome === 'verified'));
        if (open.length === 0)
            continue;
        const findings = (0,ranking/* sortFindings */.Tc)(open, changed);
        const { counted, waived } = (0,ranking/* countFindings */.Gt)(rule);
        const label = `${(0,util_text/* truncate */.xv)(rule.ruleName, MAX_RULE)} (${counted} non-compliant${waived > 0 ? `, ${waived} waived` : ''})`;
        blocks.push({
            kind: 'rows',
            head: [
                '',
                `<details><summary>${(0,util_text/* escapeHtml */.ZD)(label)}</summary>`,
                '',
                (0,format/* row */.nM)(['Type', 'Resource', 'Annotation', 'Recorded', 'Waiver / remediation']),
                (0,format/* row */.nM)(['---', '---', '---', '---', '---'])
            ].join('\n'),
            rowCount: findings.length,
            row: i => findingRow(findings[i]),
            tail: '\n</details>'
        });
    }
    return {
        id: 'findings',
        order: order/* SUMMARY_ORDER */.Q.findings,
        priority: order/* SUMMARY_PRIORITY */.M.findings,
        blocks: blocks.length > 1 ? blocks : [],
        omissionNote: n => `**${(0,format/* plural */.LS)(n, 'resource row')} left out** to keep the job summary within its size limit; ${whereFullList(reportFiles)}.`
    };
}

;// CONCATENATED MODULE: ./src/report/sections/fixed.ts




/** Right after the rule table; filled after it, before the resource lists. */
const FIXED_ORDER = order/* SUMMARY_ORDER */.Q.rules + 0.5;
const FIXED_PRIORITY = 2;
function fixedSection(rules) {
    const withFixes = rules.filter(r => (0,ranking/* fixedFindings */.DU)(r).length > 0);
    if (withFixes.length === 0)
        return undefined;
    const lines = ['### ✅ Fixed in this run', ''];
    for (const r of withFixes) {
        const fixed = (0,ranking/* fixedFindings */.DU)(r);
        const state = (0,ranking/* fixedInThisRun */.VB)(r) ? 'compliant now' : 'still non-compliant for other resources (above)';
        lines.push(`- **${(0,util_text/* escapeMarkdown */.FV)((0,util_text/* truncate */.xv)(r.ruleName, 128))}**: ${(0,format/* plural */.LS)(fixed.length, 'resource')} fixed and verified, ${state}`);
        for (const f of fixed) {
            const exec = f.remediation?.executionId
                ? ` (execution ${(0,util_text/* escapeMarkdown */.FV)((0,util_text/* truncate */.xv)(f.remediation.executionId, 64))})`
                : '';
            lines.push(`  - ${(0,util_text/* escapeMarkdown */.FV)((0,util_text/* truncate */.xv)(f.resourceType, 80))} ${(0,util_text/* escapeMarkdown */.FV)((0,util_text/* truncate */.xv)(f.resourceId, 256))}${exec}`);
        }
    }
    return {
        id: 'fixed',
        order: FIXED_ORDER,
        priority: FIXED_PRIORITY,
        blocks: [{ kind: 'text', text: lines.join('\n') }]
    };
}

;// CONCATENATED MODULE: ./src/report/sections/verdict.ts







/**
 * The gate's verdict: the summary's h2 heading on a check; an h3 (`level` 3) under the heading of the run's main act
 * (a remediation or deploy plan) otherwise. Rules fixed in this run are tallied as such, not as compliant.
 */
function verdictSection(result, gate, run, level = 2) {
    const passed = gate.result === 'pass';
    const heading = `${'#'.repeat(level)} ${passed ? '✅ Compliance gate passed' : '❌ Compliance gate failed'}: ${(0,util_text/* escapeMarkdown */.FV)((0,util_text/* truncate */.xv)(gate.reason, 300))}`;
    const multi = isMultiAccount(result);
    const regionCount = new Set(result.accounts.flatMap(a => a.regions.map(r => r.region))).size;
    const where = multi
        ? [
            `${(0,format/* plural */.LS)(result.accounts.length, 'account')} in ${(0,format/* plural */.LS)(regionCount, 'region')}`,
            `run from account ${(0,util_text/* escapeMarkdown */.FV)(result.accountId)}, region ${(0,util_text/* escapeMarkdown */.FV)(result.region)}`,
            `checked ${(0,format/* formatTime */.fU)(result.checkedAt)}`
        ]
        : [
            `Account ${(0,util_text/* escapeMarkdown */.FV)(result.accountId)}`,
            `region ${(0,util_text/* escapeMarkdown */.FV)(result.region)}`,
            `checked ${(0,format/* formatTime */.fU)(result.checkedAt)}`
        ];
    const runBits = [];
    if (run.repository !== '')
        runBits.push((0,util_text/* escapeMarkdown */.FV)(run.repository));
    if (run.sha !== '')
        runBits.push((0,util_text/* escapeMarkdown */.FV)(run.sha.slice(0, 12)));
    if (run.runId !== '')
        runBits.push((0,format/* link */.nf)(`run ${run.runId}${run.runAttempt !== '' ? ` attempt ${run.runAttempt}` : ''}`, (0,run_context/* runUrlOf */.Qm)(run)));
    const counts = new Map();
    let fixed = 0;
    for (const r of result.rules) {
        if ((0,ranking/* fixedInThisRun */.VB)(r))
            fixed++;
        else
            counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
    }
    const tally = Object.keys(ranking/* STATUS_RANK */.Mo)
        .filter(s => (counts.get(s) ?? 0) > 0)
        .map(s => `${counts.get(s) ?? 0} ${STATUS_LABEL[s].replace(/^\S+ /, '')}`);
    if (fixed > 0)
        tally.push(`${fixed} fixed in this run`);
    const totals = [
        `${(0,format/* plural */.LS)(result.rules.length, multi ? 'rule result' : 'rule')}${tally.length > 0 ? `: ${tally.join(', ')}` : ''}`,
        `${(0,format/* plural */.LS)(gate.noncompliantCount, 'non-compliant resource')}`
    ];
    if (gate.waivedCount > 0)
        totals.push(`${(0,format/* plural */.LS)(gate.waivedCount, 'waived finding')} (listed, not counted)`);
    const blocks = [
        { kind: 'text', text: heading, required: true },
        {
            kind: 'text',
            text: `${where.join(' · ')}${runBits.length > 0 ? `  \n${runBits.join(' · ')}` : ''}`,
            required: true
        },
        { kind: 'text', text: `\n${totals.join(' · ')}`, required: true }
    ];
    return { id: 'verdict', order: order/* SUMMARY_ORDER */.Q.verdict, priority: order/* SUMMARY_PRIORITY */.M.verdict, blocks };
}

;// CONCATENATED MODULE: ./src/report/summary.ts








/** Builds the job summary: verdict, rule table (worst first), then the non-compliant resources of each rule. */
function buildSummary(input) {
    const { result, gate, run, reportFiles } = input;
    const rules = (0,ranking/* sortRulesWorstFirst */.z0)(result.rules, input.changed);
    // A section naming the run's main act (remediation, deploy plan in a PR) leads; the verdict follows as an h3.
    const led = (input.sections ?? []).some(s => s.order === order/* SUMMARY_ORDER */.Q.lead);
    const builder = new SummaryBuilder(input.budgetBytes ?? DEFAULT_SUMMARY_BUDGET_BYTES).add(verdictSection(result, gate, run, led ? 3 : 2));
    if (isMultiAccount(result)) {
        // More than one account or region: the account table, per-rule totals and per-account details (sections/accounts.ts).
        for (const s of accountSections(result, reportFiles))
            builder.add(s);
    }
    else {
        builder.add(rulesSection(rules, reportFiles)).add(findingsSection(rules, reportFiles, input.changed));
        const fixed = fixedSection(rules);
        if (fixed)
            builder.add(fixed);
    }
    for (const s of input.sections ?? [])
        builder.add(s);
    const out = builder.render();
    return {
        markdown: out.markdown,
        omittedRows: out.omittedRows,
        bytes: out.bytes,
        omittedBySection: out.omittedBySection
    };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/util/files.ts
var files = __webpack_require__(5787);
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
    return (0,files/* writeJsonFile */.A)(jsonReportPath(reportDir), report);
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
    const json = buildJsonReport({
        result: input.result,
        gate: input.gate,
        run: input.run,
        generatedAt: input.generatedAt,
        ...(input.waivers ? { waivers: input.waivers } : {}),
        ...(input.effectiveness ? { effectiveness: input.effectiveness } : {})
    });
    const reportFile = await writeJsonReport(input.reportDir, { ...json, ...(input.extra ?? {}) });
    const summary = buildSummary({
        result: input.result,
        gate: input.gate,
        run: input.run,
        reportFiles: { json: reportFile },
        ...(input.sections ? { sections: input.sections } : {}),
        ...(input.changed ? { changed: input.changed } : {})
    });
    await appendStepSummary(input.summaryFile, summary.markdown);
    return { reportFile, summary: summary.markdown };
}
/** At most 10 annotations per level (GitHub shows no more per step), worst rules first, on their lines. */
function emitWorkflowAnnotations(result, gate, locate, sink = core) {
    (0,annotations/* emitAnnotations */.KI)((0,annotations/* buildAnnotations */.P)(result, gate, locate ? { locate } : {}), sink);
}


/***/ }),

/***/ 4151:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ SUMMARY_PRIORITY),
/* harmony export */   Q: () => (/* binding */ SUMMARY_ORDER)
/* harmony export */ });
/** Where the compliance sections sit in the job summary and which get bytes first. */
/**
 * Where the compliance sections sit; other phases place theirs around them (deploy plan before, remediation after).
 * `lead` is the section naming the run's main act (a remediation plan or apply, a deploy plan in a pull request): it
 * opens the summary with its h2 heading, and the verdict's heading drops to h3 below it.
 */
const SUMMARY_ORDER = {
    lead: -10,
    verdict: 0,
    deploy: 10,
    rules: 20,
    findings: 21,
    remediation: 30,
    footer: 90
};
/** Budget priorities of the compliance sections: the verdict and the rule table are filled first. */
const SUMMARY_PRIORITY = { lead: 0, verdict: 0, rules: 1, findings: 5 };


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

//# sourceMappingURL=987.index.js.map