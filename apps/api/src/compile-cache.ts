/**
 * Loaded first by the start script (`node --import ./dist/compile-cache.js …`), before the telemetry bootstrap and
 * the app. Two start-up savings:
 *
 * Source maps for our own code only: stack traces point into the TypeScript sources of the workspace packages, while
 * the ~1,800 files of node_modules (many ship maps) are not read and parsed at load (`--enable-source-maps` did that,
 * about 5% of start-up CPU).
 *
 * Node's module compile cache, so a restart reuses V8's compiled code for the ~1,800 modules the
 * server loads instead of compiling them again (most of a cold start's CPU went to compiling).
 *
 * The cache lives in NODE_COMPILE_CACHE when set, else in `<os.tmpdir()>/node-compile-cache`. Entries are keyed by
 * Node version and file, checked against the file's contents before use, and written whole, so several instances
 * sharing one directory at once are safe; a directory that cannot be written (a read-only root filesystem) only
 * leaves the cache off. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
 */
import { enableCompileCache, flushCompileCache, setSourceMapsSupport } from 'node:module';

setSourceMapsSupport(true, { nodeModules: false });
enableCompileCache();

/** Writes what was compiled so far now, not only at exit: a process that is killed never exits cleanly. */
export function persistCompileCache(): void {
  flushCompileCache();
}
