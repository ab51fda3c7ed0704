export const id = 268;
export const ids = [268];
export const modules = {

/***/ 268:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkCompliance: () => (/* reexport */ checkCompliance),
  hipaaSectionsFor: () => (/* reexport */ hipaaSectionsFor),
  knownFingerprints: () => (/* reexport */ knownFingerprints),
  markProposedWaivers: () => (/* reexport */ waivers/* markProposedWaivers */.Lu),
  mergePreDeploy: () => (/* reexport */ mergePreDeploy),
  outputsOf: () => (/* reexport */ outputsOf),
  prepareReview: () => (/* reexport */ prepareReview),
  publishFindings: () => (/* reexport */ publishFindings),
  readRemediationConfigurations: () => (/* reexport */ readRemediationConfigurations),
  remediationsInAccount: () => (/* reexport */ remediationsInAccount),
  runDeploy: () => (/* reexport */ runDeploy),
  runPreDeploy: () => (/* reexport */ runPreDeploy),
  runRemediation: () => (/* reexport */ runRemediation),
  runSections: () => (/* reexport */ runSections),
  waiversForRun: () => (/* reexport */ waiversForRun),
  writeReports: () => (/* reexport */ writeReports)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-config-service/dist-cjs/index.js
var dist_cjs = __webpack_require__(7101);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ssm/dist-cjs/index.js
var client_ssm_dist_cjs = __webpack_require__(4736);
// EXTERNAL MODULE: ./src/aws/clients.ts
var aws_clients = __webpack_require__(201);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/util/concurrency.ts
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

;// CONCATENATED MODULE: ./src/desired/model.ts
/** Every object the action creates carries this tag, so prune and destroy only ever touch its own objects. */
const MANAGED_TAG = { Key: 'managed-by', Value: 'compliance-gate' };

;// CONCATENATED MODULE: ./src/deploy/wait.ts
/**
 * Bounded waits of deploy, on the injected Clock: AWS finishes some changes asynchronously. A new or updated SSM
 * document is Creating/Updating until processed (SSM API Reference, DocumentDescription.Status:
 * https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_DocumentDescription.html); a deleted Config rule
 * is DELETING for a while, and Config answers PutConfigRule/DeleteConfigRule with ResourceInUseException meanwhile
 * (AWS Config API Reference, ConfigRule.ConfigRuleState and PutConfigRule Errors:
 * https://docs.aws.amazon.com/config/latest/APIReference/API_ConfigRule.html).
 */

/** How long deploy waits for one asynchronous change before it gives up (fails closed). */
const DEPLOY_WAIT_MS = 120_000;
const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 10_000;
/** A clock that does not advance must not make a wait endless. */
const MAX_POLLS = 200;
const seconds = (ms) => `${Math.round(ms / 100) / 10}s`;
/**
 * Calls poll until it is done, sleeping 1 s, 2 s, 4 s ... (at most 10 s) on the clock between calls, and logging
 * "<waiting>; retrying in Ns" before each sleep. Past the bound (or when cancelled) throws an AwsCallError of
 * `operation` with code WaitTimeout, naming `what`: an unfinished change is never taken as done.
 */
async function pollUntil(operation, what, poll, deps) {
    const timeoutMs = deps.timeoutMs ?? DEPLOY_WAIT_MS;
    const started = deps.clock.now().getTime();
    let delay = FIRST_DELAY_MS;
    for (let polls = 1;; polls++) {
        const r = await poll();
        if (r.done)
            return r.value;
        const elapsed = deps.clock.now().getTime() - started;
        if (elapsed + delay > timeoutMs || polls >= MAX_POLLS || deps.signal?.aborted) {
            const why = deps.signal?.aborted ? 'the run was cancelled' : `gave up after ${seconds(elapsed)}`;
            throw new src_errors/* AwsCallError */.iQ(operation, 'WaitTimeout', undefined, `${what}: ${r.waiting}; ${why} (deploy waits at most ${seconds(timeoutMs)}).`);
        }
        deps.logger.info(`${r.waiting}; retrying in ${seconds(delay)}.`);
        await deps.clock.sleep(delay, deps.signal);
        delay = Math.min(delay * 2, MAX_DELAY_MS);
    }
}

;// CONCATENATED MODULE: ./src/deploy/apply.ts
/**
 * Carries out a plan. Creations and updates: runbooks, then rules, then remediation configurations (they refer to
 * both). Deletions: remediation configurations, then rules, then runbooks. Unchanged objects get no call at all.
 * The first failing call stops the apply; what was done until then is returned with the error.
 * AWS finishes some changes later (wait.ts): a runbook is used only once Active, a rule Config is still deleting is
 * retried, and deleted rules are waited for until gone; every wait is bounded and logged.
 */







/** AWS accepts at most 25 remediation configurations per PutRemediationConfigurations call. */
const REMEDIATIONS_PER_CALL = 25;
function toConfigRule(r) {
    const rule = {
        ConfigRuleName: r.name,
        Source: { Owner: r.owner, SourceIdentifier: r.identifier }
    };
    if (Object.keys(r.inputParameters).length > 0)
        rule.InputParameters = JSON.stringify(r.inputParameters);
    if (r.scope) {
        rule.Scope = {};
        if (r.scope.complianceResourceTypes)
            rule.Scope.ComplianceResourceTypes = r.scope.complianceResourceTypes;
        if (r.scope.tagKey)
            rule.Scope.TagKey = r.scope.tagKey;
        if (r.scope.tagValue)
            rule.Scope.TagValue = r.scope.tagValue;
        if (r.scope.complianceResourceId)
            rule.Scope.ComplianceResourceId = r.scope.complianceResourceId;
    }
    if (r.maximumExecutionFrequency) {
        rule.MaximumExecutionFrequency = r.maximumExecutionFrequency;
    }
    if (r.description)
        rule.Description = r.description;
    if (r.evaluationModes)
        rule.EvaluationModes = r.evaluationModes.map(m => ({ Mode: m }));
    return rule;
}
function toRemediationConfiguration(r) {
    const c = {
        ConfigRuleName: r.ruleName,
        TargetType: 'SSM_DOCUMENT',
        TargetId: r.targetId,
        Parameters: r.parameters,
        Automatic: r.automatic
    };
    if (r.maximumAutomaticAttempts !== undefined)
        c.MaximumAutomaticAttempts = r.maximumAutomaticAttempts;
    if (r.retryAttemptSeconds !== undefined)
        c.RetryAttemptSeconds = r.retryAttemptSeconds;
    if (r.concurrencyPercent !== undefined || r.errorPercent !== undefined) {
        const ssm = {};
        if (r.concurrencyPercent !== undefined)
            ssm.ConcurrentExecutionRatePercentage = r.concurrencyPercent;
        if (r.errorPercent !== undefined)
            ssm.ErrorPercentage = r.errorPercent;
        c.ExecutionControls = { SsmControls: ssm };
    }
    if (r.targetVersion)
        c.TargetVersion = r.targetVersion;
    if (r.resourceType)
        c.ResourceType = r.resourceType;
    return c;
}
/** The version of a document whose content has this hash (newest first). */
async function versionWithHash(ssm, name, hash) {
    const versions = [];
    for await (const page of (0,client_ssm_dist_cjs.paginateListDocumentVersions)({ client: ssm }, { Name: name })) {
        for (const v of page.DocumentVersions ?? [])
            if (v.DocumentVersion)
                versions.push(v.DocumentVersion);
    }
    versions.sort((a, b) => Number(b) - Number(a));
    for (const version of versions) {
        const out = await ssm.send(new client_ssm_dist_cjs.DescribeDocumentCommand({ Name: name, DocumentVersion: version }));
        if (out.Document?.Hash === hash)
            return version;
    }
    throw new src_errors/* AwsCallError */.iQ('ssm:UpdateDocument', 'DuplicateDocumentContent', undefined, `${name}: SSM says a version already has this content, but none of its ${versions.length} versions has hash ${hash}`);
}
/**
 * Waits until a document version is Active (SSM API Reference, DocumentDescription.Status: Creating | Updating until
 * processed, Failed with StatusInformation: https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_DocumentDescription.html).
 * Failed is an error naming the runbook and AWS's StatusInformation.
 */
async function waitActive(ssm, name, version, deps) {
    await pollUntil('ssm:DescribeDocument', `runbook ${name}`, async () => {
        const out = await ssm.send(new client_ssm_dist_cjs.DescribeDocumentCommand({ Name: name, ...(version !== undefined ? { DocumentVersion: version } : {}) }));
        const status = out.Document?.Status;
        if (status === 'Active')
            return { done: true, value: undefined };
        if (status === 'Failed') {
            throw new src_errors/* AwsCallError */.iQ('ssm:DescribeDocument', 'DocumentFailed', out.$metadata.requestId, `runbook ${name} version ${out.Document?.DocumentVersion ?? version ?? '?'} is Failed: ${out.Document?.StatusInformation ?? 'AWS gave no StatusInformation'}`);
        }
        return { done: false, waiting: `runbook ${name} is ${status ?? 'in no status'}, waiting until it is Active` };
    }, deps);
}
async function putDocument(ssm, d, create, deps) {
    if (create) {
        const out = await ssm.send(new client_ssm_dist_cjs.CreateDocumentCommand({
            Name: d.name,
            Content: d.content,
            DocumentType: 'Automation',
            DocumentFormat: d.format,
            Tags: [{ ...MANAGED_TAG }]
        }));
        await waitActive(ssm, d.name, out.DocumentDescription?.DocumentVersion, deps);
        return;
    }
    let version;
    try {
        const out = await ssm.send(new client_ssm_dist_cjs.UpdateDocumentCommand({
            Name: d.name,
            Content: d.content,
            DocumentVersion: '$LATEST',
            DocumentFormat: d.format
        }));
        version = out.DocumentDescription?.DocumentVersion;
    }
    catch (err) {
        // A version with this content exists already (e.g. the manifest reverted a change): make it the default.
        if ((0,aws_clients/* awsErrorCode */.J6)(err) !== 'DuplicateDocumentContent')
            throw err;
        version = await versionWithHash(ssm, d.name, d.hash);
        deps.logger.info(`${d.name}: version ${version} already has this content; making it the default.`);
    }
    // The new version becomes the default only once it is Active.
    await waitActive(ssm, d.name, version, deps);
    await ssm.send(new client_ssm_dist_cjs.UpdateDocumentDefaultVersionCommand({ Name: d.name, DocumentVersion: version }));
}
/**
 * Config answers ResourceInUseException while it is deleting the rule (AWS Config API Reference, PutConfigRule
 * Errors: https://docs.aws.amazon.com/config/latest/APIReference/API_PutConfigRule.html); retried, bounded.
 */
const RULE_DELETING = /Config is deleting this rule/;
async function retryWhileDeleting(operation, rule, call, deps) {
    return pollUntil(operation, `rule ${rule}`, async () => {
        try {
            return { done: true, value: await call() };
        }
        catch (err) {
            if ((0,aws_clients/* awsErrorCode */.J6)(err) !== 'ResourceInUseException' || !RULE_DELETING.test(err.message))
                throw err;
            return { done: false, waiting: `rule ${rule} is being deleted by AWS Config` };
        }
    }, deps);
}
/** Waits until a deleted rule is gone: DescribeConfigRules answers NoSuchConfigRuleException for it. */
async function waitRuleGone(config, rule, deps) {
    await pollUntil('config:DescribeConfigRules', `rule ${rule}`, async () => {
        try {
            const out = await config.send(new dist_cjs.DescribeConfigRulesCommand({ ConfigRuleNames: [rule] }));
            if ((out.ConfigRules ?? []).length === 0)
                return { done: true, value: undefined };
            const state = out.ConfigRules?.[0]?.ConfigRuleState ?? 'in no state';
            return { done: false, waiting: `rule ${rule} is ${state}, waiting until AWS Config has deleted it` };
        }
        catch (err) {
            if ((0,aws_clients/* awsErrorCode */.J6)(err) === 'NoSuchConfigRuleException')
                return { done: true, value: undefined };
            throw err;
        }
    }, deps);
}
async function applyPlan(clients, plan, desired, deps) {
    const { config, ssm } = clients;
    const { logger } = deps;
    const done = [];
    const docs = new Map(desired.documents.map(d => [d.name, d]));
    const rules = new Map(desired.rules.map(r => [r.name, r]));
    const remediations = new Map(desired.remediations.map(r => [r.ruleName, r]));
    const pending = (object, actions) => plan.items.filter(i => i.object === object && actions.includes(i.action));
    try {
        for (const item of pending('runbook', ['create', 'update'])) {
            await putDocument(ssm, docs.get(item.name), item.action === 'create', deps);
            logger.info(`${item.action === 'create' ? 'Created' : 'Updated'} runbook ${item.name}.`);
            done.push(item);
        }
        for (const item of pending('rule', ['create', 'update'])) {
            const put = new dist_cjs.PutConfigRuleCommand({
                ConfigRule: toConfigRule(rules.get(item.name)),
                Tags: [{ ...MANAGED_TAG }]
            });
            await retryWhileDeleting('config:PutConfigRule', item.name, () => config.send(put), deps);
            logger.info(`${item.action === 'create' ? 'Created' : 'Updated'} rule ${item.name}.`);
            done.push(item);
        }
        for (const batch of chunk(pending('remediation', ['create', 'update']), REMEDIATIONS_PER_CALL)) {
            const out = await config.send(new dist_cjs.PutRemediationConfigurationsCommand({
                RemediationConfigurations: batch.map(i => toRemediationConfiguration(remediations.get(i.name)))
            }));
            const failed = out.FailedBatches ?? [];
            if (failed.length > 0) {
                const names = failed.flatMap(f => (f.FailedItems ?? []).map(c => c.ConfigRuleName ?? '?'));
                const ok = batch.filter(i => !names.includes(i.name));
                done.push(...ok);
                throw new src_errors/* AwsCallError */.iQ('config:PutRemediationConfigurations', 'FailedBatches', out.$metadata.requestId, `${names.length} remediation configuration(s) were not saved (${names.join(', ')}): ${failed.map(f => f.FailureMessage ?? 'no message').join('; ')}`);
            }
            for (const i of batch)
                logger.info(`${i.action === 'create' ? 'Created' : 'Updated'} remediation for ${i.name}.`);
            done.push(...batch);
        }
        for (const item of pending('remediation', ['delete'])) {
            await config.send(new dist_cjs.DeleteRemediationConfigurationCommand({ ConfigRuleName: item.name }));
            logger.info(`Deleted remediation for ${item.name}.`);
            done.push(item);
        }
        const deletedRules = pending('rule', ['delete']);
        for (const item of deletedRules) {
            await config.send(new dist_cjs.DeleteConfigRuleCommand({ ConfigRuleName: item.name }));
            logger.info(`Deleted rule ${item.name}.`);
            done.push(item);
        }
        // AWS Config keeps a deleted rule DELETING for a while (ConfigRule.ConfigRuleState); deploy ends when it is gone.
        for (const item of deletedRules)
            await waitRuleGone(config, item.name, deps);
        for (const item of pending('runbook', ['delete'])) {
            await ssm.send(new client_ssm_dist_cjs.DeleteDocumentCommand({ Name: item.name }));
            logger.info(`Deleted runbook ${item.name}.`);
            done.push(item);
        }
    }
    catch (err) {
        if (err instanceof src_errors/* AwsCallError */.iQ)
            return { done, error: err };
        throw err;
    }
    return { done };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/conformance/hipaa-sections.ts
/**
 * HIPAA Security Rule section ids (45 CFR Part 164 Subpart C), e.g. 164.312(a)(2)(iv): normalising, checking and
 * ordering them the way the regulation numbers its paragraphs.
 */
const ROMAN = (/* unused pure expression or super */ null && (['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii']));
/**
 * 164.3xx, then paragraph levels in order: (a) lower-case letter, (1) number, (ii) roman numeral, (A) capital
 * letter. A level may be present only when the one before it is.
 */
const SECTION_ID = /^164\.3(?:0[2-9]|1[0-8])(?:\([a-z]\)(?:\(\d{1,2}\)(?:\((?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)\)(?:\([A-Z]\))?)?)?)?$/;
/** Whether a string is a well-formed section id (normalised form). */
function isSectionId(id) {
    return SECTION_ID.test(id);
}
/**
 * Normalises a section id as written in public mappings: drops whitespace, a leading "§", and unbalanced closing
 * parentheses (e.g. the stray one in "164.312(e)(2)(ii))"). Returns undefined when the result is not well formed.
 */
function normaliseSectionId(raw) {
    let id = raw.replace(/\s+/g, '').replace(/^§/, '');
    const count = (ch) => id.split(ch).length - 1;
    while (id.endsWith(')') && count(')') > count('('))
        id = id.slice(0, -1);
    return isSectionId(id) ? id : undefined;
}
function sortKey(id) {
    const match = /^164\.(\d+)(.*)$/.exec(id);
    if (match === null)
        return [Number.MAX_SAFE_INTEGER];
    const key = [Number(match[1])];
    for (const part of (match[2] ?? '').matchAll(/\(([^)]+)\)/g)) {
        const p = part[1] ?? '';
        const roman = ROMAN.indexOf(p);
        if (/^\d+$/.test(p))
            key.push(Number(p));
        else if (roman >= 0 && key.length === 3)
            key.push(roman + 1);
        else
            key.push(p.charCodeAt(0));
    }
    return key;
}
/** Orders section ids as the regulation does: 164.308(a)(1) < 164.308(a)(1)(ii)(A) < 164.308(a)(3)(i) < 164.312. */
function compareSectionIds(a, b) {
    const ka = sortKey(a);
    const kb = sortKey(b);
    for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
        const x = ka[i];
        const y = kb[i];
        if (x === undefined)
            return -1;
        if (y === undefined)
            return 1;
        if (x !== y)
            return x - y;
    }
    return 0;
}
/** Sorted, de-duplicated copy. */
function sortSections(ids) {
    return [...new Set(ids)].sort(compareSectionIds);
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/source/tree.ts
/**
 * The one YAML-with-positions tree: every reader of a user file (manifest, conformance packs, CloudFormation
 * templates, runbooks) turns the `yaml` library's document (source/yaml.ts) into this small tree, where every node
 * and every map key keeps its SourcePosition, and finds positions with `positionOf(path)`.
 *
 * The conversion is one pass over the document (linear: a 10 MB pack parses in seconds, bench pack-parse).
 * Dialects (CloudFormation's short-form tags: source/cloudformation.ts) plug in through `convertTag`.
 */

/** The position of an offset in a parsed text, with the file name. */
function positionAt(parsed, file, offset) {
    const { line, col } = parsed.position(offset);
    return { file, line, col };
}
/**
 * The tree of a parsed document (syntax errors are the caller's to report first: source/yaml.ts returns them).
 * Problems of the conversion (keys that are not strings, aliases when refused, unsupported values) go to the sink.
 * Undefined for an empty document.
 */
function toTree(parsed, file, sink, options = {}) {
    const contents = parsed.doc.contents;
    if (contents === null)
        return undefined;
    const cx = { doc: parsed.doc, at: offset => positionAt(parsed, file, offset), sink, options };
    return convert(contents, cx, undefined);
}
function convert(node, cx, aliasPos) {
    const pos = aliasPos ?? cx.at(node.range?.[0] ?? 0);
    const inner = convertUntagged(node, pos, cx, aliasPos);
    const tag = node.tag;
    if (cx.options.convertTag && tag?.startsWith('!') && !tag.startsWith('!!')) {
        return cx.options.convertTag(tag.slice(1), inner, pos);
    }
    return inner;
}
const emptyScalar = (pos) => ({ kind: 'scalar', value: null, text: '', pos });
function convertUntagged(node, pos, cx, aliasPos) {
    if ((0,dist/* isAlias */.Vj)(node)) {
        if (cx.options.refuseAliases !== undefined)
            cx.sink.add(pos, cx.options.refuseAliases);
        else if (aliasPos === undefined) {
            const target = node.resolve(cx.doc);
            if (target)
                return convert(target, cx, pos);
        }
        // Kept as its text so the problem is reported once, not again by whatever expected a value here.
        return { kind: 'scalar', value: `*${node.source}`, text: `*${node.source}`, pos };
    }
    if ((0,dist/* isScalar */.jn)(node)) {
        const scalar = convertScalar(node, pos, cx);
        if (cx.options.keepRanges && aliasPos === undefined && node.range) {
            scalar.range = [node.range[0], node.range[1]];
        }
        return scalar;
    }
    if ((0,dist/* isSeq */.oP)(node)) {
        return { kind: 'seq', pos, items: node.items.map(item => convertItem(item, pos, cx, aliasPos)) };
    }
    if ((0,dist/* isMap */.jh)(node)) {
        const entries = [];
        for (const pair of node.items) {
            if (!(0,dist/* isPair */.tO)(pair))
                continue;
            const keyNode = pair.key;
            const keyPos = aliasPos ?? (keyNode?.range ? cx.at(keyNode.range[0]) : pos);
            const key = keyText(keyNode);
            if (key === undefined) {
                cx.sink.add(keyPos, 'map keys must be plain strings');
                continue;
            }
            const valueNode = pair.value;
            let value = valueNode === null ? emptyScalar(keyPos) : convert(valueNode, cx, aliasPos);
            // "Key:" with nothing after it: point at the key rather than at the end of the line.
            if (nothingWritten(valueNode) && value.pos !== keyPos)
                value = { ...value, pos: keyPos };
            entries.push({ key, keyPos, value });
        }
        return { kind: 'map', pos, entries };
    }
    cx.sink.add(pos, 'unsupported YAML node');
    return emptyScalar(pos);
}
function convertScalar(node, pos, cx) {
    const v = node.value;
    if (v === null || v === undefined)
        return emptyScalar(pos);
    if (typeof v === 'string' || typeof v === 'boolean') {
        return { kind: 'scalar', value: v, text: typeof v === 'string' ? v : String(v), pos };
    }
    if (typeof v === 'number' || typeof v === 'bigint') {
        const text = node.source !== undefined && /^[-+]?[0-9.]/.test(node.source) ? node.source : String(v);
        return { kind: 'scalar', value: Number(v), text, pos };
    }
    if (v instanceof Date && node.source !== undefined) {
        // YAML 1.1 timestamps (e.g. an unquoted AWSTemplateFormatVersion: 2010-09-09) stay as written.
        return { kind: 'scalar', value: node.source, text: node.source, pos };
    }
    cx.sink.add(pos, `unsupported scalar value (${typeof v}); write it as a string`);
    return emptyScalar(pos);
}
function convertItem(item, pos, cx, aliasPos) {
    if (item === null || item === undefined)
        return emptyScalar(pos);
    if ((0,dist/* isPair */.tO)(item)) {
        // "- key: value" inside a flow sequence parses as a pair: treat it as a one-entry map
        const keyNode = item.key;
        const keyPos = aliasPos ?? (keyNode.range ? cx.at(keyNode.range[0]) : pos);
        const value = item.value === null ? emptyScalar(keyPos) : convert(item.value, cx, aliasPos);
        return { kind: 'map', pos: keyPos, entries: [{ key: keyText(keyNode) ?? '', keyPos, value }] };
    }
    return convert(item, cx, aliasPos);
}
/** An empty value (`Key:` and the end of the line), as opposed to a written `null` or `~`. */
function nothingWritten(node) {
    return (0,dist/* isScalar */.jn)(node) && node.value === null && node.range !== undefined && node.range?.[0] === node.range?.[1];
}
function keyText(node) {
    if (!(0,dist/* isScalar */.jn)(node))
        return undefined;
    const v = node.value;
    if (typeof v === 'string')
        return v;
    if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint')
        return node.source ?? String(v);
    return undefined;
}
/** Looks up a map entry by key. */
function entry(map, key) {
    return map.entries.find(e => e.key === key);
}
/**
 * The position of the node at `path` (of its key with `which: 'key'`, when it is a map entry's value). When the
 * path does not exist, the position of its nearest existing ancestor, so that "missing X" errors point at the
 * enclosing map.
 */
function positionOf(root, path, which = 'value') {
    let node = root;
    for (let i = 0; i < path.length; i++) {
        const segment = path[i];
        let next;
        let keyPos;
        if (node.kind === 'map') {
            const found = entry(node, String(segment));
            next = found?.value;
            keyPos = found?.keyPos;
        }
        else if (node.kind === 'seq' && typeof segment === 'number') {
            next = node.items[segment];
        }
        if (next === undefined)
            return node.pos;
        if (i === path.length - 1 && which === 'key' && keyPos)
            return keyPos;
        node = next;
    }
    return node.pos;
}
/** The node at `path`, if there is one. */
function nodeAt(root, path) {
    let node = root;
    for (const segment of path) {
        if (node?.kind === 'map')
            node = entry(node, String(segment))?.value;
        else if (node?.kind === 'seq' && typeof segment === 'number')
            node = node.items[segment];
        else
            return undefined;
    }
    return node;
}
/** A short description of a node's kind, for messages. */
function describe(node) {
    if (node.kind === 'scalar')
        return node.value === null ? 'an empty value' : `the ${typeof node.value} ${JSON.stringify(node.text)}`;
    return node.kind === 'seq' ? 'a list' : 'a map';
}

;// CONCATENATED MODULE: ./src/conformance/intrinsics.ts

/** The value of Ref: AWS::NoValue (the enclosing key or list item is removed). */
const NO_VALUE = Symbol('AWS::NoValue');
/** An error was already reported for this node; callers stop without adding another message. */
const FAILED = Symbol('failed');
const CONDITION_FUNCTIONS = new Set(['Fn::Equals', 'Fn::Not', 'Fn::And', 'Fn::Or']);
const VALUE_FUNCTIONS = new Set([
    'Fn::If',
    'Fn::Sub',
    'Fn::Join',
    'Fn::Select',
    'Fn::Split',
    'Fn::FindInMap',
    'Fn::Base64'
]);
/** Known to CloudFormation, but with no value a conformance pack can know before it is deployed. */
const UNRESOLVABLE = {
    'Fn::GetAtt': 'resource attributes exist only once the pack is deployed; use the rule name (Ref) instead',
    'Fn::ImportValue': 'a conformance pack cannot read the exports of other stacks',
    'Fn::GetAZs': 'the availability zones of the account are not known to the pack',
    'Fn::Cidr': 'it is not supported in conformance pack templates',
    'Fn::Transform': 'macros (transforms) are not supported in conformance pack templates',
    'Fn::Length': 'it needs the AWS::LanguageExtensions transform, which conformance packs do not run',
    'Fn::ToJsonString': 'it needs the AWS::LanguageExtensions transform, which conformance packs do not run',
    'Fn::ForEach': 'it needs the AWS::LanguageExtensions transform, which conformance packs do not run'
};
function scalarString(node) {
    if (node.value === null)
        return undefined;
    if (typeof node.value === 'string')
        return node.value;
    if (typeof node.value === 'number')
        return node.text;
    return node.value ? 'true' : 'false';
}
function str(value, pos) {
    return { kind: 'scalar', value, text: value, pos };
}
function list(values, pos) {
    return { kind: 'seq', pos, items: values.map(v => str(v, pos)) };
}
/** The intrinsic function a map stands for, if any (a map whose only key is Ref, Condition or Fn::*). */
function intrinsicName(node, mode) {
    if (node.kind !== 'map')
        return undefined;
    const fn = node.entries.find(e => e.key === 'Ref' || e.key.startsWith('Fn::') || (mode === 'condition' && e.key === 'Condition'));
    return fn?.key;
}
function partitionFor(region) {
    if (region.startsWith('cn-'))
        return 'aws-cn';
    if (region.startsWith('us-gov-'))
        return 'aws-us-gov';
    if (region.startsWith('us-iso-'))
        return 'aws-iso';
    if (region.startsWith('us-isob-'))
        return 'aws-iso-b';
    return 'aws';
}
class Evaluator {
    env;
    conditionValues = new Map();
    evaluating = new Set();
    constructor(env) {
        this.env = env;
    }
    fail(pos, detail) {
        this.env.sink.add(pos, detail);
        return FAILED;
    }
    /** Resolves every intrinsic function in a property value. */
    resolve(node, mode = 'value') {
        const fn = intrinsicName(node, mode);
        if (fn !== undefined && node.kind === 'map') {
            if (node.entries.length !== 1) {
                return this.fail(node.pos, `${fn} must be the only key of its map (found ${node.entries.map(e => e.key).join(', ')})`);
            }
            return this.call(fn, node.entries[0].value, node.pos, mode);
        }
        if (node.kind === 'scalar')
            return node;
        if (node.kind === 'seq') {
            const items = [];
            let failed = false;
            for (const item of node.items) {
                const r = this.resolve(item, mode);
                if (r === FAILED)
                    failed = true;
                else if (r !== NO_VALUE)
                    items.push(r);
            }
            return failed ? FAILED : { kind: 'seq', pos: node.pos, items };
        }
        const entries = [];
        let failed = false;
        for (const e of node.entries) {
            const r = this.resolve(e.value, mode);
            if (r === FAILED)
                failed = true;
            else if (r !== NO_VALUE)
                entries.push({ key: e.key, keyPos: e.keyPos, value: r });
        }
        return failed ? FAILED : { kind: 'map', pos: node.pos, entries };
    }
    /** The value of a named condition (memoised; cycles are errors). */
    condition(name, pos) {
        const known = this.conditionValues.get(name);
        if (known !== undefined)
            return known;
        const def = this.env.conditions.get(name);
        if (def === undefined) {
            const names = [...this.env.conditions.keys()];
            return this.fail(pos, `unknown condition ${JSON.stringify(name)}` +
                (names.length > 0
                    ? ` (conditions in this template: ${names.join(', ')})`
                    : ' (the template has no Conditions)'));
        }
        if (this.evaluating.has(name)) {
            return this.fail(pos, `condition ${JSON.stringify(name)} refers to itself (cycle: ${[...this.evaluating, name].join(' -> ')})`);
        }
        this.evaluating.add(name);
        const value = this.conditionExpr(def.value);
        this.evaluating.delete(name);
        this.conditionValues.set(name, value);
        return value;
    }
    /** Evaluates a condition body: Fn::Equals, Fn::Not, Fn::And, Fn::Or or { Condition: name }. */
    conditionExpr(node) {
        const fn = intrinsicName(node, 'condition');
        if (node.kind !== 'map' || fn === undefined || (!CONDITION_FUNCTIONS.has(fn) && fn !== 'Condition')) {
            return this.fail(node.pos, `a condition must be Fn::Equals, Fn::Not, Fn::And, Fn::Or or a Condition reference, found ${fn ?? describe(node)}`);
        }
        if (node.entries.length !== 1) {
            return this.fail(node.pos, `${fn} must be the only key of its map (found ${node.entries.map(e => e.key).join(', ')})`);
        }
        const arg = node.entries[0].value;
        if (fn === 'Condition') {
            const name = this.literalName(arg, 'Condition');
            return name === FAILED ? FAILED : this.condition(name, arg.pos);
        }
        if (arg.kind !== 'seq')
            return this.fail(arg.pos, `${fn} takes a list, found ${describe(arg)}`);
        if (fn === 'Fn::Equals') {
            if (arg.items.length !== 2)
                return this.fail(arg.pos, `Fn::Equals takes 2 values, found ${arg.items.length}`);
            const a = this.resolve(arg.items[0], 'condition');
            const b = this.resolve(arg.items[1], 'condition');
            if (a === FAILED || b === FAILED)
                return FAILED;
            if (a === NO_VALUE || b === NO_VALUE)
                return this.fail(arg.pos, 'Fn::Equals cannot compare AWS::NoValue');
            return canonical(a) === canonical(b);
        }
        if (fn === 'Fn::Not') {
            if (arg.items.length !== 1)
                return this.fail(arg.pos, `Fn::Not takes 1 condition, found ${arg.items.length}`);
            const v = this.conditionExpr(arg.items[0]);
            return v === FAILED ? FAILED : !v;
        }
        if (arg.items.length < 2 || arg.items.length > 10) {
            return this.fail(arg.pos, `${fn} takes 2 to 10 conditions, found ${arg.items.length}`);
        }
        const values = arg.items.map(item => this.conditionExpr(item));
        if (values.includes(FAILED))
            return FAILED;
        return fn === 'Fn::And' ? values.every(v => v === true) : values.some(v => v === true);
    }
    literalName(node, what) {
        if (node.kind === 'scalar' && typeof node.value === 'string' && node.value !== '')
            return node.value;
        return this.fail(node.pos, `${what} takes a name written as a plain string, found ${describe(node)}`);
    }
    call(fn, arg, pos, mode) {
        if (fn === 'Ref')
            return this.ref(arg, pos, mode);
        if (CONDITION_FUNCTIONS.has(fn)) {
            return this.fail(pos, `${fn} is a condition function: use it in the Conditions section and refer to it with Fn::If`);
        }
        const why = UNRESOLVABLE[fn];
        if (why !== undefined)
            return this.fail(pos, `${fn} cannot be resolved in a conformance pack: ${why}`);
        if (!VALUE_FUNCTIONS.has(fn)) {
            return this.fail(pos, `unknown intrinsic function ${fn} (supported: Ref, ${[...VALUE_FUNCTIONS].join(', ')}, and in Conditions ${[
                ...CONDITION_FUNCTIONS
            ].join(', ')})`);
        }
        if (fn === 'Fn::If') {
            if (mode === 'condition')
                return this.fail(pos, 'Fn::If cannot be used inside a condition');
            return this.fnIf(arg, pos);
        }
        if (fn === 'Fn::Sub')
            return this.fnSub(arg, pos, mode);
        if (fn === 'Fn::FindInMap')
            return this.fnFindInMap(arg, pos, mode);
        const resolved = this.resolve(arg, mode);
        if (resolved === FAILED)
            return FAILED;
        if (resolved === NO_VALUE)
            return this.fail(pos, `${fn} cannot take AWS::NoValue`);
        switch (fn) {
            case 'Fn::Join':
                return this.fnJoin(resolved, pos);
            case 'Fn::Select':
                return this.fnSelect(resolved, pos);
            case 'Fn::Split':
                return this.fnSplit(resolved, pos);
            default:
                return this.fnBase64(resolved, pos);
        }
    }
    ref(arg, pos, mode) {
        const name = this.literalName(arg, 'Ref');
        if (name === FAILED)
            return FAILED;
        if (name.startsWith('AWS::'))
            return this.pseudo(name, pos, mode);
        const param = this.env.parameters.get(name);
        if (param !== undefined)
            return typeof param.value === 'string' ? str(param.value, pos) : list(param.value, pos);
        if (this.env.failedParameters.has(name))
            return FAILED;
        if (mode === 'condition') {
            return this.fail(pos, `Ref to ${JSON.stringify(name)}: a condition can refer to parameters and pseudo parameters only`);
        }
        const ruleName = this.env.resourceRef(name, pos);
        if (ruleName === FAILED)
            return FAILED;
        if (ruleName !== undefined)
            return str(ruleName, pos);
        return this.fail(pos, `Ref to unknown name ${JSON.stringify(name)}: not a parameter, pseudo parameter or resource of this template`);
    }
    pseudo(name, pos, mode) {
        const ctx = this.env.context;
        const partition = ctx.partition ?? partitionFor(ctx.region);
        switch (name) {
            case 'AWS::NoValue':
                return mode === 'condition' ? this.fail(pos, 'AWS::NoValue cannot be used in a condition') : NO_VALUE;
            case 'AWS::Region':
                return str(ctx.region, pos);
            case 'AWS::Partition':
                return str(partition, pos);
            case 'AWS::URLSuffix':
                return str(partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com', pos);
            case 'AWS::AccountId':
                return ctx.accountId !== undefined
                    ? str(ctx.accountId, pos)
                    : this.fail(pos, 'AWS::AccountId is not known here: the pack needs the account id to resolve it');
            case 'AWS::StackName':
                return ctx.stackName !== undefined
                    ? str(ctx.stackName, pos)
                    : this.fail(pos, 'AWS::StackName is not known before the pack is deployed');
            case 'AWS::StackId':
            case 'AWS::NotificationARNs':
                return this.fail(pos, `${name} is not known before the pack is deployed`);
            default:
                return this.fail(pos, `unknown pseudo parameter ${name}`);
        }
    }
    fnIf(arg, pos) {
        if (arg.kind !== 'seq' || arg.items.length !== 3) {
            return this.fail(pos, 'Fn::If takes [condition name, value if true, value if false]');
        }
        const name = this.literalName(arg.items[0], 'Fn::If');
        if (name === FAILED)
            return FAILED;
        const value = this.condition(name, arg.items[0].pos);
        if (value === FAILED)
            return FAILED;
        return this.resolve(value ? arg.items[1] : arg.items[2], 'value');
    }
    fnSub(arg, pos, mode) {
        let template;
        const vars = new Map();
        if (arg.kind === 'seq') {
            if (arg.items.length !== 2 || arg.items[1].kind !== 'map') {
                return this.fail(pos, 'Fn::Sub takes a string, or [string, { name: value, ... }]');
            }
            template = arg.items[0];
            let failed = false;
            for (const e of arg.items[1].entries) {
                const v = this.resolve(e.value, mode);
                if (v === FAILED)
                    failed = true;
                else if (v === NO_VALUE || v.kind !== 'scalar' || v.value === null) {
                    failed = true;
                    this.fail(e.keyPos, `Fn::Sub variable ${e.key} must be a string`);
                }
                else
                    vars.set(e.key, scalarString(v) ?? '');
            }
            if (failed)
                return FAILED;
        }
        else {
            template = arg;
        }
        if (template.kind !== 'scalar' || typeof template.value !== 'string') {
            return this.fail(template.pos, `Fn::Sub takes a string, found ${describe(template)}`);
        }
        let failed = false;
        const out = template.value.replace(/\$\{([^}]*)\}/g, (whole, inner) => {
            if (inner.startsWith('!'))
                return `\${${inner.slice(1)}}`;
            const name = inner.trim();
            const fromVars = vars.get(name);
            if (fromVars !== undefined)
                return fromVars;
            if (name.includes('.')) {
                failed = true;
                this.fail(pos, `Fn::Sub \${${name}} is a resource attribute (Fn::GetAtt), which cannot be resolved in a conformance pack`);
                return whole;
            }
            const r = this.ref(str(name, pos), pos, mode);
            if (r === FAILED) {
                failed = true;
                return whole;
            }
            if (r === NO_VALUE || r.kind !== 'scalar') {
                failed = true;
                this.fail(pos, `Fn::Sub \${${name}} must be a string value (it is ${r === NO_VALUE ? 'AWS::NoValue' : 'a list'})`);
                return whole;
            }
            return scalarString(r) ?? '';
        });
        return failed ? FAILED : str(out, pos);
    }
    fnJoin(arg, pos) {
        if (arg.kind !== 'seq' || arg.items.length !== 2)
            return this.fail(pos, 'Fn::Join takes [delimiter, [values]]');
        const [delim, values] = arg.items;
        if (delim.kind !== 'scalar' || typeof delim.value !== 'string') {
            return this.fail(delim.pos, `Fn::Join delimiter must be a string, found ${describe(delim)}`);
        }
        const strings = this.stringList(values, 'Fn::Join');
        return strings === FAILED ? FAILED : str(strings.join(delim.value), pos);
    }
    fnSelect(arg, pos) {
        if (arg.kind !== 'seq' || arg.items.length !== 2)
            return this.fail(pos, 'Fn::Select takes [index, [values]]');
        const [indexNode, values] = arg.items;
        const indexText = indexNode.kind === 'scalar' ? scalarString(indexNode) : undefined;
        if (indexText === undefined || !/^\d+$/.test(indexText)) {
            return this.fail(indexNode.pos, `Fn::Select index must be a whole number, found ${describe(indexNode)}`);
        }
        if (values.kind !== 'seq')
            return this.fail(values.pos, `Fn::Select takes a list, found ${describe(values)}`);
        const index = Number(indexText);
        const item = values.items[index];
        if (item === undefined) {
            return this.fail(indexNode.pos, `Fn::Select index ${index} is out of range (the list has ${values.items.length} items)`);
        }
        return item;
    }
    fnSplit(arg, pos) {
        if (arg.kind !== 'seq' || arg.items.length !== 2)
            return this.fail(pos, 'Fn::Split takes [delimiter, string]');
        const [delim, source] = arg.items;
        if (delim.kind !== 'scalar' || typeof delim.value !== 'string' || delim.value === '') {
            return this.fail(delim.pos, `Fn::Split delimiter must be a non-empty string, found ${describe(delim)}`);
        }
        const text = source.kind === 'scalar' ? scalarString(source) : undefined;
        if (text === undefined)
            return this.fail(source.pos, `Fn::Split takes a string, found ${describe(source)}`);
        return list(text.split(delim.value), pos);
    }
    fnBase64(arg, pos) {
        const text = arg.kind === 'scalar' ? scalarString(arg) : undefined;
        if (text === undefined)
            return this.fail(arg.pos, `Fn::Base64 takes a string, found ${describe(arg)}`);
        return str(Buffer.from(text, 'utf8').toString('base64'), pos);
    }
    fnFindInMap(arg, pos, mode) {
        if (arg.kind !== 'seq' || arg.items.length !== 3) {
            return this.fail(pos, 'Fn::FindInMap takes [MapName, TopLevelKey, SecondLevelKey]');
        }
        const keys = [];
        for (const item of arg.items) {
            const r = this.resolve(item, mode);
            if (r === FAILED)
                return FAILED;
            const text = r !== NO_VALUE && r.kind === 'scalar' ? scalarString(r) : undefined;
            if (text === undefined)
                return this.fail(item.pos, 'Fn::FindInMap keys must be strings');
            keys.push(text);
        }
        const [mapName, top, second] = keys;
        const mapping = this.env.mappings?.entries.find(e => e.key === mapName)?.value;
        if (mapping === undefined)
            return this.fail(pos, `Fn::FindInMap: no mapping named ${JSON.stringify(mapName)} in Mappings`);
        const level1 = mapping.kind === 'map' ? mapping.entries.find(e => e.key === top)?.value : undefined;
        if (level1 === undefined) {
            return this.fail(pos, `Fn::FindInMap: mapping ${mapName} has no key ${JSON.stringify(top)}`);
        }
        const level2 = level1.kind === 'map' ? level1.entries.find(e => e.key === second)?.value : undefined;
        if (level2 === undefined) {
            return this.fail(pos, `Fn::FindInMap: mapping ${mapName}.${top} has no key ${JSON.stringify(second)}`);
        }
        return this.resolve(level2, mode);
    }
    stringList(node, fn) {
        if (node.kind !== 'seq')
            return this.fail(node.pos, `${fn} takes a list of strings, found ${describe(node)}`);
        const out = [];
        for (const item of node.items) {
            const text = item.kind === 'scalar' ? scalarString(item) : undefined;
            if (text === undefined)
                return this.fail(item.pos, `${fn} takes a list of strings, found ${describe(item)} in it`);
            out.push(text);
        }
        return out;
    }
}
/** String form used to compare values in Fn::Equals (CloudFormation compares their string forms). */
function canonical(node) {
    if (node.kind === 'scalar')
        return JSON.stringify(scalarString(node) ?? '');
    if (node.kind === 'seq')
        return `[${node.items.map(canonical).join(',')}]`;
    return `{${node.entries.map(e => `${JSON.stringify(e.key)}:${canonical(e.value)}`).join(',')}}`;
}

;// CONCATENATED MODULE: ./src/source/yaml.ts
/**
 * The one way the action reads YAML (manifest, conformance packs, CloudFormation templates, runbooks): the parse
 * options every reader shares, positions for every problem, and the mapping of the `yaml` library's failures to
 * messages that name file:line.
 *
 * Duplicate keys are found here in one pass over the document rather than by the library's `uniqueKeys` option,
 * which compares each key with every earlier key of its map (quadratic: a pack template with 60,000 rules in one
 * `Resources` map never finished parsing).
 */


/**
 * Alias expansions allowed when a document is turned into plain data (the `yaml` library's default). A "billion
 * laughs" document (each anchor an array of aliases of the previous one) goes over it long before it uses any memory.
 */
const MAX_ALIAS_COUNT = 100;
function firstLine(message) {
    return message.split('\n')[0]?.trim() ?? message;
}
/** Parses YAML (or JSON) text, keeping positions; problems are returned, never thrown. */
function readYaml(text, options = {}) {
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, {
        lineCounter,
        prettyErrors: false,
        uniqueKeys: false,
        ...(options.customTags ? { customTags: options.customTags } : {}),
        ...(options.version ? { version: options.version } : {})
    });
    const errors = doc.errors.map(e => ({ offset: e.pos[0], message: firstLine(e.message) }));
    errors.push(...duplicateKeys(doc));
    errors.sort((a, b) => a.offset - b.offset);
    return {
        doc,
        lineCounter,
        errors,
        position: offset => {
            const { line, col } = lineCounter.linePos(offset);
            return { line, col };
        }
    };
}
/** Every second (third, ...) occurrence of a scalar key in a map, as the library reports it with `uniqueKeys`. */
function duplicateKeys(doc) {
    const problems = [];
    (0,dist/* visit */.YR)(doc, {
        Map(_, map) {
            const seen = new Set();
            for (const pair of map.items) {
                const key = pair.key;
                if (!(0,dist/* isScalar */.jn)(key))
                    continue;
                const value = key.value;
                if (seen.has(value)) {
                    problems.push({ offset: key.range?.[0] ?? 0, message: 'Map keys must be unique' });
                }
                else
                    seen.add(value);
            }
        }
    });
    return problems;
}
/** The position of the first alias (`*name`) in the document, where an expansion problem starts. */
function firstAlias(doc) {
    let offset;
    (0,dist/* visit */.YR)(doc, {
        Alias(_, node) {
            offset = node.range?.[0] ?? 0;
            return dist/* visit */.YR.BREAK;
        }
    });
    return offset ?? 0;
}
/**
 * The document as plain data. An alias expansion over `maxAliasCount` (an alias bomb) is a SourceError naming the
 * file and the line of the first alias, instead of the library's bare ReferenceError.
 */
function yamlToJS(parsed, file, maxAliasCount = MAX_ALIAS_COUNT) {
    try {
        return parsed.doc.toJS({ maxAliasCount });
    }
    catch (err) {
        const { line, col } = parsed.position(firstAlias(parsed.doc));
        if (/excessive alias count/i.test(err.message)) {
            throw new src_errors/* SourceError */.c8(file, line, col, `YAML alias expansion limit exceeded (maxAliasCount ${maxAliasCount})`);
        }
        throw new src_errors/* SourceError */.c8(file, line, col, `invalid YAML: ${firstLine(err.message)}`);
    }
}

;// CONCATENATED MODULE: ./src/source/cloudformation.ts


/** Short-form tags and the long form each stands for. */
const SHORT_FORMS = {
    Ref: 'Ref',
    Condition: 'Condition',
    And: 'Fn::And',
    Base64: 'Fn::Base64',
    Cidr: 'Fn::Cidr',
    Equals: 'Fn::Equals',
    FindInMap: 'Fn::FindInMap',
    GetAtt: 'Fn::GetAtt',
    GetAZs: 'Fn::GetAZs',
    If: 'Fn::If',
    ImportValue: 'Fn::ImportValue',
    Join: 'Fn::Join',
    Length: 'Fn::Length',
    Not: 'Fn::Not',
    Or: 'Fn::Or',
    Select: 'Fn::Select',
    Split: 'Fn::Split',
    Sub: 'Fn::Sub',
    ToJsonString: 'Fn::ToJsonString',
    Transform: 'Fn::Transform'
};
/** The tags are registered so the parser accepts them; the node is kept as is and converted below. */
const CUSTOM_TAGS = Object.keys(SHORT_FORMS).flatMap(name => [
    { tag: `!${name}`, resolve: (value) => value },
    { tag: `!${name}`, collection: 'seq', resolve: (value) => value },
    { tag: `!${name}`, collection: 'map', resolve: (value) => value }
]);
/** `!Name arg` -> { 'Fn::Name': arg }; an unknown tag (already reported) leaves the node as it is. */
function longForm(name, inner, pos) {
    const form = SHORT_FORMS[name];
    if (form === undefined)
        return inner;
    let arg = inner;
    if (name === 'GetAtt' && inner.kind === 'scalar' && typeof inner.value === 'string') {
        // !GetAtt Resource.Attribute is the same as Fn::GetAtt: [Resource, Attribute]
        const dot = inner.value.indexOf('.');
        const parts = dot < 0 ? [inner.value] : [inner.value.slice(0, dot), inner.value.slice(dot + 1)];
        arg = { kind: 'seq', pos, items: parts.map(p => ({ kind: 'scalar', value: p, text: p, pos })) };
    }
    return { kind: 'map', pos, entries: [{ key: form, keyPos: pos, value: arg }] };
}
function cloudformation_firstLine(message) {
    return message.split('\n')[0]?.trim() ?? message;
}
/**
 * Parses CloudFormation-style text into a tree. YAML syntax errors, unknown tags, aliases and the like are reported
 * to the sink; the result is undefined when the document cannot be read at all.
 */
function readSourceTree(text, file, sink) {
    // CloudFormation documents YAML 1.1 for templates.
    const parsed = readYaml(text, { customTags: CUSTOM_TAGS, version: '1.1' });
    const at = (offset) => positionAt(parsed, file, offset);
    for (const err of parsed.errors)
        sink.add(at(err.offset), `invalid YAML/JSON: ${err.message}`);
    for (const warning of parsed.doc.warnings) {
        if (warning.code === 'TAG_RESOLVE_FAILED') {
            const tag = /tag: (\S+)/.exec(warning.message)?.[1] ?? 'tag';
            sink.add(at(warning.pos[0]), `unknown tag ${tag}: not an intrinsic function CloudFormation knows (${Object.keys(SHORT_FORMS)
                .map(n => `!${n}`)
                .join(', ')})`);
        }
        else {
            sink.add(at(warning.pos[0]), `invalid YAML/JSON: ${cloudformation_firstLine(warning.message)}`);
        }
    }
    if (parsed.errors.length > 0)
        return undefined;
    const tree = toTree(parsed, file, sink, {
        refuseAliases: 'YAML aliases (*name) are not supported in a conformance pack template',
        convertTag: longForm
    });
    if (tree === undefined)
        sink.add(at(0), 'the document is empty');
    return tree;
}

;// CONCATENATED MODULE: ./src/source/position.ts
/** Orders positions by file, then line, then column. */
function comparePositions(a, b) {
    return a.file === b.file ? a.line - b.line || a.col - b.col : a.file < b.file ? -1 : 1;
}

;// CONCATENATED MODULE: ./src/source/collector.ts
/**
 * The one error collector: readers add every problem they find (a SourceError at a position) and throw them all
 * together as SourceErrors, so a user fixes a file in one round instead of one error per run.
 */


class ErrorSink {
    errors = [];
    add(pos, detail) {
        this.errors.push(src_errors/* SourceError */.c8.at(pos, detail));
    }
    /** Adds errors found elsewhere (another file's reader, a SourceErrors caught from a callee). */
    addErrors(errors) {
        for (const e of errors)
            this.errors.push(e);
    }
    get count() {
        return this.errors.length;
    }
    /** Throws SourceErrors (sorted by position) when anything was collected. */
    throwIfAny() {
        if (this.errors.length > 0)
            this.throwAll();
    }
    /** Throws SourceErrors with everything collected (sorted by file, line, column). */
    throwAll() {
        throw new src_errors/* SourceErrors */.VH([...this.errors].sort(comparePositions));
    }
    /** Throws SourceErrors with everything collected, in the order found, when anything was collected. */
    throwInOrderIfAny() {
        if (this.errors.length > 0)
            throw new src_errors/* SourceErrors */.VH([...this.errors]);
    }
}

;// CONCATENATED MODULE: ./src/conformance/types.ts
/**
 * Typed output of the conformance pack phase: AWS Config rules and remediation configurations as a pack declares
 * them, every item with the place (file:line:col) it was written, so later phases can point at the line at fault.
 */
const MAXIMUM_EXECUTION_FREQUENCIES = [
    'One_Hour',
    'Three_Hours',
    'Six_Hours',
    'Twelve_Hours',
    'TwentyFour_Hours'
];

;// CONCATENATED MODULE: ./src/conformance/template/values.ts
/**
 * Typed reads of resolved template nodes (intrinsics already evaluated). Each reports a wrong value to the sink,
 * naming what was expected and what was written, and returns FAILED so the caller stops without a second message.
 */


/** Reports a problem and returns FAILED, so `return fail(...)` ends a read. */
function fail(sink, pos, detail) {
    sink.add(pos, detail);
    return FAILED;
}
/** A scalar's text (numbers as written, booleans as true/false); undefined for null and collections. */
function scalarText(node) {
    return node.kind === 'scalar' ? scalarString(node) : undefined;
}
function stringValue(sink, node, what) {
    return scalarText(node) ?? fail(sink, node.pos, `${what} must be a string, found ${describe(node)}`);
}
function stringListValue(sink, node, what) {
    if (node.kind !== 'seq')
        return fail(sink, node.pos, `${what} must be a list of strings, found ${describe(node)}`);
    const out = [];
    for (const item of node.items) {
        const v = stringValue(sink, item, `each item of ${what}`);
        if (v === FAILED)
            return FAILED;
        out.push(v);
    }
    return out;
}
const notOneOf = (what, allowed, node) => `${what} must be one of ${allowed.join(', ')}, found ${describe(node)}`;
function enumValue(sink, node, what, allowed, message = notOneOf) {
    const text = scalarText(node);
    if (text !== undefined && allowed.includes(text))
        return text;
    return fail(sink, node.pos, message(what, allowed, node));
}
function boolValue(sink, node, what) {
    if (node.kind === 'scalar') {
        if (typeof node.value === 'boolean')
            return node.value;
        if (typeof node.value === 'string' && /^(true|false)$/i.test(node.value))
            return node.value.toLowerCase() === 'true';
    }
    return fail(sink, node.pos, `${what} must be true or false, found ${describe(node)}`);
}
function intValue(sink, node, what, min, max) {
    const text = scalarText(node);
    if (text !== undefined && /^[-+]?\d+$/.test(text)) {
        const n = Number(text);
        if (n >= min && n <= max)
            return n;
    }
    return fail(sink, node.pos, `${what} must be a whole number from ${min} to ${max}, found ${describe(node)}`);
}
/** A map whose keys are all among keys; every other key is reported. */
function mapWithKeys(sink, node, what, keys) {
    if (node.kind !== 'map')
        return fail(sink, node.pos, `${what} must be a map, found ${describe(node)}`);
    let ok = true;
    for (const e of node.entries) {
        if (!keys.includes(e.key)) {
            ok = false;
            sink.add(e.keyPos, `unknown key ${e.key} in ${what} (known: ${keys.join(', ')})`);
        }
    }
    return ok ? node : FAILED;
}

;// CONCATENATED MODULE: ./src/conformance/template/resources.ts
/**
 * The Resources section: each resource's kind, Condition and DependsOn; the rule name a Ref to a ConfigRule resolves
 * to; and a resource's properties with intrinsics resolved, ready for the rule or remediation reader.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/resources-section-structure.html
 */



const CONFIG_RULE_TYPE = 'AWS::Config::ConfigRule';
const REMEDIATION_TYPE = 'AWS::Config::RemediationConfiguration';
/** The resource types a pack may hold; each becomes part of the desired state (see src/desired/build.ts). */
const PACK_RESOURCE_TYPES = [CONFIG_RULE_TYPE, REMEDIATION_TYPE];
const RESOURCE_ATTRIBUTES = new Set(['Type', 'Properties', 'Condition', 'DependsOn', 'Metadata']);
/**
 * Declares every resource into ctx.resources (those whose Condition is false are also listed in skipped), then
 * checks DependsOn. Properties are read later, by the reader of the resource's type.
 */
function readResources(ctx, section, skipped) {
    if (section.value.kind !== 'map' || section.value.entries.length === 0) {
        ctx.sink.add(section.value.pos, 'Resources must be a map with at least one resource');
        return;
    }
    for (const r of section.value.entries) {
        const decl = declareResource(ctx, r, skipped);
        if (decl !== undefined)
            ctx.resources.set(r.key, decl);
    }
    // One lookup table, not a scan of Resources per resource (quadratic: 60,000 rules never finished).
    const definitions = new Map(section.value.entries.map(e => [e.key, e.value]));
    for (const decl of ctx.resources.values())
        checkDependsOn(ctx, definitions.get(decl.logicalId), decl);
}
function declareResource(ctx, r, skipped) {
    if (r.value.kind !== 'map') {
        ctx.sink.add(r.value.pos, `resource ${r.key} must be a map with Type and Properties, found ${describe(r.value)}`);
        return undefined;
    }
    const def = r.value;
    for (const e of def.entries) {
        // AWS Config deploys packs whose resources carry other attributes (AWS's console sample packs, e.g. NZISM
        // and SWIFT CSP, have a resource-level Controls key; custom packs a Description): accepted, not used.
        if (!RESOURCE_ATTRIBUTES.has(e.key)) {
            ctx.warnings.push({
                position: e.keyPos,
                detail: `resource attribute ${e.key} of ${r.key} is not used by AWS Config and is ignored; the resource is deployed (attributes used: ${[
                    ...RESOURCE_ATTRIBUTES
                ].join(', ')})`
            });
        }
    }
    const typeEntry = entry(def, 'Type');
    const type = typeEntry?.value.kind === 'scalar' ? scalarText(typeEntry.value) : undefined;
    if (type === undefined) {
        ctx.sink.add(r.keyPos, `resource ${r.key} has no Type`);
        return undefined;
    }
    if (!PACK_RESOURCE_TYPES.includes(type)) {
        ctx.sink.add(typeEntry.value.pos, `resource ${r.key}: type ${type} is not supported; a conformance pack holds ${CONFIG_RULE_TYPE} and ${REMEDIATION_TYPE} only`);
        return undefined;
    }
    const propsEntry = entry(def, 'Properties');
    let properties;
    if (propsEntry === undefined)
        ctx.sink.add(r.keyPos, `resource ${r.key} has no Properties`);
    else if (propsEntry.value.kind !== 'map') {
        ctx.sink.add(propsEntry.value.pos, `Properties of ${r.key} must be a map, found ${describe(propsEntry.value)}`);
    }
    else
        properties = propsEntry.value;
    const decl = { logicalId: r.key, type, pos: r.keyPos, properties, active: properties !== undefined };
    const condEntry = entry(def, 'Condition');
    if (condEntry !== undefined) {
        const c = condEntry.value;
        if (c.kind !== 'scalar' || typeof c.value !== 'string') {
            ctx.sink.add(c.pos, `Condition of ${r.key} must be a condition name`);
            decl.active = false;
        }
        else {
            decl.condition = { name: c.value, pos: c.pos };
            const value = ctx.evaluator.condition(c.value, c.pos);
            if (value === false) {
                decl.active = false;
                skipped.push({ logicalId: r.key, type, condition: c.value, position: r.keyPos });
            }
            else if (value === FAILED)
                decl.active = false;
        }
    }
    return decl;
}
function checkDependsOn(ctx, def, decl) {
    const dep = def?.kind === 'map' ? entry(def, 'DependsOn') : undefined;
    if (dep === undefined)
        return;
    const items = dep.value.kind === 'seq' ? dep.value.items : [dep.value];
    for (const item of items) {
        const name = item.kind === 'scalar' && typeof item.value === 'string' ? item.value : undefined;
        if (name === undefined)
            ctx.sink.add(item.pos, `DependsOn of ${decl.logicalId} must name resources`);
        else if (!ctx.resources.has(name))
            ctx.sink.add(item.pos, `DependsOn of ${decl.logicalId}: no resource named ${name}`);
    }
}
/** Ref to a resource: a ConfigRule resolves to its rule name; undefined when there is no such resource. */
function resourceRef(ctx, logicalId, pos) {
    const decl = ctx.resources.get(logicalId);
    if (decl === undefined)
        return undefined;
    if (decl.type !== CONFIG_RULE_TYPE) {
        return fail(ctx.sink, pos, `Ref to ${logicalId} (${decl.type}) has no value a conformance pack can use`);
    }
    if (!decl.active) {
        if (decl.condition !== undefined && decl.properties !== undefined) {
            return fail(ctx.sink, pos, `Ref to ${logicalId}, which is not created: its Condition ${decl.condition.name} is false`);
        }
        return FAILED;
    }
    const known = ctx.ruleNames.get(logicalId);
    if (known !== undefined)
        return known;
    if (ctx.namingRules.has(logicalId))
        return fail(ctx.sink, pos, `the name of ${logicalId} refers to itself`);
    ctx.namingRules.add(logicalId);
    const name = ruleName(ctx, decl);
    ctx.namingRules.delete(logicalId);
    ctx.ruleNames.set(logicalId, name);
    return name;
}
/** The ConfigRuleName, resolved; the logical id when the template gives none (see RuleSpec.nameFromLogicalId). */
function ruleName(ctx, decl) {
    const nameEntry = decl.properties ? entry(decl.properties, 'ConfigRuleName') : undefined;
    if (nameEntry === undefined)
        return decl.logicalId;
    const r = ctx.evaluator.resolve(nameEntry.value);
    if (r === FAILED)
        return FAILED;
    if (r === NO_VALUE)
        return decl.logicalId;
    const name = stringValue(ctx.sink, r, `ConfigRuleName of ${decl.logicalId}`);
    if (name === FAILED)
        return FAILED;
    if (name.length < 1 || name.length > 128 || !/\S/.test(name)) {
        return fail(ctx.sink, r.pos, `ConfigRuleName of ${decl.logicalId} must be 1 to 128 characters, not blank`);
    }
    return name;
}
/**
 * The properties of an active resource with intrinsics resolved (keys resolving to AWS::NoValue left out), or
 * undefined when a property is unknown or fails to resolve (reported). Keys in skip are checked but not resolved.
 */
function resolveProperties(ctx, decl, allowed, skip) {
    const out = new Map();
    let failed = false;
    for (const e of decl.properties.entries) {
        if (!allowed.has(e.key)) {
            failed = true;
            ctx.sink.add(e.keyPos, `unknown property ${e.key} of ${decl.type} ${decl.logicalId} (known: ${[...allowed].join(', ')})`);
            continue;
        }
        if (skip.includes(e.key))
            continue;
        const r = ctx.evaluator.resolve(e.value);
        if (r === FAILED)
            failed = true;
        else if (r !== NO_VALUE)
            out.set(e.key, { key: e.key, keyPos: e.keyPos, value: r });
    }
    return failed ? undefined : out;
}

;// CONCATENATED MODULE: ./src/conformance/template/rules.ts
/**
 * AWS::Config::ConfigRule properties -> RuleSpec. readRule is the one rule reader: templates call it with a
 * resource's resolved properties, the built-in pack (../builtin.ts) with its data file's rule translated into the
 * same properties, so both formats accept and refuse the same rules.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-config-configrule.html
 * Limits: AWS Config API Reference, PutConfigRule (ConfigRule, Scope, Source, SourceDetail, EvaluationModeConfiguration).
 */





const CONFIG_RULE_PROPERTIES = new Set([
    'ConfigRuleName',
    'Description',
    'Scope',
    'Source',
    'InputParameters',
    'MaximumExecutionFrequency',
    'EvaluationModes'
]);
const OWNERS = ['AWS', 'CUSTOM_LAMBDA', 'CUSTOM_POLICY'];
const MESSAGE_TYPES = [
    'ConfigurationItemChangeNotification',
    'ConfigurationSnapshotDeliveryCompleted',
    'ScheduledNotification',
    'OversizedConfigurationItemChangeNotification'
];
/** AWS Config limits (Smithy model of PutConfigRule / PutRemediationConfigurations). */
const MAX_INPUT_PARAMETERS_CHARS = 1024;
/** Templates: the logical id, and the property names as AWS::Config::ConfigRule spells them. */
const TEMPLATE_WORDING = { subject: r => r.logicalId, field: name => name, notOneOf: notOneOf };
/** Reads an AWS::Config::ConfigRule resource of a template; undefined when it has errors (reported). */
function readConfigRule(ctx, decl) {
    const name = resourceRef(ctx, decl.logicalId, decl.pos);
    const properties = resolveProperties(ctx, decl, CONFIG_RULE_PROPERTIES, ['ConfigRuleName']);
    if (properties === undefined || name === FAILED || name === undefined)
        return undefined;
    const nameFromLogicalId = decl.properties !== undefined && entry(decl.properties, 'ConfigRuleName') === undefined;
    return readRule({ logicalId: decl.logicalId, name, nameFromLogicalId, position: decl.pos, properties }, ctx.sink, TEMPLATE_WORDING);
}
/** The one rule reader: ConfigRule properties -> RuleSpec; undefined when any of them has an error (reported). */
function readRule(resource, sink, wording) {
    const c = { sink, wording, what: wording.subject(resource) };
    const props = resource.properties;
    const start = sink.count;
    const rule = {
        logicalId: resource.logicalId,
        name: resource.name,
        source: { owner: 'AWS' },
        inputParameters: {},
        inputParameterPositions: {},
        position: resource.position
    };
    if (resource.nameFromLogicalId)
        rule.nameFromLogicalId = true;
    const description = props.get('Description');
    if (description !== undefined) {
        const d = stringValue(sink, description.value, of(c, 'Description'));
        if (d !== FAILED) {
            if (d.length > 256)
                sink.add(description.value.pos, `${of(c, 'Description')} is longer than 256 characters`);
            rule.description = d;
        }
    }
    const source = props.get('Source');
    if (source === undefined)
        sink.add(resource.position, `ConfigRule ${c.what} has no ${key(c, 'Source')}`);
    else {
        const s = readSource(c, source.value);
        if (s !== FAILED)
            rule.source = s;
    }
    const input = props.get('InputParameters');
    if (input !== undefined)
        readInputParameters(c, input, rule);
    const scope = props.get('Scope');
    if (scope !== undefined) {
        const s = readScope(c, scope.value);
        if (s !== FAILED)
            rule.scope = s;
    }
    const freq = props.get('MaximumExecutionFrequency');
    if (freq !== undefined) {
        const f = oneOf(c, freq.value, 'MaximumExecutionFrequency', MAXIMUM_EXECUTION_FREQUENCIES);
        if (f !== FAILED)
            rule.maximumExecutionFrequency = f;
    }
    const modes = props.get('EvaluationModes');
    if (modes !== undefined) {
        const m = readEvaluationModes(c, modes.value);
        if (m !== FAILED)
            rule.evaluationModes = m;
    }
    return sink.count === start ? rule : undefined;
}
/** A field's name in messages, e.g. "Owner". */
function key(c, field) {
    return c.wording.field(field);
}
/** "<field> of <rule>", e.g. "Source.Owner of MyRule". */
function of(c, field) {
    return `${c.wording.field(field)} of ${c.what}`;
}
function oneOf(c, node, field, allowed) {
    return enumValue(c.sink, node, of(c, field), allowed, c.wording.notOneOf);
}
function readSource(c, node) {
    const { sink } = c;
    const m = mapWithKeys(sink, node, of(c, 'Source'), [
        'Owner',
        'SourceIdentifier',
        'SourceDetails',
        'CustomPolicyDetails'
    ]);
    if (m === FAILED)
        return FAILED;
    const ownerEntry = entry(m, 'Owner');
    if (ownerEntry === undefined) {
        return fail(sink, node.pos, `${of(c, 'Source')} has no ${key(c, 'Owner')} (${OWNERS.join(', ')})`);
    }
    const owner = oneOf(c, ownerEntry.value, 'Source.Owner', OWNERS);
    if (owner === FAILED)
        return FAILED;
    const source = { owner };
    const id = entry(m, 'SourceIdentifier');
    if (id !== undefined) {
        const v = stringValue(sink, id.value, of(c, 'Source.SourceIdentifier'));
        if (v === FAILED)
            return FAILED;
        source.identifier = v;
    }
    else if (owner !== 'CUSTOM_POLICY') {
        return fail(sink, node.pos, `${of(c, 'Source')} has no ${key(c, 'SourceIdentifier')} (the managed rule identifier or Lambda ARN)`);
    }
    const details = entry(m, 'SourceDetails');
    if (details !== undefined) {
        if (details.value.kind !== 'seq') {
            return fail(sink, details.value.pos, `${of(c, 'Source.SourceDetails')} must be a list`);
        }
        const out = [];
        for (const item of details.value.items) {
            const d = readSourceDetail(c, item);
            if (d === FAILED)
                return FAILED;
            out.push(d);
        }
        source.details = out;
    }
    const policy = entry(m, 'CustomPolicyDetails');
    if (policy !== undefined) {
        const p = readCustomPolicy(c, policy.value);
        if (p === FAILED)
            return FAILED;
        source.customPolicy = p;
    }
    else if (owner === 'CUSTOM_POLICY') {
        return fail(sink, node.pos, `${of(c, 'Source')} has ${key(c, 'Owner')} CUSTOM_POLICY but no ${key(c, 'CustomPolicyDetails')}`);
    }
    return source;
}
function readSourceDetail(c, item) {
    const d = mapWithKeys(c.sink, item, `a ${key(c, 'SourceDetails')} item of ${c.what}`, [
        'EventSource',
        'MessageType',
        'MaximumExecutionFrequency'
    ]);
    if (d === FAILED)
        return FAILED;
    const detail = {};
    const es = entry(d, 'EventSource');
    if (es !== undefined) {
        const v = oneOf(c, es.value, 'SourceDetails.EventSource', ['aws.config']);
        if (v === FAILED)
            return FAILED;
        detail.eventSource = v;
    }
    const mt = entry(d, 'MessageType');
    if (mt !== undefined) {
        const v = oneOf(c, mt.value, 'SourceDetails.MessageType', MESSAGE_TYPES);
        if (v === FAILED)
            return FAILED;
        detail.messageType = v;
    }
    const f = entry(d, 'MaximumExecutionFrequency');
    if (f !== undefined) {
        const v = oneOf(c, f.value, 'SourceDetails.MaximumExecutionFrequency', MAXIMUM_EXECUTION_FREQUENCIES);
        if (v === FAILED)
            return FAILED;
        detail.maximumExecutionFrequency = v;
    }
    return detail;
}
function readCustomPolicy(c, node) {
    const { sink } = c;
    const p = mapWithKeys(sink, node, of(c, 'Source.CustomPolicyDetails'), [
        'PolicyRuntime',
        'PolicyText',
        'EnableDebugLogDelivery'
    ]);
    if (p === FAILED)
        return FAILED;
    const runtime = entry(p, 'PolicyRuntime');
    const text = entry(p, 'PolicyText');
    if (runtime === undefined || text === undefined) {
        return fail(sink, node.pos, `${of(c, 'CustomPolicyDetails')} needs PolicyRuntime and PolicyText`);
    }
    const r = stringValue(sink, runtime.value, of(c, 'PolicyRuntime'));
    const t = stringValue(sink, text.value, of(c, 'PolicyText'));
    if (r === FAILED || t === FAILED)
        return FAILED;
    const details = { policyRuntime: r, policyText: t };
    const debug = entry(p, 'EnableDebugLogDelivery');
    if (debug !== undefined) {
        const b = boolValue(sink, debug.value, of(c, 'EnableDebugLogDelivery'));
        if (b === FAILED)
            return FAILED;
        details.enableDebugLogDelivery = b;
    }
    return details;
}
function readInputParameters(c, input, rule) {
    const { sink } = c;
    const what = of(c, 'InputParameters');
    let node = input.value;
    if (node.kind === 'scalar' && typeof node.value === 'string') {
        // A Json property may also be written as a JSON string.
        let parsed;
        try {
            parsed = JSON.parse(node.value);
        }
        catch {
            sink.add(node.pos, `${what} is a string but not valid JSON`);
            return;
        }
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
            sink.add(node.pos, `${what} must be a JSON object`);
            return;
        }
        const pos = node.pos;
        node = {
            kind: 'map',
            pos,
            entries: Object.entries(parsed).map(([key, value]) => ({
                key,
                keyPos: pos,
                value: jsonToNode(value, pos)
            }))
        };
    }
    if (node.kind !== 'map') {
        sink.add(node.pos, `${what} must be a map of parameter names to values, found ${describe(node)}`);
        return;
    }
    for (const e of node.entries) {
        const v = e.value;
        const text = scalarText(v);
        if (text === undefined) {
            sink.add(v.pos, `${what}: ${e.key} must be a string, number or boolean, found ${describe(v)}` +
                (v.kind === 'seq'
                    ? ' (AWS Config rule parameters are strings: write a comma-separated string, e.g. with Fn::Join)'
                    : ''));
            continue;
        }
        rule.inputParameters[e.key] = text;
        rule.inputParameterPositions[e.key] = e.keyPos;
    }
    const size = JSON.stringify(rule.inputParameters).length;
    if (size > MAX_INPUT_PARAMETERS_CHARS) {
        sink.add(input.keyPos, `${what} is ${size} characters as JSON; AWS Config accepts at most ${MAX_INPUT_PARAMETERS_CHARS}`);
    }
}
function readScope(c, node) {
    const { sink } = c;
    const m = mapWithKeys(sink, node, of(c, 'Scope'), [
        'ComplianceResourceTypes',
        'TagKey',
        'TagValue',
        'ComplianceResourceId'
    ]);
    if (m === FAILED)
        return FAILED;
    const scope = {};
    const types = entry(m, 'ComplianceResourceTypes');
    if (types !== undefined) {
        const list = stringListValue(sink, types.value, of(c, 'Scope.ComplianceResourceTypes'));
        if (list === FAILED)
            return FAILED;
        if (list.length > 100) {
            return fail(sink, types.value.pos, `${of(c, 'Scope.ComplianceResourceTypes')} has more than 100 types`);
        }
        scope.complianceResourceTypes = list;
    }
    for (const [key, field, max] of [
        ['TagKey', 'tagKey', 128],
        ['TagValue', 'tagValue', 256],
        ['ComplianceResourceId', 'complianceResourceId', 768]
    ]) {
        const e = entry(m, key);
        if (e === undefined)
            continue;
        const v = stringValue(sink, e.value, of(c, `Scope.${key}`));
        if (v === FAILED)
            return FAILED;
        if (v.length < 1 || v.length > max) {
            return fail(sink, e.value.pos, `${of(c, `Scope.${key}`)} must be 1 to ${max} characters`);
        }
        scope[field] = v;
    }
    if (scope.tagValue !== undefined && scope.tagKey === undefined) {
        return fail(sink, node.pos, `${of(c, 'Scope')} has a ${key(c, 'TagValue')} without a ${key(c, 'TagKey')}`);
    }
    return scope;
}
function readEvaluationModes(c, node) {
    const { sink, what } = c;
    if (node.kind !== 'seq') {
        return fail(sink, node.pos, `${of(c, 'EvaluationModes')} must be a list of { Mode: DETECTIVE | PROACTIVE }`);
    }
    const modes = [];
    for (const item of node.items) {
        const m = mapWithKeys(sink, item, `an ${key(c, 'EvaluationModes')} item of ${what}`, ['Mode']);
        if (m === FAILED)
            return FAILED;
        const mode = entry(m, 'Mode');
        if (mode === undefined)
            return fail(sink, item.pos, `an ${key(c, 'EvaluationModes')} item of ${what} has no Mode`);
        const v = oneOf(c, mode.value, 'EvaluationModes.Mode', ['DETECTIVE', 'PROACTIVE']);
        if (v === FAILED)
            return FAILED;
        modes.push(v);
    }
    return modes;
}
/** A value parsed from a JSON string, as a node at the string's position. */
function jsonToNode(value, pos) {
    if (Array.isArray(value))
        return { kind: 'seq', pos, items: value.map(v => jsonToNode(v, pos)) };
    if (typeof value === 'object' && value !== null) {
        return {
            kind: 'map',
            pos,
            entries: Object.entries(value).map(([key, v]) => ({
                key,
                keyPos: pos,
                value: jsonToNode(v, pos)
            }))
        };
    }
    if (typeof value === 'string' || typeof value === 'boolean') {
        return { kind: 'scalar', value, text: String(value), pos };
    }
    if (typeof value === 'number')
        return { kind: 'scalar', value, text: String(value), pos };
    return { kind: 'scalar', value: null, text: '', pos };
}

;// CONCATENATED MODULE: ./src/conformance/builtin.ts
/**
 * Built-in packs: data files shipped with the action (data/*.json, generated by scripts/build-hipaa-pack.ts).
 * loadBuiltinPack returns the same ConformancePack shape as the template parser, and each data rule is read by the
 * template's rule reader (template/rules.ts), so both formats accept the same rules; positions point at the data
 * file's lines, so errors and annotations still name a real file.
 */








/** The data file of each built-in pack, as named in messages (repo-relative) and as read at run time. */
const BUILTIN_DATA = {
    'hipaa-security': {
        file: 'src/conformance/data/hipaa-security.json',
        read: () => (0,external_node_fs_.readFileSync)(new URL(/* asset import */ __webpack_require__(2075), __webpack_require__.b), 'utf8')
    }
};
function builtinPackNames() {
    return Object.keys(BUILTIN_DATA);
}
function isBuiltinPack(name) {
    return Object.hasOwn(BUILTIN_DATA, name);
}
const texts = new Map();
/** Loads a built-in pack by name, applying parameter values like template parameters. */
function loadBuiltinPack(name, options = {}) {
    const data = BUILTIN_DATA[name];
    if (data === undefined || !isBuiltinPack(name)) {
        const message = `unknown built-in pack ${JSON.stringify(name)}; available: ${builtinPackNames().join(', ')}`;
        const position = 'position' in options ? options.position : undefined;
        if (position !== undefined)
            throw new src_errors/* SourceErrors */.VH([new src_errors/* SourceError */.c8(position.file, position.line, position.col, message)]);
        throw new src_errors/* InputError */.dz('config', message);
    }
    let text = texts.get(name);
    if (text === undefined) {
        text = data.read();
        texts.set(name, text);
    }
    return packFromData(text, data.file, name, options);
}
/**
 * Pure core: builds a pack from the text of a built-in data file. Problems (a damaged data file, an unknown or
 * invalid parameter value) are thrown together as SourceErrors.
 */
function packFromData(text, file, name, options = {}) {
    const sink = new ErrorSink();
    const root = readSourceTree(text, file, sink);
    const pack = { file, builtin: name, rules: [], remediations: [], parameters: {}, skipped: [] };
    if (root === undefined)
        sink.throwAll();
    const top = dataMap(sink, file, root, 'the data file');
    if (top !== undefined) {
        const title = entry(top, 'title');
        if (title !== undefined) {
            const t = dataString(sink, title.value, 'title');
            if (t !== undefined)
                pack.description = t;
        }
        const declared = readDataParameters(sink, file, entry(top, 'parameters'), top.pos);
        const supplied = options.parameters ?? {};
        const suppliedAt = (p) => options.parameterPositions?.[p];
        for (const [p, decl] of declared) {
            const value = supplied[p];
            pack.parameters[p] =
                value === undefined
                    ? { name: p, type: decl.type, value: decl.default, origin: 'default', position: decl.position }
                    : { name: p, type: decl.type, value, origin: 'supplied', position: decl.position };
        }
        for (const p of Object.keys(supplied)) {
            if (!declared.has(p)) {
                sink.add(suppliedAt(p) ?? entry(top, 'parameters')?.keyPos ?? top.pos, `parameter ${JSON.stringify(p)} is supplied but built-in pack ${name} has no such parameter (parameters: ${[
                    ...declared.keys()
                ].join(', ')})`);
            }
        }
        const rules = entry(top, 'rules');
        if (rules === undefined || rules.value.kind !== 'seq') {
            sink.add(rules?.value.pos ?? top.pos, 'the data file has no "rules" list');
        }
        else {
            for (const item of rules.value.items) {
                const rule = readDataRule(sink, file, item, pack.parameters);
                if (rule !== undefined)
                    pack.rules.push(rule);
            }
            const seen = new Set();
            for (const rule of pack.rules) {
                if (seen.has(rule.name))
                    sink.add(rule.position, `rule ${rule.name} is listed twice`);
                seen.add(rule.name);
            }
        }
    }
    sink.throwIfAny();
    return pack;
}
function dataMap(sink, file, node, what) {
    if (node?.kind === 'map')
        return node;
    sink.add(node?.pos ?? { file, line: 1, col: 1 }, `${what} must be an object`);
    return undefined;
}
function dataString(sink, node, what) {
    if (node.kind === 'scalar' && typeof node.value === 'string')
        return node.value;
    sink.add(node.pos, `${what} must be a string, found ${describe(node)}`);
    return undefined;
}
function dataStrings(sink, node, what) {
    if (node.kind !== 'seq') {
        sink.add(node.pos, `${what} must be a list of strings, found ${describe(node)}`);
        return undefined;
    }
    const out = [];
    for (const item of node.items) {
        const s = dataString(sink, item, `each item of ${what}`);
        if (s === undefined)
            return undefined;
        out.push(s);
    }
    return out;
}
function readDataParameters(sink, file, section, pos) {
    const out = new Map();
    if (section === undefined)
        return out;
    const m = dataMap(sink, file, section.value, '"parameters"');
    for (const e of m?.entries ?? []) {
        const p = dataMap(sink, file, e.value, `parameter ${e.key}`);
        if (p === undefined)
            continue;
        const type = entry(p, 'type');
        const def = entry(p, 'default');
        const t = type ? dataString(sink, type.value, `type of parameter ${e.key}`) : undefined;
        const d = def ? dataString(sink, def.value, `default of parameter ${e.key}`) : undefined;
        if (t === undefined || d === undefined) {
            if (type === undefined || def === undefined)
                sink.add(e.keyPos ?? pos, `parameter ${e.key} needs a type and a default`);
            continue;
        }
        out.set(e.key, { type: t, default: d, position: e.keyPos });
    }
    return out;
}
/**
 * The data file's rule fields by the AWS::Config::ConfigRule property each stands for (the data file keeps a
 * rule's properties under these keys). Messages about a rule of the data file use these names.
 */
const DATA_FIELDS = {
    Description: 'description',
    Source: 'source',
    'Source.Owner': 'source.owner',
    Owner: 'owner',
    'Source.SourceIdentifier': 'source.identifier',
    SourceIdentifier: 'identifier',
    InputParameters: 'inputParameters',
    Scope: 'scope',
    'Scope.ComplianceResourceTypes': 'scope.complianceResourceTypes',
    'Scope.TagKey': 'scope.tagKey',
    'Scope.TagValue': 'scope.tagValue',
    'Scope.ComplianceResourceId': 'scope.complianceResourceId',
    TagKey: 'tagKey',
    TagValue: 'tagValue',
    MaximumExecutionFrequency: 'maximumExecutionFrequency'
};
/** The keys of a data rule (scripts/build-hipaa-pack.ts writes them); mappingNote is a note for readers only. */
const DATA_RULE_KEYS = new Set([
    'logicalId',
    'name',
    'description',
    'source',
    'inputParameters',
    'scope',
    'maximumExecutionFrequency',
    'hipaaSections',
    'hipaaMapping',
    'mappingSource',
    'mappingNote'
]);
const SOURCE_KEYS = { owner: 'Owner', identifier: 'SourceIdentifier' };
const SCOPE_KEYS = {
    complianceResourceTypes: 'ComplianceResourceTypes',
    tagKey: 'TagKey',
    tagValue: 'TagValue',
    complianceResourceId: 'ComplianceResourceId'
};
/** A rule of the data file is named by its name, its fields by the data file's keys. */
const DATA_WORDING = {
    subject: rule => rule.name,
    field: name => DATA_FIELDS[name] ?? name,
    notOneOf: (what, allowed) => `${what} must be one of ${allowed.join(', ')}`
};
/**
 * A rule of the data file: translated into ConfigRule properties (keys renamed, input parameters resolved against
 * the pack's parameters, positions kept) and read by the one rule reader, then given its HIPAA mapping.
 */
function readDataRule(sink, file, node, parameters) {
    const m = dataMap(sink, file, node, 'each rule');
    if (m === undefined)
        return undefined;
    const start = sink.count;
    const field = (key) => entry(m, key);
    const need = (key) => {
        const v = field(key)?.value;
        if (v === undefined)
            sink.add(m.pos, `a rule has no "${key}"`);
        return v;
    };
    const nameNode = need('name');
    const logicalNode = need('logicalId');
    const sourceNode = need('source');
    const name = nameNode ? dataString(sink, nameNode, 'name') : undefined;
    const logicalId = logicalNode ? dataString(sink, logicalNode, 'logicalId') : undefined;
    if (name === undefined || logicalId === undefined)
        return undefined;
    const position = field('name').keyPos;
    // A key nothing reads would be dropped without a word (e.g. evaluationModes): it is an error instead.
    for (const e of m.entries)
        if (!DATA_RULE_KEYS.has(e.key))
            sink.add(e.keyPos, `unknown key ${e.key} of ${name}`);
    const properties = new Map();
    const property = (dataKey, awsKey, value) => {
        const e = field(dataKey);
        if (e !== undefined)
            properties.set(awsKey, { key: awsKey, keyPos: e.keyPos, value: value?.(e) ?? e.value });
    };
    property('description', 'Description');
    property('source', 'Source', e => renameKeys(sink, e.value, SOURCE_KEYS, key => `unknown key source.${key} of ${name}`));
    property('inputParameters', 'InputParameters', e => resolveInputParameters(sink, file, e.value, name, parameters));
    property('scope', 'Scope', e => renameKeys(sink, e.value, SCOPE_KEYS, key => `unknown key scope.${key} of ${name}`));
    property('maximumExecutionFrequency', 'MaximumExecutionFrequency');
    const rule = sourceNode === undefined // already reported; the rule reader would report it again
        ? undefined
        : readRule({ logicalId, name, nameFromLogicalId: false, position, properties }, sink, DATA_WORDING);
    const hipaa = readHipaa(sink, m, name, position);
    if (rule === undefined || hipaa === undefined || sink.count !== start)
        return undefined;
    return { ...rule, ...hipaa };
}
/**
 * A map with its data keys renamed to the property names; a key with no property name is reported (unknown words
 * the message). A node that is not a map is passed on as it is, for the rule reader to report.
 */
function renameKeys(sink, node, names, unknown) {
    if (node.kind !== 'map')
        return node;
    const entries = [];
    for (const e of node.entries) {
        const key = Object.hasOwn(names, e.key) ? names[e.key] : undefined;
        if (key !== undefined)
            entries.push({ ...e, key });
        else
            sink.add(e.keyPos, unknown(e.key));
    }
    return { ...node, entries };
}
/** inputParameters: each { value, parameter?, omitWhenEmpty? } resolved to the string AWS Config receives. */
function resolveInputParameters(sink, file, node, name, parameters) {
    const m = dataMap(sink, file, node, `inputParameters of ${name}`);
    const entries = [];
    for (const e of m?.entries ?? []) {
        const p = dataMap(sink, file, e.value, `inputParameters.${e.key} of ${name}`);
        if (p === undefined)
            continue;
        const valueNode = entry(p, 'value');
        const value = valueNode
            ? dataString(sink, valueNode.value, `inputParameters.${e.key}.value of ${name}`)
            : undefined;
        if (valueNode === undefined)
            sink.add(e.keyPos, `inputParameters.${e.key} of ${name} has no "value"`);
        if (value === undefined)
            continue;
        let resolved = value;
        const paramNode = entry(p, 'parameter');
        if (paramNode !== undefined) {
            const param = dataString(sink, paramNode.value, `inputParameters.${e.key}.parameter of ${name}`);
            if (param === undefined)
                continue;
            const declared = parameters[param];
            if (declared === undefined) {
                sink.add(paramNode.value.pos, `inputParameters.${e.key} of ${name} refers to undeclared parameter ${param}`);
                continue;
            }
            resolved = typeof declared.value === 'string' ? declared.value : declared.value.join(',');
        }
        const omit = entry(p, 'omitWhenEmpty');
        if (omit !== undefined && !(omit.value.kind === 'scalar' && typeof omit.value.value === 'boolean')) {
            sink.add(omit.value.pos, `inputParameters.${e.key}.omitWhenEmpty of ${name} must be true or false`);
            continue;
        }
        if (omit?.value.kind === 'scalar' && omit.value.value === true && resolved === '')
            continue;
        const pos = valueNode.value.pos;
        entries.push({ key: e.key, keyPos: e.keyPos, value: { kind: 'scalar', value: resolved, text: resolved, pos } });
    }
    return { kind: 'map', pos: node.pos, entries };
}
function readHipaa(sink, m, name, position) {
    const sections = entry(m, 'hipaaSections');
    const mapping = entry(m, 'hipaaMapping');
    const source = entry(m, 'mappingSource');
    if (sections === undefined || mapping === undefined || source === undefined) {
        sink.add(position, `rule ${name} needs hipaaSections, hipaaMapping and mappingSource`);
        return undefined;
    }
    const list = dataStrings(sink, sections.value, `hipaaSections of ${name}`);
    const status = dataString(sink, mapping.value, `hipaaMapping of ${name}`);
    const from = dataString(sink, source.value, `mappingSource of ${name}`);
    if (list === undefined || status === undefined || from === undefined)
        return undefined;
    if (sections.value.kind === 'seq') {
        sections.value.items.forEach(item => {
            const id = item.kind === 'scalar' ? scalarString(item) : undefined;
            if (id !== undefined && !isSectionId(id))
                sink.add(item.pos, `malformed HIPAA section id ${JSON.stringify(id)}`);
        });
    }
    if (status !== 'mapped' && status !== 'unknown') {
        sink.add(mapping.value.pos, `hipaaMapping of ${name} must be "mapped" or "unknown"`);
        return undefined;
    }
    if ((status === 'unknown') !== (list.length === 0)) {
        sink.add(mapping.value.pos, `hipaaMapping of ${name} is "${status}" but it lists ${list.length} sections`);
        return undefined;
    }
    return { hipaaSections: list, hipaaMapping: status, mappingSource: from };
}
let defaultHipaa;
function hipaaRules() {
    defaultHipaa ??= new Map(loadBuiltinPack('hipaa-security').rules.map(r => [r.name, r]));
    return defaultHipaa;
}
/** HIPAA Security Rule sections a rule of the built-in hipaa-security pack supports; [] when unknown or not in it. */
function hipaaSectionsFor(ruleName) {
    return [...(hipaaRules().get(ruleName)?.hipaaSections ?? [])];
}
/** The HIPAA mapping of a rule of the built-in pack, with its status and source; undefined when not in the pack. */
function hipaaMappingFor(ruleName) {
    const rule = hipaaRules().get(ruleName);
    if (rule === undefined)
        return undefined;
    return {
        sections: [...(rule.hipaaSections ?? [])],
        mapping: rule.hipaaMapping ?? 'unknown',
        source: rule.mappingSource ?? 'none'
    };
}

;// CONCATENATED MODULE: ./src/conformance/managed-rules.ts
/**
 * Catalog of AWS managed Config rule identifiers (data/managed-rules.json, generated by scripts/build-hipaa-pack.ts
 * from the identifiers observed in AWS's published conformance packs) and the preflight check built on it.
 * The catalog is observed, not exhaustive: an unknown identifier is an error (AWS would reject a typo at deploy
 * time), an unknown parameter key only a warning.
 */

class ManagedRuleCatalog {
    byId;
    constructor(data) {
        if (typeof data !== 'object' ||
            data === null ||
            typeof data.identifiers !== 'object' ||
            data.identifiers === null) {
            throw new Error('managed rule catalog: "identifiers" is missing');
        }
        this.byId = new Map(Object.entries(data.identifiers).map(([id, info]) => [
            id,
            { parameters: [...info.parameters], resourceTypes: [...info.resourceTypes] }
        ]));
    }
    get size() {
        return this.byId.size;
    }
    get(identifier) {
        return this.byId.get(identifier);
    }
    /** The known identifier closest to a misspelt one, if any is close. */
    suggest(identifier) {
        const wanted = identifier.toUpperCase().replace(/-/g, '_');
        if (this.byId.has(wanted))
            return wanted;
        let best;
        let bestDistance = Math.max(2, Math.floor(wanted.length / 6));
        for (const id of this.byId.keys()) {
            if (Math.abs(id.length - wanted.length) > bestDistance)
                continue;
            const d = editDistance(wanted, id);
            if (d <= bestDistance) {
                best = id;
                bestDistance = d - 1;
            }
        }
        return best;
    }
    /** Preflight issues of the AWS-owned rules of a pack: unknown identifiers (errors) and parameters (warnings). */
    check(rules) {
        const issues = [];
        for (const rule of rules) {
            if (rule.source.owner !== 'AWS' || rule.source.identifier === undefined)
                continue;
            const id = rule.source.identifier;
            const info = this.byId.get(id);
            if (info === undefined) {
                const hint = this.suggest(id);
                issues.push({
                    severity: 'error',
                    rule: rule.name,
                    position: rule.position,
                    message: `rule ${rule.name}: ${id} is not a known AWS managed rule identifier${hint ? ` (did you mean ${hint}?)` : ''}`
                });
                continue;
            }
            for (const key of Object.keys(rule.inputParameters)) {
                if (info.parameters.includes(key))
                    continue;
                const sameIgnoringCase = info.parameters.find(p => p.toLowerCase() === key.toLowerCase());
                const known = info.parameters.length > 0 ? info.parameters.join(', ') : 'none';
                issues.push({
                    severity: 'warning',
                    rule: rule.name,
                    position: rule.inputParameterPositions[key] ?? rule.position,
                    message: `rule ${rule.name}: input parameter ${key} is not among the parameters seen for ${id} (${known})` +
                        (sameIgnoringCase ? `; parameter names are case-sensitive: did you mean ${sameIgnoringCase}?` : '')
                });
            }
        }
        return issues;
    }
}
function editDistance(a, b) {
    let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const cur = [i];
        for (let j = 1; j <= b.length; j++) {
            cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        prev = cur;
    }
    return prev[b.length];
}
let catalog;
/** The bundled catalog (read once). */
function managedRuleCatalog() {
    catalog ??= new ManagedRuleCatalog(JSON.parse((0,external_node_fs_.readFileSync)(new URL(/* asset import */ __webpack_require__(9638), __webpack_require__.b), 'utf8')));
    return catalog;
}
function isKnownManagedRule(identifier) {
    return managedRuleCatalog().get(identifier) !== undefined;
}
/** Parameter keys observed for a managed rule; undefined when the identifier is unknown. */
function knownParameters(identifier) {
    return managedRuleCatalog().get(identifier)?.parameters;
}
/** Resource types observed in the scopes of a managed rule; undefined when the identifier is unknown. */
function knownResourceTypes(identifier) {
    return managedRuleCatalog().get(identifier)?.resourceTypes;
}
/** Preflight check of a pack's rules against the bundled catalog. */
function checkManagedRules(rules) {
    return managedRuleCatalog().check(rules);
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/conformance/template/conditions.ts

/** Mappings: a map of maps of maps. Returned even when some entries are malformed (those were reported). */
function readMappings(section, sink) {
    if (section === undefined)
        return undefined;
    if (section.value.kind !== 'map') {
        sink.add(section.value.pos, `Mappings must be a map, found ${describe(section.value)}`);
        return undefined;
    }
    for (const m of section.value.entries) {
        if (m.value.kind !== 'map') {
            sink.add(m.value.pos, `mapping ${m.key} must be a map of maps, found ${describe(m.value)}`);
            continue;
        }
        for (const top of m.value.entries) {
            if (top.value.kind !== 'map') {
                sink.add(top.value.pos, `mapping ${m.key}.${top.key} must be a map, found ${describe(top.value)}`);
            }
        }
    }
    return section.value;
}
/** Condition definitions by name (evaluated on demand by the Evaluator). */
function readConditions(section, sink) {
    const conditions = new Map();
    if (section === undefined)
        return conditions;
    if (section.value.kind !== 'map') {
        sink.add(section.value.pos, `Conditions must be a map, found ${describe(section.value)}`);
        return conditions;
    }
    for (const c of section.value.entries)
        conditions.set(c.key, c);
    return conditions;
}
/** Every condition is evaluated, used or not, so a broken one is reported (CloudFormation validates them all). */
function evaluateConditions(evaluator, conditions) {
    for (const [name, def] of conditions)
        evaluator.condition(name, def.keyPos);
}

;// CONCATENATED MODULE: ./src/conformance/template/parameters.ts
/**
 * The Parameters section: each declared parameter resolved to the value the manifest supplies or its Default, and
 * checked against its Type, AllowedValues, AllowedPattern and bounds, as CloudFormation checks them.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html
 */


const PARAMETER_ATTRIBUTES = new Set([
    'Type',
    'Default',
    'Description',
    'AllowedValues',
    'AllowedPattern',
    'ConstraintDescription',
    'MaxLength',
    'MinLength',
    'MaxValue',
    'MinValue',
    'NoEcho'
]);
/** Resolves the declared parameters; a supplied parameter the template does not declare is an error. */
function readParameters(section, options, file, sink) {
    const out = { parameters: new Map(), failed: new Set() };
    const supplied = options.parameters ?? {};
    const suppliedAt = (name) => options.parameterPositions?.[name];
    const declared = new Set();
    if (section !== undefined) {
        if (section.value.kind !== 'map') {
            sink.add(section.value.pos, `Parameters must be a map, found ${describe(section.value)}`);
        }
        else {
            for (const p of section.value.entries) {
                declared.add(p.key);
                const value = readParameter(sink, p, supplied[p.key], suppliedAt(p.key));
                if (value === undefined)
                    out.failed.add(p.key);
                else
                    out.parameters.set(p.key, value);
            }
        }
    }
    for (const name of Object.keys(supplied)) {
        if (declared.has(name))
            continue;
        const pos = suppliedAt(name) ?? section?.keyPos ?? { file, line: 1, col: 1 };
        sink.add(pos, `parameter ${JSON.stringify(name)} is supplied but the template declares no such parameter` +
            (declared.size > 0 ? ` (declared: ${[...declared].join(', ')})` : ' (it declares none)'));
    }
    return out;
}
function readParameter(sink, p, supplied, suppliedPos) {
    if (p.value.kind !== 'map') {
        sink.add(p.value.pos, `parameter ${p.key} must be a map with a Type, found ${describe(p.value)}`);
        return undefined;
    }
    const def = p.value;
    for (const e of def.entries) {
        if (!PARAMETER_ATTRIBUTES.has(e.key))
            sink.add(e.keyPos, `unknown attribute ${e.key} of parameter ${p.key}`);
    }
    const typeEntry = entry(def, 'Type');
    const type = typeEntry && typeEntry.value.kind === 'scalar' ? scalarText(typeEntry.value) : undefined;
    if (type === undefined) {
        sink.add(p.keyPos, `parameter ${p.key} has no Type (String, Number, CommaDelimitedList, ...)`);
        return undefined;
    }
    const kind = parameterKind(type);
    if (kind === undefined) {
        sink.add(typeEntry.value.pos, `parameter ${p.key}: unsupported Type ${JSON.stringify(type)}`);
        return undefined;
    }
    if (kind === 'ssm') {
        sink.add(typeEntry.value.pos, `parameter ${p.key}: Type ${type} reads Systems Manager Parameter Store, which cannot be resolved before deployment; pass the value itself as a String parameter`);
        return undefined;
    }
    let raw;
    let origin;
    let valuePos;
    const defaultEntry = entry(def, 'Default');
    if (supplied !== undefined) {
        raw = supplied;
        origin = 'supplied';
        valuePos = suppliedPos ?? p.keyPos;
    }
    else if (defaultEntry !== undefined) {
        const d = defaultEntry.value;
        const text = d.kind === 'scalar' ? scalarText(d) : undefined;
        if (text === undefined) {
            sink.add(d.pos, `parameter ${p.key}: Default must be a string, found ${describe(d)}`);
            return undefined;
        }
        raw = text;
        origin = 'default';
        valuePos = d.pos;
    }
    else {
        sink.add(p.keyPos, `parameter ${p.key} has no value: supply it (pack parameters) or give it a Default`);
        return undefined;
    }
    const what = origin === 'supplied' ? `value supplied for parameter ${p.key}` : `Default of parameter ${p.key}`;
    const value = kind === 'list' || kind === 'numberList' ? splitList(raw) : raw;
    const items = typeof value === 'string' ? [value] : value;
    let ok = true;
    if (kind === 'number' || kind === 'numberList') {
        for (const item of items) {
            if (!isNumber(item)) {
                ok = false;
                sink.add(valuePos, `${what}: ${JSON.stringify(item)} is not a number`);
            }
        }
    }
    const allowed = stringListAttr(sink, def, 'AllowedValues', p.key);
    if (allowed !== undefined) {
        for (const item of items) {
            if (!allowed.includes(item)) {
                ok = false;
                sink.add(valuePos, `${what}: ${JSON.stringify(item)} is not one of the AllowedValues (${allowed.join(', ')})`);
            }
        }
    }
    const pattern = entry(def, 'AllowedPattern');
    if (pattern !== undefined) {
        const source = pattern.value.kind === 'scalar' ? scalarText(pattern.value) : undefined;
        let re;
        try {
            re = source === undefined ? undefined : new RegExp(`^(?:${source})$`, 'u');
        }
        catch {
            re = undefined;
        }
        if (re === undefined)
            sink.add(pattern.value.pos, `parameter ${p.key}: AllowedPattern is not a valid pattern`);
        else {
            for (const item of items) {
                if (!re.test(item)) {
                    ok = false;
                    sink.add(valuePos, `${what}: ${JSON.stringify(item)} does not match AllowedPattern ${source}`);
                }
            }
        }
    }
    ok = checkBounds(sink, def, p.key, what, valuePos, items, kind) && ok;
    if (!ok)
        return undefined;
    return { name: p.key, type, value, origin, position: p.keyPos };
}
function stringListAttr(sink, def, attr, param) {
    const e = entry(def, attr);
    if (e === undefined)
        return undefined;
    if (e.value.kind !== 'seq') {
        sink.add(e.value.pos, `parameter ${param}: ${attr} must be a list`);
        return undefined;
    }
    const out = [];
    for (const item of e.value.items) {
        const text = item.kind === 'scalar' ? scalarText(item) : undefined;
        if (text === undefined)
            sink.add(item.pos, `parameter ${param}: ${attr} must hold strings`);
        else
            out.push(text);
    }
    return out;
}
function checkBounds(sink, def, param, what, pos, items, kind) {
    let ok = true;
    const bound = (attr) => {
        const e = entry(def, attr);
        if (e === undefined)
            return undefined;
        const text = e.value.kind === 'scalar' ? scalarText(e.value) : undefined;
        if (text === undefined || !isNumber(text)) {
            sink.add(e.value.pos, `parameter ${param}: ${attr} must be a number`);
            return undefined;
        }
        return Number(text);
    };
    const minLength = bound('MinLength');
    const maxLength = bound('MaxLength');
    const minValue = bound('MinValue');
    const maxValue = bound('MaxValue');
    for (const item of items) {
        if (kind === 'string' || kind === 'list') {
            if (minLength !== undefined && item.length < minLength) {
                ok = false;
                sink.add(pos, `${what}: shorter than MinLength ${minLength}`);
            }
            if (maxLength !== undefined && item.length > maxLength) {
                ok = false;
                sink.add(pos, `${what}: longer than MaxLength ${maxLength}`);
            }
        }
        else if (isNumber(item)) {
            if (minValue !== undefined && Number(item) < minValue) {
                ok = false;
                sink.add(pos, `${what}: ${item} is below MinValue ${minValue}`);
            }
            if (maxValue !== undefined && Number(item) > maxValue) {
                ok = false;
                sink.add(pos, `${what}: ${item} is above MaxValue ${maxValue}`);
            }
        }
    }
    return ok;
}
function parameterKind(type) {
    if (type === 'String')
        return 'string';
    if (type === 'Number')
        return 'number';
    if (type === 'CommaDelimitedList')
        return 'list';
    if (type === 'List<Number>')
        return 'numberList';
    if (type.startsWith('AWS::SSM::Parameter::Value<'))
        return 'ssm';
    if (type === 'AWS::SSM::Parameter::Name')
        return 'string';
    if (/^AWS::[A-Za-z0-9]+::[A-Za-z0-9:]+$/.test(type))
        return 'string';
    if (/^List<AWS::[A-Za-z0-9]+::[A-Za-z0-9:]+>$/.test(type))
        return 'list';
    return undefined;
}
function splitList(raw) {
    return raw === '' ? [] : raw.split(',').map(s => s.trim());
}
function isNumber(text) {
    return /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(text.trim());
}

;// CONCATENATED MODULE: ./src/conformance/template/remediations.ts
/**
 * AWS::Config::RemediationConfiguration properties -> RemediationSpec.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-config-remediationconfiguration.html
 * Limits: AWS Config API Reference, PutRemediationConfigurations (RemediationConfiguration, ExecutionControls).
 */




const REMEDIATION_PROPERTIES = new Set([
    'ConfigRuleName',
    'TargetType',
    'TargetId',
    'TargetVersion',
    'Parameters',
    'ResourceType',
    'Automatic',
    'MaximumAutomaticAttempts',
    'RetryAttemptSeconds',
    'ExecutionControls'
]);
/** Reads a RemediationConfiguration resource; undefined when it has errors (reported). */
function readRemediation(ctx, decl) {
    const { sink } = ctx;
    const props = resolveProperties(ctx, decl, REMEDIATION_PROPERTIES, []);
    if (props === undefined)
        return undefined;
    const what = decl.logicalId;
    const start = sink.count;
    const required = (key) => {
        const e = props.get(key);
        if (e === undefined)
            sink.add(decl.pos, `RemediationConfiguration ${what} has no ${key}`);
        return e;
    };
    const ruleEntry = required('ConfigRuleName');
    const typeEntry = required('TargetType');
    const idEntry = required('TargetId');
    const spec = {
        logicalId: decl.logicalId,
        configRuleName: '',
        targetType: 'SSM_DOCUMENT',
        targetId: '',
        parameters: {},
        parameterPositions: {},
        automatic: false,
        position: decl.pos
    };
    if (ruleEntry !== undefined) {
        const v = stringValue(sink, ruleEntry.value, `ConfigRuleName of ${what}`);
        if (v !== FAILED)
            spec.configRuleName = v;
    }
    if (typeEntry !== undefined)
        enumValue(sink, typeEntry.value, `TargetType of ${what}`, ['SSM_DOCUMENT']);
    if (idEntry !== undefined) {
        const v = stringValue(sink, idEntry.value, `TargetId of ${what}`);
        if (v !== FAILED) {
            if (v.length < 1 || v.length > 256)
                sink.add(idEntry.value.pos, `TargetId of ${what} must be 1 to 256 characters`);
            spec.targetId = v;
        }
    }
    const version = props.get('TargetVersion');
    if (version !== undefined) {
        const v = stringValue(sink, version.value, `TargetVersion of ${what}`);
        if (v !== FAILED)
            spec.targetVersion = v;
    }
    const resourceType = props.get('ResourceType');
    if (resourceType !== undefined) {
        const v = stringValue(sink, resourceType.value, `ResourceType of ${what}`);
        if (v !== FAILED)
            spec.resourceType = v;
    }
    const automatic = props.get('Automatic');
    if (automatic !== undefined) {
        const v = boolValue(sink, automatic.value, `Automatic of ${what}`);
        if (v !== FAILED)
            spec.automatic = v;
    }
    const attempts = props.get('MaximumAutomaticAttempts');
    if (attempts !== undefined) {
        const v = intValue(sink, attempts.value, `MaximumAutomaticAttempts of ${what}`, 1, 25);
        if (v !== FAILED)
            spec.maximumAutomaticAttempts = v;
    }
    const retry = props.get('RetryAttemptSeconds');
    if (retry !== undefined) {
        const v = intValue(sink, retry.value, `RetryAttemptSeconds of ${what}`, 1, 2678000);
        if (v !== FAILED)
            spec.retryAttemptSeconds = v;
    }
    const controls = props.get('ExecutionControls');
    if (controls !== undefined) {
        const v = readExecutionControls(sink, controls.value, what);
        if (v !== FAILED)
            spec.executionControls = v;
    }
    const params = props.get('Parameters');
    if (params !== undefined)
        readRemediationParameters(sink, params.value, spec);
    return sink.count === start ? spec : undefined;
}
function readExecutionControls(sink, node, what) {
    const m = mapWithKeys(sink, node, `ExecutionControls of ${what}`, ['SsmControls']);
    if (m === FAILED)
        return FAILED;
    const ssm = entry(m, 'SsmControls');
    if (ssm === undefined)
        return {};
    const s = mapWithKeys(sink, ssm.value, `ExecutionControls.SsmControls of ${what}`, [
        'ConcurrentExecutionRatePercentage',
        'ErrorPercentage'
    ]);
    if (s === FAILED)
        return FAILED;
    const out = {};
    const rate = entry(s, 'ConcurrentExecutionRatePercentage');
    if (rate !== undefined) {
        const v = intValue(sink, rate.value, `ConcurrentExecutionRatePercentage of ${what}`, 1, 100);
        if (v === FAILED)
            return FAILED;
        out.concurrentExecutionRatePercentage = v;
    }
    const errors = entry(s, 'ErrorPercentage');
    if (errors !== undefined) {
        const v = intValue(sink, errors.value, `ErrorPercentage of ${what}`, 1, 100);
        if (v === FAILED)
            return FAILED;
        out.errorPercentage = v;
    }
    return { ssmControls: out };
}
function readRemediationParameters(sink, node, spec) {
    const what = `Parameters of ${spec.logicalId}`;
    if (node.kind !== 'map') {
        sink.add(node.pos, `${what} must be a map of SSM parameter names to { ResourceValue } or { StaticValue }`);
        return;
    }
    for (const e of node.entries) {
        const m = mapWithKeys(sink, e.value, `${what}: ${e.key}`, ['ResourceValue', 'StaticValue']);
        if (m === FAILED)
            continue;
        const resource = entry(m, 'ResourceValue');
        const statics = entry(m, 'StaticValue');
        if ((resource === undefined) === (statics === undefined)) {
            sink.add(e.keyPos, `${what}: ${e.key} must have exactly one of ResourceValue and StaticValue`);
            continue;
        }
        let value = FAILED;
        if (resource !== undefined) {
            const r = mapWithKeys(sink, resource.value, `${what}: ${e.key}.ResourceValue`, ['Value']);
            const v = r === FAILED ? undefined : entry(r, 'Value');
            if (r !== FAILED && v === undefined)
                sink.add(resource.value.pos, `${what}: ${e.key}.ResourceValue has no Value (RESOURCE_ID)`);
            else if (v !== undefined) {
                const id = enumValue(sink, v.value, `${what}: ${e.key}.ResourceValue.Value`, ['RESOURCE_ID']);
                if (id !== FAILED)
                    value = { resourceValue: { value: id } };
            }
        }
        else if (statics !== undefined) {
            const s = mapWithKeys(sink, statics.value, `${what}: ${e.key}.StaticValue`, ['Values']);
            const v = s === FAILED ? undefined : entry(s, 'Values');
            if (s !== FAILED && v === undefined)
                sink.add(statics.value.pos, `${what}: ${e.key}.StaticValue has no Values`);
            else if (v !== undefined) {
                const values = stringListValue(sink, v.value, `${what}: ${e.key}.StaticValue.Values`);
                if (values !== FAILED) {
                    if (values.length > 25)
                        sink.add(v.value.pos, `${what}: ${e.key}.StaticValue.Values has more than 25 values`);
                    else if (values.some(x => x.length > 256)) {
                        sink.add(v.value.pos, `${what}: ${e.key}.StaticValue.Values must each be at most 256 characters`);
                    }
                    else
                        value = { staticValue: { values } };
                }
            }
        }
        if (value !== FAILED) {
            spec.parameters[e.key] = value;
            spec.parameterPositions[e.key] = e.keyPos;
        }
    }
}

;// CONCATENATED MODULE: ./src/conformance/template/reader.ts
/**
 * A template document as a whole: its top-level sections in order (Parameters, Mappings, Conditions, Resources),
 * then each active resource read by the reader of its type, then the checks across the pack.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html
 */








const TOP_LEVEL = new Set([
    'AWSTemplateFormatVersion',
    'Description',
    'Metadata',
    'Parameters',
    'Mappings',
    'Conditions',
    'Resources'
]);
const TOP_LEVEL_UNSUPPORTED = {
    Transform: 'transforms (macros, AWS::Serverless, AWS::LanguageExtensions) are not supported in conformance packs',
    Outputs: 'a conformance pack has no outputs; remove the section',
    Rules: 'template Rules (parameter assertions) are not supported in conformance packs; use AllowedValues'
};
/** Reads a parsed template into a pack; every problem goes to the sink (the caller throws them together). */
function readTemplate(root, file, sink, options) {
    const pack = { file, rules: [], remediations: [], parameters: {}, skipped: [] };
    if (root.kind !== 'map') {
        sink.add(root.pos, `a conformance pack template must be a map of sections, found ${describe(root)}`);
        return pack;
    }
    for (const e of root.entries) {
        const why = TOP_LEVEL_UNSUPPORTED[e.key];
        if (why !== undefined)
            sink.add(e.keyPos, `section ${e.key} is not supported: ${why}`);
        else if (!TOP_LEVEL.has(e.key)) {
            sink.add(e.keyPos, `unknown top-level section ${JSON.stringify(e.key)} (expected one of ${[...TOP_LEVEL].join(', ')})`);
        }
    }
    const version = entry(root, 'AWSTemplateFormatVersion');
    if (version !== undefined && !(version.value.kind === 'scalar' && scalarText(version.value) === '2010-09-09')) {
        sink.add(version.value.pos, 'AWSTemplateFormatVersion must be "2010-09-09"');
    }
    const description = entry(root, 'Description');
    if (description !== undefined) {
        if (description.value.kind === 'scalar' && typeof description.value.value === 'string') {
            pack.description = description.value.value;
        }
        else
            sink.add(description.value.pos, 'Description must be a string');
    }
    const { parameters, failed } = readParameters(entry(root, 'Parameters'), options, file, sink);
    const mappings = readMappings(entry(root, 'Mappings'), sink);
    const conditions = readConditions(entry(root, 'Conditions'), sink);
    const ctx = {
        sink,
        evaluator: new Evaluator({
            sink,
            parameters,
            failedParameters: failed,
            conditions,
            mappings,
            context: options.context,
            resourceRef: (id, pos) => resourceRef(ctx, id, pos)
        }),
        resources: new Map(),
        ruleNames: new Map(),
        namingRules: new Set(),
        warnings: []
    };
    evaluateConditions(ctx.evaluator, conditions);
    const resourcesEntry = entry(root, 'Resources');
    if (resourcesEntry === undefined) {
        sink.add(root.pos, 'the template has no Resources section (a pack needs at least one AWS::Config::ConfigRule)');
    }
    else
        readResources(ctx, resourcesEntry, pack.skipped);
    for (const decl of ctx.resources.values()) {
        if (!decl.active)
            continue;
        if (decl.type === CONFIG_RULE_TYPE) {
            const rule = readConfigRule(ctx, decl);
            if (rule !== undefined)
                pack.rules.push(rule);
        }
        else if (decl.type === REMEDIATION_TYPE) {
            const remediation = readRemediation(ctx, decl);
            if (remediation !== undefined)
                pack.remediations.push(remediation);
        }
    }
    checkPack(sink, pack);
    pack.parameters = Object.fromEntries(parameters);
    if (ctx.warnings.length > 0)
        pack.warnings = [...ctx.warnings];
    return pack;
}
/** Rule names are unique in a pack; each remediation names a rule of the pack, and a rule has at most one. */
function checkPack(sink, pack) {
    const byName = new Map();
    for (const rule of pack.rules) {
        const other = byName.get(rule.name);
        if (other !== undefined) {
            sink.add(rule.position, `rule name ${rule.name} is used twice (${other.logicalId} at line ${other.position.line} and ${rule.logicalId})`);
        }
        else
            byName.set(rule.name, rule);
    }
    const remediated = new Map();
    for (const rem of pack.remediations) {
        if (!byName.has(rem.configRuleName)) {
            sink.add(rem.position, `RemediationConfiguration ${rem.logicalId} names rule ${JSON.stringify(rem.configRuleName)}, which is not a rule of this pack`);
        }
        const other = remediated.get(rem.configRuleName);
        if (other !== undefined) {
            sink.add(rem.position, `rule ${rem.configRuleName} has two RemediationConfigurations (${other.logicalId} and ${rem.logicalId}); AWS Config keeps one per rule`);
        }
        else
            remediated.set(rem.configRuleName, rem);
    }
}

;// CONCATENATED MODULE: ./src/conformance/template/index.ts
/**
 * Conformance pack templates (AWS's format: CloudFormation-like YAML or JSON) -> typed rule and remediation specs.
 * parseConformancePack is pure; loadConformancePackFile is the thin edge that reads the file.
 */






/**
 * Parses a conformance pack template. All problems are collected and thrown together as SourceErrors, each naming
 * file:line:col.
 */
function parseConformancePack(text, file, options) {
    const sink = new ErrorSink();
    const root = readSourceTree(text, file, sink);
    if (root === undefined) {
        sink.throwIfAny();
        throw new src_errors/* SourceErrors */.VH([]); // unreachable: readSourceTree reports why it returned nothing
    }
    const pack = readTemplate(root, file, sink, options);
    sink.throwIfAny();
    return pack;
}
/** Reads and parses a template file; displayPath (e.g. repo-relative) is the name used in messages. */
async function loadConformancePackFile(path, options, displayPath = path) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (err) {
        const code = err.code ?? String(err);
        const sink = new ErrorSink();
        sink.add({ file: displayPath, line: 1, col: 1 }, `cannot read the conformance pack template (${code})`);
        return sink.throwAll();
    }
    return parseConformancePack(text, displayPath, options);
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var ajv = __webpack_require__(2463);
;// CONCATENATED MODULE: ./src/source/schema.ts

/** A JSON pointer (Ajv's instancePath, e.g. `/packs/0/template`) as a tree path; `~1` and `~0` unescaped. */
function pointerPath(instancePath) {
    if (instancePath === '')
        return [];
    return instancePath
        .slice(1)
        .split('/')
        .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map(s => (/^\d+$/.test(s) ? Number(s) : s));
}
/** Drops Ajv's follow-on errors (a failed oneOf also reports each branch). */
function usefulErrors(errors) {
    const oneOfPaths = new Set(errors.filter(e => e.keyword === 'oneOf').map(e => e.instancePath));
    return errors.filter(e => {
        if (e.keyword === 'oneOf')
            return true;
        if (oneOfPaths.has(e.instancePath) && e.schemaPath.includes('/oneOf/'))
            return false;
        // A value failing oneOf of two type alternatives reports both; keep the oneOf one only.
        return !(e.schemaPath.includes('/oneOf/') && [...oneOfPaths].some(p => e.instancePath.startsWith(p)));
    });
}
/** Where an Ajv error points: the value at its path, or the unknown key for `additionalProperties`. */
function schemaErrorPosition(e, root, empty) {
    if (root === undefined)
        return empty;
    const path = pointerPath(e.instancePath);
    if (e.keyword === 'additionalProperties') {
        return positionOf(root, [...path, String(e.params.additionalProperty)], 'key');
    }
    return positionOf(root, path);
}
/**
 * Adds the useful errors of a failed validation to the sink, each at its position and worded by `describe`.
 * `empty` is the position for an empty document (no tree).
 */
function addSchemaErrors(errors, root, empty, describe, sink) {
    for (const e of usefulErrors(errors ?? []))
        sink.add(schemaErrorPosition(e, root, empty), describe(e));
}

;// CONCATENATED MODULE: ./src/manifest/schema.ts
/**
 * JSON Schema of compliance.yml. `schema/compliance.schema.json` is generated from this object
 * (`npm run schema`) for editors (`# yaml-language-server: $schema=...`); a test keeps the two equal.
 */
const schema_ruleName = { type: 'string', pattern: '^[A-Za-z0-9_.-]{1,128}$' };
const parameterValues = {
    type: 'object',
    description: 'Parameter values. Numbers and booleans are passed as their string form, as AWS does.',
    additionalProperties: { type: ['string', 'number', 'boolean'] }
};
const MANIFEST_SCHEMA_ID = 'https://github.com/example-org/compliance-gate/schema/compliance.schema.json';
const manifestSchema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: MANIFEST_SCHEMA_ID,
    title: 'compliance-gate manifest (compliance.yml)',
    description: 'Conformance packs, single rules, SSM Automation runbooks, remediation bindings, alerting and waivers that compliance-gate deploys and checks.',
    type: 'object',
    additionalProperties: false,
    required: ['version'],
    properties: {
        version: { const: 1, description: 'Manifest format version. Always 1.' },
        packs: {
            type: 'array',
            description: 'Conformance packs: a built-in pack or a template in AWS conformance pack format.',
            items: {
                type: 'object',
                additionalProperties: false,
                oneOf: [{ required: ['builtin'] }, { required: ['template'] }],
                properties: {
                    builtin: { type: 'string', enum: ['hipaa-security'], description: 'A pack shipped with the action.' },
                    template: {
                        type: 'string',
                        minLength: 1,
                        description: 'Path (relative to this file) of a conformance pack template, YAML or JSON.'
                    },
                    parameters: parameterValues,
                    exclude: {
                        type: 'array',
                        description: 'Names of pack rules not to deploy or check.',
                        items: schema_ruleName,
                        uniqueItems: true
                    }
                }
            }
        },
        rules: {
            type: 'array',
            description: 'Single AWS managed Config rules, in addition to the packs.',
            items: {
                type: 'object',
                additionalProperties: false,
                required: ['name', 'identifier'],
                properties: {
                    name: { ...schema_ruleName, description: 'ConfigRuleName.' },
                    identifier: {
                        type: 'string',
                        pattern: '^[A-Z0-9_]{1,256}$',
                        description: 'AWS managed rule identifier, e.g. S3_BUCKET_LOGGING_ENABLED.'
                    },
                    description: { type: 'string', maxLength: 256 },
                    parameters: parameterValues,
                    'resource-types': {
                        type: 'array',
                        items: { type: 'string', pattern: '^AWS::[A-Za-z0-9]*::[A-Za-z0-9]+$' },
                        maxItems: 100,
                        uniqueItems: true,
                        description: 'Scope: resource types the rule evaluates.'
                    },
                    'tag-key': { type: 'string', minLength: 1, maxLength: 128 },
                    'tag-value': { type: 'string', minLength: 1, maxLength: 256 },
                    'maximum-execution-frequency': {
                        type: 'string',
                        enum: ['One_Hour', 'Three_Hours', 'Six_Hours', 'Twelve_Hours', 'TwentyFour_Hours']
                    },
                    'evaluation-modes': {
                        type: 'array',
                        items: { type: 'string', enum: ['DETECTIVE', 'PROACTIVE'] },
                        minItems: 1,
                        uniqueItems: true,
                        description: 'DETECTIVE (deployed resources, the default) and/or PROACTIVE (resources before deploy: pre-deploy checks), for managed rules that support it.'
                    }
                }
            }
        },
        runbooks: {
            type: 'array',
            description: 'SSM Automation documents (schemaVersion 0.3, YAML or JSON) to deploy.',
            items: {
                type: 'object',
                additionalProperties: false,
                required: ['path'],
                properties: {
                    path: { type: 'string', minLength: 1, description: 'Path relative to this file.' },
                    name: {
                        type: 'string',
                        pattern: '^[a-zA-Z0-9_.-]{3,128}$',
                        description: 'SSM document name. Default: the file name without its extension.'
                    }
                }
            }
        },
        remediations: {
            type: 'array',
            description: 'Remediation bindings: which runbook fixes or reports a rule, and how.',
            items: {
                type: 'object',
                additionalProperties: false,
                required: ['rule', 'runbook'],
                properties: {
                    rule: { ...schema_ruleName, description: 'A rule of this manifest.' },
                    runbook: {
                        type: 'string',
                        pattern: '^[a-zA-Z0-9_.-]{3,128}$',
                        description: 'A runbook of this manifest (its name), or an AWS-owned document such as AWS-PublishSNSNotification.'
                    },
                    'runbook-version': { type: 'string', pattern: '^([$]DEFAULT|[$]LATEST|[0-9]+)$' },
                    'resource-id-parameter': {
                        type: 'string',
                        minLength: 1,
                        description: 'The runbook parameter that receives the non-compliant resource id. Leave it out for account-level runbooks that take none.'
                    },
                    parameters: {
                        type: 'object',
                        description: 'Static runbook parameter values (a string or a list of strings).',
                        additionalProperties: {
                            oneOf: [
                                { type: ['string', 'number', 'boolean'] },
                                { type: 'array', items: { type: ['string', 'number', 'boolean'] } }
                            ]
                        }
                    },
                    automatic: { type: 'boolean', default: false, description: 'AWS Config runs it on each new finding.' },
                    'maximum-attempts': { type: 'integer', minimum: 1, maximum: 25, default: 5 },
                    'retry-seconds': { type: 'integer', minimum: 1, maximum: 2678000, default: 60 },
                    'concurrency-percent': { type: 'integer', minimum: 1, maximum: 100, default: 10 },
                    'error-percent': { type: 'integer', minimum: 1, maximum: 100, default: 10 }
                }
            }
        },
        alerts: {
            type: 'object',
            additionalProperties: false,
            required: ['sns-topic'],
            properties: {
                'sns-topic': {
                    type: 'string',
                    pattern: '^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}(\\.fifo)?$',
                    description: 'SNS topic ARN for alerts.'
                }
            }
        },
        waivers: {
            type: 'array',
            description: 'Accepted findings: listed as waived, not counted by the gate, until they expire.',
            items: {
                type: 'object',
                additionalProperties: false,
                required: ['rule', 'resource', 'reason', 'owner', 'expires'],
                properties: {
                    rule: schema_ruleName,
                    resource: { type: 'string', minLength: 1, description: 'The resource id as AWS Config reports it.' },
                    reason: { type: 'string', minLength: 3 },
                    owner: { type: 'string', minLength: 1 },
                    expires: {
                        type: 'string',
                        pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
                        description: 'Last day the waiver applies (YYYY-MM-DD).'
                    }
                }
            }
        }
    }
};

;// CONCATENATED MODULE: ./src/util/dates.ts
/** Calendar dates as users write them (YYYY-MM-DD, e.g. a waiver's `expires`). */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/**
 * Why `text` is not a real calendar date in the proleptic Gregorian calendar (month 01-12, day within the month,
 * 29 February only in leap years), or undefined when it is one. `Date.parse` is not used: it accepts 2027-02-30
 * and rolls it over to 2 March.
 */
function calendarDateProblem(text) {
    const m = ISO_DATE.exec(text);
    if (m === null)
        return 'not a date in the form YYYY-MM-DD';
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month < 1 || month > 12)
        return `month ${m[2]} does not exist`;
    const days = daysInMonth(year, month);
    if (day < 1 || day > days)
        return `day ${m[3]} does not exist in ${year}-${m[2]} (${days} days)`;
    return undefined;
}
function daysInMonth(year, month) {
    if (month === 2)
        return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
    return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// EXTERNAL MODULE: ./src/util/paths.ts
var paths = __webpack_require__(4964);
;// CONCATENATED MODULE: ./src/manifest/load.ts
/**
 * Loads compliance.yml: YAML with positions, validated against the JSON Schema, then checked for what a schema
 * cannot say (duplicates, expired waivers, missing files). Every problem names file:line:col, and all problems
 * are reported at once.
 */











const load_ajv = new ajv.Ajv({ allErrors: true, strict: false });
const validate = load_ajv.compile(manifestSchema);
function describeSchemaError(e) {
    const where = e.instancePath === '' ? 'the manifest' : `'${e.instancePath.slice(1).replace(/\//g, '.')}'`;
    switch (e.keyword) {
        case 'required':
            return `${where} is missing '${String(e.params.missingProperty)}'`;
        case 'additionalProperties':
            return `${where} has an unknown key '${String(e.params.additionalProperty)}'`;
        case 'enum':
            return `${where} must be one of ${e.params.allowedValues.join(', ')}`;
        case 'const':
            return `${where} must be ${JSON.stringify(e.params.allowedValue)}`;
        case 'oneOf':
            return `${where} must have exactly one of the alternatives (e.g. either 'builtin' or 'template')`;
        default:
            return `${where} ${e.message ?? 'is invalid'}`;
    }
}
const load_str = (v) => String(v);
const strings = (o) => Object.fromEntries(Object.entries(o ?? {}).map(([k, v]) => [k, load_str(v)]));
/** Paths in the manifest are relative to its directory; an absolute one would be read as relative (join). */
const ABSOLUTE = "the path is absolute; write it relative to the manifest's directory (inside the repository)";
/**
 * Parses and validates manifest text. `today` (YYYY-MM-DD) decides which waivers have expired. Files the manifest
 * references (pack templates, runbooks) must be inside `workspace` (GITHUB_WORKSPACE; default the current
 * directory): a pull request can edit the manifest, so it must not make the action read files elsewhere on the
 * runner.
 */
function parseManifest(text, file, today, workspace = process.cwd()) {
    const parsed = readYaml(text);
    const errors = new ErrorSink();
    for (const e of parsed.errors)
        errors.add(positionAt(parsed, file, e.offset), `invalid YAML: ${e.message}`);
    errors.throwInOrderIfAny();
    let raw;
    try {
        raw = yamlToJS(parsed, file);
    }
    catch (err) {
        if (err instanceof src_errors/* SourceError */.c8)
            throw new src_errors/* SourceErrors */.VH([err]);
        throw err;
    }
    // The tree gives positions only; the data is `raw` (validated below), so its own problems are not the reader's.
    const tree = toTree(parsed, file, new ErrorSink());
    const start = { file, line: 1, col: 1 };
    /** Position of the node at path; the nearest existing ancestor when it is missing. */
    const at = (path) => (tree === undefined ? start : positionOf(tree, path));
    if (!validate(raw)) {
        addSchemaErrors(validate.errors, tree, start, describeSchemaError, errors);
        throw new src_errors/* SourceErrors */.VH(errors.errors);
    }
    const m = raw;
    const base = (0,external_node_path_.dirname)(file);
    const packs = (m.packs ?? []).map((p, i) => {
        const position = at(['packs', i]);
        const ref = { parameters: strings(p.parameters), exclude: p.exclude ?? [], position };
        if (p.builtin)
            ref.builtin = p.builtin;
        if (p.template) {
            ref.template = (0,external_node_path_.join)(base, p.template);
            const outside = (0,external_node_path_.isAbsolute)(p.template) ? ABSOLUTE : (0,paths/* outsideWorkspace */.tq)(ref.template, workspace);
            if (outside !== undefined) {
                errors.add(at(['packs', i, 'template']), `template ${JSON.stringify(p.template)}: ${outside}`);
            }
            else if (!(0,external_node_fs_.existsSync)(ref.template)) {
                errors.add(at(['packs', i, 'template']), `template file not found: ${p.template}`);
            }
        }
        return ref;
    });
    const rules = (m.rules ?? []).map((r, i) => {
        const rule = {
            name: r.name,
            identifier: r.identifier,
            parameters: strings(r.parameters),
            position: at(['rules', i])
        };
        if (r.description !== undefined)
            rule.description = r.description;
        if (r['resource-types'])
            rule.resourceTypes = r['resource-types'];
        if (r['tag-key'] !== undefined)
            rule.tagKey = r['tag-key'];
        if (r['tag-value'] !== undefined)
            rule.tagValue = r['tag-value'];
        if (r['maximum-execution-frequency'])
            rule.maximumExecutionFrequency = r['maximum-execution-frequency'];
        if (r['evaluation-modes'])
            rule.evaluationModes = r['evaluation-modes'];
        return rule;
    });
    const seenRules = new Map();
    rules.forEach((r, i) => {
        const first = seenRules.get(r.name);
        if (first !== undefined) {
            errors.add(at(['rules', i, 'name']), `rule '${r.name}' is declared twice (first at line ${rules[first].position.line})`);
        }
        else
            seenRules.set(r.name, i);
    });
    const runbooks = (m.runbooks ?? []).map((r, i) => {
        const ref = { path: (0,external_node_path_.join)(base, r.path), position: at(['runbooks', i]) };
        if (r.name)
            ref.name = r.name;
        const outside = (0,external_node_path_.isAbsolute)(r.path) ? ABSOLUTE : (0,paths/* outsideWorkspace */.tq)(ref.path, workspace);
        if (outside !== undefined) {
            errors.add(at(['runbooks', i, 'path']), `runbook ${JSON.stringify(r.path)}: ${outside}`);
        }
        else if (!(0,external_node_fs_.existsSync)(ref.path))
            errors.add(at(['runbooks', i, 'path']), `runbook file not found: ${r.path}`);
        return ref;
    });
    const remediations = (m.remediations ?? []).map((r, i) => {
        const b = {
            rule: r.rule,
            runbook: r.runbook,
            parameters: Object.fromEntries(Object.entries(r.parameters ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.map(load_str) : load_str(v)])),
            automatic: r.automatic ?? false,
            maximumAttempts: r['maximum-attempts'] ?? 5,
            retrySeconds: r['retry-seconds'] ?? 60,
            concurrencyPercent: r['concurrency-percent'] ?? 10,
            errorPercent: r['error-percent'] ?? 10,
            position: at(['remediations', i])
        };
        if (r['runbook-version'])
            b.runbookVersion = r['runbook-version'];
        if (r['resource-id-parameter'])
            b.resourceIdParameter = r['resource-id-parameter'];
        return b;
    });
    const seenBindings = new Set();
    remediations.forEach((b, i) => {
        if (seenBindings.has(b.rule)) {
            errors.add(at(['remediations', i, 'rule']), `rule '${b.rule}' has more than one remediation`);
        }
        seenBindings.add(b.rule);
    });
    const waivers = (m.waivers ?? []).map((w, i) => {
        const position = at(['waivers', i]);
        const notADate = calendarDateProblem(w.expires);
        if (notADate !== undefined) {
            errors.add(at(['waivers', i, 'expires']), `waiver expiry '${w.expires}' is not a date: ${notADate}`);
        }
        else if (w.expires < today) {
            errors.add(at(['waivers', i, 'expires']), `waiver for ${w.rule} / ${w.resource} (owner ${w.owner}) expired on ${w.expires}: renew it or fix the resource`);
        }
        return {
            rule: w.rule,
            resourceId: w.resource,
            reason: w.reason,
            owner: w.owner,
            expires: w.expires,
            source: `${file}:${position.line}`,
            position
        };
    });
    errors.throwInOrderIfAny();
    const manifest = { file, packs, rules, runbooks, remediations, waivers };
    if (m.alerts)
        manifest.alerts = { snsTopic: m.alerts['sns-topic'], position: at(['alerts', 'sns-topic']) };
    return manifest;
}
/** Reads and parses a manifest file. */
function loadManifest(file, today, workspace) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch (err) {
        throw new src_errors/* SourceError */.c8(file, 1, 1, `cannot read the manifest: ${err.message}`);
    }
    return parseManifest(text, file, today, workspace);
}

;// CONCATENATED MODULE: ./src/runbooks/aws-documents.ts
/**
 * The committed catalogue of AWS-owned Automation documents (Owner: Amazon) that remediation bindings may target:
 * facts only (document name, parameter names, whether each is required, its type), from AWS's Systems Manager
 * Automation runbook reference (https://docs.aws.amazon.com/systems-manager-automation-runbooks/latest/userguide/),
 * one page per document, cited on each entry. These are the documents AWS's sample conformance packs bind
 * (awslabs/aws-config-rules: Operational-Best-Practices-for-Amazon-S3-with-Remediation.yaml and
 * Operational-Best-Practices-for-Amazon-DynamoDB-with-Remediation.yaml) plus the ones the project's examples use.
 *
 * A binding to a catalogued document has its parameters checked (unknown names, missing required ones, value
 * types). An AWS-owned name that is not catalogued is accepted with a warning (AWS has hundreds; their parameters
 * are then not checked). Any other name must be a runbook of the manifest.
 */
const REFERENCE = 'https://docs.aws.amazon.com/systems-manager-automation-runbooks/latest/userguide/';
const p = (name, type, required) => ({
    name,
    type,
    required
});
/** AutomationAssumeRole is optional in the AWS-* documents (the caller's permissions are used without it). */
const OPTIONAL_ROLE = p('AutomationAssumeRole', 'String', false);
const CATALOGUE = [
    {
        // Parameter names as issue 9 lists them and AWS's S3-with-Remediation sample pack binds them. The reference
        // page was not retrievable when this was written: the required flags follow AWS's page as remembered (the
        // sample pack gives all four) and should be checked against it.
        name: 'AWS-ConfigureS3BucketLogging',
        reference: `${REFERENCE}automation-aws-configures3bucketlogging.html`,
        parameters: [
            OPTIONAL_ROLE,
            p('BucketName', 'String', true),
            p('GrantedPermission', 'String', true),
            p('GranteeEmailAddress', 'String', false),
            p('GranteeId', 'String', false),
            p('GranteeType', 'String', true),
            p('GranteeUri', 'String', false),
            p('TargetBucket', 'String', true),
            p('TargetPrefix', 'String', false)
        ]
    },
    {
        name: 'AWS-DisableS3BucketPublicReadWrite',
        reference: `${REFERENCE}automation-aws-disables3bucketpublicreadwrite.html`,
        parameters: [OPTIONAL_ROLE, p('S3BucketName', 'String', true)]
    },
    {
        // As the sample pack binds it (page not retrieved: a KMS key parameter may exist and would be refused here).
        name: 'AWS-EnableS3BucketEncryption',
        reference: `${REFERENCE}automation-aws-enables3bucketencryption.html`,
        parameters: [OPTIONAL_ROLE, p('BucketName', 'String', true), p('SSEAlgorithm', 'String', false)]
    },
    {
        name: 'AWS-PublishSNSNotification',
        reference: `${REFERENCE}automation-aws-publishsnsnotification.html`,
        parameters: [OPTIONAL_ROLE, p('Message', 'String', true), p('TopicArn', 'String', true)]
    },
    {
        // The AWSConfigRemediation-* documents require AutomationAssumeRole.
        name: 'AWSConfigRemediation-EnableEbsEncryptionByDefault',
        reference: `${REFERENCE}automation-aws-enable-ebs-encryption-by-default.html`,
        parameters: [p('AutomationAssumeRole', 'String', true)]
    },
    {
        name: 'AWSConfigRemediation-ConfigureS3PublicAccessBlock',
        reference: `${REFERENCE}automation-aws-block-public-s3.html`,
        parameters: [
            p('AccountId', 'String', true),
            p('AutomationAssumeRole', 'String', true),
            p('BlockPublicAcls', 'Boolean', false),
            p('BlockPublicPolicy', 'Boolean', false),
            p('IgnorePublicAcls', 'Boolean', false),
            p('RestrictPublicBuckets', 'Boolean', false)
        ]
    },
    {
        name: 'AWSConfigRemediation-RestrictBucketSSLRequestsOnly',
        reference: `${REFERENCE}automation-aws-s3-deny-http.html`,
        parameters: [p('AutomationAssumeRole', 'String', true), p('BucketName', 'String', true)]
    }
];
const BY_NAME = new Map(CATALOGUE.map(d => [d.name, d]));
/** Every catalogued document. */
function awsDocuments() {
    return CATALOGUE;
}
/** The catalogued AWS-owned document of that name, if any. */
function awsDocument(name) {
    return BY_NAME.get(name);
}
/**
 * Whether a name is one of AWS's own documents (AWS-*, AWSConfigRemediation-*, AWSSupport-*, AWSEC2-*, ...).
 * Account documents cannot take these names: SSM reserves the prefixes aws, amazon and amzn
 * (https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_CreateDocument.html, Name).
 */
function isAwsOwnedDocumentName(name) {
    return /^AWS[A-Za-z0-9]*-./.test(name);
}
/**
 * Problems with the values given for one parameter of a catalogued document: a String, Boolean or Integer takes
 * one value, a Boolean true or false, an Integer a whole number.
 */
function parameterValueProblem(param, values) {
    if (param.type === 'StringList' || param.type === 'MapList')
        return undefined;
    if (values.length !== 1)
        return `takes one value (type ${param.type}), got ${values.length}`;
    const v = values[0];
    if (param.type === 'Boolean' && !/^(true|false)$/i.test(v))
        return `must be true or false (type Boolean), got '${v}'`;
    if (param.type === 'Integer' && !/^-?\d+$/.test(v))
        return `must be a whole number (type Integer), got '${v}'`;
    return undefined;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/runbooks/hash.ts
/**
 * What is sent to SSM and how it is compared with what is deployed.
 *
 * The content sent to CreateDocument/UpdateDocument is the file's text exactly as read (no re-serialisation), with
 * `DocumentFormat` YAML for .yaml/.yml files and JSON for .json files. SSM's DescribeDocument returns `Hash` with
 * `HashType: Sha256` over that content, so `documentHash(content) === Document.Hash` means "deployed as is".
 */


/** The SSM limit for document content: "The size limit of a document is 64 KB" (MaxDocumentSizeExceeded). */
const MAX_DOCUMENT_CONTENT_BYTES = 64 * 1024;
/** SHA-256 (lowercase hex) of the content as UTF-8, as SSM computes `Hash` for `HashType: Sha256`. */
function documentHash(content) {
    return (0,external_node_crypto_.createHash)('sha256').update(content, 'utf8').digest('hex');
}
/** True when the deployed hash (DescribeDocument `Hash`) matches the content to deploy. Case-insensitive on hex. */
function sameDocumentHash(content, deployedHash) {
    return deployedHash !== undefined && documentHash(content) === deployedHash.toLowerCase();
}
/** The `DocumentFormat` to declare for a runbook file: JSON for `.json`, YAML for `.yaml`/`.yml`. */
function documentFormat(file) {
    const lower = file.toLowerCase();
    if (lower.endsWith('.json'))
        return 'JSON';
    if (lower.endsWith('.yaml') || lower.endsWith('.yml'))
        return 'YAML';
    throw new src_errors/* SourceError */.c8(file, 1, 1, 'a runbook file must end in .yaml, .yml or .json (its DocumentFormat for SSM)');
}
/** Size of the content in bytes as SSM counts it (UTF-8). */
function contentBytes(content) {
    return Buffer.byteLength(content, 'utf8');
}

;// CONCATENATED MODULE: ./src/runbooks/parse.ts






/** The default document name: the file's base name without its extension (`a/b/My-Runbook.yaml` -> `My-Runbook`). */
function documentNameFromFile(file) {
    const base = file.split(/[\\/]/).pop() ?? file;
    const dot = base.lastIndexOf('.');
    return dot > 0 ? base.slice(0, dot) : base;
}
const lineCol = (p) => ({ line: p.line, col: p.col });
/**
 * The position of the node at `path` (its key with `which: 'key'`, when it has one). When the path does not exist,
 * the position of its nearest existing ancestor, so that "missing X" errors point at the enclosing mapping.
 */
function locate(runbook, path, which = 'value') {
    return runbook.tree === undefined ? runbook.pos : lineCol(positionOf(runbook.tree, path, which));
}
/** Finds the `{{ ... }}` references in a string, including malformed ones (unterminated, empty, nested). */
function scanTemplate(value) {
    const found = [];
    let from = 0;
    for (;;) {
        const open = value.indexOf('{{', from);
        if (open < 0)
            return found;
        const close = value.indexOf('}}', open + 2);
        if (close < 0) {
            found.push({
                raw: value.slice(open),
                expression: value.slice(open + 2).trim(),
                index: open,
                error: 'unterminated'
            });
            return found;
        }
        const raw = value.slice(open, close + 2);
        const inner = value.slice(open + 2, close);
        const expression = inner.trim();
        const match = { raw, expression, index: open };
        if (inner.includes('{{'))
            match.error = 'nested';
        else if (expression === '')
            match.error = 'empty';
        found.push(match);
        from = close + 2;
    }
}
/** Every string of the tree with its path, in document order (aliased strings at their alias). */
function collectStrings(node, path, out) {
    if (node.kind === 'map')
        for (const e of node.entries)
            collectStrings(e.value, [...path, e.key], out);
    else if (node.kind === 'seq')
        node.items.forEach((item, i) => collectStrings(item, [...path, i], out));
    else if (typeof node.value === 'string') {
        out.push({ path, value: node.value, range: node.range, pos: lineCol(node.pos) });
    }
}
/** A YAML/JSON mapping (not a list, not null). */
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function parse_str(value) {
    return typeof value === 'string' ? value : '';
}
function optStr(value) {
    return typeof value === 'string' ? value : undefined;
}
function startsWith(path, prefix) {
    return prefix.length <= path.length && prefix.every((p, i) => path[i] === p);
}
/** Inputs of aws:executeScript that hold code, not runbook text: `{{ }}` there is the script's own business. */
const CODE_INPUTS = new Set(['Script', 'Attachment']);
/**
 * Parses runbook text. Throws SourceErrors (every YAML error, with positions) when the text is not a single
 * YAML/JSON mapping. Structural problems inside the mapping are left to `checkRunbook`
 * (validate/).
 */
function parseRunbook(text, file, options = {}) {
    const parsed = readYaml(text);
    const doc = parsed.doc;
    const linePos = (offset) => parsed.position(offset);
    const syntax = new ErrorSink();
    for (const e of parsed.errors)
        syntax.add(positionAt(parsed, file, e.offset), `invalid YAML/JSON: ${e.message}`);
    syntax.throwInOrderIfAny();
    const root = doc.contents;
    if (!(0,dist/* isMap */.jh)(root)) {
        const p = root?.range ? linePos(root.range[0]) : { line: 1, col: 1 };
        const what = root === null ? 'the document is empty' : 'the document is not a mapping';
        throw new src_errors/* SourceErrors */.VH([
            new src_errors/* SourceError */.c8(file, p.line, p.col, `${what}: a runbook is a mapping with schemaVersion, parameters, mainSteps`)
        ]);
    }
    let data;
    try {
        data = yamlToJS(parsed, file);
    }
    catch (err) {
        if (err instanceof src_errors/* SourceError */.c8)
            throw new src_errors/* SourceErrors */.VH([err]);
        throw err;
    }
    // The tree gives positions only; the data is `data` (validated by validate/), so its own problems are not ours.
    const tree = toTree(parsed, file, new ErrorSink(), { keepRanges: true });
    const pos = tree === undefined ? { line: 1, col: 1 } : lineCol(tree.pos);
    const at = (path, which = 'value') => locate({ tree, pos }, path, which);
    const strings = [];
    if (tree !== undefined)
        collectStrings(tree, [], strings);
    const refsUnder = (include) => {
        const refs = [];
        for (const s of strings) {
            if (!include(s.path))
                continue;
            const source = s.range === undefined ? '' : text.slice(s.range[0], s.range[1]);
            let cursor = 0;
            for (const m of scanTemplate(s.value)) {
                const idx = s.range === undefined ? -1 : source.indexOf(m.raw, cursor);
                const refPos = idx >= 0 && s.range !== undefined ? linePos(s.range[0] + idx) : s.pos;
                if (idx >= 0)
                    cursor = idx + m.raw.length;
                const ref = { expression: m.expression, raw: m.raw, path: s.path, pos: refPos };
                refs.push(m.error ? { ...ref, error: m.error } : ref);
            }
        }
        return refs;
    };
    const parameters = [];
    if (isRecord(data.parameters)) {
        for (const [name, def] of Object.entries(data.parameters)) {
            const d = isRecord(def) ? def : {};
            const param = {
                name,
                type: parse_str(d.type),
                hasDefault: 'default' in d,
                pos: at(['parameters', name], 'key')
            };
            if (typeof d.description === 'string')
                param.description = d.description;
            if ('default' in d)
                param.default = d.default;
            if (typeof d.allowedPattern === 'string')
                param.allowedPattern = d.allowedPattern;
            if (Array.isArray(d.allowedValues))
                param.allowedValues = d.allowedValues;
            parameters.push(param);
        }
    }
    const variables = [];
    if (isRecord(data.variables)) {
        for (const [name, def] of Object.entries(data.variables)) {
            const d = isRecord(def) ? def : {};
            const variable = { name, type: parse_str(d.type), pos: at(['variables', name], 'key') };
            if ('default' in d)
                variable.default = d.default;
            variables.push(variable);
        }
    }
    const readSteps = (list, base, loop) => {
        if (!Array.isArray(list))
            return [];
        return list.map((item, i) => {
            const path = [...base, i];
            const s = isRecord(item) ? item : {};
            const name = parse_str(s.name);
            const action = parse_str(s.action);
            const inputs = isRecord(s.inputs) ? s.inputs : {};
            const outputs = [];
            if (Array.isArray(s.outputs)) {
                s.outputs.forEach((o, j) => {
                    const out = isRecord(o) ? o : {};
                    outputs.push({
                        name: parse_str(out.Name),
                        selector: parse_str(out.Selector),
                        type: parse_str(out.Type),
                        pos: at([...path, 'outputs', j])
                    });
                });
            }
            const inputsPath = [...path, 'inputs'];
            const nestedPath = [...inputsPath, 'Steps'];
            const isLoop = action === 'aws:loop';
            const isScript = action === 'aws:executeScript';
            const refs = refsUnder(p => startsWith(p, inputsPath) &&
                !(isLoop && startsWith(p, nestedPath)) &&
                !(isScript && CODE_INPUTS.has(String(p[inputsPath.length]))));
            const step = {
                name,
                action,
                inputs,
                outputs,
                steps: isLoop ? readSteps(inputs.Steps, nestedPath, name) : [],
                path,
                pos: at(path),
                refs
            };
            const nextStep = optStr(s.nextStep);
            const onFailure = optStr(s.onFailure);
            const onCancel = optStr(s.onCancel);
            if (nextStep !== undefined)
                step.nextStep = nextStep;
            if (onFailure !== undefined)
                step.onFailure = onFailure;
            if (onCancel !== undefined)
                step.onCancel = onCancel;
            if (typeof s.isEnd === 'boolean')
                step.isEnd = s.isEnd;
            else if (s.isEnd === 'true' || s.isEnd === 'false')
                step.isEnd = s.isEnd === 'true';
            if (loop !== undefined)
                step.loop = loop;
            return step;
        });
    };
    const outputs = [];
    if (Array.isArray(data.outputs)) {
        data.outputs.forEach((o, i) => {
            if (typeof o === 'string')
                outputs.push({ value: o, pos: at(['outputs', i]) });
        });
    }
    const runbook = {
        file,
        name: options.name ?? documentNameFromFile(file),
        format: documentFormat(file),
        content: text,
        parameters,
        variables,
        steps: readSteps(data.mainSteps, ['mainSteps']),
        outputs,
        refs: refsUnder(p => p[0] === 'assumeRole'),
        data,
        pos,
        tree
    };
    if ('schemaVersion' in data)
        runbook.schemaVersion = data.schemaVersion;
    if (typeof data.description === 'string')
        runbook.description = data.description;
    if (typeof data.assumeRole === 'string')
        runbook.assumeRole = data.assumeRole;
    return runbook;
}
/**
 * Visits every step, loop-nested steps included, in document order (a loop step before its nested steps), with the
 * list it belongs to (its siblings, itself included) and its enclosing loop step.
 */
function walkSteps(steps, visit, loop) {
    for (const step of steps) {
        visit(step, steps, loop);
        walkSteps(step.steps, visit, step);
    }
}
/** Every step of the runbook, loop-nested steps included, in document order. */
function allSteps(steps) {
    const all = [];
    walkSteps(steps, step => all.push(step));
    return all;
}

;// CONCATENATED MODULE: ./src/runbooks/actions.ts
/**
 * Facts about SSM Automation (schemaVersion 0.3) from the Systems Manager Automation actions reference: the actions,
 * the inputs each requires, the outputs each defines itself, the parameter/output types and the automation variables.
 */
/** Every Automation action, by name. */
const AUTOMATION_ACTIONS = {
    'aws:approve': { required: ['Approvers'], outputs: ['ApprovalStatus', 'ApproverDecisions'] },
    'aws:assertAwsResourceProperty': {
        required: ['Service', 'Api', 'PropertySelector', 'DesiredValues'],
        outputs: []
    },
    'aws:branch': { required: ['Choices'], outputs: [] },
    'aws:changeInstanceState': { required: ['InstanceIds', 'DesiredState'], outputs: [] },
    'aws:copyImage': { required: ['SourceImageId', 'SourceRegion', 'ImageName'], outputs: ['ImageId', 'ImageState'] },
    'aws:createImage': { required: ['InstanceId', 'ImageName'], outputs: ['ImageId', 'ImageState'] },
    'aws:createStack': {
        required: ['StackName', ['TemplateBody', 'TemplateURL']],
        outputs: ['StackId', 'StackStatus', 'StackStatusReason']
    },
    'aws:createTags': { required: ['ResourceIds', 'Tags'], outputs: [] },
    'aws:deleteImage': { required: ['ImageId'], outputs: [] },
    'aws:deleteStack': { required: ['StackName'], outputs: [] },
    'aws:executeAutomation': { required: ['DocumentName'], outputs: ['Output', 'ExecutionId', 'Status'] },
    'aws:executeAwsApi': { required: ['Service', 'Api'], outputs: [] },
    'aws:executeScript': { required: ['Runtime', 'Handler'], outputs: ['OutputPayload'] },
    'aws:executeStateMachine': {
        required: ['stateMachineArn'],
        outputs: ['executionArn', 'input', 'name', 'output', 'startDate', 'stateMachineArn', 'status', 'stopDate']
    },
    'aws:invokeLambdaFunction': {
        required: ['FunctionName'],
        outputs: ['StatusCode', 'FunctionError', 'LogResult', 'Payload']
    },
    'aws:invokeWebhook': { required: ['IntegrationName'], outputs: ['Response', 'ResponseCode'] },
    'aws:loop': {
        required: ['Steps', ['Iterators', 'LoopCondition']],
        outputs: ['CurrentIteration', 'CurrentIteratorValue']
    },
    'aws:pause': { required: [], outputs: [] },
    'aws:runCommand': {
        required: ['DocumentName', ['InstanceIds', 'Targets']],
        outputs: ['CommandId', 'Status', 'ResponseCode', 'Output']
    },
    'aws:runInstances': { required: ['ImageId'], outputs: ['InstanceIds'] },
    'aws:sleep': { required: [['Duration', 'Timestamp']], outputs: [] },
    'aws:updateVariable': { required: ['Name', 'Value'], outputs: [] },
    'aws:waitForAwsResourceProperty': {
        required: ['Service', 'Api', 'PropertySelector', 'DesiredValues'],
        outputs: []
    }
};
/**
 * Actions that call the AWS API named by their `inputs.Service` and `inputs.Api` (aws:executeAwsApi, and the two that
 * read a property of that API's response).
 */
const AWS_API_ACTIONS = new Set([
    'aws:executeAwsApi',
    'aws:assertAwsResourceProperty',
    'aws:waitForAwsResourceProperty'
]);
/** Document parameter types (data types plus the resource types the console populates). */
const PARAMETER_TYPES = new Set([
    'String',
    'StringList',
    'Integer',
    'Boolean',
    'MapList',
    'StringMap',
    'AWS::EC2::Instance::Id',
    'List<AWS::EC2::Instance::Id>',
    'AWS::EC2::Image::Id',
    'List<AWS::EC2::Image::Id>',
    'AWS::S3::Bucket::Name',
    'List<AWS::S3::Bucket::Name>',
    'AWS::IAM::Role::Arn',
    'List<AWS::IAM::Role::Arn>'
]);
/** Types of step outputs and runbook variables. */
const DATA_TYPES = new Set([
    'String',
    'StringList',
    'Integer',
    'Boolean',
    'MapList',
    'StringMap'
]);
/** `{{global:NAME}}` system variables. */
const GLOBAL_VARIABLES = new Set([
    'ACCOUNT_ID',
    'REGION',
    'AWS_PARTITION',
    'DATE',
    'DATE_TIME',
    'URL_SUFFIX'
]);
/** `{{automation:NAME}}` automation variables. */
const AUTOMATION_VARIABLES = new Set(['EXECUTION_ID', 'DOCUMENT_NAME', 'DOCUMENT_VERSION']);
/** Operators of an aws:branch choice. */
const BRANCH_OPERATORS = new Set([
    'StringEquals',
    'EqualsIgnoreCase',
    'StartsWith',
    'EndsWith',
    'Contains',
    'NumericEquals',
    'NumericGreater',
    'NumericLesser',
    'NumericGreaterOrEquals',
    'NumericLesserOrEquals',
    'BooleanEquals'
]);
/** Combinators of an aws:branch choice. */
const BRANCH_COMBINATORS = new Set(['And', 'Or', 'Not']);
/** Top-level keys of an Automation document. */
const DOCUMENT_KEYS = new Set([
    'schemaVersion',
    'description',
    'assumeRole',
    'parameters',
    'variables',
    'mainSteps',
    'outputs',
    'files'
]);
/** Properties of a step. */
const STEP_KEYS = new Set([
    'name',
    'action',
    'description',
    'inputs',
    'outputs',
    'maxAttempts',
    'timeoutSeconds',
    'onFailure',
    'onCancel',
    'isEnd',
    'isCritical',
    'nextStep'
]);
/** Properties of a parameter definition. */
const PARAMETER_KEYS = new Set([
    'type',
    'description',
    'default',
    'allowedValues',
    'allowedPattern',
    'displayType',
    'minItems',
    'maxItems',
    'minChars',
    'maxChars'
]);
/** Properties of a variable definition. */
const VARIABLE_KEYS = new Set(['type', 'description', 'default']);
/** Parameter map of StartAutomationExecution: at most 200 entries, keys of 1 to 50 characters (ssm.json). */
const MAX_PARAMETERS = 200;
const MAX_PARAMETER_NAME_LENGTH = 50;
/** aws:loop runs at most 100 iterations. */
const MAX_LOOP_ITERATIONS = 100;

;// CONCATENATED MODULE: ./src/runbooks/validate/context.ts
/** What kind of value this is, for messages: 'empty', 'a list', 'a mapping', 'a string', ... */
function context_describe(value) {
    if (value === null || value === undefined)
        return 'empty';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'a mapping';
    return `a ${typeof value}`;
}
/** A value as written in a message: strings in single quotes, anything else as JSON. */
function quote(value) {
    return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
}
/** A string holding a `{{ }}` reference: its value is known only at run time. */
function hasTemplate(value) {
    return typeof value === 'string' && value.includes('{{');
}
function isPositiveInt(value) {
    return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}
/**
 * Whether a `PropertySelector` or output `Selector` is one SSM accepts: a JSONPath, with or without its leading `$`
 * (AWS's own runbooks write `Attributes.KmsMasterKeyId`; SSM reads it as `$.Attributes.KmsMasterKeyId`).
 */
function isSelector(value) {
    return typeof value === 'string' && value.trim() !== '';
}

;// CONCATENATED MODULE: ./src/runbooks/validate/document.ts



/** SSM CreateDocument `Name` pattern (ssm.json, DocumentName). */
const DOCUMENT_NAME = /^[a-zA-Z0-9_\-.]{3,128}$/;
/** Prefixes AWS reserves for its own documents (aws, amazon, amzn; AWSEC2, AWSConfigRemediation, AWSSupport). */
const RESERVED_PREFIX = /^(aws|amazon|amzn)/i;
function checkDocument(c) {
    const { runbook, d, err, at } = c;
    const fileStart = { line: 1, col: 1 };
    // Document name and size.
    if (!DOCUMENT_NAME.test(runbook.name)) {
        err(fileStart, `document name '${runbook.name}' is not a valid SSM document name: 3 to 128 letters, digits, '_', '-' or '.' ` +
            '(the name comes from the file name unless set explicitly)');
    }
    if (RESERVED_PREFIX.test(runbook.name)) {
        err(fileStart, `document name '${runbook.name}' starts with a prefix AWS reserves (aws, amazon, amzn, in any case)`);
    }
    const bytes = contentBytes(runbook.content);
    if (bytes > MAX_DOCUMENT_CONTENT_BYTES) {
        err(fileStart, `content is ${bytes} bytes; SSM accepts at most ${MAX_DOCUMENT_CONTENT_BYTES} bytes (64 KB)`);
    }
    // Top level.
    for (const key of Object.keys(d)) {
        if (!DOCUMENT_KEYS.has(key)) {
            err(at([key], 'key'), `unknown top-level property '${key}' (expected one of ${[...DOCUMENT_KEYS].join(', ')})`);
        }
    }
    if (!('schemaVersion' in d)) {
        err(runbook.pos, "schemaVersion is missing: Automation runbooks use schemaVersion '0.3'");
    }
    else if (d.schemaVersion !== '0.3' && d.schemaVersion !== 0.3) {
        err(at(['schemaVersion']), `schemaVersion is ${quote(d.schemaVersion)}; Automation runbooks use '0.3'`);
    }
    if ('description' in d && typeof d.description !== 'string') {
        err(at(['description']), `description must be a string, not ${context_describe(d.description)}`);
    }
    if ('assumeRole' in d && typeof d.assumeRole !== 'string') {
        err(at(['assumeRole']), `assumeRole must be a string (a role ARN or '{{ Parameter }}'), not ${context_describe(d.assumeRole)}`);
    }
}

;// CONCATENATED MODULE: ./src/runbooks/validate/references.ts
/**
 * `{{ }}` references: each is well formed and names something the runbook declares (a parameter, a variable, a step
 * output) or a system variable SSM defines ("Variables" and "System variables" of the Automation runbook reference).
 */

const MALFORMED = {
    unterminated: "'{{' is not closed by '}}'",
    empty: 'nothing between the braces',
    nested: "'{{' inside a reference"
};
/** Why `expression` (a reference or a document output) does not resolve, or undefined when it does. */
function resolveProblem(c, expression, steps) {
    const colon = expression.indexOf(':');
    if (colon > 0 && !expression.slice(0, colon).includes('.')) {
        const scope = expression.slice(0, colon);
        const name = expression.slice(colon + 1).trim();
        switch (scope) {
            case 'global':
                return GLOBAL_VARIABLES.has(name)
                    ? undefined
                    : `unknown system variable (known: ${[...GLOBAL_VARIABLES].map(v => `global:${v}`).join(', ')})`;
            case 'automation':
                return AUTOMATION_VARIABLES.has(name)
                    ? undefined
                    : `unknown automation variable (known: ${[...AUTOMATION_VARIABLES].map(v => `automation:${v}`).join(', ')})`;
            case 'ssm':
                return name === '' ? 'a Parameter Store reference needs a parameter name' : undefined;
            case 'variable':
                return c.variableNames.has(name) ? undefined : `no runbook variable '${name}' is declared under variables`;
            default:
                return `unknown prefix '${scope}:' (expected global:, automation:, ssm: or variable:)`;
        }
    }
    const dot = expression.indexOf('.');
    if (dot < 0) {
        if (c.parameterNames.has(expression))
            return undefined;
        if (steps.has(expression))
            return `'${expression}' is a step; reference one of its outputs as ${expression}.Name`;
        return `no parameter '${expression}' is declared`;
    }
    const stepName = expression.slice(0, dot);
    const output = expression.slice(dot + 1);
    const step = steps.get(stepName);
    if (!step)
        return `no step '${stepName}' (and no parameter '${expression}')`;
    const predefined = AUTOMATION_ACTIONS[step.action]?.outputs ?? [];
    if (predefined.includes(output) || step.outputs.some(o => o.name === output))
        return undefined;
    const known = [...new Set([...predefined, ...step.outputs.map(o => o.name)])];
    return `step '${stepName}' has no output '${output}'${known.length ? ` (it has ${known.join(', ')})` : ' (it declares no outputs)'}`;
}
/** The document's references (assumeRole) and those of every step's inputs, in that order. */
function checkReferences(c, steps, byName) {
    const check = (ref) => {
        if (ref.error) {
            c.err(ref.pos, `malformed reference ${ref.raw}: ${MALFORMED[ref.error]}`);
            return;
        }
        const problem = resolveProblem(c, ref.expression, byName);
        if (problem)
            c.err(ref.pos, `${ref.raw} does not resolve: ${problem}`);
    };
    c.runbook.refs.forEach(check);
    for (const step of steps)
        step.refs.forEach(check);
}

;// CONCATENATED MODULE: ./src/runbooks/validate/outputs.ts
/**
 * Outputs: those a step declares (`{Name, Selector, Type}`) and the document's own (`Step.Output` names that must
 * exist).
 */




const OUTPUT_NAME = /^[a-zA-Z0-9_]+$/;
/** The outputs of one step: a list of `{Name, Selector, Type}` with unique names. */
function checkStepOutputs(c, raw, path, label) {
    const { err, at } = c;
    if (!('outputs' in raw) || raw.outputs === null)
        return;
    if (!Array.isArray(raw.outputs)) {
        err(at([...path, 'outputs']), `${label}: outputs must be a list of {Name, Selector, Type}`);
        return;
    }
    const seen = new Set();
    raw.outputs.forEach((o, j) => {
        const out = (...rest) => [...path, 'outputs', j, ...rest];
        if (!isRecord(o)) {
            err(at(out()), `${label}: output ${j + 1} must be a mapping with Name, Selector and Type`);
            return;
        }
        if (typeof o.Name !== 'string' || !OUTPUT_NAME.test(o.Name)) {
            err(at(out('Name')), `${label}: output Name must be letters, digits or '_'`);
        }
        else if (seen.has(o.Name)) {
            err(at(out('Name')), `${label}: duplicate output '${o.Name}'`);
        }
        else {
            seen.add(o.Name);
        }
        if (!isSelector(o.Selector)) {
            err(at(out('Selector')), `${label}: output Selector must be a JSONPath such as $.Payload or Attributes.Name`);
        }
        if (typeof o.Type !== 'string' || !DATA_TYPES.has(o.Type)) {
            err(at(out('Type')), `${label}: output Type must be one of ${[...DATA_TYPES].join(', ')}`);
        }
    });
}
/** The document's `outputs`: `Step.Output` strings naming outputs that exist. */
function checkDocumentOutputs(c, steps) {
    const { d, err, at } = c;
    if (!('outputs' in d) || d.outputs === null)
        return;
    if (!Array.isArray(d.outputs)) {
        err(at(['outputs']), 'outputs must be a list of Step.Output names');
        return;
    }
    d.outputs.forEach((o, i) => {
        const where = at(['outputs', i]);
        if (typeof o !== 'string') {
            err(where, `output must be a 'Step.Output' string, not ${context_describe(o)}`);
            return;
        }
        if (!o.includes('.')) {
            err(where, `output '${o}' must be written Step.Output`);
            return;
        }
        const problem = resolveProblem(c, o, steps);
        if (problem)
            err(where, `output '${o}' does not exist: ${problem}`);
    });
}

;// CONCATENATED MODULE: ./src/runbooks/validate/java-regex.ts
/**
 * Translates a Java regular expression (java.util.regex.Pattern) into an equivalent JavaScript one.
 *
 * SSM document parameters' `allowedPattern` is a Java regular expression (AWS Systems Manager User Guide, "Data
 * elements and parameters" for schema 0.3 documents), and AWS's own runbooks use Java-only syntax such as the scoped
 * flag group `(?i:...)`, which Node 20 cannot compile. No maintained npm package translates Java patterns (the
 * available ones handle PCRE, Python or Oniguruma), so this module walks the pattern itself: escapes, `\Q...\E`
 * quoting and character classes are parsed, never string-replaced.
 *
 * The output is compiled with the `v` flag (Unicode sets): it matches by code point like Java, accepts `\p{...}`
 * properties and nested classes, which Java's class union (`[a[b]]`) and intersection (`[a&&[b]]`) need.
 *
 * Semantics follow the Pattern javadoc (Java 17):
 * - flags `(?idmsux-idmsux)` (to the end of the enclosing group) and `(?idmsux-idmsux:X)` (inside X): `i` is ASCII
 *   case-insensitivity (`u` extends it to Unicode), expanded as `[aA]` classes (the JS `i` flag is added too when
 *   the pattern starts with it and never turns it off, so that back-references compare case-insensitively);
 *   `s` makes `.` match every character; `m` makes `^`/`$` match at line terminators; `d` makes `\n` the only line
 *   terminator; `x` ignores whitespace and `#` comments. `U` (Unicode character classes) is not translated.
 * - `.` excludes Java's line terminators (\n, \r, \u0085, \u2028, \u2029); `$` and `\Z` also match before a final
 *   line terminator; `\A` is the start and `\z` the end of the input.
 * - `\d \w \s` and the POSIX classes `\p{Alpha}`, `\p{Digit}`, ... are US-ASCII; `\h \H \v \V \R` as in Java 8+.
 * - possessive quantifiers (`*+`, `++`, `?+`, `{n,m}+`) and atomic groups `(?>X)` are emulated exactly with the
 *   lookahead-capture idiom `(?=(X))\k`: a JS lookahead never backtracks into, so the text it captured is consumed
 *   as one unit, which is what "possessive" and "atomic" mean. (Replacing them with the greedy form would not be
 *   the same match set: `a*+a` matches nothing in Java, `a*a` matches `aa`.) Java group numbers are mapped to the
 *   JS ones, which the added groups shift, so back-references keep pointing at the right group.
 *
 * What cannot be translated throws JavaRegexError (the caller reports a warning and does not check values).
 * Known remaining differences, all of which can only make JS accept more: a back-reference to a group that did not
 * take part in the match matches the empty string in JS (Java fails), and lookbehind may be unbounded in JS.
 */
/** A pattern that is not valid Java or has a construct this module cannot translate. */
class JavaRegexError extends Error {
    reason;
    index;
    name = 'JavaRegexError';
    constructor(reason, 
    /** Offset in the pattern (UTF-16 index) where the problem was found. */
    index) {
        super(`${reason} at offset ${index}`);
        this.reason = reason;
        this.index = index;
    }
}
/**
 * Group markers in the output before the JS group numbers are known: MARK + C<java group> (a Java group opens),
 * S<n> (an added group opens), R<java group> and s<n> (back-references). A NUL never appears raw in the output
 * (literals are escaped), so a marker cannot be confused with pattern text.
 */
const MARK = String.fromCharCode(0);
const GROUP_OPEN = new RegExp(`${MARK}([CS])(\\d+);`, 'g');
const GROUP_MARK = new RegExp(`${MARK}([CSRs])(\\d+);`, 'g');
/** Java's line terminators (Pattern javadoc, "Line terminators"), as JS class contents. */
const TERMINATORS = '\\n\\r\\x85\\u2028\\u2029';
/** The US-ASCII POSIX classes of java.util.regex.Pattern, as JS class contents. */
const POSIX = {
    Lower: 'a-z',
    Upper: 'A-Z',
    ASCII: '\\x00-\\x7F',
    Alpha: 'a-zA-Z',
    Digit: '0-9',
    Alnum: 'a-zA-Z0-9',
    // !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~
    Punct: '\\x21-\\x2F\\x3A-\\x40\\x5B-\\x60\\x7B-\\x7E',
    Graph: '\\x21-\\x7E',
    Print: '\\x20-\\x7E',
    Blank: ' \\t',
    Cntrl: '\\x00-\\x1F\\x7F',
    XDigit: '0-9a-fA-F',
    Space: ' \\t\\n\\x0B\\f\\r'
};
/** Java's binary properties and java.lang.Character classes that JS names differently. */
const PROPERTY_ALIASES = {
    Alphabetic: 'Alphabetic',
    Ideographic: 'Ideographic',
    Letter: 'L',
    Lowercase: 'Lowercase',
    Uppercase: 'Uppercase',
    Titlecase: 'Lt',
    Punctuation: 'P',
    Control: 'Cc',
    White_Space: 'White_Space',
    WhiteSpace: 'White_Space',
    Digit: 'Nd',
    Hex_Digit: 'Hex_Digit',
    HexDigit: 'Hex_Digit',
    Join_Control: 'Join_Control',
    JoinControl: 'Join_Control',
    Noncharacter_Code_Point: 'Noncharacter_Code_Point',
    Assigned: 'Assigned',
    Emoji: 'Emoji',
    javaLowerCase: 'Lowercase',
    javaUpperCase: 'Uppercase',
    javaAlphabetic: 'Alphabetic',
    javaIdeographic: 'Ideographic',
    javaMirrored: 'Bidi_Mirrored',
    javaLetter: 'L',
    javaDigit: 'Nd',
    javaTitleCase: 'Lt'
};
const SPACE = ' \\t\\n\\x0B\\f\\r';
const HSPACE = ' \\t\\xA0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000';
const VSPACE = '\\n\\x0B\\f\\r\\x85\\u2028\\u2029';
/** Characters Java's x (COMMENTS) mode ignores. */
const COMMENT_SPACE = new Set([' ', '\t', '\n', '\x0B', '\f', '\r']);
/** ECMAScript SyntaxCharacter plus '/': escaped with a backslash outside classes. */
const JS_SYNTAX = new Set([...'^$\\.*+?()[]{}|/']);
function hex(cp) {
    return cp <= 0xff ? `\\x${cp.toString(16).toUpperCase().padStart(2, '0')}` : `\\u{${cp.toString(16).toUpperCase()}}`;
}
function isAlnum(cp) {
    return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
}
/** A literal code point outside a class. */
function litOut(cp) {
    const c = String.fromCodePoint(cp);
    if (isAlnum(cp) || cp === 0x5f)
        return c;
    if (JS_SYNTAX.has(c))
        return `\\${c}`;
    if (cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp < 0xa0) || (cp >= 0xd800 && cp <= 0xdfff))
        return hex(cp);
    return c;
}
/** A literal code point inside a `v`-mode class (every ASCII punctuation is escaped, which v mode always allows). */
function litIn(cp) {
    if (isAlnum(cp) || cp === 0x5f)
        return String.fromCodePoint(cp);
    if (cp < 0xa0 || (cp >= 0xd800 && cp <= 0xdfff))
        return hex(cp);
    return String.fromCodePoint(cp);
}
/** The other-case variants of a code point under the given case-insensitivity (ASCII, or Unicode with `u`). */
function caseVariants(cp, unicode) {
    if (!unicode && cp > 0x7f)
        return [];
    const c = String.fromCodePoint(cp);
    const out = new Set();
    for (const v of [c.toLowerCase(), c.toUpperCase()]) {
        const vcp = v.codePointAt(0);
        if ([...v].length === 1 && vcp !== undefined && vcp !== cp && (unicode || vcp <= 0x7f))
            out.add(vcp);
    }
    return [...out];
}
/** Translation state for one pattern. */
class Translator {
    p;
    pos = 0;
    /** Java capturing groups opened so far (Java numbers them in order of their opening parenthesis). */
    javaGroups = 0;
    synthetic = 0;
    /** Set once the whole pattern is case-insensitive (the JS `i` flag is added). */
    globalCi;
    constructor(p) {
        this.p = p;
        this.globalCi = /^\(\?[idmsuxU]*i[idmsuxU]*\)/.test(p) && !/\(\?[idmsuxU]*-[idmsuxU]*i/.test(p);
    }
    fail(reason, at = this.pos) {
        throw new JavaRegexError(reason, at);
    }
    peek() {
        return this.p[this.pos];
    }
    cp() {
        const cp = this.p.codePointAt(this.pos);
        if (cp === undefined)
            this.fail('unexpected end of pattern');
        return cp;
    }
    skipComments(flags) {
        if (!flags.x)
            return;
        for (;;) {
            const c = this.peek();
            if (c !== undefined && COMMENT_SPACE.has(c))
                this.pos++;
            else if (c === '#') {
                while (this.pos < this.p.length && this.p[this.pos] !== '\n')
                    this.pos++;
            }
            else
                return;
        }
    }
    translate() {
        const flags = { i: false, u: false, s: false, m: false, x: false, d: false };
        const body = this.alternation(flags);
        if (this.pos < this.p.length)
            this.fail("unmatched ')'");
        return { source: this.resolveGroups(body), flags: this.globalCi ? 'iv' : 'v' };
    }
    /** Parses alternatives until ')' or the end; `flags` is the enclosing group's (mutated by `(?i)`). */
    alternation(flags) {
        const alternatives = [];
        let atoms = [];
        let quantifiable = false;
        for (;;) {
            this.skipComments(flags);
            const start = this.pos;
            const c = this.peek();
            if (c === undefined || c === ')')
                break;
            if (c === '|') {
                this.pos++;
                alternatives.push(atoms.join(''));
                atoms = [];
                quantifiable = false;
                continue;
            }
            if (c === '*' || c === '+' || c === '?' || (c === '{' && this.quantifierBraces() !== undefined)) {
                if (!quantifiable || atoms.length === 0)
                    this.fail(`dangling quantifier '${c}'`, start);
                atoms[atoms.length - 1] = this.quantify(atoms[atoms.length - 1], flags);
                quantifiable = false;
                continue;
            }
            const atom = this.atom(flags);
            if (atom === undefined)
                continue; // (?i), \E, \Q\E: change flags or match nothing
            if (atom.before)
                atoms.push(atom.before);
            atoms.push(atom.text);
            quantifiable = atom.quantifiable;
        }
        alternatives.push(atoms.join(''));
        return alternatives.join('|');
    }
    /** The `{n}`, `{n,}`, `{n,m}` quantifier at the cursor, if there is one. */
    quantifierBraces() {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(this.p.slice(this.pos));
        return m ? m[0] : undefined;
    }
    quantify(atom, flags) {
        const start = this.pos;
        let q;
        const c = this.peek();
        if (c === '{') {
            q = this.quantifierBraces();
            const m = /^\{(\d+)(?:,(\d*))?\}$/.exec(q);
            if (m[2] !== undefined && m[2] !== '' && Number(m[2]) < Number(m[1]))
                this.fail('illegal repetition range', start);
            this.pos += q.length;
        }
        else {
            q = c;
            this.pos++;
        }
        this.skipComments(flags);
        const mode = this.peek();
        if (mode === '?') {
            this.pos++;
            return `${atom}${q}?`;
        }
        if (mode === '+') {
            this.pos++;
            return this.atomic(`${atom}${q}`);
        }
        return `${atom}${q}`;
    }
    /** `(?>X)`: a lookahead captures what X matches without backtracking, and a back-reference consumes it. */
    atomic(inner) {
        const id = ++this.synthetic;
        return `(?=(${MARK}S${id};${inner}))${MARK}s${id};`;
    }
    atom(flags) {
        const c = this.peek();
        switch (c) {
            case '(':
                return this.group(flags);
            case '[': {
                const text = this.characterClass(flags);
                return { text, quantifiable: true };
            }
            case '.':
                this.pos++;
                return {
                    text: flags.s ? '[\\s\\S]' : flags.d ? '[^\\n]' : `[^${TERMINATORS}]`,
                    quantifiable: true
                };
            case '^':
                this.pos++;
                if (!flags.m)
                    return { text: '^', quantifiable: false };
                return {
                    text: flags.d ? '(?:^|(?<=\\n)(?!$))' : `(?:^|(?<=[\\n\\x85\\u2028\\u2029]|\\r(?!\\n))(?!$))`,
                    quantifiable: false
                };
            case '$':
                this.pos++;
                return { text: this.dollar(flags), quantifiable: false };
            case '\\':
                return this.escapeOutside(flags);
            default: {
                const cp = this.cp();
                this.pos += cp > 0xffff ? 2 : 1;
                if (c === '{')
                    this.fail("illegal repetition: '{' does not start a quantifier", this.pos - 1);
                return { text: this.literal(cp, flags), quantifiable: true };
            }
        }
    }
    /** Java's `$`: end of input or before a final line terminator; in MULTILINE, before any line terminator. */
    dollar(flags) {
        if (flags.m) {
            return flags.d ? '(?=\\n|$)' : '(?:(?=[\\r\\x85\\u2028\\u2029]|$)|(?<!\\r)(?=\\n))';
        }
        // Not between the \r and \n of a final \r\n (java.util.regex.Pattern.Dollar).
        return flags.d ? '(?=\\n?$)' : `(?=(?:\\r\\n|[${TERMINATORS}])?$)(?!(?<=\\r)\\n)`;
    }
    /** A literal code point outside a class, as a case class when case-insensitive. */
    literal(cp, flags) {
        const variants = flags.i ? caseVariants(cp, flags.u) : [];
        if (variants.length === 0)
            return litOut(cp);
        return `[${[cp, ...variants].map(litIn).join('')}]`;
    }
    group(outer) {
        const open = this.pos;
        this.pos++; // (
        const flags = { ...outer };
        let prefix;
        let quantifiable = true;
        if (this.peek() !== '?') {
            const n = ++this.javaGroups;
            prefix = `(${MARK}C${n};`;
        }
        else {
            this.pos++;
            const rest = this.p.slice(this.pos);
            const named = /^<([a-zA-Z][a-zA-Z0-9]*)>/.exec(rest);
            const flagGroup = /^([idmsuxU]*)(?:-([idmsuxU]*))?([:)])/.exec(rest);
            if (rest.startsWith(':')) {
                prefix = '(?:';
                this.pos++;
            }
            else if (rest.startsWith('=') || rest.startsWith('!')) {
                prefix = `(?${rest[0]}`;
                this.pos++;
                quantifiable = false;
            }
            else if (rest.startsWith('<=') || rest.startsWith('<!')) {
                prefix = `(?${rest.slice(0, 2)}`;
                this.pos += 2;
                quantifiable = false;
            }
            else if (named) {
                const n = ++this.javaGroups;
                prefix = `(?<${named[1]}>${MARK}C${n};`;
                this.pos += named[0].length;
            }
            else if (rest.startsWith('>')) {
                this.pos++;
                const body = this.alternation(flags);
                this.close(open);
                return { text: `(?:${this.atomic(body)})`, quantifiable: true };
            }
            else if (flagGroup && (flagGroup[1] !== '' || flagGroup[2] !== undefined)) {
                this.pos += flagGroup[0].length;
                const target = flagGroup[3] === ')' ? outer : flags;
                this.applyFlags(target, flagGroup[1] ?? '', flagGroup[2] ?? '', open);
                if (flagGroup[3] === ')')
                    return undefined;
                prefix = '(?:';
            }
            else {
                this.fail('unknown group construct (?', open);
            }
        }
        const body = this.alternation(flags);
        this.close(open);
        return { text: `${prefix}${body})`, quantifiable };
    }
    close(open) {
        if (this.peek() !== ')')
            this.fail("unclosed group '('", open);
        this.pos++;
    }
    applyFlags(flags, on, off, at) {
        for (const [letters, value] of [
            [on, true],
            [off, false]
        ]) {
            for (const f of letters) {
                if (f === 'U')
                    this.fail('the U flag (UNICODE_CHARACTER_CLASS) is not translated', at);
                flags[f] = value;
            }
        }
    }
    /** An escape outside a character class. */
    escapeOutside(flags) {
        const start = this.pos;
        this.pos++; // backslash
        const c = this.peek();
        if (c === undefined)
            this.fail('trailing backslash', start);
        switch (c) {
            case 'A':
                this.pos++;
                return { text: '^', quantifiable: false };
            case 'z':
                this.pos++;
                return { text: '$', quantifiable: false };
            case 'Z':
                this.pos++;
                return { text: this.dollar({ ...flags, m: false }), quantifiable: false };
            case 'b':
            case 'B':
                this.pos++;
                if (this.peek() === '{')
                    this.fail('\\b{g} (grapheme boundary) is not translated', start);
                return { text: `\\${c}`, quantifiable: false };
            case 'G':
                return this.fail('\\G (end of the previous match) is not translated', start);
            case 'X':
                return this.fail('\\X (grapheme cluster) is not translated', start);
            case 'R':
                this.pos++;
                return { text: `(?:\\r\\n|[${VSPACE}])`, quantifiable: true };
            case 'Q': {
                this.pos++;
                const end = this.p.indexOf('\\E', this.pos);
                const chars = [...this.p.slice(this.pos, end < 0 ? undefined : end)];
                this.pos = end < 0 ? this.p.length : end + 2;
                if (chars.length === 0)
                    return undefined;
                const texts = chars.map(ch => this.literal(ch.codePointAt(0), flags));
                // A following quantifier applies to the last quoted character only, as in Java.
                return { before: texts.slice(0, -1).join(''), text: texts[texts.length - 1], quantifiable: true };
            }
            case 'E':
                // A stray \E (no \Q open) is ignored by Java.
                this.pos++;
                return undefined;
            case 'k': {
                const m = /^k<([a-zA-Z][a-zA-Z0-9]*)>/.exec(this.p.slice(this.pos));
                if (!m)
                    this.fail('\\k must be followed by <name>', start);
                this.pos += m[0].length;
                this.checkBackrefCase(flags, start);
                return { text: `\\k<${m[1]}>`, quantifiable: true };
            }
            default:
                break;
        }
        if (c >= '1' && c <= '9') {
            // Java: \1-\9 are always back-references; more digits are taken while that many groups exist.
            let n = Number(c);
            this.pos++;
            for (;;) {
                const d = this.peek();
                if (d === undefined || d < '0' || d > '9' || n * 10 + Number(d) > this.javaGroups)
                    break;
                n = n * 10 + Number(d);
                this.pos++;
            }
            this.checkBackrefCase(flags, start);
            return { text: `(?:${MARK}R${n};)`, quantifiable: true };
        }
        const cls = this.classEscape(flags, start);
        if (cls !== undefined)
            return { text: cls.outside, quantifiable: true };
        return { text: this.literal(this.characterEscape(start), flags), quantifiable: true };
    }
    checkBackrefCase(flags, at) {
        if (flags.i && !this.globalCi) {
            this.fail('a back-reference inside a scoped case-insensitive group is not translated', at);
        }
    }
    /**
     * A class escape at the cursor (just after the backslash): `\d \D \w \W \s \S \h \H \v \V \p{..} \P{..}`.
     * Returns its JS form outside a class and as an item inside a `v`-mode class, or undefined when it is not one.
     */
    classEscape(flags, start) {
        const c = this.peek();
        const set = (contents, negated) => {
            const text = `[${negated ? '^' : ''}${contents}]`;
            return { outside: text, inside: text };
        };
        switch (c) {
            case 'd':
            case 'D':
            case 'w':
            case 'W':
                this.pos++;
                return { outside: `\\${c}`, inside: `\\${c}` };
            case 's':
            case 'S':
                this.pos++;
                return set(SPACE, c === 'S');
            case 'h':
            case 'H':
                this.pos++;
                return set(HSPACE, c === 'H');
            case 'v':
            case 'V':
                this.pos++;
                return set(VSPACE, c === 'V');
            case 'p':
            case 'P': {
                this.pos++;
                let name;
                if (this.peek() === '{') {
                    const close = this.p.indexOf('}', this.pos);
                    if (close < 0)
                        this.fail(`unclosed \\${c}{`, start);
                    name = this.p.slice(this.pos + 1, close);
                    this.pos = close + 1;
                }
                else {
                    const ch = this.peek();
                    if (ch === undefined)
                        this.fail(`\\${c} needs a property name`, start);
                    name = ch;
                    this.pos++;
                }
                return this.property(name, c === 'P', flags, start);
            }
            default:
                return undefined;
        }
    }
    property(rawName, negated, flags, start) {
        // Java: POSIX names stand alone; an `Is` prefix names a script, binary property or category.
        const prefixed = rawName.startsWith('Is');
        const name = prefixed ? rawName.slice(2) : rawName;
        let posix = prefixed ? undefined : POSIX[name];
        if (posix !== undefined) {
            // Java: with CASE_INSENSITIVE, \p{Lower} and \p{Upper} match letters of either case.
            if (flags.i && (name === 'Lower' || name === 'Upper'))
                posix = POSIX.Alpha;
            const text = `[${negated ? '^' : ''}${posix}]`;
            return { outside: text, inside: text };
        }
        if (name.startsWith('In') || /^(blk|block)=/i.test(name)) {
            this.fail(`Unicode block \\p{${rawName}} is not translated (JavaScript has no block properties)`, start);
        }
        const candidates = [];
        const eq = /^(gc|general_category|sc|script)=(.+)$/i.exec(name);
        if (eq) {
            const kind = eq[1].toLowerCase();
            candidates.push(kind === 'gc' || kind === 'general_category' ? `General_Category=${eq[2]}` : `Script=${eq[2]}`);
        }
        else {
            const alias = PROPERTY_ALIASES[name];
            if (alias)
                candidates.push(alias);
            if (name === 'L1')
                candidates.push('Script=Latin');
            candidates.push(`General_Category=${name}`, `Script=${name}`, name);
        }
        for (const candidate of candidates) {
            const text = `\\${negated ? 'P' : 'p'}{${candidate}}`;
            try {
                new RegExp(text, 'v');
                return { outside: text, inside: text };
            }
            catch {
                // try the next reading
            }
        }
        return this.fail(`unknown character property \\p{${rawName}}`, start);
    }
    /** A character escape at the cursor (just after the backslash); returns the code point it stands for. */
    characterEscape(start) {
        const c = this.peek();
        const simple = { t: 9, n: 10, r: 13, f: 12, a: 7, e: 27 };
        if (simple[c] !== undefined) {
            this.pos++;
            return simple[c];
        }
        const rest = this.p.slice(this.pos);
        if (c === '0') {
            const m = /^0([0-3][0-7]{2}|[0-7]{1,2})/.exec(rest);
            if (!m)
                this.fail('illegal octal escape: \\0 needs octal digits', start);
            this.pos += m[0].length;
            return parseInt(m[1], 8);
        }
        if (c === 'x') {
            const m = /^x(?:\{([0-9a-fA-F]+)\}|([0-9a-fA-F]{2}))/.exec(rest);
            if (!m)
                this.fail('illegal hexadecimal escape', start);
            const cp = parseInt(m[1] ?? m[2], 16);
            if (cp > 0x10ffff)
                this.fail('hexadecimal code point out of range', start);
            this.pos += m[0].length;
            return cp;
        }
        if (c === 'u') {
            const m = /^u([0-9a-fA-F]{4})(?:\\u([dD][c-fC-F][0-9a-fA-F]{2}))?/.exec(rest);
            if (!m)
                this.fail('illegal Unicode escape', start);
            const hi = parseInt(m[1], 16);
            if (m[2] !== undefined && hi >= 0xd800 && hi <= 0xdbff) {
                this.pos += m[0].length;
                return 0x10000 + ((hi - 0xd800) << 10) + (parseInt(m[2], 16) - 0xdc00);
            }
            this.pos += 5;
            return hi;
        }
        if (c === 'c') {
            const x = this.p[this.pos + 1];
            if (x === undefined)
                this.fail('\\c needs a control character letter', start);
            this.pos += 2;
            return x.charCodeAt(0) ^ 64;
        }
        if (c === 'N')
            this.fail('\\N{name} is not translated', start);
        const cp = this.cp();
        if ((cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) {
            this.fail(`illegal escape \\${c} (Java rejects a backslash before a letter that is no escape)`, start);
        }
        if (cp >= 0x30 && cp <= 0x39)
            this.fail(`illegal escape \\${c}`, start);
        // Java: a backslash before any other character quotes it.
        this.pos += cp > 0xffff ? 2 : 1;
        return cp;
    }
    /**
     * A character class `[...]` (cursor on '['), with Java's nested union `[a[b]]` and intersection `[a&&[b]]`,
     * returned as a `v`-mode class.
     */
    characterClass(flags) {
        const open = this.pos;
        this.pos++;
        let negated = false;
        if (this.peek() === '^') {
            negated = true;
            this.pos++;
        }
        const operands = [[]];
        let nested = false;
        /** The last item, when it is a single code point (a possible range start). */
        let lastChar;
        for (;;) {
            this.skipComments(flags);
            const c = this.peek();
            if (c === undefined)
                this.fail("unclosed character class '['", open);
            const items = operands[operands.length - 1];
            if (c === ']' && (items.length > 0 || operands.length > 1)) {
                this.pos++;
                break;
            }
            if (c === '&' && this.p[this.pos + 1] === '&') {
                this.pos += 2;
                operands.push([]);
                lastChar = undefined;
                continue;
            }
            if (c === '[') {
                items.push(this.characterClass(flags));
                nested = true;
                lastChar = undefined;
                continue;
            }
            if (c === '-' && lastChar !== undefined && this.p[this.pos + 1] !== ']' && this.p[this.pos + 1] !== undefined) {
                const dash = this.pos;
                this.pos++;
                this.skipComments(flags);
                const hi = this.classChar();
                if (hi === undefined)
                    this.fail('illegal character range: a range ends with a single character', dash);
                if (hi < lastChar)
                    this.fail('illegal character range: the end is below the start', dash);
                items.pop();
                items.push(this.range(lastChar, hi, flags, dash));
                lastChar = undefined;
                continue;
            }
            if (c === '\\') {
                const start = this.pos;
                this.pos++;
                if (this.peek() === 'Q') {
                    this.pos++;
                    const end = this.p.indexOf('\\E', this.pos);
                    const quoted = this.p.slice(this.pos, end < 0 ? undefined : end);
                    this.pos = end < 0 ? this.p.length : end + 2;
                    for (const ch of quoted) {
                        lastChar = ch.codePointAt(0);
                        items.push(this.classLiteral(lastChar, flags));
                    }
                    continue;
                }
                const cls = this.classEscape(flags, start);
                if (cls !== undefined) {
                    items.push(cls.inside);
                    lastChar = undefined;
                    continue;
                }
                this.pos = start;
            }
            const cp = this.classChar();
            if (cp === undefined)
                this.fail('unexpected class escape', this.pos);
            items.push(this.classLiteral(cp, flags));
            lastChar = cp;
        }
        if (operands.some(o => o.length === 0))
            this.fail("empty operand of '&&' in a character class", open);
        if (negated && (nested || operands.length > 1)) {
            // Java 8 and Java 9+ disagree on what a negation covers when the class nests or intersects.
            this.fail('a negated class with nested classes or && is not translated (Java versions disagree)', open);
        }
        const body = operands.length === 1 ? operands[0].join('') : operands.map(o => `[${o.join('')}]`).join('&&');
        return `[${negated ? '^' : ''}${body}]`;
    }
    /** One single-character item of a class (a literal or a character escape); undefined for a class escape. */
    classChar() {
        const c = this.peek();
        if (c === undefined)
            this.fail('unclosed character class', this.pos);
        if (c !== '\\') {
            const cp = this.cp();
            this.pos += cp > 0xffff ? 2 : 1;
            return cp;
        }
        const start = this.pos;
        this.pos++;
        const next = this.peek();
        if (next === undefined)
            this.fail('trailing backslash', start);
        if ('dDwWsShHvVpPQ'.includes(next)) {
            this.pos = start;
            return undefined;
        }
        if (next === 'b')
            this.fail('\\b inside a character class is not valid Java', start);
        return this.characterEscape(start);
    }
    classLiteral(cp, flags) {
        const variants = flags.i ? caseVariants(cp, flags.u) : [];
        return [cp, ...variants].map(litIn).join('');
    }
    /** A range lo-hi, with its other-case counterparts when case-insensitive (ASCII letters only). */
    range(lo, hi, flags, at) {
        const parts = [`${litIn(lo)}-${litIn(hi)}`];
        if (flags.i) {
            if (flags.u && hi > 0x7f)
                this.fail('a case-insensitive Unicode range is not translated', at);
            const overlap = (a, b, shift) => {
                const from = Math.max(lo, a);
                const to = Math.min(hi, b);
                if (from <= to)
                    parts.push(`${litIn(from + shift)}-${litIn(to + shift)}`);
            };
            overlap(0x61, 0x7a, -32); // a-z -> A-Z
            overlap(0x41, 0x5a, 32); // A-Z -> a-z
        }
        return parts.join('');
    }
    /** Replaces group markers by JS group numbers (the added lookahead groups shift Java's numbering). */
    resolveGroups(body) {
        const jsNumber = new Map();
        let n = 0;
        for (const m of body.matchAll(GROUP_OPEN))
            jsNumber.set(`${m[1]}${m[2]}`, ++n);
        return body.replace(GROUP_MARK, (_all, kind, num) => {
            if (kind === 'C' || kind === 'S')
                return '';
            const target = jsNumber.get(`${kind === 'R' ? 'C' : 'S'}${num}`);
            // Java compiles a reference to a group that does not exist; it never matches.
            return target === undefined ? '(?!)' : `\\${target}`;
        });
    }
}
/** Translates a Java regular expression into JS source and flags; throws JavaRegexError when it cannot. */
function translateJavaRegex(pattern) {
    return new Translator(pattern).translate();
}
/**
 * Compiles an SSM `allowedPattern` (a Java regular expression) as a JavaScript RegExp: the one function every
 * allowedPattern check goes through. `error` says why it cannot be compiled (then values are not checked).
 */
function compileAllowedPattern(pattern) {
    let translated;
    try {
        translated = translateJavaRegex(pattern);
    }
    catch (err) {
        if (err instanceof JavaRegexError)
            return { error: err.message };
        throw err;
    }
    try {
        return { regex: new RegExp(translated.source, translated.flags) };
    }
    catch (err) {
        return { error: err.message };
    }
}

;// CONCATENATED MODULE: ./src/runbooks/validate/parameters.ts
/**
 * The document's data elements: `parameters` (type, properties, allowedPattern read as Java, defaults against the
 * declared constraints) and `variables` (type, default). "Data elements and parameters" of SSM documents, schema 0.3:
 * https://docs.aws.amazon.com/systems-manager/latest/userguide/documents-syntax-data-elements-parameters.html
 */




const NAME = /^[a-zA-Z0-9_]+$/;
function isNonNegativeInt(value) {
    return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
function isStringList(value) {
    return Array.isArray(value) && value.every(v => typeof v === 'string');
}
/** Why `value` does not fit the declared type, or undefined when it does. */
function typeMismatch(value, type) {
    const ok = (() => {
        switch (type) {
            case 'Integer':
                return typeof value === 'number' && Number.isInteger(value);
            case 'Boolean':
                return typeof value === 'boolean';
            case 'StringMap':
                return isRecord(value);
            case 'MapList':
                return Array.isArray(value) && value.every(isRecord);
            default:
                if (type === 'StringList' || type.startsWith('List<'))
                    return isStringList(value);
                return typeof value === 'string';
        }
    })();
    if (ok)
        return undefined;
    const hint = type === 'String' && (typeof value === 'number' || typeof value === 'boolean') ? ' (quote it)' : '';
    return `is ${context_describe(value)}, but the type is ${type}${hint}`;
}
/**
 * The checks both sections share (a mapping of name to definition, names, properties); `check` gets each definition
 * that is a mapping, with its path and its label for messages.
 */
function eachDefinition(c, section, check) {
    const { d, err, at } = c;
    if (!(section.name in d) || d[section.name] === null)
        return;
    const all = d[section.name];
    if (!isRecord(all)) {
        err(at([section.name]), `${section.name} must be a mapping of ${section.kind} name to definition`);
        return;
    }
    const entries = Object.entries(all);
    if (section.maxEntries !== undefined && entries.length > section.maxEntries) {
        err(at([section.name], 'key'), `${entries.length} ${section.name}; SSM accepts at most ${section.maxEntries}`);
    }
    for (const [name, def] of entries) {
        const base = [section.name, name];
        const label = `${section.kind} '${name}'`;
        const nameProblem = section.nameProblem(name);
        if (nameProblem)
            err(at(base, 'key'), `${label}: ${nameProblem}`);
        if (!isRecord(def)) {
            err(at(base), `${label} must be a mapping with at least 'type'`);
            continue;
        }
        for (const key of Object.keys(def)) {
            if (!section.keys.has(key)) {
                err(at([...base, key], 'key'), `${label}: unknown property '${key}' (expected ${section.expected})`);
            }
        }
        check(def, base, label);
    }
}
const PARAMETERS = {
    name: 'parameters',
    kind: 'parameter',
    // Parameter map of StartAutomationExecution: at most 200 entries, keys of 1 to 50 characters (ssm.json).
    nameProblem: name => !NAME.test(name) || name.length > MAX_PARAMETER_NAME_LENGTH
        ? `a parameter name is 1 to ${MAX_PARAMETER_NAME_LENGTH} letters, digits or '_'`
        : undefined,
    maxEntries: MAX_PARAMETERS,
    keys: PARAMETER_KEYS,
    expected: `one of ${[...PARAMETER_KEYS].join(', ')}`
};
const VARIABLES = {
    name: 'variables',
    kind: 'variable',
    nameProblem: name => (NAME.test(name) ? undefined : "a variable name is letters, digits or '_'"),
    keys: VARIABLE_KEYS,
    expected: 'type, default, description'
};
function checkParameters(c) {
    const { err, warn, at } = c;
    eachDefinition(c, PARAMETERS, (def, base, label) => {
        let type;
        if (!('type' in def)) {
            err(at(base, 'key'), `${label}: type is required`);
        }
        else if (typeof def.type !== 'string' || !PARAMETER_TYPES.has(def.type)) {
            err(at([...base, 'type']), `${label}: type ${quote(def.type)} is not a parameter type (${[...PARAMETER_TYPES].join(', ')})`);
        }
        else {
            type = def.type;
        }
        if ('description' in def && typeof def.description !== 'string') {
            err(at([...base, 'description']), `${label}: description must be a string`);
        }
        let regex;
        if ('allowedPattern' in def) {
            if (typeof def.allowedPattern !== 'string') {
                err(at([...base, 'allowedPattern']), `${label}: allowedPattern must be a string`);
            }
            else {
                // allowedPattern is a Java regular expression ("Data elements and parameters" of SSM documents, schema
                // 0.3): translated, then compiled. One that still does not compile is SSM's to judge, not a rejection.
                const compiled = compileAllowedPattern(def.allowedPattern);
                if ('error' in compiled) {
                    warn(at([...base, 'allowedPattern']), `${label}: allowedPattern ${def.allowedPattern} cannot be checked here (${compiled.error}); ` +
                        'the action does not check the default or parameter values against it, SSM still does');
                }
                else {
                    regex = compiled.regex;
                }
            }
        }
        let allowed;
        if ('allowedValues' in def) {
            if (!Array.isArray(def.allowedValues) || def.allowedValues.length === 0) {
                err(at([...base, 'allowedValues']), `${label}: allowedValues must be a non-empty list`);
            }
            else {
                allowed = def.allowedValues;
            }
        }
        for (const k of ['minItems', 'maxItems', 'minChars', 'maxChars']) {
            if (k in def && !isNonNegativeInt(def[k]))
                err(at([...base, k]), `${label}: ${k} must be a non-negative integer`);
        }
        if (!('default' in def) || !type)
            return;
        const value = def.default;
        const where = at([...base, 'default']);
        const mismatch = typeMismatch(value, type);
        if (mismatch) {
            err(where, `${label}: default ${mismatch}`);
            return;
        }
        const items = Array.isArray(value) ? value : [value];
        for (const item of items) {
            if (typeof item !== 'string' || hasTemplate(item))
                continue;
            if (regex && !regex.test(item)) {
                err(where, `${label}: default ${quote(item)} does not match allowedPattern ${def.allowedPattern}`);
            }
        }
        if (allowed && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) {
            if (!allowed.some(a => a === value || String(a) === String(value))) {
                err(where, `${label}: default ${quote(value)} is not one of allowedValues (${allowed.map(quote).join(', ')})`);
            }
        }
        if (allowed && Array.isArray(value)) {
            for (const item of value) {
                if (!allowed.some(a => String(a) === String(item))) {
                    err(where, `${label}: default item ${quote(item)} is not one of allowedValues (${allowed.map(quote).join(', ')})`);
                }
            }
        }
        if (typeof value === 'string') {
            if (typeof def.minChars === 'number' && value.length < def.minChars)
                err(where, `${label}: default is shorter than minChars ${def.minChars}`);
            if (typeof def.maxChars === 'number' && value.length > def.maxChars)
                err(where, `${label}: default is longer than maxChars ${def.maxChars}`);
        }
        if (Array.isArray(value)) {
            if (typeof def.minItems === 'number' && value.length < def.minItems)
                err(where, `${label}: default has fewer items than minItems ${def.minItems}`);
            if (typeof def.maxItems === 'number' && value.length > def.maxItems)
                err(where, `${label}: default has more items than maxItems ${def.maxItems}`);
        }
    });
}
function checkVariables(c) {
    const { err, at } = c;
    eachDefinition(c, VARIABLES, (def, base, label) => {
        if (typeof def.type !== 'string' || !DATA_TYPES.has(def.type)) {
            err('type' in def ? at([...base, 'type']) : at(base, 'key'), `${label}: type must be one of ${[...DATA_TYPES].join(', ')}`);
            return;
        }
        if ('default' in def) {
            const mismatch = typeMismatch(def.default, def.type);
            if (mismatch)
                err(at([...base, 'default']), `${label}: default ${mismatch}`);
        }
    });
}

;// CONCATENATED MODULE: ./src/runbooks/validate/placeholders.ts

/** NAME is upper-case (SCRIPT, ROLE, ...), which keeps Python's `%%` (a literal percent sign) out of it. */
const PLACEHOLDER = /%%[A-Z][A-Z0-9_]*(?:=[^%\r\n]*)?%%/g;
/** Lexer tokens that mark structure without consuming source text (yaml's CST control characters). */
const VIRTUAL = new Set(['doc-mode', 'scalar', 'flow-error-end']);
/** [start, end) offsets of the YAML comments of `text` (JSON has none). */
function commentRanges(text) {
    const ranges = [];
    let offset = 0;
    for (const token of new dist/* Lexer */.JG().lex(text)) {
        const type = dist/* CST */.DB.tokenType(token);
        if (type === 'comment')
            ranges.push([offset, offset + token.length]);
        // The scalar marker '\x1f' is virtual, but a plain scalar's text (type null) is real.
        if (!(token.length === 1 && type !== null && VIRTUAL.has(type)))
            offset += token.length;
    }
    return ranges;
}
/** Every build-time placeholder in the runbook text (keys, values, scripts), with its own line and column. */
function findPlaceholders(text) {
    if (!text.includes('%%'))
        return [];
    const comments = commentRanges(text);
    const found = [];
    let line = 1;
    let lineStart = 0;
    let scanned = 0;
    for (const m of text.matchAll(PLACEHOLDER)) {
        const at = m.index;
        for (let i = text.indexOf('\n', scanned); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) {
            line++;
            lineStart = i + 1;
        }
        scanned = at;
        if (comments.some(([s, e]) => at >= s && at < e))
            continue;
        found.push({ text: m[0], pos: { line, col: at - lineStart + 1 } });
    }
    return found;
}
/** Build-time placeholders (keys, values, scripts): the document was not built. */
function checkPlaceholders(c) {
    for (const p of findPlaceholders(c.runbook.content)) {
        c.err(p.pos, `build-time placeholder: build this document first (${p.text} is still in it)`);
    }
}

;// CONCATENATED MODULE: ./src/runbooks/validate/inputs.ts
/**
 * A step's action and its inputs: the action is one SSM knows, the inputs it requires are there, and the values SSM
 * checks before a run are of the right form (Systems Manager Automation actions reference:
 * https://docs.aws.amazon.com/systems-manager/latest/userguide/automation-actions.html). aws:branch targets belong to
 * the step graph (steps.ts).
 */




/** ISO 8601 duration as aws:sleep accepts it (e.g. PT10M, P1DT2H). */
const ISO_DURATION = /^P(?=\d|T\d)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;
const SERVICE_NAME = /^[a-z][a-z0-9-]*$/;
const API_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
function closest(name, known) {
    const lower = name.toLowerCase();
    for (const k of known)
        if (k.toLowerCase() === lower)
            return k;
    return undefined;
}
/**
 * Checks the step's action and inputs; returns the inputs when the action is known and they are a mapping (what
 * further per-action checks read), else undefined.
 */
function checkInputs(c, step, raw, label) {
    const { err, at } = c;
    const spec = AUTOMATION_ACTIONS[step.action];
    if (!('action' in raw)) {
        err(step.pos, `${label}: action is required`);
    }
    else if (!spec) {
        const suggestion = typeof raw.action === 'string' ? closest(raw.action, Object.keys(AUTOMATION_ACTIONS)) : undefined;
        err(at([...step.path, 'action']), `${label}: unknown action ${quote(raw.action)}${suggestion ? ` (did you mean '${suggestion}'?)` : ''}`);
    }
    const inputs = isRecord(raw.inputs) ? raw.inputs : undefined;
    if ('inputs' in raw && raw.inputs !== null && !inputs) {
        err(at([...step.path, 'inputs']), `${label}: inputs must be a mapping`);
    }
    if (!spec)
        return undefined;
    const inputsAt = 'inputs' in raw ? at([...step.path, 'inputs'], 'key') : step.pos;
    for (const req of spec.required) {
        const names = typeof req === 'string' ? [req] : req;
        if (names.some(n => inputs && n in inputs))
            continue;
        err(inputsAt, names.length === 1
            ? `${label}: inputs.${names[0]} is required for ${step.action}`
            : `${label}: ${step.action} needs one of inputs.${names.join(', inputs.')}`);
    }
    if (inputs)
        checkInputValues(c, step, inputs, label);
    return inputs;
}
/** The values of the inputs SSM checks, per action. */
function checkInputValues(c, step, inputs, label) {
    const { err, at } = c;
    const inp = (key) => [...step.path, 'inputs', key];
    /** An input written as a literal (not a `{{ }}` reference) that is not a string matching `pattern`. */
    const badLiteral = (key, pattern) => {
        const value = inputs[key];
        return key in inputs && !hasTemplate(value) && (typeof value !== 'string' || !pattern.test(value));
    };
    if (AWS_API_ACTIONS.has(step.action)) {
        if (badLiteral('Service', SERVICE_NAME)) {
            err(at(inp('Service')), `${label}: inputs.Service ${quote(inputs.Service)} must be a lowercase service namespace such as ec2, s3, sns`);
        }
        if (badLiteral('Api', API_NAME)) {
            err(at(inp('Api')), `${label}: inputs.Api ${quote(inputs.Api)} must be an API operation name such as DescribeInstances`);
        }
        if (step.action !== 'aws:executeAwsApi') {
            if ('PropertySelector' in inputs && !isSelector(inputs.PropertySelector)) {
                err(at(inp('PropertySelector')), `${label}: inputs.PropertySelector must be a JSONPath such as $.Name or Attributes.Name`);
            }
            if ('DesiredValues' in inputs && (!Array.isArray(inputs.DesiredValues) || inputs.DesiredValues.length === 0)) {
                err(at(inp('DesiredValues')), `${label}: inputs.DesiredValues must be a non-empty list`);
            }
        }
        return;
    }
    switch (step.action) {
        case 'aws:sleep': {
            if ('Duration' in inputs && 'Timestamp' in inputs) {
                err(at(inp('Timestamp'), 'key'), `${label}: give either inputs.Duration or inputs.Timestamp, not both`);
            }
            if (badLiteral('Duration', ISO_DURATION)) {
                err(at(inp('Duration')), `${label}: inputs.Duration ${quote(inputs.Duration)} is not an ISO 8601 duration such as PT10M`);
            }
            if ('Timestamp' in inputs && !hasTemplate(inputs.Timestamp)) {
                if (typeof inputs.Timestamp !== 'string' ||
                    Number.isNaN(Date.parse(inputs.Timestamp)) ||
                    // Date.parse rolls 2027-02-30 over to 2 March: the day must exist.
                    calendarDateProblem(inputs.Timestamp.slice(0, 10)) !== undefined) {
                    err(at(inp('Timestamp')), `${label}: inputs.Timestamp ${quote(inputs.Timestamp)} is not an ISO 8601 date-time`);
                }
            }
            break;
        }
        case 'aws:loop': {
            if ('Iterators' in inputs && 'LoopCondition' in inputs) {
                err(at(inp('LoopCondition'), 'key'), `${label}: give either inputs.Iterators or inputs.LoopCondition, not both`);
            }
            if ('Steps' in inputs && (!Array.isArray(inputs.Steps) || inputs.Steps.length === 0)) {
                err(at(inp('Steps')), `${label}: inputs.Steps must be a non-empty list of steps`);
            }
            if ('MaxIterations' in inputs) {
                const m = inputs.MaxIterations;
                if (!isPositiveInt(m) || m > MAX_LOOP_ITERATIONS) {
                    err(at(inp('MaxIterations')), `${label}: inputs.MaxIterations must be an integer from 1 to ${MAX_LOOP_ITERATIONS}`);
                }
            }
            break;
        }
        case 'aws:updateVariable': {
            if ('Name' in inputs) {
                const name = inputs.Name;
                if (typeof name !== 'string' || !name.startsWith('variable:')) {
                    err(at(inp('Name')), `${label}: inputs.Name must be 'variable:NAME'`);
                }
                else if (!c.variableNames.has(name.slice('variable:'.length).trim())) {
                    err(at(inp('Name')), `${label}: inputs.Name ${quote(name)} names no variable declared under variables`);
                }
            }
            break;
        }
        case 'aws:executeScript': {
            for (const k of ['Runtime', 'Handler']) {
                if (k in inputs && typeof inputs[k] !== 'string')
                    err(at(inp(k)), `${label}: inputs.${k} must be a string`);
            }
            break;
        }
        default:
            break;
    }
}

;// CONCATENATED MODULE: ./src/runbooks/validate/steps.ts
/**
 * The step graph: `mainSteps` is a non-empty list within the step limit; every step (loop-nested ones included) is a
 * mapping with known properties and a unique, well-formed name; `nextStep`, `onFailure`, `onCancel` and aws:branch
 * targets name a step of the same list; flags and counters have the right form. Each step's action and inputs
 * (inputs.ts) and outputs (outputs.ts) are checked on the same walk.
 */





const STEP_NAME = /^[a-zA-Z0-9_]+$/;
/** The data at `path` in the document, or undefined when the path does not exist. */
function getAt(data, path) {
    let cur = data;
    for (const p of path) {
        if (Array.isArray(cur) && typeof p === 'number')
            cur = cur[p];
        else if (isRecord(cur) && typeof p === 'string')
            cur = cur[p];
        else
            return undefined;
    }
    return cur;
}
function isBoolLike(value) {
    return typeof value === 'boolean' || value === 'true' || value === 'false';
}
function checkSteps(c, maxSteps) {
    const { runbook, d, err, at } = c;
    if (!('mainSteps' in d)) {
        err(runbook.pos, 'mainSteps is missing: a runbook needs at least one step');
    }
    else if (!Array.isArray(d.mainSteps) || d.mainSteps.length === 0) {
        err(at(['mainSteps']), 'mainSteps must be a non-empty list of steps');
    }
    const steps = [];
    const byName = new Map();
    const labels = new Map();
    const scopes = new Map();
    walkSteps(runbook.steps, (step, siblings, loop) => {
        steps.push(step);
        // A nested step is named after its loop: the loop's name, or the loop's own label when it has none.
        const loopName = loop ? loop.name || labels.get(loop) : undefined;
        const index = step.path[step.path.length - 1];
        const label = step.name ? `step '${step.name}'` : `step ${index + 1}${loopName ? ` of loop '${loopName}'` : ''}`;
        labels.set(step, label);
        let scope = scopes.get(siblings);
        if (!scope) {
            scope = {
                names: new Set(siblings.map(s => s.name)),
                where: loopName ? `a step of loop '${loopName}'` : 'a step of mainSteps'
            };
            scopes.set(siblings, scope);
        }
        const raw = getAt(d, step.path);
        if (!isRecord(raw)) {
            err(step.pos, `${label} must be a mapping with name, action and inputs`);
            return;
        }
        checkStep(c, step, raw, label, scope, byName);
    });
    if (steps.length > maxSteps) {
        err(at(['mainSteps'], 'key'), `the runbook has ${steps.length} steps; the limit is ${maxSteps}`);
    }
    return { steps, byName };
}
function checkStep(c, step, raw, label, scope, byName) {
    const { err, at } = c;
    const p = (...rest) => [...step.path, ...rest];
    for (const key of Object.keys(raw)) {
        if (!STEP_KEYS.has(key))
            err(at(p(key), 'key'), `${label}: unknown property '${key}' (expected one of ${[...STEP_KEYS].join(', ')})`);
    }
    if (!('name' in raw)) {
        err(step.pos, `${label}: name is required`);
    }
    else if (typeof raw.name !== 'string') {
        err(at(p('name')), `${label}: name must be a string, not ${context_describe(raw.name)}`);
    }
    else if (!STEP_NAME.test(raw.name)) {
        err(at(p('name')), `step name '${raw.name}' may contain only letters, digits and '_'`);
    }
    else {
        // Names are unique across the whole runbook, loop-nested steps included.
        const first = byName.get(raw.name);
        if (first)
            err(at(p('name')), `duplicate step name '${raw.name}' (first defined at line ${first.pos.line})`);
        else
            byName.set(raw.name, step);
    }
    /** A jump to `name` (written `value`) that names no step of the list. */
    const noSuchStep = (path, what, value, name) => {
        if (!scope.names.has(name))
            err(at(path), `${label}: ${what} ${quote(value)} names no step; it must be ${scope.where}`);
    };
    const inputs = checkInputs(c, step, raw, label);
    if (inputs && step.action === 'aws:branch') {
        const inp = (...rest) => p('inputs', ...rest);
        const stepTarget = (value, path, what) => {
            if (typeof value !== 'string')
                err(at(path), `${label}: ${what} must be a step name`);
            else
                noSuchStep(path, what, value, value);
        };
        if ('Choices' in inputs) {
            if (!Array.isArray(inputs.Choices) || inputs.Choices.length === 0) {
                err(at(inp('Choices')), `${label}: inputs.Choices must be a non-empty list`);
            }
            else {
                inputs.Choices.forEach((choice, j) => {
                    if (!isRecord(choice)) {
                        err(at(inp('Choices', j)), `${label}: choice ${j + 1} must be a mapping with NextStep and a condition`);
                        return;
                    }
                    if (!('NextStep' in choice))
                        err(at(inp('Choices', j)), `${label}: choice ${j + 1} needs NextStep`);
                    else
                        stepTarget(choice.NextStep, inp('Choices', j, 'NextStep'), `choice ${j + 1} NextStep`);
                    const keys = Object.keys(choice);
                    const combinator = keys.some(k => BRANCH_COMBINATORS.has(k));
                    const operator = keys.some(k => BRANCH_OPERATORS.has(k));
                    if (!combinator && !('Variable' in choice && operator)) {
                        err(at(inp('Choices', j)), `${label}: choice ${j + 1} needs a Variable and an operator (${[...BRANCH_OPERATORS].join(', ')}) or And/Or/Not`);
                    }
                });
            }
        }
        if ('Default' in inputs)
            stepTarget(inputs.Default, inp('Default'), 'Default');
    }
    checkStepOutputs(c, raw, step.path, label);
    // Flow.
    const target = (key, value, allowed) => {
        if (typeof value !== 'string') {
            err(at(p(key)), `${label}: ${key} must be a string`);
            return;
        }
        if (allowed.includes(value))
            return;
        if (key !== 'nextStep' && !value.startsWith('step:')) {
            err(at(p(key)), `${label}: ${key} ${quote(value)} must be ${allowed.join(', ')} or step:StepName`);
            return;
        }
        noSuchStep(p(key), key, value, key === 'nextStep' ? value : value.slice('step:'.length));
    };
    if ('nextStep' in raw)
        target('nextStep', raw.nextStep, []);
    if ('onFailure' in raw)
        target('onFailure', raw.onFailure, ['Abort', 'Continue']);
    if ('onCancel' in raw)
        target('onCancel', raw.onCancel, ['Abort']);
    for (const key of ['isEnd', 'isCritical']) {
        if (key in raw && !isBoolLike(raw[key]))
            err(at(p(key)), `${label}: ${key} must be true or false, not ${quote(raw[key])}`);
    }
    for (const key of ['maxAttempts', 'timeoutSeconds']) {
        if (key in raw && !isPositiveInt(raw[key]))
            err(at(p(key)), `${label}: ${key} must be a positive integer, not ${quote(raw[key])}`);
    }
}

;// CONCATENATED MODULE: ./src/runbooks/validate/index.ts








const DEFAULT_MAX_STEPS = 100;
/** Validates a runbook: every error and every warning, each sorted by position. */
function checkRunbook(runbook, options = {}) {
    const errors = [];
    const warnings = [];
    const c = {
        runbook,
        d: runbook.data,
        parameterNames: new Set(runbook.parameters.map(p => p.name)),
        variableNames: new Set(runbook.variables.map(v => v.name)),
        err: (pos, detail) => errors.push(new src_errors/* SourceError */.c8(runbook.file, pos.line, pos.col, detail)),
        warn: (pos, detail) => warnings.push(new src_errors/* SourceError */.c8(runbook.file, pos.line, pos.col, detail)),
        at: (path, which = 'value') => locate(runbook, path, which)
    };
    checkDocument(c);
    checkPlaceholders(c);
    checkParameters(c);
    checkVariables(c);
    const { steps, byName } = checkSteps(c, options.maxSteps ?? DEFAULT_MAX_STEPS);
    checkReferences(c, steps, byName);
    checkDocumentOutputs(c, byName);
    const byPosition = (a, b) => a.line - b.line || a.col - b.col;
    return { errors: errors.sort(byPosition), warnings: warnings.sort(byPosition) };
}
/** Validates a runbook; returns every error found, sorted by position (empty when the runbook is valid). */
function validateRunbook(runbook, options = {}) {
    return checkRunbook(runbook, options).errors;
}
/** Throws SourceErrors with every error when the runbook is not valid (warnings are not thrown). */
function assertValidRunbook(runbook, options = {}) {
    const errors = validateRunbook(runbook, options);
    if (errors.length > 0)
        throw new SourceErrors(errors);
}

;// CONCATENATED MODULE: ./src/runbooks/load.ts
/**
 * Loading a runbook file: the thin edge (file system) around the pure parse + validate core.
 */




/**
 * Parses and validates runbook text; throws SourceErrors with every problem (YAML syntax or validation). The
 * validation's warnings are returned in `runbook.warnings`.
 */
function loadRunbook(text, file, options = {}) {
    const runbook = parseRunbook(text, file, options.name === undefined ? {} : { name: options.name });
    const { errors, warnings } = checkRunbook(runbook, options.maxSteps === undefined ? {} : { maxSteps: options.maxSteps });
    if (errors.length > 0)
        throw new src_errors/* SourceErrors */.VH(errors);
    return { ...runbook, warnings };
}
/**
 * Reads, parses and validates a runbook file. `displayFile` is the name used in messages (e.g. the path relative to
 * the repository root); it defaults to `path`.
 */
async function readRunbook(path, options = {}) {
    const file = options.displayFile ?? path;
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (err) {
        const code = err.code;
        throw new src_errors/* SourceErrors */.VH([
            new src_errors/* SourceError */.c8(file, 1, 1, code === 'ENOENT' ? 'runbook file not found' : `cannot read the runbook: ${String(err)}`)
        ]);
    }
    const { displayFile: _displayFile, ...rest } = options;
    return loadRunbook(text, file, rest);
}

;// CONCATENATED MODULE: ./src/runbooks/policy.ts
/**
 * Derives the least-privilege IAM policy a runbook's assume role needs, from its steps, so users stop hand-writing
 * policies. Pure and deterministic: statements are grouped by resource set, actions and resources sorted. What cannot
 * be derived (scripts, run-time values) is said in `notes` rather than guessed.
 */


/** SSM/boto3 service names whose IAM prefix differs from the name. Others use the name itself. */
const IAM_PREFIX = {
    elb: 'elasticloadbalancing',
    elbv2: 'elasticloadbalancing',
    stepfunctions: 'states',
    opensearch: 'es',
    s3control: 's3',
    efs: 'elasticfilesystem',
    emr: 'elasticmapreduce',
    apigatewayv2: 'apigateway',
    sesv2: 'ses',
    docdb: 'rds',
    neptune: 'rds',
    resourcegroupstaggingapi: 'tag',
    opensearchserverless: 'aoss',
    'timestream-write': 'timestream',
    'timestream-query': 'timestream',
    'cognito-identity': 'cognito-identity',
    'cognito-idp': 'cognito-idp'
};
/** Services known to the mapping (no note when one of these is used). */
const KNOWN_SERVICES = new Set([
    ...Object.keys(IAM_PREFIX),
    'acm',
    'apigateway',
    'application-autoscaling',
    'athena',
    'autoscaling',
    'backup',
    'cloudformation',
    'cloudfront',
    'cloudtrail',
    'cloudwatch',
    'codebuild',
    'config',
    'dax',
    'dynamodb',
    'ec2',
    'ecr',
    'ecs',
    'eks',
    'elasticache',
    'es',
    'events',
    'firehose',
    'glue',
    'guardduty',
    'iam',
    'kafka',
    'kinesis',
    'kms',
    'lambda',
    'logs',
    'mq',
    'network-firewall',
    'organizations',
    'rds',
    'redshift',
    'route53',
    's3',
    'sagemaker',
    'secretsmanager',
    'securityhub',
    'ses',
    'sns',
    'sqs',
    'ssm',
    'sts',
    'wafv2',
    'workspaces'
]);
/** API operations whose IAM action name differs from the operation name, by IAM prefix. */
const ACTION_EXCEPTIONS = {
    s3: {
        PutBucketEncryption: 'PutEncryptionConfiguration',
        GetBucketEncryption: 'GetEncryptionConfiguration',
        DeleteBucketEncryption: 'PutEncryptionConfiguration',
        PutBucketLogging: 'PutBucketLogging',
        GetBucketLogging: 'GetBucketLogging',
        PutPublicAccessBlock: 'PutBucketPublicAccessBlock',
        GetPublicAccessBlock: 'GetBucketPublicAccessBlock',
        DeletePublicAccessBlock: 'PutBucketPublicAccessBlock',
        PutBucketLifecycleConfiguration: 'PutLifecycleConfiguration',
        GetBucketLifecycleConfiguration: 'GetLifecycleConfiguration',
        DeleteBucketLifecycle: 'PutLifecycleConfiguration',
        PutBucketReplication: 'PutReplicationConfiguration',
        GetBucketReplication: 'GetReplicationConfiguration',
        DeleteBucketReplication: 'PutReplicationConfiguration',
        PutObjectLockConfiguration: 'PutBucketObjectLockConfiguration',
        GetObjectLockConfiguration: 'GetBucketObjectLockConfiguration',
        PutBucketNotificationConfiguration: 'PutBucketNotification',
        GetBucketNotificationConfiguration: 'GetBucketNotification',
        PutBucketAccelerateConfiguration: 'PutAccelerateConfiguration',
        GetBucketAccelerateConfiguration: 'GetAccelerateConfiguration',
        PutBucketCors: 'PutBucketCORS',
        GetBucketCors: 'GetBucketCORS',
        DeleteBucketCors: 'PutBucketCORS',
        PutBucketIntelligentTieringConfiguration: 'PutIntelligentTieringConfiguration',
        HeadBucket: 'ListBucket',
        ListObjects: 'ListBucket',
        ListObjectsV2: 'ListBucket',
        ListObjectVersions: 'ListBucketVersions',
        HeadObject: 'GetObject',
        ListBuckets: 'ListAllMyBuckets'
    },
    lambda: { Invoke: 'InvokeFunction' }
};
/** s3control operations (account-level public access block) and their IAM actions. */
const S3CONTROL_ACTIONS = {
    PutPublicAccessBlock: 'PutAccountPublicAccessBlock',
    GetPublicAccessBlock: 'GetAccountPublicAccessBlock',
    DeletePublicAccessBlock: 'PutAccountPublicAccessBlock'
};
/** IAM actions that only apply to the whole account/Region: `*` is their least privilege. */
const ACCOUNT_LEVEL_ACTIONS = new Set([
    'ec2:EnableEbsEncryptionByDefault',
    'ec2:DisableEbsEncryptionByDefault',
    'ec2:GetEbsEncryptionByDefault',
    'ec2:GetEbsDefaultKmsKeyId',
    'ec2:ModifyEbsDefaultKmsKeyId',
    'ec2:ResetEbsDefaultKmsKeyId',
    'ec2:EnableSnapshotBlockPublicAccess',
    'ec2:GetSnapshotBlockPublicAccessState',
    'ec2:EnableImageBlockPublicAccess',
    's3:ListAllMyBuckets',
    's3:PutAccountPublicAccessBlock',
    's3:GetAccountPublicAccessBlock',
    'sts:GetCallerIdentity',
    'securityhub:BatchUpdateFindings',
    'config:PutConfigurationRecorder',
    'config:StartConfigurationRecorder',
    'config:PutDeliveryChannel',
    'iam:UpdateAccountPasswordPolicy',
    'iam:GetAccountPasswordPolicy'
]);
/** Prefixes whose actions do not take resource ARNs in practice (Application Auto Scaling). */
const STAR_ONLY_PREFIXES = new Set(['application-autoscaling']);
/** S3 operations on objects (resource `bucket/key`) rather than on buckets. */
const S3_OBJECT_APIS = new Set([
    'GetObject',
    'PutObject',
    'DeleteObject',
    'HeadObject',
    'GetObjectAcl',
    'PutObjectAcl',
    'GetObjectTagging',
    'PutObjectTagging',
    'DeleteObjectTagging'
]);
/** Extra permissions a service needs from the caller beyond the API itself, said as a note. */
const COMPANION_NOTES = {
    'application-autoscaling': 'Application Auto Scaling also needs permissions on the scaled service for the caller ' +
        '(for DynamoDB: dynamodb:DescribeTable, dynamodb:UpdateTable, cloudwatch:PutMetricAlarm, ' +
        'cloudwatch:DescribeAlarms, cloudwatch:DeleteAlarms) and the service-linked role; review them'
};
/** The IAM prefix for an SSM/boto3 service name (`elbv2` -> `elasticloadbalancing`). */
function iamPrefix(service) {
    const s = service.toLowerCase();
    return IAM_PREFIX[s] ?? s;
}
/** An API name in PascalCase: boto3 snake_case (`put_bucket_encryption`) becomes `PutBucketEncryption`. */
function pascalApi(api) {
    if (!api.includes('_') && /^[A-Z]/.test(api))
        return api;
    return api
        .split('_')
        .filter(part => part !== '')
        .map(part => part.charAt(0).toUpperCase() + part.slice(1))
        .join('');
}
/** The IAM action (`prefix:Action`) that authorises `Api` of `Service`. IAM matches action names case-insensitively. */
function iamActionFor(service, api) {
    const svc = service.toLowerCase();
    const name = pascalApi(api);
    if (svc === 's3control')
        return `s3:${S3CONTROL_ACTIONS[name] ?? name}`;
    const prefix = iamPrefix(svc);
    return `${prefix}:${ACTION_EXCEPTIONS[prefix]?.[name] ?? name}`;
}
function note(ctx, text) {
    if (!ctx.notes.includes(text))
        ctx.notes.push(text);
}
/** Resolves a step input to concrete strings: parameters from the given values or defaults, globals to `*`. */
function resolve(value, ctx) {
    if (typeof value !== 'string')
        return { unresolved: 'it is not a string' };
    const matches = scanTemplate(value);
    let results = [''];
    let last = 0;
    for (const m of matches) {
        if (m.error)
            return { unresolved: `malformed reference ${m.raw}` };
        const literal = value.slice(last, m.index);
        last = m.index + m.raw.length;
        const options = refValues(m.expression, ctx);
        if ('unresolved' in options)
            return options;
        results = results.flatMap(r => options.values.map(v => r + literal + v));
    }
    const tail = value.slice(last);
    return { values: [...new Set(results.map(r => r + tail))] };
}
function refValues(expression, ctx) {
    if (expression === 'global:AWS_PARTITION')
        return { values: [ctx.partition] };
    if (expression.startsWith('global:') || expression.startsWith('automation:'))
        return { values: ['*'] };
    if (expression.includes(':'))
        return { unresolved: `{{ ${expression} }} is known only at run time` };
    if (expression.includes('.'))
        return { unresolved: `{{ ${expression} }} is a step output, known only at run time` };
    const given = ctx.values[expression];
    if (given !== undefined)
        return { values: typeof given === 'string' ? [given] : [...given] };
    const param = ctx.runbook.parameters.find(p => p.name === expression);
    const fallback = param?.default;
    if (typeof fallback === 'string' && fallback !== '' && !fallback.includes('{{'))
        return { values: [fallback] };
    if (Array.isArray(fallback) && fallback.length > 0 && fallback.every(v => typeof v === 'string' && v !== '')) {
        return { values: fallback };
    }
    return { unresolved: `parameter ${expression} has no value (pass it in the parameter values)` };
}
/** The one concrete value an input resolves to (a literal, or a parameter with a value), else undefined. */
function single(value, ctx) {
    const r = resolve(value, ctx);
    if ('unresolved' in r || r.values.length !== 1)
        return undefined;
    const [only] = r.values;
    return only === undefined || only.includes('*') || only === '' ? undefined : only;
}
function label(step) {
    return `step '${step.name}' (${step.action})`;
}
/** Resource ARNs from a step input, or `*` with a note naming why. */
function resourcesFrom(ctx, step, action, input, toArn) {
    const r = resolve(step.inputs[input], ctx);
    if ('unresolved' in r) {
        note(ctx, `${label(step)}: ${action} on * because inputs.${input} cannot be resolved: ${r.unresolved}`);
        return ['*'];
    }
    return r.values.map(toArn);
}
function apiResources(ctx, step, service, api, action) {
    const p = ctx.partition;
    const svc = service.toLowerCase();
    const inputs = step.inputs;
    if (ACCOUNT_LEVEL_ACTIONS.has(action))
        return ['*'];
    const prefix = action.slice(0, action.indexOf(':'));
    if (STAR_ONLY_PREFIXES.has(prefix))
        return ['*'];
    if (svc === 's3' && 'Bucket' in inputs) {
        if (S3_OBJECT_APIS.has(api)) {
            const keys = 'Key' in inputs ? resolve(inputs.Key, ctx) : { values: ['*'] };
            const keyList = 'values' in keys ? keys.values : ['*'];
            return resourcesFrom(ctx, step, action, 'Bucket', b => b).flatMap(b => b === '*' ? ['*'] : keyList.map(k => `arn:${p}:s3:::${b}/${k}`));
        }
        return resourcesFrom(ctx, step, action, 'Bucket', b => (b === '*' ? '*' : `arn:${p}:s3:::${b}`));
    }
    if (svc === 'sns') {
        if ('TopicArn' in inputs)
            return resourcesFrom(ctx, step, action, 'TopicArn', v => v);
        if ('TargetArn' in inputs)
            return resourcesFrom(ctx, step, action, 'TargetArn', v => v);
    }
    if (svc === 'dynamodb' && 'TableName' in inputs) {
        return resourcesFrom(ctx, step, action, 'TableName', v => v.startsWith('arn:') ? v : `arn:${p}:dynamodb:*:*:table/${v}`);
    }
    if (svc === 'lambda' && 'FunctionName' in inputs) {
        return resourcesFrom(ctx, step, action, 'FunctionName', v => v.startsWith('arn:') ? v : `arn:${p}:lambda:*:*:function:${v}`);
    }
    if (/^(Describe|List)/.test(api))
        return ['*'];
    note(ctx, `${label(step)}: ${action} on * (no resource narrowing is known for this API; narrow it by hand if it supports resource ARNs)`);
    return ['*'];
}
function grant(ctx, actions, resources) {
    ctx.grants.push({ actions, resources });
}
function deriveStep(ctx, step) {
    const inputs = step.inputs;
    const p = ctx.partition;
    if (AWS_API_ACTIONS.has(step.action)) {
        const service = single(inputs.Service, ctx);
        const api = single(inputs.Api, ctx);
        if (service === undefined || api === undefined) {
            note(ctx, `${label(step)}: Service and Api must resolve to one value each to derive a permission; add it by hand`);
            return;
        }
        if (!KNOWN_SERVICES.has(service.toLowerCase())) {
            note(ctx, `${label(step)}: service '${service}' is not in the IAM prefix table; assumed prefix '${iamPrefix(service)}'`);
        }
        const action = iamActionFor(service, api);
        grant(ctx, [action], apiResources(ctx, step, service, pascalApi(api), action));
        const companion = COMPANION_NOTES[iamPrefix(service)];
        if (companion)
            note(ctx, companion);
        return;
    }
    switch (step.action) {
        case 'aws:executeScript':
            note(ctx, `${label(step)}: the permissions for AWS calls made by the script cannot be derived from the document; add them by hand`);
            return;
        case 'aws:executeAutomation': {
            grant(ctx, ['ssm:GetAutomationExecution', 'ssm:StartAutomationExecution'], ['*']);
            const doc = typeof inputs.DocumentName === 'string' ? inputs.DocumentName : 'the child runbook';
            note(ctx, `${label(step)}: ${doc} runs with its own permissions; derive its policy too`);
            return;
        }
        case 'aws:invokeLambdaFunction':
            grant(ctx, ['lambda:InvokeFunction'], resourcesFrom(ctx, step, 'lambda:InvokeFunction', 'FunctionName', v => v.startsWith('arn:') ? v : `arn:${p}:lambda:*:*:function:${v}`));
            return;
        case 'aws:executeStateMachine':
            grant(ctx, ['states:StartExecution'], resourcesFrom(ctx, step, 'states:StartExecution', 'stateMachineArn', v => v));
            grant(ctx, ['states:DescribeExecution', 'states:StopExecution'], ['*']);
            return;
        case 'aws:approve':
            if ('NotificationArn' in inputs) {
                grant(ctx, ['sns:Publish'], resourcesFrom(ctx, step, 'sns:Publish', 'NotificationArn', v => v));
            }
            return;
        case 'aws:runCommand':
            grant(ctx, ['ssm:ListCommandInvocations', 'ssm:ListCommands', 'ssm:SendCommand'], ['*']);
            note(ctx, `${label(step)}: ssm:SendCommand on * (narrow to the document and instance ARNs by hand)`);
            return;
        case 'aws:changeInstanceState': {
            const byState = {
                running: 'ec2:StartInstances',
                stopped: 'ec2:StopInstances',
                terminated: 'ec2:TerminateInstances'
            };
            const desired = single(inputs.DesiredState, ctx);
            const known = desired === undefined ? undefined : byState[desired];
            const checkOnly = inputs.CheckStateOnly === true || inputs.CheckStateOnly === 'true';
            const change = checkOnly ? [] : known ? [known] : Object.values(byState);
            if (!checkOnly && !known) {
                note(ctx, `${label(step)}: DesiredState has no known value; start, stop and terminate are all granted`);
            }
            grant(ctx, ['ec2:DescribeInstanceStatus', 'ec2:DescribeInstances', ...change], ['*']);
            return;
        }
        case 'aws:createImage':
            grant(ctx, ['ec2:CreateImage', 'ec2:DescribeImages'], ['*']);
            return;
        case 'aws:copyImage':
            grant(ctx, ['ec2:CopyImage', 'ec2:DescribeImages'], ['*']);
            return;
        case 'aws:deleteImage':
            grant(ctx, ['ec2:DeleteSnapshot', 'ec2:DeregisterImage', 'ec2:DescribeImages', 'ec2:DescribeSnapshots'], ['*']);
            return;
        case 'aws:createTags': {
            const type = inputs.ResourceType;
            grant(ctx, [type === undefined || type === 'EC2' ? 'ec2:CreateTags' : 'ssm:AddTagsToResource'], ['*']);
            return;
        }
        case 'aws:runInstances':
            grant(ctx, ['ec2:DescribeInstanceStatus', 'ec2:DescribeInstances', 'ec2:RunInstances'], ['*']);
            if ('IamInstanceProfileName' in inputs || 'IamInstanceProfileArn' in inputs) {
                note(ctx, `${label(step)}: launching with an instance profile also needs iam:PassRole on its role`);
            }
            return;
        case 'aws:createStack':
            grant(ctx, ['cloudformation:CreateStack', 'cloudformation:DescribeStacks'], ['*']);
            note(ctx, `${label(step)}: the stack's resources need their own permissions (or a RoleARN with iam:PassRole)`);
            return;
        case 'aws:deleteStack':
            grant(ctx, ['cloudformation:DeleteStack', 'cloudformation:DescribeStacks'], ['*']);
            note(ctx, `${label(step)}: deleting the stack's resources needs their own permissions`);
            return;
        case 'aws:invokeWebhook':
            grant(ctx, ['ssm:GetParameter'], ['*']);
            note(ctx, `${label(step)}: add kms:Decrypt if the integration's parameter uses a customer managed key`);
            return;
        default:
            // aws:branch, aws:sleep, aws:pause, aws:loop (its steps are derived on their own), aws:updateVariable.
            return;
    }
}
/**
 * The least-privilege policy for the runbook's assume role. `parameterValues` resolve `{{ Parameter }}` references in
 * resource inputs (TopicArn, Bucket, ...); parameter defaults are used when no value is given; anything still unknown
 * becomes `*` with a note.
 */
function leastPrivilegePolicy(runbook, parameterValues = {}, options = {}) {
    const ctx = { runbook, values: parameterValues, partition: options.partition ?? 'aws', notes: [], grants: [] };
    for (const step of allSteps(runbook.steps))
        deriveStep(ctx, step);
    // Union the resources per action; `*` absorbs everything else.
    const byAction = new Map();
    for (const g of ctx.grants) {
        for (const action of g.actions) {
            const set = byAction.get(action) ?? new Set();
            for (const r of g.resources)
                set.add(r);
            byAction.set(action, set);
        }
    }
    // Group actions that share the same resource set into one statement.
    const byResources = new Map();
    for (const [action, set] of byAction) {
        const resources = set.has('*') ? ['*'] : [...set].sort();
        const key = JSON.stringify(resources);
        const entry = byResources.get(key) ?? { resources, actions: [] };
        entry.actions.push(action);
        byResources.set(key, entry);
    }
    const Statement = [...byResources.values()]
        .map(e => ({ Effect: 'Allow', Action: e.actions.sort(), Resource: e.resources }))
        .sort((a, b) => ((a.Action[0] ?? '') < (b.Action[0] ?? '') ? -1 : 1));
    return { policy: { Version: '2012-10-17', Statement }, notes: ctx.notes };
}

;// CONCATENATED MODULE: ./src/desired/build.ts




const RULE_NAME = /^[A-Za-z0-9_.-]{1,128}$/;
/** Builds the desired state; problems that prevent building it are collected in `errors`. */
async function buildDesiredState(manifest, src) {
    const errors = new ErrorSink();
    const warnings = new ErrorSink();
    const collect = (e) => {
        if (e instanceof src_errors/* SourceError */.c8)
            errors.addErrors([e]);
        else if (e && typeof e === 'object' && 'errors' in e && Array.isArray(e.errors)) {
            errors.addErrors(e.errors);
        }
        else
            throw e;
    };
    const rules = [];
    const packRemediations = [];
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
                warnings.add(ref.position, `exclude names '${name}', which the pack does not have`);
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
                // A built-in pack's data file is the action's, not the user's: its rules are declared where the
                // manifest names the pack, so annotations and SARIF point into the user's repository.
                position: pack.builtin ? ref.position : r.position
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
        const origin = pack.builtin ? `pack ${pack.builtin}` : `pack ${pack.file}`;
        const at = (p) => (pack.builtin ? ref.position : p);
        for (const w of pack.warnings ?? [])
            warnings.add(at(w.position), w.detail);
        for (const k of pack.skipped) {
            warnings.add(at(k.position), `${k.type} ${k.logicalId} is not deployed: its Condition ${k.condition} is false`);
        }
        for (const rem of pack.remediations) {
            if (excluded.has(rem.configRuleName)) {
                warnings.add(at(rem.position), `RemediationConfiguration ${rem.logicalId} is not deployed: its rule '${rem.configRuleName}' is excluded (exclude at ${ref.position.file}:${ref.position.line})`);
                continue;
            }
            packRemediations.push(packRemediation(rem, origin, at(rem.position)));
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
        warnings.addErrors(runbook.warnings ?? []);
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
    const manifestRemediations = manifest.remediations.map(b => {
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
            origin: 'manifest',
            position: b.position
        };
        if (b.runbookVersion)
            d.targetVersion = b.runbookVersion;
        if (b.resourceIdParameter)
            d.resourceIdParameter = b.resourceIdParameter;
        return d;
    });
    const remediations = [...packRemediations, ...manifestRemediations];
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
    return { state, errors: [...errors.errors, ...pf.errors], warnings: [...warnings.errors, ...pf.warnings] };
}
/** A pack's AWS::Config::RemediationConfiguration as a binding: every property carried, nothing dropped. */
function packRemediation(rem, origin, position) {
    const parameters = {};
    let resourceIdParameter;
    for (const [name, v] of Object.entries(rem.parameters)) {
        if ('resourceValue' in v) {
            parameters[name] = { ResourceValue: { Value: 'RESOURCE_ID' } };
            resourceIdParameter ??= name;
        }
        else
            parameters[name] = { StaticValue: { Values: [...v.staticValue.values] } };
    }
    const d = {
        ruleName: rem.configRuleName,
        targetId: rem.targetId,
        parameters,
        automatic: rem.automatic,
        origin,
        position
    };
    if (rem.targetVersion !== undefined)
        d.targetVersion = rem.targetVersion;
    if (resourceIdParameter !== undefined)
        d.resourceIdParameter = resourceIdParameter;
    if (rem.resourceType !== undefined)
        d.resourceType = rem.resourceType;
    if (rem.maximumAutomaticAttempts !== undefined)
        d.maximumAutomaticAttempts = rem.maximumAutomaticAttempts;
    if (rem.retryAttemptSeconds !== undefined)
        d.retryAttemptSeconds = rem.retryAttemptSeconds;
    const ssm = rem.executionControls?.ssmControls;
    if (ssm?.concurrentExecutionRatePercentage !== undefined)
        d.concurrencyPercent = ssm.concurrentExecutionRatePercentage;
    if (ssm?.errorPercentage !== undefined)
        d.errorPercent = ssm.errorPercentage;
    return d;
}
const where = (p) => `${p.file}:${p.line}`;
/** Every problem AWS would reject, or that would make a binding or waiver point nowhere, at once. */
function preflight(state, manifest, runbooks, src) {
    const errors = new ErrorSink();
    const warnings = new ErrorSink();
    const firstByName = new Map();
    for (const r of state.rules) {
        const first = firstByName.get(r.name);
        if (first) {
            errors.add(r.position, `rule '${r.name}' is also declared at ${first.position.file}:${first.position.line} (${first.origin})`);
            continue;
        }
        firstByName.set(r.name, r);
        if (!RULE_NAME.test(r.name))
            errors.add(r.position, `rule name '${r.name}' is not a valid ConfigRuleName`);
        if (r.owner === 'AWS') {
            const known = src.managedRule(r.identifier);
            if (!known) {
                warnings.add(r.position, `'${r.identifier}' is not a known AWS managed rule identifier (rule ${r.name})`);
            }
            else {
                for (const p of Object.keys(r.inputParameters)) {
                    if (!known.parameters.includes(p)) {
                        warnings.add(r.position, `rule ${r.name}: parameter '${p}' is not among those known for ${r.identifier} (${known.parameters.join(', ') || 'none'})`);
                    }
                }
            }
        }
    }
    const docNames = new Set();
    for (const d of state.documents) {
        if (docNames.has(d.name))
            errors.add(d.position, `runbook name '${d.name}' is used twice`);
        docNames.add(d.name);
    }
    const firstBinding = new Map();
    for (const b of state.remediations) {
        const what = `remediation for '${b.ruleName}'`;
        const other = firstBinding.get(b.ruleName);
        if (other) {
            errors.add(b.position, `${what} (${b.origin ?? 'manifest'}) is also declared at ${where(other.position)} (${other.origin ?? 'manifest'}); AWS Config keeps one remediation configuration per rule`);
            continue;
        }
        firstBinding.set(b.ruleName, b);
        if (!firstByName.has(b.ruleName)) {
            errors.add(b.position, `${what}: no such rule in this manifest or its packs`);
        }
        const ours = runbooks.get(b.targetId);
        if (ours) {
            checkBindingParameters(b, ours.parameters.map(p => ({ name: p.name, required: !p.hasDefault })), errors);
            checkStaticValues(b, ours, errors);
            continue;
        }
        if (!isAwsOwnedDocumentName(b.targetId)) {
            errors.add(b.position, `${what}: '${b.targetId}' is neither a runbook of this manifest nor an AWS-owned document (AWS-*, AWSConfigRemediation-*)`);
            continue;
        }
        const doc = src.awsDocument(b.targetId);
        if (!doc) {
            warnings.add(b.position, `${what}: '${b.targetId}' is an AWS-owned document the action does not catalogue: its parameters are not checked before AWS runs it`);
            continue;
        }
        checkBindingParameters(b, doc.parameters, errors, doc);
    }
    for (const w of manifest.waivers) {
        if (!firstByName.has(w.rule))
            warnings.add(w.position, `waiver names rule '${w.rule}', which this manifest does not deploy`);
    }
    return { errors: errors.errors, warnings: warnings.errors };
}
/** A binding's parameters against its document's: unknown names, the resource id parameter, required ones, types. */
function checkBindingParameters(b, declared, errors, aws) {
    const what = `remediation for '${b.ruleName}': ${aws ? 'AWS-owned document' : 'runbook'} '${b.targetId}'`;
    const names = declared.map(p => p.name);
    if (b.resourceIdParameter !== undefined && !names.includes(b.resourceIdParameter)) {
        errors.add(b.position, `${what} has no parameter '${b.resourceIdParameter}' for the resource id (it has ${names.join(', ') || 'none'})`);
    }
    for (const p of Object.keys(b.parameters)) {
        if (p !== b.resourceIdParameter && !names.includes(p)) {
            errors.add(b.position, `${what} has no parameter '${p}' (it has ${names.join(', ') || 'none'})`);
        }
    }
    for (const p of declared) {
        if (p.required && !(p.name in b.parameters)) {
            errors.add(b.position, `${what} requires parameter '${p.name}', which the binding does not give`);
        }
    }
    for (const p of aws?.parameters ?? []) {
        const values = b.parameters[p.name]?.StaticValue?.Values;
        const problem = values === undefined ? undefined : parameterValueProblem(p, values);
        if (problem !== undefined)
            errors.add(b.position, `${what}: parameter '${p.name}' ${problem}`);
    }
}
/**
 * A binding's static values against its runbook's `allowedPattern` and `allowedValues`: SSM Automation refuses an
 * execution whose parameter value does not match them ("Data elements and parameters" of schema 0.3, allowedPattern and
 * allowedValues), so a value that cannot run is an error at deploy, not a failed remediation later. A pattern is
 * matched as SSM's Java `find` would (a match anywhere; AWS's patterns anchor themselves); a pattern the action cannot
 * compile was already a warning of the runbook, and is not used here.
 */
function checkStaticValues(b, runbook, errors) {
    const what = `remediation for '${b.ruleName}': runbook '${b.targetId}'`;
    for (const p of runbook.parameters) {
        const values = b.parameters[p.name]?.StaticValue?.Values;
        if (values === undefined)
            continue;
        const compiled = p.allowedPattern === undefined ? undefined : compileAllowedPattern(p.allowedPattern);
        const allowed = p.allowedValues?.map(v => String(v));
        for (const v of values) {
            if (compiled !== undefined && 'regex' in compiled && !compiled.regex.test(v)) {
                errors.add(b.position, `${what}: parameter '${p.name}' value ${JSON.stringify(v)} does not match its allowedPattern ${p.allowedPattern ?? ''}`);
            }
            if (allowed !== undefined && !allowed.includes(v)) {
                errors.add(b.position, `${what}: parameter '${p.name}' value ${JSON.stringify(v)} is not one of its allowedValues (${allowed.join(', ')})`);
            }
        }
    }
}

;// CONCATENATED MODULE: ./src/desired/load.ts
/**
 * Files -> DesiredState: which manifest to read (the config file, the conformance-pack shortcut, both, or none), the
 * loaders of the conformance and runbook readers wired to the files, and the build with its checks.
 */











/** The conformance and runbook readers, reading the repository's files. */
function deploySources(region, accountId) {
    const catalog = managedRuleCatalog();
    return {
        loadPack: async (ref) => {
            if (ref.builtin) {
                return loadBuiltinPack(ref.builtin, { parameters: ref.parameters, position: ref.position });
            }
            return loadConformancePackFile(ref.template ?? '', {
                parameters: ref.parameters,
                context: { region, accountId }
            });
        },
        loadRunbook: (path, name) => readRunbook(path, name === undefined ? {} : { name }),
        documentHash: documentHash,
        leastPrivilegePolicy: (runbook, values) => leastPrivilegePolicy(runbook, values),
        hipaaSectionsFor: hipaaSectionsFor,
        managedRule: id => catalog.get(id),
        awsDocument: awsDocument
    };
}
/** The manifest to use: the config file, the conformance-pack shortcut, both, or none (deploy skipped). */
function resolveManifest(options) {
    const exists = (0,external_node_fs_.existsSync)(options.config);
    if (!exists && options.configExplicit) {
        throw new src_errors/* InputError */.dz('config', `Input 'config': the manifest file '${options.config}' does not exist.`);
    }
    const manifest = exists ? loadManifest(options.config, options.today, options.workspace) : undefined;
    if (!options.conformancePack)
        return manifest;
    const position = { file: options.workflowFile ?? 'conformance-pack input', line: 1, col: 1 };
    const pack = isBuiltinPack(options.conformancePack)
        ? { builtin: options.conformancePack, parameters: {}, exclude: [], position }
        : { template: options.conformancePack, parameters: {}, exclude: [], position };
    if (!pack.builtin && !(0,external_node_fs_.existsSync)(options.conformancePack)) {
        throw new src_errors/* InputError */.dz('conformance-pack', `Input 'conformance-pack' is neither a built-in pack (hipaa-security) nor an existing template file: '${options.conformancePack}'.`);
    }
    if (manifest)
        return { ...manifest, packs: [...manifest.packs, pack] };
    return { file: options.conformancePack, packs: [pack], rules: [], runbooks: [], remediations: [], waivers: [] };
}
/**
 * AWS Config's quota of rules per account per Region: 1000 ("AWS Config endpoints and quotas",
 * https://docs.aws.amazon.com/general/latest/gr/awsconfig.html; PutConfigRule fails with
 * MaxNumberOfConfigRulesExceededException "the account already contains the maximum number of 1000 rules").
 * It can be raised through Service Quotas, so more rules is a warning, not an error.
 */
const CONFIG_RULES_QUOTA = 1000;
function rulesQuotaWarning(count, file) {
    if (count <= CONFIG_RULES_QUOTA)
        return undefined;
    return new src_errors/* SourceError */.c8(file, 1, 1, `${count} rules declared: more than AWS Config's quota of ${CONFIG_RULES_QUOTA} rules per account per Region (MaxNumberOfConfigRulesExceededException unless the quota was raised through Service Quotas)`);
}
/**
 * The desired state of a manifest, its packs and runbooks read from the files. Every problem found on the way is
 * thrown at once (SourceErrors); warnings (the rules quota among them) are returned.
 */
async function loadDesiredState(manifest, options) {
    const built = await buildDesiredState(manifest, deploySources(options.region, options.accountId));
    if (built.errors.length > 0)
        throw new src_errors/* SourceErrors */.VH(built.errors);
    const quota = rulesQuotaWarning(built.state.rules.length, manifest.file);
    if (quota)
        built.warnings.push(quota);
    return { state: built.state, warnings: built.warnings };
}

;// CONCATENATED MODULE: ./src/deploy/plan.ts
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

;// CONCATENATED MODULE: ./src/util/files.ts
/** Writing the action's JSON files (reports, plans, SARIF): the one place that does it. */


/**
 * Writes `value` as JSON to `file` (its directory created), through a temporary file and a rename so that a reader
 * (an upload step, the next job) never sees half a file. `indent` 0 writes one line. Returns the path written.
 */
async function writeJsonFile(file, value, indent = 2) {
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await (0,promises_.writeFile)(tmp, `${JSON.stringify(value, null, indent)}\n`, 'utf8');
    await (0,promises_.rename)(tmp, file);
    return file;
}

;// CONCATENATED MODULE: ./src/deploy/plan-file.ts
/**
 * plan.json: the deploy plan as data (every item, where it is declared, the rules and the runbooks' least-privilege
 * policies), written to the report directory on every deploy run that reads the account.
 */


const PLAN_SCHEMA_VERSION = 1;
const PLAN_FILE_NAME = 'plan.json';
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
/** Writes `<reportDir>/plan.json` (creating the directory); returns its path. */
async function writePlanFile(reportDir, plan, mode, desired) {
    return writeJsonFile((0,external_node_path_.join)(reportDir, PLAN_FILE_NAME), buildPlanJson(plan, mode, desired));
}

;// CONCATENATED MODULE: ./src/deploy/read-actual.ts
/**
 * Reads what is deployed, for the objects the plan compares: Config rules (paged, 25 a page), their tags where
 * ownership matters, remediation configurations (25 rule names a call), SSM documents (hash, versions, tags).
 */





function parseInputParameters(json) {
    if (!json)
        return {};
    try {
        const parsed = JSON.parse(json);
        return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
    }
    catch {
        return { '(unparsable InputParameters)': json };
    }
}
function toActualRule(r) {
    const a = {
        name: r.ConfigRuleName ?? '',
        arn: r.ConfigRuleArn ?? '',
        owner: r.Source?.Owner ?? '',
        identifier: r.Source?.SourceIdentifier ?? '',
        inputParameters: parseInputParameters(r.InputParameters)
    };
    if (r.Scope?.ComplianceResourceTypes?.length)
        a.complianceResourceTypes = r.Scope.ComplianceResourceTypes;
    if (r.Scope?.TagKey)
        a.tagKey = r.Scope.TagKey;
    if (r.Scope?.TagValue)
        a.tagValue = r.Scope.TagValue;
    if (r.Scope?.ComplianceResourceId)
        a.complianceResourceId = r.Scope.ComplianceResourceId;
    if (r.MaximumExecutionFrequency)
        a.maximumExecutionFrequency = r.MaximumExecutionFrequency;
    if (r.Description !== undefined)
        a.description = r.Description;
    const modes = (r.EvaluationModes ?? []).map(m => m.Mode ?? '').filter(m => m !== '');
    if (modes.length > 0)
        a.evaluationModes = modes;
    return a;
}
function toActualRemediation(r) {
    const parameters = {};
    for (const [k, v] of Object.entries(r.Parameters ?? {})) {
        const p = {};
        if (v.ResourceValue?.Value)
            p.ResourceValue = { Value: 'RESOURCE_ID' };
        if (v.StaticValue?.Values)
            p.StaticValue = { Values: v.StaticValue.Values };
        parameters[k] = p;
    }
    const a = {
        ruleName: r.ConfigRuleName ?? '',
        targetId: r.TargetId ?? '',
        parameters,
        automatic: r.Automatic ?? false
    };
    if (r.TargetVersion)
        a.targetVersion = r.TargetVersion;
    if (r.ResourceType)
        a.resourceType = r.ResourceType;
    if (r.MaximumAutomaticAttempts !== undefined)
        a.maximumAutomaticAttempts = r.MaximumAutomaticAttempts;
    if (r.RetryAttemptSeconds !== undefined)
        a.retryAttemptSeconds = r.RetryAttemptSeconds;
    const ssm = r.ExecutionControls?.SsmControls;
    if (ssm?.ConcurrentExecutionRatePercentage !== undefined)
        a.concurrencyPercent = ssm.ConcurrentExecutionRatePercentage;
    if (ssm?.ErrorPercentage !== undefined)
        a.errorPercent = ssm.ErrorPercentage;
    return a;
}
const isManaged = (tags) => (tags ?? []).some(t => t.Key === MANAGED_TAG.Key && t.Value === MANAGED_TAG.Value);
/**
 * Remediation configurations of the given rules; rules without one are absent. The one reader: deploy and the
 * remediation phase both use it. DescribeRemediationConfigurations takes at most 25 rule names a call (ConfigRuleNames,
 * length 0-25: https://docs.aws.amazon.com/config/latest/APIReference/API_DescribeRemediationConfigurations.html).
 */
async function readRemediationConfigurations(config, ruleNames, concurrency = 4) {
    const remediations = new Map();
    await mapLimit(chunk(ruleNames, 25), concurrency, async (names) => {
        const out = await config.send(new dist_cjs.DescribeRemediationConfigurationsCommand({ ConfigRuleNames: names }));
        for (const r of out.RemediationConfigurations ?? []) {
            if (r.ConfigRuleName)
                remediations.set(r.ConfigRuleName, toActualRemediation(r));
        }
    });
    return remediations;
}
async function readActual(clients, desired, options) {
    const concurrency = options.concurrency ?? 4;
    const { config, ssm } = clients;
    const desiredRules = new Set(desired.rules.map(r => r.name));
    const desiredDocs = new Set(desired.documents.map(d => d.name));
    const rules = new Map();
    for await (const page of (0,dist_cjs.paginateDescribeConfigRules)({ client: config }, {})) {
        for (const r of page.ConfigRules ?? []) {
            // A rule Config is deleting is as good as gone (ConfigRule.ConfigRuleState DELETING: "After Config deletes the
            // rule, the rule and all of its evaluations are erased"): the plan creates it again (apply retries meanwhile).
            // https://docs.aws.amazon.com/config/latest/APIReference/API_ConfigRule.html
            if (r.ConfigRuleState === 'DELETING')
                continue;
            if (r.ConfigRuleName)
                rules.set(r.ConfigRuleName, toActualRule(r));
        }
    }
    if (options.ownership !== 'none') {
        const needTags = [...rules.values()].filter(r => options.ownership === 'all' || !desiredRules.has(r.name));
        await mapLimit(needTags, concurrency, async (r) => {
            const out = await config.send(new dist_cjs.ListTagsForResourceCommand({ ResourceArn: r.arn }));
            r.managed = isManaged(out.Tags);
        });
    }
    const withRemediation = [...rules.keys()].filter(n => desiredRules.has(n) || rules.get(n)?.managed);
    const remediations = await readRemediationConfigurations(config, withRemediation, concurrency);
    const documents = new Map();
    await mapLimit([...desiredDocs], concurrency, async (name) => {
        let out;
        try {
            out = await ssm.send(new client_ssm_dist_cjs.DescribeDocumentCommand({ Name: name }));
        }
        catch (err) {
            if ((0,aws_clients/* awsErrorCode */.J6)(err) === 'InvalidDocument')
                return; // not deployed
            throw err;
        }
        const d = out.Document;
        documents.set(name, {
            name,
            hash: d?.Hash ?? '',
            defaultVersion: d?.DefaultVersion ?? '',
            latestVersion: d?.LatestVersion ?? '',
            managed: isManaged(d?.Tags)
        });
    });
    if (options.ownership !== 'none') {
        for await (const page of (0,client_ssm_dist_cjs.paginateListDocuments)({ client: ssm }, {
            Filters: [
                { Key: 'Owner', Values: ['Self'] },
                { Key: `tag:${MANAGED_TAG.Key}`, Values: [MANAGED_TAG.Value] }
            ]
        })) {
            for (const d of page.DocumentIdentifiers ?? []) {
                if (!d.Name)
                    continue;
                const known = documents.get(d.Name);
                if (known)
                    known.managed = true;
                else
                    documents.set(d.Name, {
                        name: d.Name,
                        hash: '',
                        defaultVersion: '',
                        latestVersion: d.DocumentVersion ?? '',
                        managed: true
                    });
            }
        }
        for (const d of documents.values())
            d.managed ??= false;
    }
    return { rules, documents, remediations };
}

;// CONCATENATED MODULE: ./src/deploy/phase.ts





async function runDeploy(clients, options, deps) {
    const { logger } = deps;
    const manifest = resolveManifest(options);
    if (!manifest) {
        logger.info(`No manifest at ${options.config} and no conformance-pack: deploy skipped; checking every rule in the account.`);
        return { warnings: [] };
    }
    const built = await loadDesiredState(manifest, options);
    const desired = built.state;
    logger.info(`${manifest.file}: ${desired.rules.length} rules, ${desired.documents.length} runbooks, ${desired.remediations.length} remediations.`);
    if (options.deploy === 'off')
        return { desired, warnings: built.warnings };
    const aws = { config: await clients.config(), ssm: await clients.ssm() };
    const actual = await readActual(aws, desired, {
        ownership: options.deploy === 'destroy' ? 'all' : options.prune ? 'undeclared' : 'none'
    });
    const plan = buildPlan(desired, actual, {
        mode: options.deploy === 'destroy' ? 'destroy' : 'apply',
        prune: options.prune
    });
    logger.info(`Plan: ${plan.counts.create} to create, ${plan.counts.update} to update, ${plan.counts.delete} to delete, ${plan.counts.unchanged} unchanged.`);
    const planFile = await writePlanFile(options.reportDir, plan, options.deploy, desired);
    const result = { desired, warnings: built.warnings, actual, plan, planFile };
    if (options.deploy === 'apply' || options.deploy === 'destroy') {
        result.applied = await applyPlan(aws, plan, desired, deps);
    }
    return result;
}
/**
 * Rules whose remediation configuration exists in AWS now: what deploy read, plus what it just created or updated.
 * Undefined when deploy did not read the account (deploy: off), so the caller reads them.
 */
function remediationsInAccount(deployed) {
    if (!deployed.actual)
        return undefined;
    return new Set([
        ...deployed.actual.remediations.keys(),
        ...(deployed.applied?.done ?? []).filter(i => i.object === 'remediation' && i.action !== 'delete').map(i => i.name)
    ]);
}

;// CONCATENATED MODULE: ./src/compliance/fingerprint.ts

/** Stable id of a finding: the same rule, resource type and id always give the same fingerprint. */
function fingerprint(ruleName, resourceType, resourceId) {
    return (0,external_node_crypto_.createHash)('sha256').update(`${ruleName}\u0000${resourceType}\u0000${resourceId}`).digest('hex').slice(0, 32);
}

;// CONCATENATED MODULE: ./src/compliance/recorder.ts
/**
 * A configuration recorder that is off is not a pass. Change-triggered rules judge the configuration items the
 * recorder writes; when it is stopped, failing (`lastStatus: Failure`), absent, or leaves out a resource type a rule
 * checks, their results are not fresh and such a rule is unknown (status `error`, which fails the gate under every
 * fail-on). Periodic rules run on their schedule whatever the recorder does and are still judged (AWS Config
 * Developer Guide, "Trigger types for AWS Config rules" and "List of AWS Config Managed Rules by Trigger Type";
 * AWS Config API Reference, ConfigurationRecorder, ConfigurationRecorderStatus, RecordingGroup).
 *
 * Calls per account and region: DescribeConfigurationRecorders and DescribeConfigurationRecorderStatus; only when the
 * recorder does not record every type, DescribeConfigRules for the rules (25 names a call) to learn their triggers.
 */



const NAMES_PER_CALL = 25;
/** Global resource types: recorded only with includeGlobalResourceTypes (RecordingGroup). */
const GLOBAL_TYPES = new Set(['AWS::IAM::User', 'AWS::IAM::Group', 'AWS::IAM::Role', 'AWS::IAM::Policy']);
/** Pure: the recorder view from what the two Describe calls returned. */
function recorderView(recorders, statuses, region) {
    // Service-linked recorders (servicePrincipal set) record for another service, not for the account's rules.
    const recorder = recorders.find(r => !r.servicePrincipal);
    if (!recorder) {
        return off('NoConfigurationRecorder', `no configuration recorder in region ${region}: change-triggered results are not fresh`);
    }
    const name = recorder.name ?? '(unnamed)';
    const status = statuses.find(s => s.name === recorder.name);
    if (!status) {
        return off('RecorderStatusMissing', `configuration recorder '${name}' reports no status: change-triggered results are not fresh`);
    }
    if (status.recording !== true) {
        return off('RecorderStopped', `configuration recorder '${name}' is stopped: change-triggered results are not fresh`);
    }
    if (status.lastStatus === 'Failure') {
        const cause = [status.lastErrorCode, status.lastErrorMessage].filter(Boolean).join(': ') || 'no error message';
        return off('RecorderFailing', `configuration recorder '${name}' is failing (lastStatus Failure, ${cause}): change-triggered results are not fresh`);
    }
    return { kind: 'on', name, recorder };
}
function off(code, message) {
    return { kind: 'off', error: { operation: 'config:DescribeConfigurationRecorderStatus', code, message } };
}
/** Pure: whether the recording group records every resource type (then no rule's trigger matters). */
function recordsEverything(recorder) {
    const g = recorder.recordingGroup;
    const strategy = g?.recordingStrategy?.useOnly;
    if (strategy === 'EXCLUSION_BY_RESOURCE_TYPES')
        return (g?.exclusionByResourceTypes?.resourceTypes ?? []).length === 0;
    if (strategy === 'INCLUSION_BY_RESOURCE_TYPES')
        return false;
    return g?.allSupported === true && g.includeGlobalResourceTypes === true;
}
/** Pure: whether the recording group records a resource type. */
function records(recorder, resourceType) {
    const g = recorder.recordingGroup;
    const strategy = g?.recordingStrategy?.useOnly;
    if (strategy === 'EXCLUSION_BY_RESOURCE_TYPES') {
        return !(g?.exclusionByResourceTypes?.resourceTypes ?? []).includes(resourceType);
    }
    if (strategy === 'INCLUSION_BY_RESOURCE_TYPES' || g?.allSupported !== true) {
        return (g?.resourceTypes ?? []).includes(resourceType);
    }
    return !GLOBAL_TYPES.has(resourceType) || g.includeGlobalResourceTypes === true;
}
/**
 * Pure: whether a rule is periodic only (then the recorder does not matter to it). Decided from what
 * DescribeConfigRules returns, failing closed:
 * - a custom rule (SourceDetails) is periodic only when every trigger is a ScheduledNotification;
 * - a managed rule is periodic only with MaximumExecutionFrequency and no Scope (a Scope names the resources whose
 *   changes trigger it);
 * - a rule triggered both ways, or one whose trigger cannot be told, counts as change-triggered: its results for
 *   resources are written on their changes, and a periodic run cannot be told apart in the results we read, so with
 *   the recorder off they are not known to be fresh. Unknown, never a pass.
 */
function isPeriodicOnly(rule) {
    const details = rule.Source?.SourceDetails ?? [];
    if (rule.Source?.Owner === 'CUSTOM_POLICY')
        return false;
    if (details.length > 0) {
        return details.every(d => d.MessageType === 'ScheduledNotification') && !rule.Scope;
    }
    const scoped = (rule.Scope?.ComplianceResourceTypes?.length ?? 0) > 0 ||
        rule.Scope?.TagKey !== undefined ||
        rule.Scope?.ComplianceResourceId !== undefined;
    return rule.MaximumExecutionFrequency !== undefined && !scoped;
}
/** Pure: why a change-triggered rule is unknown under a running recorder that does not record every type. */
function uncoveredReason(rule, recorderName, recorder) {
    if (isPeriodicOnly(rule))
        return undefined;
    const types = rule.Scope?.ComplianceResourceTypes ?? [];
    if (types.length === 0) {
        return `configuration recorder '${recorderName}' does not record every resource type and change-triggered rule ${rule.ConfigRuleName} names none in its scope: its results are not known to be fresh`;
    }
    const missing = types.filter(t => !records(recorder, t));
    if (missing.length === 0)
        return undefined;
    return `configuration recorder '${recorderName}' does not record ${missing.join(', ')}, which change-triggered rule ${rule.ConfigRuleName} checks: its results are not fresh`;
}
/** Reads the recorder and its status (2 calls). An unreadable recorder (e.g. AccessDenied) fails closed. */
async function readRecorder(config, region) {
    try {
        const [recorders, statuses] = await Promise.all([
            config.send(new dist_cjs.DescribeConfigurationRecordersCommand({})),
            config.send(new dist_cjs.DescribeConfigurationRecorderStatusCommand({}))
        ]);
        return recorderView(recorders.ConfigurationRecorders ?? [], statuses.ConfigurationRecordersStatus ?? [], region);
    }
    catch (err) {
        const e = (0,aws_clients/* awsCallErrorOf */.vt)(err);
        return {
            kind: 'unreadable',
            error: {
                operation: e.operation,
                code: e.code,
                message: `the configuration recorder could not be read (${e.message}): change-triggered results are not known to be fresh`,
                ...(e.requestId ? { requestId: e.requestId } : {})
            }
        };
    }
}
/**
 * The rules the recorder leaves without fresh results, with the error each gets. Rule descriptions are read only when
 * some rule could be affected; when they cannot be read, every rule counts as change-triggered (fail closed).
 */
async function rulesUnknownToRecorder(deps, view, names) {
    const out = new Map();
    if (names.length === 0)
        return out;
    if (view.kind === 'on' && recordsEverything(view.recorder))
        return out;
    const rules = new Map();
    let describeError;
    for (const names25 of chunk([...names], NAMES_PER_CALL)) {
        try {
            for await (const page of (0,dist_cjs.paginateDescribeConfigRules)({ client: deps.config }, { ConfigRuleNames: names25 })) {
                for (const r of page.ConfigRules ?? [])
                    if (r.ConfigRuleName)
                        rules.set(r.ConfigRuleName, r);
            }
        }
        catch (err) {
            const e = (0,aws_clients/* awsCallErrorOf */.vt)(err);
            describeError = { operation: e.operation, code: e.code, message: e.message };
        }
    }
    for (const name of names) {
        const rule = rules.get(name);
        if (rule && isPeriodicOnly(rule))
            continue;
        const untold = rule
            ? ''
            : ` (its trigger type is unknown: ${describeError ? `${describeError.code}: ${describeError.message}` : 'DescribeConfigRules did not return it'})`;
        if (view.kind !== 'on') {
            out.set(name, { ...view.error, message: `${view.error.message}${untold}` });
        }
        else if (!rule) {
            out.set(name, {
                operation: 'config:DescribeConfigRules',
                code: 'ResourceTypeNotRecorded',
                message: `configuration recorder '${view.name}' does not record every resource type and rule ${name}'s scope is unknown${untold}`
            });
        }
        else {
            const reason = uncoveredReason(rule, view.name, view.recorder);
            if (reason)
                out.set(name, {
                    operation: 'config:DescribeConfigurationRecorders',
                    code: 'ResourceTypeNotRecorded',
                    message: reason
                });
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/compliance/check.ts
/**
 * Reads AWS Config compliance with the fewest calls AWS allows:
 * - rule compliance: DescribeComplianceByConfigRule, 25 names a call (or paged over all rules when none are named),
 * - evaluation times: DescribeConfigRuleEvaluationStatus, 25 names a call (or pages of 50 over all rules),
 * - resources: GetComplianceDetailsByConfigRule for NON_COMPLIANT rules only, NON_COMPLIANT only, pages of 100,
 * with a bounded number of calls in flight and the SDK's paginators and retries.
 */





/** AWS accepts at most 25 rule names per call. */
const check_NAMES_PER_CALL = 25;
/** GetComplianceDetailsByConfigRule's largest page. */
const DETAILS_PAGE_SIZE = 100;
/** DescribeConfigRuleEvaluationStatus's largest page when no names are given. */
const STATUS_PAGE_SIZE = 50;
function ruleError(err) {
    return {
        operation: err.operation,
        code: err.code,
        message: err.message,
        ...(err.requestId ? { requestId: err.requestId } : {})
    };
}
async function checkCompliance(deps, options, account) {
    const { logger } = deps;
    const concurrency = options.concurrency ?? 4;
    const states = new Map();
    const state = (name) => {
        let s = states.get(name);
        if (!s) {
            s = { name, findings: [] };
            states.set(name, s);
        }
        return s;
    };
    await logger.group('Read rule compliance', async () => {
        if (options.rules === 'all') {
            await readAllCompliance(deps, state);
        }
        else {
            for (const name of options.rules)
                state(name);
            await readNamedCompliance(deps, [...options.rules], concurrency, state);
        }
        logger.info(`${states.size} rule${states.size === 1 ? '' : 's'} to check.`);
    });
    const names = [...states.keys()].filter(n => !states.get(n)?.error);
    if (options.evaluate && names.length > 0) {
        await logger.group('Evaluate rules', () => evaluate(deps, options, names, concurrency, state));
        // Compliance may have changed: read it again for the evaluated rules.
        await readNamedCompliance(deps, names, concurrency, state);
    }
    else {
        await logger.group('Read evaluation status', () => options.rules === 'all'
            ? readAllStatuses(deps, state)
            : readNamedStatuses(deps, names, concurrency, state).then(() => undefined));
    }
    const noncompliant = [...states.values()].filter(s => !s.error && s.compliance?.Compliance?.ComplianceType === 'NON_COMPLIANT');
    await logger.group('Read non-compliant resources', async () => {
        let done = 0;
        await mapLimit(noncompliant, concurrency, async (s) => {
            await readFindings(deps, s);
            done += 1;
            if (done % check_NAMES_PER_CALL === 0 || done === noncompliant.length) {
                logger.info(`Read resources of ${done}/${noncompliant.length} non-compliant rules.`);
            }
        });
    });
    // A rule asked for by name that AWS Config reports nothing about (no compliance, no evaluation status) is not
    // known to it here: an error naming the rule, never a rule that silently vanishes or passes.
    for (const s of states.values()) {
        if (!s.error && !s.compliance && !s.status) {
            s.error = {
                operation: 'config:DescribeComplianceByConfigRule',
                code: 'RuleNotReturned',
                message: `AWS Config returned no compliance and no evaluation status for rule ${s.name} in region ${account.region}: it is not deployed there`
            };
        }
    }
    await logger.group('Read configuration recorder', () => applyRecorder(deps, states, account.region));
    const now = deps.clock.now();
    const rules = [...states.values()].map(s => classify(s, now, options.maxResultAgeSeconds));
    return { checkedAt: now.toISOString(), accountId: account.accountId, region: account.region, rules };
}
/**
 * A recorder that is off is not a pass (recorder.ts): change-triggered rules it leaves without fresh results become
 * errors naming the recorder; periodic rules are still judged, and the log warns.
 */
async function applyRecorder(deps, states, region) {
    const view = await readRecorder(deps.config, region);
    const names = [...states.values()].filter(s => !s.error).map(s => s.name);
    const unknown = await rulesUnknownToRecorder(deps, view, names);
    for (const [name, error] of unknown) {
        const s = states.get(name);
        if (s)
            s.error = error;
    }
    if (view.kind === 'on' && unknown.size === 0) {
        deps.logger.info(`Configuration recorder '${view.name}' is recording.`);
        return;
    }
    const why = view.kind === 'on' ? `configuration recorder '${view.name}' does not record every type` : view.error.message;
    deps.logger.warn(`AWS Config in ${region}: ${why}. ${unknown.size} change-triggered rule${unknown.size === 1 ? ' is' : 's are'} unknown (error)${unknown.size > 0 ? `: ${[...unknown.keys()].join(', ')}` : ''}; periodic rules are still judged.`);
}
async function readAllCompliance(deps, state) {
    let pages = 0;
    for await (const page of (0,dist_cjs.paginateDescribeComplianceByConfigRule)({ client: deps.config }, {})) {
        pages += 1;
        for (const c of page.ComplianceByConfigRules ?? []) {
            if (c.ConfigRuleName)
                state(c.ConfigRuleName).compliance = c;
        }
        deps.logger.info(`Read compliance page ${pages} (${page.ComplianceByConfigRules?.length ?? 0} rules).`);
    }
}
async function readNamedCompliance(deps, names, concurrency, state) {
    const chunks = chunk(names, check_NAMES_PER_CALL);
    let done = 0;
    await mapLimit(chunks, concurrency, async (names25) => {
        try {
            for await (const page of (0,dist_cjs.paginateDescribeComplianceByConfigRule)({ client: deps.config }, { ConfigRuleNames: names25 })) {
                for (const c of page.ComplianceByConfigRules ?? []) {
                    if (c.ConfigRuleName)
                        state(c.ConfigRuleName).compliance = c;
                }
            }
        }
        catch (err) {
            if ((0,aws_clients/* awsErrorCode */.J6)(err) === 'NoSuchConfigRuleException' && names25.length > 1) {
                // One unknown name fails the whole call: ask one by one to find which.
                await mapLimit(names25, concurrency, name => readNamedCompliance(deps, [name], 1, state));
            }
            else {
                const e = (0,aws_clients/* awsCallErrorOf */.vt)(err);
                for (const name of names25)
                    state(name).error = ruleError(e);
            }
        }
        done += names25.length;
        deps.logger.info(`Read compliance of ${done}/${names.length} rules.`);
    });
}
async function readAllStatuses(deps, state) {
    for await (const page of (0,dist_cjs.paginateDescribeConfigRuleEvaluationStatus)({ client: deps.config, pageSize: STATUS_PAGE_SIZE }, {})) {
        for (const st of page.ConfigRulesEvaluationStatus ?? []) {
            if (st.ConfigRuleName)
                state(st.ConfigRuleName).status = st;
        }
    }
}
async function readNamedStatuses(deps, names, concurrency, state) {
    const out = [];
    await mapLimit(chunk(names, check_NAMES_PER_CALL), concurrency, async (names25) => {
        try {
            const page = await deps.config.send(new dist_cjs.DescribeConfigRuleEvaluationStatusCommand({ ConfigRuleNames: names25 }));
            for (const st of page.ConfigRulesEvaluationStatus ?? []) {
                if (st.ConfigRuleName) {
                    state(st.ConfigRuleName).status = st;
                    out.push(st);
                }
            }
        }
        catch (err) {
            const e = (0,aws_clients/* awsCallErrorOf */.vt)(err);
            for (const name of names25)
                state(name).error = ruleError(e);
        }
    });
    return out;
}
/**
 * Starts an evaluation of the rules and waits until each has a successful evaluation that began after the start
 * (or failed, or the timeout passed). A rule started less than a minute ago (LimitExceededException) is not
 * started again: its running evaluation is awaited instead.
 */
async function evaluate(deps, options, names, concurrency, state) {
    const { clock, logger } = deps;
    const startedAt = clock.now();
    const acceptAfter = new Map();
    const start = async (batch) => {
        try {
            await deps.config.send(new dist_cjs.StartConfigRulesEvaluationCommand({ ConfigRuleNames: batch }));
            for (const n of batch)
                acceptAfter.set(n, startedAt.getTime());
        }
        catch (err) {
            const code = (0,aws_clients/* awsErrorCode */.J6)(err);
            if (code === 'LimitExceededException' && batch.length > 1) {
                await mapLimit(batch, concurrency, n => start([n]));
            }
            else if (code === 'LimitExceededException') {
                logger.info(`${batch[0]}: an evaluation started less than a minute ago; waiting for it instead.`);
                acceptAfter.set(batch[0], startedAt.getTime() - 60_000);
            }
            else if (code === 'NoSuchConfigRuleException' && batch.length > 1) {
                await mapLimit(batch, concurrency, n => start([n]));
            }
            else {
                const e = (0,aws_clients/* awsCallErrorOf */.vt)(err);
                for (const n of batch)
                    state(n).error = ruleError(e);
            }
        }
    };
    await mapLimit(chunk(names, check_NAMES_PER_CALL), concurrency, start);
    logger.info(`Started evaluation of ${acceptAfter.size} rules; waiting up to ${options.evaluationTimeoutSeconds}s.`);
    const deadline = startedAt.getTime() + options.evaluationTimeoutSeconds * 1000;
    let pending = [...acceptAfter.keys()];
    let interval = options.pollIntervalMs ?? 1000;
    for (;;) {
        const statuses = await readNamedStatuses(deps, pending, concurrency, state);
        const byName = new Map(statuses.map(s => [s.ConfigRuleName, s]));
        pending = pending.filter(name => {
            const st = byName.get(name);
            const after = acceptAfter.get(name) ?? 0;
            if (state(name).error)
                return false;
            if ((st?.LastSuccessfulEvaluationTime?.getTime() ?? 0) >= after)
                return false;
            if ((st?.LastFailedEvaluationTime?.getTime() ?? 0) >= after) {
                state(name).error = {
                    operation: 'config:StartConfigRulesEvaluation',
                    code: st?.LastErrorCode ?? 'EvaluationFailed',
                    message: `the evaluation failed: ${st?.LastErrorMessage ?? 'no message'}`
                };
                return false;
            }
            return true;
        });
        if (pending.length === 0)
            break;
        if (clock.now().getTime() + interval > deadline) {
            logger.warn(`Evaluation of ${pending.length} rule(s) did not finish within ${options.evaluationTimeoutSeconds}s: ${pending.join(', ')}. Their previous results are used.`);
            break;
        }
        await clock.sleep(interval);
        interval = Math.min(interval * 2, 10_000);
    }
}
async function readFindings(deps, s) {
    try {
        for await (const page of (0,dist_cjs.paginateGetComplianceDetailsByConfigRule)({ client: deps.config, pageSize: DETAILS_PAGE_SIZE }, { ConfigRuleName: s.name, ComplianceTypes: ['NON_COMPLIANT'] })) {
            for (const r of page.EvaluationResults ?? []) {
                const q = r.EvaluationResultIdentifier?.EvaluationResultQualifier;
                const resourceType = q?.ResourceType ?? 'unknown';
                const resourceId = q?.ResourceId ?? 'unknown';
                const finding = {
                    ruleName: s.name,
                    resourceType,
                    resourceId,
                    fingerprint: fingerprint(s.name, resourceType, resourceId)
                };
                if (r.Annotation)
                    finding.annotation = r.Annotation;
                if (r.ResultRecordedTime)
                    finding.recordedTime = r.ResultRecordedTime.toISOString();
                s.findings.push(finding);
            }
        }
    }
    catch (err) {
        s.error = ruleError((0,aws_clients/* awsCallErrorOf */.vt)(err));
    }
}
/**
 * Pure: the status of a rule from what AWS returned, the time and the maximum result age.
 *
 * A rule AWS Config has not finished evaluating once is `insufficient-data`, whatever compliance it reports: a rule
 * just created stays `ConfigRuleState: EVALUATING` until its first evaluation, and DescribeConfigRuleEvaluationStatus
 * then has `FirstEvaluationStarted: false` ("AWS Config has not finished evaluating your AWS resources against the
 * rule at least once") and no `LastSuccessfulEvaluationTime` (AWS Config API Reference, ConfigRule and
 * ConfigRuleEvaluationStatus data types).
 */
function classify(s, now, maxResultAgeSeconds) {
    const complianceType = s.compliance?.Compliance?.ComplianceType;
    const last = s.status?.LastSuccessfulEvaluationTime;
    const neverEvaluated = !last || s.status?.FirstEvaluationStarted === false;
    let status;
    if (s.error)
        status = 'error';
    else if (neverEvaluated || !complianceType || complianceType === 'INSUFFICIENT_DATA')
        status = 'insufficient-data';
    else if (complianceType === 'NOT_APPLICABLE')
        status = 'not-applicable';
    else if (now.getTime() - last.getTime() > maxResultAgeSeconds * 1000)
        status = 'stale';
    else if (complianceType === 'NON_COMPLIANT')
        status = 'noncompliant';
    else
        status = 'compliant';
    const result = { ruleName: s.name, status, findings: s.findings };
    if (complianceType)
        result.complianceType = complianceType;
    if (last)
        result.lastEvaluated = last.toISOString();
    if (s.error)
        result.error = s.error;
    return result;
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: ./src/gate/waivers.ts
var waivers = __webpack_require__(6322);
// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 22 modules
var github = __webpack_require__(2413);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/github/client.ts
/**
 * The only place that builds a GitHub REST client (Octokit from @actions/github). It honours GITHUB_API_URL
 * (GitHub Enterprise Server) and sends the token only in the Authorization header: no message, log line or error
 * built here or by the modules using this client ever contains it.
 */



const DEFAULT_API_URL = 'https://api.github.com';
/** The API base URL: an explicit one, else GITHUB_API_URL, else github.com's; without a trailing slash. */
function apiBaseUrl(env, explicit) {
    const raw = (explicit ?? env.GITHUB_API_URL ?? '').trim() || DEFAULT_API_URL;
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        throw new Error(`GITHUB_API_URL is not a URL: ${JSON.stringify(raw.slice(0, 200))}`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new Error(`GITHUB_API_URL must be an http(s) URL, got ${JSON.stringify(url.protocol)}`);
    }
    return raw.replace(/\/+$/, '');
}
/** Shapes of tokens GitHub issues; a second line of defence when a message might echo one. */
const TOKEN_SHAPES = /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})\b/g;
/** Replaces the token (when given) and anything shaped like a GitHub token with ***. */
function redactToken(text, token) {
    let out = text;
    if (token !== undefined && token.length >= 4)
        out = out.split(token).join('***');
    return out.replace(TOKEN_SHAPES, '***');
}
/** Builds the REST client. Throws when the token is empty (without echoing it). */
function createGitHubClient(settings) {
    const token = settings.token.trim();
    if (token === '') {
        throw new Error('A GitHub token is needed for the Checks API and pull request files (pass `github-token`, e.g. ${{ github.token }}).');
    }
    const env = settings.env ?? process.env;
    const baseUrl = apiBaseUrl(env, settings.apiUrl);
    const logger = settings.logger;
    const log = {
        debug: (m) => logger?.debug(redactToken(m, token)),
        info: (m) => logger?.debug(redactToken(m, token)),
        warn: (m) => logger?.warn(redactToken(m, token)),
        error: (m) => logger?.warn(redactToken(m, token))
    };
    const octokit = (0,github/* getOctokit */.Q)(token, { baseUrl, userAgent: `${version/* USER_AGENT_NAME */.I}/${version/* VERSION */.x}`, log });
    // @octokit/request logs (deprecation notices) to console unless the request carries a log; passing `request`
    // in the options would replace @actions/github's proxy-aware fetch, so it is set per request instead.
    octokit.hook.before('request', options => {
        options.request = { ...options.request, log };
    });
    // Whatever the server answers, an error leaving Octokit does not carry the token in its message.
    octokit.hook.error('request', (error) => {
        if (error !== null && typeof error === 'object') {
            const e = error;
            if (typeof e.message === 'string')
                e.message = redactToken(e.message, token);
            const data = e.response?.data;
            if (data !== null && typeof data === 'object' && typeof data.message === 'string') {
                const d = data;
                d.message = redactToken(d.message, token);
            }
        }
        throw error;
    });
    return octokit;
}
/** A GitHub REST call failed: names the request (method and path), the HTTP status and GitHub's request id. */
class GitHubApiError extends src_errors/* UserError */.yo {
    method;
    path;
    status;
    requestId;
    name = 'GitHubApiError';
    constructor(method, path, 
    /** HTTP status; 0 when no answer came (network error). */
    status, detail, requestId) {
        super(`GitHub API ${method} ${path} failed: ${status === 0 ? 'no response' : `HTTP ${status}`}: ${detail}` +
            (requestId ? ` (request id ${requestId})` : ''));
        this.method = method;
        this.path = path;
        this.status = status;
        this.requestId = requestId;
    }
    /** Bad credentials, missing permission or validation: the user can fix it, not a defect or outage. */
    get userError() {
        return this.status === 401 || this.status === 403 || this.status === 404 || this.status === 422;
    }
}
/** Octokit's message (GitHub's `message`, validation `errors`, documentation link), single-line, bounded. */
function detailOf(e) {
    const detail = (typeof e.message === 'string' ? e.message : '').replace(/\s+/g, ' ').trim() || 'unknown error';
    return detail.length > 500 ? `${detail.slice(0, 499)}…` : detail;
}
/** Wraps an Octokit error into a GitHubApiError naming the request; redacts anything token-shaped. */
function toGitHubApiError(method, path, err) {
    if (err instanceof GitHubApiError)
        return err;
    const e = (err ?? {});
    const hasResponse = e.response !== undefined;
    const status = hasResponse && typeof e.status === 'number' ? e.status : 0;
    const rid = e.response?.headers?.['x-github-request-id'];
    const detail = redactToken(detailOf(e));
    return new GitHubApiError(method, path, status, detail, typeof rid === 'string' && rid !== '' ? rid : undefined);
}
/** The HTTP status of an Octokit error that carries an answer, else undefined. */
function httpStatusOf(err) {
    const e = (err ?? {});
    return e.response !== undefined && typeof e.status === 'number' ? e.status : undefined;
}

// EXTERNAL MODULE: ./src/run-context.ts
var run_context = __webpack_require__(3564);
;// CONCATENATED MODULE: ./src/github/context.ts
/**
 * The run's GitHub context: which repository, which commit to attach results to, which pull request, and whether
 * the pull request comes from a fork. `parseGitHubContext` is pure (env + the parsed event payload);
 * `readGitHubContext` reads the payload from GITHUB_EVENT_PATH.
 *
 * For pull request events the commit is the PR head (`pull_request.head.sha`), not GITHUB_SHA: GitHub sets
 * GITHUB_SHA to the test merge commit, which no one sees on the pull request.
 */


/** A problem with the variables or the event payload GitHub provides. */
class GitHubContextError extends Error {
    name = 'GitHubContextError';
}
const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/i;
function obj(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
}
function context_str(v) {
    return typeof v === 'string' && v !== '' ? v : undefined;
}
function splitRepository(fullName, from) {
    const m = /^([^/\s]+)\/([^/\s]+)$/.exec(fullName);
    if (!m)
        throw new GitHubContextError(`${from} must look like owner/repo, got ${JSON.stringify(fullName)}`);
    return { owner: m[1], repo: m[2] };
}
function checkSha(sha, from) {
    if (!SHA.test(sha))
        throw new GitHubContextError(`${from} is not a commit SHA: ${JSON.stringify(sha.slice(0, 80))}`);
    return sha.toLowerCase();
}
function sameRepo(a, b) {
    return a.toLowerCase() === b.toLowerCase();
}
/**
 * The context from GitHub's variables (GITHUB_EVENT_NAME, GITHUB_REPOSITORY, GITHUB_SHA, GITHUB_BASE_REF) and the
 * parsed event payload. `source` names the payload in error messages.
 */
function parseGitHubContext(env, payload, source = 'the event payload') {
    const eventName = context_str(env.GITHUB_EVENT_NAME);
    if (eventName === undefined)
        throw new GitHubContextError('GITHUB_EVENT_NAME is not set: not running in GitHub Actions?');
    const event = obj(payload) ?? {};
    const repository = obj(event.repository);
    const fullName = context_str(env.GITHUB_REPOSITORY) ?? context_str(repository?.full_name);
    if (fullName === undefined) {
        throw new GitHubContextError(`GITHUB_REPOSITORY is not set and ${source} names no repository.full_name`);
    }
    const { owner, repo } = splitRepository(fullName, context_str(env.GITHUB_REPOSITORY) !== undefined ? 'GITHUB_REPOSITORY' : `repository.full_name in ${source}`);
    if ((0,run_context/* hasPullRequestPayload */.z5)(eventName)) {
        const pr = obj(event.pull_request);
        if (pr === undefined)
            throw new GitHubContextError(`${source} of a ${eventName} event has no pull_request`);
        const head = obj(pr.head);
        const headSha = context_str(head?.sha);
        if (headSha === undefined)
            throw new GitHubContextError(`${source}: pull_request.head.sha is missing`);
        const number = pr.number;
        if (typeof number !== 'number' || !Number.isInteger(number) || number <= 0) {
            throw new GitHubContextError(`${source}: pull_request.number is missing or not a positive integer`);
        }
        const baseFullName = context_str(repository?.full_name) ?? context_str(obj(obj(pr.base)?.repo)?.full_name) ?? fullName;
        const headRepo = obj(head?.repo);
        // A head repository that no longer exists (null) was a fork that has since been deleted.
        const headFullName = context_str(headRepo?.full_name);
        const isFork = headFullName === undefined || !sameRepo(headFullName, baseFullName);
        const ctx = {
            eventName,
            owner,
            repo,
            headSha: checkSha(headSha, `pull_request.head.sha in ${source}`),
            prNumber: number,
            isFork
        };
        const baseRef = context_str(obj(pr.base)?.ref) ?? context_str(env.GITHUB_BASE_REF);
        if (baseRef !== undefined)
            ctx.baseRef = baseRef;
        const baseSha = context_str(obj(pr.base)?.sha);
        if (baseSha !== undefined && SHA.test(baseSha))
            ctx.baseSha = baseSha.toLowerCase();
        return ctx;
    }
    if (eventName === 'merge_group') {
        const group = obj(event.merge_group);
        const sha = context_str(group?.head_sha) ?? context_str(env.GITHUB_SHA);
        if (sha === undefined)
            throw new GitHubContextError(`${source}: merge_group.head_sha is missing and GITHUB_SHA is not set`);
        const ctx = {
            eventName,
            owner,
            repo,
            headSha: checkSha(sha, 'merge_group.head_sha'),
            isFork: false
        };
        const baseRef = context_str(group?.base_ref);
        if (baseRef !== undefined)
            ctx.baseRef = baseRef;
        const baseSha = context_str(group?.base_sha);
        if (baseSha !== undefined && SHA.test(baseSha))
            ctx.baseSha = baseSha.toLowerCase();
        return ctx;
    }
    const sha = context_str(env.GITHUB_SHA);
    if (sha === undefined)
        throw new GitHubContextError('GITHUB_SHA is not set');
    return { eventName, owner, repo, headSha: checkSha(sha, 'GITHUB_SHA'), isFork: false };
}
/**
 * Reads the event payload from GITHUB_EVENT_PATH and parses the context. Without GITHUB_EVENT_PATH the payload is
 * empty, which is enough for events other than pull requests.
 */
function readGitHubContext(env = process.env, readFile = p => (0,external_node_fs_.readFileSync)(p, 'utf8')) {
    const path = context_str(env.GITHUB_EVENT_PATH);
    if (path === undefined)
        return parseGitHubContext(env, {}, 'the event payload (GITHUB_EVENT_PATH is not set)');
    let text;
    try {
        text = readFile(path);
    }
    catch (err) {
        const code = err.code;
        throw new GitHubContextError(`Cannot read the event payload ${path} (GITHUB_EVENT_PATH): ${typeof code === 'string' ? code : String(err)}`);
    }
    let payload;
    try {
        payload = JSON.parse(text);
    }
    catch (err) {
        throw new GitHubContextError(`${path} (GITHUB_EVENT_PATH) is not valid JSON: ${err.message}`);
    }
    return parseGitHubContext(env, payload, path);
}

;// CONCATENATED MODULE: ./src/github/base-manifest.ts
/**
 * The base branch's manifest, for waivers. On pull-request and merge-queue runs a waiver of the head manifest applies
 * only if the base branch holds it (src/gate/waivers.ts decides). The base manifest is read with git when the
 * base commit is in the checkout (`git show SHA:./PATH` in GITHUB_WORKSPACE), else through the GitHub contents API at
 * that commit (GET /repos/{owner}/{repo}/contents/{path}?ref=SHA, GITHUB_API_URL honoured by the client factory).
 * When neither works, or the base manifest does not parse, no head waiver applies before merge (fail closed), and
 * the reason is logged and reported.
 */







/** Events whose waivers come from the base branch: the pull-request events of src/run-context.ts (merge queue included). */
function waiversComeFromBase(eventName) {
    return (0,run_context/* isPullRequestEvent */.T5)(eventName);
}
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;
const runGit = (args, cwd) => new Promise(res => {
    (0,external_node_child_process_.execFile)('git', [...args], {
        cwd,
        encoding: 'utf8',
        maxBuffer: MAX_MANIFEST_BYTES,
        timeout: 60_000,
        windowsHide: true,
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' }
    }, (err, stdout, stderr) => {
        const code = err === null ? 0 : typeof err.code === 'number' ? err.code : -1;
        res({ code, stdout, stderr: stderr || (err?.message ?? '') });
    });
});
const base_manifest_firstLine = (s) => s.trim().split('\n')[0]?.slice(0, 300) ?? '';
/** The base manifest's text: git first when the commit is in the checkout, else the contents API. */
async function readBaseManifest(t, deps) {
    const short = t.sha.slice(0, 12);
    // The SHA comes from the event payload and is checked as hex (context.ts), so it cannot be read as an option.
    const present = await deps.git(['cat-file', '-e', `${t.sha}^{commit}`], t.workspace);
    let gitNote;
    if (present.code === 0) {
        const shown = await deps.git(['show', '--no-textconv', `${t.sha}:./${t.path}`], t.workspace);
        if (shown.code === 0)
            return { found: true, text: shown.stdout, via: 'git' };
        // The commit is there and the file is not: the base branch has no manifest, so it holds no waiver.
        return {
            found: false,
            reason: `${t.path} does not exist at base commit ${short} (git: ${base_manifest_firstLine(shown.stderr)})`
        };
    }
    gitNote = `base commit ${short} is not in the checkout`;
    if (base_manifest_firstLine(present.stderr) !== '' && !/could not get object|not a valid|bad object/i.test(present.stderr)) {
        gitNote += ` (git: ${base_manifest_firstLine(present.stderr)})`;
    }
    let octokit;
    try {
        octokit = deps.github();
    }
    catch (err) {
        return { found: false, reason: `${gitNote}, and the contents API is not available: ${err.message}` };
    }
    const route = `/repos/${t.owner}/${t.repo}/contents/${t.path}?ref=${t.sha}`;
    try {
        const res = await octokit.rest.repos.getContent({ owner: t.owner, repo: t.repo, path: t.path, ref: t.sha });
        const data = res.data;
        if (Array.isArray(res.data) || data.type !== 'file') {
            return { found: false, reason: `${gitNote}, and ${t.path} is not a file at ${short} (contents API)` };
        }
        if (data.encoding !== 'base64' || typeof data.content !== 'string') {
            // Files over 1 MB come without content (encoding "none").
            return {
                found: false,
                reason: `${gitNote}, and the contents API gave no content for ${t.path} at ${short} (encoding ${String(data.encoding)})`
            };
        }
        return { found: true, text: Buffer.from(data.content, 'base64').toString('utf8'), via: 'contents-api' };
    }
    catch (err) {
        const status = httpStatusOf(err);
        const detail = toGitHubApiError('GET', route, err).message;
        const hint = status === 404
            ? `: ${t.path} does not exist at ${short}, or the token cannot read the repository`
            : status === 403 || status === 401
                ? ': the token may not read the repository contents (permissions: contents: read)'
                : '';
        return { found: false, reason: `${gitNote}, and the contents API failed${hint} (${detail})` };
    }
}
/** A waiver's expiry never fails the base manifest's parse: the head's own check covers expiry. */
const NO_EXPIRY_CHECK = '0000-01-01';
/** The base branch's waivers for this run, or why they are unknown. */
async function baseWaivers(ctx, opts, deps) {
    const sha = ctx.baseSha;
    if (sha === undefined) {
        const field = ctx.eventName === 'merge_group' ? 'merge_group.base_sha' : 'pull_request.base.sha';
        return { base: { readable: false, reason: `the event payload has no base commit (${field})` } };
    }
    const file = (0,external_node_path_.resolve)(opts.manifestFile);
    const rel = (0,external_node_path_.relative)((0,external_node_path_.resolve)(opts.workspace), file);
    if (rel === '' || rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel)) {
        return {
            base: { readable: false, reason: `the manifest ${opts.manifestFile} is not inside GITHUB_WORKSPACE` }
        };
    }
    const path = rel.split(external_node_path_.sep).join('/');
    const read = await readBaseManifest({ owner: ctx.owner, repo: ctx.repo, sha, path, workspace: opts.workspace }, deps);
    if (!read.found)
        return { base: { readable: false, reason: read.reason } };
    try {
        // The same loader as the head's, with the same workspace: referenced files resolve in the checkout and must be
        // inside GITHUB_WORKSPACE (not the working directory, which may be elsewhere).
        const manifest = parseManifest(read.text, file, NO_EXPIRY_CHECK, opts.workspace);
        return { base: { readable: true, waivers: manifest.waivers }, via: read.via };
    }
    catch (err) {
        const message = err.message.replace(/\s*\n\s*/g, '; ');
        return {
            base: {
                readable: false,
                reason: `the base branch's ${path} (at ${sha.slice(0, 12)}) does not load: ${message.slice(0, 600)}`
            },
            via: read.via
        };
    }
}
/**
 * The waivers that apply in this run. Outside pull-request and merge-queue runs: all of them, as written. On those
 * runs: only those the base branch's manifest holds (decideWaivers); the rest are proposed.
 */
async function waiversForRun(head, opts, logger, deps = {
    git: runGit,
    github: () => createGitHubClient({ token: opts.githubToken, env: opts.env, logger })
}) {
    const eventName = opts.env.GITHUB_EVENT_NAME ?? '';
    if (!waiversComeFromBase(eventName) || head.length === 0)
        return { effective: [...head], proposed: [] };
    let ctx;
    let payloadProblem = '';
    try {
        ctx = readGitHubContext(opts.env);
    }
    catch (err) {
        payloadProblem = err.message;
    }
    const judged = ctx === undefined
        ? { base: { readable: false, reason: `the event payload could not be read: ${payloadProblem}` } }
        : await baseWaivers(ctx, opts, deps);
    const { base, via } = judged;
    const decision = (0,waivers/* decideWaivers */.K7)(head, base);
    const info = { eventName };
    if (ctx?.baseSha !== undefined)
        info.sha = ctx.baseSha;
    if (via !== undefined)
        info.via = via;
    const at = info.sha !== undefined ? ` at ${info.sha.slice(0, 12)}` : '';
    if (!base.readable) {
        info.unreadable = base.reason;
        logger.warn(`Waivers come from the base branch on ${eventName} runs, and its manifest could not be used: ${base.reason}. ` +
            `None of the ${head.length} waiver(s) of this manifest applies before merge; their findings count.`);
    }
    else {
        logger.info(`Waivers come from the base branch${at} (read with ${via === 'git' ? 'git' : 'the contents API'}): ` +
            `${decision.effective.length} of ${head.length} apply.`);
    }
    for (const w of decision.proposed) {
        const why = w.why === 'new'
            ? 'not on the base branch'
            : w.why === 'later-expiry'
                ? `expires ${w.expires}, later than on the base branch (${w.baseExpires ?? '?'})`
                : 'base manifest unavailable';
        logger.info(`Proposed waiver (applies after merge), not applied: ${w.rule} / ${w.resourceId}${w.source ? ` (${w.source})` : ''}: ${why}.`);
    }
    return { ...decision, base: info };
}

;// CONCATENATED MODULE: ./src/cfn/physical-names.ts
/**
 * The property that names a resource, per type: the literal value a template gives it is the name AWS Config
 * reports as the resource id (S3 buckets, DynamoDB tables, Lambda functions, ...) or as the last segment of the
 * resource id when that is an ARN or URL (SNS topics, SQS queues). Types whose id AWS generates (EC2 volumes,
 * security groups, ...) have no entry: their findings are matched by logical id only.
 */
const PHYSICAL_NAME_PROPERTIES = {
    'AWS::S3::Bucket': 'BucketName',
    'AWS::DynamoDB::Table': 'TableName',
    'AWS::RDS::DBInstance': 'DBInstanceIdentifier',
    'AWS::RDS::DBCluster': 'DBClusterIdentifier',
    'AWS::SNS::Topic': 'TopicName',
    'AWS::SQS::Queue': 'QueueName',
    'AWS::Lambda::Function': 'FunctionName',
    'AWS::IAM::Role': 'RoleName',
    'AWS::IAM::User': 'UserName',
    'AWS::IAM::Group': 'GroupName',
    'AWS::IAM::ManagedPolicy': 'ManagedPolicyName',
    'AWS::CloudTrail::Trail': 'TrailName',
    'AWS::Logs::LogGroup': 'LogGroupName',
    'AWS::KMS::Alias': 'AliasName',
    'AWS::ECR::Repository': 'RepositoryName',
    'AWS::SecretsManager::Secret': 'Name',
    'AWS::ElasticLoadBalancingV2::LoadBalancer': 'Name',
    'AWS::ElasticLoadBalancing::LoadBalancer': 'LoadBalancerName',
    'AWS::Elasticsearch::Domain': 'DomainName',
    'AWS::OpenSearchService::Domain': 'DomainName',
    'AWS::Redshift::Cluster': 'ClusterIdentifier',
    'AWS::ElastiCache::ReplicationGroup': 'ReplicationGroupId',
    'AWS::StepFunctions::StateMachine': 'StateMachineName',
    'AWS::CodeBuild::Project': 'Name',
    'AWS::SageMaker::NotebookInstance': 'NotebookInstanceName',
    'AWS::Backup::BackupVault': 'BackupVaultName',
    'AWS::DMS::ReplicationInstance': 'ReplicationInstanceIdentifier',
    'AWS::Kinesis::Stream': 'Name',
    'AWS::EKS::Cluster': 'Name',
    'AWS::ElasticBeanstalk::Environment': 'EnvironmentName',
    'AWS::Serverless::Function': 'FunctionName',
    'AWS::Serverless::SimpleTable': 'TableName',
    'AWS::Serverless::StateMachine': 'Name'
};
/**
 * Template types that deploy as another type (AWS SAM): a finding about the deployed type also looks at these.
 * The key is the type AWS Config reports.
 */
const DEPLOYED_AS = {
    'AWS::Lambda::Function': ['AWS::Serverless::Function'],
    'AWS::DynamoDB::Table': ['AWS::Serverless::SimpleTable'],
    'AWS::StepFunctions::StateMachine': ['AWS::Serverless::StateMachine']
};
/** The template types a Config resource type may be written as: itself first, then SAM types. */
function templateTypesFor(configType) {
    return [configType, ...(DEPLOYED_AS[configType] ?? [])];
}
/**
 * Names a resource id may match: the id itself, then, for an ARN or URL, its last segment (after the last ':'
 * or '/'), e.g. arn:aws:sns:us-east-1:123456789012:alerts -> alerts.
 */
function nameCandidates(resourceId) {
    const out = [resourceId];
    if (/^arn:/.test(resourceId) || /^https?:\/\//.test(resourceId)) {
        const last = resourceId
            .split(/[:/]/)
            .filter(s => s !== '')
            .pop();
        if (last !== undefined && last !== resourceId)
            out.push(last);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/locate/source-map.ts
/**
 * Finding -> source line. A finding about a resource the repository's templates declare lands on that resource,
 * down to the property the rule is about when the template writes it; any other finding lands on the line that
 * declares its rule (the manifest or pack). Pure: the caller reads the resources' tags and the templates.
 */


/**
 * The property a managed rule checks, per template resource type (a path of keys under Properties). A rule
 * about something a template writes elsewhere (a bucket policy, a flow log, account settings) has no entry and
 * its findings land on the resource line.
 */
const RULE_PROPERTIES = {
    S3_BUCKET_LOGGING_ENABLED: { 'AWS::S3::Bucket': ['LoggingConfiguration'] },
    S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED: { 'AWS::S3::Bucket': ['BucketEncryption'] },
    S3_DEFAULT_ENCRYPTION_KMS: { 'AWS::S3::Bucket': ['BucketEncryption'] },
    S3_BUCKET_VERSIONING_ENABLED: { 'AWS::S3::Bucket': ['VersioningConfiguration'] },
    S3_BUCKET_PUBLIC_READ_PROHIBITED: { 'AWS::S3::Bucket': ['PublicAccessBlockConfiguration'] },
    S3_BUCKET_PUBLIC_WRITE_PROHIBITED: { 'AWS::S3::Bucket': ['PublicAccessBlockConfiguration'] },
    S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED: { 'AWS::S3::Bucket': ['PublicAccessBlockConfiguration'] },
    S3_BUCKET_REPLICATION_ENABLED: { 'AWS::S3::Bucket': ['ReplicationConfiguration'] },
    S3_BUCKET_CROSS_REGION_REPLICATION_ENABLED: { 'AWS::S3::Bucket': ['ReplicationConfiguration'] },
    S3_BUCKET_DEFAULT_LOCK_ENABLED: { 'AWS::S3::Bucket': ['ObjectLockConfiguration'] },
    S3_LIFECYCLE_POLICY_CHECK: { 'AWS::S3::Bucket': ['LifecycleConfiguration'] },
    S3_EVENT_NOTIFICATIONS_ENABLED: { 'AWS::S3::Bucket': ['NotificationConfiguration'] },
    ENCRYPTED_VOLUMES: { 'AWS::EC2::Volume': ['Encrypted'] },
    EC2_INSTANCE_DETAILED_MONITORING_ENABLED: { 'AWS::EC2::Instance': ['Monitoring'] },
    EC2_INSTANCE_NO_PUBLIC_IP: { 'AWS::EC2::Instance': ['NetworkInterfaces'] },
    SUBNET_AUTO_ASSIGN_PUBLIC_IP_DISABLED: { 'AWS::EC2::Subnet': ['MapPublicIpOnLaunch'] },
    AUTOSCALING_LAUNCH_CONFIG_PUBLIC_IP_DISABLED: {
        'AWS::AutoScaling::LaunchConfiguration': ['AssociatePublicIpAddress']
    },
    RDS_STORAGE_ENCRYPTED: { 'AWS::RDS::DBInstance': ['StorageEncrypted'] },
    RDS_INSTANCE_PUBLIC_ACCESS_CHECK: { 'AWS::RDS::DBInstance': ['PubliclyAccessible'] },
    RDS_MULTI_AZ_SUPPORT: { 'AWS::RDS::DBInstance': ['MultiAZ'] },
    RDS_LOGGING_ENABLED: {
        'AWS::RDS::DBInstance': ['EnableCloudwatchLogsExports'],
        'AWS::RDS::DBCluster': ['EnableCloudwatchLogsExports']
    },
    RDS_INSTANCE_DELETION_PROTECTION_ENABLED: { 'AWS::RDS::DBInstance': ['DeletionProtection'] },
    RDS_CLUSTER_DELETION_PROTECTION_ENABLED: { 'AWS::RDS::DBCluster': ['DeletionProtection'] },
    RDS_CLUSTER_ENCRYPTED_AT_REST: { 'AWS::RDS::DBCluster': ['StorageEncrypted'] },
    RDS_ENHANCED_MONITORING_ENABLED: { 'AWS::RDS::DBInstance': ['MonitoringInterval'] },
    RDS_AUTOMATIC_MINOR_VERSION_UPGRADE_ENABLED: { 'AWS::RDS::DBInstance': ['AutoMinorVersionUpgrade'] },
    RDS_INSTANCE_IAM_AUTHENTICATION_ENABLED: { 'AWS::RDS::DBInstance': ['EnableIAMDatabaseAuthentication'] },
    DB_INSTANCE_BACKUP_ENABLED: { 'AWS::RDS::DBInstance': ['BackupRetentionPeriod'] },
    DYNAMODB_PITR_ENABLED: { 'AWS::DynamoDB::Table': ['PointInTimeRecoverySpecification'] },
    DYNAMODB_TABLE_ENCRYPTED_KMS: {
        'AWS::DynamoDB::Table': ['SSESpecification'],
        'AWS::Serverless::SimpleTable': ['SSESpecification']
    },
    DYNAMODB_TABLE_ENCRYPTION_ENABLED: { 'AWS::DynamoDB::Table': ['SSESpecification'] },
    DYNAMODB_TABLE_DELETION_PROTECTION_ENABLED: { 'AWS::DynamoDB::Table': ['DeletionProtectionEnabled'] },
    CLOUD_TRAIL_ENCRYPTION_ENABLED: { 'AWS::CloudTrail::Trail': ['KMSKeyId'] },
    CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED: { 'AWS::CloudTrail::Trail': ['EnableLogFileValidation'] },
    CLOUD_TRAIL_CLOUD_WATCH_LOGS_ENABLED: { 'AWS::CloudTrail::Trail': ['CloudWatchLogsLogGroupArn'] },
    CLOUDWATCH_LOG_GROUP_ENCRYPTED: { 'AWS::Logs::LogGroup': ['KmsKeyId'] },
    CW_LOGGROUP_RETENTION_PERIOD_CHECK: { 'AWS::Logs::LogGroup': ['RetentionInDays'] },
    SNS_ENCRYPTED_KMS: { 'AWS::SNS::Topic': ['KmsMasterKeyId'] },
    LAMBDA_INSIDE_VPC: { 'AWS::Lambda::Function': ['VpcConfig'], 'AWS::Serverless::Function': ['VpcConfig'] },
    LAMBDA_CONCURRENCY_CHECK: {
        'AWS::Lambda::Function': ['ReservedConcurrentExecutions'],
        'AWS::Serverless::Function': ['ReservedConcurrentExecutions']
    },
    LAMBDA_DLQ_CHECK: {
        'AWS::Lambda::Function': ['DeadLetterConfig'],
        'AWS::Serverless::Function': ['DeadLetterQueue']
    },
    EFS_ENCRYPTED_CHECK: { 'AWS::EFS::FileSystem': ['Encrypted'] },
    ELASTICSEARCH_ENCRYPTED_AT_REST: { 'AWS::Elasticsearch::Domain': ['EncryptionAtRestOptions'] },
    ELASTICSEARCH_IN_VPC_ONLY: { 'AWS::Elasticsearch::Domain': ['VPCOptions'] },
    ELASTICSEARCH_NODE_TO_NODE_ENCRYPTION_CHECK: { 'AWS::Elasticsearch::Domain': ['NodeToNodeEncryptionOptions'] },
    ELASTICSEARCH_LOGS_TO_CLOUDWATCH: { 'AWS::Elasticsearch::Domain': ['LogPublishingOptions'] },
    OPENSEARCH_ENCRYPTED_AT_REST: { 'AWS::OpenSearchService::Domain': ['EncryptionAtRestOptions'] },
    OPENSEARCH_IN_VPC_ONLY: { 'AWS::OpenSearchService::Domain': ['VPCOptions'] },
    OPENSEARCH_NODE_TO_NODE_ENCRYPTION_CHECK: { 'AWS::OpenSearchService::Domain': ['NodeToNodeEncryptionOptions'] },
    OPENSEARCH_LOGS_TO_CLOUDWATCH: { 'AWS::OpenSearchService::Domain': ['LogPublishingOptions'] },
    OPENSEARCH_HTTPS_REQUIRED: { 'AWS::OpenSearchService::Domain': ['DomainEndpointOptions'] },
    REDSHIFT_CLUSTER_PUBLIC_ACCESS_CHECK: { 'AWS::Redshift::Cluster': ['PubliclyAccessible'] },
    REDSHIFT_CLUSTER_KMS_ENABLED: { 'AWS::Redshift::Cluster': ['KmsKeyId'] },
    REDSHIFT_ENHANCED_VPC_ROUTING_ENABLED: { 'AWS::Redshift::Cluster': ['EnhancedVpcRouting'] },
    REDSHIFT_AUDIT_LOGGING_ENABLED: { 'AWS::Redshift::Cluster': ['LoggingProperties'] },
    CMK_BACKING_KEY_ROTATION_ENABLED: { 'AWS::KMS::Key': ['EnableKeyRotation'] },
    SECRETSMANAGER_USING_CMK: { 'AWS::SecretsManager::Secret': ['KmsKeyId'] },
    SAGEMAKER_NOTEBOOK_INSTANCE_KMS_KEY_CONFIGURED: { 'AWS::SageMaker::NotebookInstance': ['KmsKeyId'] },
    SAGEMAKER_NOTEBOOK_NO_DIRECT_INTERNET_ACCESS: { 'AWS::SageMaker::NotebookInstance': ['DirectInternetAccess'] },
    ELB_LOGGING_ENABLED: {
        'AWS::ElasticLoadBalancingV2::LoadBalancer': ['LoadBalancerAttributes'],
        'AWS::ElasticLoadBalancing::LoadBalancer': ['AccessLoggingPolicy']
    },
    ELB_DELETION_PROTECTION_ENABLED: { 'AWS::ElasticLoadBalancingV2::LoadBalancer': ['LoadBalancerAttributes'] },
    ELASTICACHE_REDIS_CLUSTER_AUTOMATIC_BACKUP_CHECK: {
        'AWS::ElastiCache::ReplicationGroup': ['SnapshotRetentionLimit'],
        'AWS::ElastiCache::CacheCluster': ['SnapshotRetentionLimit']
    },
    API_GW_CACHE_ENABLED_AND_ENCRYPTED: { 'AWS::ApiGateway::Stage': ['MethodSettings'] },
    API_GW_EXECUTION_LOGGING_ENABLED: { 'AWS::ApiGateway::Stage': ['MethodSettings'] },
    CODEBUILD_PROJECT_ENVVAR_AWSCRED_CHECK: { 'AWS::CodeBuild::Project': ['Environment'] },
    CODEBUILD_PROJECT_LOGGING_ENABLED: { 'AWS::CodeBuild::Project': ['LogsConfig'] },
    KINESIS_STREAM_ENCRYPTED: { 'AWS::Kinesis::Stream': ['StreamEncryption'] },
    EKS_CLUSTER_LOGGING_ENABLED: { 'AWS::EKS::Cluster': ['Logging'] },
    EKS_SECRETS_ENCRYPTED: { 'AWS::EKS::Cluster': ['EncryptionConfig'] }
};
/** The property path a rule checks on a template resource type, if known. */
function propertyPathFor(identifier, templateType) {
    if (identifier === undefined)
        return undefined;
    return RULE_PROPERTIES[identifier]?.[templateType];
}
/** Key of MapFindingsOptions.logicalIds: the Config resource type and id. */
function logicalIdKey(resourceType, resourceId) {
    return `${resourceType}|${resourceId}`;
}
/**
 * The template resource a finding is about: by the stack logical id tag when the caller has it, else by physical
 * name. Several matches (the same logical id in two templates) are narrowed by physical name; a match that
 * stays ambiguous is no match, so a finding never lands on a resource it may not be about.
 */
function findResource(finding, index, logicalIds) {
    const types = templateTypesFor(finding.resourceType);
    const byName = types.flatMap(t => index.byPhysicalName(t, finding.resourceId));
    const logicalId = logicalIds?.get(logicalIdKey(finding.resourceType, finding.resourceId));
    let candidates = logicalId === undefined ? [] : types.flatMap(t => index.byLogicalId(logicalId, t));
    if (candidates.length === 0)
        candidates = byName;
    else if (candidates.length > 1) {
        const narrowed = candidates.filter(c => byName.includes(c));
        if (narrowed.length > 0)
            candidates = narrowed;
    }
    return candidates.length === 1 ? candidates[0] : undefined;
}
/** Where one finding lands; undefined only when neither a template nor the fallback knows. */
function locateFinding(finding, index, opts) {
    const resource = findResource(finding, index, opts.logicalIds);
    if (resource !== undefined) {
        const path = propertyPathFor(opts.ruleIdentifiers.get(finding.ruleName), resource.type);
        const pos = path === undefined ? undefined : resource.propertyPosition(path);
        if (pos !== undefined)
            return { file: pos.file, line: pos.line, col: pos.col, kind: 'property' };
        return { file: resource.position.file, line: resource.position.line, col: resource.position.col, kind: 'resource' };
    }
    const rule = opts.fallback(finding.ruleName);
    return rule === undefined ? undefined : { file: rule.file, line: rule.line, col: rule.col, kind: 'rule' };
}
/** The fingerprint of a finding (computed when a hand-made finding has none). */
function fingerprintOf(f) {
    return f.fingerprint !== '' ? f.fingerprint : fingerprint(f.ruleName, f.resourceType, f.resourceId);
}
/** Every finding (waived ones included) -> where it lands, by fingerprint. Findings nothing locates are absent. */
function mapFindings(result, index, opts) {
    const out = new Map();
    const fallbacks = new Map();
    const cachedFallback = (ruleName) => {
        if (!fallbacks.has(ruleName))
            fallbacks.set(ruleName, opts.fallback(ruleName));
        return fallbacks.get(ruleName);
    };
    const withCache = { ...opts, fallback: cachedFallback };
    for (const rule of result.rules) {
        for (const f of rule.findings) {
            const loc = locateFinding(f, index, withCache);
            if (loc !== undefined)
                out.set(fingerprintOf(f), loc);
        }
    }
    return out;
}
/** Normalises a repository path for comparison: forward slashes, no leading './'. */
function normalizeRepoPath(p) {
    return p.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}
/** Severity of an annotation level, for changedFirst (higher is more severe). */
const LEVEL_SEVERITY = {
    error: 3,
    warning: 2,
    notice: 1
};
/**
 * Orders items by severity (most severe first), then those in a changed file (the pull request's files) before
 * the others; otherwise the input order is kept. Returns a new array.
 */
function changedFirst(items, changedFiles, key) {
    const changed = new Set([...changedFiles].map(normalizeRepoPath));
    const inChanged = (item) => {
        const file = key.file(item);
        return file !== undefined && changed.has(normalizeRepoPath(file)) ? 0 : 1;
    };
    return items
        .map((item, i) => ({ item, i, s: key.severity(item), c: inChanged(item) }))
        .sort((a, b) => b.s - a.s || a.c - b.c || a.i - b.i)
        .map(x => x.item);
}
const KIND_RANK = { property: 0, resource: 1, rule: 2 };
/**
 * A `locate` hook for the per-rule annotations: the best place among the rule's counted (not waived) findings,
 * preferring changed files, then property over resource over rule lines, then file order.
 */
function ruleLocator(result, locations, changedFiles = []) {
    const changed = new Set([...changedFiles].map(normalizeRepoPath));
    const best = new Map();
    const score = (l) => [
        changed.has(normalizeRepoPath(l.file)) ? 0 : 1,
        KIND_RANK[l.kind],
        l.file,
        l.line,
        l.col
    ];
    const better = (a, b) => {
        const x = score(a);
        const y = score(b);
        for (let i = 0; i < x.length; i++) {
            if (x[i] === y[i])
                continue;
            return x[i] < y[i];
        }
        return false;
    };
    for (const rule of result.rules) {
        for (const f of rule.findings) {
            if (f.waiver !== undefined)
                continue;
            const loc = locations.get(fingerprintOf(f));
            if (loc === undefined)
                continue;
            const current = best.get(rule.ruleName);
            if (current === undefined || better(loc, current))
                best.set(rule.ruleName, loc);
        }
    }
    return ruleName => {
        const loc = best.get(ruleName);
        return loc === undefined ? undefined : { file: loc.file, line: loc.line, col: loc.col };
    };
}

;// CONCATENATED MODULE: ./src/baseline/compare.ts

const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const byResource = (a, b) => cmp(a.ruleName, b.ruleName) || cmp(a.resourceType, b.resourceType) || cmp(a.resourceId, b.resourceId);
/**
 * Splits the current findings by the baseline: counted findings are new or existing; waived ones are neither.
 * A baseline finding absent now is fixed when its rule was checked now, unknown when the rule errored or is gone.
 */
function compareWithBaseline(result, baseline) {
    const current = new Set();
    const checked = new Set();
    const fresh = [];
    const existing = [];
    let waived = 0;
    for (const rule of result.rules) {
        if (rule.status !== 'error')
            checked.add(rule.ruleName);
        for (const f of rule.findings) {
            const fp = fingerprintOf(f);
            current.add(fp);
            if (f.waiver !== undefined)
                waived++;
            else if (baseline.findings.has(fp))
                existing.push(f);
            else
                fresh.push(f);
        }
    }
    const fixed = [];
    const unknown = [];
    for (const b of baseline.findings.values()) {
        if (current.has(b.fingerprint))
            continue;
        const entry = {
            ruleName: b.ruleName,
            resourceType: b.resourceType,
            resourceId: b.resourceId,
            fingerprint: b.fingerprint
        };
        (checked.has(b.ruleName) ? fixed : unknown).push(entry);
    }
    const warnings = [];
    if (baseline.accountId !== result.accountId) {
        warnings.push(`the baseline is from account ${baseline.accountId}, this run checked ${result.accountId}`);
    }
    if (baseline.region !== result.region) {
        warnings.push(`the baseline is from region ${baseline.region}, this run checked ${result.region}`);
    }
    return {
        new: fresh.sort(byResource),
        existing: existing.sort(byResource),
        fixed: fixed.sort(byResource),
        waived,
        unknown: unknown.sort(byResource),
        warnings,
        baseline: { file: baseline.file, generatedAt: baseline.generatedAt, sha: baseline.sha }
    };
}
/** Fingerprints the baseline already knew (existing and fixed findings): not new in this pull request. */
function knownFingerprints(comparison) {
    return new Set([...comparison.existing.map(f => f.fingerprint), ...comparison.fixed.map(f => f.fingerprint)]);
}

;// CONCATENATED MODULE: ./src/baseline/load.ts
/**
 * Reads a baseline: an earlier run's JSON report (compliance-report.json), validated against the report's schema.
 * parseBaseline is pure; loadBaseline is the thin file edge. Errors name the file, line and column.
 */





const MAX_SCHEMA_ERRORS = 20;
let schema;
function reportSchema() {
    schema ??= JSON.parse((0,external_node_fs_.readFileSync)(new URL(/* asset import */ __webpack_require__(1778), __webpack_require__.b), 'utf8'));
    return schema;
}
/** The report schemaVersion this version reads (the schema's `schemaVersion.const`). */
function readableSchemaVersion() {
    return reportSchema().properties.schemaVersion.const;
}
let validator;
function validateReport() {
    validator ??= new ajv.Ajv({ allErrors: true, strict: false }).compile(reportSchema());
    return validator;
}
/** Positions in the report text, computed only when something is wrong. */
class Positions {
    file;
    lines = new dist/* LineCounter */.HN();
    doc;
    constructor(file, text) {
        this.file = file;
        this.doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: this.lines, prettyErrors: false });
    }
    at(offset) {
        return this.lines.linePos(offset);
    }
    /** Position of the first syntax error, if any. */
    syntaxError() {
        const err = this.doc.errors[0];
        return err === undefined ? undefined : this.at(err.pos[0]);
    }
    /** Position of the deepest node on a JSON pointer path that exists. */
    of(pointer) {
        const path = pointer
            .split('/')
            .slice(1)
            .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'))
            .map(s => (/^\d+$/.test(s) ? Number(s) : s));
        for (let depth = path.length; depth > 0; depth--) {
            const node = this.doc.getIn(path.slice(0, depth), true);
            if (node?.range)
                return this.at(node.range[0]);
        }
        const root = this.doc.contents;
        return root?.range ? this.at(root.range[0]) : { line: 1, col: 1 };
    }
    error(pointer, detail) {
        const { line, col } = this.of(pointer);
        return new src_errors/* SourceError */.c8(this.file, line, col, detail);
    }
}
function lineAndColumn(text, offset) {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    return { line, col: offset - before.lastIndexOf('\n') };
}
function schemaMessage(e) {
    const where = e.instancePath === '' ? 'the report' : e.instancePath;
    if (e.keyword === 'additionalProperties') {
        return `${where}: unexpected property ${JSON.stringify(e.params.additionalProperty)}`;
    }
    return `${where}: ${e.message ?? 'is invalid'}`;
}
const NOT_A_REPORT = 'not a compliance-gate JSON report: expected the compliance-report.json an earlier run wrote (report-dir)';
/**
 * Reads a baseline from the text of a JSON report. Errors name the file, line and column: not JSON, not a
 * report, a schemaVersion this version does not read, or a report that does not match its schema.
 */
function parseBaseline(text, file) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (err) {
        // JSON.parse names the offset ("at position N"); the YAML reader's first error is the fallback.
        const offset = /at position (\d+)/.exec(err.message)?.[1];
        const pos = offset !== undefined
            ? lineAndColumn(text, Number(offset))
            : (new Positions(file, text).syntaxError() ?? { line: 1, col: 1 });
        throw new src_errors/* SourceError */.c8(file, pos.line, pos.col, `${NOT_A_REPORT}; it is not valid JSON (${err.message})`);
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data) || !('schemaVersion' in data)) {
        throw new src_errors/* SourceError */.c8(file, 1, 1, `${NOT_A_REPORT}; it has no schemaVersion`);
    }
    const version = data.schemaVersion;
    const readable = readableSchemaVersion();
    if (version !== readable) {
        throw new Positions(file, text).error('/schemaVersion', `schemaVersion ${JSON.stringify(version)} is not supported: this version of compliance-gate reads report schemaVersion ${readable}`);
    }
    const validate = validateReport();
    if (!validate(data)) {
        const positions = new Positions(file, text);
        const all = validate.errors ?? [];
        const errors = all.slice(0, MAX_SCHEMA_ERRORS).map(e => positions.error(e.instancePath, schemaMessage(e)));
        if (all.length > MAX_SCHEMA_ERRORS) {
            errors.push(new src_errors/* SourceError */.c8(file, 1, 1, `${all.length - MAX_SCHEMA_ERRORS} more problems not listed`));
        }
        throw new src_errors/* SourceErrors */.VH(errors);
    }
    const report = data;
    const rules = new Map();
    const findings = new Map();
    for (const rule of report.rules) {
        rules.set(rule.name, rule.status);
        for (const f of rule.findings) {
            findings.set(f.fingerprint, {
                ruleName: rule.name,
                resourceType: f.resourceType,
                resourceId: f.resourceId,
                fingerprint: f.fingerprint,
                waived: f.waived
            });
        }
    }
    return {
        file,
        generatedAt: report.generatedAt,
        accountId: report.run.accountId,
        region: report.run.region,
        sha: report.run.sha,
        rules,
        findings
    };
}
/** Reads a baseline report file. A file that cannot be read is an InputError naming `input` (default `baseline`). */
async function loadBaseline(file, opts = {}) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (err) {
        const input = opts.input ?? 'baseline';
        const code = err.code;
        const why = code === 'ENOENT' ? 'the file does not exist' : err.message;
        throw new src_errors/* InputError */.dz(input, `${input}: cannot read the baseline report ${file}: ${why}`);
    }
    return parseBaseline(text, file);
}

;// CONCATENATED MODULE: ./src/github/changed-files.ts

/** GitHub lists at most this many files of a pull request. */
const MAX_PULL_REQUEST_FILES = 3000;
/** Lists a pull request's changed files (with the previous names of renamed files). */
async function listChangedFiles(octokit, query, logger) {
    const { owner, repo, prNumber } = query;
    if (prNumber === undefined) {
        return { files: new Set(), complete: false, reason: 'not a pull request: there are no changed files to list' };
    }
    const path = `/repos/${owner}/${repo}/pulls/${prNumber}/files`;
    const files = new Set();
    let listed = 0;
    try {
        const entries = await octokit.paginate(octokit.rest.pulls.listFiles, {
            owner,
            repo,
            pull_number: prNumber,
            per_page: 100
        });
        for (const f of entries) {
            listed++;
            if (f.filename)
                files.add(f.filename);
            if (f.previous_filename)
                files.add(f.previous_filename);
        }
    }
    catch (err) {
        throw toGitHubApiError('GET', path, err);
    }
    logger?.debug(`${path}: ${listed} files listed (${files.size} paths with previous names of renames).`);
    if (listed >= MAX_PULL_REQUEST_FILES) {
        const reason = `GitHub lists at most ${MAX_PULL_REQUEST_FILES.toLocaleString('en-US')} files of a pull request, and ` +
            `pull request #${prNumber} reached that: files beyond them are not in the list.`;
        logger?.warn(reason);
        return { files, complete: false, reason };
    }
    return { files, complete: true };
}

// EXTERNAL MODULE: ./node_modules/@actions/glob/lib/glob.js + 17 modules
var glob = __webpack_require__(3324);
;// CONCATENATED MODULE: ./src/cfn/parse.ts
/**
 * Reads one CloudFormation template (YAML with short-form tags, or JSON) into its resources, each with the
 * position of its logical id and a way to find the position of any property. Uses the project's
 * CloudFormation-aware reader (conformance/source-tree.ts), so `!Ref x` arrives as `{ Ref: x }`.
 */





/** The file parses, but it is not a CloudFormation template (no Resources section, not a map, empty). */
class NotATemplateError extends Error {
    file;
    reason;
    name = 'NotATemplateError';
    constructor(file, reason) {
        super(`${file}: not a CloudFormation template: ${reason}`);
        this.file = file;
        this.reason = reason;
    }
}
/** CloudFormation logical ids are alphanumeric. */
const LOGICAL_ID = /^[A-Za-z0-9]+$/;
/** AWS::Service::Resource, Custom::Name, Vendor::Service::Resource::MODULE, AWS::Serverless::Function, ... */
const RESOURCE_TYPE = /^[A-Za-z0-9]+(?:::[A-Za-z0-9_@-]+){1,3}$/;
const EMPTY_DOCUMENT = 'the document is empty';
/** Plain data of a node: maps become objects, lists arrays; intrinsic functions stay as their long-form maps. */
function toPlain(node) {
    if (node.kind === 'scalar')
        return node.value;
    if (node.kind === 'seq')
        return node.items.map(toPlain);
    return Object.fromEntries(node.entries.map(e => [e.key, toPlain(e.value)]));
}
/**
 * The literal string a node holds: a scalar, or `!Sub` of a string without `${...}` variables
 * (`${!Literal}` stands for `${Literal}`). Undefined for anything computed (Ref, Join, Sub with variables...).
 */
function literalString(node) {
    if (node.kind === 'scalar') {
        if (node.value === null || typeof node.value === 'boolean')
            return undefined;
        return typeof node.value === 'number' ? node.text : node.value;
    }
    if (node.kind === 'map' && node.entries.length === 1) {
        const only = node.entries[0];
        if (only?.key === 'Fn::Sub' && only.value.kind === 'scalar' && typeof only.value.value === 'string') {
            const text = only.value.value;
            if (/\$\{(?!!)/.test(text))
                return undefined;
            return text.replace(/\$\{!/g, '${');
        }
    }
    return undefined;
}
function propertyLocator(properties, propertiesKey) {
    return path => {
        if (path.length === 0)
            return propertiesKey;
        let node = properties;
        let pos;
        for (const segment of path) {
            if (node === undefined)
                return undefined;
            if (node.kind === 'map') {
                const e = entry(node, segment);
                if (e === undefined)
                    return undefined;
                pos = e.keyPos;
                node = e.value;
            }
            else if (node.kind === 'seq' && /^\d+$/.test(segment)) {
                const item = node.items[Number(segment)];
                if (item === undefined)
                    return undefined;
                pos = item.pos;
                node = item;
            }
            else {
                return undefined;
            }
        }
        return pos;
    };
}
/** CloudFormation's reader messages are written for conformance packs; say "template" here. */
function reword(err) {
    const detail = err.detail.replace('a conformance pack template', 'a CloudFormation template');
    return detail === err.detail ? err : new src_errors/* SourceError */.c8(err.file, err.line, err.col, detail);
}
function parse_fail(sink) {
    const reworded = new ErrorSink();
    reworded.addErrors(sink.errors.map(reword));
    return reworded.throwAll();
}
function readResource(file, logicalId, keyPos, value, sink) {
    if (!LOGICAL_ID.test(logicalId)) {
        sink.add(keyPos, `logical id ${JSON.stringify(logicalId)} must be alphanumeric (A-Z, a-z, 0-9)`);
    }
    if (value.kind !== 'map') {
        sink.add(value.pos, `resource ${logicalId} must be a map with Type and Properties, found ${describe(value)}`);
        return undefined;
    }
    const typeEntry = entry(value, 'Type');
    let type;
    if (typeEntry === undefined) {
        sink.add(keyPos, `resource ${logicalId} has no Type`);
    }
    else if (typeEntry.value.kind !== 'scalar' || typeof typeEntry.value.value !== 'string') {
        sink.add(typeEntry.value.pos, `Type of ${logicalId} must be a string, found ${describe(typeEntry.value)}`);
    }
    else if (!RESOURCE_TYPE.test(typeEntry.value.value)) {
        sink.add(typeEntry.value.pos, `Type of ${logicalId} is ${JSON.stringify(typeEntry.value.value)}: expected a resource type such as AWS::S3::Bucket`);
    }
    else {
        type = typeEntry.value.value;
    }
    const propsEntry = entry(value, 'Properties');
    let properties;
    if (propsEntry !== undefined) {
        const v = propsEntry.value;
        if (v.kind === 'map')
            properties = v;
        else if (!(v.kind === 'scalar' && v.value === null)) {
            sink.add(v.pos, `Properties of ${logicalId} must be a map, found ${describe(v)}`);
        }
    }
    if (type === undefined)
        return undefined;
    const resource = {
        file,
        logicalId,
        type,
        properties: properties === undefined ? {} : toPlain(properties),
        position: keyPos,
        propertyPosition: propertyLocator(properties, propsEntry?.keyPos)
    };
    const nameProperty = PHYSICAL_NAME_PROPERTIES[type];
    if (nameProperty !== undefined && properties?.kind === 'map') {
        const nameEntry = entry(properties, nameProperty);
        const name = nameEntry === undefined ? undefined : literalString(nameEntry.value);
        if (name !== undefined && name !== '')
            resource.physicalName = name;
    }
    return resource;
}
/**
 * Parses a CloudFormation template. Malformed templates throw SourceErrors naming every problem (file:line:col);
 * a file that is not a CloudFormation template at all (empty, not a map, no Resources) throws NotATemplateError.
 */
function parseTemplate(text, file) {
    const sink = new ErrorSink();
    const tree = readSourceTree(text, file, sink);
    if (tree === undefined) {
        if (sink.errors.every(e => e.detail === EMPTY_DOCUMENT))
            throw new NotATemplateError(file, 'the file is empty');
        parse_fail(sink);
    }
    if (tree.kind !== 'map')
        throw new NotATemplateError(file, `its top level is ${describe(tree)}, not a map`);
    const resourcesEntry = entry(tree, 'Resources');
    if (resourcesEntry === undefined)
        throw new NotATemplateError(file, 'it has no Resources section');
    const resources = [];
    const section = resourcesEntry.value;
    if (section.kind !== 'map') {
        sink.add(section.kind === 'scalar' && section.value === null ? resourcesEntry.keyPos : section.pos, `Resources must be a map of logical ids to resources, found ${describe(section)}`);
    }
    else if (section.entries.length === 0) {
        sink.add(resourcesEntry.keyPos, 'Resources is empty: a template declares at least one resource');
    }
    else {
        for (const e of section.entries) {
            const r = readResource(file, e.key, e.keyPos, e.value, sink);
            if (r !== undefined)
                resources.push(r);
        }
    }
    if (sink.count > 0)
        parse_fail(sink);
    return { file, resources };
}

;// CONCATENATED MODULE: ./src/cfn/resource-index.ts
/** Lookups over parsed templates: by (type, physical name) and by logical id. Pure. */

const resource_index_key = (a, b) => `${a}\u0000${b}`;
function push(map, k, v) {
    const list = map.get(k);
    if (list === undefined)
        map.set(k, [v]);
    else
        list.push(v);
}
/** Builds the index; templates keep their order, so every lookup lists resources in file order. */
function buildTemplateIndex(templates, skipped = []) {
    const byName = new Map();
    const byId = new Map();
    for (const t of templates) {
        for (const r of t.resources) {
            push(byId, r.logicalId, r);
            if (r.physicalName !== undefined)
                push(byName, resource_index_key(r.type, r.physicalName), r);
        }
    }
    return {
        templates: [...templates],
        skipped: [...skipped],
        byPhysicalName(type, name) {
            for (const candidate of nameCandidates(name)) {
                const found = byName.get(resource_index_key(type, candidate));
                if (found !== undefined)
                    return [...found];
            }
            return [];
        },
        byLogicalId(logicalId, type) {
            const found = byId.get(logicalId) ?? [];
            return type === undefined ? [...found] : found.filter(r => r.type === type);
        }
    };
}

;// CONCATENATED MODULE: ./src/cfn/load.ts
/**
 * Thin edge: expands the template globs (multi-line, `!` to exclude, `#` comments, as @actions/glob reads them)
 * from the repository root, reads every match and parses it. Problems in all files are reported at once.
 */








/** Files read as templates; anything else a glob matches is skipped with a reason. */
const TEMPLATE_EXTENSIONS = ['.yaml', '.yml', '.json', '.template'];
const IS_WINDOWS = process.platform === 'win32';
/** Escapes glob characters in a literal path, as @actions/glob does for its own roots. */
function globEscape(s) {
    return (IS_WINDOWS ? s : s.replace(/\\/g, '\\\\'))
        .replace(/(\[)(?=[^/]+\])/g, '[[]')
        .replace(/\?/g, '[?]')
        .replace(/\*/g, '[*]');
}
/**
 * Roots every pattern at `root` (the repository) instead of the process's working directory. Lines are trimmed;
 * empty lines and `#` comments are dropped; `..` segments are refused (a pattern must stay in the repository).
 */
function rootPatterns(globs, root, input = 'templates') {
    const out = [];
    for (const line of globs.flatMap(g => g.split(/\r?\n/)).map(l => l.trim())) {
        if (line === '' || line.startsWith('#'))
            continue;
        const negation = /^!*/.exec(line)?.[0] ?? '';
        let rest = line.slice(negation.length).replace(/^(\.\/)+/, '');
        if (rest === '.')
            rest = '';
        if (rest.split(/[\\/]/).includes('..')) {
            throw new src_errors/* InputError */.dz(input, `${input}: the pattern ${JSON.stringify(line)} leaves the repository ('..')`);
        }
        if (rest !== '' && (external_node_path_default().isAbsolute(rest) || rest.startsWith('~')))
            out.push(`${negation}${rest}`);
        else
            out.push(`${negation}${globEscape(root)}${rest === '' ? '' : `${(external_node_path_default()).sep}${rest}`}`);
    }
    return out;
}
/** A path relative to root with forward slashes; undefined when it is outside root. */
function repoRelative(root, file) {
    const rel = external_node_path_default().relative(root, file);
    if (rel === '' || rel.startsWith('..') || external_node_path_default().isAbsolute(rel))
        return undefined;
    return rel.split((external_node_path_default()).sep).join('/');
}
/**
 * Expands `globs` from `cwd` (the repository root), parses every template and indexes the resources. Paths in the
 * result are relative to `cwd`, with forward slashes. Throws SourceErrors listing the problems of all malformed
 * templates; files that are not CloudFormation templates are listed in `skipped`.
 */
async function loadTemplates(globs, cwd, opts = {}) {
    const input = opts.input ?? 'templates';
    const root = external_node_path_default().resolve(cwd);
    const patterns = rootPatterns(globs, root, input);
    if (patterns.length === 0)
        return buildTemplateIndex([]);
    const globber = await glob/* create */.v(patterns.join('\n'), {
        matchDirectories: false,
        implicitDescendants: true,
        followSymbolicLinks: true
    });
    const matched = await globber.glob();
    const files = [];
    for (const abs of matched) {
        const rel = repoRelative(root, abs);
        if (rel === undefined) {
            throw new src_errors/* InputError */.dz(input, `${input}: ${abs} is outside the repository (${root}); templates must be in it`);
        }
        // A symbolic link inside the repository that points out of it is outside too.
        const outside = (0,paths/* outsideWorkspace */.tq)(abs, root);
        if (outside !== undefined)
            throw new src_errors/* InputError */.dz(input, `${input}: ${outside}`);
        files.push(rel);
    }
    files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const templates = [];
    const skipped = [];
    const errors = new ErrorSink();
    for (const file of [...new Set(files)]) {
        const ext = external_node_path_default().extname(file).toLowerCase();
        if (!TEMPLATE_EXTENSIONS.includes(ext)) {
            skipped.push({ file, reason: `not a template file (expected ${TEMPLATE_EXTENSIONS.join(', ')})` });
            continue;
        }
        let text;
        try {
            text = await (0,promises_.readFile)(external_node_path_default().join(root, file), 'utf8');
        }
        catch (err) {
            errors.add({ file, line: 1, col: 1 }, `cannot read the file: ${err.message}`);
            continue;
        }
        try {
            templates.push(parseTemplate(text, file));
        }
        catch (err) {
            if (err instanceof NotATemplateError)
                skipped.push({ file, reason: err.reason });
            else if (err instanceof src_errors/* SourceErrors */.VH)
                errors.addErrors(err.errors);
            else
                throw err;
        }
    }
    errors.throwInOrderIfAny();
    return buildTemplateIndex(templates, skipped);
}

;// CONCATENATED MODULE: ./src/locate/logical-ids.ts
/**
 * The `aws:cloudformation:logical-id` tags of the resources behind findings that no template names by physical name
 * (CloudFormation-generated names, volumes, RDS instances): one AWS Config advanced query per resource type
 * (`SelectResourceConfig`), split so each expression stays within AWS's 4,096 characters, paged.
 */




const LOGICAL_ID_TAG = 'aws:cloudformation:logical-id';
const MAX_EXPRESSION = 4096;
const logical_ids_quote = (s) => `'${s.replace(/'/g, "''")}'`;
/** Pure: the queries to send, per resource type, for findings no physical name matches. */
function logicalIdQueries(result, index) {
    if (index.templates.length === 0)
        return [];
    const idsByType = new Map();
    for (const rule of result.rules) {
        for (const f of rule.findings) {
            const types = templateTypesFor(f.resourceType);
            const named = types.some(t => nameCandidates(f.resourceId).some(n => index.byPhysicalName(t, n).length > 0));
            const declared = index.templates.some(tpl => tpl.resources.some(r => types.includes(r.type)));
            if (named || !declared)
                continue;
            let ids = idsByType.get(f.resourceType);
            if (!ids)
                idsByType.set(f.resourceType, (ids = new Set()));
            ids.add(f.resourceId);
        }
    }
    const queries = [];
    for (const [type, ids] of idsByType) {
        const head = `SELECT resourceId, resourceType, tags WHERE resourceType = ${logical_ids_quote(type)} AND resourceId IN (`;
        let batch = [];
        const flush = () => {
            if (batch.length > 0)
                queries.push(`${head}${batch.join(', ')})`);
            batch = [];
        };
        for (const id of ids) {
            const q = logical_ids_quote(id);
            if (head.length + [...batch, q].join(', ').length + 1 > MAX_EXPRESSION)
                flush();
            batch.push(q);
        }
        flush();
    }
    return queries;
}
/** A result row: AWS Config returns each as a JSON string (SelectResourceConfig, Results). */
function parseRow(line, requestId) {
    try {
        return JSON.parse(line);
    }
    catch (err) {
        throw new src_errors/* AwsCallError */.iQ('config:SelectResourceConfig', 'SyntaxError', requestId, err.message);
    }
}
/** Sends the queries; returns logical ids keyed by logicalIdKey(type, id). */
async function readLogicalIds(config, queries) {
    const out = new Map();
    for (const Expression of queries) {
        for await (const page of (0,dist_cjs.paginateSelectResourceConfig)({ client: config, pageSize: 100 }, { Expression })) {
            for (const line of page.Results ?? []) {
                const row = parseRow(line, page.$metadata.requestId);
                const tag = row.tags?.find(t => t.key === LOGICAL_ID_TAG);
                if (row.resourceId && row.resourceType && tag?.value)
                    out.set(logicalIdKey(row.resourceType, row.resourceId), tag.value);
            }
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/locate/phase.ts










/** A path as GitHub wants it in annotations and SARIF: relative to the repository root, forward slashes. */
function repoPath(file, workspace) {
    return normalizeRepoPath((0,external_node_path_.isAbsolute)(file) ? (0,external_node_path_.relative)(workspace, file) : file);
}
async function prepareReview(result, desired, options, logger, config) {
    let context;
    try {
        context = readGitHubContext(options.env);
    }
    catch (err) {
        logger.warn(`Pull request context unavailable: ${err.message}`);
    }
    const index = options.templates.length > 0 ? await loadTemplates(options.templates, options.workspace) : buildTemplateIndex([]);
    for (const s of index.skipped)
        logger.info(`Not a CloudFormation template, skipped: ${s.file} (${s.reason})`);
    if (options.templates.length > 0) {
        logger.info(`${index.templates.length} CloudFormation template(s) read for finding locations.`);
    }
    const changedFiles = new Set();
    let changedFilesUnknown;
    if (context?.prNumber !== undefined && !options.githubToken) {
        changedFilesUnknown = 'no github-token to list them';
    }
    else if (context?.prNumber !== undefined) {
        try {
            const octokit = createGitHubClient({ token: options.githubToken, env: options.env, logger });
            const changed = await listChangedFiles(octokit, { owner: context.owner, repo: context.repo, prNumber: context.prNumber }, logger);
            for (const f of changed.files)
                changedFiles.add(normalizeRepoPath(f));
            if (!changed.complete)
                changedFilesUnknown = changed.reason ?? 'the list is incomplete';
        }
        catch (err) {
            changedFilesUnknown = err.message;
            logger.warn(`Could not list the pull request's files, so findings are not ordered by them: ${err.message}`);
        }
    }
    const queries = logicalIdQueries(result, index);
    const logicalIds = queries.length > 0 && config ? await readLogicalIds(await config(), queries) : new Map();
    if (queries.length > 0)
        logger.info(`Read ${logicalIds.size} CloudFormation logical id tag(s) in ${queries.length} query(ies).`);
    const declared = new Map((desired?.rules ?? []).map(r => [r.name, r]));
    const locations = mapFindings(result, index, {
        logicalIds,
        ruleIdentifiers: new Map([...declared.values()].map(r => [r.name, r.identifier])),
        fallback: name => {
            const p = declared.get(name)?.position;
            return p ? { ...p, file: repoPath(p.file, options.workspace) } : undefined;
        }
    });
    const byFindings = ruleLocator(result, locations, changedFiles);
    const locateRule = (name) => {
        const found = byFindings(name);
        if (found)
            return found;
        const p = declared.get(name)?.position;
        return p ? { file: repoPath(p.file, options.workspace), line: p.line, col: p.col } : undefined;
    };
    let comparison;
    if (options.baseline) {
        const baseline = await loadBaseline(options.baseline, { input: 'baseline' });
        comparison = compareWithBaseline(result, baseline);
        for (const w of comparison.warnings)
            logger.warn(w);
        logger.info(`Baseline ${options.baseline}: ${comparison.new.length} new, ${comparison.existing.length} existing, ${comparison.fixed.length} fixed.`);
    }
    const review = { index, changedFiles, locations, locateRule };
    if (changedFilesUnknown !== undefined)
        review.changedFilesUnknown = changedFilesUnknown;
    if (context)
        review.context = context;
    if (comparison)
        review.comparison = comparison;
    return review;
}

// EXTERNAL MODULE: ./src/util/cancellation.ts
var cancellation = __webpack_require__(6601);
;// CONCATENATED MODULE: ./src/util/text.ts
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

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sns/dist-cjs/index.js
var client_sns_dist_cjs = __webpack_require__(8797);
;// CONCATENATED MODULE: ./src/remediation/mask.ts
/**
 * Secrets never shown. Parameters are masked before they reach the plan, the audit log, the summary or an alert: a
 * value is replaced by MASK when its parameter name looks secret (/secret|password|passwd|passphrase|token|credential|private|key/i, except
 * the names in SAFE_PARAMETER_NAMES, which hold identifiers such as a KMS key id) or when the value itself looks like
 * an AWS credential (an access key id, a 40-character secret access key, a long session token). The plan hash
 * covers the masked form (plan.ts), i.e. exactly what a reviewer sees and approves. Messages from AWS are masked and
 * capped before they reach results, logs and the audit log (shortMessage).
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
/** Messages from AWS are kept to this many characters (a validation error can list hundreds of values). */
const MAX_MESSAGE = 600;
/** A message from AWS as kept in results, logs and the audit log: credential-shaped text masked, length capped. */
function shortMessage(message) {
    return truncate(maskText(message), MAX_MESSAGE);
}

;// CONCATENATED MODULE: ./src/remediation/plan.ts
/**
 * The plan a human approves: the targets (rule, resource, runbook version and hash, masked parameters, route) in a
 * stable order, and the hash over them. Pure: candidates and what was read from AWS in, a deterministic plan out.
 *
 * The plan is hashed in a canonical form (object keys sorted, no whitespace), so the same targets always give the
 * same hash, whatever order they were built in. Parameters are masked (mask.ts) before they reach the plan: the hash
 * covers the masked form, i.e. exactly what a reviewer sees and approves.
 */


const plan_PLAN_SCHEMA_VERSION = 1;
/**
 * Resource types Config evaluates but StartRemediationExecution does not take (they are not in its ResourceType
 * enum): the account itself, for account-level rules such as ec2-ebs-encryption-by-default.
 */
const CONFIG_UNREMEDIABLE_TYPES = new Set(['AWS::::Account']);
const plan_cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
/** Stable order of targets: rule, resource type, resource id. */
function compareTargets(a, b) {
    return plan_cmp(a.rule, b.rule) || plan_cmp(a.resourceType, b.resourceType) || plan_cmp(a.resourceId, b.resourceId);
}
/** Identifies a target across plans: rule, resource type and id. */
function targetKey(t) {
    return `${t.rule}\u0000${t.resourceType}\u0000${t.resourceId}`;
}
/** `rule resourceType/resourceId`, for messages. */
function describeTarget(t) {
    return `${t.rule} ${t.resourceType}/${t.resourceId}`;
}
/** At most `max` items, comma-separated, then how many more (for messages). */
function listed(items, max = 20) {
    const shown = items.slice(0, max).join(', ');
    return items.length > max ? `${shown}, ... (${items.length - max} more)` : shown;
}
/** The parameters a runbook gets for a resource: static values as given, RESOURCE_ID parameters the resource id. */
function finalParameters(parameters, resourceId) {
    const out = {};
    for (const name of Object.keys(parameters).sort(plan_cmp)) {
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
function plan_buildPlan(input) {
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
        schemaVersion: plan_PLAN_SCHEMA_VERSION,
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

;// CONCATENATED MODULE: ./src/remediation/alert.ts
/**
 * One concise SNS message per run: what is non-compliant (with counts), what was remediated (with outcomes) and the
 * run's URL. Sent when `alert` is `always`, or `on-change` and something changed: a remediation ran, or a
 * non-compliant finding is new (its fingerprint is not among those known before this run). Never with `never` or
 * without a topic. The decision and the message are pure; publishing (and its audit record) is the edge.
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
const ORDER = ['failed', 'timed-out', 'cancelled', 'succeeded-unverified', 'verified', 'skipped'];
function plainSubject(s) {
    return truncate(s.replace(/[^\x20-\x7e]/g, '?'), MAX_SUBJECT);
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
            const why = o.message ? `: ${truncate(o.message, 200)}` : '';
            lines.push(`- ${describeTarget(o.target)}: ${o.status}${detail}${why}`);
        }
        if (outcomes.length > listed.length)
            lines.push(`- ... and ${outcomes.length - listed.length} more`);
    }
    else if (input.mode === 'plan' && (input.planned ?? 0) > 0) {
        lines.push('', `Remediation plan (dry run): ${input.planned ?? 0} target(s), nothing changed.`);
    }
    if (input.problem !== undefined)
        lines.push('', `Stopped: ${truncate(input.problem, 500)}`);
    const url = (0,run_context/* runUrlOf */.Qm)(run);
    if (url !== undefined)
        lines.push('', `Run: ${url}`);
    const verdict = input.mode === 'apply' && ran > 0
        ? `${ran} remediation(s) ran, ${(counts.get('failed') ?? 0) + (counts.get('timed-out') ?? 0)} failed`
        : `${total} non-compliant`;
    const subject = plainSubject(`compliance-gate ${run.repository || result.accountId}: ${verdict}`);
    return { subject, message: maskText(lines.map(l => toSingleLine(l)).join('\n')) };
}
/** Publishes the alert; returns the message id, or the error naming sns:Publish. */
async function publishAlert(sns, topic, alert) {
    try {
        const out = await sns.send(new client_sns_dist_cjs.PublishCommand({ TopicArn: topic, Subject: alert.subject, Message: alert.message }));
        return out.MessageId !== undefined ? { messageId: out.MessageId } : {};
    }
    catch (err) {
        return { error: (0,aws_clients/* awsCallErrorOf */.vt)(err) };
    }
}
/**
 * Decides, builds and publishes the run's alert, with its audit record. A failed publish is recorded
 * (alert-failed) and thrown (AwsCallError).
 */
async function sendAlert(sns, a, io) {
    const started = a.outcomes.filter(o => o.startedAt !== undefined && o.status !== 'skipped').length;
    const decision = decideAlert({
        policy: a.policy,
        topic: a.topic,
        result: a.result,
        executionsStarted: a.mode === 'apply' ? started : 0,
        ...(a.knownFingerprints ? { knownFingerprints: a.knownFingerprints } : {})
    });
    if (!decision.send || a.topic === undefined) {
        io.logger.info(`Remediation alert not sent: ${decision.reason}.`);
        return { sent: false, reason: decision.reason };
    }
    const message = buildAlertMessage({
        result: a.result,
        outcomes: a.outcomes,
        run: a.run,
        mode: a.mode,
        planned: a.planned,
        ...(a.problem !== undefined ? { problem: a.problem } : {})
    });
    const published = await publishAlert(await sns(), a.topic, message);
    if (published.error) {
        await io.audit.record({
            event: 'alert-failed',
            status: 'error',
            reason: published.error.message,
            details: { topic: a.topic, why: decision.reason }
        });
        throw published.error;
    }
    io.logger.info(`Remediation alert published to ${a.topic} (${decision.reason}).`);
    await io.audit.record({
        event: 'alert-published',
        status: 'published',
        details: { topic: a.topic, messageId: published.messageId, why: decision.reason, subject: message.subject }
    });
    return { sent: true, reason: decision.reason, ...(published.messageId ? { messageId: published.messageId } : {}) };
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
 * (already masked, see mask.ts), execution id, status, compliance before and after, verification.
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

;// CONCATENATED MODULE: ./src/remediation/cancel.ts

function cancelledItem(o) {
    const t = o.target;
    return {
        rule: t.rule,
        resourceType: t.resourceType,
        resourceId: t.resourceId,
        ...(o.executionId ? { executionId: o.executionId } : {}),
        status: o.status,
        route: t.route
    };
}
function listOf(items) {
    const shown = items
        .slice(0, 10)
        .map(i => `${describeTarget(i)}${i.executionId ? ` (${i.executionId})` : ''}`)
        .join(', ');
    return items.length > 10 ? `${shown}, ... (${items.length - 10} more)` : shown;
}
/** The description of a cancellation, and its audit record. */
function describeCancellation(reason, outcomes, executions) {
    const targets = (rs) => new Set(rs.map(r => r.target));
    const stoppedSet = targets(executions?.stopped ?? []);
    const stopFailedSet = targets(executions?.stopFailed ?? []);
    const stillSet = targets(executions?.stillRunning ?? []);
    const stopped = outcomes.filter(o => stoppedSet.has(o.target)).map(cancelledItem);
    const stopFailed = outcomes.filter(o => stopFailedSet.has(o.target)).map(cancelledItem);
    const stillRunning = outcomes.filter(o => stillSet.has(o.target)).map(cancelledItem);
    const finished = outcomes
        .filter(o => o.status !== 'skipped' && o.status !== 'cancelled' && o.startedAt !== undefined)
        .map(cancelledItem);
    const notStarted = outcomes.filter(o => o.status === 'skipped').map(cancelledItem);
    const parts = [
        `stopped ${stopped.length} SSM execution${stopped.length === 1 ? '' : 's'}${stopped.length > 0 ? `: ${listOf(stopped)}` : ''}`,
        `${finished.length} had finished${finished.length > 0 ? `: ${listOf(finished)}` : ''}`,
        `${notStarted.length} not started`
    ];
    if (stopFailed.length > 0)
        parts.push(`could not stop (may still be running): ${listOf(stopFailed)}`);
    if (stillRunning.length > 0) {
        parts.push(`AWS Config has no API to stop a remediation execution, so these may still be running: ${listOf(stillRunning)}`);
    }
    const message = `cancelled (${reason}): ${parts.join('; ')}.`;
    return {
        reason,
        message,
        record: {
            event: 'cancelled',
            status: 'cancelled',
            reason: message,
            details: { signal: reason, stopped, stopFailed, stillRunning, finished, notStarted }
        }
    };
}

;// CONCATENATED MODULE: ./src/remediation/oversight.ts





/** More targets than `max` refuses the whole run (nothing is done), listing the targets. */
function checkLimit(targets, max) {
    if (targets.length <= max)
        return;
    throw new src_errors/* PolicyError */.pn(`Remediation refused: ${targets.length} targets exceed max-remediations (${max}); nothing was run. ` +
        `Narrow the run with remediate-rules / remediate-resources or raise max-remediations. Targets: ${listed(targets.map(describeTarget))}.`);
}
/**
 * apply runs only on the events named in remediate-on, and never for a fork's pull request (see run-context.ts).
 * plan (a dry run) runs on any event.
 */
function checkContext(mode, remediateOn, ctx) {
    if (mode !== 'apply')
        return;
    const why = (0,run_context/* applyRefusal */.tg)(ctx, remediateOn);
    if (why === undefined)
        return;
    throw new src_errors/* PolicyError */.pn(`Remediation refused: ${why}. Code that is not yet reviewed and merged must not change the account: run ` +
        'remediation from workflow_dispatch or schedule on a protected branch or environment.');
}
/** Targets in apply mode that cannot run because their runbook is not deployed. */
function checkRunbooksDeployed(targets) {
    const missing = [...new Set(targets.filter(t => t.runbook.hash === '').map(t => t.runbook.name))];
    if (missing.length === 0)
        return;
    throw new src_errors/* PolicyError */.pn(`Remediation refused: runbook${missing.length === 1 ? '' : 's'} ${listed(missing)} ${missing.length === 1 ? 'is' : 'are'} not deployed in the account (deploy them first).`);
}
/** True once failures reach errorPercent of the executions started (and there is at least one failure). */
function thresholdReached(failures, started, errorPercent) {
    return failures > 0 && started > 0 && failures * 100 >= errorPercent * started;
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
/**
 * The approval check of apply mode. No approved-plan-hash: the whole current plan. The current plan's hash: the
 * whole plan. Another hash: the approved plan file must have that hash and be for this account and region; then the
 * approved targets that are unchanged and still non-compliant run, the others are skipped. Otherwise refused.
 */
function approve(input) {
    const { plan, approvedFile } = input;
    const wanted = input.approvedPlanHash;
    if (wanted === undefined || wanted === '')
        return { run: [...input.planned], skipped: [], records: [] };
    if (wanted === plan.hash) {
        return {
            run: [...input.planned],
            skipped: [],
            message: `Approved plan ${wanted}: the current plan is the approved one.`,
            records: [{ event: 'approval-checked', status: 'approved', details: { approvedPlanHash: wanted } }]
        };
    }
    const approved = approvedFile.plan;
    if (approved?.hash !== wanted) {
        const why = input.approvedPlanFile === undefined || input.approvedPlanFile === ''
            ? 'no approved plan file was given'
            : (approvedFile.problem ?? `the approved plan file's hash is ${approved?.hash ?? '?'}`);
        throw new src_errors/* PolicyError */.pn(`Remediation refused: the plan changed since approval (approved ${wanted}, current ${plan.hash}) and ${why}. Plan and approve again.`);
    }
    if (approved.accountId !== input.accountId || approved.region !== input.region) {
        throw new src_errors/* PolicyError */.pn(`Remediation refused: the approved plan is for account ${approved.accountId} in ${approved.region}, not ${input.accountId} in ${input.region}.`);
    }
    const sel = reconcileApproved(approved, input.planned, input.result);
    const skipped = [
        ...sel.skipped.map(s => skippedOutcome(s.target, s.reason)),
        ...sel.notApproved.map(t => skippedOutcome(t, 'not in the approved plan'))
    ];
    const n = sel.run.length;
    const k = sel.skipped.length;
    const message = `The plan changed since approval (approved ${wanted}, now ${plan.hash}): running the ${n} approved ` +
        `target${n === 1 ? '' : 's'} that are unchanged and still non-compliant; ${k} approved ` +
        `target${k === 1 ? '' : 's'} skipped, ${sel.notApproved.length} not approved.`;
    const records = [
        {
            event: 'approval-checked',
            status: 'approved-subset',
            message,
            details: { approvedPlanHash: wanted, approvedPlanFile: input.approvedPlanFile, run: n }
        },
        ...skipped.map((s) => ({
            event: 'target-skipped',
            ...targetFields(s.target),
            status: 'skipped',
            reason: s.message ?? 'skipped',
            complianceBefore: 'NON_COMPLIANT',
            ...(s.message?.startsWith('compliant now') ? { complianceAfter: 'COMPLIANT' } : {})
        }))
    ];
    return { run: sel.run, skipped, message, records };
}
function skippedOutcome(target, message) {
    return { target, status: 'skipped', message, complianceBefore: 'NON_COMPLIANT' };
}
/** A run refused before anything ran: every planned target is skipped, with the reason. */
function refusedOutcomes(plan, error) {
    const why = truncate(error.message.replace(/^Remediation refused: /, 'refused: '), 300);
    return plan.targets.map(t => skippedOutcome(t, `not run: ${why}`));
}

;// CONCATENATED MODULE: ./src/remediation/execute/config.ts
/**
 * The Config route: a target whose rule has a remediation configuration in AWS Config runs through it
 * (StartRemediationExecution, one rule and at most 100 resource keys a call), polled with
 * DescribeRemediationExecutionStatus (at most 100 resource keys a call). AWS Config has no API to stop a remediation
 * execution: one still running at the deadline or on cancellation may still change the resource.
 * https://docs.aws.amazon.com/config/latest/APIReference/API_StartRemediationExecution.html
 * https://docs.aws.amazon.com/config/latest/APIReference/API_DescribeRemediationExecutionStatus.html
 */







/** StartRemediationExecution and DescribeRemediationExecutionStatus take at most 100 resource keys. */
const RESOURCE_KEYS_PER_CALL = 100;
/** Config InvocationTime may be this much earlier than our clock at start (clock skew) and still be ours. */
const INVOCATION_SKEW_MS = 5_000;
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
function configRoute(deps) {
    return {
        route: 'config',
        batchSize: RESOURCE_KEYS_PER_CALL,
        start: batch => start(deps, batch),
        poll: pending => poll(deps, pending),
        leftRunning: {
            timedOut: '; AWS Config has no API to stop a remediation execution, it may still finish',
            cancelled: 'cancelled, still running: AWS Config has no API to stop a remediation execution; it may still change the resource'
        }
    };
}
const keyOf = (resourceType, resourceId) => `${resourceType}\u0000${resourceId}`;
async function start(deps, batch) {
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
        failedKeys = new Set((res.FailedItems ?? []).map(k => keyOf(k.resourceType ?? '', k.resourceId ?? '')));
        failureMessage = `config:StartRemediationExecution did not start it: ${res.FailureMessage ?? 'no message'}`;
    }
    catch (err) {
        failureMessage = (0,aws_clients/* awsCallErrorOf */.vt)(err).message;
        failedKeys = new Set(batch.map(p => keyOf(p.target.resourceType, p.target.resourceId)));
    }
    for (const r of out) {
        const t = r.planned.target;
        if (failedKeys.has(keyOf(t.resourceType, t.resourceId))) {
            r.result.status = 'failed';
            r.result.message = shortMessage(failureMessage);
            logger.warn(sanitizeForLog(`Remediation of ${describeTarget(t)} did not start: ${r.result.message}`));
            await audit.record({
                event: 'execution-started',
                ...targetFields(t),
                status: 'start-failed',
                message: r.result.message
            });
        }
        else {
            logger.info(sanitizeForLog(`Started Config remediation (${t.runbook.name}) for ${describeTarget(t)}.`));
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
async function poll(deps, pending) {
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
        for (const batch of chunk(list, RESOURCE_KEYS_PER_CALL)) {
            const byKey = new Map(batch.map(r => [keyOf(r.planned.target.resourceType, r.planned.target.resourceId), r]));
            for await (const page of (0,dist_cjs.paginateDescribeRemediationExecutionStatus)({ client: config }, {
                ConfigRuleName: rule,
                ResourceKeys: batch.map(r => ({
                    resourceType: r.planned.target.resourceType,
                    resourceId: r.planned.target.resourceId
                }))
            })) {
                for (const s of page.RemediationExecutionStatuses ?? []) {
                    const r = byKey.get(keyOf(s.ResourceKey?.resourceType ?? '', s.ResourceKey?.resourceId ?? ''));
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
    }
}

;// CONCATENATED MODULE: ./src/remediation/execute/ssm.ts
/**
 * The SSM route: the runbook runs through SSM Automation directly, one StartAutomationExecution per target, pinned
 * to the planned document version, with an idempotency token per plan, run attempt and target. Polled with
 * GetAutomationExecution; stopped with StopAutomationExecution (Type Cancel).
 * https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_StartAutomationExecution.html
 * https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_StopAutomationExecution.html
 */







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
function ssmRoute(deps, ids) {
    return {
        route: 'ssm',
        batchSize: 1,
        start: async (batch) => {
            const out = [];
            for (const p of batch)
                out.push(await startOne(deps, p, ids));
            return out;
        },
        poll: pending => ssm_poll(deps, pending),
        stop: {
            api: 'StopAutomationExecution',
            call: async (result, signal) => {
                const ssm = await deps.ssm();
                const command = new client_ssm_dist_cjs.StopAutomationExecutionCommand({
                    AutomationExecutionId: result.executionId,
                    Type: 'Cancel'
                });
                await (signal ? ssm.send(command, { abortSignal: signal }) : ssm.send(command));
            }
        }
    };
}
async function startOne(deps, p, ids) {
    const { clock, logger, audit } = deps;
    const t = p.target;
    const now = clock.now();
    const result = { target: t, status: 'failed', startedAt: now.toISOString() };
    const running = { planned: p, result, startedAtMs: now.getTime() };
    try {
        const ssm = await deps.ssm();
        const out = await ssm.send(new client_ssm_dist_cjs.StartAutomationExecutionCommand({
            DocumentName: t.runbook.name,
            ...(p.documentVersion ? { DocumentVersion: p.documentVersion } : {}),
            ...(Object.keys(p.executionParameters).length > 0 ? { Parameters: p.executionParameters } : {}),
            ClientToken: idempotencyToken(ids.planHash, ids.runId, ids.runAttempt, t.rule, t.resourceType, t.resourceId),
            Tags: [{ ...MANAGED_TAG }]
        }));
        if (out.AutomationExecutionId)
            result.executionId = out.AutomationExecutionId;
        else
            result.message = 'ssm:StartAutomationExecution returned no AutomationExecutionId';
    }
    catch (err) {
        result.message = shortMessage((0,aws_clients/* awsCallErrorOf */.vt)(err).message);
    }
    if (result.executionId === undefined) {
        logger.warn(sanitizeForLog(`Remediation of ${describeTarget(t)} did not start: ${result.message}`));
        await audit.record({
            event: 'execution-started',
            ...targetFields(t),
            status: 'start-failed',
            message: result.message ?? 'not started'
        });
        return running;
    }
    logger.info(sanitizeForLog(`Started ${t.runbook.name} v${t.runbook.version} for ${describeTarget(t)}: ${result.executionId}`));
    await audit.record({
        event: 'execution-started',
        ...targetFields(t),
        executionId: result.executionId,
        status: 'started',
        complianceBefore: 'NON_COMPLIANT'
    });
    result.status = 'running';
    return running;
}
async function ssm_poll(deps, pending) {
    if (pending.length === 0)
        return;
    const ssm = await deps.ssm();
    for (const r of pending) {
        const out = await ssm.send(new client_ssm_dist_cjs.GetAutomationExecutionCommand({ AutomationExecutionId: r.result.executionId }));
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

;// CONCATENATED MODULE: ./src/remediation/execute/waves.ts










const FIRST_POLL_MS = 2_000;
const MAX_POLL_MS = 15_000;
/**
 * Bound on the stop calls made when the run is cancelled (all at once), so the action still exits within the 5 s it
 * promises and before the runner's SIGTERM (7.5 s after SIGINT).
 */
const STOP_ON_CANCEL_MS = 2_500;
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
        out.push(...chunk(list, size));
    }
    return out;
}
/** The routes, in the order a wave starts them: SSM targets one by one, then Config targets in batches. */
function routesOf(deps, options) {
    const { clock, logger, audit } = deps;
    return [
        ssmRoute({ clock, logger, audit, ssm: deps.ssm }, options),
        configRoute({ clock, logger, audit, config: deps.config })
    ];
}
function routeOf(routes, r) {
    const route = routes.find(x => x.route === r.target.route);
    if (!route)
        throw new Error(`no execution route ${r.target.route}`);
    return route;
}
async function executeTargets(deps, planned, options) {
    const { clock, logger, audit } = deps;
    const routes = routesOf(deps, options);
    const deadline = new Date(clock.now().getTime() + options.timeoutSeconds * 1000);
    const results = new Map();
    let started = 0;
    let failures = 0;
    let stop;
    let error;
    const cancelledStop = () => `not started: the run was cancelled (${(0,cancellation/* cancelReasonOf */.ar)(deps.signal) ?? ''})`;
    for (const wave of waves(planned)) {
        if (stop === undefined && deps.signal?.aborted)
            stop = cancelledStop();
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
            const running = await startWave(routes, wave, results, deps.signal);
            started += wave.filter(p => results.has(p)).length;
            failures += wave.filter(p => results.get(p)?.status === 'failed').length;
            await pollWave(deps, routes, running, deadline, options);
            failures += running.filter(r => r.result.status === 'failed' || r.result.status === 'timed-out').length;
        }
        catch (err) {
            if (!(err instanceof src_errors/* AwsCallError */.iQ))
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
    let cancelled;
    if (deps.signal?.aborted) {
        stop ??= cancelledStop();
        cancelled = await cancelRunning(deps, routes, [...results.values()].filter(r => r.status === 'running'));
    }
    for (const r of results.values()) {
        if (r.status === 'timed-out')
            logger.warn(sanitizeForLog(`Remediation timed out: ${describeTarget(r.target)}`));
    }
    const ordered = planned.map((p) => results.get(p) ?? { target: p.target, status: 'skipped', message: stop ?? 'not started' });
    return { results: ordered, deadline, ...(error ? { error } : {}), ...(cancelled ? { cancelled } : {}) };
}
/**
 * On cancellation: stops the executions still running where their route can (all at once, bounded by
 * STOP_ON_CANCEL_MS) and marks every running execution `cancelled`, each with an execution-finished audit record.
 */
async function cancelRunning(deps, routes, running) {
    const { clock, logger, audit } = deps;
    const out = {
        reason: (0,cancellation/* cancelReasonOf */.ar)(deps.signal) ?? 'cancelled',
        stopped: [],
        stopFailed: [],
        stillRunning: []
    };
    const stoppable = running.filter(r => routeOf(routes, r).stop !== undefined && r.executionId !== undefined);
    const bound = AbortSignal.timeout(STOP_ON_CANCEL_MS);
    await Promise.all(stoppable.map(async (r) => {
        const stop = routeOf(routes, r).stop;
        try {
            await stop?.call(r, bound);
            r.message = `cancelled: stopped (${stop?.api ?? ''})`;
            out.stopped.push(r);
        }
        catch (err) {
            const message = err.message;
            r.message = `cancelled, but could not stop it (it may still be running): ${shortMessage(message)}`;
            logger.warn(sanitizeForLog(`Could not stop ${r.executionId ?? ''}: ${message}`));
            out.stopFailed.push(r);
        }
    }));
    for (const r of running) {
        if (!stoppable.includes(r)) {
            r.message = routeOf(routes, r).leftRunning?.cancelled ?? 'cancelled: state unknown (no execution id)';
            out.stillRunning.push(r);
        }
        r.status = 'cancelled';
        r.finishedAt = clock.now().toISOString();
        logger.warn(sanitizeForLog(`Remediation ${describeTarget(r.target)}: ${r.message ?? 'cancelled'}`));
        await audit.record({
            event: 'execution-finished',
            ...targetFields(r.target),
            ...(r.executionId ? { executionId: r.executionId } : {}),
            status: 'cancelled',
            ...(r.message ? { message: r.message } : {}),
            complianceBefore: 'NON_COMPLIANT',
            details: { startedAt: r.startedAt, finishedAt: r.finishedAt }
        });
    }
    return out;
}
/** Starts a wave, route by route, a batch at a time; stops starting on cancellation. */
async function startWave(routes, wave, results, signal) {
    const running = [];
    for (const route of routes) {
        for (const batch of chunk(wave.filter(p => p.target.route === route.route), route.batchSize)) {
            if (signal?.aborted)
                return running;
            for (const r of await route.start(batch)) {
                results.set(r.planned, r.result);
                if (r.result.status === 'running')
                    running.push(r);
            }
        }
    }
    return running;
}
async function pollWave(deps, routes, running, deadline, options) {
    const { clock, logger } = deps;
    let pending = [...running];
    let interval = FIRST_POLL_MS;
    while (pending.length > 0) {
        if (deps.signal?.aborted)
            return; // left running: executeTargets stops them
        const left = deadline.getTime() - clock.now().getTime();
        if (left <= 0)
            break;
        await (0,cancellation/* sleepUnlessCancelled */.xE)(clock, Math.min(interval, left), deps.signal);
        if (deps.signal?.aborted)
            return;
        interval = Math.min(interval * 2, MAX_POLL_MS);
        try {
            for (const route of routes)
                await route.poll(pending.filter(r => r.planned.target.route === route.route));
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
        const route = routeOf(routes, r.result);
        if (route.stop && r.result.executionId) {
            try {
                await route.stop.call(r.result);
                r.result.message += `; stopped (${route.stop.api})`;
            }
            catch (err) {
                const message = err.message;
                r.result.message += `; could not stop it: ${shortMessage(message)}`;
                logger.warn(sanitizeForLog(`Could not stop ${r.result.executionId}: ${message}`));
            }
        }
        else if (route.leftRunning) {
            r.result.message += route.leftRunning.timedOut;
        }
        await recordFinished(deps, r);
    }
}
async function recordFinished(deps, r) {
    const t = r.planned.target;
    const res = r.result;
    const line = `${describeTarget(t)}: ${res.status}${res.failedStep ? ` at step ${res.failedStep}` : ''}${res.message ? ` (${res.message})` : ''}`;
    if (res.status === 'succeeded')
        deps.logger.info(sanitizeForLog(`Remediation ${line}`));
    else
        deps.logger.warn(sanitizeForLog(`Remediation ${line}`));
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

;// CONCATENATED MODULE: ./src/remediation/plan-file.ts
/**
 * remediation-plan.json: the plan as written for a reviewer (keys in a readable order), and the approved plan read
 * back from a file (shape checked, and its hash recomputed so an edited file is refused).
 */





const plan_file_PLAN_FILE_NAME = 'remediation-plan.json';
/** remediation-plan.json: the plan with its keys in a readable order. */
function plan_file_buildPlanJson(plan) {
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
/** Writes remediation-plan.json (creating its directory). */
async function plan_file_writePlanFile(file, plan) {
    await writeJsonFile(file, plan_file_buildPlanJson(plan));
}
/** Reads the approved-plan-file input; no file given: nothing. */
async function readApprovedFile(file) {
    if (file === undefined || file === '')
        return {};
    if (!(0,external_node_fs_.existsSync)(file))
        return { problem: `the approved plan file ${file} does not exist` };
    try {
        return { plan: parsePlanJson(await (0,promises_.readFile)(file, 'utf8'), file) };
    }
    catch (err) {
        if (err instanceof src_errors/* PolicyError */.pn)
            return { problem: err.message.replace(/^Remediation refused: /, '') };
        throw err;
    }
}
/** Checks a plan read from a file (the approved plan): shape, and that its hash is the hash of its content. */
function parsePlanJson(text, file) {
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch (err) {
        throw new src_errors/* PolicyError */.pn(`Remediation refused: the approved plan file ${file} is not JSON: ${err.message}`);
    }
    const bad = (what) => new src_errors/* PolicyError */.pn(`Remediation refused: the approved plan file ${file} is not a remediation plan: ${what}.`);
    if (!raw || typeof raw !== 'object' || Array.isArray(raw))
        throw bad('not an object');
    const o = raw;
    if (o['schemaVersion'] !== plan_PLAN_SCHEMA_VERSION)
        throw bad(`schemaVersion is not ${plan_PLAN_SCHEMA_VERSION}`);
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
        throw new src_errors/* PolicyError */.pn(`Remediation refused: the approved plan file ${file} was modified: its content hashes to ${recomputed}, not to the hash it states (${plan.hash}).`);
    }
    return plan;
}
function plan_file_isStringList(v) {
    return Array.isArray(v) && v.every(x => typeof x === 'string');
}
function isPlanTarget(v) {
    if (!v || typeof v !== 'object')
        return false;
    const t = v;
    const rb = t['runbook'];
    const params = t['parameters'];
    return (typeof t['rule'] === 'string' &&
        plan_file_isStringList(t['hipaaSections']) &&
        typeof t['resourceType'] === 'string' &&
        typeof t['resourceId'] === 'string' &&
        typeof t['fingerprint'] === 'string' &&
        !!rb &&
        typeof rb['name'] === 'string' &&
        typeof rb['version'] === 'string' &&
        typeof rb['hash'] === 'string' &&
        !!params &&
        typeof params === 'object' &&
        Object.values(params).every(plan_file_isStringList) &&
        (t['route'] === 'config' || t['route'] === 'ssm'));
}

;// CONCATENATED MODULE: ./src/remediation/result.ts
/** Counts of outcomes by status. */
function countOutcomes(outcomes) {
    const c = {
        verified: 0,
        'succeeded-unverified': 0,
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
        remediated: c.verified + c['succeeded-unverified'],
        verified: c.verified,
        unverified: c['succeeded-unverified'],
        failed: c.failed + c['timed-out'],
        timedOut: c['timed-out'],
        skipped: c.skipped,
        cancelled: c.cancelled
    };
}

;// CONCATENATED MODULE: ./src/remediation/select.ts


/**
 * The default targets (non-compliant, unwaived findings of rules with a remediation binding), narrowed by the
 * rule and resource filters. Names in the filters that match nothing refuse the run, with the list.
 */
function selectCandidates(result, remediations, filters) {
    const bindings = new Map(remediations.map(r => [r.ruleName, r]));
    const unknownRules = [...new Set(filters.rules)].filter(r => !bindings.has(r));
    if (unknownRules.length > 0) {
        const known = [...bindings.keys()].sort();
        throw new src_errors/* PolicyError */.pn(`Remediation refused: remediate-rules names ${unknownRules.length === 1 ? 'a rule' : 'rules'} without a remediation binding in the manifest: ${listed(unknownRules)}. ` +
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
        throw new src_errors/* PolicyError */.pn(`Remediation refused: remediate-resources names ${unknownResources.length === 1 ? 'a resource that is' : 'resources that are'} not non-compliant under a rule with a remediation binding: ${listed(why)}.`);
    }
    const ruleSet = new Set(filters.rules);
    const resourceSet = new Set(filters.resources);
    return all
        .filter(c => ruleSet.size === 0 || ruleSet.has(c.rule.ruleName))
        .filter(c => resourceSet.size === 0 || resourceSet.has(c.finding.resourceId))
        .sort((a, b) => compareTargets({ rule: a.rule.ruleName, resourceType: a.finding.resourceType, resourceId: a.finding.resourceId }, { rule: b.rule.ruleName, resourceType: b.finding.resourceType, resourceId: b.finding.resourceId }));
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
            deps.logger.info(sanitizeForLog(`Verification of ${describeTarget(o.target)}: ${o.status}${o.message ? ` (${o.message})` : ''}`));
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
        if (!(err instanceof src_errors/* AwsCallError */.iQ))
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
        if (deps.signal?.aborted) {
            for (const w of waits.filter(x => !x.done)) {
                w.done = true;
                w.problem = `not verified: the run was cancelled (${(0,cancellation/* cancelReasonOf */.ar)(deps.signal) ?? ''})`;
            }
            return;
        }
        const now = clock.now().getTime();
        for (const w of waits) {
            if (w.done || w.startAt === undefined || now < w.startAt)
                continue;
            try {
                await config.send(new dist_cjs.StartConfigRulesEvaluationCommand({ ConfigRuleNames: [w.rule] }));
                w.startAt = undefined;
            }
            catch (err) {
                if ((0,aws_clients/* awsErrorCode */.J6)(err) !== 'LimitExceededException')
                    throw err;
                logger.info(`${w.rule}: an evaluation started less than a minute ago; waiting for it.`);
                w.startAt = now + START_INTERVAL_MS;
            }
        }
        const open = waits.filter(w => !w.done);
        const out = await config.send(new dist_cjs.DescribeConfigRuleEvaluationStatusCommand({ ConfigRuleNames: open.map(w => w.rule) }));
        const statuses = out.ConfigRulesEvaluationStatus ?? [];
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
        await (0,cancellation/* sleepUnlessCancelled */.xE)(clock, Math.min(interval, left), deps.signal);
        interval = Math.min(interval * 2, verify_MAX_POLL_MS);
    }
}
async function complianceOf(deps, t) {
    const config = await deps.config();
    for await (const page of (0,dist_cjs.paginateGetComplianceDetailsByResource)({ client: config }, { ResourceType: t.resourceType, ResourceId: t.resourceId })) {
        for (const r of page.EvaluationResults ?? []) {
            if (r.EvaluationResultIdentifier?.EvaluationResultQualifier?.ConfigRuleName === t.rule) {
                return r.ComplianceType ?? 'INSUFFICIENT_DATA';
            }
        }
    }
    return 'NO_RESULT';
}

;// CONCATENATED MODULE: ./src/remediation/phase.ts


















async function runRemediation(clients, input, options, ctx, deps) {
    const r = startRun(clients, input, options, ctx, deps);
    const progress = await planAndApply(r);
    if (progress.error)
        await recordStop(r, progress.error);
    const outcomes = options.mode === 'apply' && progress.plan && progress.outcomes.length === 0 && progress.error
        ? refusedOutcomes(progress.plan, progress.error)
        : progress.outcomes;
    const cancelled = await recordCancellation(r, outcomes, progress.executions);
    const alerted = cancelled
        ? { alert: { sent: false, reason: 'the run was cancelled' } }
        : await phase_alert(r, outcomes, progress.plan, progress.error);
    return resultOf(r, { ...progress, outcomes }, alerted.alert, progress.error ?? alerted.error, cancelled);
}
function startRun(clients, input, options, ctx, deps) {
    const info = { ...ctx.run };
    const url = (0,run_context/* runUrlOf */.Qm)(info);
    if (url !== undefined)
        info.runUrl = url;
    const { roleSessionName, accountId, region } = ctx;
    const audit = new AuditLog((0,external_node_path_.join)(options.reportDir, AUDIT_FILE_NAME), auditContext(info, { roleSessionName, accountId, region, mode: options.mode }), () => deps.clock.now());
    return { clients, input, options, ctx, deps, info, audit, planFile: (0,external_node_path_.join)(options.reportDir, plan_file_PLAN_FILE_NAME) };
}
/** Plan; in apply mode, the oversight checks, execution and verification. A refusal or AWS error ends it. */
async function planAndApply(r) {
    const { options, ctx, audit } = r;
    let plan;
    let approval;
    try {
        const approvedFile = options.mode === 'apply' ? await readApprovedFile(options.approvedPlanFile) : {};
        const built = await makePlan(r, approvedFile);
        plan = built.plan;
        await recordPlan(r, plan);
        if (options.mode === 'plan') {
            checkLimit(plan.targets, options.max);
            return { plan, outcomes: [] };
        }
        checkContext('apply', options.remediateOn, { eventName: r.info.eventName, isFork: ctx.isFork });
        const approved = approve({
            ...(options.approvedPlanHash !== undefined ? { approvedPlanHash: options.approvedPlanHash } : {}),
            ...(options.approvedPlanFile !== undefined ? { approvedPlanFile: options.approvedPlanFile } : {}),
            approvedFile,
            plan,
            planned: built.planned,
            result: r.input.result,
            accountId: ctx.accountId,
            region: ctx.region
        });
        approval = approved.message;
        for (const record of approved.records)
            await audit.record(record);
        const toRun = approved.run.map(p => p.target);
        checkLimit(toRun, options.max);
        checkRunbooksDeployed(toRun);
        const applied = await executeAndVerify(r, approved.run, plan.hash);
        return {
            plan,
            outcomes: [...applied.outcomes, ...approved.skipped].sort((a, b) => compareTargets(a.target, b.target)),
            ...(approval !== undefined ? { approval } : {}),
            ...(applied.executions ? { executions: applied.executions } : {}),
            ...(applied.error ? { error: applied.error } : {})
        };
    }
    catch (err) {
        if (!(err instanceof src_errors/* PolicyError */.pn) && !(err instanceof src_errors/* AwsCallError */.iQ))
            throw err;
        return { ...(plan ? { plan } : {}), outcomes: [], ...(approval !== undefined ? { approval } : {}), error: err };
    }
}
/** Selects the targets, reads what will run (Config remediation configurations, runbook versions), builds the plan. */
async function makePlan(r, approvedFile) {
    const { clients, input, options, ctx } = r;
    const candidates = selectCandidates(input.result, input.desired.remediations, {
        rules: options.rules,
        resources: options.resources,
        ...(approvedFile.plan ? { alsoKnownResources: new Set(approvedFile.plan.targets.map(t => t.resourceId)) } : {})
    });
    const configRules = [...new Set(candidates.map(c => c.binding.ruleName))].filter(rule => input.deployedRemediations.has(rule));
    const deployed = configRules.length > 0 ? await readRemediationConfigurations(await clients.config(), configRules) : new Map();
    const refs = candidates.map(c => {
        const d = deployed.get(c.binding.ruleName);
        const version = d ? d.targetVersion : c.binding.targetVersion;
        return { name: d?.targetId ?? c.binding.targetId, ...(version ? { version } : {}) };
    });
    const runbooks = refs.length > 0 ? await readRunbooks(await clients.ssm(), refs) : new Map();
    return plan_buildPlan({
        candidates,
        deployed,
        runbooks,
        manifestHashes: new Map(input.desired.documents.map(d => [d.name, d.hash.toLowerCase()])),
        mode: options.mode,
        accountId: ctx.accountId,
        region: ctx.region,
        createdAt: r.deps.clock.now().toISOString()
    });
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
            if (NOT_DEPLOYED.has((0,aws_clients/* awsErrorCode */.J6)(err)))
                continue;
            throw err;
        }
    }
    return out;
}
/** Writes remediation-plan.json, logs the plan and records it. */
async function recordPlan(r, plan) {
    const { options, audit } = r;
    const { logger } = r.deps;
    audit.setPlanHash(plan.hash);
    await plan_file_writePlanFile(r.planFile, plan);
    logger.info(`Remediation plan ${plan.hash}: ${plan.targets.length} target${plan.targets.length === 1 ? '' : 's'} (${options.mode}); written to ${r.planFile}.`);
    for (const t of plan.targets) {
        logger.info(sanitizeForLog(`  ${describeTarget(t)} -> ${t.runbook.name}@${t.runbook.version} via ${t.route}`));
    }
    for (const note of plan.notes)
        logger.warn(sanitizeForLog(note));
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
}
/** Runs the targets in waves, then verifies them (until the run's deadline, at least two minutes). */
async function executeAndVerify(r, toRun, planHash) {
    const { clients, options, audit } = r;
    const { clock, logger } = r.deps;
    const signal = r.deps.signal ? { signal: r.deps.signal } : {};
    const executed = await executeTargets({ config: () => clients.config(), ssm: () => clients.ssm(), clock, logger, audit, ...signal }, toRun, {
        timeoutSeconds: options.timeoutSeconds,
        errorPercent: options.errorPercent,
        planHash,
        runId: r.info.runId,
        runAttempt: r.info.runAttempt
    });
    const verifyDeadline = new Date(Math.max(executed.deadline.getTime(), clock.now().getTime() + 120_000));
    const verified = await verifyResults({ config: () => clients.config(), clock, logger, audit, ...signal }, executed.results, { deadline: verifyDeadline });
    const error = executed.error ?? verified.error;
    return {
        outcomes: verified.outcomes,
        ...(executed.cancelled ? { executions: executed.cancelled } : {}),
        ...(error ? { error } : {})
    };
}
/** Logs and records the refusal or error that stopped the run. */
async function recordStop(r, err) {
    r.deps.logger.warn(sanitizeForLog(err.message));
    await r.audit.record({
        event: err instanceof src_errors/* PolicyError */.pn ? 'refused' : 'run-failed',
        status: err instanceof src_errors/* PolicyError */.pn ? 'refused' : 'error',
        reason: err.message
    });
}
/** When the run was cancelled: what cancellation did, logged and recorded. */
async function recordCancellation(r, outcomes, executions) {
    const reason = (0,cancellation/* cancelReasonOf */.ar)(r.deps.signal);
    if (reason === undefined)
        return undefined;
    const cancelled = describeCancellation(reason, outcomes, executions);
    await r.audit.record(cancelled.record);
    r.deps.logger.warn(sanitizeForLog(`Remediation cancelled: ${cancelled.message}`));
    return cancelled;
}
/** The run's alert; a failed publish is returned as the run's error if nothing else stopped it. */
async function phase_alert(r, outcomes, plan, problem) {
    const { options, ctx, input } = r;
    try {
        const alert = await sendAlert(() => r.clients.sns(), {
            policy: options.alert,
            mode: options.mode,
            topic: input.desired.alertTopic,
            result: input.result,
            outcomes,
            run: r.info,
            planned: plan?.targets.length ?? 0,
            ...(ctx.knownFingerprints ? { knownFingerprints: ctx.knownFingerprints } : {}),
            ...(problem ? { problem: problem.message } : {})
        }, { audit: r.audit, logger: r.deps.logger });
        return { alert };
    }
    catch (err) {
        if (!(err instanceof src_errors/* AwsCallError */.iQ))
            throw err;
        return { alert: { sent: false, reason: `sns:Publish failed: ${err.message}` }, error: err };
    }
}
function resultOf(r, progress, alert, error, cancelled) {
    const { options, ctx } = r;
    const { plan, outcomes } = progress;
    const report = {
        plan: plan ?? {
            schemaVersion: plan_PLAN_SCHEMA_VERSION,
            hash: '',
            mode: options.mode,
            accountId: ctx.accountId,
            region: ctx.region,
            createdAt: r.deps.clock.now().toISOString(),
            targets: [],
            notes: ['No plan was made.']
        },
        mode: options.mode,
        planFile: plan ? r.planFile : '(not written)',
        auditFile: r.audit.file,
        outcomes,
        max: options.max,
        ...(progress.approval !== undefined ? { approval: progress.approval } : {}),
        ...(error !== undefined ? { error } : {}),
        ...(cancelled ? { cancelled: cancelled.message } : {}),
        alert: alert.sent
            ? `Alert sent to ${r.input.desired.alertTopic ?? ''} (${alert.reason}).`
            : `No alert: ${alert.reason}.`
    };
    const out = {
        outcomes,
        auditFile: r.audit.file,
        report,
        counts: countsOf(plan?.targets.length ?? 0, outcomes),
        alert
    };
    if (plan) {
        out.plan = plan;
        out.planFile = r.planFile;
        out.planHash = plan.hash;
    }
    if (error)
        out.error = error;
    if (cancelled)
        out.cancelled = { reason: cancelled.reason, message: cancelled.message };
    return out;
}

;// CONCATENATED MODULE: ./src/predeploy/evaluate.ts
/**
 * Pre-deploy evaluation: the resources of CloudFormation templates are judged by AWS Config proactive evaluation
 * (StartResourceEvaluation, EvaluationMode PROACTIVE) before anything is deployed, with the same rules that judge the
 * live account. Rules that cannot judge a resource before deploy are reported as such, never passed.
 */







/** The resource types a rule applies to: its scope, else the types AWS's packs use it for. */
function ruleTypes(rule) {
    return rule.scope?.complianceResourceTypes?.length
        ? rule.scope.complianceResourceTypes
        : (knownResourceTypes(rule.identifier) ?? []);
}
/** Rules deployed in PROACTIVE mode, as AWS reports them (25 names a call). */
async function proactiveRules(config, names) {
    const out = new Set();
    for (const batch of chunk(names, 25)) {
        let res;
        try {
            res = await config.send(new dist_cjs.DescribeConfigRulesCommand({ ConfigRuleNames: batch }));
        }
        catch (err) {
            if ((0,aws_clients/* awsErrorCode */.J6)(err) !== 'NoSuchConfigRuleException')
                throw err;
            // One unknown name fails the whole call: halve the batch to find it; a single unknown rule is not proactive.
            if (batch.length > 1) {
                for (const n of await proactiveRules(config, batch.slice(0, Math.ceil(batch.length / 2))))
                    out.add(n);
                for (const n of await proactiveRules(config, batch.slice(Math.ceil(batch.length / 2))))
                    out.add(n);
            }
            continue;
        }
        for (const r of res.ConfigRules ?? []) {
            if (r.ConfigRuleName && (r.EvaluationModes ?? []).some(m => m.Mode === 'PROACTIVE'))
                out.add(r.ConfigRuleName);
        }
    }
    return out;
}
/**
 * Properties as AWS Config would see them once deployed, as far as the template alone tells: a `Ref` to another
 * resource of the same template becomes that resource's literal physical name (CloudFormation's Ref of a bucket is
 * its name). Other intrinsics stay as written; AWS Config then fails that evaluation and says so.
 */
function resolveLocalRefs(value, names) {
    if (Array.isArray(value))
        return value.map(v => resolveLocalRefs(v, names));
    if (value && typeof value === 'object') {
        const entries = Object.entries(value);
        const only = entries.length === 1 ? entries[0] : undefined;
        if (only && only[0] === 'Ref' && typeof only[1] === 'string' && names.has(only[1]))
            return names.get(only[1]);
        return Object.fromEntries(entries.map(([k, v]) => [k, resolveLocalRefs(v, names)]));
    }
    return value;
}
function evaluate_locate(resource, rule) {
    const path = propertyPathFor(rule.identifier, resource.type);
    const property = path ? resource.propertyPosition(path) : undefined;
    const p = property ?? resource.position;
    return { file: resource.file, line: p.line, col: p.col, kind: property ? 'property' : 'resource' };
}
async function evaluateTemplates(deps, index, rules, options) {
    const { config, clock, logger } = deps;
    const resources = index.templates
        .filter(t => options.files === 'all' || options.files.has(t.file))
        .flatMap(t => t.resources);
    const result = { evaluated: 0, findings: [], notJudged: [], failed: [] };
    if (resources.length === 0) {
        logger.info('Pre-deploy: no template resources to evaluate.');
        return result;
    }
    const types = new Set(resources.map(r => r.type));
    const relevant = rules.filter(r => ruleTypes(r).some(t => types.has(t)));
    const proactive = await proactiveRules(config, relevant.map(r => r.name));
    for (const r of relevant) {
        if (!proactive.has(r.name)) {
            result.notJudged.push({
                ruleName: r.name,
                reason: `not deployed in PROACTIVE evaluation mode (${r.identifier}); its resources are judged only after deploy`
            });
        }
    }
    const byName = new Map(relevant.filter(r => proactive.has(r.name)).map(r => [r.name, r]));
    const targets = resources.filter(res => [...byName.values()].some(r => ruleTypes(r).includes(res.type)));
    const deadline = clock.now().getTime() + (options.timeoutSeconds ?? 300) * 1000;
    const physicalNames = new Map();
    for (const t of index.templates) {
        physicalNames.set(t.file, new Map(t.resources.filter(r => r.physicalName !== undefined).map(r => [r.logicalId, r.physicalName])));
    }
    // A resource AWS Config could not judge is an error in the gate (never skipped): a call that failed for it, an
    // evaluation that FAILED (e.g. an intrinsic the template alone cannot resolve) or did not finish in time.
    const unevaluated = (res, reason) => {
        result.failed.push({
            template: res.file,
            file: res.file,
            line: res.position.line,
            logicalId: res.logicalId,
            reason
        });
    };
    // The AwsCallError's message names the operation, the code and the request id already.
    const callFailed = (err) => (0,aws_clients/* awsCallErrorOf */.vt)(err).message;
    await mapLimit(targets, options.concurrency ?? 4, async (res) => {
        const configuration = JSON.stringify(resolveLocalRefs(res.properties ?? {}, physicalNames.get(res.file) ?? new Map()));
        let id;
        try {
            const started = await config.send(new dist_cjs.StartResourceEvaluationCommand({
                ResourceDetails: {
                    ResourceId: res.logicalId,
                    ResourceType: res.type,
                    ResourceConfiguration: configuration,
                    ResourceConfigurationSchemaType: 'CFN_RESOURCE_SCHEMA'
                },
                EvaluationMode: 'PROACTIVE',
                EvaluationTimeout: options.timeoutSeconds ?? 300,
                ClientToken: (0,external_node_crypto_.createHash)('sha256')
                    .update(`${res.file}\u0000${res.logicalId}\u0000${configuration}`)
                    .digest('hex')
                    .slice(0, 64)
            }));
            id = started.ResourceEvaluationId ?? '';
        }
        catch (err) {
            unevaluated(res, callFailed(err));
            return;
        }
        result.evaluated += 1;
        let interval = 500;
        for (;;) {
            let status;
            let reason;
            try {
                const summary = await config.send(new dist_cjs.GetResourceEvaluationSummaryCommand({ ResourceEvaluationId: id }));
                status = summary.EvaluationStatus?.Status;
                reason = summary.EvaluationStatus?.FailureReason;
            }
            catch (err) {
                unevaluated(res, callFailed(err));
                return;
            }
            if (status === 'SUCCEEDED')
                break;
            if (status === 'FAILED' || clock.now().getTime() + interval > deadline) {
                unevaluated(res, status === 'FAILED'
                    ? `evaluation failed: ${reason ?? 'no reason given'}`
                    : `evaluation did not finish within ${options.timeoutSeconds ?? 300}s`);
                return;
            }
            await clock.sleep(interval);
            interval = Math.min(interval * 2, 5000);
        }
        const found = [];
        try {
            for await (const page of (0,dist_cjs.paginateGetComplianceDetailsByResource)({ client: config }, { ResourceEvaluationId: id })) {
                for (const e of page.EvaluationResults ?? []) {
                    const ruleName = e.EvaluationResultIdentifier?.EvaluationResultQualifier?.ConfigRuleName ?? '';
                    const rule = byName.get(ruleName);
                    if (!rule || e.ComplianceType !== 'NON_COMPLIANT')
                        continue;
                    const resourceId = `${res.file}#${res.logicalId}`;
                    const finding = {
                        ruleName,
                        resourceType: res.type,
                        resourceId,
                        fingerprint: fingerprint(ruleName, res.type, resourceId),
                        location: evaluate_locate(res, rule),
                        template: res.file,
                        logicalId: res.logicalId,
                        ...(res.physicalName !== undefined ? { physicalName: res.physicalName } : {}),
                        annotation: `before deploy: ${e.Annotation ?? `${res.logicalId} would not comply with ${ruleName}`}`
                    };
                    found.push(finding);
                }
            }
        }
        catch (err) {
            unevaluated(res, callFailed(err));
            return;
        }
        result.findings.push(...found);
    });
    result.findings.sort((a, b) => a.template.localeCompare(b.template) || a.location.line - b.location.line);
    result.failed.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    logger.info(`Pre-deploy: ${result.evaluated} template resource(s) evaluated, ${result.findings.length} would be non-compliant, ${result.failed.length} could not be evaluated, ${result.notJudged.length} rule(s) cannot judge before deploy.`);
    for (const f of result.failed)
        logger.warn(`Could not evaluate ${f.file}:${f.line} ${f.logicalId} before deploy: ${f.reason}`);
    return result;
}
/**
 * Adds pre-deploy findings to their rules (a rule with only pre-deploy findings becomes non-compliant). A resource
 * that is already deployed and already found non-compliant by the same rule (by its physical name) is not added
 * twice. Returns the findings actually added.
 */
function mergePreDeploy(result, pre, sections) {
    const rules = result.rules.map(r => ({ ...r, findings: [...r.findings] }));
    const byName = new Map(rules.map(r => [r.ruleName, r]));
    const added = [];
    for (const f of pre.findings) {
        const { location: _l, template: _t, logicalId: _i, physicalName, ...finding } = f;
        const live = byName
            .get(f.ruleName)
            ?.findings.some(x => physicalName !== undefined && x.resourceType === f.resourceType && x.resourceId === physicalName);
        if (live)
            continue;
        added.push(f);
        let rule = byName.get(f.ruleName);
        if (!rule) {
            rule = {
                ruleName: f.ruleName,
                status: 'noncompliant',
                complianceType: 'NON_COMPLIANT',
                findings: [],
                hipaaSections: sections(f.ruleName)
            };
            rules.push(rule);
            byName.set(f.ruleName, rule);
        }
        if (rule.status === 'compliant')
            rule.status = 'noncompliant';
        rule.complianceType = 'NON_COMPLIANT';
        rule.findings.push(finding);
    }
    return { result: added.length === 0 ? result : { ...result, rules }, added };
}

;// CONCATENATED MODULE: ./src/predeploy/phase.ts


async function runPreDeploy(config, templates, rules, options, deps) {
    if (options.mode === 'off')
        return undefined;
    if (!rules) {
        throw new src_errors/* InputError */.dz('pre-deploy', `Input 'pre-deploy' needs a manifest (config) whose rules judge the templates.`);
    }
    if (options.mode === 'changed' && templates.prNumber === undefined) {
        deps.logger.info("pre-deploy: changed outside a pull request: no changed templates to evaluate (use 'all').");
    }
    // Fail closed: when the pull request's files are not known, every template is evaluated, never none.
    let note;
    if (options.mode === 'changed' && templates.prNumber !== undefined && templates.changedFilesUnknown) {
        note =
            `pre-deploy: changed evaluated every template: the files of the pull request could not be listed ` +
                `(${templates.changedFilesUnknown}).`;
        deps.logger.warn(note);
    }
    const evaluated = await deps.logger.group('Pre-deploy evaluation', async () => evaluateTemplates({ config: await config(), clock: deps.clock, logger: deps.logger }, templates.index, rules, {
        files: options.mode === 'all' || note !== undefined ? 'all' : templates.changedFiles
    }));
    return note !== undefined ? { ...evaluated, note } : evaluated;
}

;// CONCATENATED MODULE: ./src/report/markdown/format.ts
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
function format_link(text, url) {
    if (url === undefined || !/^https?:\/\/[^\s<>()]+$/i.test(url))
        return escapeMarkdown(text);
    return `[${escapeMarkdown(text)}](${url})`;
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
    return escapeMarkdown(truncate(formatTimePlain(iso), 40));
}

;// CONCATENATED MODULE: ./src/report/sections/baseline.ts


/** Where the baseline section sits: right after the verdict; filled after the rule table. */
const BASELINE_SUMMARY = { id: 'baseline', order: 5, priority: 2 };
function resourceCells(f) {
    return [
        escapeMarkdown(truncate(f.ruleName, 128)),
        escapeMarkdown(truncate(f.resourceType, 80)),
        escapeMarkdown(truncate(f.resourceId, 256))
    ];
}
const FINDING_HEAD = [row(['Rule', 'Type', 'Resource', 'Annotation']), row(['---', '---', '---', '---'])].join('\n');
const FIXED_HEAD = [row(['Rule', 'Type', 'Resource']), row(['---', '---', '---'])].join('\n');
function findingRow(f) {
    return row([
        ...resourceCells(f),
        f.annotation !== undefined && f.annotation !== '' ? escapeMarkdown(truncate(f.annotation, 256)) : '-'
    ]);
}
/** The job summary section of a comparison: new findings in a table, fixed and existing ones collapsed. */
function baselineSection(comparison, opts = {}) {
    const c = comparison;
    const sha = c.baseline.sha !== '' ? `, commit ${escapeMarkdown(c.baseline.sha.slice(0, 12))}` : '';
    const counts = [
        c.new.length > 0 ? `**${plural(c.new.length, 'new non-compliant resource')}**` : 'no new non-compliant resources',
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
            text: `${counts.join(' · ')}  \nBaseline ${codeSpan(c.baseline.file)} generated ${formatTime(c.baseline.generatedAt)}${sha}`,
            required: true
        }
    ];
    for (const w of c.warnings)
        blocks.push({ kind: 'text', text: `> ⚠️ ${escapeMarkdown(w)}`, required: true });
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
            row: i => row(resourceCells(c.fixed[i])),
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
        omissionNote: n => `_${plural(n, 'baseline row')} left out to keep the job summary within its size limit; the JSON report has every finding._`
    };
}

;// CONCATENATED MODULE: ./src/report/sections/order.ts
/** Where the compliance sections sit in the job summary and which get bytes first. */
/** Where the compliance sections sit; other phases place theirs around them (deploy plan before, remediation after). */
const SUMMARY_ORDER = { verdict: 0, deploy: 10, rules: 20, findings: 21, remediation: 30, footer: 90 };
/** Budget priorities of the compliance sections: the verdict and the rule table are filled first. */
const SUMMARY_PRIORITY = { verdict: 0, rules: 1, findings: 5 };

;// CONCATENATED MODULE: ./src/report/sections/deploy-plan.ts


const ICON = { create: '+', update: '~', delete: '-', unchanged: '=' };
function deploy_plan_where(i) {
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
            ? `**Stopped after ${applied.done} change(s):** ${escapeMarkdown(applied.error)}`
            : `Applied ${applied.done} change(s).`);
    }
    const rows = plan.items.filter(i => i.action !== 'unchanged' || i.note);
    return {
        id: 'deploy',
        order: SUMMARY_ORDER.deploy,
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
                            return `| ${ICON[item.action]} ${item.action} | ${item.object} | ${escapeMarkdown(item.name)} | ${escapeMarkdown(changes)} | ${escapeMarkdown(hipaa)} | ${escapeMarkdown(deploy_plan_where(item))} |`;
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
        order: SUMMARY_ORDER.deploy + 1,
        priority: 4,
        blocks: [
            {
                kind: 'rows',
                head: "<details><summary>Least-privilege IAM policies for the runbooks' assume roles</summary>\n",
                rowCount: desired.documents.length,
                row: i => {
                    const d = desired.documents[i];
                    const notes = d.policy.notes.map(n => `<li>${escapeHtml(n)}</li>`).join('');
                    return [
                        `<p><b>${escapeHtml(d.name)}</b> (sha256 ${escapeHtml(d.hash.slice(0, 12))})</p>`,
                        `<pre>${escapeHtml(JSON.stringify(d.policy.policy))}</pre>`,
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
        lines.push(`⚠️ ${escapeMarkdown(pre.note)}`, '');
    lines.push(`${pre.evaluated} template resource(s) evaluated before deploy; ${pre.findings.length} would be non-compliant.`);
    if (pre.notJudged.length > 0) {
        lines.push('', `Not judged before deploy (checked only once deployed): ${pre.notJudged.map(n => `${escapeMarkdown(n.ruleName)} (${escapeMarkdown(n.reason)})`).join('; ')}.`);
    }
    if (pre.failed.length > 0) {
        lines.push('', `⛔ ${pre.failed.length} template resource(s) could not be evaluated: errors that fail the gate.`);
    }
    for (const f of pre.failed)
        lines.push('', `Could not evaluate ${escapeMarkdown(f.file)}:${f.line} ${escapeMarkdown(f.logicalId)}: ${escapeMarkdown(f.reason)}.`);
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
                    return `| ${escapeMarkdown(f.ruleName)} | ${escapeMarkdown(f.template)} | ${escapeMarkdown(f.logicalId)} (${escapeMarkdown(f.resourceType)}) | ${f.location.line} |`;
                }
            }
        ]
    };
}

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
    failed: '❌ failed',
    'timed-out': '⏱️ timed out',
    skipped: '⏭️ skipped',
    cancelled: '🛑 cancelled'
};
function cell(s, max = 200) {
    return escapeMarkdown(truncate(s, max));
}
function remediation_row(cells) {
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
    return remediation_row([
        cell(t.rule, 128),
        `${cell(t.resourceType, 64)} ${cell(t.resourceId, 256)}`,
        cell(`${t.runbook.name}@${t.runbook.version}`, 160),
        cell(formatParameters(t.parameters), 400),
        t.route === 'config' ? 'AWS Config' : 'SSM Automation'
    ]);
}
function outcomeRow(o) {
    const detail = [o.failedStep ? `step ${o.failedStep}` : '', o.message ?? ''].filter(s => s !== '').join(': ');
    return remediation_row([
        cell(o.target.rule, 128),
        cell(o.target.resourceId, 256),
        OUTCOME_LABEL[o.status],
        o.executionId ? cell(o.executionId, 80) : '-',
        detail !== '' ? cell(detail, 300) : '-'
    ]);
}
function remediationSection(input) {
    const { plan, mode, outcomes } = input;
    const n = plan.targets.length;
    const title = mode === 'plan'
        ? `### 🛠️ Remediation plan (dry run, nothing changed): ${n} target${n === 1 ? '' : 's'}`
        : `### 🛠️ Remediation: ${n} target${n === 1 ? '' : 's'} planned`;
    const facts = [
        `Plan hash ${codeSpan(plan.hash)}`,
        `max-remediations ${input.max}`,
        `plan ${codeSpan(input.planFile)}`,
        `audit log ${codeSpan(input.auditFile)}`
    ];
    const lines = [title, '', facts.join(' · ')];
    if (input.approval !== undefined)
        lines.push('', escapeMarkdown(input.approval));
    if (input.error !== undefined) {
        const label = input.error instanceof src_errors/* PolicyError */.pn ? 'Refused' : 'Stopped';
        lines.push('', `**${label}:** ${cell(input.error.message, 1500)}`);
    }
    if (input.cancelled !== undefined)
        lines.push('', `**Cancelled:** ${cell(input.cancelled, 1500)}`);
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
                remediation_row(['Rule', 'Resource', 'Runbook@version', 'Parameters', 'Route']),
                remediation_row(['---', '---', '---', '---', '---'])
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
                remediation_row(['Rule', 'Resource', 'Outcome', 'Execution', 'Detail']),
                remediation_row(['---', '---', '---', '---', '---'])
            ].join('\n'),
            rowCount: outcomes.length,
            row: i => outcomeRow(outcomes[i])
        });
    }
    return {
        id: 'remediation',
        order: SUMMARY_ORDER.remediation,
        priority: REMEDIATION_PRIORITY,
        blocks,
        omissionNote: k => `_${k} remediation row${k === 1 ? '' : 's'} left out to keep the job summary within its size limit; ${codeSpan(input.planFile)} and ${codeSpan(input.auditFile)} have all of them._`
    };
}

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
const waivers_cell = (s, max) => escapeMarkdown(truncate(s, max));
function proposedWaiversSection(proposed, base, result) {
    if (proposed.length === 0)
        return undefined;
    const at = base?.sha !== undefined ? ` (${codeSpan(base.sha.slice(0, 12))})` : '';
    const lines = [
        `### Waivers ${waivers/* PROPOSED_LABEL */.sE}`,
        '',
        `On ${escapeMarkdown(base?.eventName ?? 'pull request')} runs a waiver applies only if the base branch's manifest${at} ` +
            `already holds it for the same rule and resource, expiring no later. ` +
            `These ${proposed.length} waiver(s) are **${waivers/* PROPOSED_LABEL */.sE}**: not applied now, their findings count.`
    ];
    if (base?.unreadable !== undefined) {
        lines.push('', `The base branch's waivers are unknown: ${escapeMarkdown(truncate(base.unreadable, 600))}.`);
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
                    '| Rule | Resource | Expires | Owner | Why not applied | Findings counted | Source |',
                    '| --- | --- | --- | --- | --- | ---: | --- |'
                ].join('\n'),
                rowCount: proposed.length,
                row: i => {
                    const w = proposed[i];
                    return `| ${[
                        waivers_cell(w.rule, 128),
                        waivers_cell(w.resourceId, 256),
                        waivers_cell(w.expires, 32),
                        waivers_cell(w.owner, 64),
                        escapeMarkdown(proposedWhy(w)),
                        String((0,waivers/* findingsCovered */.rU)(result, w)),
                        w.source !== undefined ? waivers_cell(w.source, 200) : '-'
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
    if (input.remediation)
        sections.push(remediationSection(input.remediation));
    const d = input.deploy;
    if (d) {
        sections.push(planSection(d.plan, d.mode, d.desired, d.applied));
        if (d.desired.documents.length > 0)
            sections.push(policySection(d.desired));
    }
    return sections;
}

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(8179);
;// CONCATENATED MODULE: ./src/report/ranking.ts
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

;// CONCATENATED MODULE: ./src/report/annotations.ts



const DEFAULT_MAX_ANNOTATIONS = 10;
const MAX_TITLE = 200;
const annotations_MAX_MESSAGE = 900;
const MAX_RESOURCE = 80;
const annotations_byName = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
function sections(rule) {
    return rule.hipaaSections?.length ? ` (HIPAA ${rule.hipaaSections.join(', ')})` : '';
}
function noncompliantMessage(rule, shown) {
    const { counted, waived } = countFindings(rule);
    const ids = rule.findings
        .filter(f => f.waiver === undefined)
        .sort((a, b) => annotations_byName(a.resourceType, b.resourceType) || annotations_byName(a.resourceId, b.resourceId))
        .slice(0, shown)
        .map(f => truncate(f.resourceId, MAX_RESOURCE));
    const more = counted > ids.length ? `, +${counted - ids.length} more` : '';
    const waivedText = waived > 0 ? ` (${waived} waived)` : '';
    return `${counted} non-compliant${sections(rule)}: ${ids.join(', ')}${more}${waivedText}`;
}
function errorMessage(rule) {
    const e = rule.error;
    if (e === undefined)
        return `AWS Config could not report compliance for this rule${sections(rule)}`;
    const req = e.requestId !== undefined && e.requestId !== '' ? ` (request id ${e.requestId})` : '';
    return `${e.operation} failed: ${e.code}: ${truncate(e.message, 300)}${req}${sections(rule)}`;
}
function staleMessage(rule) {
    const when = rule.lastEvaluated ? `last evaluated ${formatTimePlain(rule.lastEvaluated)}` : 'never evaluated';
    const { counted } = countFindings(rule);
    const found = counted > 0 ? `; ${counted} non-compliant at that evaluation` : '';
    return `Evaluation is stale: ${when}${found}${sections(rule)}`;
}
function insufficientMessage(rule) {
    return `AWS Config has insufficient data for this rule (no resources evaluated yet)${sections(rule)}`;
}
function clean(s, max) {
    return truncate(sanitizeForLog(s).trim(), max);
}
/** Makes an annotation safe: one line each, no workflow command, bounded length. */
function sanitizeAnnotation(a) {
    const out = { level: a.level, title: clean(a.title, MAX_TITLE), message: clean(a.message, annotations_MAX_MESSAGE) };
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
    for (const rule of sortRulesWorstFirst(result.rules)) {
        if (rule.status === 'error') {
            primary.push({
                level: failLevel,
                rule,
                title: `AWS Config error: ${rule.ruleName}`,
                message: errorMessage(rule)
            });
        }
        else if (rule.status === 'noncompliant') {
            if (countFindings(rule).counted === 0)
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
            const names = rest.slice(0, 5).map(c => truncate(c.rule.ruleName, MAX_RESOURCE));
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
    for (const rule of sortRulesWorstFirst(result.rules)) {
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

;// CONCATENATED MODULE: ./src/report/json.ts





const REPORT_SCHEMA_VERSION = 1;
/** Code-unit order: stable across locales and runtimes. */
const json_cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
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
        fingerprint: f.fingerprint !== '' ? f.fingerprint : fingerprint(rule, f.resourceType, f.resourceId),
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
    const { counted, waived } = countFindings(r);
    const out = {
        name: r.ruleName,
        status: r.status,
        noncompliantCount: counted,
        waivedCount: waived,
        hipaaSections: [...(r.hipaaSections ?? [])],
        findings: r.findings
            .map(f => reportFinding(r.ruleName, f))
            .sort((a, b) => json_cmp(a.resourceType, b.resourceType) || json_cmp(a.resourceId, b.resourceId))
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
    const sorted = (xs) => [...xs].sort(json_cmp);
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
    const rules = result.rules.map(reportRule).sort((a, b) => json_cmp(a.name, b.name));
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
            .sort((a, b) => json_cmp(a.rule, b.rule) || json_cmp(a.resource, b.resource) || json_cmp(a.expires, b.expires));
    }
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
    if (w.source !== undefined)
        out.source = w.source;
    if (w.baseExpires !== undefined)
        out.baseExpires = w.baseExpires;
    return out;
}

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
            const text = truncateBytes(b.text, left - PIECE_SEP);
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
        ? `the full list is in the JSON report ${codeSpan(json)}`
        : 'the JSON report (report-dir) has the full list';
}
function statusCell(rule) {
    const label = STATUS_LABEL[rule.status];
    if (rule.error === undefined)
        return label;
    return `${label} in ${escapeMarkdown(truncate(rule.error.operation, 80))}: ${escapeMarkdown(truncate(rule.error.code, 80))}`;
}
function ruleRow(rule) {
    const { counted, waived } = countFindings(rule);
    const sections = rule.hipaaSections?.length ? escapeMarkdown(rule.hipaaSections.join(', ')) : '-';
    return row([
        escapeMarkdown(truncate(rule.ruleName, MAX_RULE)),
        statusCell(rule),
        rule.status === 'noncompliant' || counted > 0 ? String(counted) : '-',
        waived > 0 ? String(waived) : '-',
        formatTime(rule.lastEvaluated),
        sections
    ]);
}
/** The rule table, in the order given (worst first). */
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

;// CONCATENATED MODULE: ./src/report/sections/findings.ts






const MAX_ID = 256;
const MAX_ANNOTATION = 256;
function waiverCell(f) {
    const w = f.waiver;
    if (w === undefined) {
        const p = f.proposedWaiver;
        if (p !== undefined) {
            return `${waivers/* PROPOSED_LABEL */.sE}, counted: ${escapeMarkdown(truncate(p.reason, 160))} (owner ${escapeMarkdown(truncate(p.owner, 64))}, expires ${escapeMarkdown(truncate(p.expires, 32))})`;
        }
        if (f.remediation === undefined)
            return '-';
        return `remediated: ${escapeMarkdown(f.remediation.outcome)}${f.remediation.executionId ? ` (${escapeMarkdown(truncate(f.remediation.executionId, 64))})` : ''}`;
    }
    return `waived: ${escapeMarkdown(truncate(w.reason, 160))} (owner ${escapeMarkdown(truncate(w.owner, 64))}, expires ${escapeMarkdown(truncate(w.expires, 32))})`;
}
function findings_findingRow(f) {
    return row([
        escapeMarkdown(truncate(f.resourceType, 80)),
        escapeMarkdown(truncate(f.resourceId, MAX_ID)),
        f.annotation ? escapeMarkdown(truncate(f.annotation, MAX_ANNOTATION)) : '-',
        formatTime(f.recordedTime),
        waiverCell(f)
    ]);
}
/** The findings of each rule (rules in the order given), counted ones first. */
function findingsSection(rules, reportFiles, changed) {
    const blocks = [{ kind: 'text', text: '### Non-compliant resources' }];
    for (const rule of rules) {
        if (rule.findings.length === 0)
            continue;
        const findings = sortFindings(rule.findings, changed);
        const { counted, waived } = countFindings(rule);
        const label = `${truncate(rule.ruleName, MAX_RULE)} (${counted} non-compliant${waived > 0 ? `, ${waived} waived` : ''})`;
        blocks.push({
            kind: 'rows',
            head: [
                '',
                `<details><summary>${escapeHtml(label)}</summary>`,
                '',
                row(['Type', 'Resource', 'Annotation', 'Recorded', 'Waiver / remediation']),
                row(['---', '---', '---', '---', '---'])
            ].join('\n'),
            rowCount: findings.length,
            row: i => findings_findingRow(findings[i]),
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

;// CONCATENATED MODULE: ./src/report/sections/verdict.ts






function verdictSection(result, gate, run) {
    const passed = gate.result === 'pass';
    const heading = `## ${passed ? '✅ Compliance gate passed' : '❌ Compliance gate failed'}: ${escapeMarkdown(truncate(gate.reason, 300))}`;
    const where = [
        `Account ${escapeMarkdown(result.accountId)}`,
        `region ${escapeMarkdown(result.region)}`,
        `checked ${formatTime(result.checkedAt)}`
    ];
    const runBits = [];
    if (run.repository !== '')
        runBits.push(escapeMarkdown(run.repository));
    if (run.sha !== '')
        runBits.push(escapeMarkdown(run.sha.slice(0, 12)));
    if (run.runId !== '')
        runBits.push(format_link(`run ${run.runId}${run.runAttempt !== '' ? ` attempt ${run.runAttempt}` : ''}`, (0,run_context/* runUrlOf */.Qm)(run)));
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

;// CONCATENATED MODULE: ./src/report/summary.ts





/** Builds the job summary: verdict, rule table (worst first), then the non-compliant resources of each rule. */
function buildSummary(input) {
    const { result, gate, run, reportFiles } = input;
    const rules = sortRulesWorstFirst(result.rules, input.changed);
    const builder = new SummaryBuilder(input.budgetBytes ?? DEFAULT_SUMMARY_BUDGET_BYTES)
        .add(verdictSection(result, gate, run))
        .add(rulesSection(rules, reportFiles))
        .add(findingsSection(rules, reportFiles, input.changed));
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
    return writeJsonFile(jsonReportPath(reportDir), report);
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
        ...(input.waivers ? { waivers: input.waivers } : {})
    });
    const reportFile = await writeJsonReport(input.reportDir, json);
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
    emitAnnotations(buildAnnotations(result, gate, locate ? { locate } : {}), sink);
}

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
        const status = httpStatusOf(err);
        const apiErr = toGitHubApiError('POST', createPath, err);
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
            const apiErr = toGitHubApiError('PATCH', updatePath, err);
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
/** Key of the partial fingerprint: the finding's stable fingerprint (rule + resource type + resource id). */
const FINGERPRINT_KEY = 'complianceGate/v1';
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
const sarif_cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
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
    return truncate(toSingleLine(s).trim(), max);
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
        `**AWS Config rule ${codeSpan(name)}**${info.identifier !== undefined ? ` (AWS managed rule ${codeSpan(info.identifier)})` : ''}`,
        ...(description !== undefined ? [escapeMarkdown(plainText(description, 2000))] : []),
        `HIPAA Security Rule sections: ${info.hipaaSections.length > 0 ? info.hipaaSections.map(escapeMarkdown).join(', ') : '_none mapped_'}`,
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
function sarif_location(loc, f) {
    const out = {
        logicalLocations: [
            { name: f.resourceId, fullyQualifiedName: `${f.resourceType}/${f.resourceId}`, kind: 'resource' }
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
function message(f, ruleName, loc) {
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
    return `${plainText(f.resourceType, 200)} ${plainText(f.resourceId, 1000)} is non-compliant with ${ruleName}${note}.${where}`;
}
/**
 * Builds the SARIF log. Results are cut to maxResults by priority (counted before waived, more severe first,
 * then rule, type and id), and the cut is reported in run.properties and a tool execution notification.
 */
function buildSarif(input) {
    const { result, locations, includeSuppressed } = input;
    const max = Math.max(0, Math.floor(input.maxResults ?? DEFAULT_MAX_RESULTS));
    const byName = new Map();
    for (const r of result.rules)
        if (!byName.has(r.ruleName))
            byName.set(r.ruleName, r);
    const metas = [...byName.values()]
        .sort((a, b) => sarif_cmp(a.ruleName, b.ruleName))
        .map(r => ruleMeta(r, input.rules.get(r.ruleName)));
    const ruleIndex = new Map(metas.map((m, i) => [m.name, i]));
    const candidates = [];
    let suppressedOmitted = 0;
    let unlocated = 0;
    for (const rule of byName.values()) {
        const index = ruleIndex.get(rule.ruleName) ?? 0;
        const meta = metas[index];
        for (const f of rule.findings) {
            const waived = f.waiver !== undefined;
            if (waived && !includeSuppressed) {
                suppressedOmitted++;
                continue;
            }
            const fp = fingerprintOf(f);
            const loc = locations.get(fp) ?? input.defaultLocation;
            if (loc === undefined)
                unlocated++;
            const props = {
                resourceType: f.resourceType,
                resourceId: f.resourceId,
                accountId: result.accountId,
                region: result.region
            };
            if (loc !== undefined)
                props.locationKind = loc.kind;
            if (f.recordedTime !== undefined)
                props.recordedTime = f.recordedTime;
            const r = {
                ruleId: rule.ruleName,
                ruleIndex: index,
                level: 'error',
                message: { text: message(f, rule.ruleName, loc) },
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
                type: f.resourceType,
                id: f.resourceId
            });
        }
    }
    const total = candidates.length;
    const kept = candidates
        .sort((a, b) => Number(a.waived) - Number(b.waived) ||
        b.score - a.score ||
        a.ruleIndex - b.ruleIndex ||
        sarif_cmp(a.type, b.type) ||
        sarif_cmp(a.id, b.id))
        .slice(0, max)
        .sort((a, b) => a.ruleIndex - b.ruleIndex || sarif_cmp(a.type, b.type) || sarif_cmp(a.id, b.id));
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
    for (const rule of byName.values()) {
        if (rule.status !== 'error' || rule.error === undefined)
            continue;
        const e = rule.error;
        notifications.push({
            level: 'error',
            descriptor: { id: 'rule-error' },
            associatedRule: { id: rule.ruleName, index: ruleIndex.get(rule.ruleName) ?? 0 },
            message: {
                text: `${rule.ruleName}: ${e.operation} failed: ${e.code}: ${plainText(e.message, 500)}${e.requestId !== undefined && e.requestId !== '' ? ` (request id ${e.requestId})` : ''}`
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
    return writeJsonFile(file, log, 0);
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
    const annotations = findingAnnotations(result, gate, review.locations, {
        changedFiles: review.changedFiles,
        ruleLocation: review.locateRule
    });
    const octokit = createGitHubClient({ token: options.githubToken, env: options.env, logger });
    // Annotations without a line of their own go to the manifest, else to the workflow that ran the action.
    const fallbackPath = (0,external_node_fs_.existsSync)(options.config)
        ? repoPath(options.config, options.workspace)
        : ((0,run_context/* workflowFileFromEnv */.pm)(options.env) ?? repoPath(options.config, options.workspace));
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
        emitWorkflowAnnotations(result, gate, review.locateRule, sink);
    return { sarifFile, checkRunUrl: check.url };
}

;// CONCATENATED MODULE: ./src/report/outputs.ts
/** Every output of a finished run (aws-account-id is set once authenticated); absent facts set no output. */
function outputsOf(o) {
    const r = o.remediation;
    return {
        result: o.applyFailed ? 'fail' : o.gate.result,
        'noncompliant-count': o.gate.noncompliantCount,
        'noncompliant-rules': o.gate.noncompliantRules.join(','),
        'checked-rules': o.checkedRules,
        'report-file': o.reportFile,
        'sarif-file': o.sarifFile,
        ...(o.newNoncompliant !== undefined ? { 'new-noncompliant-count': o.newNoncompliant } : {}),
        ...(o.checkRunUrl ? { 'check-run-url': o.checkRunUrl } : {}),
        ...(o.drift !== undefined ? { 'drift-count': o.drift } : {}),
        ...(o.planFile ? { 'plan-file': o.planFile } : {}),
        ...(r
            ? {
                'audit-log-file': r.auditFile,
                'remediated-count': r.counts.remediated,
                'remediation-failed-count': r.counts.failed,
                ...(r.planHash ? { 'remediation-plan-hash': r.planHash } : {}),
                ...(r.planFile ? { 'remediation-plan-file': r.planFile } : {})
            }
            : {})
    };
}

;// CONCATENATED MODULE: ./src/phases.ts
/**
 * Everything after authentication, loaded by run() with one dynamic import: the first AWS request does not wait for
 * these modules, and the bundle gets one lazily loaded chunk rather than several that repeat shared code.
 */

















/***/ }),

/***/ 2075:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

module.exports = __webpack_require__.p + "1ffab2550818660928ef.json";

/***/ }),

/***/ 9638:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

module.exports = __webpack_require__.p + "a90859c629fb8866493b.json";

/***/ }),

/***/ 1778:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

module.exports = __webpack_require__.p + "66a343fc6160db6007dd.json";

/***/ })

};

//# sourceMappingURL=268.index.js.map