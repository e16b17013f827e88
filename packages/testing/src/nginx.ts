/**
 * Debian's nginx as a real round-robin load balancer for topology tests: the configuration is generated into a
 * temporary directory (its own pid file, error log and temp paths), nginx runs as a foreground child process on
 * 127.0.0.1 and an ephemeral port, and every response names the instance that served it (`x-upstream`).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const NGINX_BIN = process.env.NBA_REPORTER_TEST_NGINX ?? '/usr/sbin/nginx';

/** Why nginx tests cannot run here, or undefined when they can. */
export const nginxUnavailable = existsSync(NGINX_BIN)
  ? undefined
  : `nginx not found at ${NGINX_BIN} (apt-get install nginx, or set NBA_REPORTER_TEST_NGINX)`;
if (nginxUnavailable) process.stderr.write(`skipping nginx tests: ${nginxUnavailable}\n`);

/**
 * The proxy rules shared with deploy/nginx.conf (the deploy test checks they agree). Every request carries an
 * `Idempotency-Key`: the client's, or nginx's `$request_id` (the same on every retry of one request). With it the API
 * answers a retried request from the store instead of running the turn twice, which makes re-sending a POST safe: so
 * `non_idempotent` lets nginx retry on the next instance when one dies mid-request (`error`), not only when it could
 * not connect.
 */
export const IDEMPOTENCY_KEY_MAP = `map $http_idempotency_key $nba_idempotency_key {
    "" $request_id;
    default $http_idempotency_key;
  }`;

export const PROXY_RULES = [
  'proxy_http_version 1.1;',
  'proxy_set_header Idempotency-Key $nba_idempotency_key;',
  'proxy_next_upstream error timeout non_idempotent;',
  'proxy_next_upstream_tries 3;',
  'proxy_connect_timeout 2s;',
  'proxy_read_timeout 120s;',
];

export interface NginxOptions {
  /** Upstream instances as host:port. */
  upstreams: string[];
  /** Seconds an instance stays out of rotation after a failed connection (default 10). */
  failTimeoutSeconds?: number;
}

export interface RunningNginx {
  url: string;
  port: number;
  process: ChildProcess;
  /** The generated nginx.conf. */
  config: string;
  errorLog(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export function nginxConfig(dir: string, port: number, options: NginxOptions): string {
  const failTimeout = options.failTimeoutSeconds ?? 10;
  return `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  ${IDEMPOTENCY_KEY_MAP}
  upstream nba_api {
${options.upstreams.map((u) => `    server ${u} max_fails=1 fail_timeout=${failTimeout}s;`).join('\n')}
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://nba_api;
${PROXY_RULES.map((rule) => `      ${rule}`).join('\n')}
      add_header x-upstream $upstream_addr always;
    }
  }
}
`;
}

/** Starts nginx in the foreground; retries on a port taken between probe and bind. */
export async function startNginx(options: NginxOptions): Promise<RunningNginx> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(options);
    } catch (error) {
      lastError = error;
      if (!/Address already in use/.test(String(error))) throw error;
    }
  }
  throw lastError;
}

async function startOnce(options: NginxOptions): Promise<RunningNginx> {
  const dir = mkdtempSync(join(tmpdir(), 'nba-nginx-'));
  chmodSync(dir, 0o755); // run as root, nginx's workers drop to an unprivileged user and must reach their temp paths
  const port = await freePort();
  const config = nginxConfig(dir, port, options);
  writeFileSync(join(dir, 'nginx.conf'), config);
  const errorLog = () => (existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : '');
  // -e: the error log before the configuration is read (nginx would otherwise open /var/log/nginx/error.log).
  const child = spawn(
    NGINX_BIN,
    ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log'), '-g', 'daemon off;'],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    const dead = await Promise.race([
      exited.then(() => true),
      new Promise<false>((r) => setTimeout(() => r(false), 50)),
    ]);
    if (dead) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`nginx exited before serving: ${stderr}${errorLog()}`);
    }
    const up = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1_000) }).then(
      (res) => res.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`nginx did not serve ${url} within 10 s: ${stderr}${errorLog()}`);
    }
  }
  return {
    url,
    port,
    process: child,
    config,
    errorLog,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGQUIT'); // graceful: finish in-flight requests
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
