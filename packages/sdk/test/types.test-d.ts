// Type tests: run by `vitest --typecheck` (tsc). Every `@ts-expect-error` must be a real error,
// so a regression that makes a wrong call compile fails this file.

import {
  type AgentTurn,
  type ClientErrorCode,
  createNbaReporterClient,
  type ErrorCode,
  type Health,
  isNbaReporterError,
  type NbaReporterError,
  type NbaReporterErrorCode,
  type OperationInput,
  type OperationName,
  type ReportInput,
  type ToolCallStatus,
  type Topic,
  type TopicInfo,
  type TurnEvent,
} from '@nba-reporter/sdk';
import { describe, expectTypeOf, test } from 'vitest';

const client = createNbaReporterClient({ url: 'http://localhost:4000/graphql' });

describe('inputs', () => {
  test('report takes exactly ReportInput', () => {
    expectTypeOf(client.report).parameter(0).toEqualTypeOf<ReportInput>();
    expectTypeOf<ReportInput>().toEqualTypeOf<{ topic: Topic; message?: string | null | undefined }>();
    expectTypeOf<Topic>().toEqualTypeOf<'EASTERN' | 'WESTERN' | 'FINALS' | 'GENERAL'>();
    void client.report({ topic: 'GENERAL' });
    void client.report({ topic: 'FINALS', message: 'Who won?' });
  });

  test('a wrong input field does not compile', () => {
    // @ts-expect-error `question` is not a field of ReportInput
    void client.report({ topic: 'GENERAL', question: 'Who won?' });
    // @ts-expect-error `topic` is required
    void client.report({ message: 'Who won?' });
    // @ts-expect-error followUp needs a sessionId
    void client.followUp({ message: 'And then?' });
    // @ts-expect-error message must be a string
    void client.followUp({ sessionId: 's', message: 42 });
  });

  test('a wrong enum value does not compile', () => {
    // @ts-expect-error 'NBA' is not a Topic
    void client.report({ topic: 'NBA', message: 'hi' });
    // @ts-expect-error enum values are case-sensitive
    void client.report({ topic: 'general' });
  });

  test('queries take no input', () => {
    expectTypeOf(client.topics).parameters.toEqualTypeOf<[options?: Parameters<typeof client.topics>[0]]>();
    // @ts-expect-error topics() has no input argument
    void client.topics({ topic: 'GENERAL' });
    expectTypeOf<OperationName>().toEqualTypeOf<
      'report' | 'followUp' | 'topics' | 'health' | 'reportStream' | 'followUpStream'
    >();
    expectTypeOf<OperationInput<'health'>>().toBeNever();
  });
});

describe('results', () => {
  test('report and followUp resolve with the selected AgentTurn fields', async () => {
    const first = await client.report({ topic: 'GENERAL', message: 'hi' });
    expectTypeOf(first).toEqualTypeOf<AgentTurn>();
    expectTypeOf(first.sessionId).toBeString();
    expectTypeOf(first.topic).toEqualTypeOf<Topic>();
    expectTypeOf(first.traceId).toEqualTypeOf<string | null>();
    expectTypeOf(first.usage.totalTokens).toBeNumber();
    const next = await client.followUp({ sessionId: first.sessionId, message: 'and?' });
    expectTypeOf(next).toEqualTypeOf<AgentTurn>();
  });

  test('reportStream and followUpStream are async iterables of the TurnEvent union, narrowed by __typename', async () => {
    const stream = client.reportStream({ topic: 'GENERAL', message: 'hi' });
    expectTypeOf(stream).toEqualTypeOf<AsyncIterable<TurnEvent>>();
    expectTypeOf(client.followUpStream({ sessionId: 's', message: 'and?' })).toEqualTypeOf<AsyncIterable<TurnEvent>>();
    // @ts-expect-error followUpStream needs a sessionId
    void client.followUpStream({ message: 'and?' });
    for await (const event of stream) {
      if (event.__typename === 'TextDelta') expectTypeOf(event.delta).toBeString();
      else if (event.__typename === 'ToolCallEvent') expectTypeOf(event.status).toEqualTypeOf<ToolCallStatus>();
      else expectTypeOf(event.turn).toEqualTypeOf<AgentTurn>();
    }
  });

  test('reading a field the operation did not select does not compile', async () => {
    const first = await client.report({ topic: 'GENERAL' });
    // @ts-expect-error `answer` is not a field of AgentTurn
    void first.answer;
    const topics = await client.topics();
    expectTypeOf(topics).toEqualTypeOf<TopicInfo[]>();
    expectTypeOf<TopicInfo>().toEqualTypeOf<{ topic: Topic; name: string }>();
    // @ts-expect-error `description` is not selected by the Topics operation
    void topics[0]?.description;
    const health = await client.health();
    expectTypeOf(health).toEqualTypeOf<Health>();
    // @ts-expect-error `uptime` is not selected by the Health operation
    void health.uptime;
  });
});

describe('errors', () => {
  test('code is a literal union: schema ErrorCode plus client codes', () => {
    expectTypeOf<NbaReporterErrorCode>().toEqualTypeOf<ErrorCode | ClientErrorCode>();
    expectTypeOf<ErrorCode>().toExtend<NbaReporterErrorCode>();
    expectTypeOf<
      'GUARDRAIL_TRIPPED' | 'SESSION_NOT_FOUND' | 'NETWORK_ERROR' | 'ABORTED'
    >().toExtend<NbaReporterErrorCode>();
    expectTypeOf<'TEAPOT'>().not.toExtend<NbaReporterErrorCode>();
  });

  test('the guard narrows unknown, optionally to specific codes', () => {
    const error: unknown = new Error('x');
    if (isNbaReporterError(error)) {
      expectTypeOf(error).toEqualTypeOf<NbaReporterError>();
      expectTypeOf(error.code).toEqualTypeOf<NbaReporterErrorCode>();
      expectTypeOf(error.status).toEqualTypeOf<number | undefined>();
      expectTypeOf(error.traceId).toEqualTypeOf<string | undefined>();
    }
    if (isNbaReporterError(error, 'GUARDRAIL_TRIPPED', 'SESSION_NOT_FOUND')) {
      expectTypeOf(error.code).toEqualTypeOf<'GUARDRAIL_TRIPPED' | 'SESSION_NOT_FOUND'>();
    }
    // @ts-expect-error not an error code
    isNbaReporterError(error, 'TEAPOT');
  });

  test('switching on code is exhaustive over the union', () => {
    const label = (e: NbaReporterError): string => {
      switch (e.code) {
        case 'GUARDRAIL_TRIPPED':
          return `off-topic: ${e.reason ?? ''}`;
        // @ts-expect-error 'GUARDRAIL' is not a code
        case 'GUARDRAIL':
          return '';
        default:
          return e.code;
      }
    };
    expectTypeOf(label).returns.toBeString();
  });
});
