/**
 * undiciFetch (the OpenAI client's HTTP) against a real HTTP server on loopback, beside the global fetch: the same
 * status, headers and body, streamed event streams, redirects, aborts and the fall-back for bodies it does not take.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { undiciFetch } from '../src/http-fetch.js';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;
const routes = new Map<string, Handler>();
let base = '';
const server = createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (c: string) => (body += c));
  req.on('end', () => {
    const route = routes.get(new URL(req.url ?? '/', base).pathname);
    if (route) route(req, body, res);
    else res.writeHead(404).end();
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  routes.set('/echo', (req, body, res) => {
    res.setHeader('set-cookie', ['a=1', 'b=2']);
    res.writeHead(201, { 'content-type': 'application/json', 'x-request-id': 'req_1' });
    res.end(JSON.stringify({ method: req.method, body, auth: req.headers.authorization ?? null }));
  });
  routes.set('/empty', (_req, _body, res) => res.writeHead(204).end());
  routes.set('/moved', (_req, _body, res) => res.writeHead(307, { location: '/echo' }).end());
  routes.set('/see-other', (_req, _body, res) => res.writeHead(303, { location: '/echo' }).end());
  routes.set('/gzip', (_req, _body, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    res.end(gzipSync(JSON.stringify({ compressed: true })));
  });
  let cut = 0;
  routes.set('/cut', (_req, _body, res) => {
    cut++;
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
    res.write('{"partial":', () => res.destroy());
  });
  routes.set('/cut-count', (_req, _body, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(`${cut}`),
  );
  routes.set('/events', (req, _body, res) => {
    // The client streams by what it asked for: a stream labelled as plain text must not be read whole either.
    res.writeHead(200, { 'content-type': String(req.headers['x-type'] ?? 'text/event-stream') });
    res.write('data: first\n\n');
    // The rest only once the client has read the first event: a buffering fetch would wait forever.
    routes.set('/events-next', (_r, _b, next) => {
      res.end('data: second\n\n');
      next.writeHead(200).end();
    });
  });
  routes.set('/stall', (_req, _body, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"partial":');
  });
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const post = { method: 'POST', headers: { authorization: 'Bearer k', 'content-type': 'application/json' }, body: '{}' };

describe('undiciFetch', () => {
  it('gives the same status, headers and body as the global fetch', async () => {
    const [ours, theirs] = await Promise.all([undiciFetch(`${base}/echo`, post), fetch(`${base}/echo`, post)]);
    expect(ours.status).toBe(201);
    expect(ours.ok).toBe(true);
    for (const name of ['content-type', 'x-request-id', 'set-cookie']) {
      expect(ours.headers.get(name)).toBe(theirs.headers.get(name));
    }
    expect(ours.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(await ours.json()).toEqual(await theirs.json());
  });

  it('takes Headers objects and URL inputs', async () => {
    const res = await undiciFetch(new URL(`${base}/echo`), {
      method: 'POST',
      headers: new Headers({ authorization: 'Bearer h' }),
      body: new TextEncoder().encode('bytes'),
    });
    expect(await res.json()).toEqual({ method: 'POST', body: 'bytes', auth: 'Bearer h' });
  });

  it('answers a 204 with no body instead of failing to build the Response', async () => {
    const res = await undiciFetch(`${base}/empty`, { method: 'DELETE' });
    expect(res.status).toBe(204);
    expect(res.body).toBeNull();
  });

  it('follows redirects like fetch: 307 resends the body, 303 becomes a GET', async () => {
    const moved = await undiciFetch(`${base}/moved`, post);
    expect(await moved.json()).toEqual({ method: 'POST', body: '{}', auth: 'Bearer k' });
    const seeOther = await undiciFetch(`${base}/see-other`, post);
    expect(await seeOther.json()).toMatchObject({ method: 'GET', body: '' });
  });

  it.each(['text/event-stream', 'text/plain'])('passes streams (%s) on as they arrive', async (type) => {
    const res = await undiciFetch(`${base}/events`, { method: 'POST', headers: { 'x-type': type }, body: '{}' });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    expect(decoder.decode((await reader.read()).value)).toBe('data: first\n\n');
    await undiciFetch(`${base}/events-next`);
    let rest = '';
    for (let r = await reader.read(); !r.done; r = await reader.read()) rest += decoder.decode(r.value);
    expect(rest).toBe('data: second\n\n');
  });

  it('decodes a compressed answer', async () => {
    expect(await (await undiciFetch(`${base}/gzip`)).json()).toEqual({ compressed: true });
  });

  it('a body cut after the headers fails when read, as with fetch, and is not sent again', async () => {
    const [ours, theirs] = [await undiciFetch(`${base}/cut`, post), await fetch(`${base}/cut`, post)];
    expect(ours.status).toBe(200);
    await expect(ours.json()).rejects.toMatchObject({ name: 'TypeError', message: 'terminated' });
    await expect(theirs.json()).rejects.toMatchObject({ name: 'TypeError', message: 'terminated' });
    expect(await (await undiciFetch(`${base}/cut-count`)).json()).toBe(2);
  });

  it("aborts with an AbortError when the caller's signal fires while the body is read", async () => {
    const controller = new AbortController();
    const pending = undiciFetch(`${base}/stall`, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('hands bodies it does not take (streams) to the global fetch', async () => {
    const body = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode('streamed'));
        c.close();
      },
    });
    const res = await undiciFetch(`${base}/echo`, { method: 'POST', body, duplex: 'half' } as RequestInit);
    expect(await res.json()).toMatchObject({ body: 'streamed' });
  });
});
