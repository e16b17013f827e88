/**
 * A scripted OpenAI-compatible HTTP server for tests (never a product feature).
 *
 * A real `node:http` server on 127.0.0.1 with an ephemeral port that speaks just enough of OpenAI's HTTP API for the
 * OpenAI Agents SDK and the `openai` client to run against it unchanged:
 *
 * - `POST /v1/responses` (JSON, and SSE when `stream: true`), with `conversation` handled like OpenAI: the input and
 *   output items are appended to the conversation only when the response succeeds;
 * - `POST /v1/conversations`, `GET|DELETE /v1/conversations/{id}`, `GET|POST /v1/conversations/{id}/items`,
 *   `DELETE /v1/conversations/{id}/items/{item}`;
 * - `POST /v1/chat/completions` (JSON, and SSE chunks when `stream: true`, with the usage chunk when
 *   `stream_options.include_usage` is set).
 *
 * Model replies come from a per-endpoint script queue ({@link ScriptedOpenAI.enqueue}): text, function tool calls,
 * usage (cached and reasoning tokens included), ids and model. Any endpoint can be given faults instead: an HTTP
 * status with headers and body, a delay, a dropped connection or a malformed body. Every request is recorded
 * (method, path, query, headers with the credential redacted, parsed body, the outcome) for assertions.
 */
import { randomBytes } from 'node:crypto';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** The endpoints a script or fault can target. */
export type Endpoint =
  | 'responses'
  | 'chat.completions'
  | 'conversations.create'
  | 'conversations.retrieve'
  | 'conversations.delete'
  | 'conversations.items.list'
  | 'conversations.items.create'
  | 'conversations.items.delete';

/** Token usage of a scripted reply. `cachedInputTokens` ⊆ input, `reasoningTokens` ⊆ output. */
export interface ScriptedUsage {
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens?: number;
  reasoningTokens?: number;
}

/** One function tool call of a scripted reply. */
export interface ScriptedToolCall {
  name: string;
  /** An object (JSON-encoded for the wire) or the raw arguments string. */
  arguments: Record<string, unknown> | string;
  /** The call id; default a fresh `call_…`. */
  callId?: string;
}

/** A successful model reply. Tool calls come before the text in the output. */
export interface ScriptedReply {
  text?: string;
  toolCalls?: ScriptedToolCall[];
  /** Default `{ inputTokens: 100, outputTokens: 20 }` (no cached / reasoning details unless given). */
  usage?: ScriptedUsage;
  /** Response / completion id; default a fresh `resp_…` / `chatcmpl-…`. */
  id?: string;
  /** The model the response names; default the request's `model` (a gateway may answer with a dated snapshot). */
  model?: string;
  /** Wait this long before answering (a latency spike that still succeeds). */
  delayMs?: number;
  /** Streaming only: split the text into deltas of this many characters (default 8). */
  chunkSize?: number;
  /** Streaming only: wait this long before each event after the first (a model that writes slowly). */
  chunkDelayMs?: number;
  /**
   * Streaming only: after this many text deltas, destroy the connection (a stream broken mid-answer). The request's
   * outcome is then `broken`.
   */
  breakAfterChunks?: number;
}

/** A failure of one request. */
export interface Fault {
  /** Answer with this HTTP status (default 500 when neither `drop` nor `malformed` is set). */
  status?: number;
  /** Extra response headers, e.g. `{ 'retry-after': '1' }` or `{ 'retry-after-ms': '50' }`. */
  headers?: Record<string, string>;
  /** The error body; default OpenAI's `{ error: { message, type, param, code } }` shape. */
  body?: unknown;
  /** Wait this long first (combine with nothing else to make a request slower than the client's timeout). */
  delayMs?: number;
  /** Destroy the socket without answering (a connection reset). */
  drop?: boolean;
  /** Answer 200 with a truncated, unparsable JSON body (or, for a streaming request, a broken SSE event). */
  malformed?: boolean;
}

/** One entry of a script queue: a reply, or `{ fault }`. */
export type ScriptStep = ScriptedReply | { fault: Fault };

