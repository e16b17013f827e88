/**
 * Optional SDK lifecycle hooks (`Runner` / `Agent` events): tool metadata and call ids the span data lacks.
 */

import type { Entry, ToolDefinition } from './entry.js';
import { toolType } from './mappers/tool.js';
import * as sc from './semconv.js';

export interface RunnerLike {
  on(event: 'agent_start' | 'agent_tool_start', listener: (...args: any[]) => void): unknown;
  off?(event: 'agent_start' | 'agent_tool_start', listener: (...args: any[]) => void): unknown;
}

type SdkTool = { name?: unknown; description?: unknown; type?: unknown; providerData?: { type?: unknown } };

/** A tool definition (ToolDefinitions schema) of an SDK tool: hosted tools keep their provider type, e.g. `web_search`. */
export function toolDefinition(tool: SdkTool): ToolDefinition | undefined {
  const name = typeof tool.name === 'string' ? tool.name : undefined;
  if (!name) return undefined;
  const sdkType = typeof tool.type === 'string' ? tool.type : 'function';
  const hostedType = typeof tool.providerData?.type === 'string' ? tool.providerData.type : name;
  const type = sdkType === 'function' ? 'function' : sdkType === 'hosted_tool' ? hostedType : sdkType;
  return {
    type,
    name,
    ...(typeof tool.description === 'string' && tool.description ? { description: tool.description } : {}),
  };
}

export function observeRunner(emitter: RunnerLike, currentEntry: () => Entry | undefined): () => void {
  const onAgentStart = (...args: unknown[]): void => {
    // runner: (context, agent, input); agent: (context, agent, input)
    const agent = args[1] as { tools?: SdkTool[] } | undefined;
    const e = currentEntry();
    const state = e?.agent;
    if (!state || !Array.isArray(agent?.tools)) return;
    const tools = new Map<string, ToolDefinition>();
    for (const t of agent.tools) {
      const d = toolDefinition(t);
      if (d) tools.set(d.name, d);
    }
    state.tools = tools;
  };
  const onToolStart = (...args: unknown[]): void => {
    // runner: (context, agent, tool, details); agent: (context, tool, details)
    const details = args[args.length - 1] as { toolCall?: Record<string, unknown> } | undefined;
    const tool = args[args.length - 2] as SdkTool | undefined;
    const e = currentEntry();
    if (e?.kind !== 'tool' || !e.otel) return;
    const tc = details?.toolCall;
    const id = tc?.callId ?? tc?.call_id ?? tc?.id;
    if (typeof id === 'string') e.otel.setAttribute(sc.ATTR_GEN_AI_TOOL_CALL_ID, id);
    if (tool && typeof tool.description === 'string' && tool.description)
      e.otel.setAttribute(sc.ATTR_GEN_AI_TOOL_DESCRIPTION, tool.description);
    if (tool && typeof tool.type === 'string') e.otel.setAttribute(sc.ATTR_GEN_AI_TOOL_TYPE, toolType(tool.type));
  };
  emitter.on('agent_start', onAgentStart);
  emitter.on('agent_tool_start', onToolStart);
  return () => {
    emitter.off?.('agent_start', onAgentStart);
    emitter.off?.('agent_tool_start', onToolStart);
  };
}
