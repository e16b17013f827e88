import { countTokens as o200kCount } from 'gpt-tokenizer/encoding/o200k_base';
import { describe, expect, it } from 'vitest';
import { countTokens } from '../src/index.js';

const exact = (text: string) => o200kCount(text, { disallowedSpecial: new Set() });

describe('countTokens (memoised o200k_base)', () => {
  it('gives exactly the tokenizer count, on first sight and when the text comes back', () => {
    const texts = [
      '',
      'The Raptors went 46-36.',
      'x<|endoftext|>y',
      '{"type":"message","role":"user"}',
      'é🏀'.repeat(50),
    ];
    for (const text of [...texts, ...texts]) expect(countTokens(text)).toBe(exact(text));
  });

  it('stays exact after the memo evicts (more than its 1,000,000 characters of distinct texts) and for long texts', () => {
    const first = `first ${'w'.repeat(20_000)}`;
    expect(countTokens(first)).toBe(exact(first));
    for (let i = 0; i < 80; i++) {
      const text = `${i} ${'word '.repeat(4_000)}`;
      expect(countTokens(text)).toBe(exact(text));
    }
    expect(countTokens(first)).toBe(exact(first)); // evicted by now: counted again
    const long = 'long text '.repeat(5_000); // 50,000 characters: never memoised
    expect(countTokens(long)).toBe(exact(long));
    expect(countTokens(long)).toBe(exact(long));
  });
});
