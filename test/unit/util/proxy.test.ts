import { describe, expect, it } from '@jest/globals';
import { bypassesProxy, describeProxy, proxyFor, proxySettings, redactProxyUrl } from '../../../src/util/proxy.js';

describe('proxy settings', () => {
  it('none without the input or a proxy variable', () => {
    expect(proxySettings('', {})).toBeUndefined();
    expect(proxySettings('', { NO_PROXY: 'example.com' })).toBeUndefined();
  });

  it('the input wins over the variables and serves both schemes', () => {
    const s = proxySettings('http://p:3128', { HTTPS_PROXY: 'http://other:1' })!;
    expect(s.https?.href).toBe('http://p:3128/');
    expect(s.http?.href).toBe('http://p:3128/');
    expect(s.source).toBe("input 'http-proxy'");
  });

  it('reads https_proxy before HTTPS_PROXY and http_proxy before HTTP_PROXY; a bare host:port is http://', () => {
    const s = proxySettings('', { https_proxy: 'lower:1', HTTPS_PROXY: 'upper:2', HTTP_PROXY: 'http://h:3' })!;
    expect(s.https?.href).toBe('http://lower:1/');
    expect(s.http?.href).toBe('http://h:3/');
    expect(s.source).toBe('https_proxy and HTTP_PROXY');
  });

  it('a bad proxy variable is an error naming the variable, never its value', () => {
    expect(() => proxySettings('', { HTTPS_PROXY: 'socks5://u:pw@h:1080' })).toThrow(
      "Variable 'HTTPS_PROXY' must be an http:// or https:// proxy URL, got 'socks5://***@h:1080'."
    );
    expect(() => proxySettings('http://[bad', {})).toThrow("Input 'http-proxy' is not a proxy URL (http://host:port).");
  });

  it('redacts credentials', () => {
    expect(redactProxyUrl(new URL('http://user:pw@proxy:8080'))).toBe('http://***@proxy:8080');
    expect(redactProxyUrl(new URL('http://proxy:8080'))).toBe('http://proxy:8080');
    const line = describeProxy(proxySettings('http://user:pw@proxy:8080', { no_proxy: 'a.com,B.com' })!);
    expect(line).toBe(
      "Proxy for AWS calls and the OIDC token request (input 'http-proxy'): http and https via http://***@proxy:8080; NO_PROXY: a.com,b.com."
    );
    expect(line).not.toContain('pw');
  });
});

describe('NO_PROXY', () => {
  const np = (v: string): string[] => proxySettings('http://p:1', { NO_PROXY: v })!.noProxy as string[];
  it('matches *, the host, host:port and parent domains, case-insensitively', () => {
    expect(bypassesProxy(new URL('https://sts.amazonaws.com'), np('*'))).toBe(true);
    expect(bypassesProxy(new URL('https://sts.amazonaws.com'), np('STS.amazonaws.com'))).toBe(true);
    expect(bypassesProxy(new URL('https://sts.amazonaws.com'), np('amazonaws.com'))).toBe(true);
    expect(bypassesProxy(new URL('https://sts.amazonaws.com'), np('.amazonaws.com'))).toBe(true);
    expect(bypassesProxy(new URL('https://sts.amazonaws.com'), np('sts.amazonaws.com:443'))).toBe(true);
    expect(bypassesProxy(new URL('http://127.0.0.1:4566'), np('127.0.0.1:4566'))).toBe(true);
  });
  it('does not match other hosts, ports or mere suffixes', () => {
    expect(bypassesProxy(new URL('https://sts.amazonaws.com'), np('s.amazonaws.com'))).toBe(false);
    expect(bypassesProxy(new URL('https://notamazonaws.com'), np('amazonaws.com'))).toBe(false);
    expect(bypassesProxy(new URL('https://sts.amazonaws.com'), np('sts.amazonaws.com:8443'))).toBe(false);
    // Loopback is not bypassed implicitly: NO_PROXY alone decides.
    expect(bypassesProxy(new URL('http://127.0.0.1:4566'), np(''))).toBe(false);
  });
  it('proxyFor picks the scheme’s proxy unless bypassed', () => {
    const s = proxySettings('', { HTTPS_PROXY: 'http://sp:1', NO_PROXY: 'internal' })!;
    expect(proxyFor(new URL('https://config.us-east-1.amazonaws.com'), s)?.host).toBe('sp:1');
    expect(proxyFor(new URL('http://config.us-east-1.amazonaws.com'), s)).toBeUndefined();
    expect(proxyFor(new URL('https://sts.internal'), s)).toBeUndefined();
    expect(proxyFor(new URL('https://x'), undefined)).toBeUndefined();
  });
});
