/**
 * Real token counts for the offline model, with the o200k_base BPE tokenizer (the encoding of current OpenAI models).
 */

import type { ModelRequest } from '@openai/agents-core';
import { countTokens as countO200k } from 'gpt-tokenizer/encoding/o200k_base';

// Text that merely looks like a special token ("<|endoftext|>") is counted as ordinary text instead of throwing.
const ENCODE_OPTIONS = { disallowedSpecial: new Set<string>() };

/** Number of o200k_base tokens in `text`. */
export function countTokens(text: string): number {
  return text.length === 0 ? 0 : countO200k(text, ENCODE_OPTIONS);
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
