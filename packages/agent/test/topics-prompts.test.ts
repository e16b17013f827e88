import { describe, expect, it } from 'vitest';
import {
  buildTurnPrompt,
  isTopicSlug,
  MAX_MESSAGE_LENGTH,
  NBA_INSTRUCTIONS_WITH_WEB_SEARCH,
  NBA_INSTRUCTIONS_WITHOUT_WEB_SEARCH,
  parseOverviewPrompt,
  TOPIC_NAMES,
  TOPIC_SLUGS,
} from '../src/index.js';

describe('topics', () => {
  it('maps the demo slugs to names', () => {
    expect(TOPIC_NAMES).toEqual({
      eastern: 'Eastern Conference',
      western: 'Western Conference',
      finals: 'Finals',
      general: 'Season',
    });
    expect(Object.isFrozen(TOPIC_NAMES)).toBe(true);
    expect(TOPIC_SLUGS).toEqual(['eastern', 'finals', 'general', 'western']);
    expect(MAX_MESSAGE_LENGTH).toBe(2000);
  });

  it('validates slugs exactly and case-sensitively', () => {
    for (const slug of TOPIC_SLUGS) expect(isTopicSlug(slug)).toBe(true);
    for (const bad of ['Eastern', 'EASTERN', 'east', '', 'toString', '__proto__', 'constructor'])
      expect(isTopicSlug(bad)).toBe(false);
  });
});

describe('buildTurnPrompt', () => {
  it('returns a message unchanged', () => {
    expect(buildTurnPrompt('Season', '  Who won?  ')).toBe('  Who won?  ');
  });

  it('builds the overview question when there is no message', () => {
    expect(buildTurnPrompt('Eastern Conference', undefined, '2026-11-24')).toBe(
      'What is the latest news and analysis for NBA Eastern Conference, as of 2026-11-24?',
    );
    expect(buildTurnPrompt('Finals', null, new Date(2025, 5, 22, 23, 59))).toBe(
      'What is the latest news and analysis for NBA Finals, as of 2025-06-22?',
    );
    expect(buildTurnPrompt('Season', '')).toMatch(
      /^What is the latest news and analysis for NBA Season, as of \d{4}-\d{2}-\d{2}\?$/,
    );
  });

  it('round-trips through parseOverviewPrompt', () => {
    expect(parseOverviewPrompt(buildTurnPrompt('Western Conference', null, '2025-01-02'))).toEqual({
      topicName: 'Western Conference',
      date: '2025-01-02',
    });
    expect(parseOverviewPrompt('Who won the Finals?')).toBeUndefined();
  });
});

describe('instructions', () => {
  it('quotes the demo instructions for web-search models', () => {
    expect(NBA_INSTRUCTIONS_WITH_WEB_SEARCH).toBe(
      "You are a stateful NBA news reporter and analyst. Stay focused on the NBA. Use web search to verify current facts before answering. When discussing standings, records, or playoff scenarios, explain your reasoning clearly. Use the calculate_win_percentage tool whenever you need to compute a team's winning percentage. organize every answer so it is easy to scan. start with a direct answer, then explain the reasoning in short logical paragraphs. keep each paragraph focused on one main idea and avoid long walls of text. never include URLs, markdown links, inline citations, or a references section unless the user explicitly asks for sources. if you use web search, use it silently for accuracy and present the final answer as clean prose only.",
    );
  });

  it('drops web search from the instructions of other models', () => {
    expect(NBA_INSTRUCTIONS_WITHOUT_WEB_SEARCH).not.toMatch(/use web search/i);
    expect(NBA_INSTRUCTIONS_WITHOUT_WEB_SEARCH).toContain(
      'rely on the calculate_win_percentage tool and the facts you know',
    );
    expect(NBA_INSTRUCTIONS_WITHOUT_WEB_SEARCH).toContain('Stay focused on the NBA.');
  });
});
