/**
 * Conformance pack templates from the desired state (deploy-as: conformance-pack / organization-conformance-pack).
 * Pure. Each manifest pack (rules whose origin is `pack NAME` or `pack FILE`) becomes one conformance pack; rules
 * declared in the manifest itself become one generated pack. The template is compact JSON (no descriptions, no
 * whitespace) with only AWS::Config::ConfigRule and AWS::Config::RemediationConfiguration resources, the two types a
 * conformance pack template may hold (AWS Config Developer Guide, "Conformance Packs": templates are CloudFormation
 * templates of Config rules and remediation actions).
 */
import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import type { DesiredRemediation, DesiredRule, DesiredState } from '../../desired/model.js';
import type { SourcePosition } from '../../source/position.js';
import { toConfigRule, toRemediationConfiguration } from '../apply.js';

/**
 * "The structure containing the template body has a minimum length of 1 byte and a maximum length of 51,200 bytes."
 * (AWS Config API Reference, PutConformancePack / PutOrganizationConformancePack, TemplateBody.)
 */
export const TEMPLATE_BODY_MAX_BYTES = 51_200;

/** The generated pack for rules declared in the manifest itself. */
export const MANIFEST_PACK_NAME = 'compliance-gate-rules';

/** Tag on every pack deploy-as creates: the sha256 of the template body it was given (drift). */
export const TEMPLATE_HASH_TAG = 'compliance-gate-template-sha256';

export interface DesiredPack {
  /** ConformancePackName: `[a-zA-Z][-a-zA-Z0-9]*`, at most 128 characters (organization packs' limit, the lower). */
  name: string;
  /** The rules' origin: `pack hipaa-security`, `pack FILE` or `manifest`. */
  origin: string;
  body: string;
  bytes: number;
  hash: string;
  rules: DesiredRule[];
  remediations: DesiredRemediation[];
  position: SourcePosition;
}

/** A pack name AWS accepts (ConformancePackName pattern `[a-zA-Z][-a-zA-Z0-9]*`, length 1-128). */
export function packNameOf(origin: string): string {
  if (origin === 'manifest') return MANIFEST_PACK_NAME;
  const source = origin.replace(/^pack /, '');
  const base = basename(source, extname(source))
    .replace(/[^-a-zA-Z0-9]+/g, '-')
    .replace(/^[^a-zA-Z]+/, '')
    .replace(/-+$/, '');
  return (base === '' ? 'pack' : base).slice(0, 128);
}

/** CloudFormation logical ids are alphanumeric. */
function logicalId(prefix: string, name: string, used: Set<string>): string {
  const base = `${prefix}${name.replace(/[^a-zA-Z0-9]/g, '')}`.slice(0, 200);
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}${n}`;
  used.add(id);
  return id;
}

/** The compact template of one pack: rules (without Description) and their remediation configurations. */
export function packTemplateBody(rules: readonly DesiredRule[], remediations: readonly DesiredRemediation[]): string {
  const resources: Record<string, unknown> = {};
  const used = new Set<string>();
  for (const r of rules) {
    const { Description: _d, InputParameters, ...rule } = toConfigRule(r);
    const properties: Record<string, unknown> = { ...rule };
    // AWS::Config::ConfigRule InputParameters is a JSON object in a template.
    if (InputParameters !== undefined) properties['InputParameters'] = JSON.parse(InputParameters) as unknown;
    resources[logicalId('R', r.name, used)] = { Type: 'AWS::Config::ConfigRule', Properties: properties };
  }
  for (const rem of remediations) {
    resources[logicalId('M', rem.ruleName, used)] = {
      Type: 'AWS::Config::RemediationConfiguration',
      Properties: toRemediationConfiguration(rem)
    };
  }
  return JSON.stringify({ Resources: resources });
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * The packs of a desired state, in manifest order of their first rule. Runbooks (SSM documents) are not part of a
 * conformance pack, so a manifest that declares runbooks is refused by the caller (packsRefusal).
 */
export function desiredPacks(desired: DesiredState): DesiredPack[] {
  const byOrigin = new Map<string, DesiredRule[]>();
  for (const r of desired.rules) {
    const list = byOrigin.get(r.origin) ?? [];
    list.push(r);
    byOrigin.set(r.origin, list);
  }
  const packs: DesiredPack[] = [];
  for (const [origin, rules] of byOrigin) {
    const names = new Set(rules.map(r => r.name));
    const remediations = desired.remediations.filter(m => names.has(m.ruleName));
    const body = packTemplateBody(rules, remediations);
    packs.push({
      name: packNameOf(origin),
      origin,
      body,
      bytes: Buffer.byteLength(body, 'utf8'),
      hash: sha256(body),
      rules,
      remediations,
      position: rules[0]!.position
    });
  }
  return packs;
}

/**
 * Why the desired state cannot be deployed as conformance packs, or undefined: runbooks are not conformance pack
 * resources, and two packs must not share a name.
 */
export function packsRefusal(desired: DesiredState, packs: readonly DesiredPack[], input: string): string | undefined {
  const doc = desired.documents[0];
  if (doc) {
    return (
      `deploy-as: ${input} deploys Config rules and remediation configurations only; the manifest declares ` +
      `${desired.documents.length} runbook(s) (first: ${doc.name} at ${doc.position.file}:${doc.position.line}). ` +
      `Deploy them with deploy-as: rules.`
    );
  }
  const seen = new Map<string, DesiredPack>();
  for (const p of packs) {
    const other = seen.get(p.name);
    if (other) {
      return `deploy-as: ${input}: ${p.origin} and ${other.origin} both become conformance pack ${p.name}; rename one file.`;
    }
    seen.set(p.name, p);
  }
  return undefined;
}
