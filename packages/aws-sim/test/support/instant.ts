/**
 * Scenario options that turn the seed account's lifecycle delays off (recorder lag, rule deletion, document
 * activation), for tests of other behaviour that want AWS's asynchronous states out of the way. Tests of those
 * delays use the seed's defaults (or set their own) and move the simulator clock.
 */
export const INSTANT_LIFECYCLES = Object.freeze({
  recorderDelaySeconds: 0,
  ruleDeleteSeconds: 0,
  documentActivationSeconds: 0
});
