/**
 * SARIF 2.1.0 for GitHub code scanning: one run, one reporting descriptor per Config rule, one result per
 * non-compliant resource, anchored on the template line that declares the resource (or on the rule's line).
 * Pure builder plus a thin writer; the output is checked against the OASIS 2.1.0 schema in a test.
 */
import { writeJsonFile } from '../util/files.js';
import type { Location, Log, Notification, PropertyBag, ReportingDescriptor, Result, Run, Suppression } from 'sarif';
import { fingerprintOf, type SourceLocation } from '../locate/source-map.js';
import type { ComplianceResult, Finding, RuleResult } from '../compliance/types.js';
import { codeSpan, escapeMarkdown, toSingleLine, truncate } from '../util/text.js';

const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const TOOL_NAME = 'compliance-gate';
const TOOL_INFORMATION_URI = 'https://github.com/example-org/compliance-gate';
/** GitHub code scanning accepts at most 25,000 results per run. */
export const DEFAULT_MAX_RESULTS = 25_000;
/**
 * Key of the partial fingerprint: the finding's stable fingerprint (account + region + rule + resource type +
 * resource id). SARIF 2.1.0 §3.27.17 (partialFingerprints): the property name names the fingerprint's version, so
 * "v2" since account and region joined it (v1 hashed rule, type and id only; a v1 value is never reused under v2).
 */
export const FINGERPRINT_KEY = 'complianceGate/v2';
/** GitHub reads at most 20 tags of a rule. */
const MAX_TAGS = 20;

/** What the report knows about a rule besides its result. */
export interface SarifRuleInfo {
  /** Managed rule identifier, e.g. S3_BUCKET_LOGGING_ENABLED. */
  identifier?: string;
  description?: string;
  hipaaSections: string[];
  helpUri?: string;
}

export interface SarifInput {
  result: ComplianceResult;
  /** Where each finding lands, by fingerprint (see locate/source-map.ts). */
  locations: ReadonlyMap<string, SourceLocation>;
  rules: ReadonlyMap<string, SarifRuleInfo>;
  /** Waived findings as suppressed results (true) or left out (false: code scanning ignores suppressions). */
  includeSuppressed: boolean;
  /** The action's version. */
  version: string;
  /** Default 25,000 (code scanning's per-run limit). */
  maxResults?: number;
  /** For a finding missing from `locations` (e.g. the manifest's first line). */
  defaultLocation?: SourceLocation;
  /** Code scanning category (runs[0].automationDetails.id), e.g. `compliance-gate/prod`. */
  category?: string;
}

export interface SarifOutput {
  log: Log;
  /** Results left out to stay within maxResults. */
  cut: number;
}

// ---------------------------------------------------------------------------------------------------
// security-severity

export interface SeverityClass {
  category: 'public-access' | 'encryption' | 'identity' | 'logging' | 'resilience' | 'other';
  /** GitHub code scanning: >= 9.0 critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low. */
  score: string;
}

const ACCOUNT_TAKEOVER = new Set([
  'IAM_ROOT_ACCESS_KEY_CHECK',
  'ROOT_ACCOUNT_MFA_ENABLED',
  'ROOT_ACCOUNT_HARDWARE_MFA_ENABLED',
  'IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS',
  'IAM_POLICY_NO_STATEMENTS_WITH_FULL_ACCESS',
  'RESTRICTED_INCOMING_TRAFFIC',
  'VPC_SG_OPEN_ONLY_TO_AUTHORIZED_PORTS',
  'VPC_DEFAULT_SECURITY_GROUP_CLOSED'
]);

/**
 * The documented mapping from a rule to code scanning's `security-severity`, by what the rule protects:
 * - 9.0 (critical) public exposure or account takeover: PUBLIC, SSH/RDP, root account and admin-policy rules;
 * - 8.0 (high) encryption at rest or in transit: ENCRYPT*, KMS, CMK, SSL, TLS, HTTPS;
 * - 7.5 (high) identity: IAM, MFA, passwords, access keys, credentials;
 * - 7.0 (high) logging and audit: LOGGING, LOGS, CloudTrail, flow logs, audit, monitoring, GuardDuty;
 * - 5.0 (medium) resilience (backups, versioning, PITR, replication, Multi-AZ, deletion protection, locks)
 *   and anything else.
 * The managed rule identifier is classified when known, else the rule name (kebab-case works the same).
 */
