/**
 * The layers of ../shared/DESIGN.md ("Imports flow one way"), checked by `npm run lint` (depcruise src).
 *
 *   bottom   inputs, outputs, run-context, errors, logging, version, util/, source/
 *   readers  manifest/, conformance/, runbooks/, cfn/
 *   desired  desired/
 *   aws      aws/
 *   phases   deploy/, compliance/, gate/, baseline/, locate/, predeploy/, remediation/, github/
 *   report   report/ (the only folder that renders)
 *   top      main.ts, steps.ts (run()'s steps; each loads its phase lazily), index.ts
 *
 * A module imports its own layer or lower ones, never a higher one; type-only imports count too (the layer of a
 * type is a design fact). Only the top imports report/. Phases import inputs.ts's types only. src/ never imports
 * packages/ or test/. A file under src/ outside every layer fails, so a new folder is placed on purpose.
 */
const LAYERS = {
  bottom: '^src/((inputs|outputs|run-context|errors|logging|version)\\.ts$|(util|source)/)',
  readers: '^src/(manifest|conformance|runbooks|cfn)/',
  desired: '^src/desired/',
  aws: '^src/aws/',
  phases: '^src/(deploy|compliance|gate|baseline|locate|predeploy|remediation|github)/',
  report: '^src/report/',
  top: '^src/(main|steps|phases|index)\\.ts$'
};
const ORDER = Object.keys(LAYERS);

/** Layer i imports no layer above it (report/ has its own rule, so the message names it). */
const layerRules = ORDER.slice(0, -1).map((layer, i) => ({
  name: `${layer}-imports-no-higher-layer`,
  comment: `${layer} is below ${ORDER.slice(i + 1).join(', ')} (DESIGN.md, Layout): imports flow downward only.`,
  severity: 'error',
  from: { path: LAYERS[layer] },
  to: {
    path: ORDER.slice(i + 1)
      .filter(l => l !== 'report')
      .map(l => LAYERS[l])
  }
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'only-main-imports-report',
      comment: 'report/ is the only folder that renders; only the top (main.ts, steps.ts) imports it.',
      severity: 'error',
      from: { path: '^src/', pathNot: [LAYERS.report, LAYERS.top] },
      to: { path: LAYERS.report }
    },
    {
      name: 'phases-import-input-types-only',
      comment: 'Phases take their own option types; at most they import types from inputs.ts.',
      severity: 'error',
      from: { path: LAYERS.phases },
      to: { path: '^src/inputs\\.ts$', dependencyTypesNot: ['type-only'] }
    },
    {
      name: 'src-imports-no-packages-or-tests',
      comment: 'src/ is what ships in dist/: never the simulator package, test code or test libraries.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: ['^packages/', '^test/', '(^|/)node_modules/(aws-sim|jest|@jest|ts-jest)/'] }
    },
    {
      name: 'src-files-belong-to-a-layer',
      comment: 'Every file under src/ is in one layer of the list at the top of this file.',
      severity: 'error',
      from: { path: '^src/', pathNot: Object.values(LAYERS) },
      to: {}
    },
    {
      name: 'src-imports-resolve',
      comment: 'An import that does not resolve cannot be checked (fail closed).',
      severity: 'error',
      from: { path: '^src/' },
      // sarif: types only (@types/sarif), which tsc resolves and depcruise does not.
      to: { couldNotResolve: true, pathNot: '^sarif$' }
    }
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.json']
    }
  }
};
