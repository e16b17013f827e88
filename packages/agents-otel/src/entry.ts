/**
 * What the bridge tracks per SDK span (an {@link Entry}) and per agent run ({@link AgentState}).
 */

import type { Span as SdkSpan } from '@openai/agents-core';
import type { Attributes, Context, HrTime, Span as OtelSpan, SpanKind } from '@opentelemetry/api';
import type { InferenceEvents } from './content.js';
import type { ChatMessage, OutputMessage, Part, ToolCallInfo } from './messages.js';
import type { GenAiMetrics } from './metrics.js';
import type { ResolvedOptions } from './options.js';
import * as sc from './semconv.js';
import { emptyUsage, type UsageAgg } from './usage.js';

export type EntryKind = 'agent' | 'chat' | 'tool' | 'guardrail' | 'handoff' | 'folded';

export type ToolDefinition = { type: string; name: string; description?: string };

export interface AgentState {
  name: string;
  requestModel?: string;
  chats: number;
  chatsEnded: number;
  chatsWithoutUsage: number;
  chatUsage: UsageAgg;
  turnUsage: UsageAgg;
  firstChatModel?: string;
  firstSystem?: Part[];
  firstInput?: ChatMessage[];
  lastOutput?: OutputMessage[];
  lastFinishReasons?: string[];
  guardrailTargets: Map<string, string>;
  tripped?: { name: string; target: string };
  /** `error.type` of the most recent failed chat: the cause given to a failed agent span. */
  failedChat?: string;
  /** Tools by name (description, definition type), from the SDK hooks or from a model call's tool list. */
  tools?: Map<string, ToolDefinition>;
}

export function newAgentState(name: string, requestModel: string | undefined): AgentState {
  return {
    name,
    chats: 0,
    chatsEnded: 0,
    chatsWithoutUsage: 0,
    chatUsage: emptyUsage(),
    turnUsage: emptyUsage(),
    guardrailTargets: new Map(),
    ...(requestModel ? { requestModel } : {}),
  };
}

export interface TurnChat {
  entry: Entry;
  hadUsage: boolean;
}

export interface Entry {
  sdk: SdkSpan<any>;
  kind: EntryKind;
  parent: Entry | undefined;
  children: Set<Entry>;
  /** Context for children: holds the nearest emitted OTel span (or the anchor context). */
  ctx: Context;
  /** Inner (raw) OTel context active when the run was anchored; see AgentsContextManager. */
  base: Context;
  otel: OtelSpan | undefined;
  start: HrTime;
  conversationId: string | undefined;
  /** Conversation turn number, from the SDK trace metadata. */
  turn: number | undefined;
  agent: AgentState | undefined;
  requestModel?: string;
  metricAttrs?: Attributes;
  /** Start attributes, kept only when inference events are on (the event repeats them). */
  startAttrs?: Attributes;
  /** Tool calls of the latest model response among this entry's children (turn or agent). */
  pendingToolCalls?: Array<ToolCallInfo & { used?: boolean }>;
  /** Chats that ran under this (turn) entry. */
  turnChats?: TurnChat[];
  done: boolean;
}

export type SpanData = Record<string, unknown> & { type: string };

/** What mappers share: options, instruments, and span creation. */
export interface MapperEnv {
  readonly o: ResolvedOptions;
  readonly metrics: GenAiMetrics;
  readonly events: InferenceEvents;
  /** Starts the entry's OTel span under `entry.ctx`, at `entry.start`. */
  emit(entry: Entry, name: string, kind: SpanKind, attributes: Attributes): void;
}

/** Maps one SDK span type to OTel: `start` runs in `onSpanStart`, `end` before the OTel span ends. */
export interface SpanMapper {
  start(e: Entry, data: SpanData, env: MapperEnv): void;
  end(e: Entry, data: SpanData, end: HrTime, errorType: string | undefined, env: MapperEnv): void;
}

/** The attributes every GenAI span of a conversation carries (where the conventions allow them). */
export function conversationAttributes(e: Entry, attrs: Attributes): void {
  if (e.conversationId) attrs[sc.ATTR_GEN_AI_CONVERSATION_ID] = e.conversationId;
  if (e.turn !== undefined) attrs[sc.ATTR_GEN_AI_AGENT_TURN] = e.turn;
}
