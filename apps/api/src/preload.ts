/**
 * The start command's first `--import` (`node --import ./dist/preload.js …`): runs before the telemetry bootstrap and
 * the app, so what it sets covers every module they load. Two start-up savings:
 *
 * - Node's module compile cache: a restart reuses V8's compiled code for the ~1,300-1,800 modules the server loads
 *   instead of compiling them again (compiling was the largest part of a cold start's CPU). The cache lives in
 *   NODE_COMPILE_CACHE when set, else in `<os.tmpdir()>/node-compile-cache`. Entries are keyed by Node version and
 *   file, checked against the file's contents before use, and written to a temporary file then renamed, so several
 *   instances sharing one directory are safe; a directory that cannot be written (a read-only root filesystem) only
 *   leaves the cache off. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
 * - Source maps for our own code only: stack traces point into the TypeScript sources of the workspace packages,
 *   while the files of node_modules (many ship maps) are not read and parsed at load as `--enable-source-maps` did
 *   (about 5% of start-up CPU).
 */
import { enableCompileCache, flushCompileCache, setSourceMapsSupport } from 'node:module';

setSourceMapsSupport(true, { nodeModules: false });
enableCompileCache();

/** Writes what was compiled so far now, not only at exit: a process that is killed never exits cleanly. */
export function persistCompileCache(): void {
  flushCompileCache();
}
