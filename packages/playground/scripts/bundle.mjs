#!/usr/bin/env node
import { rmSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
// Bundles the playground's browser code (GraphiQL 5, React 19, Monaco and its web workers) from npm packages
// into dist/assets with esbuild: content-hashed file names, and a manifest.json that renderPlaygroundHtml reads.
// Nothing is fetched at build time or at run time: every byte comes from node_modules.
import { build } from 'esbuild';

const started = performance.now();
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const finalDir = join(root, 'dist', 'assets');
// Built aside, then moved into place: a reader (or a concurrent build) never sees a half-written dist/assets.
const outdir = join(root, 'dist', `.assets-${process.pid}`);
const require = createRequire(join(root, 'package.json'));

/** Resolves a file inside an npm package, without going through the package's `exports` map. */
function packageFile(pkg, file) {
  return join(dirname(require.resolve(`${pkg}/package.json`)), file);
}

process.once('exit', () => rmSync(outdir, { recursive: true, force: true })); // after a failed build
await mkdir(outdir, { recursive: true });

const common = {
  absWorkingDir: root,
  bundle: true,
  minify: true,
  target: ['chrome111', 'firefox115', 'safari16.4'],
  outdir,
  logLevel: 'warning',
  legalComments: 'external',
  define: { 'process.env.NODE_ENV': '"production"' },
  metafile: true,
  write: true,
};

const outputsOf = (result, predicate) =>
  Object.entries(result.metafile.outputs)
    .filter(([file, info]) => predicate(file, info))
    .map(([file]) => relative(outdir, join(root, file)).replaceAll('\\', '/'));

const [app, style, workers] = await Promise.all([
  // The page's module script; Monaco comes as a lazily loaded chunk (GraphiQL imports it dynamically).
  build({
    ...common,
    entryPoints: { playground: 'src/client/main.tsx' },
    format: 'esm',
    splitting: true,
    entryNames: '[name]-[hash]',
    chunkNames: 'chunks/[name]-[hash]',
    jsx: 'automatic',
    // Monaco's ESM sources import their own CSS files; graphiql/style.css already contains all of it.
    loader: { '.css': 'empty', '.ttf': 'empty' },
  }),
  // GraphiQL's style sheet (Monaco's styles and the fonts are data: URLs in it) and the playground's.
  build({
    ...common,
    entryPoints: { playground: 'src/client/playground.css' },
    entryNames: '[name]-[hash]',
    assetNames: '[name]-[hash]',
    loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'file', '.png': 'file' },
  }),
  // Monaco's web workers, as classic scripts started by MonacoEnvironment.getWorker in main.tsx.
  build({
    ...common,
    entryPoints: {
      'editor.worker': packageFile('monaco-editor', 'esm/vs/editor/editor.worker.js'),
      'json.worker': packageFile('monaco-editor', 'esm/vs/language/json/json.worker.js'),
      'graphql.worker': packageFile('monaco-graphql', 'esm/graphql.worker.js'),
    },
    format: 'iife',
    entryNames: 'workers/[name]-[hash]',
  }),
]);

const entry = (result, name) => {
  const [file] = outputsOf(
    result,
    (_file, info) => info.entryPoint !== undefined && relative(outdir, join(root, _file)).startsWith(name),
  );
  if (!file) throw new Error(`bundle: no output for ${name}`);
  return file;
};

const manifest = {
  script: entry(app, 'playground-'),
  style: outputsOf(style, (file) => file.endsWith('.css'))[0],
  workers: {
    editor: entry(workers, 'workers/editor.worker-'),
    json: entry(workers, 'workers/json.worker-'),
    graphql: entry(workers, 'workers/graphql.worker-'),
  },
};
if (!manifest.style) throw new Error('bundle: no CSS output');
await writeFile(join(outdir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

async function sizeOf(dir) {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? await sizeOf(path) : (await stat(path)).size;
  }
  return total;
}
const bytes = await sizeOf(outdir);
await rm(finalDir, { recursive: true, force: true });
await rename(outdir, finalDir);
console.log(
  `playground: bundled into dist/assets (${(bytes / 1024 / 1024).toFixed(2)} MiB) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
