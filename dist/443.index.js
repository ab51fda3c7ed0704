export const id = 443;
export const ids = [443];
export const modules = {

/***/ 5443:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  prepareReview: () => (/* binding */ prepareReview),
  q: () => (/* binding */ repoPath)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/baseline/compare.ts
var compare = __webpack_require__(6228);
// EXTERNAL MODULE: ./src/baseline/load.ts
var load = __webpack_require__(7663);
// EXTERNAL MODULE: ./src/locate/source-map.ts
var source_map = __webpack_require__(2882);
// EXTERNAL MODULE: ./src/github/client.ts
var client = __webpack_require__(6584);
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
        throw (0,client/* toGitHubApiError */.Vu)('GET', path, err);
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

// EXTERNAL MODULE: ./src/github/context.ts
var github_context = __webpack_require__(9556);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/@actions/glob/lib/glob.js + 17 modules
var glob = __webpack_require__(3324);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/source/collector.ts + 1 modules
var collector = __webpack_require__(9090);
// EXTERNAL MODULE: ./src/source/cloudformation.ts
var cloudformation = __webpack_require__(785);
// EXTERNAL MODULE: ./src/source/tree.ts
var source_tree = __webpack_require__(1689);
// EXTERNAL MODULE: ./src/cfn/physical-names.ts
var physical_names = __webpack_require__(9813);
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
                const e = (0,source_tree/* entry */.f_)(node, segment);
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
function fail(sink) {
    const reworded = new collector/* ErrorSink */.u();
    reworded.addErrors(sink.errors.map(reword));
    return reworded.throwAll();
}
function readResource(file, logicalId, keyPos, value, sink) {
    if (!LOGICAL_ID.test(logicalId)) {
        sink.add(keyPos, `logical id ${JSON.stringify(logicalId)} must be alphanumeric (A-Z, a-z, 0-9)`);
    }
    if (value.kind !== 'map') {
        sink.add(value.pos, `resource ${logicalId} must be a map with Type and Properties, found ${(0,source_tree/* describe */.q0)(value)}`);
        return undefined;
    }
    const typeEntry = (0,source_tree/* entry */.f_)(value, 'Type');
    let type;
    if (typeEntry === undefined) {
        sink.add(keyPos, `resource ${logicalId} has no Type`);
    }
    else if (typeEntry.value.kind !== 'scalar' || typeof typeEntry.value.value !== 'string') {
        sink.add(typeEntry.value.pos, `Type of ${logicalId} must be a string, found ${(0,source_tree/* describe */.q0)(typeEntry.value)}`);
    }
    else if (!RESOURCE_TYPE.test(typeEntry.value.value)) {
        sink.add(typeEntry.value.pos, `Type of ${logicalId} is ${JSON.stringify(typeEntry.value.value)}: expected a resource type such as AWS::S3::Bucket`);
    }
    else {
        type = typeEntry.value.value;
    }
    const propsEntry = (0,source_tree/* entry */.f_)(value, 'Properties');
    let properties;
    if (propsEntry !== undefined) {
        const v = propsEntry.value;
        if (v.kind === 'map')
            properties = v;
        else if (!(v.kind === 'scalar' && v.value === null)) {
            sink.add(v.pos, `Properties of ${logicalId} must be a map, found ${(0,source_tree/* describe */.q0)(v)}`);
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
    const nameProperty = physical_names/* PHYSICAL_NAME_PROPERTIES */.U4[type];
    if (nameProperty !== undefined && properties?.kind === 'map') {
        const nameEntry = (0,source_tree/* entry */.f_)(properties, nameProperty);
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
    const sink = new collector/* ErrorSink */.u();
    const tree = (0,cloudformation/* readSourceTree */.m)(text, file, sink);
    if (tree === undefined) {
        if (sink.errors.every(e => e.detail === EMPTY_DOCUMENT))
            throw new NotATemplateError(file, 'the file is empty');
        fail(sink);
    }
    if (tree.kind !== 'map')
        throw new NotATemplateError(file, `its top level is ${(0,source_tree/* describe */.q0)(tree)}, not a map`);
    const resourcesEntry = (0,source_tree/* entry */.f_)(tree, 'Resources');
    if (resourcesEntry === undefined)
        throw new NotATemplateError(file, 'it has no Resources section');
    const resources = [];
    const section = resourcesEntry.value;
    if (section.kind !== 'map') {
        sink.add(section.kind === 'scalar' && section.value === null ? resourcesEntry.keyPos : section.pos, `Resources must be a map of logical ids to resources, found ${(0,source_tree/* describe */.q0)(section)}`);
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
        fail(sink);
    return { file, resources };
}

;// CONCATENATED MODULE: ./src/cfn/resource-index.ts
/** Lookups over parsed templates: by (type, physical name) and by logical id. Pure. */

const key = (a, b) => `${a}\u0000${b}`;
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
                push(byName, key(r.type, r.physicalName), r);
        }
    }
    return {
        templates: [...templates],
        skipped: [...skipped],
        byPhysicalName(type, name) {
            for (const candidate of (0,physical_names/* nameCandidates */.sB)(name)) {
                const found = byName.get(key(type, candidate));
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

// EXTERNAL MODULE: ./src/util/paths.ts
var paths = __webpack_require__(4964);
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
    const errors = new collector/* ErrorSink */.u();
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

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-config-service/dist-cjs/index.js
var dist_cjs = __webpack_require__(7101);
;// CONCATENATED MODULE: ./src/locate/logical-ids.ts
/**
 * The `aws:cloudformation:logical-id` tags of the resources behind findings that no template names by physical name
 * (CloudFormation-generated names, volumes, RDS instances): one AWS Config advanced query per resource type
 * (`SelectResourceConfig`), split so each expression stays within AWS's 4,096 characters, paged.
 */




const LOGICAL_ID_TAG = 'aws:cloudformation:logical-id';
const MAX_EXPRESSION = 4096;
const quote = (s) => `'${s.replace(/'/g, "''")}'`;
/** Pure: the queries to send, per resource type, for findings no physical name matches. */
function logicalIdQueries(result, index) {
    if (index.templates.length === 0)
        return [];
    const idsByType = new Map();
    for (const rule of result.rules) {
        for (const f of rule.findings) {
            const types = (0,physical_names/* templateTypesFor */.D4)(f.resourceType);
            const named = types.some(t => (0,physical_names/* nameCandidates */.sB)(f.resourceId).some(n => index.byPhysicalName(t, n).length > 0));
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
        const head = `SELECT resourceId, resourceType, tags WHERE resourceType = ${quote(type)} AND resourceId IN (`;
        let batch = [];
        const flush = () => {
            if (batch.length > 0)
                queries.push(`${head}${batch.join(', ')})`);
            batch = [];
        };
        for (const id of ids) {
            const q = quote(id);
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
                    out.set((0,source_map/* logicalIdKey */.Ou)(row.resourceType, row.resourceId), tag.value);
            }
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/locate/phase.ts










/** A path as GitHub wants it in annotations and SARIF: relative to the repository root, forward slashes. */
function repoPath(file, workspace) {
    return (0,source_map/* normalizeRepoPath */.NP)((0,external_node_path_.isAbsolute)(file) ? (0,external_node_path_.relative)(workspace, file) : file);
}
async function prepareReview(result, desired, options, logger, config) {
    let context;
    try {
        context = (0,github_context/* readGitHubContext */.L7)(options.env);
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
            const octokit = (0,client/* createGitHubClient */.LX)({ token: options.githubToken, env: options.env, logger });
            const changed = await listChangedFiles(octokit, { owner: context.owner, repo: context.repo, prNumber: context.prNumber }, logger);
            for (const f of changed.files)
                changedFiles.add((0,source_map/* normalizeRepoPath */.NP)(f));
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
    const locations = (0,source_map/* mapFindings */.HK)(result, index, {
        logicalIds,
        ruleIdentifiers: new Map([...declared.values()].map(r => [r.name, r.identifier])),
        fallback: name => {
            const p = declared.get(name)?.position;
            return p ? { ...p, file: repoPath(p.file, options.workspace) } : undefined;
        }
    });
    const byFindings = (0,source_map/* ruleLocator */.Fj)(result, locations, changedFiles);
    const locateRule = (name) => {
        const found = byFindings(name);
        if (found)
            return found;
        const p = declared.get(name)?.position;
        return p ? { file: repoPath(p.file, options.workspace), line: p.line, col: p.col } : undefined;
    };
    let comparison;
    if (options.baseline) {
        const baseline = await (0,load/* loadBaseline */.oU)(options.baseline, { input: 'baseline' });
        comparison = (0,compare/* compareWithBaseline */.$)(result, baseline);
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


/***/ }),

/***/ 785:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ readSourceTree)
/* harmony export */ });
/* harmony import */ var _tree_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1689);
/* harmony import */ var _yaml_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9094);


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
function firstLine(message) {
    return message.split('\n')[0]?.trim() ?? message;
}
/**
 * Parses CloudFormation-style text into a tree. YAML syntax errors, unknown tags, aliases and the like are reported
 * to the sink; the result is undefined when the document cannot be read at all.
 */
function readSourceTree(text, file, sink) {
    // CloudFormation documents YAML 1.1 for templates.
    const parsed = (0,_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .readYaml */ .gM)(text, { customTags: CUSTOM_TAGS, version: '1.1' });
    const at = (offset) => (0,_tree_js__WEBPACK_IMPORTED_MODULE_0__/* .positionAt */ .t$)(parsed, file, offset);
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
            sink.add(at(warning.pos[0]), `invalid YAML/JSON: ${firstLine(warning.message)}`);
        }
    }
    if (parsed.errors.length > 0)
        return undefined;
    const tree = (0,_tree_js__WEBPACK_IMPORTED_MODULE_0__/* .toTree */ .Gc)(parsed, file, sink, {
        refuseAliases: 'YAML aliases (*name) are not supported in a conformance pack template',
        convertTag: longForm
    });
    if (tree === undefined)
        sink.add(at(0), 'the document is empty');
    return tree;
}


/***/ })

};

//# sourceMappingURL=443.index.js.map