export function securitySeverity(identifierOrName: string): SeverityClass {
  const id = identifierOrName.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  const tokens = new Set(id.split('_').filter(t => t !== ''));
  const has = (...xs: string[]): boolean => xs.some(x => tokens.has(x));
  if (ACCOUNT_TAKEOVER.has(id) || has('PUBLIC', 'SSH', 'RDP') || (has('ROOT') && has('MFA', 'KEY', 'ACCESS'))) {
    return { category: 'public-access', score: '9.0' };
  }
  if ([...tokens].some(t => t.startsWith('ENCRYPT')) || has('KMS', 'CMK', 'SSL', 'TLS', 'HTTPS', 'SSE')) {
    return { category: 'encryption', score: '8.0' };
  }
  if (has('IAM', 'MFA', 'PASSWORD', 'KEYS', 'CREDENTIALS', 'ROTATED')) return { category: 'identity', score: '7.5' };
  if (
    has('LOGGING', 'LOG', 'LOGS', 'LOGGROUP', 'ACCESSLOGS', 'TRAIL', 'CLOUDTRAIL', 'FLOW', 'AUDIT') ||
    has('MONITORING', 'GUARDDUTY', 'SECURITYHUB')
  ) {
    return { category: 'logging', score: '7.0' };
  }
  if (has('BACKUP', 'VERSIONING', 'PITR', 'REPLICATION', 'MULTI', 'DELETION', 'LOCK', 'RECOVERY')) {
    return { category: 'resilience', score: '5.0' };
  }
  return { category: 'other', score: '5.0' };
}

// ---------------------------------------------------------------------------------------------------
// builder

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/** The AWS Config documentation page of a managed rule (its page is named after the rule's default name). */
export function managedRuleHelpUri(identifier: string): string {
  return `https://docs.aws.amazon.com/config/latest/developerguide/${identifier.toLowerCase().replace(/_/g, '-')}.html`;
}

/** A repository-relative path as a URI reference: forward slashes, each segment percent-encoded. */
export function artifactUri(file: string): string {
  return file
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .split('/')
    .map(encodeURIComponent)
    .join('/');
}

function plainText(s: string, max: number): string {
  return truncate(toSingleLine(s).trim(), max);
}

interface RuleMeta {
  name: string;
  info: SarifRuleInfo;
  severity: SeverityClass;
}

function ruleMeta(rule: RuleResult, info: SarifRuleInfo | undefined): RuleMeta {
  const merged: SarifRuleInfo = {
    ...(info ?? {}),
    hipaaSections: [...new Set([...(info?.hipaaSections ?? []), ...(rule.hipaaSections ?? [])])]
  };
  return { name: rule.ruleName, info: merged, severity: securitySeverity(merged.identifier ?? rule.ruleName) };
}

function descriptor(meta: RuleMeta): ReportingDescriptor {
  const { name, info, severity } = meta;
  const managed = info.identifier !== undefined ? ` (AWS managed rule ${info.identifier})` : '';
  const description = info.description !== undefined && info.description.trim() !== '' ? info.description : undefined;
  const short = description !== undefined ? plainText(description.split(/(?<=\.)\s/)[0] ?? description, 200) : '';
  const sections = info.hipaaSections.length > 0 ? info.hipaaSections.join(', ') : 'none mapped';
  const helpUri = info.helpUri ?? (info.identifier !== undefined ? managedRuleHelpUri(info.identifier) : undefined);
  const text = [
    `AWS Config rule ${name}${managed}.`,
    ...(description !== undefined ? [plainText(description, 2000)] : []),
    `HIPAA Security Rule sections: ${sections}.`,
    'Fix the resource where its template declares it (the result points at that line), or waive the finding in the ' +
      'compliance manifest with a reason, an owner and an expiry date.',
    ...(helpUri !== undefined ? [`More: ${helpUri}`] : [])
  ].join('\n\n');
  const markdown = [
    `**AWS Config rule ${codeSpan(name)}**${info.identifier !== undefined ? ` (AWS managed rule ${codeSpan(info.identifier)})` : ''}`,
    ...(description !== undefined ? [escapeMarkdown(plainText(description, 2000))] : []),
    `HIPAA Security Rule sections: ${info.hipaaSections.length > 0 ? info.hipaaSections.map(escapeMarkdown).join(', ') : '_none mapped_'}`,
    'Fix the resource where its template declares it (the result points at that line), or waive the finding in the ' +
      'compliance manifest with a reason, an owner and an expiry date.',
    ...(helpUri !== undefined ? [`[AWS Config documentation](${helpUri})`] : [])
  ].join('\n\n');
  const tags = ['security', 'hipaa', ...info.hipaaSections].slice(0, MAX_TAGS);
  const properties: PropertyBag = {
    tags,
    'security-severity': severity.score,
    precision: 'very-high',
    'compliance-gate/category': severity.category
  };
  if (info.identifier !== undefined) properties['compliance-gate/identifier'] = info.identifier;
  const out: ReportingDescriptor = {
    id: name,
    shortDescription: { text: short !== '' ? short : `AWS Config rule ${name}${managed}` },
    fullDescription: {
      text: `${description !== undefined ? `${plainText(description, 2000)} ` : ''}AWS Config rule ${name}${managed}.`
    },
    help: { text, markdown },
    defaultConfiguration: { level: 'error' },
    properties
  };
  if (helpUri !== undefined) out.helpUri = helpUri;
  return out;
}

