/**
 * Everything after authentication, loaded by run() with one dynamic import: the first AWS request does not wait for
 * these modules, and the bundle gets one lazily loaded chunk rather than several that repeat shared code.
 */
export { runDeploy, remediationsInAccount } from './deploy/phase.js';
export { readRemediationConfigurations } from './deploy/read-actual.js';
export { checkCompliance } from './compliance/check.js';
export { hipaaSectionsFor } from './conformance/builtin.js';
export { waiversForRun, type WaiverRunResult } from './github/base-manifest.js';
export { markProposedWaivers } from './gate/waivers.js';
export { knownFingerprints } from './baseline/compare.js';
export { prepareReview, type Review } from './locate/phase.js';
export { runRemediation } from './remediation/phase.js';
export { reviewAuditTrail, type EffectivenessReview } from './remediation/review.js';
export type { RemediationPhaseResult } from './remediation/result.js';
export { mergePreDeploy, type PreDeployResult } from './predeploy/evaluate.js';
export { runPreDeploy } from './predeploy/phase.js';
export { runSections } from './report/sections/run.js';
export { conformancePacksJson } from './report/sections/conformance-packs.js';
export { writeReports } from './report/run-report.js';
export { publishFindings } from './report/publish.js';
export { outputsOf } from './report/outputs.js';
