/**
 * The classifier's features for one message: word unigrams, bigrams and long-word prefixes (light stemming, numbers
 * by shape) and the rule signals of `signals.ts`, for a first turn or for a follow-up inside a conversation.
 * Shared by the guardrail and the training script (`scripts/train-guardrail.ts`): change it, then retrain.
 */
import type { TextSignals } from './signals.js';

/** One word as a feature token: numbers by shape ("50-32" → "#rec"), a plural "s" dropped ("teams" → "team"). */
export function token(word: string): string {
  const first = word.charCodeAt(0);
  if (first >= 48 && first <= 57) {
    if (/^\d{1,3}-\d{1,3}$/.test(word)) return '#rec';
    if (/^(?:19|20)\d\d(?:-\d\d)?$/.test(word)) return '#year';
    if (/^\d+(?:\.\d+)?%?$/.test(word)) return '#n';
    if (/^\d+(?:st|nd|rd|th)$/.test(word)) return '#nth';
  }
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

/**
 * The feature names of a message (duplicates allowed; the model sums weights). A follow-up's features carry a "c"
 * prefix: first turns and follow-ups are weighed by separate weights, both trained on every corpus message (each
 * on- or off-topic message is also a follow-up with the same label), so "who won?" can weigh differently in each.
 */
export function features(signals: TextSignals, inConversation: boolean): string[] {
  const c = inConversation ? 'c' : '';
  const out: string[] = [`${c}bias`];
  for (const flag of signals.flags) out.push(`${c}s:${flag}`);
  let previous = '^';
  for (const word of signals.words) {
    const t = token(word);
    out.push(`${c}w:${t}`, `${c}b:${previous} ${t}`);
    // A long word's first five letters: "dunking" and "dunked", "rebounding" and "rebounder" share evidence.
    if (t.length >= 6) out.push(`${c}p:${t.slice(0, 5)}`);
    previous = t;
  }
  return out;
}
