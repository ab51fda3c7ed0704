/**
 * Systems Manager in the simulated account: documents (versions, hashes, tags, AWS-owned documents) and the
 * Automation engine (../../automation/engine.ts). Inputs arrive checked against ssm.json by the server; handlers return
 * the model's member names, with Date timestamps. Errors are the codes the model declares for each operation.
 */
import type * as Ssm from '@aws-sdk/client-ssm';
import type { AccountState } from '../../core/state.js';
import { AwsError, type RequestContext, typedHandlers } from '../../core/types.js';
import { ContentError, buildVersion, convertContent } from './content.js';
import {
  allDocuments,
  contentError,
  describeVersion,
  documentIdentifier,
  findDocument,
  page,
  requireDocument,
  requireOwnedDocument,
  requireVersion,
  reservedPrefix,
  ssmError,
  versionInfo
} from './documents.js';
import {
  executionView,
  getAutomation,
  requireExecution,
  startAutomation,
  stepView,
  stopAutomation
} from '../../automation/engine.js';
import {
  TERMINAL_STATUSES,
  ssmState,
  type AutomationExecutionRecord,
  type AutomationStatus,
  type DocumentFormat,
  type DocumentRecord,
  type DocumentVersionRecord
} from './state.js';

export { getAutomation, startAutomation, stopAutomation } from '../../automation/engine.js';
export type { AutomationExecutionView, StartAutomationOptions, StepExecutionView } from '../../automation/engine.js';

type Tag = { Key: string; Value: string };

/** A member the model requires (the server has checked it; the SDK's types still say `| undefined`). */
function required(value: string | undefined, member: string): string {
  if (value === undefined) {
    throw new AwsError('ValidationException', `1 validation error detected: ${member} must not be null`);
  }
  return value;
}

function tagsOf(tags: Ssm.Tag[] | undefined): Tag[] {
  return (tags ?? []).map(t => ({ Key: String(t.Key), Value: typeof t.Value === 'string' ? t.Value : '' }));
}

/** Tags per resource: SSM allows 1000 (TagList length). */
const MAX_TAGS = 1000;

function mergeTags(existing: Tag[], added: Tag[]): Tag[] {
  const out = existing.map(t => ({ ...t }));
  for (const t of added) {
    const found = out.find(e => e.Key === t.Key);
    if (found) found.Value = t.Value;
    else out.push({ ...t });
  }
  if (out.length > MAX_TAGS) throw new AwsError('TooManyTagsError', `A resource can have at most ${MAX_TAGS} tags.`);
  return out;
}

function formatOf(format: string | undefined): DocumentFormat {
  return (format as DocumentFormat | undefined) ?? 'JSON';
}

/** What CreateDocument and UpdateDocument share: the content of the new version. */
type VersionInput = Pick<
  Ssm.CreateDocumentCommandInput,
  'Content' | 'DocumentFormat' | 'VersionName' | 'DisplayName' | 'TargetType'
>;

function newVersion(
  input: VersionInput,
  documentType: string,
  version: string,
  ctx: RequestContext
): DocumentVersionRecord {
  try {
    const v = buildVersion(
      required(input.Content, 'Content'),
      formatOf(input.DocumentFormat),
      documentType,
      version,
      ctx.now().toISOString(),
      input.VersionName
    );
    const displayName = input.DisplayName;
    if (displayName !== undefined) v.displayName = displayName;
    const targetType = input.TargetType;
    if (targetType !== undefined) v.targetType = targetType;
    return v;
  } catch (e) {
    if (e instanceof ContentError) throw contentError(e);
    throw e;
  }
}

// ------------------------------------------------------------------------------------------------ documents

/**
 * Documents are not usable at once: "When you create or update a document, the status is Creating or Updating until
 * the document is processed; then it is Active" (SSM API Reference, DocumentDescription.Status: Creating | Active |
 * Updating | Deleting | Failed, and StatusInformation: "A message returned by AWS Systems Manager that explains the
 * Status value. For example, a Failed status might be explained by the StatusInformation message..."
 * https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_DocumentDescription.html).
 * Scenario options: `documentActivationSeconds` (simulator seconds until Active; default 0: Active at once) and
 * `documentActivationFailures` (document name -> StatusInformation: that document's new versions end Failed).
 */
