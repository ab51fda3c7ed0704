export const id = 183;
export const ids = [183];
export const modules = {

/***/ 6584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LX: () => (/* binding */ createGitHubClient),
/* harmony export */   Vu: () => (/* binding */ toGitHubApiError),
/* harmony export */   s_: () => (/* binding */ httpStatusOf)
/* harmony export */ });
/* unused harmony exports DEFAULT_API_URL, apiBaseUrl, redactToken, GitHubApiError */
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(157);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(311);
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
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, { baseUrl, userAgent: `${_version_js__WEBPACK_IMPORTED_MODULE_2__/* .USER_AGENT_NAME */ .I}/${_version_js__WEBPACK_IMPORTED_MODULE_2__/* .VERSION */ .x}`, log });
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
class GitHubApiError extends _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo {
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


/***/ }),

/***/ 9556:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L7: () => (/* binding */ readGitHubContext)
/* harmony export */ });
/* unused harmony exports GitHubContextError, parseGitHubContext */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _run_context_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3564);
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
function str(v) {
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
    const eventName = str(env.GITHUB_EVENT_NAME);
    if (eventName === undefined)
        throw new GitHubContextError('GITHUB_EVENT_NAME is not set: not running in GitHub Actions?');
    const event = obj(payload) ?? {};
    const repository = obj(event.repository);
    const fullName = str(env.GITHUB_REPOSITORY) ?? str(repository?.full_name);
    if (fullName === undefined) {
        throw new GitHubContextError(`GITHUB_REPOSITORY is not set and ${source} names no repository.full_name`);
    }
    const { owner, repo } = splitRepository(fullName, str(env.GITHUB_REPOSITORY) !== undefined ? 'GITHUB_REPOSITORY' : `repository.full_name in ${source}`);
    if ((0,_run_context_js__WEBPACK_IMPORTED_MODULE_1__/* .hasPullRequestPayload */ .z5)(eventName)) {
        const pr = obj(event.pull_request);
        if (pr === undefined)
            throw new GitHubContextError(`${source} of a ${eventName} event has no pull_request`);
        const head = obj(pr.head);
        const headSha = str(head?.sha);
        if (headSha === undefined)
            throw new GitHubContextError(`${source}: pull_request.head.sha is missing`);
        const number = pr.number;
        if (typeof number !== 'number' || !Number.isInteger(number) || number <= 0) {
            throw new GitHubContextError(`${source}: pull_request.number is missing or not a positive integer`);
        }
        const baseFullName = str(repository?.full_name) ?? str(obj(obj(pr.base)?.repo)?.full_name) ?? fullName;
        const headRepo = obj(head?.repo);
        // A head repository that no longer exists (null) was a fork that has since been deleted.
        const headFullName = str(headRepo?.full_name);
        const isFork = headFullName === undefined || !sameRepo(headFullName, baseFullName);
        const ctx = {
            eventName,
            owner,
            repo,
            headSha: checkSha(headSha, `pull_request.head.sha in ${source}`),
            prNumber: number,
            isFork
        };
        const baseRef = str(obj(pr.base)?.ref) ?? str(env.GITHUB_BASE_REF);
        if (baseRef !== undefined)
            ctx.baseRef = baseRef;
        const baseSha = str(obj(pr.base)?.sha);
        if (baseSha !== undefined && SHA.test(baseSha))
            ctx.baseSha = baseSha.toLowerCase();
        return ctx;
    }
    if (eventName === 'merge_group') {
        const group = obj(event.merge_group);
        const sha = str(group?.head_sha) ?? str(env.GITHUB_SHA);
        if (sha === undefined)
            throw new GitHubContextError(`${source}: merge_group.head_sha is missing and GITHUB_SHA is not set`);
        const ctx = {
            eventName,
            owner,
            repo,
            headSha: checkSha(sha, 'merge_group.head_sha'),
            isFork: false
        };
        const baseRef = str(group?.base_ref);
        if (baseRef !== undefined)
            ctx.baseRef = baseRef;
        const baseSha = str(group?.base_sha);
        if (baseSha !== undefined && SHA.test(baseSha))
            ctx.baseSha = baseSha.toLowerCase();
        return ctx;
    }
    const sha = str(env.GITHUB_SHA);
    if (sha === undefined)
        throw new GitHubContextError('GITHUB_SHA is not set');
    return { eventName, owner, repo, headSha: checkSha(sha, 'GITHUB_SHA'), isFork: false };
}
/**
 * Reads the event payload from GITHUB_EVENT_PATH and parses the context. Without GITHUB_EVENT_PATH the payload is
 * empty, which is enough for events other than pull requests.
 */
function readGitHubContext(env = process.env, readFile = p => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(p, 'utf8')) {
    const path = str(env.GITHUB_EVENT_PATH);
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


/***/ }),

/***/ 9090:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  u: () => (/* binding */ ErrorSink)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
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
        this.errors.push(errors/* SourceError */.c8.at(pos, detail));
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
        throw new errors/* SourceErrors */.VH([...this.errors].sort(comparePositions));
    }
    /** Throws SourceErrors with everything collected, in the order found, when anything was collected. */
    throwInOrderIfAny() {
        if (this.errors.length > 0)
            throw new errors/* SourceErrors */.VH([...this.errors]);
    }
}


/***/ }),

/***/ 1689:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gc: () => (/* binding */ toTree),
/* harmony export */   df: () => (/* binding */ positionOf),
/* harmony export */   f_: () => (/* binding */ entry),
/* harmony export */   q0: () => (/* binding */ describe),
/* harmony export */   t$: () => (/* binding */ positionAt)
/* harmony export */ });
/* unused harmony export nodeAt */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
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
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(node)) {
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
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node)) {
        const scalar = convertScalar(node, pos, cx);
        if (cx.options.keepRanges && aliasPos === undefined && node.range) {
            scalar.range = [node.range[0], node.range[1]];
        }
        return scalar;
    }
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node)) {
        return { kind: 'seq', pos, items: node.items.map(item => convertItem(item, pos, cx, aliasPos)) };
    }
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node)) {
        const entries = [];
        for (const pair of node.items) {
            if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isPair */ .tO)(pair))
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
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isPair */ .tO)(item)) {
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
    return (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) && node.value === null && node.range !== undefined && node.range?.[0] === node.range?.[1];
}
function keyText(node) {
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node))
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


/***/ }),

/***/ 9094:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GC: () => (/* binding */ yamlToJS),
/* harmony export */   gM: () => (/* binding */ readYaml)
/* harmony export */ });
/* unused harmony export MAX_ALIAS_COUNT */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
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
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, {
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
    (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR)(doc, {
        Map(_, map) {
            const seen = new Set();
            for (const pair of map.items) {
                const key = pair.key;
                if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(key))
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
    (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR)(doc, {
        Alias(_, node) {
            offset = node.range?.[0] ?? 0;
            return yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR.BREAK;
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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SourceError */ .c8(file, line, col, `YAML alias expansion limit exceeded (maxAliasCount ${maxAliasCount})`);
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SourceError */ .c8(file, line, col, `invalid YAML: ${firstLine(err.message)}`);
    }
}


/***/ })

};

//# sourceMappingURL=183.index.js.map