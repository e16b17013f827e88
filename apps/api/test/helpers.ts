export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  headers: Headers;
  body: { data?: T | null; errors?: { message: string; extensions?: Record<string, any> }[] };
}

/** One GraphQL POST over real HTTP. */
export async function gql<T = Record<string, any>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(15_000),
  });
  const body = (await res.json()) as GraphQLResponse<T>['body'];
  return { status: res.status, headers: res.headers, body };
}

export const TURN_FIELDS = `sessionId topic message model traceId
  usage { requests inputTokens outputTokens totalTokens cachedInputTokens reasoningTokens }`;

export const REPORT = `mutation Report($input: ReportInput!) { report(input: $input) { ${TURN_FIELDS} } }`;
export const FOLLOW_UP = `mutation FollowUp($input: FollowUpInput!) { followUp(input: $input) { ${TURN_FIELDS} } }`;

export const RAPTORS = 'The Raptors went 46-36 this NBA season. What was their win percentage?';
export const OFF_TOPIC = "What's the weather in Barcelona today?";