function documentActivation(
  ctx: RequestContext,
  doc: DocumentRecord,
  v: DocumentVersionRecord,
  pending: 'Creating' | 'Updating'
): void {
  const raw = ctx.sim.options['documentActivationSeconds'];
  const seconds = typeof raw === 'number' && Number.isFinite(raw) && raw > 0 ? raw : 0;
  const failures = ctx.sim.options['documentActivationFailures'];
  const failure =
    typeof failures === 'object' && failures !== null && Object.hasOwn(failures, doc.name)
      ? String((failures as Record<string, unknown>)[doc.name])
      : undefined;
  const settle = (): void => {
    if (failure !== undefined) {
      v.status = 'Failed';
      v.statusInformation = failure;
    } else {
      v.status = 'Active';
    }
  };
  if (seconds === 0) {
    settle();
    return;
  }
  v.status = pending;
  ctx.sim.schedule(seconds * 1000, settle);
}

function createDocument(input: Ssm.CreateDocumentCommandInput, ctx: RequestContext): unknown {
  const state = ctx.state;
  const ssm = ssmState(state, ctx.now());
  const name = required(input.Name, 'Name');
  const reserved = reservedPrefix(name);
  if (reserved !== undefined) {
    throw new AwsError(
      'ValidationException',
      `Invalid document name ${name}: the prefix '${reserved}' is reserved by AWS (aws-, amazon, amzn, AWSEC2, AWSConfigRemediation, AWSSupport).`
    );
  }
  if (findDocument(state, name))
    throw ssmError('DocumentAlreadyExists', `Document with same name ${name} already exists`);
  const documentType = input.DocumentType ?? 'Command';
  const version = newVersion(input, documentType, '1', ctx);
  const tags = mergeTags([], tagsOf(input.Tags));
  const doc: DocumentRecord = {
    name,
    documentType,
    owner: state.accountId,
    defaultVersion: '1',
    latestVersion: '1',
    versionCounter: 1,
    versions: { '1': version },
    tags
  };
  ssm.documents[name] = doc;
  documentActivation(ctx, doc, version, 'Creating');
  return { DocumentDescription: describeVersion(doc, version) };
}

/** Documents may have at most 1000 versions. */
const MAX_VERSIONS = 1000;

function updateDocument(input: Ssm.UpdateDocumentCommandInput, ctx: RequestContext): unknown {
  const doc = requireOwnedDocument(ctx.state, required(input.Name, 'Name'), 'UpdateDocument');
  const wanted = input.DocumentVersion;
  const latest = doc.latestVersion;
  const target =
    wanted === undefined || wanted === '$LATEST' ? latest : wanted === '$DEFAULT' ? doc.defaultVersion : wanted;
  if (target !== latest) {
    throw ssmError(
      'InvalidDocumentVersion',
      `Only the latest version of document ${doc.name} (${latest}) can be updated; DocumentVersion was ${wanted}.`
    );
  }
  // A version still Creating or Updating cannot be updated on top of. The API reference names no dedicated error;
  // the simulator answers the modelled InvalidDocumentOperation ("You attempted to ... a document while it is
  // ..."; https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_UpdateDocument.html, Errors).
  const latestRecord = doc.versions[latest];
  if (latestRecord && (latestRecord.status === 'Creating' || latestRecord.status === 'Updating')) {
    throw ssmError(
      'InvalidDocumentOperation',
      `Document ${doc.name} version ${latest} is ${latestRecord.status}; update it once it is Active.`
    );
  }
  if (Object.keys(doc.versions).length >= MAX_VERSIONS) {
    throw ssmError('DocumentVersionLimitExceeded', `Document ${doc.name} already has ${MAX_VERSIONS} versions.`);
  }
  const versionName = input.VersionName;
  if (versionName !== undefined && Object.values(doc.versions).some(v => v.versionName === versionName)) {
    throw ssmError('DuplicateDocumentVersionName', `Document ${doc.name} already has a version named ${versionName}.`);
  }
  const number = String(doc.versionCounter + 1);
  const version = newVersion(input, doc.documentType, number, ctx);
  const same = Object.values(doc.versions).find(v => v.hash === version.hash);
  if (same) {
    throw ssmError(
      'DuplicateDocumentContent',
      `The content of the document matches version ${same.version} of ${doc.name}. Change the content of the document and try again.`
    );
  }
  doc.versionCounter += 1;
  doc.versions[number] = version;
  doc.latestVersion = number;
  documentActivation(ctx, doc, version, 'Updating');
  return { DocumentDescription: describeVersion(doc, version) };
}

