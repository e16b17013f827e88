/**
 * Conversion of the payloads found in Agents SDK span data into the GenAI v1.41 message JSON schemas
 * (InputMessages / OutputMessages / SystemInstructions / ToolDefinitions).
 *
 * Handles three shapes, because different Model implementations put different things in span data:
 * - Agents SDK protocol items (`AgentInputItem` / `AgentOutputItem`: `input_text`, `output_text`,
 *   `function_call` with `callId`, `function_call_result`, `reasoning`, ...) — custom models and the
 *   `_input` of response spans;
 * - OpenAI Responses wire items (`call_id`, `function_call_output`, `summary`) — `_response.output`;
 * - Chat Completions messages/objects (`tool_calls`, `tool_call_id`, `choices[]`) — generation spans of
 *   `OpenAIChatCompletionsModel`.
 */
import {
  FINISH_REASON_CONTENT_FILTER,
  FINISH_REASON_ERROR,
  FINISH_REASON_LENGTH,
  FINISH_REASON_STOP,
  FINISH_REASON_TOOL_CALL,
} from './semconv.js';

export type Part = { type: string; [key: string]: unknown };
export type ChatMessage = { role: string; parts: Part[]; name?: string };
export type OutputMessage = ChatMessage & { finish_reason: string };
export type ToolCallInfo = { id?: string; name: string; arguments?: string };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Parse a JSON string best-effort; return the original value when it is not JSON. */
export function parseJsonLoose(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const t = v.trim();
  if (!t || !'{["'.includes(t[0] ?? '')) return v;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return v;
  }
}

/** Normalise a provider/SDK finish reason to the v1.41 output-message enum (other strings pass through). */
export function normalizeFinishReason(reason: unknown): string | undefined {
  if (typeof reason !== 'string' || !reason) return undefined;
  switch (reason) {
    case 'tool_calls':
    case 'function_call':
    case 'tool_call':
    case 'tool_use':
      return FINISH_REASON_TOOL_CALL;
    case 'stop':
    case 'end_turn':
    case 'completed':
      return FINISH_REASON_STOP;
    case 'length':
    case 'max_tokens':
    case 'max_output_tokens':
      return FINISH_REASON_LENGTH;
    case 'content_filter':
      return FINISH_REASON_CONTENT_FILTER;
    case 'failed':
    case 'error':
      return FINISH_REASON_ERROR;
    default:
      return reason;
  }
}

function contentPart(p: unknown): Part | undefined {
  if (typeof p === 'string') return { type: 'text', content: p };
  if (!isObj(p)) return undefined;
  const type = str(p.type);
  switch (type) {
    case 'input_text':
    case 'output_text':
    case 'text':
      return { type: 'text', content: str(p.text) ?? str(p.content) ?? '' };
    case 'refusal':
      return { type: 'refusal', content: str(p.refusal) ?? str(p.content) ?? '' };
    case 'reasoning_text':
    case 'summary_text':
      return { type: 'reasoning', content: str(p.text) ?? '' };
    case 'input_image':
    case 'image_url': {
      const img = p.image ?? p.image_url ?? p.imageUrl;
      const url = str(img) ?? (isObj(img) ? str(img.url) : undefined);
      if (url?.startsWith('data:')) {
        const mime = /^data:([^;,]+)/.exec(url)?.[1];
        return {
          type: 'blob',
          modality: 'image',
          ...(mime ? { mime_type: mime } : {}),
          content: url.slice(url.indexOf(',') + 1),
        };
      }
      if (url) return { type: 'uri', modality: 'image', uri: url };
      const fileId = str(p.fileId) ?? str(p.file_id) ?? (isObj(img) ? str(img.id) : undefined);
      if (fileId) return { type: 'file', modality: 'image', file_id: fileId };
      return { type: 'image' };
    }
    case 'input_file': {
      const fileId = str(p.fileId) ?? str(p.file_id) ?? (isObj(p.file) ? str(p.file.id) : undefined);
      if (fileId) return { type: 'file', modality: 'document', file_id: fileId };
      const url = str(p.file) ?? str(p.file_url);
      if (url) return { type: 'uri', modality: 'document', uri: url };
      return { type: 'file' };
    }
    case 'audio':
    case 'input_audio':
      return { type: 'audio' };
    default:
      return { type: type ?? 'unknown' };
  }
}

