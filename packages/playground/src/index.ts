/**
 * An offline GraphiQL playground for the NBA Reporter API.
 *
 * GraphiQL, React and Monaco are bundled from npm at build time into `dist/assets` (see scripts/bundle.mjs);
 * the page loads nothing but those files and the GraphQL endpoint, so it works without internet.
 * This module is framework-agnostic: serve {@link playgroundAssetsDir} as static files under a URL prefix
 * and answer the page's URL with {@link renderPlaygroundHtml}.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { PLAYGROUND_CONFIG_ELEMENT_ID, PLAYGROUND_ROOT_ELEMENT_ID, type PlaygroundClientConfig } from './shared.js';

export { type PlaygroundExample, playgroundExamples } from './examples.js';
export { PLAYGROUND_CONFIG_ELEMENT_ID, PLAYGROUND_ROOT_ELEMENT_ID, type PlaygroundClientConfig } from './shared.js';

/** Absolute path of the built static assets (`dist/assets`), from both `src/` and `dist/`. */
export const playgroundAssetsDir: string = fileURLToPath(new URL('../dist/assets', import.meta.url));

/** What scripts/bundle.mjs writes to `dist/assets/manifest.json`: content-hashed file names, relative to the assets dir. */
export interface PlaygroundManifest {
  readonly script: string;
  readonly style: string;
  readonly workers: { readonly editor: string; readonly json: string; readonly graphql: string };
}

export interface RenderPlaygroundHtmlOptions {
  /** The GraphQL endpoint the playground talks to, e.g. `/graphql` (same origin). */
  endpoint: string;
  /** The URL prefix where {@link playgroundAssetsDir} is served, e.g. `/playground`. */
  assetsPath: string;
  /** The page's title. */
  title?: string;
  /**
   * Where the API serves its trace view (`GET {tracesEndpoint}` and `GET {tracesEndpoint}/{traceId}`, same origin),
   * e.g. `/debug/traces`. Omitted or null: the page has no trace panel.
   */
  tracesEndpoint?: string | null;
}

/**
 * A Content-Security-Policy the page works under: everything from the page's own origin, nothing from elsewhere.
 * Optional; sending it with the page makes the browser itself refuse any non-local load.
 * (`'unsafe-inline'` styles and `data:` fonts/images are Monaco's and GraphiQL's; no inline script is needed.)
 */
export const playgroundContentSecurityPolicy: string = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

let cachedManifest: PlaygroundManifest | undefined;

/** Reads (once) the manifest of the built assets; throws a clear error if the package was not built. */
export function readPlaygroundManifest(): PlaygroundManifest {
  if (cachedManifest) return cachedManifest;
  const file = `${playgroundAssetsDir}/manifest.json`;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(
      `@nba-reporter/playground: ${file} is missing; build the package first (npm run build -w @nba-reporter/playground).`,
      { cause: error },
    );
  }
  const parsed = JSON.parse(text) as PlaygroundManifest;
  cachedManifest = parsed;
  return parsed;
}

/** Escapes text for HTML element content and double-quoted attribute values. */
function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** JSON that is safe inside a `<script>` element: no `</script>`, `<!--`, nor JavaScript line separators. */
function jsonForScriptElement(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}

/** Joins a URL prefix and a relative file name with exactly one slash. */
function joinUrl(prefix: string, file: string): string {
  return `${prefix.replace(/\/+$/, '')}/${file.replace(/^\/+/, '')}`;
}

/**
 * The playground's HTML page: GraphiQL on `endpoint`, its assets loaded from `assetsPath`.
 * The page has no inline script (the configuration travels as inert JSON), and references no other origin.
 */
export function renderPlaygroundHtml(options: RenderPlaygroundHtmlOptions): string {
  const { endpoint, assetsPath, title = 'NBA Reporter · GraphQL playground', tracesEndpoint = null } = options;
  const manifest = readPlaygroundManifest();
  const config: PlaygroundClientConfig = {
    endpoint,
    title,
    traces: tracesEndpoint,
    workers: {
      editor: joinUrl(assetsPath, manifest.workers.editor),
      json: joinUrl(assetsPath, manifest.workers.json),
      graphql: joinUrl(assetsPath, manifest.workers.graphql),
    },
  };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${escapeHtml(joinUrl(assetsPath, manifest.style))}">
<script type="module" src="${escapeHtml(joinUrl(assetsPath, manifest.script))}"></script>
</head>
<body>
<div id="${PLAYGROUND_ROOT_ELEMENT_ID}"><noscript>The GraphQL playground needs JavaScript. The API itself is at ${escapeHtml(endpoint)} (POST JSON).</noscript></div>
<script type="application/json" id="${PLAYGROUND_CONFIG_ELEMENT_ID}">${jsonForScriptElement(config)}</script>
</body>
</html>
`;
}
