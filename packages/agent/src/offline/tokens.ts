/**
 * Real token counts for the offline model, with the o200k_base BPE tokenizer (the encoding of current OpenAI models).
 */
import { createRequire } from 'node:module';
import type { ModelRequest } from '@openai/agents-core';

type CountO200k = typeof import('gpt-tokenizer/encoding/o200k_base').countTokens;

// Loaded on first use: its BPE tables cost start-up time and memory that a server on a network model never needs.
// (`require` of the package's CommonJS build is synchronous, so counting stays synchronous.)
let countO200k: CountO200k | undefined;
function tokenizer(): CountO200k {
  countO200k ??= (
    createRequire(import.meta.url)('gpt-tokenizer/encoding/o200k_base') as {
      countTokens: CountO200k;
    }
  ).countTokens;
  return countO200k;
}

// Text that merely looks like a special token ("<|endoftext|>") is counted as ordinary text instead of throwing.
const ENCODE_OPTIONS = { disallowedSpecial: new Set<string>() };

/**
 * Counts already made, by text. Every model call re-reads the same instructions and tool definitions, and the second
 * call of a tool turn re-reads the first call's input, so most of a turn's text was counted before: a hit returns the
 * very number the tokenizer gave. Bounded by characters held (least recently used dropped first); long texts skip it.
 */
const MEMO_MAX_CHARS = 1_000_000;
const MEMO_MAX_TEXT = 32_768;
const memo = new Map<string, number>();
let memoChars = 0;

/** Number of o200k_base tokens in `text` (exactly what gpt-tokenizer's `countTokens` gives). */
export function countTokens(text: string): number {
  if (text.length === 0) return 0;
  const known = memo.get(text);
  if (known !== undefined) {
    memo.delete(text); // re-inserted: the Map's order is least recently used first
    memo.set(text, known);
    return known;
  }
  const count = tokenizer()(text, ENCODE_OPTIONS);
  if (text.length <= MEMO_MAX_TEXT) {
    memo.set(text, count);
    memoChars += text.length;
    for (const oldest of memo.keys()) {
      if (memoChars <= MEMO_MAX_CHARS) break;
      memo.delete(oldest);
      memoChars -= oldest.length;
    }
  }
  return count;
}

/**
 * The texts the offline model "reads" for a request, in order: the system instructions, each input item serialised
 * as JSON (a string input as is), each tool definition, each handoff definition, and the output schema when it is
 * not plain text. The input token count is the sum of their token counts.
 */
export function requestTexts(
  request: Pick<ModelRequest, 'systemInstructions' | 'input' | 'tools' | 'handoffs' | 'outputType'>,
): string[] {
  const texts: string[] = [];
  if (request.systemInstructions) texts.push(request.systemInstructions);
  if (typeof request.input === 'string') texts.push(request.input);
  else for (const item of request.input) texts.push(JSON.stringify(item));
  for (const tool of request.tools ?? []) texts.push(JSON.stringify(tool));
  for (const handoff of request.handoffs ?? []) texts.push(JSON.stringify(handoff));
  if (request.outputType && request.outputType !== 'text') texts.push(JSON.stringify(request.outputType));
  return texts;
}

/** Input tokens of a request: the sum over {@link requestTexts}. */
export function countRequestTokens(
  request: Pick<ModelRequest, 'systemInstructions' | 'input' | 'tools' | 'handoffs' | 'outputType'>,
): number {
  return requestTexts(request).reduce((sum, text) => sum + countTokens(text), 0);
}