function contentParts(content: unknown): Part[] {
  if (content === undefined || content === null) return [];
  if (typeof content === 'string') return [{ type: 'text', content }];
  if (Array.isArray(content)) return content.map(contentPart).filter((p): p is Part => p !== undefined);
  const one = contentPart(content);
  return one ? [one] : [];
}

function toolCallPart(id: unknown, name: unknown, args: unknown): Part {
  const part: Part = { type: 'tool_call' };
  if (typeof id === 'string' && id) part.id = id;
  part.name = typeof name === 'string' ? name : '';
  if (args !== undefined && args !== '') part.arguments = parseJsonLoose(args);
  return part;
}

function toolResponseValue(output: unknown): unknown {
  if (typeof output === 'string') return output;
  if (isObj(output)) {
    if (output.type === 'text' && typeof output.text === 'string') return output.text;
    return output;
  }
  if (Array.isArray(output)) {
    const texts = output.map((o) => (isObj(o) && typeof o.text === 'string' ? o.text : undefined));
    if (texts.every((t) => t !== undefined)) return texts.join('');
    return output;
  }
  return output ?? '';
}

function reasoningParts(item: Obj): Part[] {
  const out: Part[] = [];
  for (const field of ['content', 'summary']) {
    const v = item[field];
    if (Array.isArray(v)) {
      for (const c of v) {
        const text = isObj(c) ? str(c.text) : str(c);
        if (text) out.push({ type: 'reasoning', content: text });
      }
    } else if (typeof v === 'string' && v) out.push({ type: 'reasoning', content: v });
  }
  if (!out.length && typeof item.reasoning_content === 'string')
    out.push({ type: 'reasoning', content: item.reasoning_content });
  return out;
}

/**
 * Convert a list of items/messages (any of the three shapes) into semconv ChatMessages, in order.
 * Consecutive assistant items (message + function calls of one response) are merged into one message.
 */
export function toChatMessages(input: unknown): ChatMessage[] {
  if (input === undefined || input === null) return [];
  if (typeof input === 'string') return [{ role: 'user', parts: [{ type: 'text', content: input }] }];
  const items = Array.isArray(input) ? input : [input];
  const out: ChatMessage[] = [];
  const pushAssistantParts = (parts: Part[]): void => {
    const last = out[out.length - 1];
    if (last && last.role === 'assistant') last.parts.push(...parts);
    else out.push({ role: 'assistant', parts });
  };
  for (const item of items) {
    if (typeof item === 'string') {
      out.push({ role: 'user', parts: [{ type: 'text', content: item }] });
      continue;
    }
    if (!isObj(item)) continue;
    // The SDK wraps Responses items it has no protocol shape for (e.g. read back from the Conversations API) as
    // `{ type: 'unknown', providerData: <wire item> }`: read the wire item.
    const raw = item.type === 'unknown' && isObj(item.providerData) ? item.providerData : item;
    const type = str(raw.type);
    if (type === 'item_reference' || type === 'compaction') continue; // no content of their own
    const role = str(raw.role);
    if (type === 'function_call' || type === 'custom_tool_call') {
      pushAssistantParts([toolCallPart(raw.callId ?? raw.call_id ?? raw.id, raw.name, raw.arguments ?? raw.input)]);
    } else if (
      type === 'function_call_result' ||
      type === 'function_call_output' ||
      type === 'custom_tool_call_output'
    ) {
      out.push({
        role: 'tool',
        parts: [
          {
            type: 'tool_call_response',
            ...(str(raw.callId ?? raw.call_id) ? { id: str(raw.callId ?? raw.call_id) } : {}),
            response: toolResponseValue(raw.output),
          },
        ],
      });
    } else if (type === 'reasoning') {
      const parts = reasoningParts(raw);
      if (parts.length) pushAssistantParts(parts);
    } else if (role === 'tool') {
      // Chat Completions tool result
      out.push({
        role: 'tool',
        parts: [
          {
            type: 'tool_call_response',
            ...(str(raw.tool_call_id) ? { id: str(raw.tool_call_id) } : {}),
            response: toolResponseValue(raw.content),
          },
        ],
      });
    } else if (role) {
      const parts = contentParts(raw.content);
      const reasoning = role === 'assistant' && typeof raw.reasoning_content === 'string' ? reasoningParts(raw) : [];
      const calls = Array.isArray(raw.tool_calls)
        ? raw.tool_calls.filter(isObj).map((tc) => {
            const fn = isObj(tc.function) ? tc.function : {};
            return toolCallPart(tc.id, fn.name ?? tc.name, fn.arguments ?? tc.arguments);
          })
        : [];
      if (role === 'assistant') pushAssistantParts([...reasoning, ...parts, ...calls]);
      else {
        const msg: ChatMessage = { role: role === 'developer' ? 'system' : role, parts };
        if (typeof raw.name === 'string' && raw.name) msg.name = raw.name;
        out.push(msg);
      }
    } else if (type) {
      // hosted tool calls (web_search_call, hosted_tool_call, mcp_call...) and other kinds: a generic part, no payload
      const name =
        str(raw.name) ??
        (type.endsWith('_call') && type !== 'hosted_tool_call' ? type.slice(0, -'_call'.length) : undefined);
      pushAssistantParts([{ type: type.endsWith('_call') ? 'server_tool_call' : type, ...(name ? { name } : {}) }]);
    }
  }
  return out;
}

