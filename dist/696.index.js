export const id = 696;
export const ids = [696];
export const modules = {

/***/ 4696:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   remediationsInAccount: () => (/* binding */ remediationsInAccount),
/* harmony export */   runDeploy: () => (/* binding */ runDeploy)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);

async function runDeploy(clients, options, deps) {
    const { logger } = deps;
    // Loaded only when there is something to read or deploy: a plain check loads neither the manifest readers nor
    // the deploy code (resolveManifest returns undefined in exactly this case).
    const nothingToRead = !options.conformancePack && !options.configExplicit && !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(options.config);
    const manifest = nothingToRead ? undefined : (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(463), __webpack_require__.e(557), __webpack_require__.e(929), __webpack_require__.e(406)]).then(__webpack_require__.bind(__webpack_require__, 406))).resolveManifest(options);
    if (!manifest) {
        logger.info(`No manifest at ${options.config} and no conformance-pack: deploy skipped; checking every rule in the account.`);
        return { warnings: [] };
    }
    const built = await (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(463), __webpack_require__.e(557), __webpack_require__.e(929), __webpack_require__.e(406)]).then(__webpack_require__.bind(__webpack_require__, 406))).loadDesiredState(manifest, options);
    const desired = built.state;
    logger.info(`${manifest.file}: ${desired.rules.length} rules, ${desired.documents.length} runbooks, ${desired.remediations.length} remediations.`);
    if (options.deploy === 'off')
        return { desired, warnings: built.warnings };
    if (options.deployAs && options.deployAs !== 'rules') {
        const { runPackDeploy } = await Promise.all(/* import() */[__webpack_require__.e(101), __webpack_require__.e(736), __webpack_require__.e(411)]).then(__webpack_require__.bind(__webpack_require__, 9411));
        const { writePlanFile } = await __webpack_require__.e(/* import() */ 683).then(__webpack_require__.bind(__webpack_require__, 8683));
        const packed = await runPackDeploy(await clients.config(), desired, {
            mode: options.deployAs,
            deploy: options.deploy,
            prune: options.prune,
            excludedAccounts: options.excludedAccounts ?? [],
            ...(options.templateS3Bucket ? { templateS3Bucket: options.templateS3Bucket } : {})
        }, deps);
        const planFile = await writePlanFile(options.reportDir, packed.plan, options.deploy, desired);
        return { desired, warnings: built.warnings, planFile, ...packed };
    }
    const { readActual } = await Promise.all(/* import() */[__webpack_require__.e(101), __webpack_require__.e(736), __webpack_require__.e(70)]).then(__webpack_require__.bind(__webpack_require__, 2070));
    const { buildPlan } = await __webpack_require__.e(/* import() */ 448).then(__webpack_require__.bind(__webpack_require__, 5448));
    const { writePlanFile } = await __webpack_require__.e(/* import() */ 683).then(__webpack_require__.bind(__webpack_require__, 8683));
    const { applyPlan } = await Promise.all(/* import() */[__webpack_require__.e(101), __webpack_require__.e(736), __webpack_require__.e(427)]).then(__webpack_require__.bind(__webpack_require__, 2427));
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


/***/ })

};

//# sourceMappingURL=696.index.js.map