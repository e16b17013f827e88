/**
 * Real token counts for the offline model, with the o200k_base BPE tokenizer (the encoding of current OpenAI models).
 */

import { createRequire } from 'node:module';
import type { ModelRequest } from '@openai/agents-core';
import type { countTokens as CountO200k } from 'gpt-tokenizer/encoding/o200k_base';

// Loaded on first use, not at import: its tables cost ~70 MiB of RSS and ~0.1-0.2 s to build, and only the offline
// model counts tokens (a server on a network model never loads it).
let countO200k: typeof CountO200k | undefined;
function o200k(): typeof CountO200k {
  countO200k ??= (
    createRequire(import.meta.url)('gpt-tokenizer/encoding/o200k_base') as { countTokens: typeof CountO200k }
  ).countTokens;
  return countO200k;
}

// Text that merely looks like a special token ("<|endoftext|>") is counted as ordinary text instead of throwing.
const ENCODE_OPTIONS = { disallowedSpecial: new Set<string>() };

/** Number of o200k_base tokens in `text`. */
export function countTokens(text: string): number {
  return text.length === 0 ? 0 : o200k()(text, ENCODE_OPTIONS);
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
