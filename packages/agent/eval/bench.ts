/**
 * Micro-benchmark of the offline pipeline (understand → look up → phrase) per question, without the runner, the
 * tool call or token counting. Every question of the evaluation sets is asked as a first turn; "cold" cycles through
 * more distinct texts than the per-message memos hold (each text padded with 0-2 trailing spaces, which the pipeline
 * ignores), so every call parses from scratch; "warm" repeats one set that fits in the memos, as a conversation's
 * replayed turns do. CPU time from `process.cpuUsage()`.
 *
 *   npm run bench:offline --workspace @nba-reporter/agent [-- runs]
 */
import { readConversation } from '../src/offline/conversation.js';
import { phrase } from '../src/offline/phrase.js';
import { ANSWER_SET } from './answers.js';
import {
  HOLDOUT_ANSWERS,
  HOLDOUT_ANSWERS_2,
  HOLDOUT_ANSWERS_3,
  HOLDOUT_ANSWERS_4,
  HOLDOUT_ANSWERS_5,
} from './holdout.js';

const conversations = [
  ...ANSWER_SET,
  ...HOLDOUT_ANSWERS,
  ...HOLDOUT_ANSWERS_2,
  ...HOLDOUT_ANSWERS_3,
  ...HOLDOUT_ANSWERS_4,
  ...HOLDOUT_ANSWERS_5,
];
const questions = [...new Set(conversations.flatMap((c) => c.turns.map((t) => t.ask)))];
const asTurn = (text: string) => [{ type: 'message', role: 'user', content: text }];
const cold = [0, 1, 2].flatMap((pad) => questions.map((q) => asTurn(q + ' '.repeat(pad))));
const warm = questions.slice(0, 200).map(asTurn);
const runs = Number(process.argv[2] ?? 10_000);

function microsPerQuestion(items: ReadonlyArray<ReturnType<typeof asTurn>>): number {
  let length = 0;
  const run = (n: number) => {
    for (let i = 0; i < n; i++) length += phrase(readConversation(items[i % items.length]!).facts).length;
  };
  run(Math.min(runs, 3_000)); // warm up the JIT
  const start = process.cpuUsage();
  run(runs);
  const used = process.cpuUsage(start);
  if (length === 0) throw new Error('no answers');
  return (used.user + used.system) / runs;
}

console.log(
  `${questions.length} questions, ${runs} runs each: cold ${microsPerQuestion(cold).toFixed(1)} µs/question, warm ${microsPerQuestion(warm).toFixed(1)} µs/question (CPU)`,
);
