export const id = 845;
export const ids = [845,989];
export const modules = {

/***/ 4428:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ countOutcomes),
/* harmony export */   m: () => (/* binding */ countsOf)
/* harmony export */ });
/** Counts of outcomes by status. */
function countOutcomes(outcomes) {
    const c = {
        verified: 0,
        'succeeded-unverified': 0,
        alerted: 0,
        failed: 0,
        'timed-out': 0,
        skipped: 0,
        cancelled: 0
    };
    for (const o of outcomes)
        c[o.status]++;
    return c;
}
/** The counts of a run with `planned` targets (0 and no outcomes when no plan was made). */
function countsOf(planned, outcomes) {
    const c = countOutcomes(outcomes);
    return {
        planned,
        started: outcomes.filter(o => o.startedAt !== undefined && o.status !== 'skipped').length,
        remediated: c.verified + c['succeeded-unverified'] + c.alerted,
        verified: c.verified,
        unverified: c['succeeded-unverified'],
        alerted: c.alerted,
        failed: c.failed + c['timed-out'],
        timedOut: c['timed-out'],
        skipped: c.skipped,
        cancelled: c.cancelled
    };
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

/***/ 5845:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runSections: () => (/* binding */ runSections)
});

// EXTERNAL MODULE: ./src/run-context.ts
var run_context = __webpack_require__(3564);
// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(9997);
// EXTERNAL MODULE: ./src/report/markdown/format.ts
var format = __webpack_require__(4783);
;// CONCATENATED MODULE: ./src/report/sections/baseline.ts


/** Where the baseline section sits: right after the verdict; filled after the rule table. */
const BASELINE_SUMMARY = { id: 'baseline', order: 5, priority: 2 };
function resourceCells(f) {
    return [
        (0,util_text/* escapeMarkdown */.FV)((0,util_text/* truncate */.xv)(f.ruleName, 128)),
        (0,util_text/* escapeMarkdown */.FV)((0,util_text/* truncate */.xv)(f.resourceType, 80)),
        (0,util_text/* escapeMarkdown */.FV)((0,util_text/* truncate */.xv)(f.resourceId, 256))
    ];
}
const FINDING_HEAD = [(0,format/* row */.nM)(['Rule', 'Type', 'Resource', 'Annotation']), (0,format/* row */.nM)(['---', '---', '---', '---'])].join('\n');
const FIXED_HEAD = [(0,format/* row */.nM)(['Rule', 'Type', 'Resource']), (0,format/* row */.nM)(['---', '---', '---'])].join('\n');
function findingRow(f) {
    return (0,format/* row */.nM)([
        ...resourceCells(f),
        f.annotation !== undefined && f.annotation !== '' ? (0,util_text/* escapeMarkdown */.FV)((0,util_text/* truncate */.xv)(f.annotation, 256)) : '-'
    ]);
}
/** The job summary section of a comparison: new findings in a table, fixed and existing ones collapsed. */
function baselineSection(comparison, opts = {}) {
    const c = comparison;
    const sha = c.baseline.sha !== '' ? `, commit ${(0,util_text/* escapeMarkdown */.FV)(c.baseline.sha.slice(0, 12))}` : '';
    const counts = [
        c.new.length > 0 ? `**${(0,format/* plural */.LS)(c.new.length, 'new non-compliant resource')}**` : 'no new non-compliant resources',
        `${c.existing.length} existing`,
        `${c.fixed.length} fixed`
    ];
    if (c.waived > 0)
        counts.push(`${c.waived} waived (not counted)`);
    if (c.unknown.length > 0)
        counts.push(`${c.unknown.length} not re-checked (rule errored or removed)`);
    const blocks = [
        { kind: 'text', text: '### Compared with the baseline', required: true },
        {
            kind: 'text',
            text: `${counts.join(' · ')}  \nBaseline ${(0,util_text/* codeSpan */.SS)(c.baseline.file)} generated ${(0,format/* formatTime */.fU)(c.baseline.generatedAt)}${sha}`,
            required: true
        }
    ];
    for (const w of c.warnings)
        blocks.push({ kind: 'text', text: `> ⚠️ ${(0,util_text/* escapeMarkdown */.FV)(w)}`, required: true });
    if (c.new.length > 0) {
        blocks.push({
            kind: 'rows',
            head: ['', '#### New since the baseline', '', FINDING_HEAD].join('\n'),
            rowCount: c.new.length,
            row: i => findingRow(c.new[i])
        });
    }
    if (c.fixed.length > 0) {
        blocks.push({
            kind: 'rows',
            head: ['', `<details><summary>Fixed since the baseline (${c.fixed.length})</summary>`, '', FIXED_HEAD].join('\n'),
            rowCount: c.fixed.length,
            row: i => (0,format/* row */.nM)(resourceCells(c.fixed[i])),
            tail: '\n</details>'
        });
    }
    if (c.existing.length > 0) {
        blocks.push({
            kind: 'rows',
            head: ['', `<details><summary>Already in the baseline (${c.existing.length})</summary>`, '', FINDING_HEAD].join('\n'),
            rowCount: c.existing.length,
            row: i => findingRow(c.existing[i]),
            tail: '\n</details>'
        });
    }
    return {
        id: BASELINE_SUMMARY.id,
        order: opts.order ?? BASELINE_SUMMARY.order,
        priority: opts.priority ?? BASELINE_SUMMARY.priority,
        blocks,
        omissionNote: n => `_${(0,format/* plural */.LS)(n, 'baseline row')} left out to keep the job summary within its size limit; the JSON report has every finding._`
    };
}