/** A request as the server received it. */
export interface RecordedRequest {
  readonly seq: number;
  readonly method: string;
  /** Path without the query string, e.g. `/v1/responses`. */
  readonly path: string;
  readonly query: Record<string, string>;
  /** Lower-cased header names; `authorization` keeps only its scheme (`Bearer [redacted]`). */
  readonly headers: Record<string, string>;
  /** The parsed JSON body (or the raw text when it is not JSON; `undefined` when empty). */
  readonly body: any;
  readonly endpoint: Endpoint | 'unknown';
  readonly receivedAt: number;
  /**
   * What the server did: `ok`, `default` (queue empty, default reply), `fault:<status>`, `fault:drop`,
   * `fault:malformed`, `not_found`; for a stream, `aborted` when the client closed it before the end, `broken` when
   * the script broke it ({@link ScriptedReply.breakAfterChunks}).
   */
  outcome: string;
}

/** A conversation item as stored by the server (the Conversations API's item shape, with an `id`). */
export type StoredItem = Record<string, unknown> & { id: string; type: string };

export interface ScriptedOpenAIOptions {
  /** Reply used when the queue of `responses` / `chat.completions` is empty. Default a short NBA text answer. */
  defaultReply?: ScriptedReply;
}

export interface ScriptedOpenAI {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** `url + '/v1'`: what `OPENAI_BASE_URL` / the client's `baseURL` should be. */
  readonly baseURL: string;
  readonly port: number;
  /** Every request received so far, in arrival order. */
  readonly requests: RecordedRequest[];
  /** The received requests of one endpoint. */
  requestsTo(endpoint: Endpoint): RecordedRequest[];
  /** Appends steps to an endpoint's queue; each request of that endpoint consumes one step. */
  enqueue(endpoint: Endpoint, ...steps: ScriptStep[]): void;
  /** Steps not consumed yet. */
  pending(endpoint: Endpoint): number;
  /** The stored items of a conversation (`undefined` when it does not exist). */
  conversationItems(id: string): StoredItem[] | undefined;
  /** Ids of the live conversations. */
  conversationIds(): string[];
  /** Forgets recorded requests and queued steps (conversations are kept). */
  reset(): void;
  /** Closes the server and every open connection. */
  close(): Promise<void>;
}

const DEFAULT_REPLY: ScriptedReply = { text: 'The Oklahoma City Thunder won the 2025 NBA title.' };
const DEFAULT_USAGE: ScriptedUsage = { inputTokens: 100, outputTokens: 20 };

function newId(prefix: string): string {
  return `${prefix}${randomBytes(12).toString('hex')}`;
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

function isFault(step: ScriptStep): step is { fault: Fault } {
  return typeof (step as { fault?: unknown }).fault === 'object' && (step as { fault?: unknown }).fault !== null;
}

function redactHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    out[name.toLowerCase()] =
      name.toLowerCase() === 'authorization' ? `${text.split(/\s+/)[0] ?? ''} [redacted]` : text;
  }
  return out;
}

function sleep(ms: number, socket: Socket): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      socket.off('close', done);
      resolve();
    }
    socket.once('close', done);
  });
}

function argumentsText(args: ScriptedToolCall['arguments']): string {
  return typeof args === 'string' ? args : JSON.stringify(args);
}

/** Responses API usage object. */
function responsesUsage(u: ScriptedUsage) {
  return {
    input_tokens: u.inputTokens,
    input_tokens_details: { cached_tokens: u.cachedInputTokens ?? 0 },
    output_tokens: u.outputTokens,
    output_tokens_details: { reasoning_tokens: u.reasoningTokens ?? 0 },
    total_tokens: u.inputTokens + u.outputTokens,
  };
}

/** Chat Completions usage object. */
function chatUsage(u: ScriptedUsage) {
  return {
    prompt_tokens: u.inputTokens,
    completion_tokens: u.outputTokens,
    total_tokens: u.inputTokens + u.outputTokens,
    ...(u.cachedInputTokens === undefined ? {} : { prompt_tokens_details: { cached_tokens: u.cachedInputTokens } }),
    ...(u.reasoningTokens === undefined ? {} : { completion_tokens_details: { reasoning_tokens: u.reasoningTokens } }),
  };
}

/** Output items of a Responses API reply. */
function responseOutput(reply: ScriptedReply): StoredItem[] {
  const items: StoredItem[] = [];
  for (const call of reply.toolCalls ?? []) {
    items.push({
      type: 'function_call',
      id: newId('fc_'),
      call_id: call.callId ?? newId('call_'),
      name: call.name,
      arguments: argumentsText(call.arguments),
      status: 'completed',
    });
  }
  if (reply.text !== undefined) {
    items.push({
      type: 'message',
      id: newId('msg_'),
      status: 'completed',
      role: 'assistant',
      content: [{ type: 'output_text', text: reply.text, annotations: [], logprobs: [] }],
    });
  }
  return items;
}

