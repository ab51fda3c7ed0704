/**
 * The agents that carry every AWS call and the GitHub OIDC token request through the proxy the settings
 * (util/proxy.ts) name, per host. The AWS SDK for JavaScript v3 does not read proxy variables itself; it takes an
 * http(s).Agent: https://docs.aws.amazon.com/sdk-for-javascript/v3/developer-guide/node-configuring-proxies.html
 */
import * as http from 'node:http';
import * as https from 'node:https';
import { HttpProxyAgent } from 'http-proxy-agent';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { proxyFor, type ProxySettings } from '../util/proxy.js';

/** Node's Agent#addRequest, which ClientRequest calls with every request; public in Node, absent from its types. */
interface RequestAdder {
  addRequest(req: http.ClientRequest, options: http.RequestOptions): void;
}

/**
 * One agent per scheme that hands each request to the proxy agent or to a direct agent, as proxyFor decides for
 * its host: https targets through a CONNECT tunnel (https-proxy-agent), http targets as absolute-form requests
 * (http-proxy-agent). The chosen agent owns the socket and its keep-alive pool, so a reused socket always goes where
 * its first request went, and NO_PROXY works per endpoint.
 */
function routingAgent(secure: boolean, settings: ProxySettings): http.Agent {
  const direct = secure ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });
  const proxy = secure ? settings.https : settings.http;
  const viaProxy: http.Agent | undefined = proxy
    ? secure
      ? new HttpsProxyAgent(proxy, { keepAlive: true })
      : new HttpProxyAgent(proxy, { keepAlive: true })
    : undefined;
  const Base = secure ? https.Agent : http.Agent;
  class Routing extends Base {
    addRequest(req: http.ClientRequest, options: http.RequestOptions): void {
      const host = options.hostname ?? options.host ?? 'localhost';
      const url = new URL(
        `${secure ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${options.port ?? (secure ? 443 : 80)}`
      );
      const target = viaProxy && proxyFor(url, settings) ? viaProxy : direct;
      (target as unknown as RequestAdder).addRequest(req, options);
    }
    override destroy(): void {
      direct.destroy();
      viaProxy?.destroy();
      super.destroy();
    }
  }
  return new Routing();
}

export interface ProxyAgents {
  httpAgent: http.Agent;
  httpsAgent: http.Agent;
  settings: ProxySettings;
  destroy(): void;
}

/** The agents every AWS client and the token request share; undefined when no proxy is configured. */
export function createProxyAgents(settings: ProxySettings | undefined): ProxyAgents | undefined {
  if (!settings) return undefined;
  const httpAgent = routingAgent(false, settings);
  const httpsAgent = routingAgent(true, settings);
  return {
    httpAgent,
    httpsAgent,
    settings,
    destroy: () => {
      httpAgent.destroy();
      httpsAgent.destroy();
    }
  };
}
