/**
 * Shapes of `state.ssm` (Systems Manager in the simulated account) and the one typed accessor to it.
 *
 * Everything is plain JSON (timestamps are ISO 8601 strings) so the state can be dumped by `GET /_sim/state` and
 * written as scenario data. A scenario may declare a document in a compact form, `{ "content": "...",
 * "documentFormat": "YAML" }`; the first access (`ssmState`) turns it into a full record (version 1, hash,
 * parameters, created at the simulator's clock), checking the content as CreateDocument would.
 */
import { createHash } from 'node:crypto';
import type { AccountState } from '../../core/state.js';
import { buildVersion } from './content.js';

export type DocumentFormat = 'YAML' | 'JSON' | 'TEXT';

/** One document parameter as DescribeDocument reports it. */
export interface DocumentParameterInfo {
  Name: string;
  Type: string;
  Description?: string;
  DefaultValue?: string;
}

/** One version of a document. */
export interface DocumentVersionRecord {
  version: string;
  versionName?: string;
  displayName?: string;
  targetType?: string;
  /** The content exactly as sent. */
  content: string;
  format: DocumentFormat;
  /** SHA-256 (lowercase hex) of `content` as UTF-8. */
  hash: string;
  schemaVersion: string;
  description?: string;
  parameters: DocumentParameterInfo[];
  /** ISO 8601. */
  createdDate: string;
  /** DocumentStatus of this version; absent: Active (see documentActivation in services/ssm/handlers.ts). */
  status?: DocumentVersionStatus;
  /** Why the version is Failed (DocumentDescription.StatusInformation). */
  statusInformation?: string;
}

/** DocumentStatus (SSM API Reference, DocumentDescription.Status: Creating | Active | Updating | Deleting | Failed). */
export type DocumentVersionStatus = 'Creating' | 'Updating' | 'Active' | 'Failed';

/** A document owned by the account (CreateDocument). AWS-owned documents are built in, not stored here. */
export interface DocumentRecord {
  name: string;
  documentType: string;
  /** The owning account id. */
  owner: string;
  defaultVersion: string;
  latestVersion: string;
  /** Highest version number ever used (versions are never renumbered after a version is deleted). */
  versionCounter: number;
  versions: Record<string, DocumentVersionRecord>;
  tags: { Key: string; Value: string }[];
}

/** The scenario-data form of a document: content plus optional metadata; completed on first access. */
export interface DocumentRecordInput {
  content: string;
  documentFormat?: DocumentFormat;
  documentType?: string;
  versionName?: string;
  tags?: { Key: string; Value: string }[];
}

export type AutomationStatus = 'Pending' | 'InProgress' | 'Waiting' | 'Success' | 'TimedOut' | 'Cancelled' | 'Failed';

export const TERMINAL_STATUSES: ReadonlySet<AutomationStatus> = new Set(['Success', 'TimedOut', 'Cancelled', 'Failed']);

/** One step run (one StepExecution). A retried step keeps one record; `attempts` counts the tries. */
export interface StepExecutionRecord {
  stepExecutionId: string;
  stepName: string;
  action: string;
  status: AutomationStatus;
  /** ISO 8601. */
  startTime?: string;
  endTime?: string;
  /** Resolved inputs, each as JSON text (as AWS shows them). */
  inputs?: Record<string, string>;
  outputs?: Record<string, string[]>;
  /** The raw API response (JSON) for aws:executeAwsApi / assert / wait. */
  response?: string;
  failureMessage?: string;
  failureType?: string;
  onFailure: string;
  maxAttempts: number;
  attempts: number;
  timeoutSeconds?: number;
  isEnd: boolean;
  isCritical: boolean;
  nextStep?: string;
}

/** One automation execution (StartAutomationExecution). */
export interface AutomationExecutionRecord {
  executionId: string;
  documentName: string;
  documentVersion: string;
  /** Hash of the document version that runs (the content is looked up by it). */
  documentHash: string;
  status: AutomationStatus;
  /** ISO 8601. */
  startTime: string;
  endTime?: string;
  /** Parameters as given plus defaults, as string lists. */
  parameters: Record<string, string[]>;
  /** Typed parameter values (defaults applied) used by `{{ }}` substitution. */
  resolvedParameters: Record<string, unknown>;
  variables: Record<string, unknown>;
  /** Typed step outputs by `Step.Output`. */
  stepOutputs: Record<string, unknown>;
  steps: StepExecutionRecord[];
  currentStepName?: string;
  currentAction?: string;
  failureMessage?: string;
  /** Set when a critical step failed but the execution went on (onFailure Continue / step:NAME). */
  criticalFailure?: string;
  mode: 'Auto';
  executedBy: string;
  /** The role the automation runs as (resolved assumeRole), when the document declares one. */
  assumeRole?: string;
  clientToken?: string;
  tags: { Key: string; Value: string }[];
}

export interface SsmState {
  /** Documents owned by the account, by name. */
  documents: Record<string, DocumentRecord>;
  /** Automation executions, by id. */
  executions: Record<string, AutomationExecutionRecord>;
  /** Counter behind every id this service derives (execution, step execution, message ids). */
  sequence: number;
}

/** A deterministic UUID-shaped id (8-4-4-4-12 hex) from the account id, a kind and the state's counter. */
export function nextId(state: AccountState, kind: string): string {
  const ssm = ssmState(state);
  ssm.sequence += 1;
  const hex = createHash('sha256').update(`${state.accountId}:${kind}:${ssm.sequence}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const prepared = new WeakSet<object>();

/**
 * The typed `state.ssm`, filling defaults of scenario data in place the first time a given object is seen.
 * Throws (naming the document) when a scenario declares a document whose content CreateDocument would refuse.
 */
export function ssmState(state: AccountState, now: Date = new Date()): SsmState {
  const raw = state.ssm;
  if (prepared.has(raw)) return raw as unknown as SsmState;
  const ssm = raw as unknown as SsmState;
  ssm.documents ??= {};
  ssm.executions ??= {};
  ssm.sequence ??= 0;
  for (const [name, doc] of Object.entries(ssm.documents)) {
    if ((doc as Partial<DocumentRecord>).versions !== undefined) continue;
    const input = doc as unknown as DocumentRecordInput;
    const documentType = input.documentType ?? 'Automation';
    const format = input.documentFormat ?? 'YAML';
    let version: DocumentVersionRecord;
    try {
      version = buildVersion(input.content, format, documentType, '1', now.toISOString(), input.versionName);
    } catch (e) {
      throw new Error(`ssm state: scenario document '${name}': ${(e as Error).message}`);
    }
    ssm.documents[name] = {
      name,
      documentType,
      owner: state.accountId,
      defaultVersion: '1',
      latestVersion: '1',
      versionCounter: 1,
      versions: { '1': version },
      tags: input.tags ?? []
    };
  }
  prepared.add(raw);
  return ssm;
}
