/**
 * The demo's `sanitize_agent_message` (`app/output_formatting.py`), step by step, with JavaScript regular expressions.
 *
 * One deliberate improvement: steps 5 and 6 do not touch a `.` that starts a number, so a winning percentage such as
 * "a .561 winning percentage" keeps its space (the Python version turned it into "a.561").
 */

/** The sanitizer steps in the order they are applied; exported so each can be tested on its own. */
export const SANITIZER_STEPS: ReadonlyArray<{ readonly name: string; readonly apply: (text: string) => string }> = [
  // 1. Markdown links → keep the label.
  { name: 'markdown-links', apply: (t) => t.replace(/\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g, '$1') },
  // 2. Strip bare URLs.
  { name: 'bare-urls', apply: (t) => t.replace(/https?:\/\/\S+/g, '') },
  // 3. Drop source-only parentheticals like "(nba.com)" or "(source: …)".
  {
    name: 'source-parentheticals',
    apply: (t) => t.replace(/\s*\((?:[A-Za-z0-9.-]+\.[A-Za-z]{2,}|source:[^)]+)\)\s*/g, ' '),
  },
  // 4. Collapse runs of spaces/tabs.
  { name: 'collapse-spaces', apply: (t) => t.replace(/[ \t]{2,}/g, ' ') },
  // 5. Dangling "and"/"or" before punctuation (not before a decimal such as ".561").
  { name: 'dangling-conjunctions', apply: (t) => t.replace(/\b(?:and|or)\s+([.,;:!?])(?!\d)/g, '$1') },
  // 6. Remove whitespace before punctuation (not before a decimal such as ".561").
  { name: 'space-before-punctuation', apply: (t) => t.replace(/\s+([.,;:!?])(?!\d)/g, '$1') },
  // 7. Remove dangling "more at / see also / source / sources" fragments (case-insensitive).
  {
    name: 'dangling-source-fragments',
    apply: (t) => t.replace(/(?:^|(?<=\s))(?:more at|see also|source|sources)(?:[: ]+)?[.?!]/gi, ''),
  },
  // 8. Three or more newlines → one blank line.
  { name: 'blank-lines', apply: (t) => t.replace(/\n{3,}/g, '\n\n') },
  // 9. Trim.
  { name: 'trim', apply: (t) => t.trim() },
];

/** Cleans a model answer: strips links, URLs and citation leftovers so the text reads as clean prose. */
export function sanitizeAgentMessage(message: string): string {
  let text = message;
  for (const step of SANITIZER_STEPS) text = step.apply(text);
  return text;
}
