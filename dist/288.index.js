export const id = 288;
export const ids = [288];
export const modules = {

/***/ 5288:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publishFindings: () => (/* binding */ publishFindings)
});

// UNUSED EXPORTS: publishChecks, writeSarifReport

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(8179);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/github/client.ts
var client = __webpack_require__(6584);
// EXTERNAL MODULE: ./src/run-context.ts
var run_context = __webpack_require__(3564);
;// CONCATENATED MODULE: ./src/github/checks.ts
/**
 * One check run on the pull request's head commit carrying every annotation. A workflow step shows at most 10
 * annotations of a level; the Checks API takes any number, 50 per request: the run is created with the first 50
 * (in progress), each further 50 are sent with an update (GitHub appends them), and the last request completes the
 * run with its conclusion.
 */



/** The Checks API takes at most 50 annotations per request. */
const ANNOTATIONS_PER_REQUEST = 50;
/** output.title, output.summary and output.text: at most 65,535 characters each. */
const MAX_OUTPUT_CHARS = 65_535;
/** An annotation's message: at most 64 KB. */
const MAX_ANNOTATION_MESSAGE_BYTES = 64 * 1024;
/** An annotation's title: at most 255 characters. */
const MAX_ANNOTATION_TITLE_CHARS = 255;
const LEVELS = {
    error: 'failure',
    warning: 'warning',
    notice: 'notice'
};
/** Cuts before `end` without splitting a surrogate pair. */
function cutAt(s, end) {
    let n = Math.max(0, end);
    if (n > 0 && n < s.length) {
        const c = s.charCodeAt(n - 1);
        if (c >= 0xd800 && c <= 0xdbff)
            n -= 1;
    }
    return s.slice(0, n);
}
/**
 * `text` within `max` characters (UTF-16 code units, so also within `max` code points). A cut text ends with a
 * note saying how much was left out.
 */
function limitText(text, max, where = 'see the job summary and the JSON report') {
    if (text.length <= max)
        return text;
    const note = (omitted) => `\n\n… (cut to fit GitHub's limit of ${max.toLocaleString('en-US')} characters: ${omitted.toLocaleString('en-US')} more; ${where})`;
    // The note's own length depends on the count it states; the count of the whole text bounds it from above.
    const keep = Math.max(0, max - note(text.length).length);
    const kept = cutAt(text, keep);
    return (kept + note(text.length - kept.length)).slice(0, max);
}
/** A single line (a title) within `max` characters, ending with `mark` (an ellipsis by default) when cut. */
function limitLine(text, max, mark = '…') {
    if (text.length <= max)
        return text;
    return `${cutAt(text, max - mark.length)}${mark}`;
}
/** `text` within `maxBytes` bytes of UTF-8, ending with a note when cut. */
function limitBytes(text, maxBytes) {
    if (Buffer.byteLength(text, 'utf8') <= maxBytes)
        return text;
    const note = ' … (message cut to fit GitHub’s 64 KB limit)';
    let budget = maxBytes - Buffer.byteLength(note, 'utf8');
    let out = '';
    for (const ch of text) {
        const b = Buffer.byteLength(ch, 'utf8');
        if (b > budget)
            break;
        budget -= b;
        out += ch;
    }
    return out + note;
}
/** A repository-relative path with forward slashes; `fallback` when there is none. */
function annotationPath(file, fallback, workspace) {
    const tidy = (p) => {
        let s = p.trim().replace(/\\/g, '/');
        if (workspace !== undefined && workspace !== '' && (0,external_node_path_.isAbsolute)(s)) {
            const rel = (0,external_node_path_.relative)(workspace, s).replace(/\\/g, '/');
            if (rel !== '' && !rel.startsWith('..') && !(0,external_node_path_.isAbsolute)(rel))
                s = rel;
        }
        while (s.startsWith('./'))
            s = s.slice(2);
        return s;
    };
    const p = file === undefined ? '' : tidy(file);
    if (p !== '')
        return p;
    const f = tidy(fallback);
    return f === '' ? '.' : f;
}
/** Maps an annotation to the Checks API's shape, within its limits. Never drops one. */
function toCheckAnnotation(a, fallbackPath, workspace) {
    const hasFile = a.file !== undefined && a.file.trim() !== '';
    const line = hasFile && a.startLine !== undefined && Number.isInteger(a.startLine) && a.startLine > 0 ? a.startLine : 1;
    const out = {
        path: annotationPath(hasFile ? a.file : undefined, fallbackPath, workspace),
        start_line: line,
        end_line: line,
        annotation_level: LEVELS[a.level],
        message: limitBytes(a.message === '' ? a.title || '(no message)' : a.message, MAX_ANNOTATION_MESSAGE_BYTES)
    };
    if (a.title !== '')
        out.title = limitLine(a.title, MAX_ANNOTATION_TITLE_CHARS);
    if (hasFile &&
        a.startLine !== undefined &&
        a.startColumn !== undefined &&
        Number.isInteger(a.startColumn) &&
        a.startColumn > 0) {
        out.start_column = a.startColumn;
        out.end_column = a.startColumn;
    }
    return out;
}
/** Splits into batches of `size` (at least one batch, possibly empty). */
function batches(items, size = ANNOTATIONS_PER_REQUEST) {
    if (items.length === 0)
        return [[]];
    const out = [];
    for (let i = 0; i < items.length; i += size)
        out.push(items.slice(i, i + size));
    return out;
}
function output(input, annotations, summaryNote = '') {
    const out = {
        title: limitLine(input.title.replace(/\s+/g, ' ').trim() || input.name, MAX_OUTPUT_CHARS, '… (title cut)'),
        summary: limitText(summaryNote === '' ? input.summary : `${summaryNote}\n\n${input.summary}`, MAX_OUTPUT_CHARS),
        annotations
    };
    if (input.text !== undefined && input.text !== '')
        out.text = limitText(input.text, MAX_OUTPUT_CHARS);
    return out;
}
function deniedReason(status, err) {
    return (`${err.message}. The token cannot write check runs: give the job \`permissions: checks: write\`; ` +
        'pull requests from forks get a read-only token, so their findings are reported in the job summary and ' +
        'workflow annotations only.' +
        (status === 404 ? ' (GitHub answers 404 when the token cannot see the repository.)' : ''));
}
/**
 * Creates one check run on `headSha` carrying every annotation, 50 per request, and completes it with
 * `conclusion` on the last request. A 403 or 404 on create (a read-only token) is returned as `denied`; any other
 * failure throws a GitHubApiError naming the request. If an update fails after the run was created, the run is
 * still completed (best effort, with a note that annotations are missing) before the error is thrown.
 */
