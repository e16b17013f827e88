import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { context, createContextKey } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ServerEmittersUnboundContextManager } from '../src/server-emitters.js';

const KEY = createContextKey('test');
const manager = new ServerEmittersUnboundContextManager(new AsyncLocalStorageContextManager());
beforeAll(() => context.setGlobalContextManager(manager.enable()));
afterAll(() => {
  context.disable();
});

/** A server request, its response, and the response of the client's outgoing request. */
async function exchange(): Promise<{ req: IncomingMessage; res: ServerResponse; clientRes: IncomingMessage }> {
  let server!: { req: IncomingMessage; res: ServerResponse };
  const http = createServer((req, res) => {
    server = { req, res };
    res.end('ok');
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const clientRes = await new Promise<IncomingMessage>((resolve) =>
    request(`http://127.0.0.1:${(http.address() as AddressInfo).port}/`, resolve).end(),
  );
  clientRes.resume();
  await new Promise((resolve) => http.close(resolve));
  return { ...server, clientRes };
}

describe('ServerEmittersUnboundContextManager', () => {
  test("leaves a server's request and response as they are; binds every other emitter and function", async () => {
    const { req, res, clientRes } = await exchange();
    const ctx = context.active().setValue(KEY, 'bound');
    const seen: unknown[] = [];
    for (const emitter of [req, res, clientRes, new EventEmitter()]) {
      const on = emitter.on;
      expect(context.bind(ctx, emitter)).toBe(emitter);
      // Binding patches the listener methods; the server's messages keep Node's own.
      expect(emitter.on === on).toBe(emitter === req || emitter === res);
    }
    const other = context.bind(ctx, new EventEmitter());
    other.on('ping', () => seen.push(context.active().getValue(KEY)));
    other.emit('ping');
    context.bind(ctx, () => seen.push(context.active().getValue(KEY)))();
    expect(seen).toEqual(['bound', 'bound']);
  });

  test('delegates active and with to the wrapped manager', () => {
    const ctx = context.active().setValue(KEY, 'with');
    expect(context.with(ctx, () => context.active().getValue(KEY))).toBe('with');
    expect(context.active().getValue(KEY)).toBeUndefined();
  });
});
