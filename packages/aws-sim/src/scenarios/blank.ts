/**
 * Scenario "blank": the seed account's resources, roles and GitHub contexts with no Config rules (nothing
 * deployed yet). Takes no parameters.
 */
import { readSeedScenario } from '../services/config/scenario-base.js';
import { normalizeScenario, type Scenario } from '../core/scenario.js';

export function build(params: Record<string, string> = {}): Scenario {
  const unknown = Object.keys(params);
  if (unknown.length > 0) throw new Error(`scenario blank takes no parameters, got: ${unknown.join(', ')}`);
  const scenario = readSeedScenario();
  scenario.name = 'blank';
  scenario.description = "The seed account's resources with AWS Config not set up: no rules, no remediation.";
  scenario.state.config = { rules: {}, remediationConfigurations: {} };
  return normalizeScenario(scenario, 'scenarios/blank.ts', 'blank');
}
