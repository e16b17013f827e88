/**
 * The `NBA_Reporter` agent: the demo's instructions, the win-percentage tool, the NBA content guardrail and,
 * for OpenAI's Responses API, the hosted web search tool.
 */
import { Agent, type Model, type Tool } from '@openai/agents-core';
import { webSearchTool } from '@openai/agents-openai';
import { nbaContentGuardrail } from './guardrail.js';
import { createModelJudgedGuardrail } from './model-guardrail.js';
import { nbaInstructions } from './prompts.js';
import { calculateWinPercentageTool } from './tools.js';

/** Name of the agent (as in the demo); it names the `invoke_agent` span. */
export const NBA_AGENT_NAME = 'NBA_Reporter';

/** Options of {@link createNbaReporterAgent}. */
export interface NbaReporterAgentOptions {
  /** Add OpenAI's hosted web search tool and the demo's web-search instructions (Responses API only). Default false. */
  webSearch?: boolean;
  /** Per model call timeout, enforced by the SDK runner (`modelSettings.timeoutMs`). */
  modelTimeoutMs?: number;
  /** "keyword" (default): the keyword guardrail; "model": keywords first, then the same model as a topic classifier. */
  guardrail?: 'keyword' | 'model';
}

/** The agent type built by {@link createNbaReporterAgent}. */
export type NbaReporterAgent = Agent<unknown, 'text'>;

/** Builds the `NBA_Reporter` agent around `model` (an SDK `Model` instance or a model name for the default provider). */
export function createNbaReporterAgent(model: Model | string, options: NbaReporterAgentOptions = {}): NbaReporterAgent {
  const webSearch = options.webSearch ?? false;
  const tools: Tool[] = webSearch ? [webSearchTool(), calculateWinPercentageTool] : [calculateWinPercentageTool];
  return new Agent({
    name: NBA_AGENT_NAME,
    instructions: nbaInstructions({ webSearch }),
    model,
    tools,
    inputGuardrails: [options.guardrail === 'model' ? createModelJudgedGuardrail(model) : nbaContentGuardrail],
    ...(options.modelTimeoutMs === undefined ? {} : { modelSettings: { timeoutMs: options.modelTimeoutMs } }),
  });
}