// EXTERNAL MODULE: ./src/report/sections/conformance-packs.ts
var conformance_packs = __webpack_require__(2989);
// EXTERNAL MODULE: ./src/report/sections/order.ts
var order = __webpack_require__(4151);
;// CONCATENATED MODULE: ./src/report/sections/effectiveness.ts


const cell = (s, max = 200) => (0,util_text/* escapeMarkdown */.FV)((0,util_text/* truncate */.xv)(s, max));
const counts = (c) => [c.started, c.succeeded, c.verified, c.failed, c.cancelled].map(String);
/** 3725 -> "1h 2m 5s"; 42 -> "42s". */
function formatSeconds(s) {
    const t = Math.round(s);
    const d = Math.floor(t / 86_400);
    const h = Math.floor((t % 86_400) / 3600);
    const m = Math.floor((t % 3600) / 60);
    const parts = [d ? `${d}d` : '', h ? `${h}h` : '', m ? `${m}m` : '', t % 60 || t === 0 ? `${t % 60}s` : ''];
    return parts.filter(p => p !== '').join(' ');
}
/** A Mermaid xychart of verified and failed executions per week; undefined with no week to show. */
function weeklyChart(review) {
    if (review.weeks.length === 0)
        return undefined;
    const max = Math.max(1, ...review.weeks.flatMap(w => [w.verified, w.failed]));
    return [
        '```mermaid',
        'xychart-beta',
        '  title "Verified (bar) and failed (line) per week"',
        `  x-axis [${review.weeks.map(w => `"${w.week}"`).join(', ')}]`,
        `  y-axis "executions" 0 --> ${max}`,
        `  bar [${review.weeks.map(w => w.verified).join(', ')}]`,
        `  line [${review.weeks.map(w => w.failed).join(', ')}]`,
        '```'
    ].join('\n');
}
function effectivenessSection(review) {
    const lines = [
        `### 📈 Remediation effectiveness (last ${review.days} day${review.days === 1 ? '' : 's'})`,
        '',
        `Audit records ${review.from} to ${review.to} in ${(0,util_text/* codeSpan */.SS)(review.logGroup)}: ${review.records} read` +
            (review.unreadable > 0 ? `, ${review.unreadable} log event(s) that are not audit records` : '') +
            '.'
    ];
    if (review.error !== undefined) {
        lines.push('', `**Review failed:** ${cell(review.error, 1500)}`);
        return {
            id: 'effectiveness',
            order: order/* SUMMARY_ORDER */.Q.remediation + 1,
            priority: 40,
            blocks: [{ kind: 'text', text: lines.join('\n'), required: true }]
        };
    }
    const t = review.total;
    lines.push('', `Executions: ${t.started} started · ${t.succeeded} succeeded · ${t.verified} verified · ${t.failed} failed · ${t.cancelled} cancelled. ` +
        `Approvals ${review.approvals} · refusals ${review.refusals}.`);
    const d = review.detectionToVerified;
    lines.push('', d
        ? `Detection to verified (${d.count}): median ${formatSeconds(d.medianSeconds)}, 90th percentile ${formatSeconds(d.p90Seconds)}.`
        : 'Detection to verified: no verified remediation in the window.');
    if (review.repeatOffenders.length > 0) {
        lines.push('', `Remediated more than once: ${review.repeatOffenders
            .slice(0, 20)
            .map(o => `${cell(o.resourceId, 120)} (${cell(o.rule, 80)}, ${o.executions}×)`)
            .join(', ')}${review.repeatOffenders.length > 20 ? ` and ${review.repeatOffenders.length - 20} more` : ''}.`);
    }
    const blocks = [{ kind: 'text', text: lines.join('\n'), required: true }];
    const chart = weeklyChart(review);
    if (chart)
        blocks.push({ kind: 'text', text: `\n${chart}` });
    const head = '| started | succeeded | verified | failed | cancelled |';
    const sep = '|---:|---:|---:|---:|---:|';
    blocks.push({
        kind: 'rows',
        head: ['', '| Rule | HIPAA ' + head, '|---|---' + sep].join('\n'),
        rowCount: review.byRule.length,
        row: i => {
            const r = review.byRule[i];
            return `| ${cell(r.rule)} | ${cell(r.hipaaSections.join(', ') || '-')} | ${counts(r).join(' | ')} |`;
        }
    });
    blocks.push({
        kind: 'rows',
        head: ['', '| Runbook ' + head, '|---' + sep].join('\n'),
        rowCount: review.byRunbook.length,
        row: i => {
            const r = review.byRunbook[i];
            return `| ${cell(r.runbook)} | ${counts(r).join(' | ')} |`;
        }
    });
    return {
        id: 'effectiveness',
        order: order/* SUMMARY_ORDER */.Q.remediation + 1,
        priority: 40,
        blocks,
        omissionNote: k => `_${k} row${k === 1 ? '' : 's'} left out to keep the job summary within its size limit; the JSON report has all of them._`
    };
}