function describeDocument(input: Ssm.DescribeDocumentCommandInput, ctx: RequestContext): unknown {
  const doc = requireDocument(ctx.state, required(input.Name, 'Name'));
  const v = requireVersion(doc, input.DocumentVersion, input.VersionName);
  return { Document: describeVersion(doc, v) };
}

function getDocument(input: Ssm.GetDocumentCommandInput, ctx: RequestContext): unknown {
  const doc = requireDocument(ctx.state, required(input.Name, 'Name'));
  const v = requireVersion(doc, input.DocumentVersion, input.VersionName);
  const format = input.DocumentFormat ?? v.format;
  let content: string;
  try {
    content = convertContent(v.content, v.format, format);
  } catch (e) {
    if (e instanceof ContentError) throw ssmError('InvalidDocument', e.message);
    throw e;
  }
  const out: Record<string, unknown> = {
    Name: doc.name,
    CreatedDate: new Date(v.createdDate),
    DocumentVersion: v.version,
    Status: 'Active',
    Content: content,
    DocumentType: doc.documentType,
    DocumentFormat: format
  };
  if (v.versionName !== undefined) out.VersionName = v.versionName;
  if (v.displayName !== undefined) out.DisplayName = v.displayName;
  return out;
}

function updateDocumentDefaultVersion(
  input: Ssm.UpdateDocumentDefaultVersionCommandInput,
  ctx: RequestContext
): unknown {
  const doc = requireOwnedDocument(ctx.state, required(input.Name, 'Name'), 'UpdateDocumentDefaultVersion');
  const wanted = required(input.DocumentVersion, 'DocumentVersion');
  const v = doc.versions[wanted];
  if (!v) throw ssmError('InvalidDocumentVersion', `Document ${doc.name} has no version ${wanted}.`);
  doc.defaultVersion = v.version;
  const description: Record<string, unknown> = { Name: doc.name, DefaultVersion: v.version };
  if (v.versionName !== undefined) description.DefaultVersionName = v.versionName;
  return { Description: description };
}

function deleteDocument(input: Ssm.DeleteDocumentCommandInput, ctx: RequestContext): unknown {
  const doc = requireOwnedDocument(ctx.state, required(input.Name, 'Name'), 'DeleteDocument');
  const ssm = ssmState(ctx.state, ctx.now());
  const version = input.DocumentVersion;
  const versionName = input.VersionName;
  if (version === undefined && versionName === undefined) {
    delete ssm.documents[doc.name];
    return {};
  }
  const v = requireVersion(doc, version, versionName);
  if (v.version === doc.defaultVersion) {
    throw ssmError(
      'InvalidDocumentOperation',
      `Version ${v.version} is the default version of ${doc.name}; set another default version before deleting it.`
    );
  }
  delete doc.versions[v.version];
  doc.latestVersion = String(Math.max(...Object.keys(doc.versions).map(Number)));
  return {};
}

const OWNER_VALUES = new Set(['Self', 'Amazon', 'Private', 'Public', 'ThirdParty', 'All']);

