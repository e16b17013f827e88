/**
 * Spawns the BUILT API exactly as `npm start` runs it (the same `node --import`
 * flags, read from package.json), on an ephemeral port with the offline model and a fresh SQLite
 * file, and resolves once it logs that it is listening.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SpawnApiOptions {
  /** Merged over the defaults; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  /** How long to wait for the "listening" log line. Default 20 s. */
  timeoutMs?: number;
  /** Extra node flags placed before the start script's own (e.g. another --import). */
  nodeFlags?: string[];
}

export interface SpawnedApi {
  /** http://127.0.0.1:PORT */
  url: string;
  /** url + '/graphql' */
  graphqlUrl: string;
  port: number;
  process: ChildProcess;
  /** Everything the process wrote so far, stdout and stderr interleaved. */
  output(): string;
  /** SIGTERM, then waits for exit (SIGKILL after 15 s). Resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * apps/api in this repository. A path, not a package import: the API's own tests use this package, and a
 * dependency back on the API would be a cycle. Works from src/ and dist/ alike (both one level down).
 */
export const API_DIR = fileURLToPath(new URL('../../../apps/api/', import.meta.url));

/** The argv of `npm start` (package.json scripts.start), without the leading `node`. */
export function startCommand(): string[] {
  const pkg = JSON.parse(readFileSync(join(API_DIR, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const [node, ...args] = pkg.scripts.start.trim().split(/\s+/);
  if (node !== 'node') throw new Error(`unexpected start script: ${pkg.scripts.start}`);
  return args;
}

export async function spawnApi(options: SpawnApiOptions = {}): Promise<SpawnedApi> {
  const dir = mkdtempSync(join(tmpdir(), 'nba-api-'));
  const env: Record<string, string | undefined> = { ...process.env };
  // The child is a production-like process, not a test worker.
  delete env.NODE_ENV;
  delete env.VITEST;
  for (const key of Object.keys(env)) {
    if (key.startsWith('OTEL_') || key.startsWith('NBA_REPORTER_') || key === 'OPENAI_API_KEY') delete env[key];
  }
  Object.assign(env, {
    PORT: '0',
    HOST: '127.0.0.1',
    NBA_REPORTER_MODEL_PROVIDER: 'offline',
    NBA_REPORTER_SESSION_DB: join(dir, 'sessions.db'),
    LOG_LEVEL: 'info',
  });
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }

  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), ...startCommand()], {
    cwd: API_DIR,
    env: env as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let exited: number | null | undefined;
  const exitPromise = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      exited = code;
      resolve(code);
    });
  });

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`API did not start within ${options.timeoutMs ?? 20_000} ms:\n${output}`));
    }, options.timeoutMs ?? 20_000);
    let listening = false;
    // Only the unmatched tail is searched: a server with a verbose debug log (thousands of lines) must not cost
    // a scan of everything it printed on every chunk.
    let searchFrom = 0;
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (listening) return;
      const match = /"port":(\d+)[^\n]*"msg":"NBA Reporter API listening"/.exec(output.slice(searchFrom));
      if (match) {
        listening = true;
        clearTimeout(timer);
        resolve(Number(match[1]));
      } else {
        searchFrom = Math.max(0, output.lastIndexOf('\n') + 1);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exitPromise.then((code) => {
      clearTimeout(timer);
      reject(new Error(`API exited with code ${code} before listening:\n${output}`));
    });
  });

  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    graphqlUrl: `${url}/graphql`,
    port,
    process: child,
    output: () => output,
    async stop() {
      if (exited !== undefined) return exited;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await exitPromise;
      clearTimeout(killer);
      return code;
    },
  };
}