/**
 * The resource as a logical location: SARIF 2.1.0 §3.33 (logicalLocation; schema in reference/schemas): `name` the
 * resource id, `fullyQualifiedName` the account, region, type and id (the same id in two accounts is two
 * resources), `kind` 'resource' (one of the kinds §3.33.7 lists), and account and region in its property bag.
 */
function location(loc: SourceLocation | undefined, f: Finding): Location {
  const out: Location = {
    logicalLocations: [
      {
        name: f.resourceId,
        fullyQualifiedName: `${f.accountId}/${f.region}/${f.resourceType}/${f.resourceId}`,
        kind: 'resource',
        properties: { accountId: f.accountId, region: f.region }
      }
    ]
  };
  if (loc !== undefined) {
    out.physicalLocation = {
      artifactLocation: { uri: artifactUri(loc.file), uriBaseId: '%SRCROOT%' },
      region: { startLine: Math.max(1, Math.floor(loc.line)), startColumn: Math.max(1, Math.floor(loc.col)) }
    };
  }
  return out;
}

function message(f: Finding, ruleName: string, loc: SourceLocation | undefined, multi: boolean): string {
  const where =
    loc === undefined
      ? ''
      : loc.kind === 'property'
        ? ' (the property the rule checks)'
        : loc.kind === 'resource'
          ? ' (the resource in its template)'
          : ' (no template in the repository declares this resource; the line declares the rule)';
  const note =
    f.annotation !== undefined && f.annotation.trim() !== ''
      ? `: ${plainText(f.annotation, 1000).replace(/[.\s]+$/, '')}`
      : '';
  // With more than one account or region in the run, the message names them (code scanning shows the message).
  const at = multi ? ` in account ${plainText(f.accountId, 64)}, region ${plainText(f.region, 64)}` : '';
  return `${plainText(f.resourceType, 200)} ${plainText(f.resourceId, 1000)}${at} is non-compliant with ${ruleName}${note}.${where}`;
}

/** Account, region, resource type, then id. */
const byPlace = (a: Candidate, b: Candidate): number =>
  cmp(a.account, b.account) || cmp(a.region, b.region) || cmp(a.type, b.type) || cmp(a.id, b.id);

interface Candidate {
  result: Result;
  waived: boolean;
  score: number;
  ruleIndex: number;
  account: string;
  region: string;
  type: string;
  id: string;
}

/**
 * Builds the SARIF log. Results are cut to maxResults by priority (counted before waived, more severe first,
 * then rule, type and id), and the cut is reported in run.properties and a tool execution notification.
 */
