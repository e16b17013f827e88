/**
 * `OfflineNbaModel`: a deterministic, key-less, network-less implementation of the Agents SDK `Model` interface that
 * answers from the bundled 2024-25 snapshot and calls the real `calculate_win_percentage` tool like an LLM would.
 *
 * It is a rule-based pipeline, not a language model: understand the question (`understand.ts`, with the conversation
 * replayed in `conversation.ts`) → look up the facts (`lookup.ts`) → call the tool when a percentage is needed (here)
 * → phrase the answer (`phrase.ts`).
 */
import { createHash } from 'node:crypto';
import {
  type AgentOutputItem,
  type Model,
  type ModelRequest,
  type ModelResponse,
  type Span,
  type StreamEvent,
  type Trace,
  Usage,
  withGenerationSpan,
} from '@openai/agents-core';
import { markFirstChunk, markStreamed } from '../stream-timing.js';
import { WIN_PERCENTAGE_TOOL_NAME } from '../tools.js';
import { type ConversationItem, readConversation } from './conversation.js';
import { phrase, toolErrorAnswer } from './phrase.js';
import { countRequestTokens, countTokens } from './tokens.js';

/** Default name of the offline model (and the default `NBA_REPORTER_MODEL` for the offline provider). */
export const OFFLINE_MODEL_NAME = 'offline-nba-2024-25';

/** Options of {@link OfflineNbaModel}. */
export interface OfflineNbaModelOptions {
  /** Model name reported in spans; defaults to {@link OFFLINE_MODEL_NAME}. */
  name?: string;
}

/** The runner passes this undeclared field; the OpenAI models read it the same way. */
type RequestWithInternals = ModelRequest & { _internal?: { tracingParent?: Span<any> | Trace } };

type Item = ConversationItem;

function hash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 24);
}

function toItems(input: ModelRequest['input']): Item[] {
  if (typeof input === 'string') return [{ type: 'message', role: 'user', content: input }];
  return input as Item[];
}

function toolOutputText(output: unknown): string {
  if (typeof output === 'string') return output;
  if (output && typeof output === 'object' && 'text' in output && typeof output.text === 'string') return output.text;
  if (Array.isArray(output)) return output.map(toolOutputText).join('');
  return JSON.stringify(output ?? '');
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new DOMException('The operation was aborted', 'AbortError');
}

/** Offline, deterministic model over the 2024-25 snapshot. */
export class OfflineNbaModel implements Model {
  readonly name: string;

  constructor(options: OfflineNbaModelOptions = {}) {
    this.name = options.name ?? OFFLINE_MODEL_NAME;
  }

  /** Decides the output for a request and counts its tokens; no tracing. Exposed for tests and tools. */
  respond(request: ModelRequest): ModelResponse {
    const items = toItems(request.input);
    const output = this.#decide(request, items);
    const inputTokens = countRequestTokens(request);
    const outputTokens = output.reduce((sum, item) => {
      if (item.type === 'message' && item.role === 'assistant') {
        return (
          sum + item.content.reduce((s, part) => s + (part.type === 'output_text' ? countTokens(part.text) : 0), 0)
        );
      }
      if (item.type === 'function_call') return sum + countTokens(item.name) + countTokens(item.arguments);
      return sum;
    }, 0);
    const responseId = `offline_${hash({ instructions: request.systemInstructions ?? null, input: request.input, output })}`;
    return {
      output,
      // No prompt cache and no reasoning here: both are truly zero, and saying so keeps cache-ratio series defined.
      usage: new Usage({
        requests: 1,
        inputTokens,
        outputTokens,
        totalTokens: inputTokens + outputTokens,
        inputTokensDetails: { cached_tokens: 0 },
        outputTokensDetails: { reasoning_tokens: 0 },
      }),
      responseId,
    };
  }

  async getResponse(request: ModelRequest): Promise<ModelResponse> {
    return this.#tracedResponse(request);
  }

