/** The start-up line saying who can use the service: keys on, or open (a warning beyond loopback). */
export interface AccessNotice {
  level: 'info' | 'warn';
  fields: Record<string, unknown>;
  message: string;
}

/** True for addresses only this machine can reach. */
export function isLoopback(host: string | undefined): boolean {
  return host !== undefined && /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|\[::1\]|localhost)$/i.test(host);
}

export function accessNotice(host: string | undefined, keyNames: readonly string[]): AccessNotice {
  if (keyNames.length > 0) {
    return {
      level: 'info',
      fields: { apiKeys: keyNames },
      message: `authentication on: ${keyNames.length} API key(s)`,
    };
  }
  if (isLoopback(host)) {
    return {
      level: 'info',
      fields: { host },
      message:
        'authentication off: the API is open to anyone who can reach this address (set NBA_REPORTER_API_KEYS to require keys)',
    };
  }
  return {
    level: 'warn',
    fields: { host: host ?? 'all interfaces' },
    message:
      'authentication off and listening beyond loopback: anyone who can reach this port can run (paid) agent turns; ' +
      'set NBA_REPORTER_API_KEYS or NBA_REPORTER_API_KEYS_FILE, or HOST=127.0.0.1',
  };
}