async function publishCheckRun(octokit, input) {
    const { owner, repo } = input;
    const all = input.annotations.map(a => toCheckAnnotation(a, input.fallbackPath, input.workspace));
    const parts = batches(all);
    const createPath = `/repos/${owner}/${repo}/check-runs`;
    let requests = 0;
    const first = parts[0];
    const single = parts.length === 1;
    let id;
    let url;
    try {
        requests++;
        const res = await octokit.rest.checks.create({
            owner,
            repo,
            name: input.name,
            head_sha: input.headSha,
            ...(input.detailsUrl !== undefined ? { details_url: input.detailsUrl } : {}),
            ...(single ? { status: 'completed', conclusion: input.conclusion } : { status: 'in_progress' }),
            output: output(input, first)
        });
        id = res.data.id;
        url = res.data.html_url ?? res.data.url;
    }
    catch (err) {
        const status = (0,client/* httpStatusOf */.s_)(err);
        const apiErr = (0,client/* toGitHubApiError */.Vu)('POST', createPath, err);
        if (status === 403 || status === 404) {
            if (!isRateLimited(err))
                return { denied: true, reason: deniedReason(status, apiErr), status, requests };
        }
        throw apiErr;
    }
    const updatePath = `${createPath}/${id}`;
    let sent = first.length;
    for (let i = 1; i < parts.length; i++) {
        const part = parts[i];
        const last = i === parts.length - 1;
        try {
            requests++;
            await octokit.rest.checks.update({
                owner,
                repo,
                check_run_id: id,
                ...(last ? { status: 'completed', conclusion: input.conclusion } : {}),
                output: output(input, part)
            });
            sent += part.length;
        }
        catch (err) {
            const apiErr = (0,client/* toGitHubApiError */.Vu)('PATCH', updatePath, err);
            // Do not leave the run "in progress" forever: complete it, saying annotations are missing.
            try {
                requests++;
                await octokit.rest.checks.update({
                    owner,
                    repo,
                    check_run_id: id,
                    status: 'completed',
                    conclusion: input.conclusion,
                    output: output(input, [], `**Only ${sent} of ${all.length} annotations could be attached** (${apiErr.message}); ` +
                        'see the job summary and the JSON report for all findings.')
                });
            }
            catch {
                // The original error is the one to report.
            }
            throw apiErr;
        }
    }
    return { denied: false, url, id, requests };
}
/** A 403 that is GitHub's rate limit, not a missing permission. */
function isRateLimited(err) {
    const headers = err.response?.headers ?? {};
    return headers['x-ratelimit-remaining'] === '0' || headers['retry-after'] !== undefined;
}
/**
 * Whether to publish a check run. `off`: never; `on`: always try (a denial falls back to report-only); `auto`: on
 * pull request, push and merge queue events, except pull requests from forks under `pull_request` (and its review
 * events), whose token is read-only. `pull_request_target` runs with the base repository's token, so it tries.
 */
