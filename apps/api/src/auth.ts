/**
 * API-key authentication. Keys come from `NBA_REPORTER_API_KEYS` (`name:key,…`) and/or `NBA_REPORTER_API_KEYS_FILE`
 * (one `name:sha256-hex-of-key` per line). Only SHA-256 digests are kept in memory; a presented key is hashed and
 * compared with every digest in constant time. Callers are known by the key's name, never by the key.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigError } from '@nba-reporter/agent';

export interface ApiKeyEntry {
  readonly name: string;
  readonly digest: Buffer;
}

/** Key names: short, printable, safe in logs and span attributes. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** Keys given in clear must be long enough not to be guessed. */
export const MIN_KEY_LENGTH = 16;

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

function checkName(variable: string, name: string, where: string, seen: Set<string>): void {
  if (!NAME.test(name)) {
    throw new ConfigError(
      variable,
      `${variable}: ${where}: the key name must be 1-64 letters, digits, '.', '_' or '-'`,
    );
  }
  if (seen.has(name)) throw new ConfigError(variable, `${variable}: ${where}: the key name "${name}" is used twice`);
  seen.add(name);
}

/**
 * Reads the configured keys; an empty list means authentication is off. Errors name the variable and the entry's
 * position, never the key.
 */
export function loadApiKeys(options: { keys?: string | undefined; file?: string | undefined }): ApiKeyEntry[] {
  const entries: ApiKeyEntry[] = [];
  const seen = new Set<string>();
  if (options.keys) {
    options.keys.split(',').forEach((raw, index) => {
      const entry = raw.trim();
      const where = `entry ${index + 1}`;
      const colon = entry.indexOf(':');
      if (colon < 1)
        throw new ConfigError('NBA_REPORTER_API_KEYS', `NBA_REPORTER_API_KEYS: ${where} must look like name:key`);
      const name = entry.slice(0, colon);
      const key = entry.slice(colon + 1);
      checkName('NBA_REPORTER_API_KEYS', name, where, seen);
      if (key.length < MIN_KEY_LENGTH || /\s/.test(key)) {
        throw new ConfigError(
          'NBA_REPORTER_API_KEYS',
          `NBA_REPORTER_API_KEYS: ${where} ("${name}"): the key must be at least ${MIN_KEY_LENGTH} characters without spaces`,
        );
      }
      entries.push({ name, digest: sha256(key) });
    });
  }
  if (options.file) {
    let text: string;
    try {
      text = readFileSync(options.file, 'utf8');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
      throw new ConfigError(
        'NBA_REPORTER_API_KEYS_FILE',
        `NBA_REPORTER_API_KEYS_FILE must be a readable file (${reason}: ${options.file})`,
      );
    }
    text.split(/\r?\n/).forEach((raw, index) => {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) return;
      const where = `line ${index + 1}`;
      const match = /^([^:]+):([0-9a-fA-F]{64})$/.exec(line);
      if (!match) {
        throw new ConfigError(
          'NBA_REPORTER_API_KEYS_FILE',
          `NBA_REPORTER_API_KEYS_FILE: ${where} must look like name:<64 hex digits of sha256(key)>`,
        );
      }
      checkName('NBA_REPORTER_API_KEYS_FILE', match[1]!, where, seen);
      entries.push({ name: match[1]!, digest: Buffer.from(match[2]!, 'hex') });
    });
    if (entries.length === 0)
      throw new ConfigError('NBA_REPORTER_API_KEYS_FILE', `NBA_REPORTER_API_KEYS_FILE has no keys (${options.file})`);
  }
  return entries;
}

/** `Authorization: Bearer <key>` → the key's name, or `undefined` for a missing, malformed or unknown key. */
export function authenticate(keys: readonly ApiKeyEntry[], authorization: string | undefined): string | undefined {
  const match = authorization ? /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization) : null;
  if (!match) return undefined;
  const digest = sha256(match[1]!);
  let found: string | undefined;
  // Every digest is compared, and each comparison takes the same time: no timing hint of which part matched.
  for (const entry of keys) {
    if (timingSafeEqual(digest, entry.digest) && found === undefined) found = entry.name;
  }
  return found;
}
