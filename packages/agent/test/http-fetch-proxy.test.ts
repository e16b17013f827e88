/**
 * undiciFetch with NODE_USE_ENV_PROXY=1 goes through HTTP_PROXY, as Node's fetch does (a file of its own: the
 * dispatcher is made once per process, on the first call).
 */
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { undiciFetch } from '../src/http-fetch.js';

const seenByProxy: string[] = [];
const target = createServer((req, res) => res.end(JSON.stringify({ path: req.url })));
// A forward proxy: the request line carries the absolute URL, which it relays.
const proxy = createServer((req, res) => {
  seenByProxy.push(`${req.method} ${req.url}`);
  const upstream = request(req.url!, { method: req.method, headers: req.headers }, (up) => {
    res.writeHead(up.statusCode ?? 502, up.headers);
    up.pipe(res);
  });
  req.pipe(upstream);
});

beforeAll(async () => {
  await Promise.all([target, proxy].map((s) => new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))));
  process.env.NODE_USE_ENV_PROXY = '1';
  process.env.HTTP_PROXY = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  delete process.env.NO_PROXY;
  delete process.env.no_proxy;
});
afterAll(async () => {
  delete process.env.NODE_USE_ENV_PROXY;
  delete process.env.HTTP_PROXY;
  await Promise.all([target, proxy].map((s) => new Promise((resolve) => s.close(resolve))));
});

it('sends model calls through HTTP_PROXY when NODE_USE_ENV_PROXY=1', async () => {
  const url = `http://127.0.0.1:${(target.address() as AddressInfo).port}/v1/chat/completions`;
  const res = await undiciFetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  expect(await res.json()).toEqual({ path: '/v1/chat/completions' });
  expect(seenByProxy).toEqual([`POST ${url}`]);
});
