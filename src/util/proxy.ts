/**
 * The proxy for every AWS call and for the GitHub OIDC token request: the `http-proxy` input, else the standard
 * variables (`https_proxy`/`HTTPS_PROXY` for https URLs, `http_proxy`/`HTTP_PROXY` for http URLs, lower case first,
 * as curl and @actions/http-client read them), with `no_proxy`/`NO_PROXY` naming the hosts that bypass it (the input's
 * proxy too). Unlike @actions/http-client, loopback hosts are not bypassed implicitly: NO_PROXY alone decides, so a
 * local endpoint (the simulator) behaves as a remote one would.
 *
 * The AWS SDK for JavaScript v3 does not read proxy variables itself; it takes an http(s).Agent:
 * https://docs.aws.amazon.com/sdk-for-javascript/v3/developer-guide/node-configuring-proxies.html
 *
 * The agents that apply these settings are built in aws/proxy.ts.
 *
 * A proxy URL may carry credentials (http://user:password@host:port): they are never printed (redactProxyUrl).
 */
import { InputError } from '../errors.js';

export interface ProxySettings {
  /** Proxy for http:// URLs. */
  http?: URL;
  /** Proxy for https:// URLs. */
  https?: URL;
  /** NO_PROXY entries, upper-cased ('*', host, host:port, .domain). */
  noProxy: readonly string[];
  /** Where the proxy came from, for the log line: the input or the variable's name. */
  source: string;
}

/** The proxy URL with any user name and password replaced by ***. */
export function redactProxyUrl(url: URL): string {
  if (!url.username && !url.password) return url.origin;
  return `${url.protocol}//***@${url.host}`;
}

/** Parses a proxy URL; a value without a scheme is taken as http:// (as @actions/http-client does). */
function parseProxyUrl(value: string, name: string, isInput: boolean): URL {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
  } catch {
    // The value itself may hold a password: name the input or variable, never the value.
    throw new InputError(name, `${isInput ? 'Input' : 'Variable'} '${name}' is not a proxy URL (http://host:port).`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
    throw new InputError(
      name,
      `${isInput ? 'Input' : 'Variable'} '${name}' must be an http:// or https:// proxy URL, got '${redactProxyUrl(url)}'.`
    );
  }
  return url;
}

function firstSet(env: NodeJS.ProcessEnv, names: readonly string[]): { name: string; value: string } | undefined {
  for (const name of names) {
    const value = env[name]?.trim();
    if (value) return { name, value };
  }
  return undefined;
}

/** The proxy settings from the input (wins) and the environment; undefined when no proxy applies. */
export function proxySettings(input: string, env: NodeJS.ProcessEnv): ProxySettings | undefined {
  const noProxyValue = firstSet(env, ['no_proxy', 'NO_PROXY'])?.value ?? '';
  const noProxy = noProxyValue
    .split(/[\s,]+/)
    .map(s => s.trim().toUpperCase())
    .filter(s => s !== '');
  if (input.trim() !== '') {
    const url = parseProxyUrl(input.trim(), 'http-proxy', true);
    return { http: url, https: url, noProxy, source: "input 'http-proxy'" };
  }
  const forHttps = firstSet(env, ['https_proxy', 'HTTPS_PROXY']);
  const forHttp = firstSet(env, ['http_proxy', 'HTTP_PROXY']);
  if (!forHttps && !forHttp) return undefined;
  const settings: ProxySettings = {
    noProxy,
    source: [forHttps?.name, forHttp?.name].filter(n => n !== undefined).join(' and ')
  };
  if (forHttps) settings.https = parseProxyUrl(forHttps.value, forHttps.name, false);
  if (forHttp) settings.http = parseProxyUrl(forHttp.value, forHttp.name, false);
  return settings;
}

/**
 * True when NO_PROXY names the URL's host: '*', the host itself, host:port, or a parent domain ('example.com' and
 * '.example.com' both match 'sts.example.com'), case-insensitive, as curl and @actions/http-client match.
 */
export function bypassesProxy(url: URL, noProxy: readonly string[]): boolean {
  const host = url.hostname.toUpperCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const hosts = [host, `${host}:${port}`];
  return noProxy.some(
    entry => entry === '*' || hosts.some(h => h === entry || h.endsWith(entry.startsWith('.') ? entry : `.${entry}`))
  );
}

/** The proxy a request to this URL goes through, or undefined for a direct connection. */
export function proxyFor(url: URL, settings: ProxySettings | undefined): URL | undefined {
  if (!settings) return undefined;
  const proxy = url.protocol === 'https:' ? settings.https : settings.http;
  if (!proxy || bypassesProxy(url, settings.noProxy)) return undefined;
  return proxy;
}

/** One line for the log: which proxy, from where, and what bypasses it (credentials redacted). */
export function describeProxy(settings: ProxySettings): string {
  const parts: string[] = [];
  if (settings.https) parts.push(`https via ${redactProxyUrl(settings.https)}`);
  if (settings.http && settings.http !== settings.https) parts.push(`http via ${redactProxyUrl(settings.http)}`);
  if (settings.http && settings.http === settings.https)
    parts[0] = `http and https via ${redactProxyUrl(settings.http)}`;
  const bypass = settings.noProxy.length > 0 ? `; NO_PROXY: ${settings.noProxy.join(',').toLowerCase()}` : '';
  return `Proxy for AWS calls and the OIDC token request (${settings.source}): ${parts.join(', ')}${bypass}.`;
}
