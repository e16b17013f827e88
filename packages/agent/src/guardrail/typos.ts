/**
 * Swapped-letter typos of sport words ("recrod", "standigns") and a dropped letter in a long one ("chamionship"): the
 * most common typing slips, and ones that rarely turn one real word into another. Each word of the vocabulary is indexed
 * under every variant with two adjacent letters swapped (and, from nine letters, with one letter dropped); a message
 * word found there is read as the vocabulary word.
 */
import { STRONG_WORDS, WEAK_WORDS } from '../offline/vocabulary.js';
import { phraseWords } from './phrases.js';
import { HOOPS_TERMS } from './terms.js';

let swaps: Map<string, string> | undefined;

/** Swapped-letter variant → vocabulary word, built on first use (not at import: startup stays cheap). */
function swapTable(): ReadonlyMap<string, string> {
  if (swaps) return swaps;
  const VOCABULARY = new Set(
    [...WEAK_WORDS, ...STRONG_WORDS, ...HOOPS_TERMS]
      .map((phrase) => phraseWords(phrase).join(' '))
      .filter((word) => /^[a-z]{5,}$/.test(word)),
  );
  swaps = new Map<string, string>();
  for (const word of VOCABULARY) {
    for (let i = 0; i + 1 < word.length; i++) {
      if (word[i] === word[i + 1]) continue;
      const variant = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
      if (!VOCABULARY.has(variant)) swaps.set(variant, word);
    }
    // A dropped letter in a long word ("chamionship"): long words rarely lose a letter into another word.
    if (word.length < 9) continue;
    for (let i = 1; i < word.length; i++) {
      const variant = word.slice(0, i) + word.slice(i + 1);
      if (!VOCABULARY.has(variant) && !swaps.has(variant)) swaps.set(variant, word);
    }
  }
  return swaps;
}

/** The sport word `word` is a swapped-letter typo of, or `word` itself. */
export function fixSwappedLetters(word: string): string {
  return word.length >= 5 ? (swapTable().get(word) ?? word) : word;
}
