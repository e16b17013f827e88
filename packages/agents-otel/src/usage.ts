/**
 * Token usage: reading the shapes found in SDK span data, and summing it per agent.
 */
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const int = (v: unknown): number | undefined => {
  const n = num(v);
  return n === undefined ? undefined : Math.trunc(n);
};

export type UsageInfo = {
  input?: number;
  output?: number;
  cacheRead?: number;
  cacheCreation?: number;
  reasoning?: number;
};

/** Usage summed over several model calls; `reported` once any call reported tokens. */
export type UsageAgg = { input: number; output: number; cacheRead?: number; reasoning?: number; reported: boolean };

export function emptyUsage(): UsageAgg {
  return { input: 0, output: 0, reported: false };
}

export function addUsage(agg: UsageAgg, u: UsageInfo): void {
  agg.reported = true;
  agg.input += u.input ?? 0;
  agg.output += u.output ?? 0;
  if (u.cacheRead !== undefined) agg.cacheRead = (agg.cacheRead ?? 0) + u.cacheRead;
  if (u.reasoning !== undefined) agg.reasoning = (agg.reasoning ?? 0) + u.reasoning;
}

/** True when the usage carries input or output token counts (what the token metric records). */
export function hasTokens(u: UsageInfo | undefined): u is UsageInfo {
  return !!u && (u.input !== undefined || u.output !== undefined);
}

function detail(details: unknown, key: string): number | undefined {
  if (Array.isArray(details)) {
    let found = false;
    let total = 0;
    for (const d of details) {
      const v = isObj(d) ? num(d[key]) : undefined;
      if (v !== undefined) {
        found = true;
        total += v;
      }
    }
    return found ? total : undefined;
  }
  return isObj(details) ? num(details[key]) : undefined;
}

/** Read token usage from any of the usage shapes seen in SDK span data (protocol, wire, chat completions). */
export function readUsage(u: unknown): UsageInfo | undefined {
  if (!isObj(u)) return undefined;
  const details = u.details;
  const input = int(u.input_tokens ?? u.prompt_tokens ?? u.inputTokens);
  const output = int(u.output_tokens ?? u.completion_tokens ?? u.outputTokens);
  const cacheRead =
    detail(u.input_tokens_details, 'cached_tokens') ??
    detail(u.prompt_tokens_details, 'cached_tokens') ??
    detail(u.inputTokensDetails, 'cached_tokens') ??
    detail(details, 'cached_tokens') ??
    (isObj(details) ? detail(details.input_tokens_details, 'cached_tokens') : undefined) ??
    num(u.cached_input_tokens);
  const cacheCreation =
    detail(u.input_tokens_details, 'cache_write_tokens') ??
    detail(details, 'cache_write_tokens') ??
    detail(details, 'cache_creation_input_tokens') ??
    num(u.cache_write_input_tokens);
  const reasoning =
    detail(u.output_tokens_details, 'reasoning_tokens') ??
    detail(u.completion_tokens_details, 'reasoning_tokens') ??
    detail(u.outputTokensDetails, 'reasoning_tokens') ??
    detail(details, 'reasoning_tokens') ??
    (isObj(details) ? detail(details.output_tokens_details, 'reasoning_tokens') : undefined);
  const out: UsageInfo = {};
  if (input !== undefined) out.input = input;
  if (output !== undefined) out.output = output;
  if (cacheRead !== undefined) out.cacheRead = Math.trunc(cacheRead);
  if (cacheCreation !== undefined) out.cacheCreation = Math.trunc(cacheCreation);
  if (reasoning !== undefined) out.reasoning = Math.trunc(reasoning);
  return Object.keys(out).length ? out : undefined;
}
