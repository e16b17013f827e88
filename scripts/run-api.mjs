// `npm start` and `npm run dev` at the repository root.
//
// 1. Builds what the API needs with turbo, quietly: turbo's output is shown only when the build fails.
// 2. Runs the API from the repository root, so `.env` (Node's process.loadEnvFile; real environment variables win)
//    and the default session file `./data/sessions.db` are both at the root, whatever directory npm was called from.
//    `start` runs the built server with the flags of apps/api's own start script; `dev` runs the TypeScript sources
//    under `tsx watch` (the `@nba-reporter/source` export condition), restarting on every change to the API or to a
//    workspace package it imports.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const apiDir = join(root, 'apps/api');
const mode = process.argv[2] === 'dev' ? 'dev' : 'start';

const build = spawnSync(
  process.execPath,
  [
    fileURLToPath(import.meta.resolve('turbo/bin/turbo')),
    'run',
    'build',
    // dev runs the API itself from source: only its packages are built (the playground's bundle, dist/ for types).
    mode === 'dev' ? '--filter=@nba-reporter/api^...' : '--filter=@nba-reporter/api...',
    '--output-logs=errors-only',
  ],
  { cwd: root, encoding: 'utf8' },
);
if (build.status !== 0) {
  process.stderr.write(`${build.stdout ?? ''}${build.stderr ?? ''}`);
  if (build.error) process.stderr.write(`nba-reporter: could not run the build: ${build.error.message}\n`);
  process.exit(build.status ?? 1);
}

// The node flags of apps/api's start script (`node <flags> dist/main.js`): one definition of how the API starts.
const { scripts } = JSON.parse(readFileSync(join(apiDir, 'package.json'), 'utf8'));
const [, ...startArgs] = scripts.start.trim().split(/\s+/);
// A relative path among them (the compile-cache preload, ./dist/*.js) is relative to apps/api; `dev` runs its
// TypeScript source instead (the API itself is not built for dev).
const nodeFlags = startArgs
  .slice(0, -1)
  .map((arg) =>
    !arg.startsWith('./') ? arg : join(apiDir, mode === 'dev' ? arg.replace(/^\.\/dist\/(.*)\.js$/, 'src/$1.ts') : arg),
  );
// .env at the root, loaded into this process so the API (its child) inherits it; variables already set win.
const envFile = join(root, '.env');
if (existsSync(envFile)) process.loadEnvFile(envFile);
const args =
  mode === 'dev'
    ? [
        fileURLToPath(import.meta.resolve('tsx/cli')),
        'watch',
        '--clear-screen=false',
        '--conditions=@nba-reporter/source',
        ...nodeFlags,
        join(apiDir, 'src/main.ts'),
      ]
    : [...nodeFlags, join(apiDir, startArgs.at(-1))];

const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
// Ctrl-C reaches the API directly (same process group); forwarding it too would count as a second signal, which
// the API treats as "exit without draining". Signals sent to this process alone are passed on.
process.on('SIGINT', () => {});
for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  if (signal) {
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  } else process.exit(code ?? 1);
});