function checksMode(input, ctx) {
    if (input === 'off')
        return { use: false, reason: 'checks is off: findings are reported as workflow annotations.' };
    if (input === 'on')
        return { use: true, reason: 'checks is on: publishing a check run with every annotation.' };
    const event = ctx.eventName;
    if ((0,run_context/* hasPullRequestPayload */.z5)(event)) {
        if (ctx.isFork && event !== 'pull_request_target') {
            return {
                use: false,
                reason: 'This pull request comes from a fork, and GitHub gives such runs a read-only token that cannot create ' +
                    'check runs: findings are reported in the job summary and workflow annotations only (GitHub shows at ' +
                    'most 10 annotations of a level per step).'
            };
        }
        return { use: true, reason: `${event} event: publishing a check run on the pull request's head commit.` };
    }
    if (event === 'push' || event === 'merge_group') {
        return { use: true, reason: `${event} event: publishing a check run on the commit.` };
    }
    return {
        use: false,
        reason: `${event} event is not a pull request or push: findings are reported as workflow annotations.`
    };
}

// EXTERNAL MODULE: ./src/locate/phase.ts + 5 modules
var phase = __webpack_require__(5443);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: ./src/report/annotations.ts
var report_annotations = __webpack_require__(856);
// EXTERNAL MODULE: ./src/report/run-report.ts + 9 modules
var run_report = __webpack_require__(987);
// EXTERNAL MODULE: ./src/util/files.ts
var files = __webpack_require__(5787);
// EXTERNAL MODULE: ./src/locate/source-map.ts
var source_map = __webpack_require__(2882);
// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(9997);
;// CONCATENATED MODULE: ./src/report/sarif.ts
/**
 * SARIF 2.1.0 for GitHub code scanning: one run, one reporting descriptor per Config rule, one result per
 * non-compliant resource, anchored on the template line that declares the resource (or on the rule's line).
 * Pure builder plus a thin writer; the output is checked against the OASIS 2.1.0 schema in a test.
 */



const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const TOOL_NAME = 'compliance-gate';
const TOOL_INFORMATION_URI = 'https://github.com/example-org/compliance-gate';
/** GitHub code scanning accepts at most 25,000 results per run. */
const DEFAULT_MAX_RESULTS = 25_000;
/**
 * Key of the partial fingerprint: the finding's stable fingerprint (account + region + rule + resource type +
 * resource id). SARIF 2.1.0 §3.27.17 (partialFingerprints): the property name names the fingerprint's version, so
 * "v2" since account and region joined it (v1 hashed rule, type and id only; a v1 value is never reused under v2).
 */
const FINGERPRINT_KEY = 'complianceGate/v2';
/** GitHub reads at most 20 tags of a rule. */
const MAX_TAGS = 20;
const ACCOUNT_TAKEOVER = new Set([
    'IAM_ROOT_ACCESS_KEY_CHECK',
    'ROOT_ACCOUNT_MFA_ENABLED',
    'ROOT_ACCOUNT_HARDWARE_MFA_ENABLED',
    'IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS',
    'IAM_POLICY_NO_STATEMENTS_WITH_FULL_ACCESS',
    'RESTRICTED_INCOMING_TRAFFIC',
    'VPC_SG_OPEN_ONLY_TO_AUTHORIZED_PORTS',
    'VPC_DEFAULT_SECURITY_GROUP_CLOSED'
]);
/**
 * The documented mapping from a rule to code scanning's `security-severity`, by what the rule protects:
 * - 9.0 (critical) public exposure or account takeover: PUBLIC, SSH/RDP, root account and admin-policy rules;
 * - 8.0 (high) encryption at rest or in transit: ENCRYPT*, KMS, CMK, SSL, TLS, HTTPS;
 * - 7.5 (high) identity: IAM, MFA, passwords, access keys, credentials;
 * - 7.0 (high) logging and audit: LOGGING, LOGS, CloudTrail, flow logs, audit, monitoring, GuardDuty;
 * - 5.0 (medium) resilience (backups, versioning, PITR, replication, Multi-AZ, deletion protection, locks)
 *   and anything else.
 * The managed rule identifier is classified when known, else the rule name (kebab-case works the same).
 */
