export const id = 217;
export const ids = [217];
export const modules = {

/***/ 5217:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   reviewAuditTrail: () => (/* binding */ reviewAuditTrail)
/* harmony export */ });
/* unused harmony exports quantile, weekOf, reviewOf, readAuditWindow */
/* harmony import */ var _aws_sdk_client_cloudwatch_logs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2684);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9997);
/**
 * The remediation effectiveness review (input review-days): the audit records of the last N days, read back from the
 * audit log group (FilterLogEvents, paged; CloudWatch Logs API Reference,
 * https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_FilterLogEvents.html), summed up:
 * executions started, succeeded, verified, failed and cancelled, per runbook and per rule (with its HIPAA sections);
 * median and 90th percentile time from detection to verified; resources remediated more than once; approvals and
 * refusals; verified and failed per week. reviewOf() is pure; readAuditWindow() is the I/O.
 *
 * Nothing read is dropped: a log event that is not an audit record is counted as unreadable and reported.
 */



const zero = () => ({ started: 0, succeeded: 0, verified: 0, failed: 0, cancelled: 0 });
/** What a record counts as, if anything. */
function countOf(r) {
    if (r.event === 'execution-started')
        return r.status === 'started' ? 'started' : 'failed';
    if (r.event === 'execution-finished') {
        if (r.status === 'succeeded')
            return 'succeeded';
        if (r.status === 'failed' || r.status === 'timed-out')
            return 'failed';
        if (r.status === 'cancelled')
            return 'cancelled';
        return undefined;
    }
    if (r.event === 'verified' && r.status === 'verified')
        return 'verified';
    return undefined;
}
/** The q-quantile by the nearest-rank method (q in (0, 1]); the median of an even count is the mean of the middle two. */
function quantile(sorted, q) {
    if (sorted.length === 0)
        return NaN;
    if (q === 0.5 && sorted.length % 2 === 0) {
        return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
    return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
}
/** Monday (UTC) of the record's week, YYYY-MM-DD. */
function weekOf(iso) {
    const d = new Date(iso);
    const day = (d.getUTCDay() + 6) % 7;
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day)).toISOString().slice(0, 10);
}
const runKey = (r) => `${r.context.repository}|${r.context.runId}|${r.context.runAttempt}`;
const targetKey = (rule, type, id) => `${rule}\n${type}\n${id}`;
function reviewOf(records, window) {
    const total = zero();
    const byRunbook = new Map();
    const byRule = new Map();
    const started = new Map();
    const weeks = new Map();
    /** run -> target -> detection time (plan-computed details.detectedAt, else the first execution start). */
    const detected = new Map();
    const durations = [];
    let approvals = 0;
    let refusals = 0;
    const ordered = [...records].sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
    for (const r of ordered) {
        if (r.event === 'approval-checked' && r.status === 'approved')
            approvals++;
        if (r.event === 'refused')
            refusals++;
        if (r.event === 'plan-computed') {
            const at = r.details?.['detectedAt'];
            if (at && typeof at === 'object') {
                const m = detected.get(runKey(r)) ?? new Map();
                for (const [k, v] of Object.entries(at))
                    if (typeof v === 'string')
                        m.set(k, v);
                detected.set(runKey(r), m);
            }
        }
        const kind = countOf(r);
        if (!kind || r.rule === undefined || r.resourceType === undefined || r.resourceId === undefined)
            continue;
        const tk = targetKey(r.rule, r.resourceType, r.resourceId);
        total[kind]++;
        const rb = byRunbook.get(r.runbook ?? '(unknown)') ?? zero();
        rb[kind]++;
        byRunbook.set(r.runbook ?? '(unknown)', rb);
        const ru = byRule.get(r.rule) ?? { ...zero(), hipaaSections: new Set() };
        ru[kind]++;
        for (const s of r.hipaaSections ?? [])
            ru.hipaaSections.add(s);
        byRule.set(r.rule, ru);
        if (kind === 'started') {
            started.set(tk, (started.get(tk) ?? 0) + 1);
            const m = detected.get(runKey(r)) ?? new Map();
            if (!m.has(tk))
                m.set(tk, r.time);
            detected.set(runKey(r), m);
        }
        if (kind === 'verified' || kind === 'failed') {
            const w = weeks.get(weekOf(r.time)) ?? { verified: 0, failed: 0 };
            w[kind]++;
            weeks.set(weekOf(r.time), w);
        }
        if (kind === 'verified') {
            const at = detected.get(runKey(r))?.get(tk);
            if (at !== undefined)
                durations.push((Date.parse(r.time) - Date.parse(at)) / 1000);
        }
    }
    durations.sort((a, b) => a - b);
    const review = {
        ...window,
        records: records.length,
        total,
        byRunbook: [...byRunbook]
            .map(([runbook, c]) => ({ runbook, ...c }))
            .sort((a, b) => a.runbook.localeCompare(b.runbook)),
        byRule: [...byRule]
            .map(([rule, { hipaaSections, ...c }]) => ({ rule, hipaaSections: [...hipaaSections].sort(), ...c }))
            .sort((a, b) => a.rule.localeCompare(b.rule)),
        repeatOffenders: [...started]
            .filter(([, n]) => n > 1)
            .map(([k, executions]) => {
            const [rule, resourceType, resourceId] = k.split('\n');
            return { rule, resourceType, resourceId, executions };
        })
            .sort((a, b) => b.executions - a.executions || a.resourceId.localeCompare(b.resourceId)),
        approvals,
        refusals,
        weeks: [...weeks].map(([week, c]) => ({ week, ...c })).sort((a, b) => a.week.localeCompare(b.week))
    };
    if (durations.length > 0) {
        review.detectionToVerified = {
            count: durations.length,
            medianSeconds: quantile(durations, 0.5),
            p90Seconds: quantile(durations, 0.9)
        };
    }
    return review;
}
/** The audit records of [from, to] in the group, every page; events that are not audit records are counted. */
async function readAuditWindow(logs, logGroup, from, to) {
    const records = [];
    let unreadable = 0;
    const pages = (0,_aws_sdk_client_cloudwatch_logs__WEBPACK_IMPORTED_MODULE_2__.paginateFilterLogEvents)({ client: logs }, { logGroupName: logGroup, startTime: from.getTime(), endTime: to.getTime() });
    for await (const page of pages) {
        for (const e of page.events ?? []) {
            try {
                const r = JSON.parse(e.message ?? '');
                if (typeof r.event === 'string' && typeof r.time === 'string' && typeof r.context === 'object')
                    records.push(r);
                else
                    unreadable++;
            }
            catch {
                unreadable++;
            }
        }
    }
    return { records, unreadable };
}
/** Reads the window and reviews it; an AWS error is the review's `error` (warned), not thrown. */
async function reviewAuditTrail(logs, window, logger) {
    const base = {
        days: window.days,
        logGroup: window.logGroup,
        from: window.from.toISOString(),
        to: window.to.toISOString()
    };
    try {
        const { records, unreadable } = await readAuditWindow(await logs(), window.logGroup, window.from, window.to);
        const review = reviewOf(records, { ...base, unreadable });
        logger.info((0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .sanitizeForLog */ .F0)(`Remediation effectiveness over ${window.days} day(s) of ${window.logGroup}: ${review.total.started} started, ${review.total.verified} verified, ${review.total.failed} failed.`));
        return review;
    }
    catch (err) {
        if (!(err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ))
            throw err;
        logger.warn((0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .sanitizeForLog */ .F0)(`Remediation effectiveness review failed: ${err.message}`));
        return { ...reviewOf([], { ...base, unreadable: 0 }), error: err.message };
    }
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

//# sourceMappingURL=217.index.js.map