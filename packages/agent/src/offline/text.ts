/**
 * Text helpers shared by the offline model and the guardrail: normalisation, whole-phrase matching and a small
 * edit distance for typos in team names.
 */

/**
 * Lower case, accents dropped ("Dončić" → "doncic"), curly quotes and dashes made plain, possessives dropped
 * ("Thunder's" → "thunder", "Knicks'" → "knicks"), and everything but letters, digits and `-'.%` turned into spaces.
 * Remembered: the guardrail, the parse and the follow-up step all read the same message.
 */
export const normalize: (text: string) => string = memoize(normalizeText);

// Anything outside printable ASCII (control characters simply take the longer way, with the same result).
const NON_ASCII = /[^\t\n\r -~]/;

function normalizeText(text: string): string {
  // Accents, curly quotes and typographic dashes only exist outside ASCII: most messages skip those steps.
  const plain = NON_ASCII.test(text)
    ? text
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[\u2018\u2019\u02bc´]/g, "'")
        .replace(/(\d)\s*[\u2010-\u2015]\s*(\d)/g, '$1-$2')
        .replace(/[\u2010-\u2011]/g, '-')
        .replace(/[\u2012-\u2015]/g, ' ')
    : text;
  return plain
    .toLowerCase()
    .replace(/`/g, "'")
    .replace(/(\d)\s*\+/g, '$1 or more ')
    .replace(/(\w)'s\b/g, '$1')
    .replace(/(\w)s'(?=\s|$|[^\w])/g, '$1s')
    .replace(/[^a-z0-9'%.\- ]+/g, ' ')
    .replace(/(^|\s)[.'-]+|[.'-]+(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A regular expression matching any of `phrases` as whole words, longest first. With `plurals`, a trailing "s" is
 * allowed too ("championships", "titles").
 */
export function phraseRegExp(phrases: readonly string[], flags = 'g', plurals = false): RegExp {
  const unique = [...new Set(phrases.map((p) => normalize(p)).filter((p) => p.length > 0))].sort(
    (a, b) => b.length - a.length,
  );
  return new RegExp(`(?<![a-z0-9])(?:${unique.map(escapeRegExp).join('|')})${plurals ? 's?' : ''}(?![a-z0-9])`, flags);
}

/** Every match of `pattern` (global) in `text`, with offsets. */
export function allMatches(pattern: RegExp, text: string): Array<{ text: string; index: number }> {
  pattern.lastIndex = 0;
  const found: Array<{ text: string; index: number }> = [];
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    found.push({ text: m[0], index: m.index });
    if (m[0].length === 0) pattern.lastIndex++;
  }
  return found;
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions), stopping early above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1);
    row[0] = i;
    rows.push(row);
  }
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = Number.POSITIVE_INFINITY;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = value;
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

/** The words of a normalised text with their offsets. */
export function words(text: string): Array<{ word: string; index: number }> {
  return allMatches(/[a-z0-9][a-z0-9'.%-]*/g, text).map((m) => ({
    word: m.text.replace(/[.']+$/, ''),
    index: m.index,
  }));
}

/**
 * A small bounded memo for pure functions of a message text. The runner sends the whole conversation on every model
 * call, so the same user messages are read again and again; remembering the last few hundred keeps a turn's CPU flat
 * as a conversation grows. Oldest entries are dropped first.
 */
export function memoize<T>(fn: (text: string) => T, max = 512): (text: string) => T {
  const cache = new Map<string, T>();
  return (text: string): T => {
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    const value = fn(text);
    if (cache.size >= max) cache.delete(cache.keys().next().value as string);
    cache.set(text, value);
    return value;
  };
}