function securitySeverity(identifierOrName) {
    const id = identifierOrName.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
    const tokens = new Set(id.split('_').filter(t => t !== ''));
    const has = (...xs) => xs.some(x => tokens.has(x));
    if (ACCOUNT_TAKEOVER.has(id) || has('PUBLIC', 'SSH', 'RDP') || (has('ROOT') && has('MFA', 'KEY', 'ACCESS'))) {
        return { category: 'public-access', score: '9.0' };
    }
    if ([...tokens].some(t => t.startsWith('ENCRYPT')) || has('KMS', 'CMK', 'SSL', 'TLS', 'HTTPS', 'SSE')) {
        return { category: 'encryption', score: '8.0' };
    }
    if (has('IAM', 'MFA', 'PASSWORD', 'KEYS', 'CREDENTIALS', 'ROTATED'))
        return { category: 'identity', score: '7.5' };
    if (has('LOGGING', 'LOG', 'LOGS', 'LOGGROUP', 'ACCESSLOGS', 'TRAIL', 'CLOUDTRAIL', 'FLOW', 'AUDIT') ||
        has('MONITORING', 'GUARDDUTY', 'SECURITYHUB')) {
        return { category: 'logging', score: '7.0' };
    }
    if (has('BACKUP', 'VERSIONING', 'PITR', 'REPLICATION', 'MULTI', 'DELETION', 'LOCK', 'RECOVERY')) {
        return { category: 'resilience', score: '5.0' };
    }
    return { category: 'other', score: '5.0' };
}
// ---------------------------------------------------------------------------------------------------
// builder
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
/** The AWS Config documentation page of a managed rule (its page is named after the rule's default name). */
function managedRuleHelpUri(identifier) {
    return `https://docs.aws.amazon.com/config/latest/developerguide/${identifier.toLowerCase().replace(/_/g, '-')}.html`;
}
/** A repository-relative path as a URI reference: forward slashes, each segment percent-encoded. */
function artifactUri(file) {
    return file
        .replace(/\\/g, '/')
        .replace(/^(\.\/)+/, '')
        .split('/')
        .map(encodeURIComponent)
        .join('/');
}
function plainText(s, max) {
    return (0,util_text/* truncate */.xv)((0,util_text/* toSingleLine */.OX)(s).trim(), max);
}
function ruleMeta(rule, info) {
    const merged = {
        ...(info ?? {}),
        hipaaSections: [...new Set([...(info?.hipaaSections ?? []), ...(rule.hipaaSections ?? [])])]
    };
    return { name: rule.ruleName, info: merged, severity: securitySeverity(merged.identifier ?? rule.ruleName) };
}
function descriptor(meta) {
    const { name, info, severity } = meta;
    const managed = info.identifier !== undefined ? ` (AWS managed rule ${info.identifier})` : '';
    const description = info.description !== undefined && info.description.trim() !== '' ? info.description : undefined;
    const short = description !== undefined ? plainText(description.split(/(?<=\.)\s/)[0] ?? description, 200) : '';
    const sections = info.hipaaSections.length > 0 ? info.hipaaSections.join(', ') : 'none mapped';
    const helpUri = info.helpUri ?? (info.identifier !== undefined ? managedRuleHelpUri(info.identifier) : undefined);
    const text = [
        `AWS Config rule ${name}${managed}.`,
        ...(description !== undefined ? [plainText(description, 2000)] : []),
        `HIPAA Security Rule sections: ${sections}.`,
        'Fix the resource where its template declares it (the result points at that line), or waive the finding in the ' +
            'compliance manifest with a reason, an owner and an expiry date.',
        ...(helpUri !== undefined ? [`More: ${helpUri}`] : [])
    ].join('\n\n');
    const markdown = [
        `**AWS Config rule ${(0,util_text/* codeSpan */.SS)(name)}**${info.identifier !== undefined ? ` (AWS managed rule ${(0,util_text/* codeSpan */.SS)(info.identifier)})` : ''}`,
        ...(description !== undefined ? [(0,util_text/* escapeMarkdown */.FV)(plainText(description, 2000))] : []),
        `HIPAA Security Rule sections: ${info.hipaaSections.length > 0 ? info.hipaaSections.map(util_text/* escapeMarkdown */.FV).join(', ') : '_none mapped_'}`,
        'Fix the resource where its template declares it (the result points at that line), or waive the finding in the ' +
            'compliance manifest with a reason, an owner and an expiry date.',
        ...(helpUri !== undefined ? [`[AWS Config documentation](${helpUri})`] : [])
    ].join('\n\n');
    const tags = ['security', 'hipaa', ...info.hipaaSections].slice(0, MAX_TAGS);
    const properties = {
        tags,
        'security-severity': severity.score,
        precision: 'very-high',
        'compliance-gate/category': severity.category
    };
    if (info.identifier !== undefined)
        properties['compliance-gate/identifier'] = info.identifier;
    const out = {
        id: name,
        shortDescription: { text: short !== '' ? short : `AWS Config rule ${name}${managed}` },
        fullDescription: {
            text: `${description !== undefined ? `${plainText(description, 2000)} ` : ''}AWS Config rule ${name}${managed}.`
        },
        help: { text, markdown },
        defaultConfiguration: { level: 'error' },
        properties
    };
    if (helpUri !== undefined)
        out.helpUri = helpUri;
    return out;
}
/**
 * The resource as a logical location: SARIF 2.1.0 §3.33 (logicalLocation; schema in reference/schemas): `name` the
 * resource id, `fullyQualifiedName` the account, region, type and id (the same id in two accounts is two
 * resources), `kind` 'resource' (one of the kinds §3.33.7 lists), and account and region in its property bag.
 */
