/**
 * Training the guardrail's classifier: a logistic regression over the features of `src/guardrail/features.ts`,
 * fitted on the labelled corpus in `guardrail-data/` by plain stochastic gradient descent with L2 regularisation.
 * Deterministic: a fixed example order (a seeded shuffle), fixed epochs and step sizes, weights rounded to 4 decimals,
 * so the same corpus and code always write the same `src/guardrail/__generated__/weights.ts`.
 *
 * Only messages the decisive rules leave open are trained on: the classifier never sees the others at run time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { features } from '../src/guardrail/features.js';
import { textSignals } from '../src/guardrail/signals.js';

/** One labelled training example: a message, first turn or follow-up, on-topic or not. */
export interface TrainingExample {
  readonly text: string;
  readonly inConversation: boolean;
  readonly onTopic: boolean;
}

/** Corpus files and how each line is used: as a first turn, as a follow-up, with which label. */
const CORPUS_FILES: ReadonlyArray<{ file: string; first?: boolean; followUp?: boolean }> = [
  { file: 'on.txt', first: true, followUp: true },
  { file: 'off.txt', first: false, followUp: false },
  { file: 'follow-on.txt', followUp: true },
  { file: 'follow-off.txt', followUp: false },
];

export const CORPUS_DIR = join(import.meta.dirname, '..', 'guardrail-data');

