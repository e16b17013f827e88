import { describe, expect, it } from 'vitest';
import { SANITIZER_STEPS, sanitizeAgentMessage } from '../src/index.js';

function step(name: string) {
  const found = SANITIZER_STEPS.find((s) => s.name === name);
  if (!found) throw new Error(`no step ${name}`);
  return found.apply;
}

describe('sanitizeAgentMessage steps', () => {
  it('has the 9 demo steps in order', () => {
    expect(SANITIZER_STEPS.map((s) => s.name)).toEqual([
      'markdown-links',
      'bare-urls',
      'source-parentheticals',
      'collapse-spaces',
      'dangling-conjunctions',
      'space-before-punctuation',
      'dangling-source-fragments',
      'blank-lines',
      'trim',
    ]);
  });

  it('1. keeps the label of markdown links', () => {
    expect(step('markdown-links')('See [NBA standings](https://www.nba.com/standings?utm_source=openai) now')).toBe(
      'See NBA standings now',
    );
    expect(step('markdown-links')('[not a link](ftp://x)')).toBe('[not a link](ftp://x)');
  });

  it('2. strips bare URLs', () => {
    expect(step('bare-urls')('Read https://nba.com/news?id=1 and http://x.io/a.')).toBe('Read  and ');
  });

  it('3. drops source-only parentheticals', () => {
    expect(step('source-parentheticals')('Cleveland won 64 games (nba.com) this year.')).toBe(
      'Cleveland won 64 games this year.',
    );
    expect(step('source-parentheticals')('OKC won (source: ESPN) the title')).toBe('OKC won the title');
    expect(step('source-parentheticals')('a record of 46-36 (.561) is fine')).toBe('a record of 46-36 (.561) is fine');
  });

  it('4. collapses runs of spaces and tabs', () => {
    expect(step('collapse-spaces')('a  b\t\tc \t d\n\ne')).toBe('a b c d\n\ne');
  });

  it('5. removes a dangling "and"/"or" before punctuation', () => {
    expect(step('dangling-conjunctions')('Boston and .')).toBe('Boston .');
    expect(step('dangling-conjunctions')('wins or , losses')).toBe('wins , losses');
    expect(step('dangling-conjunctions')('between .500 and .561')).toBe('between .500 and .561');
  });

  it('6. removes whitespace before punctuation, but not before a decimal', () => {
    expect(step('space-before-punctuation')('Hello , world !')).toBe('Hello, world!');
    expect(step('space-before-punctuation')('a .561 winning percentage')).toBe('a .561 winning percentage');
  });

  it('7. removes dangling source fragments, case-insensitively', () => {
    expect(step('dangling-source-fragments')('Great season. Source:.')).toBe('Great season. ');
    expect(step('dangling-source-fragments')('More at. See also: ! Sources?')).toBe('  ');
    expect(step('dangling-source-fragments')('Open source software.')).toBe('Open source software.');
    expect(step('dangling-source-fragments')('Source: NBA.com standings.')).toBe('Source: NBA.com standings.');
  });

  it('8. turns three or more newlines into one blank line', () => {
    expect(step('blank-lines')('a\n\n\n\nb\n\nc')).toBe('a\n\nb\n\nc');
  });

  it('9. trims', () => {
    expect(step('trim')('  \n text \n ')).toBe('text');
  });
});

describe('sanitizeAgentMessage', () => {
  it('cleans a web-search style answer into prose', () => {
    const raw =
      'The Raptors finished 46-36 ([nba.com](https://www.nba.com/standings?utm_source=openai)), which works out to a .561 winning percentage (nba.com) .\n\n\n\nMore at https://www.nba.com/raptors and .\nSources:.';
    expect(sanitizeAgentMessage(raw)).toBe('The Raptors finished 46-36, which works out to a .561 winning percentage.');
  });

  it('leaves clean prose alone and empties whitespace-only text', () => {
    const text = 'The Thunder won the title.\n\nShai Gilgeous-Alexander was Finals MVP.';
    expect(sanitizeAgentMessage(text)).toBe(text);
    expect(sanitizeAgentMessage(' \n\t ')).toBe('');
  });
});
