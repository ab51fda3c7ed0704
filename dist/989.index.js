export const id = 989;
export const ids = [989];
export const modules = {

/***/ 2989:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   conformancePacksJson: () => (/* binding */ conformancePacksJson),
/* harmony export */   conformancePacksSection: () => (/* binding */ conformancePacksSection)
/* harmony export */ });
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9997);
/* harmony import */ var _order_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4151);


/** The JSON report's `conformancePacks` block. */
function conformancePacksJson(packs) {
    return {
        mode: packs.mode,
        packs: packs.packs.map(p => ({ ...p, ...(p.members ? { members: p.members.map(m => ({ ...m })) } : {}) })),
        failedMembers: packs.failedMembers.map(m => ({ ...m }))
    };
}
const cell = (s) => (s === undefined || s === '' ? '-' : (0,_util_text_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(s));
function conformancePacksSection(packs) {
    const title = packs.mode === 'conformance-pack' ? '### Conformance packs' : '### Organization conformance packs';
    const lines = [title, ''];
    for (const p of packs.packs) {
        const score = p.score === undefined
            ? ''
            : p.score === 'INSUFFICIENT_DATA'
                ? ', score: insufficient data'
                : `, score ${p.score}%`;
        lines.push(`- **${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(p.name)}** (${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(p.origin)}, ${p.rules} rules, template ${p.templateBytes} bytes): ` +
            (p.deployedAs ? `${cell(p.compliance)}${score}` : 'not deployed in this account'));
    }
    if (packs.failedMembers.length > 0) {
        lines.push('', `**Failed in ${packs.failedMembers.length} member account(s):**`);
        for (const m of packs.failedMembers) {
            lines.push(`- ${m.accountId} (${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(m.pack)}): ${m.status} ${cell(m.errorCode)}: ${cell(m.errorMessage)}`);
        }
    }
    const members = packs.packs.flatMap(p => (p.members ?? []).map(m => ({ pack: p.name, ...m })));
    return {
        id: 'conformance-packs',
        order: _order_js__WEBPACK_IMPORTED_MODULE_1__/* .SUMMARY_ORDER */ .Q.deploy + 2,
        priority: 2,
        blocks: [
            { kind: 'text', text: lines.join('\n'), required: true },
            ...(members.length === 0
                ? []
                : [
                    {
                        kind: 'rows',
                        head: '\n| Account | Pack | Status | Error |\n| --- | --- | --- | --- |',
                        rowCount: members.length,
                        row: (i) => {
                            const m = members[i];
                            const error = m.errorCode ? `${m.errorCode}: ${m.errorMessage ?? ''}` : '';
                            return `| ${m.accountId} | ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(m.pack)} | ${m.status} | ${cell(error)} |`;
                        }
                    }
                ])
        ],
        omissionNote: n => `_${n} member row(s) left out; compliance-report.json has all of them._`
    };
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

//# sourceMappingURL=989.index.js.map