export function buildSarif(input: SarifInput): SarifOutput {
  const { result, locations, includeSuppressed } = input;
  const max = Math.max(0, Math.floor(input.maxResults ?? DEFAULT_MAX_RESULTS));
  // One reporting descriptor per rule name; a multi-account result holds a rule once per account-region and every
  // one of those results is reported.
  const byName = new Map<string, RuleResult>();
  for (const r of result.rules) if (!byName.has(r.ruleName)) byName.set(r.ruleName, r);
  const places = new Set(result.rules.map(r => `${r.accountId}\u0000${r.region}`));
  const multi = places.size > 1 || (places.size === 1 && !places.has(`${result.accountId}\u0000${result.region}`));
  const metas = [...byName.values()]
    .sort((a, b) => cmp(a.ruleName, b.ruleName))
    .map(r => ruleMeta(r, input.rules.get(r.ruleName)));
  const ruleIndex = new Map(metas.map((m, i) => [m.name, i]));

  const candidates: Candidate[] = [];
  let suppressedOmitted = 0;
  let unlocated = 0;
  for (const rule of result.rules) {
    const index = ruleIndex.get(rule.ruleName) ?? 0;
    const meta = metas[index];
    for (const f of rule.findings) {
      const waived = f.waiver !== undefined;
      if (waived && !includeSuppressed) {
        suppressedOmitted++;
        continue;
      }
      const fp = fingerprintOf(f);
      const loc = locations.get(fp) ?? input.defaultLocation;
      if (loc === undefined) unlocated++;
      const props: PropertyBag = {
        resourceType: f.resourceType,
        resourceId: f.resourceId,
        accountId: f.accountId,
        region: f.region
      };
      if (loc !== undefined) props.locationKind = loc.kind;
      if (f.recordedTime !== undefined) props.recordedTime = f.recordedTime;
      const r: Result = {
        ruleId: rule.ruleName,
        ruleIndex: index,
        level: 'error',
        message: { text: message(f, rule.ruleName, loc, multi) },
        locations: [location(loc, f)],
        partialFingerprints: { [FINGERPRINT_KEY]: fp },
        properties: props
      };
      if (f.waiver !== undefined) {
        const suppression: Suppression = {
          kind: 'external',
          status: 'accepted',
          justification: f.waiver.reason,
          properties: {
            owner: f.waiver.owner,
            expires: f.waiver.expires,
            ...(f.waiver.source !== undefined ? { source: f.waiver.source } : {})
          }
        };
        r.suppressions = [suppression];
      }
      candidates.push({
        result: r,
        waived,
        score: Number(meta?.severity.score ?? '0'),
        ruleIndex: index,
        account: f.accountId,
        region: f.region,
        type: f.resourceType,
        id: f.resourceId
      });
    }
  }

  const total = candidates.length;
  const kept = candidates
    .sort(
      (a, b) => Number(a.waived) - Number(b.waived) || b.score - a.score || a.ruleIndex - b.ruleIndex || byPlace(a, b)
    )
    .slice(0, max)
    .sort((a, b) => a.ruleIndex - b.ruleIndex || byPlace(a, b));
  const cut = total - kept.length;

  const notifications: Notification[] = [];
  if (cut > 0) {
    notifications.push({
      level: 'warning',
      descriptor: { id: 'results-cut' },
      message: {
        text:
          `${cut} of ${total} results were left out: GitHub code scanning accepts at most ${max} results per run. ` +
          'Counted findings and the most severe rules were kept; the JSON report lists every finding.'
      }
    });
  }
  for (const rule of result.rules) {
    if (rule.status !== 'error' || rule.error === undefined) continue;
    const e = rule.error;
    notifications.push({
      level: 'error',
      descriptor: { id: 'rule-error' },
      associatedRule: { id: rule.ruleName, index: ruleIndex.get(rule.ruleName) ?? 0 },
      message: {
        text: `${rule.ruleName}${multi ? ` (account ${rule.accountId}, region ${rule.region})` : ''}: ${e.operation} failed: ${e.code}: ${plainText(e.message, 500)}${e.requestId !== undefined && e.requestId !== '' ? ` (request id ${e.requestId})` : ''}`
      }
    });
  }

  const driver: Run['tool']['driver'] = {
    name: TOOL_NAME,
    informationUri: TOOL_INFORMATION_URI,
    version: input.version,
    rules: metas.map(descriptor)
  };
  if (SEMVER.test(input.version)) driver.semanticVersion = input.version;

  const run: Run = {
    tool: { driver },
    invocations: [
      notifications.length > 0
        ? { executionSuccessful: true, toolExecutionNotifications: notifications }
        : { executionSuccessful: true }
    ],
    columnKind: 'utf16CodeUnits',
    results: kept.map(c => c.result),
    properties: {
      accountId: result.accountId,
      region: result.region,
      checkedAt: result.checkedAt,
      resultsTotal: total,
      resultsCut: cut,
      maxResults: max,
      suppressedOmitted,
      unlocatedResults: unlocated
    }
  };
  if (input.category !== undefined && input.category !== '') {
    run.automationDetails = { id: input.category.endsWith('/') ? input.category : `${input.category}/` };
  }
  return { log: { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] }, cut };
}

/** Thin writer: the log as one line of JSON at `file` (directory created, written atomically). */
export async function writeSarif(file: string, log: Log): Promise<string> {
  return writeJsonFile(file, log, 0);
}
