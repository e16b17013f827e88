import { RunContext } from '@openai/agents-core';
import { describe, expect, it } from 'vitest';
import {
  calculateWinPercentage,
  calculateWinPercentageTool,
  WIN_PERCENTAGE_TOOL_NAME,
  WinPercentageInputError,
} from '../src/index.js';

describe('calculateWinPercentage', () => {
  it.each([
    [46, 36, '.561'],
    [0, 0, '.000'],
    [82, 0, '1.000'],
    [0, 82, '.000'],
    [64, 18, '.780'],
    [41, 41, '.500'],
    [1, 2, '.333'],
    [2, 1, '.667'],
  ])('%i-%i → %s', (wins, losses, expected) => {
    expect(calculateWinPercentage(wins, losses)).toBe(expected);
  });

  it.each([
    [-1, 5, 'wins must be a non-negative whole number of games (got -1)'],
    [5, -2, 'losses must be a non-negative whole number of games (got -2)'],
    [4.5, 3, 'wins must be a non-negative whole number of games (got 4.5)'],
    [Number.NaN, 3, 'wins must be a non-negative whole number of games (got NaN)'],
  ])('rejects %s-%s', (wins, losses, message) => {
    expect(() => calculateWinPercentage(wins, losses)).toThrow(WinPercentageInputError);
    expect(() => calculateWinPercentage(wins, losses)).toThrow(message);
  });
});

describe('calculate_win_percentage tool (through the SDK)', () => {
  const invoke = (args: unknown) =>
    calculateWinPercentageTool.invoke(new RunContext(), JSON.stringify(args), {
      toolCall: {
        type: 'function_call',
        callId: 'c1',
        name: WIN_PERCENTAGE_TOOL_NAME,
        arguments: JSON.stringify(args),
      },
    } as never);

  it('is a strict function tool with integer parameters', () => {
    expect(calculateWinPercentageTool.type).toBe('function');
    expect(calculateWinPercentageTool.name).toBe('calculate_win_percentage');
    expect(calculateWinPercentageTool.description).toBe(
      'Calculates the winning percentage for an NBA team given their wins and losses.',
    );
    expect(calculateWinPercentageTool.strict).toBe(true);
    const schema = calculateWinPercentageTool.parameters as {
      properties: Record<string, { type: string }>;
      required: string[];
    };
    expect(schema.properties.wins?.type).toBe('integer');
    expect(schema.properties.losses?.type).toBe('integer');
    expect(schema.required).toEqual(['wins', 'losses']);
  });

  it('returns the percentage string', async () => {
    await expect(invoke({ wins: 46, losses: 36 })).resolves.toBe('.561');
    await expect(invoke({ wins: 82, losses: 0 })).resolves.toBe('1.000');
  });

  it('answers a negative count with a model-visible error message instead of failing the run', async () => {
    const output = await invoke({ wins: -3, losses: 10 });
    expect(output).toBe(
      'Error: calculate_win_percentage could not compute a winning percentage: wins must be a non-negative whole number of games (got -3).',
    );
  });

  it('answers a non-integer count (rejected by the schema) with a model-visible error message', async () => {
    const output = await invoke({ wins: 46.5, losses: 36 });
    expect(String(output)).toMatch(
      /^Error: calculate_win_percentage could not compute a winning percentage: .*whole numbers/,
    );
  });
});