;// CONCATENATED MODULE: ./src/report/sections/deploy-plan.ts


const ICON = { create: '+', update: '~', delete: '-', unchanged: '=' };
function where(i) {
    return i.position ? `${i.position.file}:${i.position.line}` : '';
}
/** `## 📋 Deploy plan: 6 changes to the account` (the lead heading of a deploy plan in a pull request). */
function deployPlanHeading(plan) {
    return plan.drift === 0
        ? '## 📋 Deploy plan: the account matches the manifest'
        : `## 📋 Deploy plan: ${plan.drift} change${plan.drift === 1 ? '' : 's'} to the account after merge`;
}
/** The deploy plan; with `lead` (deploy: plan in a pull request, the run's main act) it opens the summary. */
function planSection(plan, mode, desired, applied, opts = {}) {
    const c = plan.counts;
    const lead = opts.lead === true && mode === 'plan';
    const sections = new Map(desired.rules.map(r => [r.name, r.hipaaSections]));
    const title = lead
        ? deployPlanHeading(plan)
        : mode === 'plan'
            ? `### Deploy plan (nothing changed): ${plan.drift} difference${plan.drift === 1 ? '' : 's'} from the manifest`
            : `### Deploy (${mode}${plan.prune ? ', prune' : ''})`;
    const lines = [
        title,
        '',
        `${c.create} to create, ${c.update} to update, ${c.delete} to delete, ${c.unchanged} unchanged.${lead ? ' Nothing was changed by this run: merging applies it (deploy: apply).' : ''}`
    ];
    if (applied) {
        lines.push('', applied.error
            ? `**Stopped after ${applied.done} change(s):** ${(0,util_text/* escapeMarkdown */.FV)(applied.error)}`
            : `Applied ${applied.done} change(s).`);
    }
    const rows = plan.items.filter(i => i.action !== 'unchanged' || i.note);
    return {
        id: 'deploy',
        order: lead ? order/* SUMMARY_ORDER */.Q.lead : order/* SUMMARY_ORDER */.Q.deploy,
        priority: lead ? order/* SUMMARY_PRIORITY */.M.lead : 2,
        blocks: [
            { kind: 'text', text: lines.join('\n'), required: true },
            ...(rows.length === 0
                ? []
                : [
                    {
                        kind: 'rows',
                        head: '\n| Change | Name | Changes | HIPAA sections | Declared at |\n| --- | --- | --- | --- | --- |',
                        rowCount: rows.length,
                        row: (i) => {
                            const item = rows[i];
                            const changes = item.changes.map(ch => `${ch.field}: ${ch.from} → ${ch.to}`).join('; ') || item.note || '';
                            const hipaa = item.object === 'rule' ? (sections.get(item.name) ?? []).join(', ') : '';
                            return `| ${ICON[item.action]}&nbsp;${item.action}&nbsp;${item.object} | ${(0,util_text/* escapeMarkdown */.FV)(item.name)} | ${changes !== '' ? (0,util_text/* escapeMarkdown */.FV)(changes) : '-'} | ${(0,util_text/* escapeMarkdown */.FV)(hipaa) || '-'} | ${(0,util_text/* escapeMarkdown */.FV)(where(item)) || '-'} |`;
                        }
                    }
                ])
        ],
        omissionNote: n => `_${n} plan row(s) left out; plan.json has all of them._`
    };
}
/** The least-privilege IAM policy each runbook's assume role needs, derived from its steps (collapsed). */
/** HTML-escapes multi-line text (a pretty-printed policy in <pre>), keeping its line breaks. */
function escapeHtmlText(s) {
    return s
        .split('\n')
        .map(line => (0,util_text/* escapeHtml */.ZD)(line))
        .join('\n');
}
function policySection(desired, opts = {}) {
    return {
        id: 'runbook-policies',
        // Right after the deploy plan, wherever it is.
        order: (opts.lead === true ? order/* SUMMARY_ORDER */.Q.lead : order/* SUMMARY_ORDER */.Q.deploy) + 1,
        priority: 4,
        blocks: [
            {
                kind: 'rows',
                head: "<details><summary>Least-privilege IAM policies for the runbooks' assume roles</summary>\n",
                rowCount: desired.documents.length,
                row: i => {
                    const d = desired.documents[i];
                    const notes = d.policy.notes.map(n => `<li>${(0,util_text/* escapeHtml */.ZD)(n)}</li>`).join('');
                    return [
                        `<p><b>${(0,util_text/* escapeHtml */.ZD)(d.name)}</b> (sha256 ${(0,util_text/* escapeHtml */.ZD)(d.hash.slice(0, 12))})</p>`,
                        `<pre>${escapeHtmlText(JSON.stringify(d.policy.policy, null, 2))}</pre>`,
                        notes ? `<ul>${notes}</ul>` : ''
                    ].join('');
                },
                tail: '\n</details>'
            }
        ],
        omissionNote: n => `_${n} runbook policies left out; plan.json has all of them._`
    };
}