/** Normalised filters of ListDocuments: Filters (Key/Values) and the legacy DocumentFilterList (key/value). */
function documentFilters(input: Ssm.ListDocumentsCommandInput): { key: string; values: string[] }[] {
  const out: { key: string; values: string[] }[] = [];
  for (const f of input.Filters ?? []) {
    out.push({ key: f.Key ?? '', values: f.Values ?? [] });
  }
  for (const f of input.DocumentFilterList ?? []) {
    out.push({ key: f.key ?? '', values: f.value !== undefined ? [f.value] : [] });
  }
  return out;
}

function ownerMatches(doc: DocumentRecord, owner: string, state: AccountState): boolean {
  switch (owner) {
    case 'Self':
    case 'Private':
      return doc.owner === state.accountId;
    case 'Amazon':
      return doc.owner === 'Amazon';
    case 'All':
      return true;
    default:
      return false; // Public / ThirdParty: the simulated account has no shared documents
  }
}

function listDocuments(input: Ssm.ListDocumentsCommandInput, ctx: RequestContext): unknown {
  const state = ctx.state;
  const filters = documentFilters(input);
  const checks: ((d: DocumentRecord) => boolean)[] = [];
  for (const { key, values } of filters) {
    if (key.startsWith('tag:')) {
      const tagKey = key.slice(4);
      checks.push(d => d.tags.some(t => t.Key === tagKey && (values.length === 0 || values.includes(t.Value))));
      continue;
    }
    switch (key.toLowerCase()) {
      case 'owner': {
        if (values.length !== 1 || !OWNER_VALUES.has(values[0]!)) {
          throw new AwsError(
            'InvalidFilterKey',
            `Owner takes exactly one of ${[...OWNER_VALUES].join(', ')}; got ${values.join(', ') || 'nothing'}`
          );
        }
        const owner = values[0]!;
        checks.push(d => ownerMatches(d, owner, state));
        break;
      }
      case 'name':
        checks.push(d => values.some(v => d.name.startsWith(v)));
        break;
      case 'documenttype':
        checks.push(d => values.includes(d.documentType));
        break;
      case 'platformtypes':
        checks.push(
          d => d.documentType === 'Automation' && values.some(v => ['Windows', 'Linux', 'MacOS'].includes(v))
        );
        break;
      case 'targettype':
        checks.push(d => values.includes(d.versions[d.defaultVersion]?.targetType ?? ''));
        break;
      case 'searchkeyword':
        checks.push(d => values.some(v => d.name.toLowerCase().includes(v.toLowerCase())));
        break;
      default:
        throw new AwsError(
          'InvalidFilterKey',
          `Filter key ${key} is not supported (Owner, Name, DocumentType, PlatformTypes, TargetType, SearchKeyword, tag:KEY)`
        );
    }
  }
  const docs = allDocuments(state).filter(d => checks.every(c => c(d)));
  const p = page('ListDocuments', docs, input.MaxResults, input.NextToken, 50);
  const out: Record<string, unknown> = { DocumentIdentifiers: p.items.map(documentIdentifier) };
  if (p.nextToken !== undefined) out.NextToken = p.nextToken;
  return out;
}

function listDocumentVersions(input: Ssm.ListDocumentVersionsCommandInput, ctx: RequestContext): unknown {
  const doc = requireDocument(ctx.state, required(input.Name, 'Name'));
  const versions = Object.values(doc.versions).sort((a, b) => Number(a.version) - Number(b.version));
  const p = page('ListDocumentVersions', versions, input.MaxResults, input.NextToken, 50);
  const out: Record<string, unknown> = { DocumentVersions: p.items.map(v => versionInfo(doc, v)) };
  if (p.nextToken !== undefined) out.NextToken = p.nextToken;
  return out;
}

// ------------------------------------------------------------------------------------------------ tags

