/**
 * The agent's instructions and the per-turn prompt builder, ported from the demo (`app/config.py`, `app/prompts.py`).
 */

/** The demo's final `NBA_INTERACTIVE_PROMPT`, verbatim. Used when the model has OpenAI's hosted web search. */
export const NBA_INSTRUCTIONS_WITH_WEB_SEARCH =
  'You are a stateful NBA news reporter and analyst. Stay focused on the NBA. ' +
  'Use web search to verify current facts before answering. ' +
  'When discussing standings, records, or playoff scenarios, explain your reasoning clearly. ' +
  "Use the calculate_win_percentage tool whenever you need to compute a team's winning percentage. " +
  'organize every answer so it is easy to scan. start with a direct answer, then explain the reasoning in short logical paragraphs. ' +
  'keep each paragraph focused on one main idea and avoid long walls of text. ' +
  'never include URLs, markdown links, inline citations, or a references section unless the user explicitly asks for sources. ' +
  'if you use web search, use it silently for accuracy and present the final answer as clean prose only.';

/**
 * The same instructions for models without web search (offline, OpenAI-compatible servers): only the two
 * web-search sentences are adapted, telling the model to rely on the tool and known facts instead.
 */
export const NBA_INSTRUCTIONS_WITHOUT_WEB_SEARCH =
  'You are a stateful NBA news reporter and analyst. Stay focused on the NBA. ' +
  'You have no web search: rely on the calculate_win_percentage tool and the facts you know, and say when a fact may be out of date. ' +
  'When discussing standings, records, or playoff scenarios, explain your reasoning clearly. ' +
  "Use the calculate_win_percentage tool whenever you need to compute a team's winning percentage. " +
  'organize every answer so it is easy to scan. start with a direct answer, then explain the reasoning in short logical paragraphs. ' +
  'keep each paragraph focused on one main idea and avoid long walls of text. ' +
  'never include URLs, markdown links, inline citations, or a references section unless the user explicitly asks for sources. ' +
  'present the final answer as clean prose only.';

/** The agent instructions for a model with or without hosted web search. */
export function nbaInstructions(options: { webSearch: boolean }): string {
  return options.webSearch ? NBA_INSTRUCTIONS_WITH_WEB_SEARCH : NBA_INSTRUCTIONS_WITHOUT_WEB_SEARCH;
}

/** Today's date as `YYYY-MM-DD` in the server's local time zone (the demo used Python's `date.today()`). */
export function localIsoDate(date: Date = new Date()): string {
  const y = String(date.getFullYear()).padStart(4, '0');
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

const OVERVIEW_PROMPT = /^What is the latest news and analysis for NBA (.+), as of (\d{4}-\d{2}-\d{2})\?$/;

/**
 * The demo's `build_nba_turn_prompt`: a non-empty `message` is returned unchanged; otherwise the topic overview
 * question "What is the latest news and analysis for NBA {topicName}, as of {YYYY-MM-DD}?".
 * `today` may be a `Date` (formatted in local time) or an already formatted `YYYY-MM-DD` string.
 */
export function buildTurnPrompt(topicName: string, message?: string | null, today?: Date | string): string {
  if (message) return message;
  const date = typeof today === 'string' ? today : localIsoDate(today);
  return `What is the latest news and analysis for NBA ${topicName}, as of ${date}?`;
}

/** Parses a prompt produced by {@link buildTurnPrompt} without a message; `undefined` for anything else. */
export function parseOverviewPrompt(prompt: string): { topicName: string; date: string } | undefined {
  const match = OVERVIEW_PROMPT.exec(prompt.trim());
  if (!match?.[1] || !match[2]) return undefined;
  return { topicName: match[1], date: match[2] };
}
