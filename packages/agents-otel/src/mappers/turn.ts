/**
 * SDK `turn` span: folded (no OTel span), but its usage is the fallback when its chat reported none (e.g. a response
 * span without sensitive data): the agent's totals and that chat's token points come from it.
 */
import type { HrTime } from '@opentelemetry/api';
import type { Entry, MapperEnv, SpanData, SpanMapper } from '../entry.js';
import { addUsage, hasTokens, readUsage } from '../usage.js';

export const turnMapper: SpanMapper = {
  start(e: Entry): void {
    e.turnChats = [];
  },

  end(e: Entry, data: SpanData, _end: HrTime, _errorType: string | undefined, env: MapperEnv): void {
    const u = readUsage(data.usage);
    if (!hasTokens(u)) return;
    if (e.agent) addUsage(e.agent.turnUsage, u);
    const chats = e.turnChats ?? [];
    const only = chats.length === 1 ? chats[0] : undefined;
    if (only && !only.hadUsage && only.entry.metricAttrs) env.metrics.tokens(u, only.entry.metricAttrs, only.entry.ctx);
  },
};
