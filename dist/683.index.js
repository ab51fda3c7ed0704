export const id = 683;
export const ids = [683];
export const modules = {

/***/ 8683:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   writePlanFile: () => (/* binding */ writePlanFile)
/* harmony export */ });
/* unused harmony exports PLAN_SCHEMA_VERSION, PLAN_FILE_NAME, buildPlanJson */
/* harmony import */ var _util_files_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5787);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
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
    return (0,_util_files_js__WEBPACK_IMPORTED_MODULE_0__/* .writeJsonFile */ .A)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(reportDir, PLAN_FILE_NAME), buildPlanJson(plan, mode, desired));
}


/***/ }),

/***/ 5787:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ writeJsonFile)
/* harmony export */ });
/* unused harmony export jsonChunks */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/** Writing the action's JSON files (reports, plans, SARIF): the one place that does it. */



/**
 * Writes `value` as JSON to `file` (its directory created), through a temporary file and a rename so that a reader
 * (an upload step, the next job) never sees half a file. `indent` 0 writes one line. Returns the path written.
 *
 * The text is the same as `JSON.stringify(value, null, indent)` plus a newline, but written piece by piece
 * (jsonChunks): a report of 100k findings is never held as one string besides its objects (issue 15).
 */
async function writeJsonFile(file, value, indent = 2) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    try {
        await writeChunks(tmp, jsonChunks(value, indent));
    }
    catch (err) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(tmp, { force: true });
        throw err;
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(tmp, file);
    return file;
}
/** Bytes gathered before a write: few system calls, little held. */
const WRITE_AT = 64 * 1024;
async function writeChunks(file, chunks) {
    const stream = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createWriteStream)(file, { encoding: 'utf8' });
    const failed = new Promise((_, reject) => stream.once('error', reject));
    const write = async (text) => {
        if (!stream.write(text))
            await Promise.race([new Promise(r => stream.once('drain', () => r())), failed]);
    };
    try {
        let pending = '';
        for (const c of chunks) {
            pending += c;
            if (pending.length >= WRITE_AT) {
                await write(pending);
                pending = '';
            }
        }
        await write(`${pending}\n`);
        await Promise.race([new Promise(r => stream.end(r)), failed]);
    }
    catch (err) {
        // The stream opens its file asynchronously: close it before the caller removes the file, or the open would
        // recreate it after the removal.
        failed.catch(() => undefined);
        if (!stream.closed)
            await new Promise(r => stream.destroy().once('close', () => r()));
        throw err;
    }
}
/**
 * JSON.stringify(value, null, indent) in pieces, for plain data (objects, arrays, strings, numbers, booleans, null;
 * toJSON honoured, as Date has it): an object's undefined, function and symbol members are left out and an array's
 * become null, as JSON.stringify does (ECMA-262, SerializeJSONProperty).
 */
function* jsonChunks(value, indent = 2) {
    const top = serializable(value, '');
    if (top === undefined)
        return;
    yield* chunksOf(top, indent > 0 ? ' '.repeat(Math.min(indent, 10)) : '', '');
}
/** The value JSON.stringify would serialize for `key`: toJSON applied; undefined when it is left out. */
function serializable(value, key) {
    let v = value;
    if (v !== null && typeof v === 'object' && typeof v.toJSON === 'function') {
        v = v.toJSON(key);
    }
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol')
        return undefined;
    return v;
}
function* chunksOf(v, gap, at) {
    if (v === null || typeof v !== 'object') {
        yield JSON.stringify(v);
        return;
    }
    const inner = at + gap;
    const open = gap ? `\n${inner}` : '';
    const sep = gap ? `,\n${inner}` : ',';
    const close = gap ? `\n${at}` : '';
    if (Array.isArray(v)) {
        if (v.length === 0) {
            yield '[]';
            return;
        }
        yield `[${open}`;
        for (let i = 0; i < v.length; i++) {
            if (i > 0)
                yield sep;
            const item = serializable(v[i], String(i));
            if (item === undefined)
                yield 'null';
            else
                yield* chunksOf(item, gap, inner);
        }
        yield `${close}]`;
        return;
    }
    let first = true;
    for (const key of Object.keys(v)) {
        const member = serializable(v[key], key);
        if (member === undefined)
            continue;
        yield `${first ? `{${open}` : sep}${JSON.stringify(key)}:${gap ? ' ' : ''}`;
        first = false;
        yield* chunksOf(member, gap, inner);
    }
    yield first ? '{}' : `${close}}`;
}


/***/ })

};

//# sourceMappingURL=683.index.js.map