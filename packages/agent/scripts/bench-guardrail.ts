/**
 * CPU cost of the guardrail per message: every corpus message made unique (no memo hits), eight rounds after a
 * warm-up, CPU time from `process.cpuUsage()`; then the same messages again (memo hits).
 * Usage: `npm run guardrail:bench --workspace @nba-reporter/agent`.
 */
import { checkNbaRelevance } from '../src/guardrail.js';
import { corpusLines } from './guardrail-training.js';

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

const messages = ['on.txt', 'off.txt', 'follow-on.txt', 'follow-off.txt'].flatMap(corpusLines);
const first = process.cpuUsage();
checkNbaRelevance('How many rebounds did he grab last night?');
console.log(`first check (tables built): ${cpuMs(first).toFixed(1)} ms CPU`);
const rounds: number[] = [];
for (let round = 0; round < 9; round++) {
  const texts = messages.map((m) => `${m} (${round})`);
  const started = process.cpuUsage();
  for (const text of texts) checkNbaRelevance(text);
  if (round > 0) rounds.push((cpuMs(started) * 1000) / texts.length);
}
rounds.sort((a, b) => a - b);
console.log(
  `fresh message: median ${rounds[4]!.toFixed(1)} µs CPU (min ${rounds[0]!.toFixed(1)}, max ${rounds[7]!.toFixed(1)}) over 8 rounds of ${messages.length}`,
);
const started = process.cpuUsage();
for (let i = 0; i < 100_000; i++) checkNbaRelevance(messages[i % 400]!);
console.log(`repeated message (memo hit): ${((cpuMs(started) * 1000) / 100_000).toFixed(2)} µs CPU`);
