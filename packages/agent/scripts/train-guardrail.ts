/**
 * Writes `src/guardrail/__generated__/weights.ts` from the corpus in `guardrail-data/` (see guardrail-training.ts).
 * Usage: `npm run guardrail:train --workspace @nba-reporter/agent` (add `-- --cv` to print a 5-fold cross-validation
 * of the whole guardrail over the corpus first).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { crossValidate, generatedWeights, WEIGHTS_FILE } from './guardrail-training.js';

if (process.argv.includes('--cv')) {
  const cv = crossValidate();
  console.log(
    `5-fold cross-validation over ${cv.examples} corpus examples: precision ${cv.precision.toFixed(3)}, recall ${cv.recall.toFixed(3)}, accuracy ${cv.accuracy.toFixed(3)}`,
  );
}
const started = performance.now();
const text = generatedWeights();
mkdirSync(dirname(WEIGHTS_FILE), { recursive: true });
writeFileSync(WEIGHTS_FILE, text);
console.log(`wrote ${WEIGHTS_FILE} (${text.length} characters) in ${Math.round(performance.now() - started)} ms`);
