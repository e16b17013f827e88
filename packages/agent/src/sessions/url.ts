/**
 * What `NBA_REPORTER_SESSION_DB` names: a PostgreSQL URL or a SQLite file path.
 */

/** True for a `postgres://` or `postgresql://` URL (the value that selects this store). */
export function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value.trim());
}

/** The URL without its password, for messages. */
export function redactPostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}
