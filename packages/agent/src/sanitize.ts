/**
 * The demo's `sanitize_agent_message` (`app/output_formatting.py`), step by step, with JavaScript regular expressions.
 *
 * One deliberate improvement: steps 5 and 6 do not touch a `.` that starts a number, so a winning percentage such as
 * "a .561 winning percentage" keeps its space (the Python version turned it into "a.561").
 *
 * Each regular-expression step also says which text could still be the start of a match when more text follows
 * (`pending`); the streaming sanitiser (`sanitize-stream.ts`) holds back exactly that text and nothing else.
 */

/** A regular-expression step: `pattern` (global) replaced by `replace(match)`. */
export interface RegexSanitizerStep {
  readonly name: string;
  readonly pattern: RegExp;
  readonly replace: (match: RegExpExecArray) => string;
  /**
   * True when `text` (the rest of the input from some position, up to what has arrived so far) could be, or become
   * with more input, a match starting at that position; `before` is the character before it (undefined at the very
   * start). A safe over-approximation: a false "true" only holds text back longer.
   */
  readonly pending: (text: string, before: string | undefined) => boolean;
}

/**
 * Replaces every match of `step.pattern` in `text` that starts at or after `from`; returns the text from `from` on.
 * The characters before `from` are context only (for lookbehinds and `\b`).
 */
export function replaceFrom(text: string, step: RegexSanitizerStep, from = 0): string {
  const re = step.pattern;
  re.lastIndex = from;
  let out = '';
  let last = from;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out += text.slice(last, m.index) + step.replace(m);
    last = m.index + m[0].length;
    if (m[0].length === 0) re.lastIndex++;
  }
  re.lastIndex = 0;
  return out + text.slice(last);
}

const isWordChar = (c: string | undefined) => c !== undefined && /\w/.test(c);
const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

/** Steps 1 to 8, in order (step 9, trim, is not a regular expression). */
export const REGEX_SANITIZER_STEPS: readonly RegexSanitizerStep[] = [
  // 1. Markdown links → keep the label.
  {
    name: 'markdown-links',
    pattern: /\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g,
    replace: (m) => m[1]!,
    pending: (t) => /^\[(?:[^\]]*|[^\]]+\](?:\((?:h|ht|htt|https?|https?:|https?:\/|https?:\/\/[^\s)]*)?)?)$/.test(t),
  },
  // 2. Strip bare URLs.
  {
    name: 'bare-urls',
    pattern: /https?:\/\/\S+/g,
    replace: () => '',
    pending: (t) => /^(?:h|ht|htt|https?|https?:|https?:\/|https?:\/\/\S*)$/.test(t),
  },
  // 3. Drop source-only parentheticals like "(nba.com)" or "(source: …)".
  {
    name: 'source-parentheticals',
    pattern: /\s*\((?:[A-Za-z0-9.-]+\.[A-Za-z]{2,}|source:[^)]+)\)\s*/g,
    replace: () => ' ',
    pending: (t) => /^\s*(?:\((?:[A-Za-z0-9.-]*|source:[^)]*)(?:\)\s*)?)?$/.test(t),
  },
  // 4. Collapse runs of spaces/tabs.
  { name: 'collapse-spaces', pattern: /[ \t]{2,}/g, replace: () => ' ', pending: (t) => /^[ \t]+$/.test(t) },
  // 5. Dangling "and"/"or" before punctuation (not before a decimal such as ".561").
  {
    name: 'dangling-conjunctions',
    pattern: /\b(?:and|or)\s+([.,;:!?])(?!\d)/g,
    replace: (m) => m[1]!,
    pending: (t, before) => !isWordChar(before) && /^(?:a|an|and|o|or)(?:\s+[.,;:!?]?)?$/.test(t),
  },
  // 6. Remove whitespace before punctuation (not before a decimal such as ".561").
  {
    name: 'space-before-punctuation',
    pattern: /\s+([.,;:!?])(?!\d)/g,
    replace: (m) => m[1]!,
    pending: (t) => /^\s+[.,;:!?]?$/.test(t),
  },
  // 7. Remove dangling "more at / see also / source / sources" fragments (case-insensitive).
  {
    name: 'dangling-source-fragments',
    pattern: /(?:^|(?<=\s))(?:more at|see also|source|sources)(?:[: ]+)?[.?!]/gi,
    replace: () => '',
    pending: (t, before) =>
      (before === undefined || isSpace(before)) &&
      /^(?:m|mo|mor|more|more |more a|s|se|see|see |see a|see al|see als|so|sou|sour|sourc|(?:more at|see also|sources?)[: ]*)$/i.test(
        t,
      ),
  },
  // 8. Three or more newlines → one blank line.
  { name: 'blank-lines', pattern: /\n{3,}/g, replace: () => '\n\n', pending: (t) => /^\n+$/.test(t) },
];

/** The sanitizer steps in the order they are applied; exported so each can be tested on its own. */
export const SANITIZER_STEPS: ReadonlyArray<{ readonly name: string; readonly apply: (text: string) => string }> = [
  ...REGEX_SANITIZER_STEPS.map((step) => ({ name: step.name, apply: (t: string) => replaceFrom(t, step) })),
  // 9. Trim.
  { name: 'trim', apply: (t: string) => t.trim() },
];

/** Cleans a model answer: strips links, URLs and citation leftovers so the text reads as clean prose. */
export function sanitizeAgentMessage(message: string): string {
  let text = message;
  for (const step of SANITIZER_STEPS) text = step.apply(text);
  return text;
}
