/**
 * The sections the phases add to the job summary, from their data: baseline, pre-deploy, proposed waivers,
 * remediation, deploy plan and runbook policies. Each section's order and priority place it; the list order only
 * breaks ties. Pure.
 */
import type { BaselineComparison } from '../../baseline/compare.js';
import type { ComplianceResult } from '../../compliance/types.js';
import type { Plan } from '../../deploy/plan.js';
import type { DeployMode } from '../../deploy/plan-file.js';
import type { DesiredState } from '../../desired/model.js';
import type { ProposedWaiver, WaiverBase } from '../../gate/waivers.js';
import type { PreDeployResult } from '../../predeploy/evaluate.js';
import { PULL_REQUEST_EVENTS } from '../../run-context.js';
import type { SummarySection } from '../markdown/layout.js';
import type { EffectivenessReview } from '../../remediation/review.js';
import type { PackRunResult } from '../../deploy/packs/phase.js';
import { baselineSection } from './baseline.js';
import { conformancePacksSection } from './conformance-packs.js';
import { effectivenessSection } from './effectiveness.js';
import { planSection, policySection } from './deploy-plan.js';
import { preDeploySection } from './predeploy.js';
import { remediationSection } from './remediation.js';
import { proposedWaiversSection } from './waivers.js';

/** What the remediation phase reports (its result's `report`). */
type RemediationReport = Parameters<typeof remediationSection>[0];

export interface RunSectionsInput {
  /** The result the summary reports (waivers, remediation outcomes and pre-deploy findings applied). */
  result: ComplianceResult;
  comparison?: BaselineComparison | undefined;
  preDeploy?: PreDeployResult | undefined;
  waivers?: { proposed: readonly ProposedWaiver[]; base?: WaiverBase | undefined } | undefined;
  remediation?: RemediationReport | undefined;
  /** The remediation effectiveness review (review-days). */
  effectiveness?: EffectivenessReview | undefined;
  /** A deploy run that made a plan (deploy: plan, apply or destroy). */
  deploy?:
    | { plan: Plan; mode: DeployMode; desired: DesiredState; applied?: { done: number; error?: string } | undefined }
    | undefined;
  /** deploy-as: conformance-pack / organization-conformance-pack. */
  packs?: PackRunResult | undefined;
  /** The workflow event (GITHUB_EVENT_NAME): a deploy plan leads the summary on pull-request events. */
  eventName?: string | undefined;
}

export function runSections(input: RunSectionsInput): SummarySection[] {
  const sections: SummarySection[] = [];
  if (input.comparison) sections.push(baselineSection(input.comparison));
  if (input.preDeploy) sections.push(preDeploySection(input.preDeploy));
  const proposed = input.waivers && proposedWaiversSection(input.waivers.proposed, input.waivers.base, input.result);
  if (proposed) sections.push(proposed);
  // The run's main act leads the summary: a remediation run, else a deploy plan in a pull request.
  if (input.remediation) sections.push(remediationSection(input.remediation, { lead: true }));
  if (input.effectiveness) sections.push(effectivenessSection(input.effectiveness));
  const d = input.deploy;
  if (d) {
    const lead = !input.remediation && d.mode === 'plan' && PULL_REQUEST_EVENTS.has(input.eventName ?? '');
    sections.push(planSection(d.plan, d.mode, d.desired, d.applied, { lead }));
    if (d.desired.documents.length > 0) sections.push(policySection(d.desired, { lead }));
  }
  if (input.packs) sections.push(conformancePacksSection(input.packs));
  return sections;
}