;// CONCATENATED MODULE: ./src/report/sections/predeploy.ts

/** The pre-deploy part of the job summary. */
function preDeploySection(pre) {
    const lines = ['### Pre-deploy evaluation (AWS Config proactive rules)', ''];
    if (pre.note)
        lines.push(`⚠️ ${(0,util_text/* escapeMarkdown */.FV)(pre.note)}`, '');
    lines.push(`${pre.evaluated} template resource(s) evaluated before deploy; ${pre.findings.length} would be non-compliant.`);
    if (pre.notJudged.length > 0) {
        lines.push('', `Not judged before deploy (checked only once deployed): ${pre.notJudged.map(n => `${(0,util_text/* escapeMarkdown */.FV)(n.ruleName)} (${(0,util_text/* escapeMarkdown */.FV)(n.reason)})`).join('; ')}.`);
    }
    if (pre.failed.length > 0) {
        lines.push('', `⛔ ${pre.failed.length} template resource(s) could not be evaluated: errors that fail the gate.`);
    }
    for (const f of pre.failed)
        lines.push('', `Could not evaluate ${(0,util_text/* escapeMarkdown */.FV)(f.file)}:${f.line} ${(0,util_text/* escapeMarkdown */.FV)(f.logicalId)}: ${(0,util_text/* escapeMarkdown */.FV)(f.reason)}.`);
    return {
        id: 'pre-deploy',
        order: 6,
        priority: 2,
        blocks: [
            { kind: 'text', text: lines.join('\n'), required: true },
            {
                kind: 'rows',
                head: '\n| Rule | Template | Resource | Line |\n| --- | --- | --- | --- |',
                rowCount: pre.findings.length,
                row: i => {
                    const f = pre.findings[i];
                    return `| ${(0,util_text/* escapeMarkdown */.FV)(f.ruleName)} | ${(0,util_text/* escapeMarkdown */.FV)(f.template)} | ${(0,util_text/* escapeMarkdown */.FV)(f.logicalId)} (${(0,util_text/* escapeMarkdown */.FV)(f.resourceType)}) | ${f.location.line} |`;
                }
            }
        ]
    };
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/remediation/result.ts
var result = __webpack_require__(4428);
;// CONCATENATED MODULE: ./src/report/sections/remediation.ts
/**
 * The remediation phase in the job summary: the plan table, the outcomes table, the plan hash. A pure builder over
 * the phase's data (RemediationReport); remediation/plan-file.ts writes remediation-plan.json.
 */




/** Budget priority: after the verdict and rule table, before the resource lists. */
const REMEDIATION_PRIORITY = 3;
const OUTCOME_LABEL = {
    verified: '✅ verified',
    'succeeded-unverified': '☑️ succeeded, unverified',
    alerted: '📣 alerted (finding open)',
    failed: '❌ failed',
    'timed-out': '⏱️ timed out',
    skipped: '⏭️ skipped',
    cancelled: '🛑 cancelled'
};
function remediation_cell(s, max = 200) {
    return (0,util_text/* escapeMarkdown */.FV)((0,util_text/* truncate */.xv)(s, max));
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
const hipaaCell = (t) => (t.hipaaSections.length > 0 ? remediation_cell(t.hipaaSections.join(', '), 200) : '-');
const routeCell = (t) => (t.route === 'config' ? 'AWS Config' : 'SSM Automation');
/** Five columns (GitHub's page width holds about six): the parameters, long ARNs, are in their own collapsed table. */
function planRow(t) {
    return row([
        remediation_cell(t.rule, 128),
        `${remediation_cell(t.resourceId, 256)}<br>${remediation_cell(t.resourceType, 64)}`,
        remediation_cell(`${t.runbook.name}@${t.runbook.version}`, 160),
        routeCell(t),
        hipaaCell(t)
    ]);
}
function parameterRow(t) {
    return row([remediation_cell(t.resourceId, 256), remediation_cell(formatParameters(t.parameters), 600)]);
}
function outcomeRow(o) {
    const detail = [o.failedStep ? `step ${o.failedStep}` : '', o.message ?? ''].filter(s => s !== '').join(': ');
    return row([
        remediation_cell(o.target.rule, 128),
        remediation_cell(o.target.resourceId, 256),
        OUTCOME_LABEL[o.status],
        o.executionId ? remediation_cell(o.executionId, 80) : '-',
        detail !== '' ? remediation_cell(detail, 300) : '-'
    ]);
}
const targets = (n) => `${n} target${n === 1 ? '' : 's'}`;
/** The tally of outcomes, worst last: `1 ✅ verified · 2 ☑️ succeeded, unverified`. */
function outcomeTally(outcomes) {
    const c = (0,result/* countOutcomes */.X)(outcomes);
    return Object.keys(c)
        .filter(s => c[s] > 0)
        .map(s => `${c[s]} ${OUTCOME_LABEL[s]}`)
        .join(' · ');
}
/**
 * The heading naming what the remediation run did, the summary's first line: the plan awaiting approval (plan mode),
 * what was remediated and verified (apply), or that it was refused or stopped.
 */
function remediationHeading(input) {
    const { plan, mode, outcomes } = input;
    const n = plan.targets.length;
    if (input.error !== undefined) {
        const what = input.error instanceof errors/* PolicyError */.pn ? 'refused' : 'stopped';
        return `## 🛠️ Remediation${mode === 'plan' ? ' plan' : ''} ${what}: ${remediation_cell(input.error.message, 200)}`;
    }
    if (mode === 'plan') {
        return n === 0
            ? '## 🛠️ Remediation plan: nothing to remediate'
            : `## 🛠️ Remediation plan awaiting approval: ${targets(n)}`;
    }
    if (input.cancelled !== undefined)
        return `## 🛠️ Remediation cancelled: ${outcomeTally(outcomes) || targets(n)}`;
    if (n === 0)
        return '## 🛠️ Remediation: nothing to remediate';
    const c = (0,result/* countOutcomes */.X)(outcomes);
    const done = c.verified + c['succeeded-unverified'];
    return `## 🛠️ Remediated ${done} of ${targets(n)}: ${outcomeTally(outcomes) || 'nothing ran'}`;
}
/** How to approve a plan: the inputs of the apply run (the example workflow's second job). */
function howToApprove(input) {
    return [
        `**To approve:** run the action with ${(0,util_text/* codeSpan */.SS)('remediate: apply')} and ${(0,util_text/* codeSpan */.SS)(`approved-plan-hash: ${input.plan.hash}`)}` +
            ` (and ${(0,util_text/* codeSpan */.SS)('approved-plan-file')} set to this run's plan file): it applies exactly this plan and refuses any other.`,
        'Nothing was changed by this run.'
    ].join('  \n');
}
/**
 * The remediation section: with `lead` (the run's main act) it opens the summary with an h2 heading; the plan table
 * (rule, resource, runbook, route, HIPAA sections) is open in plan mode, collapsed after an apply, whose outcomes
 * come first.
 */
function remediationSection(input, opts = {}) {
    const { plan, mode, outcomes } = input;
    const n = plan.targets.length;
    const lead = opts.lead === true;
    const title = lead
        ? remediationHeading(input)
        : mode === 'plan'
            ? `### 🛠️ Remediation plan (dry run, nothing changed): ${targets(n)}`
            : `### 🛠️ Remediation: ${targets(n)} planned`;
    const facts = [
        `Plan hash ${(0,util_text/* codeSpan */.SS)(plan.hash)}`,
        `max-remediations ${input.max}`,
        `plan ${(0,util_text/* codeSpan */.SS)(input.planFile)}`,
        `audit log ${(0,util_text/* codeSpan */.SS)(input.auditFile)}`
    ];
    const lines = [title, '', facts.join(' · ')];
    if (mode === 'plan' && n > 0 && input.error === undefined)
        lines.push('', howToApprove(input));
    if (input.approval !== undefined)
        lines.push('', (0,util_text/* escapeMarkdown */.FV)(input.approval));
    if (input.error !== undefined) {
        const label = input.error instanceof errors/* PolicyError */.pn ? 'Refused' : 'Stopped';
        lines.push('', `**${label}:** ${remediation_cell(input.error.message, 1500)}`);
    }
    if (input.cancelled !== undefined)
        lines.push('', `**Cancelled:** ${remediation_cell(input.cancelled, 1500)}`);
    if (mode === 'apply' && outcomes.length > 0)
        lines.push('', `Outcomes: ${outcomeTally(outcomes)}`);
    if (input.alert !== undefined)
        lines.push('', remediation_cell(input.alert, 300));
    for (const t of input.trail ?? [])
        lines.push('', remediation_cell(t, 1500));
    if (plan.notes.length > 0)
        lines.push('', ...plan.notes.map(note => `- ${remediation_cell(note, 400)}`));
    const blocks = [{ kind: 'text', text: lines.join('\n'), required: true }];
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
    if (n > 0) {
        const open = mode === 'plan';
        blocks.push({
            kind: 'rows',
            head: [
                '',
                open ? '#### The plan' : '<details><summary>The plan</summary>',
                '',
                row(['Rule', 'Resource', 'Runbook@version', 'Route', 'HIPAA sections']),
                row(['---', '---', '---', '---', '---'])
            ].join('\n'),
            rowCount: n,
            row: i => planRow(plan.targets[i]),
            ...(open ? {} : { tail: '\n</details>' })
        });
        blocks.push({
            kind: 'rows',
            head: [
                '',
                `<details><summary>Runbook parameters (${targets(n)})</summary>`,
                '',
                row(['Resource', 'Parameters']),
                row(['---', '---'])
            ].join('\n'),
            rowCount: n,
            row: i => parameterRow(plan.targets[i]),
            tail: '\n</details>'
        });
    }
    return {
        id: 'remediation',
        order: lead ? order/* SUMMARY_ORDER */.Q.lead : order/* SUMMARY_ORDER */.Q.remediation,
        priority: lead ? order/* SUMMARY_PRIORITY */.M.lead : REMEDIATION_PRIORITY,
        blocks,
        omissionNote: k => `_${k} remediation row${k === 1 ? '' : 's'} left out to keep the job summary within its size limit; ${(0,util_text/* codeSpan */.SS)(input.planFile)} and ${(0,util_text/* codeSpan */.SS)(input.auditFile)} have all of them._`
    };
}

// EXTERNAL MODULE: ./src/gate/waivers.ts
var waivers = __webpack_require__(6322);
;// CONCATENATED MODULE: ./src/report/sections/waivers.ts
/**
 * The summary section of waivers that apply only after merge ("proposed: applies after merge"): on pull-request and
 * merge-queue runs, waivers the base branch's manifest does not hold. Pure.
 */


/** Between the verdict (0) and the deploy plan (10): it explains why waived-looking findings count. */
const PROPOSED_WAIVERS_ORDER = 5;
const PRIORITY = 2;
/** Why a proposed waiver does not apply yet, in words. */
function proposedWhy(w) {
    switch (w.why) {
        case 'new':
            return 'not on the base branch';
        case 'later-expiry':
            return `expires later than on the base branch (${w.baseExpires ?? '?'})`;
        case 'base-unreadable':
            return 'base manifest unavailable';
    }
}
const waivers_cell = (s, max) => (0,util_text/* escapeMarkdown */.FV)((0,util_text/* truncate */.xv)(s, max));
function proposedWaiversSection(proposed, base, result) {
    if (proposed.length === 0)
        return undefined;
    const at = base?.sha !== undefined ? ` (${(0,util_text/* codeSpan */.SS)(base.sha.slice(0, 12))})` : '';
    const lines = [
        `### Waivers ${waivers/* PROPOSED_LABEL */.sE}`,
        '',
        `On ${(0,util_text/* escapeMarkdown */.FV)(base?.eventName ?? 'pull request')} runs a waiver applies only if the base branch's manifest${at} ` +
            `already holds it for the same rule and resource (and account, when it names one), expiring no later. ` +
            `These ${proposed.length} waiver(s) are **${waivers/* PROPOSED_LABEL */.sE}**: not applied now, their findings count.`
    ];
    if (base?.unreadable !== undefined) {
        lines.push('', `The base branch's waivers are unknown: ${(0,util_text/* escapeMarkdown */.FV)((0,util_text/* truncate */.xv)(base.unreadable, 600))}.`);
    }
    return {
        id: 'proposed-waivers',
        order: PROPOSED_WAIVERS_ORDER,
        priority: PRIORITY,
        blocks: [
            { kind: 'text', text: lines.join('\n'), required: true },
            {
                kind: 'rows',
                head: [
                    '',
                    // Six columns at most (GitHub's page width): owner and expiry share one, the source goes under the rule.
                    '| Rule | Resource | Owner, expires | Why not applied | Findings counted |',
                    '| --- | --- | --- | --- | ---: |'
                ].join('\n'),
                rowCount: proposed.length,
                row: i => {
                    const w = proposed[i];
                    return `| ${[
                        `${waivers_cell(w.rule, 128)}${w.source !== undefined ? `<br>${waivers_cell(w.source, 200)}` : ''}`,
                        `${waivers_cell(w.resourceId, 256)}${w.account !== undefined ? `<br>account ${waivers_cell(w.account, 32)}` : ''}`,
                        `${waivers_cell(w.owner, 64)}, ${waivers_cell(w.expires, 32)}`,
                        (0,util_text/* escapeMarkdown */.FV)(proposedWhy(w)),
                        String((0,waivers/* findingsCovered */.rU)(result, w))
                    ].join(' | ')} |`;
                }
            }
        ]
    };
}

;// CONCATENATED MODULE: ./src/report/sections/run.ts








function runSections(input) {
    const sections = [];
    if (input.comparison)
        sections.push(baselineSection(input.comparison));
    if (input.preDeploy)
        sections.push(preDeploySection(input.preDeploy));
    const proposed = input.waivers && proposedWaiversSection(input.waivers.proposed, input.waivers.base, input.result);
    if (proposed)
        sections.push(proposed);
    // The run's main act leads the summary: a remediation run, else a deploy plan in a pull request.
    if (input.remediation)
        sections.push(remediationSection(input.remediation, { lead: true }));
    if (input.effectiveness)
        sections.push(effectivenessSection(input.effectiveness));
    const d = input.deploy;
    if (d) {
        const lead = !input.remediation && d.mode === 'plan' && run_context/* PULL_REQUEST_EVENTS */.m_.has(input.eventName ?? '');
        sections.push(planSection(d.plan, d.mode, d.desired, d.applied, { lead }));
        if (d.desired.documents.length > 0)
            sections.push(policySection(d.desired, { lead }));
    }
    if (input.packs)
        sections.push((0,conformance_packs.conformancePacksSection)(input.packs));
    return sections;
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

//# sourceMappingURL=845.index.js.map