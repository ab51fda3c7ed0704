/**
 * Fault injection for AWS calls (never for the control API or the OIDC endpoint): added latency, throttling and
 * 5xx at a rate, with a seeded PRNG so runs are reproducible, and a cap on consecutive faults per operation so a
 * client with enough retry attempts always gets through.
 */

export interface FaultConfig {
  /** PRNG seed (default 1). The same seed and call sequence give the same faults. */
  seed?: number;
  /** Latency added to every AWS call, in ms. */
  latencyMs?: number;
  /** Latency per operation ("config:DescribeConfigRules" or "DescribeConfigRules"), overriding latencyMs. */
  latencyByOperation?: Record<string, number>;
  /** Probability (0..1) that a call is throttled: ThrottlingException (awsJson) / Throttling (awsQuery), HTTP 400. */
  throttleRate?: number;
  /** Probability (0..1) that a call fails with 500 InternalFailure or 503 ServiceUnavailable. */
  serverErrorRate?: number;
  /** Throttling and 5xx apply only to these operations ("service:Op" or "Op"); absent: every operation. */
  operations?: string[];
  /** At most this many faults in a row per operation (default 3). */
  maxConsecutiveFaults?: number;
  /** Every session credential issued from now on expires after this many authenticated calls. */
  expireCredentialsAfterCalls?: number;
  /**
   * Throttling as a rate, like AWS's per-account API rate limits: a token bucket per calling account and key, the key
   * being "service:Op", "Op", "service" or "*" (the most specific key that names the call applies). A bucket starts
   * full (`burst` calls) and refills at `rate` calls per second of simulator time (real time plus any advanced
   * clock); a call finding it empty is answered with the protocol's throttling error (ThrottlingException / Throttling,
   * HTTP 400). Not subject to maxConsecutiveFaults.
   */
  throttle?: Record<string, { rate: number; burst: number }>;
}

export type FaultKind = 'throttling' | 'internal' | 'unavailable';

export interface FaultDecision {
  latencyMs: number;
  fault?: FaultKind;
}

/** mulberry32: small, fast, deterministic (uniform in [0, 1)). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function checkRate(name: string, rate: number | undefined): void {
  if (rate !== undefined && (typeof rate !== 'number' || !(rate >= 0 && rate <= 1))) {
    throw new Error(`faults.${name} must be a number between 0 and 1, got ${JSON.stringify(rate)}`);
  }
}

/** Checks a fault configuration (from a scenario file or POST /_sim/faults); throws naming the bad key. */
export function parseFaultConfig(raw: unknown): FaultConfig {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new Error('faults must be an object');
  const cfg = raw as Record<string, unknown>;
  const known = new Set([
    'seed',
    'latencyMs',
    'latencyByOperation',
    'throttleRate',
    'serverErrorRate',
    'operations',
    'maxConsecutiveFaults',
    'expireCredentialsAfterCalls',
    'throttle'
  ]);
  for (const k of Object.keys(cfg)) {
    if (!known.has(k)) throw new Error(`faults: unknown key '${k}' (known: ${[...known].join(', ')})`);
  }
  checkRate('throttleRate', cfg['throttleRate'] as number | undefined);
  checkRate('serverErrorRate', cfg['serverErrorRate'] as number | undefined);
  for (const k of ['seed', 'latencyMs', 'maxConsecutiveFaults', 'expireCredentialsAfterCalls']) {
    const v = cfg[k];
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v < 0)) {
      throw new Error(`faults.${k} must be a non-negative number, got ${JSON.stringify(v)}`);
    }
  }
  const ops = cfg['operations'];
  if (ops !== undefined && (!Array.isArray(ops) || ops.some(o => typeof o !== 'string'))) {
    throw new Error('faults.operations must be a list of operation names');
  }
  const throttle = cfg['throttle'];
  if (throttle !== undefined) {
    if (typeof throttle !== 'object' || throttle === null || Array.isArray(throttle)) {
      throw new Error('faults.throttle must map operation or service names to { rate, burst }');
    }
    for (const [k, v] of Object.entries(throttle as Record<string, unknown>)) {
      const b = v as { rate?: unknown; burst?: unknown } | null;
      const ok =
        typeof b === 'object' &&
        b !== null &&
        typeof b.rate === 'number' &&
        Number.isFinite(b.rate) &&
        b.rate > 0 &&
        typeof b.burst === 'number' &&
        Number.isInteger(b.burst) &&
        b.burst >= 1;
      if (!ok) {
        throw new Error(
          `faults.throttle.${k} must be { rate: calls per second > 0, burst: whole number >= 1 }, got ${JSON.stringify(v)}`
        );
      }
    }
  }
  const lat = cfg['latencyByOperation'];
  if (
    lat !== undefined &&
    (typeof lat !== 'object' || lat === null || Object.values(lat).some(v => typeof v !== 'number' || v < 0))
  ) {
    throw new Error('faults.latencyByOperation must map operation names to non-negative numbers of ms');
  }
  return cfg;
}

