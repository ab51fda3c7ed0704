/**
 * Everything after authentication, loaded by run() with one dynamic import: the first AWS request does not wait for
 * these modules, and the bundle gets one lazily loaded chunk rather than several that repeat shared code.
 */
export { runDeploy } from './deploy/phase.js';
export { readRemediationConfigurations } from './deploy/read-actual.js';
export { checkCompliance } from './compliance/check.js';
export { hipaaSectionsFor } from './conformance/builtin.js';
export { waiversForRun, type WaiverRunResult } from './github/base-manifest.js';
export { markProposedWaivers } from './gate/waivers.js';
export { prepareReview, type Review } from './locate/phase.js';
export { runRemediation, type RemediationPhaseResult } from './remediation/phase.js';
export { evaluateTemplates, mergePreDeploy, type PreDeployResult } from './predeploy/evaluate.js';
export type { SummarySection } from './report/markdown/layout.js';
export { baselineSection } from './report/sections/baseline.js';
export { planSection, policySection } from './report/sections/deploy-plan.js';
export { preDeploySection } from './report/sections/predeploy.js';
export { proposedWaiversSection } from './report/sections/waivers.js';
export { remediationSection } from './report/sections/remediation.js';
export { writeReports, emitWorkflowAnnotations } from './report/run-report.js';
export { writeSarifReport, publishChecks } from './report/publish.js';
export { outputsOf } from './report/outputs.js';
