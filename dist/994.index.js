export const id = 994;
export const ids = [994];
export const modules = {

/***/ 6412:
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


/***/ }),

/***/ 7994:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gt: () => (/* binding */ countFindings),
/* harmony export */   Qm: () => (/* binding */ runUrlOf),
/* harmony export */   Qx: () => (/* binding */ SUMMARY_ORDER),
/* harmony export */   fR: () => (/* binding */ buildSummary),
/* harmony export */   fU: () => (/* binding */ formatTime),
/* harmony export */   nB: () => (/* binding */ formatTimePlain),
/* harmony export */   z0: () => (/* binding */ sortRulesWorstFirst)
/* harmony export */ });
/* unused harmony exports DEFAULT_SUMMARY_BUDGET_BYTES, SummaryBuilder, SUMMARY_PRIORITY */
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6412);

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
            const text = (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .truncateBytes */ .QY)(b.text, left - PIECE_SEP);
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
// ---------------------------------------------------------------------------------------------------
// The compliance summary
/** Where the compliance sections sit; other phases place theirs around them (deploy plan before, remediation after). */
const SUMMARY_ORDER = { verdict: 0, deploy: 10, rules: 20, findings: 21, remediation: 30, footer: 90 };
/** Budget priorities of the compliance sections: the verdict and the rule table are filled first. */
const SUMMARY_PRIORITY = { verdict: 0, rules: 1, findings: 5 };
const STATUS_RANK = {
    error: 0,
    noncompliant: 1,
    stale: 2,
    'insufficient-data': 3,
    compliant: 4,
    'not-applicable': 5
};
const STATUS_LABEL = {
    error: '⛔ error',
    noncompliant: '❌ non-compliant',
    stale: '⏳ stale',
    'insufficient-data': '❓ insufficient data',
    compliant: '✅ compliant',
    'not-applicable': '➖ not applicable'
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
function sortRulesWorstFirst(rules) {
    return rules
        .map(r => ({ r, rank: STATUS_RANK[r.status], n: countFindings(r).counted }))
        .sort((a, b) => a.rank - b.rank || b.n - a.n || byName(a.r.ruleName, b.r.ruleName))
        .map(x => x.r);
}
/** Counted findings first, then waived; each group by resource type, then id. */
function sortFindings(findings) {
    return [...findings].sort((a, b) => Number(a.waiver !== undefined) - Number(b.waiver !== undefined) ||
        byName(a.resourceType, b.resourceType) ||
        byName(a.resourceId, b.resourceId));
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
    return (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)((0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(formatTimePlain(iso), 40));
}
/** The run's URL: RunInfo.runUrl or built from server, repository, run id and attempt. */
function runUrlOf(run) {
    if (run.runUrl !== undefined && run.runUrl !== '')
        return run.runUrl;
    if (run.serverUrl === '' || run.repository === '' || run.runId === '')
        return undefined;
    const attempt = run.runAttempt !== '' ? `/attempts/${encodeURIComponent(run.runAttempt)}` : '';
    return `${run.serverUrl.replace(/\/+$/, '')}/${run.repository}/actions/runs/${encodeURIComponent(run.runId)}${attempt}`;
}
/** A Markdown link, or plain escaped text when the URL is not http(s). */
function link(text, url) {
    if (url === undefined || !/^https?:\/\/[^\s<>()]+$/i.test(url))
        return (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(text);
    return `[${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(text)}](${url})`;
}
const MAX_ID = 256;
const MAX_ANNOTATION = 256;
const MAX_RULE = 128;
function row(cells) {
    return `| ${cells.join(' | ')} |`;
}
function statusCell(rule) {
    const label = STATUS_LABEL[rule.status];
    if (rule.error === undefined)
        return label;
    return `${label} in ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)((0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(rule.error.operation, 80))}: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)((0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(rule.error.code, 80))}`;
}
function ruleRow(rule) {
    const { counted, waived } = countFindings(rule);
    const sections = rule.hipaaSections?.length ? (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(rule.hipaaSections.join(', ')) : '-';
    return row([
        (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)((0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(rule.ruleName, MAX_RULE)),
        statusCell(rule),
        rule.status === 'noncompliant' || counted > 0 ? String(counted) : '-',
        waived > 0 ? String(waived) : '-',
        formatTime(rule.lastEvaluated),
        sections
    ]);
}
function waiverCell(f) {
    const w = f.waiver;
    if (w === undefined) {
        if (f.remediation === undefined)
            return '-';
        return `remediated: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(f.remediation.outcome)}${f.remediation.executionId ? ` (${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)((0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(f.remediation.executionId, 64))})` : ''}`;
    }
    return `waived: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)((0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(w.reason, 160))} (owner ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)((0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(w.owner, 64))}, expires ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)((0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(w.expires, 32))})`;
}
function findingRow(f) {
    return row([
        (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)((0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(f.resourceType, 80)),
        (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)((0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(f.resourceId, MAX_ID)),
        f.annotation ? (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)((0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(f.annotation, MAX_ANNOTATION)) : '-',
        formatTime(f.recordedTime),
        waiverCell(f)
    ]);
}
function plural(n, one, many = `${one}s`) {
    return `${n} ${n === 1 ? one : many}`;
}
function verdictSection(result, gate, run) {
    const passed = gate.result === 'pass';
    const heading = `## ${passed ? '✅ Compliance gate passed' : '❌ Compliance gate failed'}: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)((0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(gate.reason, 300))}`;
    const where = [
        `Account ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(result.accountId)}`,
        `region ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(result.region)}`,
        `checked ${formatTime(result.checkedAt)}`
    ];
    const runBits = [];
    if (run.repository !== '')
        runBits.push((0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(run.repository));
    if (run.sha !== '')
        runBits.push((0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(run.sha.slice(0, 12)));
    if (run.runId !== '')
        runBits.push(link(`run ${run.runId}${run.runAttempt !== '' ? ` attempt ${run.runAttempt}` : ''}`, runUrlOf(run)));
    const counts = new Map();
    for (const r of result.rules)
        counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
    const tally = Object.keys(STATUS_RANK)
        .filter(s => (counts.get(s) ?? 0) > 0)
        .map(s => `${counts.get(s) ?? 0} ${STATUS_LABEL[s].replace(/^\S+ /, '')}`);
    const totals = [
        `${plural(result.rules.length, 'rule')}${tally.length > 0 ? `: ${tally.join(', ')}` : ''}`,
        `${plural(gate.noncompliantCount, 'non-compliant resource')}`
    ];
    if (gate.waivedCount > 0)
        totals.push(`${plural(gate.waivedCount, 'waived finding')} (listed, not counted)`);
    const blocks = [
        { kind: 'text', text: heading, required: true },
        {
            kind: 'text',
            text: `${where.join(' · ')}${runBits.length > 0 ? `  \n${runBits.join(' · ')}` : ''}`,
            required: true
        },
        { kind: 'text', text: `\n${totals.join(' · ')}`, required: true }
    ];
    return { id: 'verdict', order: SUMMARY_ORDER.verdict, priority: SUMMARY_PRIORITY.verdict, blocks };
}
function whereFullList(reportFiles) {
    const json = reportFiles?.json;
    return json !== undefined && json !== ''
        ? `the full list is in the JSON report ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .codeSpan */ .SS)(json)}`
        : 'the JSON report (report-dir) has the full list';
}
function rulesSection(rules, reportFiles) {
    const head = [
        '### Rules',
        '',
        row(['Rule', 'Status', 'Non-compliant', 'Waived', 'Last evaluated', 'HIPAA sections']),
        row(['---', '---', '---:', '---:', '---', '---'])
    ].join('\n');
    return {
        id: 'rules',
        order: SUMMARY_ORDER.rules,
        priority: SUMMARY_PRIORITY.rules,
        blocks: [{ kind: 'rows', head, rowCount: rules.length, row: i => ruleRow(rules[i]) }],
        omissionNote: n => `\n_${plural(n, 'rule')} not shown to keep the job summary within its size limit; ${whereFullList(reportFiles)}._`
    };
}
function findingsSection(rules, reportFiles) {
    const blocks = [{ kind: 'text', text: '### Non-compliant resources' }];
    for (const rule of rules) {
        if (rule.findings.length === 0)
            continue;
        const findings = sortFindings(rule.findings);
        const { counted, waived } = countFindings(rule);
        const label = `${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(rule.ruleName, MAX_RULE)} (${counted} non-compliant${waived > 0 ? `, ${waived} waived` : ''})`;
        blocks.push({
            kind: 'rows',
            head: [
                '',
                `<details><summary>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeHtml */ .ZD)(label)}</summary>`,
                '',
                row(['Type', 'Resource', 'Annotation', 'Recorded', 'Waiver / remediation']),
                row(['---', '---', '---', '---', '---'])
            ].join('\n'),
            rowCount: findings.length,
            row: i => findingRow(findings[i]),
            tail: '\n</details>'
        });
    }
    return {
        id: 'findings',
        order: SUMMARY_ORDER.findings,
        priority: SUMMARY_PRIORITY.findings,
        blocks: blocks.length > 1 ? blocks : [],
        omissionNote: n => `**${plural(n, 'resource row')} left out** to keep the job summary within its size limit; ${whereFullList(reportFiles)}.`
    };
}
/** Builds the job summary: verdict, rule table (worst first), then the non-compliant resources of each rule. */
function buildSummary(input) {
    const { result, gate, run, reportFiles } = input;
    const rules = sortRulesWorstFirst(result.rules);
    const builder = new SummaryBuilder(input.budgetBytes ?? DEFAULT_SUMMARY_BUDGET_BYTES)
        .add(verdictSection(result, gate, run))
        .add(rulesSection(rules, reportFiles))
        .add(findingsSection(rules, reportFiles));
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


/***/ })

};

//# sourceMappingURL=994.index.js.map