/**
 * A local forward proxy (the `proxy` package: absolute-form requests for http targets, CONNECT tunnels for https)
 * that records what went through it, optionally requiring Basic credentials.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProxy, type ProxyServer } from 'proxy';

export interface ForwardProxy {
  /** http://127.0.0.1:PORT */
  url: string;
  /** Every request seen: 'GET http://127.0.0.1:PORT/path' or 'CONNECT host:port'. */
  requests: string[];
  /** Requests refused for missing or wrong credentials. */
  refused: number;
  close(): Promise<void>;
}

export async function startForwardProxy(credentials?: { user: string; password: string }): Promise<ForwardProxy> {
  const requests: string[] = [];
  const state = { refused: 0 };
  const expected = credentials
    ? `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`).toString('base64')}`
    : undefined;
  const server: ProxyServer = createProxy(createServer());
  server.authenticate = (req: IncomingMessage) => {
    const ok = expected === undefined || req.headers['proxy-authorization'] === expected;
    if (!ok) state.refused += 1;
    return ok;
  };
  server.prependListener('request', (req: IncomingMessage) => requests.push(`${req.method} ${req.url}`));
  server.prependListener('connect', (req: IncomingMessage) => requests.push(`CONNECT ${req.url}`));
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get refused() {
      return state.refused;
    },
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      })
  };
}
