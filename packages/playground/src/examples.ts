/**
 * The ready-made operations the playground opens with, one GraphiQL tab each.
 *
 * Pure data, shared by the browser bundle (which turns them into tabs) and by Node (tests, docs). The documents
 * are the contract package's examples (packages/schema/examples/*.graphql); this file adds their variables.
 * Every operation on the agent selects `traceId`, so each answer can be looked up in the tracing backend.
 */
import { exampleDocuments } from '@nba-reporter/schema';

/** One example tab: a GraphQL document with a single named operation, and its variables. */
export interface PlaygroundExample {
  /** The operation's name, which GraphiQL also shows as the tab's title. */
  readonly operationName: string;
  /** The GraphQL document (one operation, with comments for the reader). */
  readonly query: string;
  /** The variables editor's initial content, as a JSON object. */
  readonly variables: Readonly<Record<string, unknown>>;
}

/** The tool-calling question of the `ReportWinPercentage` example. */
export const TOOL_CALLING_QUESTION = 'The Raptors went 46-36 this NBA season. What was their win percentage?';
/** The follow-up question of the `FollowUp` example: it only makes sense with the session's memory. */
export const FOLLOW_UP_QUESTION = 'What was their record?';
/** The off-topic question of the `OffTopic` example, which the input guardrail rejects. */
export const OFF_TOPIC_QUESTION = "What's the weather in Barcelona today?";

export const playgroundExamples: readonly PlaygroundExample[] = [
  {
    operationName: 'ReportOverview',
    query: exampleDocuments.ReportOverview,
    variables: { topic: 'EASTERN' },
  },
  {
    operationName: 'ReportWinPercentage',
    query: exampleDocuments.ReportWinPercentage,
    variables: { topic: 'EASTERN', message: TOOL_CALLING_QUESTION },
  },
  {
    operationName: 'FollowUp',
    query: exampleDocuments.FollowUp,
    variables: { sessionId: '', message: FOLLOW_UP_QUESTION },
  },
  {
    operationName: 'OffTopic',
    query: exampleDocuments.OffTopic,
    variables: { message: OFF_TOPIC_QUESTION },
  },
  {
    operationName: 'About',
    query: exampleDocuments.About,
    variables: {},
  },
];
