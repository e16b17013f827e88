/**
 * The classifier's features for one message: word unigrams, bigrams and long-word prefixes (light stemming, numbers
 * by shape), the rule
 * signals of `signals.ts`, and whether the message is a follow-up inside a conversation. Inside a conversation each
 * word also appears as a conversation feature, so "who won?" can weigh differently as a follow-up than alone.
 * Shared by the guardrail and the training script (`scripts/train-guardrail.ts`): change it, then retrain.
 */
import type { TextSignals } from './signals.js';

/** One word as a feature token: numbers by shape ("50-32" → "#rec"), a plural "s" dropped ("teams" → "team"). */
export function token(word: string): string {
  if (/^\d{1,3}-\d{1,3}$/.test(word)) return '#rec';
  if (/^(?:19|20)\d\d(?:-\d\d)?$/.test(word)) return '#year';
  if (/^\d+(?:\.\d+)?%?$/.test(word)) return '#n';
  if (/^\d+(?:st|nd|rd|th)$/.test(word)) return '#nth';
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

/** The feature names of a message (duplicates allowed; the model sums weights). */
export function features(signals: TextSignals, inConversation: boolean): string[] {
  const tokens = signals.words.map(token);
  const out: string[] = ['bias'];
  for (const flag of signals.flags) out.push(`s:${flag}`);
  let previous = '^';
  for (const t of tokens) {
    out.push(`w:${t}`, `b:${previous} ${t}`);
    // A long word's first five letters: "dunking" and "dunked", "rebounding" and "rebounder" share evidence.
    if (t.length >= 6) out.push(`p:${t.slice(0, 5)}`);
    previous = t;
  }
  if (inConversation) {
    out.push('c:bias');
    for (const flag of signals.flags) out.push(`cs:${flag}`);
    for (const t of tokens) out.push(`c:${t}`);
    if (tokens.length > 0) out.push(`cb:^ ${tokens[0]}`);
  }
  return out;
}
