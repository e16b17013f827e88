/**
 * The Authorization header the user last sent through GraphiQL's headers editor, reused by the trace panel's
 * requests: when the API requires a key, /debug/traces is behind the same key as /graphql.
 * Kept in memory only (GraphiQL itself does not persist headers here: shouldPersistHeaders is false).
 */
let authorization: string | null = null;

export function rememberAuthorization(headers: Headers): void {
  authorization = headers.get('authorization');
}

export function authorizationHeader(): Record<string, string> {
  return authorization ? { authorization } : {};
}