/** The entry of `keys` naming this operation ("service:Op" or just "Op"). */
function matches(keys: readonly string[], opKey: string): string | undefined {
  const op = opKey.slice(opKey.indexOf(':') + 1);
  return keys.find(k => k === opKey || k === op);
}

export class FaultInjector {
  private cfg: FaultConfig = {};
  private random: () => number = prng(1);
  private readonly consecutive = new Map<string, number>();
  /** Token buckets by "ACCOUNT|throttle key". */
  private readonly buckets = new Map<string, { tokens: number; atMs: number }>();

  constructor(cfg?: FaultConfig) {
    this.set(cfg ?? {});
  }

  /** Replaces the configuration and restarts the PRNG from its seed. */
  set(cfg: FaultConfig): void {
    this.cfg = parseFaultConfig(cfg);
    this.random = prng(this.cfg.seed ?? 1);
    this.consecutive.clear();
    this.buckets.clear();
  }

  /** The throttle key that applies to `service:Op` ("service:Op", "Op", "service", "*"), if any. */
  throttleKey(opKey: string): string | undefined {
    const t = this.cfg.throttle;
    if (!t) return undefined;
    const service = opKey.slice(0, opKey.indexOf(':'));
    const op = opKey.slice(opKey.indexOf(':') + 1);
    return [opKey, op, service, '*'].find(k => Object.hasOwn(t, k));
  }

  /**
   * Takes a token from the bucket of this account and operation at `nowMs` (simulator time); false: throttled. The
   * same calls at the same simulator times always give the same answers.
   */
  takeToken(accountId: string, opKey: string, nowMs: number): boolean {
    const key = this.throttleKey(opKey);
    if (key === undefined) return true;
    const { rate, burst } = this.cfg.throttle![key]!;
    const id = `${accountId}|${key}`;
    const b = this.buckets.get(id) ?? { tokens: burst, atMs: nowMs };
    b.tokens = Math.min(burst, b.tokens + (Math.max(0, nowMs - b.atMs) / 1000) * rate);
    b.atMs = Math.max(b.atMs, nowMs);
    this.buckets.set(id, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  get config(): FaultConfig {
    return this.cfg;
  }

  /** What happens to this call of `service:Operation`. */
  decide(opKey: string): FaultDecision {
    const { cfg } = this;
    let latencyMs = cfg.latencyMs ?? 0;
    if (cfg.latencyByOperation) {
      const k = matches(Object.keys(cfg.latencyByOperation), opKey);
      if (k !== undefined) latencyMs = cfg.latencyByOperation[k] ?? latencyMs;
    }
    const throttleRate = cfg.throttleRate ?? 0;
    const serverErrorRate = cfg.serverErrorRate ?? 0;
    if (throttleRate <= 0 && serverErrorRate <= 0) return { latencyMs };
    if (cfg.operations && matches(cfg.operations, opKey) === undefined) return { latencyMs };

    const cap = cfg.maxConsecutiveFaults ?? 3;
    const inRow = this.consecutive.get(opKey) ?? 0;
    const r = this.random();
    let fault: FaultKind | undefined;
    if (inRow < cap) {
      if (r < throttleRate) fault = 'throttling';
      else if (r < throttleRate + serverErrorRate) fault = this.random() < 0.5 ? 'internal' : 'unavailable';
    }
    if (fault) {
      this.consecutive.set(opKey, inRow + 1);
      return { latencyMs, fault };
    }
    this.consecutive.set(opKey, 0);
    return { latencyMs };
  }

  /** callsUntilExpiry for a newly issued session credential, when the expired-credentials fault is on. */
  callsUntilExpiry(): number | undefined {
    return this.cfg.expireCredentialsAfterCalls;
  }
}