  /** `getResponse`; `onSpan` sees the generation span once its data is filled in (before it ends). */
  async #tracedResponse(request: ModelRequest, onSpan?: (span: Span<any>) => void): Promise<ModelResponse> {
    throwIfAborted(request.signal);
    if (request.tracing === false) return this.respond(request);
    const parent = (request as RequestWithInternals)._internal?.tracingParent;
    return withGenerationSpan(
      async (span) => {
        const response = this.respond(request);
        span.spanData.usage = {
          input_tokens: response.usage.inputTokens,
          output_tokens: response.usage.outputTokens,
          details: { cached_tokens: 0, reasoning_tokens: 0 },
        };
        // Extension fields read by @nba-reporter/agents-otel: the generation span type has no slot for them.
        Object.assign(span.spanData, {
          response_id: response.responseId,
          response_model: this.name,
          tools: request.tools.map((tool) => {
            const t = tool as { type: string; name?: string; description?: string };
            return { type: t.type, name: t.name ?? t.type, ...(t.description ? { description: t.description } : {}) };
          }),
        });
        if (request.tracing === true) {
          span.spanData.input = [
            ...(request.systemInstructions ? [{ role: 'system', content: request.systemInstructions }] : []),
            ...toItems(request.input),
          ] as Array<Record<string, any>>;
          span.spanData.output = response.output as Array<Record<string, any>>;
        }
        onSpan?.(span);
        return response;
      },
      { data: { model: this.name, model_config: this.#modelConfig(request) } },
      parent,
    );
  }

  async *getStreamedResponse(request: ModelRequest): AsyncIterable<StreamEvent> {
    // The answer is computed at once, then streamed: its first chunk is ready when the computation ends.
    const startedAt = performance.now();
    const response = await this.#tracedResponse(request, (span) => {
      markStreamed(span);
      markFirstChunk(span, startedAt);
    });
    yield { type: 'response_started' };
    for (const item of response.output) {
      if (item.type !== 'message' || item.role !== 'assistant') continue;
      for (const part of item.content) {
        if (part.type !== 'output_text') continue;
        for (const delta of part.text.match(/\S+\s*|\s+/g) ?? []) yield { type: 'output_text_delta', delta };
      }
    }
    yield {
      type: 'response_done',
      response: {
        id: response.responseId ?? '',
        usage: {
          requests: 1,
          inputTokens: response.usage.inputTokens,
          outputTokens: response.usage.outputTokens,
          totalTokens: response.usage.totalTokens,
        },
        output: response.output as Extract<StreamEvent, { type: 'response_done' }>['response']['output'],
      },
    };
  }

  #modelConfig(request: ModelRequest): Record<string, unknown> {
    const settings = request.modelSettings ?? {};
    const config: Record<string, unknown> = {
      temperature: settings.temperature,
      top_p: settings.topP,
      frequency_penalty: settings.frequencyPenalty,
      presence_penalty: settings.presencePenalty,
      max_tokens: settings.maxTokens,
      tool_choice: settings.toolChoice,
    };
    for (const key of Object.keys(config)) if (config[key] === undefined) delete config[key];
    return config;
  }

  #decide(request: ModelRequest, items: Item[]): AgentOutputItem[] {
    const id = hash({ instructions: request.systemInstructions ?? null, input: request.input });
    const message = (text: string): AgentOutputItem => ({
      type: 'message',
      id: `msg_${id}`,
      role: 'assistant',
      status: 'completed',
      content: [{ type: 'output_text', text }],
    });

    const { facts, userIndex } = readConversation(items);
    const turn = items.slice(userIndex + 1);

    // Second step of a tool turn: phrase the answer with the tool's result.
    const result = [...turn]
      .reverse()
      .find((i) => i.type === 'function_call_result' && i.name === WIN_PERCENTAGE_TOOL_NAME);
    if (result) {
      const output = toolOutputText(result.output).trim();
      if (/^error\b/i.test(output) || !facts.percentageOf) return [message(toolErrorAnswer(output))];
      return [message(phrase(facts, output))];
    }

    // First step: a percentage is needed and the tool is offered, so ask for it (as an LLM would).
    const hasTool = request.tools.some((t) => t.type === 'function' && t.name === WIN_PERCENTAGE_TOOL_NAME);
    if (facts.percentageOf && hasTool) {
      return [
        {
          type: 'function_call',
          id: `fc_${id}`,
          callId: `call_${id}`,
          name: WIN_PERCENTAGE_TOOL_NAME,
          arguments: JSON.stringify({ wins: facts.percentageOf.wins, losses: facts.percentageOf.losses }),
          status: 'completed',
        },
      ];
    }
    return [message(phrase(facts))];
  }
}
