/**
 * The ready-made operations the playground opens with, one GraphiQL tab each.
 *
 * Pure data, shared by the browser bundle (which turns them into tabs) and by Node (tests, docs).
 * Every operation on the agent selects `traceId`, so each answer can be looked up in the tracing backend.
 */

/** One example tab: a GraphQL document with a single named operation, and its variables. */
export interface PlaygroundExample {
  /** The operation's name, which GraphiQL also shows as the tab's title. */
  readonly operationName: string;
  /** The GraphQL document (one operation, with comments for the reader). */
  readonly query: string;
  /** The variables editor's initial content, as a JSON object. */
  readonly variables: Readonly<Record<string, unknown>>;
}

/** The selection every example asks of an `AgentTurn`. */
const AGENT_TURN_SELECTION = `    sessionId
    topic
    message
    model
    usage {
      requests
      inputTokens
      outputTokens
      totalTokens
    }
    # The W3C trace id of this answer: look it up in
    # your tracing backend (null when tracing is off).
    traceId`;

/** The tool-calling question of the `ReportWinPercentage` example. */
export const TOOL_CALLING_QUESTION = 'The Raptors went 46-36 this NBA season. What was their win percentage?';
/** The follow-up question of the `FollowUp` example: it only makes sense with the session's memory. */
export const FOLLOW_UP_QUESTION = 'What was their record?';
/** The off-topic question of the `OffTopic` example, which the input guardrail rejects. */
export const OFF_TOPIC_QUESTION = "What's the weather in Barcelona today?";

export const playgroundExamples: readonly PlaygroundExample[] = [
  {
    operationName: 'ReportOverview',
    query: `# Starts a conversation: with no message, the
# reporter gives an overview of the topic.
# Run it (the ▶ button or Ctrl/Cmd+Enter), then press
# "Use in FollowUp" in the bar above to continue
# the conversation with its sessionId.
mutation ReportOverview($topic: Topic!) {
  report(input: { topic: $topic }) {
${AGENT_TURN_SELECTION}
  }
}
`,
    variables: { topic: 'EASTERN' },
  },
  {
    operationName: 'ReportWinPercentage',
    query: `# Starts a conversation with a question the agent
# answers by calling a tool; its trace shows the call.
mutation ReportWinPercentage($topic: Topic!, $message: String) {
  report(input: { topic: $topic, message: $message }) {
${AGENT_TURN_SELECTION}
  }
}
`,
    variables: { topic: 'EASTERN', message: TOOL_CALLING_QUESTION },
  },
  {
    operationName: 'ReportStream',
    query: `# The same question, streamed: the answer's text
# shows up above the editors as the model writes it.
# Served with GraphQL over SSE at /graphql/stream; the
# stream ends with one TurnCompleted (or an error).
subscription ReportStream($topic: Topic!, $message: String) {
  reportStream(input: { topic: $topic, message: $message }) {
    __typename
    ... on TextDelta {
      delta
    }
    ... on ToolCallEvent {
      name
      status
    }
    ... on TurnCompleted {
      turn {
${AGENT_TURN_SELECTION.replace(/^/gm, '    ')}
      }
    }
  }
}
`,
    variables: { topic: 'EASTERN', message: TOOL_CALLING_QUESTION },
  },
  {
    operationName: 'FollowUp',
    query: `# Continues a conversation: run a report first,
# then press "Use in FollowUp" in the bar above (it
# fills in the sessionId variable), or paste the
# sessionId that a report returned.
mutation FollowUp($sessionId: ID!, $message: String!) {
  followUp(
    input: { sessionId: $sessionId, message: $message }
  ) {
${AGENT_TURN_SELECTION}
  }
}
`,
    variables: { sessionId: '', message: FOLLOW_UP_QUESTION },
  },
  {
    operationName: 'OffTopic',
    query: `# An off-topic question: the input guardrail
# rejects it with extensions.code GUARDRAIL_TRIPPED
# (extensions.reason says why).
mutation OffTopic($message: String) {
  report(input: { topic: GENERAL, message: $message }) {
${AGENT_TURN_SELECTION}
  }
}
`,
    variables: { message: OFF_TOPIC_QUESTION },
  },
  {
    operationName: 'About',
    query: `# What the API covers and which model answers.
# The docs (the book icon, top left) show the schema.
query About {
  health {
    status
    provider
    model
    version
  }
  topics {
    topic
    name
  }
}
`,
    variables: {},
  },
];
