/**
 * Pure: does a runbook change nothing in the account (it only publishes notifications or reads)? Such a runbook
 * alerts: the remediation phase does not wait for a re-evaluation after it (nothing was fixed), and its outcome is
 * `alerted`, the finding stays open.
 *
 * Decided from the validated steps, failing closed: a step changes nothing only when it is
 * - `aws:executeAwsApi` with literal `Service` and `Api` that publish (`sns` `Publish`) or read (`Describe*`,
 *   `Get*`, `List*`; AWS API naming: read operations are Describe/Get/List), or
 * - a step that calls no API of its own (`aws:sleep`, `aws:pause`, `aws:branch`, `aws:loop`, whose nested steps are
 *   judged on their own) or only reads (`aws:assertAwsResourceProperty`, `aws:waitForAwsResourceProperty`).
 * Anything else (scripts, commands, other APIs, an API given by a parameter) may change something.
 * (Actions: "Systems Manager Automation actions reference",
 * https://docs.aws.amazon.com/systems-manager/latest/userguide/automation-actions.html.)
 */
import { allSteps } from './parse.js';
import type { Runbook, RunbookStep } from './types.js';

const NO_API_ACTIONS: ReadonlySet<string> = new Set(['aws:sleep', 'aws:pause', 'aws:branch', 'aws:loop']);
const READ_ACTIONS: ReadonlySet<string> = new Set(['aws:assertAwsResourceProperty', 'aws:waitForAwsResourceProperty']);
const READ_API = /^(Describe|Get|List)[A-Z]/;

/**
 * AWS-owned documents that only alert: AWS-PublishSNSNotification "Publish a notification to Amazon SNS"
 * (https://docs.aws.amazon.com/systems-manager-automation-runbooks/latest/userguide/automation-aws-publishsnsnotification.html).
 * Every other AWS-owned document is taken to change something.
 */
const ALERT_ONLY_AWS_DOCUMENTS: ReadonlySet<string> = new Set(['AWS-PublishSNSNotification']);

function stepChangesNothing(step: RunbookStep): boolean {
  if (NO_API_ACTIONS.has(step.action) || READ_ACTIONS.has(step.action)) return true;
  if (step.action !== 'aws:executeAwsApi') return false;
  const service = step.inputs['Service'];
  const api = step.inputs['Api'];
  if (typeof service !== 'string' || typeof api !== 'string' || /\{\{/.test(service + api)) return false;
  if (service.toLowerCase() === 'sns' && api === 'Publish') return true;
  return READ_API.test(api);
}

/** The runbook has steps and every one (nested ones included) only publishes or reads. */
export function runbookChangesNothing(runbook: Pick<Runbook, 'steps'>): boolean {
  const steps = allSteps(runbook.steps);
  return steps.length > 0 && steps.every(stepChangesNothing);
}

/** An AWS-owned document known to only alert. */
export function awsDocumentChangesNothing(name: string): boolean {
  return ALERT_ONLY_AWS_DOCUMENTS.has(name);
}
