// A tiny consumer of @nba-reporter/sdk, written exactly as an external project would write it:
// the SDK is imported by package name (through its package.json `exports`), never by path.
//
//   NBA_REPORTER_URL=http://localhost:4000/graphql npm start --workspace @nba-reporter/sdk-example
//
// Prints one line per step. Exit code 0 when every step behaved as expected, 1 otherwise.
import { type AgentTurn, createNbaReporterClient, isNbaReporterError } from '@nba-reporter/sdk';

const url = process.env['NBA_REPORTER_URL'] ?? 'http://localhost:4000/graphql';
const client = createNbaReporterClient({ url, timeoutMs: 30_000, headers: { 'x-client': 'sdk-example' } });

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();
const describeTurn = (turn: AgentTurn): string =>
  `session=${turn.sessionId} topic=${turn.topic} model=${turn.model} tokens=${turn.usage.totalTokens} ` +
  `trace=${turn.traceId ?? '-'} message=${oneLine(turn.message)}`;

try {
  const health = await client.health();
  console.log(`health: status=${health.status} provider=${health.provider} model=${health.model}`);

  const topics = await client.topics();
  console.log(`topics: ${topics.map((t) => `${t.topic}(${t.name})`).join(' ')}`);

  const first = await client.report({
    topic: 'GENERAL',
    message: 'The Raptors went 46-36 this NBA season. What was their win percentage?',
  });
  console.log(`report: ${describeTurn(first)}`);

  const next = await client.followUp({ sessionId: first.sessionId, message: 'How does their record compare?' });
  console.log(`followUp: ${describeTurn(next)}`);

  // Typed errors: one class, `code` is a literal union generated from the schema's ErrorCode enum.
  try {
    await client.report({ topic: 'GENERAL', message: "What's the weather in Barcelona today?" });
    console.log('guardrail: not tripped');
    process.exitCode = 1;
  } catch (error) {
    if (!isNbaReporterError(error, 'GUARDRAIL_TRIPPED')) throw error;
    console.log(
      `guardrail: code=${error.code} status=${error.status} trace=${error.traceId ?? '-'} reason=${oneLine(error.reason ?? '-')}`,
    );
  }

  try {
    await client.followUp({ sessionId: 'no-such-session', message: 'Still there?' });
    console.log('unknown session: answered');
    process.exitCode = 1;
  } catch (error) {
    if (!isNbaReporterError(error)) throw error;
    switch (error.code) {
      case 'SESSION_NOT_FOUND':
        console.log(`unknown session: code=${error.code} status=${error.status} trace=${error.traceId ?? '-'}`);
        break;
      default:
        throw error;
    }
  }
} catch (error) {
  if (isNbaReporterError(error)) {
    console.error(
      `error: code=${error.code} status=${error.status ?? '-'} trace=${error.traceId ?? '-'} ${error.message}`,
    );
  } else {
    console.error('error:', error);
  }
  process.exitCode = 1;
}
