/**
 * Per-model prices behind the "Estimated cost" panels, in USD per 1 million tokens.
 *
 * The dashboard multiplies `gen_ai.client.token.usage` (input / output) by these numbers; it is an
 * estimate, not a bill: cached input tokens are counted at the full input price (an upper bound), and
 * provider price changes are not tracked. To price another model, add a row here, run
 * `npm run generate -w @nba-reporter/signoz-dashboard`, and update the table in README.md (a test checks
 * that the README table and this list agree).
 */
export interface ModelPrice {
  /** Value of `gen_ai.request.model` exactly as the service reports it. */
  model: string;
  /** USD per 1M input tokens. */
  inputPerMillion: number;
  /** USD per 1M output tokens. */
  outputPerMillion: number;
  /** Where the number comes from. */
  note: string;
}

export const MODEL_PRICES: readonly ModelPrice[] = [
  {
    model: 'gpt-5.4-mini-2026-03-17',
    inputPerMillion: 0.75,
    outputPerMillion: 4.5,
    note: 'Default model of the openai provider. OpenAI list price (standard tier, < 272K context) as published in 2026; check https://platform.openai.com/docs/pricing before relying on it.',
  },
  {
    model: 'offline-nba-2024-25',
    inputPerMillion: 0,
    outputPerMillion: 0,
    note: 'The built-in offline model: runs in-process, costs nothing (kept so the panels show $0 rather than no data in the offline demo).',
  },
];
