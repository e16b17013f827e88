/**
 * Focused CPU loop for the bridge (not part of `npm test`): AGENTS_OTEL_BENCH=1 npx vitest run test/cpu.perf.test.ts
 * Runs the scripted two-call agent N times with SDK tracing off, then on (bridge → real OTel SDK, spans dropped by a
 * no-op exporter, metrics aggregated), and prints process CPU µs per run. Content capture is off unless
 * AGENTS_OTEL_BENCH_CONTENT=1.
 */
import { setTracingDisabled } from '@openai/agents-core';
import { it } from 'vitest';
import { createHarness, makeAgent, runner } from './helpers.js';

const RUNS = Number(process.env.AGENTS_OTEL_BENCH_RUNS ?? 3000);

async function loop(n: number, traced: boolean): Promise<number> {
  const { agent } = makeAgent();
  const r = runner();
  setTracingDisabled(!traced);
  for (let i = 0; i < 200; i++) await r.run(agent, 'Where is order 42?');
  const before = process.cpuUsage();
  for (let i = 0; i < n; i++) await r.run(agent, 'Where is order 42?');
  const d = process.cpuUsage(before);
  return (d.user + d.system) / n;
}

it.runIf(process.env.AGENTS_OTEL_BENCH === '1')('bridge CPU per agent run', { timeout: 600_000 }, async () => {
  const h = createHarness({ captureMessageContent: process.env.AGENTS_OTEL_BENCH_CONTENT === '1' });
  h.exporter.export = (_spans, done) => done({ code: 0 }); // drop spans: measure the bridge + SDK, not the array
  const results: string[] = [];
  for (let round = 0; round < Number(process.env.AGENTS_OTEL_BENCH_ROUNDS ?? 5); round++) {
    const off = await loop(RUNS, false);
    const on = await loop(RUNS, true);
    results.push(
      `round ${round}: off ${off.toFixed(0)} µs/run, on ${on.toFixed(0)} µs/run, bridge +${(on - off).toFixed(0)} µs`,
    );
  }
  console.log(results.join('\n'));
});
