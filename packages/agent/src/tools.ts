/**
 * The demo's `calculate_win_percentage` function tool (`app/tools.py`), with input validation the demo lacked.
 */
import { tool } from '@openai/agents-core';
import { z } from 'zod';

/** Name of the win-percentage tool, as the model sees it. */
export const WIN_PERCENTAGE_TOOL_NAME = 'calculate_win_percentage';

/** Thrown by {@link calculateWinPercentage} for a negative or non-integer count. */
export class WinPercentageInputError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

function checkCount(name: 'wins' | 'losses', value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || !Number.isInteger(value) || value < 0) {
    throw new WinPercentageInputError(`${name} must be a non-negative whole number of games (got ${String(value)})`);
  }
}

/**
 * Winning percentage in the NBA's usual notation: three decimals without the leading zero.
 * 46-36 → ".561", 0-0 → ".000", 82-0 → "1.000". Throws {@link WinPercentageInputError} for negative or non-integer input.
 */
export function calculateWinPercentage(wins: number, losses: number): string {
  checkCount('wins', wins);
  checkCount('losses', losses);
  const total = wins + losses;
  if (total === 0) return '.000';
  const fixed = (wins / total).toFixed(3);
  return fixed.startsWith('0') ? fixed.slice(1) : fixed;
}

const winPercentageParameters = z.object({
  wins: z.number().int().describe('The number of games won.'),
  losses: z.number().int().describe('The number of games lost.'),
});

/** The model-visible text for a failed tool call: it names the problem so the model can correct itself. */
export function winPercentageToolErrorMessage(error: unknown): string {
  const detail =
    error instanceof WinPercentageInputError ? error.message : 'wins and losses must be whole numbers of games';
  return `Error: ${WIN_PERCENTAGE_TOOL_NAME} could not compute a winning percentage: ${detail}.`;
}

/**
 * The function tool. Invalid counts do not fail the run: the tool answers with a one-line error message starting
 * with "Error:" (via the SDK's `errorFunction`), which the model sees as the tool output.
 */
export const calculateWinPercentageTool = tool({
  name: WIN_PERCENTAGE_TOOL_NAME,
  description: 'Calculates the winning percentage for an NBA team given their wins and losses.',
  parameters: winPercentageParameters,
  strict: true,
  execute: async ({ wins, losses }) => calculateWinPercentage(wins, losses),
  errorFunction: (_context, error) => winPercentageToolErrorMessage(error),
});