function taggable(
  input: { ResourceType?: string | undefined; ResourceId?: string | undefined },
  ctx: RequestContext
): { tags: Tag[]; set(tags: Tag[]): void } {
  const type = required(input.ResourceType, 'ResourceType');
  const id = required(input.ResourceId, 'ResourceId');
  if (type === 'Document') {
    const doc = findDocument(ctx.state, id);
    if (!doc || doc.owner !== ctx.state.accountId) {
      throw new AwsError('InvalidResourceId', `The resource ID ${id} is not a document this account owns.`);
    }
    return { tags: doc.tags, set: t => (doc.tags = t) };
  }
  if (type === 'Automation') {
    const rec = ssmState(ctx.state, ctx.now()).executions[id];
    if (!rec) throw new AwsError('InvalidResourceId', `Automation execution ${id} does not exist.`);
    return { tags: rec.tags, set: t => (rec.tags = t) };
  }
  throw new AwsError('InvalidResourceId', `The simulated account has no ${type} resource ${id}.`);
}

function addTagsToResource(input: Ssm.AddTagsToResourceCommandInput, ctx: RequestContext): unknown {
  const r = taggable(input, ctx);
  r.set(mergeTags(r.tags, tagsOf(input.Tags)));
  return {};
}

function removeTagsFromResource(input: Ssm.RemoveTagsFromResourceCommandInput, ctx: RequestContext): unknown {
  const r = taggable(input, ctx);
  const keys = new Set(input.TagKeys ?? []);
  r.set(r.tags.filter(t => !keys.has(t.Key)));
  return {};
}

function listTagsForResource(input: Ssm.ListTagsForResourceCommandInput, ctx: RequestContext): unknown {
  return { TagList: taggable(input, ctx).tags.map(t => ({ ...t })) };
}

// ------------------------------------------------------------------------------------------------ automation

/** StartAutomationExecution members that need multi-target / multi-account rate control, which is not simulated. */
const UNSUPPORTED_START_MEMBERS: readonly (keyof Ssm.StartAutomationExecutionCommandInput)[] = [
  'Targets',
  'TargetMaps',
  'TargetParameterName',
  'TargetLocations',
  'TargetLocationsURL',
  'MaxConcurrency',
  'MaxErrors',
  'AlarmConfiguration'
];

function startAutomationExecution(input: Ssm.StartAutomationExecutionCommandInput, ctx: RequestContext): unknown {
  const unsupported = UNSUPPORTED_START_MEMBERS.filter(m => input[m] !== undefined);
  if (unsupported.length > 0) {
    throw ssmError(
      'InvalidAutomationExecutionParametersException',
      `The simulated account runs automations on a single target only; ${unsupported.join(', ')} are not supported.`
    );
  }
  const mode = input.Mode ?? 'Auto';
  if (mode !== 'Auto') {
    throw ssmError(
      'InvalidAutomationExecutionParametersException',
      `Mode ${mode} is not supported by the simulated account (only Auto).`
    );
  }
  const opts: Parameters<typeof startAutomation>[1] = {
    documentName: required(input.DocumentName, 'DocumentName'),
    parameters: input.Parameters ?? {},
    tags: tagsOf(input.Tags)
  };
  const version = input.DocumentVersion;
  if (version !== undefined) opts.documentVersion = version;
  const token = input.ClientToken;
  if (token !== undefined) opts.clientToken = token;
  return { AutomationExecutionId: startAutomation(ctx, opts) };
}

function getAutomationExecution(input: Ssm.GetAutomationExecutionCommandInput, ctx: RequestContext): unknown {
  return { AutomationExecution: getAutomation(ctx, required(input.AutomationExecutionId, 'AutomationExecutionId')) };
}

function stopAutomationExecution(input: Ssm.StopAutomationExecutionCommandInput, ctx: RequestContext): unknown {
  stopAutomation(ctx, required(input.AutomationExecutionId, 'AutomationExecutionId'));
  return {};
}

const EXECUTION_STATUSES = new Set<string>([
  'Pending',
  'InProgress',
  'Waiting',
  'Success',
  'TimedOut',
  'Cancelling',
  'Cancelled',
  'Failed',
  'PendingApproval',
  'Approved',
  'Rejected',
  'Scheduled',
  'RunbookInProgress',
  'PendingChangeCalendarOverride',
  'ChangeCalendarOverrideApproved',
  'ChangeCalendarOverrideRejected',
  'CompletedWithSuccess',
  'CompletedWithFailure',
  'Exited'
]);

