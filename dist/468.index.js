export const id = 468;
export const ids = [468];
export const modules = {

/***/ 5468:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   outputsOf: () => (/* binding */ outputsOf)
/* harmony export */ });
/* unused harmony export workspacePath */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/** The action's outputs of a finished run (action.yml declares them; outputs.ts sets them). Pure. */

/**
 * A path output, relative to the step's working directory (the workspace) with `/` separators (`../` when the file
 * lies outside it), so every path output has one form whatever form the input had (`compliance-report/compliance.sarif`
 * also when report-dir was given as an absolute path), usable as is by later steps, which run in the workspace too,
 * and by actions such as upload-sarif and upload-artifact.
 */
function workspacePath(file, where) {
    const rel = node_path__WEBPACK_IMPORTED_MODULE_0___default().relative(node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(where.cwd), node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(where.cwd, file));
    return rel === '' ? '.' : rel.split((node_path__WEBPACK_IMPORTED_MODULE_0___default().sep)).join('/');
}
/**
 * Every output of a finished run (aws-account-id is set once authenticated); absent facts set no output. Path outputs
 * are workspace-relative (workspacePath).
 */
function outputsOf(o) {
    const r = o.remediation;
    const p = (file) => workspacePath(file, o);
    return {
        result: o.applyFailed ? 'fail' : o.gate.result,
        'noncompliant-count': o.gate.noncompliantCount,
        'noncompliant-rules': o.gate.noncompliantRules.join(','),
        'checked-rules': o.checkedRules,
        'report-file': p(o.reportFile),
        'sarif-file': p(o.sarifFile),
        ...(o.newNoncompliant !== undefined ? { 'new-noncompliant-count': o.newNoncompliant } : {}),
        ...(o.checkRunUrl ? { 'check-run-url': o.checkRunUrl } : {}),
        ...(o.drift !== undefined ? { 'drift-count': o.drift } : {}),
        ...(o.planFile ? { 'plan-file': p(o.planFile) } : {}),
        ...(r
            ? {
                'audit-log-file': p(r.auditFile),
                'remediated-count': r.counts.remediated,
                'remediation-failed-count': r.counts.failed,
                ...(r.planHash ? { 'remediation-plan-hash': r.planHash } : {}),
                ...(r.planFile ? { 'remediation-plan-file': p(r.planFile) } : {})
            }
            : {})
    };
}


/***/ })

};

//# sourceMappingURL=468.index.js.map