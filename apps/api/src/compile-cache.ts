/**
 * Loaded first by the start script (`node --import ./dist/compile-cache.js …`), before the telemetry bootstrap and
 * the app: turns on Node's module compile cache, so a restart reuses V8's compiled code for the ~1,800 modules the
 * server loads instead of compiling them again (most of a cold start's CPU went to compiling).
 *
 * The cache lives in NODE_COMPILE_CACHE when set, else in `<os.tmpdir()>/node-compile-cache`. Entries are keyed by
 * Node version and file, checked against the file's contents before use, and written whole, so several instances
 * sharing one directory at once are safe; a directory that cannot be written (a read-only root filesystem) only
 * leaves the cache off. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
 */
import { enableCompileCache, flushCompileCache } from 'node:module';

enableCompileCache();

/** Writes what was compiled so far now, not only at exit: a process that is killed never exits cleanly. */
export function persistCompileCache(): void {
  flushCompileCache();
}