/** Input (string or item list) of a Responses request as conversation items, with ids. */
function inputAsItems(input: unknown): StoredItem[] {
  const list: unknown[] =
    typeof input === 'string' ? [{ type: 'message', role: 'user', content: input }] : Array.isArray(input) ? input : [];
  return list.map((raw) => toStoredItem(raw));
}

function toStoredItem(raw: unknown): StoredItem {
  const item = { ...(raw as Record<string, unknown>) };
  const type = typeof item.type === 'string' ? item.type : 'message';
  item.type = type;
  if (type === 'message') {
    const role = typeof item.role === 'string' ? item.role : 'user';
    if (typeof item.content === 'string') {
      item.content = [
        {
          type: role === 'assistant' ? 'output_text' : 'input_text',
          text: item.content,
          ...(role === 'assistant' ? { annotations: [] } : {}),
        },
      ];
    }
    if (item.status === undefined) item.status = 'completed';
  }
  if (typeof item.id !== 'string' || item.id === '') {
    const prefix =
      type === 'message'
        ? 'msg_'
        : type === 'function_call'
          ? 'fc_'
          : type === 'function_call_output'
            ? 'fco_'
            : 'item_';
    item.id = newId(prefix);
  }
  return item as StoredItem;
}

function openaiError(status: number, message: string, type = 'invalid_request_error', code: string | null = null) {
  return { status, body: { error: { message, type, param: null, code } } };
}

