import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { context, createContextKey } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ServerMessageBindingContextManager } from '../src/server-messages.js';

const KEY = createContextKey('test');
const manager = new ServerMessageBindingContextManager(new AsyncLocalStorageContextManager());
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

describe('ServerMessageBindingContextManager', () => {
  test("a server's request and response: listener methods left alone, every listener runs in the bound context", async () => {
    const { req, res, clientRes } = await exchange();
    const ctx = context.active().setValue(KEY, 'bound');
    const seen: Record<string, unknown> = {};
    const emitters: Record<string, EventEmitter> = { req, res, clientRes, other: new EventEmitter() };
    for (const [name, emitter] of Object.entries(emitters)) {
      const on = emitter.on;
      expect(context.bind(ctx, emitter)).toBe(emitter);
      // The wrapped manager patches the listener methods; the server's messages keep Node's own.
      expect(emitter.on === on, name).toBe(emitter === req || emitter === res);
      // Added after binding, emitted from outside any context (as the socket does when a client goes away).
      emitter.on('probe', () => {
        seen[name] = context.active().getValue(KEY);
      });
      context.with(context.active().deleteValue(KEY), () => emitter.emit('probe'));
    }
    expect(seen).toEqual({ req: 'bound', res: 'bound', clientRes: 'bound', other: 'bound' });
  });

  test('functions are bound by the wrapped manager; active and with are delegated', () => {
    const ctx = context.active().setValue(KEY, 'with');
    expect(context.bind(ctx, () => context.active().getValue(KEY))()).toBe('with');
    expect(context.with(ctx, () => context.active().getValue(KEY))).toBe('with');
    expect(context.active().getValue(KEY)).toBeUndefined();
  });
});
