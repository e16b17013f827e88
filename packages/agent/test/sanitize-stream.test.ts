import { describe, expect, it } from 'vitest';
import { StreamingSanitizer, sanitizeAgentMessage } from '../src/index.js';

/** Feeds `chunks` through a streaming sanitiser; returns every output piece (the last one from end()). */
function stream(chunks: string[]): string[] {
  const s = new StreamingSanitizer();
  return [...chunks.map((c) => s.push(c)), s.end()];
}

const batch = (raw: string) => sanitizeAgentMessage(raw.trim());

// Pieces that exercise every step, including their boundaries: links, URLs, source parentheticals, runs of spaces,
// dangling conjunctions, space before punctuation and decimals, source fragments, newlines, word boundaries.
const PIECES = [
  'The',
  ' Raptors',
  ' went',
  ' 46-36',
  ' ',
  '  ',
  '\t',
  '\n',
  '\n\n\n',
  '.',
  ',',
  '!',
  '?',
  ':',
  ';',
  '.561',
  ' .5',
  '[NBA](https://nba.com/x)',
  '[a',
  '](',
  'https://',
  'http://x.io/a',
  'htt',
  'h',
  ' (nba.com)',
  '(source: ESPN)',
  '(',
  ')',
  'nba.com',
  ' and',
  ' or',
  'and .',
  'band',
  ' more at',
  ' More at.',
  ' see also',
  'See also: !',
  ' source',
  'Sources:.',
  'source.',
  ' sources',
  '[',
  ']',
  'x',
  'a',
  'o',
  'resource.',
  '(.561)',
];

function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomText(rand: () => number, pieces: number): string {
  let t = '';
  for (let i = 0; i < pieces; i++) t += PIECES[Math.floor(rand() * PIECES.length)]!;
  return t;
}

describe('StreamingSanitizer', () => {
  it('equals the batch sanitiser for one chunk, char by char, and a split at every position', () => {
    const rand = seeded(15);
    const inputs = [
      'The Raptors finished 46-36 ([nba.com](https://www.nba.com/standings?utm_source=openai)), which works out to a .561 winning percentage (nba.com) .\n\n\n\nMore at https://www.nba.com/raptors and .\nSources:.',
      '  leading and trailing  ',
      'source. at the start',
      'a  b\t\tc \t d\n\ne',
      'between .500 and .561',
    ];
    for (let i = 0; i < 400; i++) inputs.push(randomText(rand, 1 + Math.floor(rand() * 14)));
    for (const raw of inputs) {
      const expected = batch(raw);
      expect(stream([raw]).join(''), JSON.stringify(raw)).toBe(expected);
      expect(stream([...raw]).join(''), JSON.stringify(raw)).toBe(expected);
      for (let cut = 0; cut <= raw.length; cut++) {
        expect(stream([raw.slice(0, cut), raw.slice(cut)]).join(''), `${JSON.stringify(raw)} cut at ${cut}`).toBe(
          expected,
        );
      }
    }
  });

  it('equals the batch sanitiser for random multi-chunk splits', () => {
    const rand = seeded(42);
    for (let i = 0; i < 3000; i++) {
      const raw = randomText(rand, 1 + Math.floor(rand() * 20));
      const chunks: string[] = [];
      let at = 0;
      while (at < raw.length) {
        const n = 1 + Math.floor(rand() * 6);
        chunks.push(raw.slice(at, at + n));
        at += n;
      }
      expect(stream(chunks).join(''), JSON.stringify(chunks)).toBe(batch(raw));
    }
  });

  it('holds back only what could still change', () => {
    const s = new StreamingSanitizer();
    expect(s.push('The Thunder won')).toBe('The Thunder won');
    expect(s.push(' the title')).toBe(' the title');
    // A possible link: held until it is decided.
    expect(s.push(' [NBA')).toBe('');
    expect(s.push(' Finals](https://nba.com/finals)')).toBe(' NBA Finals');
    // A possible URL start and trailing whitespace are held; plain words are not.
    expect(s.push(' see htt')).toBe('');
    expect(s.push('ps://x.io now')).toBe(' see now');
    // "now" then "." is final; a trailing space could still precede punctuation, so it waits.
    expect(s.push('. ')).toBe('.');
    expect(s.end()).toBe('');
  });

  it('refuses input after end', () => {
    const s = new StreamingSanitizer();
    s.end();
    expect(() => s.push('x')).toThrow(/after end/);
  });
});