function sarif_location(loc, f) {
    const out = {
        logicalLocations: [
            {
                name: f.resourceId,
                fullyQualifiedName: `${f.accountId}/${f.region}/${f.resourceType}/${f.resourceId}`,
                kind: 'resource',
                properties: { accountId: f.accountId, region: f.region }
            }
        ]
    };
    if (loc !== undefined) {
        out.physicalLocation = {
            artifactLocation: { uri: artifactUri(loc.file), uriBaseId: '%SRCROOT%' },
            region: { startLine: Math.max(1, Math.floor(loc.line)), startColumn: Math.max(1, Math.floor(loc.col)) }
        };
    }
    return out;
}
function message(f, ruleName, loc, multi) {
    const where = loc === undefined
        ? ''
        : loc.kind === 'property'
            ? ' (the property the rule checks)'
            : loc.kind === 'resource'
                ? ' (the resource in its template)'
                : ' (no template in the repository declares this resource; the line declares the rule)';
    const note = f.annotation !== undefined && f.annotation.trim() !== ''
        ? `: ${plainText(f.annotation, 1000).replace(/[.\s]+$/, '')}`
        : '';
    // With more than one account or region in the run, the message names them (code scanning shows the message).
    const at = multi ? ` in account ${plainText(f.accountId, 64)}, region ${plainText(f.region, 64)}` : '';
    return `${plainText(f.resourceType, 200)} ${plainText(f.resourceId, 1000)}${at} is non-compliant with ${ruleName}${note}.${where}`;
}
/** Account, region, resource type, then id. */
const byPlace = (a, b) => cmp(a.account, b.account) || cmp(a.region, b.region) || cmp(a.type, b.type) || cmp(a.id, b.id);
/**
 * Builds the SARIF log. Results are cut to maxResults by priority (counted before waived, more severe first,
 * then rule, type and id), and the cut is reported in run.properties and a tool execution notification.
 */
