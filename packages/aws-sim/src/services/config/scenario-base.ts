/** What the Config scenario generators share: the seed scenario read from disk (a fresh copy each time). */
import { readFileSync } from 'node:fs';
import type { ScenarioInput } from '../../core/scenario.js';

const SEED_URL = new URL('../../scenarios/seed.json', import.meta.url);

/** A fresh, mutable copy of the seed scenario as written (not yet completed with defaults). */
export function readSeedScenario(): ScenarioInput & { state: NonNullable<ScenarioInput['state']> } {
  const raw = JSON.parse(readFileSync(SEED_URL, 'utf8')) as ScenarioInput;
  if (!raw.state) throw new Error(`${SEED_URL.pathname}: the seed scenario has no state`);
  return raw as ScenarioInput & { state: NonNullable<ScenarioInput['state']> };
}