/**
 * Split leading system/developer messages off a chat input into system-instruction parts (the Agents
 * SDK Model interface takes `systemInstructions` separately; both SDK models prepend them).
 */
export function splitSystemInstructions(messages: ChatMessage[]): { system: Part[]; rest: ChatMessage[] } {
  const system: Part[] = [];
  let i = 0;
  while (i < messages.length && messages[i]?.role === 'system') {
    system.push(...(messages[i]?.parts ?? []));
    i++;
  }
  return { system, rest: messages.slice(i) };
}

/** System instructions as parts: string → one text part; array of strings/parts → parts. */
export function toSystemInstructionParts(instructions: unknown): Part[] {
  if (typeof instructions === 'string') return instructions ? [{ type: 'text', content: instructions }] : [];
  if (Array.isArray(instructions)) {
    const parts: Part[] = [];
    for (const i of instructions) {
      if (isObj(i) && (i.role !== undefined || i.type === 'message')) parts.push(...contentParts(i.content));
      else {
        const p = contentPart(i);
        if (p) parts.push(p);
      }
    }
    return parts;
  }
  return [];
}

/** Finish reason derived from a list of protocol/wire output items. */
export function finishReasonFromItems(items: unknown[], status?: unknown): string {
  if (items.some((i) => isObj(i) && (i.type === 'function_call' || i.type === 'custom_tool_call')))
    return FINISH_REASON_TOOL_CALL;
  if (status === 'incomplete') return FINISH_REASON_LENGTH;
  if (status === 'failed') return FINISH_REASON_ERROR;
  return FINISH_REASON_STOP;
}

/** Tool calls found in a list of items/messages (protocol, wire or chat-completions shapes). */
export function toolCallsFromItems(items: unknown[]): ToolCallInfo[] {
  const out: ToolCallInfo[] = [];
  for (const i of items) {
    if (!isObj(i)) continue;
    if (i.type === 'function_call' && typeof i.name === 'string') {
      const id = str(i.callId) ?? str(i.call_id) ?? str(i.id);
      out.push({
        ...(id ? { id } : {}),
        name: i.name,
        ...(str(i.arguments) !== undefined ? { arguments: str(i.arguments) } : {}),
      });
    } else if (Array.isArray(i.tool_calls)) {
      for (const tc of i.tool_calls) {
        if (!isObj(tc)) continue;
        const fn = isObj(tc.function) ? tc.function : {};
        const name = str(fn.name);
        if (!name) continue;
        const id = str(tc.id);
        out.push({
          ...(id ? { id } : {}),
          name,
          ...(str(fn.arguments) !== undefined ? { arguments: str(fn.arguments) } : {}),
        });
      }
    }
  }
  return out;
}