function buildSarif(input) {
    const { result, locations, includeSuppressed } = input;
    const max = Math.max(0, Math.floor(input.maxResults ?? DEFAULT_MAX_RESULTS));
    // One reporting descriptor per rule name; a multi-account result holds a rule once per account-region and every
    // one of those results is reported.
    const byName = new Map();
    for (const r of result.rules)
        if (!byName.has(r.ruleName))
            byName.set(r.ruleName, r);
    const places = new Set(result.rules.map(r => `${r.accountId}\u0000${r.region}`));
    const multi = places.size > 1 || (places.size === 1 && !places.has(`${result.accountId}\u0000${result.region}`));
    const metas = [...byName.values()]
        .sort((a, b) => cmp(a.ruleName, b.ruleName))
        .map(r => ruleMeta(r, input.rules.get(r.ruleName)));
    const ruleIndex = new Map(metas.map((m, i) => [m.name, i]));
    const candidates = [];
    let suppressedOmitted = 0;
    let unlocated = 0;
    for (const rule of result.rules) {
        const index = ruleIndex.get(rule.ruleName) ?? 0;
        const meta = metas[index];
        for (const f of rule.findings) {
            const waived = f.waiver !== undefined;
            if (waived && !includeSuppressed) {
                suppressedOmitted++;
                continue;
            }
            const fp = (0,source_map/* fingerprintOf */.ax)(f);
            const loc = locations.get(fp) ?? input.defaultLocation;
            if (loc === undefined)
                unlocated++;
            const props = {
                resourceType: f.resourceType,
                resourceId: f.resourceId,
                accountId: f.accountId,
                region: f.region
            };
            if (loc !== undefined)
                props.locationKind = loc.kind;
            if (f.recordedTime !== undefined)
                props.recordedTime = f.recordedTime;
            const r = {
                ruleId: rule.ruleName,
                ruleIndex: index,
                level: 'error',
                message: { text: message(f, rule.ruleName, loc, multi) },
                locations: [sarif_location(loc, f)],
                partialFingerprints: { [FINGERPRINT_KEY]: fp },
                properties: props
            };
            if (f.waiver !== undefined) {
                const suppression = {
                    kind: 'external',
                    status: 'accepted',
                    justification: f.waiver.reason,
                    properties: {
                        owner: f.waiver.owner,
                        expires: f.waiver.expires,
                        ...(f.waiver.source !== undefined ? { source: f.waiver.source } : {})
                    }
                };
                r.suppressions = [suppression];
            }
            candidates.push({
                result: r,
                waived,
                score: Number(meta?.severity.score ?? '0'),
                ruleIndex: index,
                account: f.accountId,
                region: f.region,
                type: f.resourceType,
                id: f.resourceId
            });
        }
    }
    const total = candidates.length;
    const kept = candidates
        .sort((a, b) => Number(a.waived) - Number(b.waived) || b.score - a.score || a.ruleIndex - b.ruleIndex || byPlace(a, b))
        .slice(0, max)
        .sort((a, b) => a.ruleIndex - b.ruleIndex || byPlace(a, b));
    const cut = total - kept.length;
    const notifications = [];
    if (cut > 0) {
        notifications.push({
            level: 'warning',
            descriptor: { id: 'results-cut' },
            message: {
                text: `${cut} of ${total} results were left out: GitHub code scanning accepts at most ${max} results per run. ` +
                    'Counted findings and the most severe rules were kept; the JSON report lists every finding.'
            }
        });
    }
    for (const rule of result.rules) {
        if (rule.status !== 'error' || rule.error === undefined)
            continue;
        const e = rule.error;
        notifications.push({
            level: 'error',
            descriptor: { id: 'rule-error' },
            associatedRule: { id: rule.ruleName, index: ruleIndex.get(rule.ruleName) ?? 0 },
            message: {
                text: `${rule.ruleName}${multi ? ` (account ${rule.accountId}, region ${rule.region})` : ''}: ${e.operation} failed: ${e.code}: ${plainText(e.message, 500)}${e.requestId !== undefined && e.requestId !== '' ? ` (request id ${e.requestId})` : ''}`
            }
        });
    }
    const driver = {
        name: TOOL_NAME,
        informationUri: TOOL_INFORMATION_URI,
        version: input.version,
        rules: metas.map(descriptor)
    };
    if (SEMVER.test(input.version))
        driver.semanticVersion = input.version;
    const run = {
        tool: { driver },
        invocations: [
            notifications.length > 0
                ? { executionSuccessful: true, toolExecutionNotifications: notifications }
                : { executionSuccessful: true }
        ],
        columnKind: 'utf16CodeUnits',
        results: kept.map(c => c.result),
        properties: {
            accountId: result.accountId,
            region: result.region,
            checkedAt: result.checkedAt,
            resultsTotal: total,
            resultsCut: cut,
            maxResults: max,
            suppressedOmitted,
            unlocatedResults: unlocated
        }
    };
    if (input.category !== undefined && input.category !== '') {
        run.automationDetails = { id: input.category.endsWith('/') ? input.category : `${input.category}/` };
    }
    return { log: { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] }, cut };
}
/** Thin writer: the log as one line of JSON at `file` (directory created, written atomically). */
async function writeSarif(file, log) {
    return (0,files/* writeJsonFile */.A)(file, log, 0);
}