function timeFilter(key: string, values: string[]): number {
  const t = values.length === 1 ? Date.parse(values[0]!) : NaN;
  if (Number.isNaN(t)) throw ssmError('InvalidFilterValue', `${key} takes one ISO 8601 time, got ${values.join(', ')}`);
  return t;
}

function executionFilter(key: string, values: string[]): (e: AutomationExecutionRecord) => boolean {
  switch (key) {
    case 'DocumentNamePrefix':
      return e => values.some(v => e.documentName.startsWith(v));
    case 'ExecutionStatus': {
      const bad = values.filter(v => !EXECUTION_STATUSES.has(v));
      if (bad.length > 0)
        throw ssmError('InvalidFilterValue', `ExecutionStatus values ${bad.join(', ')} are not statuses`);
      return e => values.includes(e.status);
    }
    case 'ExecutionId':
      return e => values.includes(e.executionId);
    case 'ParentExecutionId':
      return () => false; // the simulated engine never starts child executions
    case 'CurrentAction':
      return e => e.currentAction !== undefined && values.includes(e.currentAction);
    case 'StartTimeBefore': {
      const t = timeFilter(key, values);
      return e => Date.parse(e.startTime) < t;
    }
    case 'StartTimeAfter': {
      const t = timeFilter(key, values);
      return e => Date.parse(e.startTime) > t;
    }
    case 'AutomationType':
      return () => values.includes('Local');
    case 'TagKey':
      return e => e.tags.some(t => values.includes(t.Key));
    default:
      throw ssmError('InvalidFilterKey', `Filter key ${key} is not supported by the simulated account.`);
  }
}

function executionMetadata(state: AccountState, e: AutomationExecutionRecord): Record<string, unknown> {
  const view = executionView(state, e);
  const out: Record<string, unknown> = {
    AutomationExecutionId: view.AutomationExecutionId,
    DocumentName: view.DocumentName,
    DocumentVersion: view.DocumentVersion,
    AutomationExecutionStatus: view.AutomationExecutionStatus,
    ExecutionStartTime: view.ExecutionStartTime,
    ExecutedBy: view.ExecutedBy,
    Mode: view.Mode,
    AutomationType: 'Local'
  };
  if (view.ExecutionEndTime !== undefined) out.ExecutionEndTime = view.ExecutionEndTime;
  if (view.Outputs !== undefined) out.Outputs = view.Outputs;
  if (view.FailureMessage !== undefined) out.FailureMessage = view.FailureMessage;
  if (view.CurrentStepName !== undefined) out.CurrentStepName = view.CurrentStepName;
  if (view.CurrentAction !== undefined) out.CurrentAction = view.CurrentAction;
  return out;
}

function describeAutomationExecutions(
  input: Ssm.DescribeAutomationExecutionsCommandInput,
  ctx: RequestContext
): unknown {
  const filters = (input.Filters ?? []).map(f => executionFilter(f.Key ?? '', f.Values ?? []));
  const all = Object.values(ssmState(ctx.state, ctx.now()).executions)
    .filter(e => filters.every(f => f(e)))
    .sort((a, b) => (a.startTime === b.startTime ? 0 : a.startTime < b.startTime ? 1 : -1));
  const p = page('DescribeAutomationExecutions', all, input.MaxResults, input.NextToken, 50);
  const out: Record<string, unknown> = {
    AutomationExecutionMetadataList: p.items.map(e => executionMetadata(ctx.state, e))
  };
  if (p.nextToken !== undefined) out.NextToken = p.nextToken;
  return out;
}

