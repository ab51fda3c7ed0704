/**
 * Starts the simulated AWS account from the command line:
 *
 *   npm run sim -- --scenario seed [--port N] [--context NAME] [--role-policy FILE] [--<param> value ...]
 *
 * Prints KEY=VALUE lines (AWS_ENDPOINT_URL, AWS_REGION, ACTIONS_ID_TOKEN_REQUEST_URL,
 * ACTIONS_ID_TOKEN_REQUEST_TOKEN, SIM_ACCESS_KEY_ID and SIM_SECRET_ACCESS_KEY: the account's static key pair, under
 * names the AWS SDK does not read, so that copying the output never changes which credentials a shell uses; and
 * SIM_PID: the pid of the serving process, since npx / npm run do not reliably forward signals), then `ready`, and
 * serves until SIGTERM/SIGINT (then closes and exits 0). Extra `--x y` pairs are scenario parameters (e.g.
 * `--scenario scale --rules 130 --resources 20000`). `--role-policy FILE` makes the IAM policy document in FILE the
 * only policy of the action's role (the scenario's role with OIDC trust); a relative FILE resolves against the
 * directory `npm run sim` was called from (INIT_CWD), else the current directory.
 */
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario, startSimulator } from './index.js';
import { setActionRolePolicy } from './core/iam/authorize.js';
import { parsePolicy } from './core/iam/policy.js';

export interface CliArgs {
  scenario: string;
  port?: number;
  context?: string;
  rolePolicy?: string;
  params: Record<string, string>;
}

const USAGE = 'usage: sim --scenario NAME [--port N] [--context NAME] [--role-policy FILE] [--<param> value ...]';

/** Parses argv (without node and script); throws with a usage line on malformed arguments. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const out: CliArgs = { scenario: 'seed', params: {} };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') continue;
    if (!arg.startsWith('--') || arg.length < 3) throw new Error(`unexpected argument '${arg}'\n${USAGE}`);
    let name = arg.slice(2);
    let value: string | undefined;
    const eq = name.indexOf('=');
    if (eq >= 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    } else {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value\n${USAGE}`);
      i++;
    }
    if (name === 'scenario') out.scenario = value;
    else if (name === 'context') out.context = value;
    else if (name === 'role-policy') out.rolePolicy = value;
    else if (name === 'port') {
      if (!/^\d+$/.test(value) || Number(value) > 65535)
        throw new Error(`--port must be a port number, got '${value}'`);
      out.port = Number(value);
    } else out.params[name] = value;
  }
  return out;
}

async function main(): Promise<void> {
  let args: CliArgs;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(2);
  }
  const scenario = await loadScenario(args.scenario, args.params);
  if (args.rolePolicy !== undefined) {
    const file = path.resolve(process.env['INIT_CWD'] ?? process.cwd(), args.rolePolicy);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new Error(`--role-policy ${file}: cannot read it (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    }
    try {
      setActionRolePolicy(scenario.state, parsePolicy(text));
    } catch (e) {
      throw new Error(`--role-policy ${file}: ${(e as Error).message}`);
    }
  }
  const sim = await startSimulator({
    scenario,
    ...(args.port !== undefined ? { port: args.port } : {})
  });
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    sim.close().then(
      () => process.exit(0),
      (e: unknown) => {
        process.stderr.write(`error while stopping on ${signal}: ${(e as Error).message}\n`);
        process.exit(1);
      }
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  let env: Record<string, string>;
  try {
    env = sim.env(args.context);
  } catch (e) {
    await sim.close();
    throw e;
  }
  for (const [k, v] of Object.entries(env)) process.stdout.write(`${k}=${v}\n`);
  const key = sim.staticCredentials();
  process.stdout.write(`SIM_ACCESS_KEY_ID=${key.accessKeyId}\nSIM_SECRET_ACCESS_KEY=${key.secretAccessKey}\n`);
  // The serving process itself: wrappers (npx, npm run) do not always forward signals, so stop it by this pid.
  process.stdout.write(`SIM_PID=${process.pid}\n`);
  process.stdout.write('ready\n');
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main().catch((e: unknown) => {
    process.stderr.write(`sim: ${(e as Error).message}\n`);
    process.exit(1);
  });
}