;// CONCATENATED MODULE: ./src/report/publish.ts
/**
 * Publishing the findings: the SARIF file (code scanning) and one check run on the pull request's head (or pushed)
 * commit carrying every finding as an annotation. Thin edges around report/sarif.ts and report/annotations.ts.
 */










/** Writes the SARIF report (waived findings as suppressed results when asked); returns its path. */
async function writeSarifReport(result, review, desired, file, includeWaived, logger) {
    const declared = new Map((desired?.rules ?? []).map(r => [r.name, r]));
    const rules = new Map(result.rules.map(r => {
        const d = declared.get(r.ruleName);
        return [
            r.ruleName,
            {
                ...(d?.identifier ? { identifier: d.identifier } : {}),
                ...(d?.description ? { description: d.description } : {}),
                hipaaSections: r.hipaaSections ?? []
            }
        ];
    }));
    const { log, cut } = buildSarif({
        result,
        locations: review.locations,
        rules,
        includeSuppressed: includeWaived,
        version: version/* VERSION */.x
    });
    if (cut > 0)
        logger.warn(`The SARIF report left out ${cut} results to stay within code scanning's 25,000 per run.`);
    return writeSarif(file, log);
}
/** One check run on the PR head (or pushed) commit with every finding; a read-only token degrades to report-only. */
async function publishChecks(result, gate, review, summaryMarkdown, options, logger) {
    const context = review.context;
    if (!context || options.checks === 'off' || !options.githubToken) {
        if (options.checks !== 'off' && !options.githubToken)
            logger.info('No github-token: findings are reported as workflow annotations.');
        return { published: false };
    }
    const decision = checksMode(options.checks, context);
    if (!decision.use) {
        logger.info(decision.reason);
        return { published: false };
    }
    const annotations = (0,report_annotations/* findingAnnotations */.AV)(result, gate, review.locations, {
        changedFiles: review.changedFiles,
        ruleLocation: review.locateRule
    });
    const octokit = (0,client/* createGitHubClient */.LX)({ token: options.githubToken, env: options.env, logger });
    // Annotations without a line of their own go to the manifest, else to the workflow that ran the action.
    const fallbackPath = (0,external_node_fs_.existsSync)(options.config)
        ? (0,phase/* repoPath */.q)(options.config, options.workspace)
        : ((0,run_context/* workflowFileFromEnv */.pm)(options.env) ?? (0,phase/* repoPath */.q)(options.config, options.workspace));
    const run = await publishCheckRun(octokit, {
        owner: context.owner,
        repo: context.repo,
        headSha: context.headSha,
        name: 'compliance-gate',
        title: gate.reason,
        summary: summaryMarkdown,
        conclusion: gate.result === 'fail' ? 'failure' : 'success',
        annotations,
        fallbackPath,
        workspace: options.workspace
    });
    if (run.denied) {
        logger.info(`The token cannot create check runs (${run.reason}): findings are reported in the job summary and workflow annotations only.`);
        return { published: false };
    }
    logger.info(`Check run with ${annotations.length} annotation(s) in ${run.requests} request(s): ${run.url}`);
    return { published: true, url: run.url };
}
/**
 * SARIF, then the check run; without a check run (cancelled, no token, checks off, a token that may not write
 * checks) the findings go out as workflow annotations instead.
 */
async function publishFindings(result, gate, review, desired, summaryMarkdown, options, logger, sink = core) {
    const sarifFile = await writeSarifReport(result, review, desired, options.sarifFile, options.sarifIncludeWaived, logger);
    const check = options.cancelled === undefined
        ? await publishChecks(result, gate, review, summaryMarkdown, options.checkRun, logger)
        : { published: false, url: undefined };
    if (!check.published)
        (0,run_report/* emitWorkflowAnnotations */.P)(result, gate, review.locateRule, sink);
    return { sarifFile, checkRunUrl: check.url };
}


/***/ })

};

//# sourceMappingURL=288.index.js.map