/** The corpus messages of one file (comments and blank lines dropped). */
export function corpusLines(file: string): string[] {
  return readFileSync(join(CORPUS_DIR, file), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
}

/** Every training example of the corpus. */
export function corpusExamples(): TrainingExample[] {
  const examples: TrainingExample[] = [];
  for (const { file, first, followUp } of CORPUS_FILES) {
    for (const text of corpusLines(file)) {
      if (first !== undefined) examples.push({ text, inConversation: false, onTopic: first });
      if (followUp !== undefined) examples.push({ text, inConversation: true, onTopic: followUp });
    }
  }
  return examples;
}

/** True when the rules decide the example alone (the classifier is not consulted). */
export function decidedByRules(example: TrainingExample): boolean {
  const s = textSignals(example.text);
  return s.short || s.pleasantry || s.conversational || s.decided !== undefined;
}

/** A small deterministic pseudo-random generator (mulberry32) for the example order. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Training settings (chosen by 5-fold cross-validation on the corpus; see the README). */
export interface TrainingOptions {
  readonly epochs: number;
  readonly learningRate: number;
  readonly l2: number;
  /** A word or bigram feature must occur in this many training examples to get a weight. */
  readonly minCount: number;
}

export const TRAINING_OPTIONS: TrainingOptions = { epochs: 40, learningRate: 0.2, l2: 1e-3, minCount: 1 };

/** Fits the weights on `examples` (those the rules leave open); returns feature → weight, rounded. */
export function train(
  examples: readonly TrainingExample[],
  options: TrainingOptions = TRAINING_OPTIONS,
): Map<string, number> {
  const { epochs, learningRate, l2, minCount } = options;
  const open = examples.filter((e) => !decidedByRules(e));
  const encoded = open.map((e) => ({ x: features(textSignals(e.text), e.inConversation), y: e.onTopic ? 1 : 0 }));
  const counts = new Map<string, number>();
  for (const { x } of encoded) for (const f of new Set(x)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const kept = (f: string) => f === 'bias' || f === 'cbias' || (counts.get(f) ?? 0) >= minCount;
  const rows = encoded.map(({ x, y }) => ({ x: x.filter(kept), y }));
  const weights = new Map<string, number>();
  const order = rows.map((_, i) => i);
  const next = random(10);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const rate = learningRate / (1 + epoch * 0.1);
    for (const index of order) {
      const { x, y } = rows[index]!;
      let z = 0;
      for (const f of x) z += weights.get(f) ?? 0;
      const gradient = 1 / (1 + Math.exp(-z)) - y;
      for (const f of x) {
        const w = weights.get(f) ?? 0;
        weights.set(f, w - rate * (gradient + l2 * w));
      }
    }
  }
  const rounded = new Map<string, number>();
  for (const [f, w] of [...weights].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const r = Math.round(w * 10_000) / 10_000;
    if (r !== 0) rounded.set(f, r);
  }
  return rounded;
}

/** One context's weights in the packed form `src/guardrail/classifier.ts` reads (see {@link PackedTable} there). */
function packTable(weights: ReadonlyMap<string, number>, prefix: '' | 'c') {
  const words = ['^'];
  const ids = new Map<string, number>([['^', 0]]);
  const id = (word: string) => {
    let found = ids.get(word);
    if (found === undefined) {
      found = words.length;
      ids.set(word, found);
      words.push(word);
    }
    return found;
  };
  const own = [...weights]
    .filter(([name]) => (prefix === 'c') === name.startsWith('c'))
    .map(([name, weight]) => {
      const bare = name.slice(prefix.length);
      const colon = bare.indexOf(':');
      return { kind: colon < 0 ? bare : bare.slice(0, colon), argument: bare.slice(colon + 1), weight };
    });
  for (const { kind, argument } of own) {
    if (kind === 'w') id(argument);
    else if (kind === 'b') for (const part of argument.split(' ')) id(part);
  }
  const wordWeights = words.map(() => 0);
  const table = { bias: 0, flags: {} as Record<string, number>, words, wordWeights, pairs: [] as number[] };
  const prefixes: Record<string, number> = {};
  for (const { kind, argument, weight } of own) {
    if (kind === 'bias') table.bias = weight;
    else if (kind === 's') table.flags[argument] = weight;
    else if (kind === 'w') wordWeights[ids.get(argument)!] = weight;
    else if (kind === 'p') prefixes[argument] = weight;
    else if (kind === 'b') {
      const [first = '', second = ''] = argument.split(' ');
      table.pairs.push(ids.get(first)!, ids.get(second)!, weight);
    }
  }
  return { ...table, prefixes };
}

/** The generated module's text for `weights`, fitted on `examples` messages. */
export function renderWeights(weights: ReadonlyMap<string, number>, examples: number): string {
  const packed = { first: packTable(weights, ''), followUp: packTable(weights, 'c') };
  return [
    '// Generated by packages/agent/scripts/train-guardrail.ts from packages/agent/guardrail-data/: do not edit.',
    '// Regenerate with `npm run guardrail:train --workspace @nba-reporter/agent`.',
    '',
    `/** The logistic regression's ${weights.size} weights (fitted on ${examples} examples the rules leave open), packed as JSON. */`,
    `export const PACKED_WEIGHTS = ${JSON.stringify(JSON.stringify(packed))};`,
    '',
  ].join('\n');
}

/** Trains on the whole corpus and returns the generated module's text. */
export function generatedWeights(): string {
  const examples = corpusExamples();
  const weights = train(examples);
  return renderWeights(weights, examples.filter((e) => !decidedByRules(e)).length);
}

export const WEIGHTS_FILE = join(import.meta.dirname, '..', 'src', 'guardrail', '__generated__', 'weights.ts');

/** Precision and recall of "on-topic". */
export interface CrossValidation {
  readonly examples: number;
  readonly precision: number;
  readonly recall: number;
  readonly accuracy: number;
}

/**
 * 5-fold cross-validation of the whole guardrail (rules, then the classifier trained without the fold) over the
 * corpus; both uses of a message (first turn, follow-up) stay in the same fold.
 */
export function crossValidate(examples: readonly TrainingExample[] = corpusExamples()): CrossValidation {
  const texts = [...new Set(examples.map((e) => e.text))];
  const fold = new Map(texts.map((text, i) => [text, i % 5]));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (let k = 0; k < 5; k++) {
    const weights = train(examples.filter((e) => fold.get(e.text) !== k));
    for (const e of examples.filter((e) => fold.get(e.text) === k)) {
      const s = textSignals(e.text);
      let passed: boolean;
      if (s.short || s.pleasantry || s.conversational) passed = true;
      else if (s.decided) passed = s.decided.relevant;
      else {
        let z = 0;
        for (const f of features(s, e.inConversation)) z += weights.get(f) ?? 0;
        passed = z > 0;
      }
      if (passed && e.onTopic) tp++;
      else if (passed) fp++;
      else if (e.onTopic) fn++;
      else tn++;
    }
  }
  return {
    examples: tp + fp + fn + tn,
    precision: tp / (tp + fp),
    recall: tp / (tp + fn),
    accuracy: (tp + tn) / (tp + fp + fn + tn),
  };
}
