/**
 * Writes `src/guardrail/__generated__/weights.ts` from the corpus in `guardrail-data/` (see guardrail-training.ts).
 * Usage: `npm run guardrail:train --workspace @nba-reporter/agent`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { generatedWeights, WEIGHTS_FILE } from './guardrail-training.js';

const started = performance.now();
const text = generatedWeights();
mkdirSync(dirname(WEIGHTS_FILE), { recursive: true });
writeFileSync(WEIGHTS_FILE, text);
const features = (text.match(/\\n/g)?.length ?? 0) + 1;
console.log(`wrote ${WEIGHTS_FILE}: ${features} weights in ${Math.round(performance.now() - started)} ms`);
