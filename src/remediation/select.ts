/**
 * Which resources a remediation run acts on. Pure: the compliance result, the manifest's bindings and the
 * remediate-rules / remediate-resources filters in, the candidates in a stable order out. Names in the filters that
 * match nothing refuse the run (PolicyError), with the list.
 */
import type { ComplianceResult } from '../compliance/types.js';
import type { DesiredRemediation } from '../desired/model.js';
import { PolicyError } from '../errors.js';
import { compareTargets, listed, type Candidate } from './plan.js';

export interface SelectFilters {
  /** Rule names to remediate (empty: every rule with a binding). */
  rules: readonly string[];
  /** Resource ids to remediate (empty: every non-compliant resource). */
  resources: readonly string[];
  /** Resource ids also accepted in `resources` (those of an approved plan, which may be compliant by now). */
  alsoKnownResources?: ReadonlySet<string>;
}

/**
 * The default targets (non-compliant, unwaived findings of rules with a remediation binding), narrowed by the
 * rule and resource filters. Names in the filters that match nothing refuse the run, with the list.
 */
export function selectCandidates(
  result: ComplianceResult,
  remediations: readonly DesiredRemediation[],
  filters: SelectFilters
): Candidate[] {
  const bindings = new Map(remediations.map(r => [r.ruleName, r]));
  const unknownRules = [...new Set(filters.rules)].filter(r => !bindings.has(r));
  if (unknownRules.length > 0) {
    const known = [...bindings.keys()].sort();
    throw new PolicyError(
      `Remediation refused: remediate-rules names ${unknownRules.length === 1 ? 'a rule' : 'rules'} without a remediation binding in the manifest: ${listed(unknownRules)}. ` +
        `Rules with a binding: ${known.length > 0 ? listed(known) : 'none'}.`
    );
  }
  const all: Candidate[] = [];
  const waived = new Set<string>();
  for (const rule of result.rules) {
    const binding = bindings.get(rule.ruleName);
    if (!binding) continue;
    for (const finding of rule.findings) {
      if (finding.waiver !== undefined) waived.add(finding.resourceId);
      else all.push({ finding, rule, binding });
    }
  }
  const present = new Set(all.map(c => c.finding.resourceId));
  const unknownResources = [...new Set(filters.resources)].filter(
    r => !present.has(r) && !filters.alsoKnownResources?.has(r)
  );
  if (unknownResources.length > 0) {
    const why = unknownResources.map(r => (waived.has(r) ? `${r} (waived)` : r));
    throw new PolicyError(
      `Remediation refused: remediate-resources names ${unknownResources.length === 1 ? 'a resource that is' : 'resources that are'} not non-compliant under a rule with a remediation binding: ${listed(why)}.`
    );
  }
  const ruleSet = new Set(filters.rules);
  const resourceSet = new Set(filters.resources);
  return all
    .filter(c => ruleSet.size === 0 || ruleSet.has(c.rule.ruleName))
    .filter(c => resourceSet.size === 0 || resourceSet.has(c.finding.resourceId))
    .sort((a, b) =>
      compareTargets(
        { rule: a.rule.ruleName, resourceType: a.finding.resourceType, resourceId: a.finding.resourceId },
        { rule: b.rule.ruleName, resourceType: b.finding.resourceType, resourceId: b.finding.resourceId }
      )
    );
}