/** Starts a scripted server on 127.0.0.1 (ephemeral port). */
export async function startScriptedOpenAI(options: ScriptedOpenAIOptions = {}): Promise<ScriptedOpenAI> {
  const queues = new Map<Endpoint, ScriptStep[]>();
  const requests: RecordedRequest[] = [];
  const conversations = new Map<
    string,
    { id: string; createdAt: number; metadata: Record<string, unknown>; items: StoredItem[] }
  >();
  const sockets = new Set<Socket>();
  const defaultReply = options.defaultReply ?? DEFAULT_REPLY;
  let seq = 0;

  function take(endpoint: Endpoint): ScriptStep | undefined {
    return queues.get(endpoint)?.shift();
  }

  function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': newId('req_'), ...headers });
    res.end(text);
  }

  /** Applies a fault; returns after the response (or drop) is done. */
  async function applyFault(
    req: IncomingMessage,
    res: ServerResponse,
    record: RecordedRequest,
    fault: Fault,
    streaming: boolean,
  ) {
    if (fault.delayMs) {
      record.outcome = 'fault:delaying';
      await sleep(fault.delayMs, req.socket);
    }
    if (req.socket.destroyed) {
      record.outcome = 'fault:client-gone';
      return;
    }
    if (fault.drop) {
      record.outcome = 'fault:drop';
      req.socket.destroy();
      return;
    }
    if (fault.malformed) {
      record.outcome = 'fault:malformed';
      if (streaming) {
        res.writeHead(200, { 'content-type': 'text/event-stream', ...fault.headers });
        res.end('event: response.created\ndata: {"type":"response.created","response":{"id":\n\n');
      } else {
        res.writeHead(200, { 'content-type': 'application/json', ...fault.headers });
        res.end('{"id":"resp_truncated","object":"response","output":[{"type":"mess');
      }
      return;
    }
    const status = fault.status ?? 500;
    record.outcome = `fault:${status}`;
    const body =
      fault.body ??
      openaiError(
        status,
        `Scripted fault: HTTP ${status}`,
        status === 429 ? 'rate_limit_exceeded' : status >= 500 ? 'server_error' : 'invalid_request_error',
      ).body;
    json(res, status, body, fault.headers ?? {});
  }

  /** Writes `events` as SSE, paced and possibly broken as `reply` says; records an abort by the client. */
  async function sse(
    req: IncomingMessage,
    res: ServerResponse,
    record: RecordedRequest,
    reply: ScriptedReply,
    events: Array<{ event?: string; data: unknown; text?: boolean }>,
  ): Promise<void> {
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      'x-request-id': newId('req_'),
    });
    let finished = false;
    res.once('close', () => {
      if (!finished && record.outcome !== 'broken') record.outcome = 'aborted';
    });
    let texts = 0;
    for (const [i, e] of events.entries()) {
      if (i > 0 && reply.chunkDelayMs) await sleep(reply.chunkDelayMs, req.socket);
      if (req.socket.destroyed) return;
      if (e.text && reply.breakAfterChunks !== undefined && texts >= reply.breakAfterChunks) {
        record.outcome = 'broken';
        // Let what was written reach the client first, then cut the connection without ending the response.
        await new Promise<void>((resolve) => res.write('', () => resolve()));
        req.socket.destroy();
        return;
      }
      if (e.text) texts++;
      res.write(
        `${e.event ? `event: ${e.event}\n` : ''}data: ${typeof e.data === 'string' ? e.data : JSON.stringify(e.data)}\n\n`,
      );
    }
    finished = true;
    res.end();
  }

  function chunks(text: string, size: number): string[] {
    const out: string[] = [];
    for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
    return out.length ? out : [''];
  }

  async function handleResponses(req: IncomingMessage, res: ServerResponse, record: RecordedRequest): Promise<void> {
    const body = (record.body ?? {}) as Record<string, any>;
    const streaming = body.stream === true;
    const conversationId: string | undefined =
      typeof body.conversation === 'string'
        ? body.conversation
        : typeof body.conversation?.id === 'string'
          ? body.conversation.id
          : undefined;
    const step = take('responses');
    if (step && isFault(step)) return applyFault(req, res, record, step.fault, streaming);
    const conversation = conversationId === undefined ? undefined : conversations.get(conversationId);
    if (conversationId !== undefined && !conversation) {
      record.outcome = 'not_found';
      const e = openaiError(404, `Conversation with id '${conversationId}' not found.`);
      return json(res, e.status, e.body);
    }
    const reply = step ?? defaultReply;
    record.outcome = step ? 'ok' : 'default';
    if (reply.delayMs) await sleep(reply.delayMs, req.socket);
    if (req.socket.destroyed) return;
    const output = responseOutput(reply);
    const response = {
      id: reply.id ?? newId('resp_'),
      object: 'response',
      created_at: nowSeconds(),
      status: 'completed',
      error: null,
      incomplete_details: null,
      instructions: body.instructions ?? null,
      max_output_tokens: body.max_output_tokens ?? null,
      model: reply.model ?? body.model ?? 'scripted-model',
      output,
      parallel_tool_calls: body.parallel_tool_calls ?? true,
      previous_response_id: body.previous_response_id ?? null,
      conversation: conversationId ? { id: conversationId } : null,
      reasoning: { effort: null, summary: null },
      store: body.store ?? true,
      temperature: body.temperature ?? 1,
      text: { format: { type: 'text' } },
      tool_choice: body.tool_choice ?? 'auto',
      tools: body.tools ?? [],
      top_p: body.top_p ?? 1,
      truncation: 'disabled',
      usage: responsesUsage(reply.usage ?? DEFAULT_USAGE),
      metadata: body.metadata ?? {},
    };
    // Like OpenAI: a response made with `conversation` stores its input and output there, only on success.
    if (conversation) conversation.items.push(...inputAsItems(body.input), ...output);
    if (!streaming) return json(res, 200, response);

    let n = 0;
    const events: Array<{ event: string; data: Record<string, unknown>; text?: boolean }> = [];
    const push = (type: string, data: Record<string, unknown>) =>
      events.push({ event: type, data: { type, sequence_number: n++, ...data } });
    const inProgress = { ...response, status: 'in_progress', output: [], usage: null };
    push('response.created', { response: inProgress });
    push('response.in_progress', { response: inProgress });
    output.forEach((item, outputIndex) => {
      if (item.type === 'message') {
        const text = reply.text ?? '';
        push('response.output_item.added', {
          output_index: outputIndex,
          item: { ...item, status: 'in_progress', content: [] },
        });
        push('response.content_part.added', {
          item_id: item.id,
          output_index: outputIndex,
          content_index: 0,
          part: { type: 'output_text', text: '', annotations: [] },
        });
        for (const delta of chunks(text, reply.chunkSize ?? 8)) {
          push('response.output_text.delta', {
            item_id: item.id,
            output_index: outputIndex,
            content_index: 0,
            delta,
            logprobs: [],
          });
          events.at(-1)!.text = true;
        }
        push('response.output_text.done', {
          item_id: item.id,
          output_index: outputIndex,
          content_index: 0,
          text,
          logprobs: [],
        });
        push('response.content_part.done', {
          item_id: item.id,
          output_index: outputIndex,
          content_index: 0,
          part: { type: 'output_text', text, annotations: [] },
        });
      } else {
        push('response.output_item.added', {
          output_index: outputIndex,
          item: { ...item, status: 'in_progress', arguments: '' },
        });
        push('response.function_call_arguments.delta', {
          item_id: item.id,
          output_index: outputIndex,
          delta: item.arguments,
        });
        push('response.function_call_arguments.done', {
          item_id: item.id,
          output_index: outputIndex,
          arguments: item.arguments,
        });
      }
      push('response.output_item.done', { output_index: outputIndex, item });
    });
    push('response.completed', { response });
    return sse(req, res, record, reply, events);
  }

  async function handleChat(req: IncomingMessage, res: ServerResponse, record: RecordedRequest): Promise<void> {
    const body = (record.body ?? {}) as Record<string, any>;
    const streaming = body.stream === true;
    const step = take('chat.completions');
    if (step && isFault(step)) return applyFault(req, res, record, step.fault, streaming);
    const reply = step ?? defaultReply;
    record.outcome = step ? 'ok' : 'default';
    if (reply.delayMs) await sleep(reply.delayMs, req.socket);
    if (req.socket.destroyed) return;
    const id = reply.id ?? newId('chatcmpl-');
    const model = reply.model ?? body.model ?? 'scripted-model';
    const toolCalls = (reply.toolCalls ?? []).map((c) => ({
      id: c.callId ?? newId('call_'),
      type: 'function' as const,
      function: { name: c.name, arguments: argumentsText(c.arguments) },
    }));
    const finishReason = toolCalls.length ? 'tool_calls' : 'stop';
    const usage = chatUsage(reply.usage ?? DEFAULT_USAGE);
    const created = nowSeconds();
    if (!streaming) {
      return json(res, 200, {
        id,
        object: 'chat.completion',
        created,
        model,
        choices: [
          {
            index: 0,
            message: {
              role: 'assistant',
              content: reply.text ?? null,
              refusal: null,
              ...(toolCalls.length ? { tool_calls: toolCalls } : {}),
            },
            logprobs: null,
            finish_reason: finishReason,
          },
        ],
        usage,
      });
    }
    const base = { id, object: 'chat.completion.chunk', created, model };
    const events: Array<{ data: unknown; text?: boolean }> = [];
    events.push({
      data: { ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] },
    });
    for (const delta of reply.text === undefined ? [] : chunks(reply.text, reply.chunkSize ?? 8)) {
      events.push({
        data: { ...base, choices: [{ index: 0, delta: { content: delta }, finish_reason: null }] },
        text: true,
      });
    }
    toolCalls.forEach((call, index) => {
      events.push({
        data: { ...base, choices: [{ index: 0, delta: { tool_calls: [{ index, ...call }] }, finish_reason: null }] },
      });
    });
    events.push({ data: { ...base, choices: [{ index: 0, delta: {}, finish_reason: finishReason }] } });
    if (body.stream_options?.include_usage) events.push({ data: { ...base, choices: [], usage } });
    events.push({ data: '[DONE]' });
    return sse(req, res, record, reply, events);
  }

  function conversationObject(c: { id: string; createdAt: number; metadata: Record<string, unknown> }) {
    return { id: c.id, object: 'conversation', created_at: c.createdAt, metadata: c.metadata };
  }

  function list(items: StoredItem[]) {
    return {
      object: 'list',
      data: items,
      first_id: items[0]?.id ?? null,
      last_id: items.at(-1)?.id ?? null,
      has_more: false,
    };
  }

  async function handleConversations(
    req: IncomingMessage,
    res: ServerResponse,
    record: RecordedRequest,
    parts: string[],
  ): Promise<void> {
    // parts: ['conversations', id?, 'items'?, itemId?]
    const [, id, sub, itemId] = parts;
    const method = record.method;
    let endpoint: Endpoint;
    if (id === undefined) endpoint = 'conversations.create';
    else if (sub === undefined) endpoint = method === 'DELETE' ? 'conversations.delete' : 'conversations.retrieve';
    else if (itemId === undefined)
      endpoint = method === 'POST' ? 'conversations.items.create' : 'conversations.items.list';
    else endpoint = 'conversations.items.delete';
    (record as { endpoint: Endpoint }).endpoint = endpoint;
    const step = take(endpoint);
    if (step && isFault(step)) return applyFault(req, res, record, step.fault, false);
    record.outcome = 'ok';
    const body = (record.body ?? {}) as Record<string, any>;

    if (endpoint === 'conversations.create') {
      const c = {
        id: newId('conv_'),
        createdAt: nowSeconds(),
        metadata: body.metadata ?? {},
        items: inputAsItems(body.items ?? []),
      };
      conversations.set(c.id, c);
      return json(res, 200, conversationObject(c));
    }
    const c = conversations.get(id!);
    if (!c) {
      record.outcome = 'not_found';
      const e = openaiError(404, `Conversation with id '${id}' not found.`);
      return json(res, e.status, e.body);
    }
    switch (endpoint) {
      case 'conversations.retrieve':
        return json(res, 200, conversationObject(c));
      case 'conversations.delete':
        conversations.delete(c.id);
        return json(res, 200, { id: c.id, object: 'conversation.deleted', deleted: true });
      case 'conversations.items.create': {
        const added = inputAsItems(body.items ?? []);
        c.items.push(...added); // one request, all items or none
        return json(res, 200, list(added));
      }
      case 'conversations.items.delete': {
        const index = c.items.findIndex((i) => i.id === itemId);
        if (index < 0) {
          record.outcome = 'not_found';
          const e = openaiError(404, `Item with id '${itemId}' not found.`);
          return json(res, e.status, e.body);
        }
        c.items.splice(index, 1);
        return json(res, 200, conversationObject(c));
      }
      default: {
        const order = record.query.order === 'asc' ? 'asc' : 'desc'; // OpenAI's default order is desc
        let items = order === 'asc' ? [...c.items] : [...c.items].reverse();
        if (record.query.after) {
          const at = items.findIndex((i) => i.id === record.query.after);
          items = at < 0 ? [] : items.slice(at + 1);
        }
        const limit = Math.min(Math.max(Number(record.query.limit ?? 20) || 20, 1), 100);
        const page = items.slice(0, limit);
        return json(res, 200, { ...list(page), has_more: items.length > page.length });
      }
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse, raw: string): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let body: unknown;
    if (raw.length) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const parts = url.pathname
      .replace(/^\/v1\/?/, '')
      .split('/')
      .filter(Boolean);
    const method = (req.method ?? 'GET').toUpperCase();
    let endpoint: Endpoint | 'unknown' = 'unknown';
    if (url.pathname.startsWith('/v1/')) {
      if (parts[0] === 'responses' && parts.length === 1 && method === 'POST') endpoint = 'responses';
      else if (parts[0] === 'chat' && parts[1] === 'completions' && parts.length === 2 && method === 'POST')
        endpoint = 'chat.completions';
      else if (parts[0] === 'conversations' && parts.length <= 4) endpoint = 'conversations.retrieve'; // refined below
    }
    const record: RecordedRequest = {
      seq: ++seq,
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: redactHeaders(req.headers),
      body,
      endpoint,
      receivedAt: Date.now(),
      outcome: 'pending',
    };
    requests.push(record);
    if (endpoint === 'responses') return handleResponses(req, res, record);
    if (endpoint === 'chat.completions') return handleChat(req, res, record);
    if (endpoint !== 'unknown') return handleConversations(req, res, record, parts);
    record.outcome = 'not_found';
    const e = openaiError(404, `Unknown route ${method} ${url.pathname}`);
    return json(res, e.status, e.body);
  }

  const server: Server = createServer((req, res) => {
    const chunksIn: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunksIn.push(chunk));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunksIn).toString('utf8')).catch((error: unknown) => {
        if (!res.headersSent)
          json(res, 500, {
            error: { message: `scripted server bug: ${String(error)}`, type: 'server_error', param: null, code: null },
          });
        else res.destroy();
      });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  let closed: Promise<void> | undefined;

  return {
    url,
    baseURL: `${url}/v1`,
    port,
    requests,
    requestsTo: (endpoint) => requests.filter((r) => r.endpoint === endpoint),
    enqueue(endpoint, ...steps) {
      const queue = queues.get(endpoint) ?? [];
      queue.push(...steps);
      queues.set(endpoint, queue);
    },
    pending: (endpoint) => queues.get(endpoint)?.length ?? 0,
    conversationItems: (id) => conversations.get(id)?.items.map((i) => ({ ...i })),
    conversationIds: () => [...conversations.keys()],
    reset() {
      requests.length = 0;
      queues.clear();
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return closed;
    },
  };
}