function describeAutomationStepExecutions(
  input: Ssm.DescribeAutomationStepExecutionsCommandInput,
  ctx: RequestContext
): unknown {
  const rec = requireExecution(ctx.state, required(input.AutomationExecutionId, 'AutomationExecutionId'));
  const checks: ((s: AutomationExecutionRecord['steps'][number]) => boolean)[] = [];
  for (const f of input.Filters ?? []) {
    // Key and Values are required members of StepExecutionFilter (checked by the server).
    const values = f.Values ?? [];
    switch (f.Key) {
      case 'StepName':
        checks.push(s => values.includes(s.stepName));
        break;
      case 'Action':
        checks.push(s => values.includes(s.action));
        break;
      case 'StepExecutionId':
        checks.push(s => values.includes(s.stepExecutionId));
        break;
      case 'StepExecutionStatus':
        checks.push(s => values.some(v => v.toLowerCase() === s.status.toLowerCase()));
        break;
      case 'StartTimeBefore': {
        const t = timeFilter(f.Key, values);
        checks.push(s => s.startTime !== undefined && Date.parse(s.startTime) < t);
        break;
      }
      case 'StartTimeAfter': {
        const t = timeFilter(f.Key, values);
        checks.push(s => s.startTime !== undefined && Date.parse(s.startTime) > t);
        break;
      }
      default:
        throw ssmError('InvalidFilterKey', `Filter key ${f.Key} is not supported.`);
    }
  }
  let steps = rec.steps.filter(s => checks.every(c => c(s)));
  if (input.ReverseOrder === true) steps = [...steps].reverse();
  const p = page('DescribeAutomationStepExecutions', steps, input.MaxResults, input.NextToken, 50);
  const out: Record<string, unknown> = { StepExecutions: p.items.map(stepView) };
  if (p.nextToken !== undefined) out.NextToken = p.nextToken;
  return out;
}

/** True once an execution reached Success, Failed, TimedOut or Cancelled. */
export function isFinished(status: AutomationStatus): boolean {
  return TERMINAL_STATUSES.has(status);
}

/** The SDK's input type of each operation. */
type SsmInputs = {
  CreateDocument: Ssm.CreateDocumentCommandInput;
  UpdateDocument: Ssm.UpdateDocumentCommandInput;
  DescribeDocument: Ssm.DescribeDocumentCommandInput;
  GetDocument: Ssm.GetDocumentCommandInput;
  UpdateDocumentDefaultVersion: Ssm.UpdateDocumentDefaultVersionCommandInput;
  DeleteDocument: Ssm.DeleteDocumentCommandInput;
  ListDocuments: Ssm.ListDocumentsCommandInput;
  ListDocumentVersions: Ssm.ListDocumentVersionsCommandInput;
  AddTagsToResource: Ssm.AddTagsToResourceCommandInput;
  RemoveTagsFromResource: Ssm.RemoveTagsFromResourceCommandInput;
  ListTagsForResource: Ssm.ListTagsForResourceCommandInput;
  StartAutomationExecution: Ssm.StartAutomationExecutionCommandInput;
  GetAutomationExecution: Ssm.GetAutomationExecutionCommandInput;
  StopAutomationExecution: Ssm.StopAutomationExecutionCommandInput;
  DescribeAutomationExecutions: Ssm.DescribeAutomationExecutionsCommandInput;
  DescribeAutomationStepExecutions: Ssm.DescribeAutomationStepExecutionsCommandInput;
};

/** ssm operations of the simulated account. */
export const ssmHandlers = typedHandlers<SsmInputs>({
  CreateDocument: createDocument,
  UpdateDocument: updateDocument,
  DescribeDocument: describeDocument,
  GetDocument: getDocument,
  UpdateDocumentDefaultVersion: updateDocumentDefaultVersion,
  DeleteDocument: deleteDocument,
  ListDocuments: listDocuments,
  ListDocumentVersions: listDocumentVersions,
  AddTagsToResource: addTagsToResource,
  RemoveTagsFromResource: removeTagsFromResource,
  ListTagsForResource: listTagsForResource,
  StartAutomationExecution: startAutomationExecution,
  GetAutomationExecution: getAutomationExecution,
  StopAutomationExecution: stopAutomationExecution,
  DescribeAutomationExecutions: describeAutomationExecutions,
  DescribeAutomationStepExecutions: describeAutomationStepExecutions
});
