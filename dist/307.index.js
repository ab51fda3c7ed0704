export const id = 307;
export const ids = [307];
export const modules = {

/***/ 1307:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PLAN_SCHEMA_VERSION: () => (/* binding */ PLAN_SCHEMA_VERSION),
/* harmony export */   buildPlanJson: () => (/* binding */ buildPlanJson),
/* harmony export */   planSection: () => (/* binding */ planSection),
/* harmony export */   policySection: () => (/* binding */ policySection)
/* harmony export */ });
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6412);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7994);


const PLAN_SCHEMA_VERSION = 1;
const ICON = { create: '+', update: '~', delete: '-', unchanged: '=' };
function where(i) {
    return i.position ? `${i.position.file}:${i.position.line}` : '';
}
function planSection(plan, mode, desired, applied) {
    const c = plan.counts;
    const sections = new Map(desired.rules.map(r => [r.name, r.hipaaSections]));
    const title = mode === 'plan'
        ? `### Deploy plan (nothing changed): ${plan.drift} difference${plan.drift === 1 ? '' : 's'} from the manifest`
        : `### Deploy (${mode}${plan.prune ? ', prune' : ''})`;
    const lines = [
        title,
        '',
        `${c.create} to create, ${c.update} to update, ${c.delete} to delete, ${c.unchanged} unchanged.`
    ];
    if (applied) {
        lines.push('', applied.error
            ? `**Stopped after ${applied.done} change(s):** ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(applied.error)}`
            : `Applied ${applied.done} change(s).`);
    }
    const rows = plan.items.filter(i => i.action !== 'unchanged' || i.note);
    return {
        id: 'deploy',
        order: _summary_js__WEBPACK_IMPORTED_MODULE_1__/* .SUMMARY_ORDER */ .Qx.deploy,
        priority: 2,
        blocks: [
            { kind: 'text', text: lines.join('\n'), required: true },
            ...(rows.length === 0
                ? []
                : [
                    {
                        kind: 'rows',
                        head: '\n| | Object | Name | Changes | HIPAA | Declared at |\n| --- | --- | --- | --- | --- | --- |',
                        rowCount: rows.length,
                        row: (i) => {
                            const item = rows[i];
                            const changes = item.changes.map(ch => `${ch.field}: ${ch.from} → ${ch.to}`).join('; ') || item.note || '';
                            const hipaa = item.object === 'rule' ? (sections.get(item.name) ?? []).join(', ') : '';
                            return `| ${ICON[item.action]} ${item.action} | ${item.object} | ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(item.name)} | ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(changes)} | ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(hipaa)} | ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(where(item))} |`;
                        }
                    }
                ])
        ],
        omissionNote: n => `_${n} plan row(s) left out; plan.json has all of them._`
    };
}
/** The least-privilege IAM policy each runbook's assume role needs, derived from its steps (collapsed). */
function policySection(desired) {
    return {
        id: 'runbook-policies',
        order: _summary_js__WEBPACK_IMPORTED_MODULE_1__/* .SUMMARY_ORDER */ .Qx.deploy + 1,
        priority: 4,
        blocks: [
            {
                kind: 'rows',
                head: "<details><summary>Least-privilege IAM policies for the runbooks' assume roles</summary>\n",
                rowCount: desired.documents.length,
                row: i => {
                    const d = desired.documents[i];
                    const notes = d.policy.notes.map(n => `<li>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeHtml */ .ZD)(n)}</li>`).join('');
                    return [
                        `<p><b>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeHtml */ .ZD)(d.name)}</b> (sha256 ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeHtml */ .ZD)(d.hash.slice(0, 12))})</p>`,
                        `<pre>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeHtml */ .ZD)(JSON.stringify(d.policy.policy))}</pre>`,
                        notes ? `<ul>${notes}</ul>` : ''
                    ].join('');
                },
                tail: '\n</details>'
            }
        ],
        omissionNote: n => `_${n} runbook policies left out; plan.json has all of them._`
    };
}
function buildPlanJson(plan, mode, desired) {
    return {
        schemaVersion: PLAN_SCHEMA_VERSION,
        mode,
        prune: plan.prune,
        manifest: desired.manifestFile,
        counts: plan.counts,
        drift: plan.drift,
        items: plan.items.map(({ position, ...rest }) => ({
            ...rest,
            ...(position ? { declaredAt: `${position.file}:${position.line}:${position.col}` } : {})
        })),
        runbooks: desired.documents.map(d => ({
            name: d.name,
            hash: d.hash,
            policy: d.policy.policy,
            notes: d.policy.notes
        })),
        rules: desired.rules.map(r => ({
            name: r.name,
            identifier: r.identifier,
            hipaaSections: r.hipaaSections,
            declaredAt: `${r.position.file}:${r.position.line}:${r.position.col}`
        }))
    };
}


/***/ })

};

//# sourceMappingURL=307.index.js.map