export const id = 766;
export const ids = [766];
export const modules = {

/***/ 5766:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   waiversForRun: () => (/* binding */ waiversForRun)
/* harmony export */ });
/* unused harmony exports waiversComeFromBase, runGit, readBaseManifest */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _gate_waivers_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6322);
/* harmony import */ var _manifest_load_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5929);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6584);
/* harmony import */ var _run_context_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3564);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9556);
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
    return (0,_run_context_js__WEBPACK_IMPORTED_MODULE_4__/* .isPullRequestEvent */ .T5)(eventName);
}
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;
const runGit = (args, cwd) => new Promise(res => {
    (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)('git', [...args], {
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
const firstLine = (s) => s.trim().split('\n')[0]?.slice(0, 300) ?? '';
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
            reason: `${t.path} does not exist at base commit ${short} (git: ${firstLine(shown.stderr)})`
        };
    }
    gitNote = `base commit ${short} is not in the checkout`;
    if (firstLine(present.stderr) !== '' && !/could not get object|not a valid|bad object/i.test(present.stderr)) {
        gitNote += ` (git: ${firstLine(present.stderr)})`;
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
        const status = (0,_client_js__WEBPACK_IMPORTED_MODULE_3__/* .httpStatusOf */ .s_)(err);
        const detail = (0,_client_js__WEBPACK_IMPORTED_MODULE_3__/* .toGitHubApiError */ .Vu)('GET', route, err).message;
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
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(opts.manifestFile);
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(opts.workspace), file);
    if (rel === '' || rel.startsWith('..') || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(rel)) {
        return {
            base: { readable: false, reason: `the manifest ${opts.manifestFile} is not inside GITHUB_WORKSPACE` }
        };
    }
    const path = rel.split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/');
    const read = await readBaseManifest({ owner: ctx.owner, repo: ctx.repo, sha, path, workspace: opts.workspace }, deps);
    if (!read.found)
        return { base: { readable: false, reason: read.reason } };
    try {
        // The same loader as the head's, with the same workspace: referenced files resolve in the checkout and must be
        // inside GITHUB_WORKSPACE (not the working directory, which may be elsewhere).
        const manifest = (0,_manifest_load_js__WEBPACK_IMPORTED_MODULE_2__/* .parseManifest */ .N)(read.text, file, NO_EXPIRY_CHECK, opts.workspace);
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
    github: () => (0,_client_js__WEBPACK_IMPORTED_MODULE_3__/* .createGitHubClient */ .LX)({ token: opts.githubToken, env: opts.env, logger })
}) {
    const eventName = opts.env.GITHUB_EVENT_NAME ?? '';
    if (!waiversComeFromBase(eventName) || head.length === 0)
        return { effective: [...head], proposed: [] };
    let ctx;
    let payloadProblem = '';
    try {
        ctx = (0,_context_js__WEBPACK_IMPORTED_MODULE_5__/* .readGitHubContext */ .L7)(opts.env);
    }
    catch (err) {
        payloadProblem = err.message;
    }
    const judged = ctx === undefined
        ? { base: { readable: false, reason: `the event payload could not be read: ${payloadProblem}` } }
        : await baseWaivers(ctx, opts, deps);
    const { base, via } = judged;
    const decision = (0,_gate_waivers_js__WEBPACK_IMPORTED_MODULE_6__/* .decideWaivers */ .K7)(head, base);
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


/***/ })

};

//# sourceMappingURL=766.index.js.map