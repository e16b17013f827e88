/**
 * Which word lists a message touches, found in one pass over its words: every phrase of every list is indexed by its
 * words ("point guard" → `point guard`), and a message is read word by word, extending a phrase only while some
 * indexed phrase starts that way. Replaces one large regular expression per list (several times slower per message).
 */
import { normalize, words } from '../offline/text.js';

/**
 * The normalised words of a list phrase, as `words(normalize(phrase))` gives them; plain lower-case phrases (nearly
 * all) skip the full normalisation, which is the costly part of building the index at startup.
 */
export function phraseWords(phrase: string): string[] {
  const lower = phrase.toLowerCase();
  const text = /^[a-z0-9 -]+$/.test(lower) ? lower : normalize(phrase);
  return words(text).map((w) => w.word);
}

/** A list of phrases; with `plurals`, each phrase also matches with a trailing "s" ("championships"). */
export interface PhraseList {
  readonly phrases: readonly string[];
  readonly plurals?: boolean;
}

/** The lists a text matched, as a bit set (bit i: the i-th list). */
export class PhraseIndex {
  /** Phrase → bits of its lists; proper prefixes of longer phrases are present with their own bits (maybe 0). */
  private readonly entries = new Map<string, number>();
  private readonly longest: number;

  constructor(lists: readonly PhraseList[]) {
    let longest = 1;
    lists.forEach((list, i) => {
      for (const phrase of list.phrases) {
        const parts = phraseWords(phrase);
        if (parts.length === 0) continue;
        longest = Math.max(longest, parts.length);
        for (let n = 1; n < parts.length; n++) {
          const prefix = parts.slice(0, n).join(' ');
          this.entries.set(prefix, this.entries.get(prefix) ?? 0);
        }
        const key = parts.join(' ');
        this.entries.set(key, (this.entries.get(key) ?? 0) | (1 << i));
        if (list.plurals) this.entries.set(`${key}s`, (this.entries.get(`${key}s`) ?? 0) | (1 << i));
      }
    });
    this.longest = longest;
  }

  /** The bit set of the lists any phrase of `text` (already split into normalised words) belongs to. */
  match(text: readonly string[]): number {
    let bits = 0;
    for (let i = 0; i < text.length; i++) {
      let key = text[i]!;
      for (let n = 1; n <= this.longest && i + n <= text.length; n++) {
        if (n > 1) key = `${key} ${text[i + n - 1]}`;
        const found = this.entries.get(key);
        if (found === undefined) break;
        bits |= found;
      }
    }
    return bits;
  }
}
