/**
 * The offline GraphQL playground (GraphiQL bundled by @nba-reporter/playground, no CDN).
 * Browsers that ask for HTML at `/` or `/graphql` get the page; every other request to /graphql
 * (JSON POSTs, GETs that accept JSON) goes on to Apollo untouched, CSRF prevention included.
 */
import { playgroundAssetsDir, playgroundContentSecurityPolicy, renderPlaygroundHtml } from '@nba-reporter/playground';
import express, { type RequestHandler } from 'express';

export const PLAYGROUND_ASSETS_PATH = '/playground';

export interface PlaygroundMountOptions {
  /** Where the trace view's JSON is served (e.g. `/debug/traces`), or null when the view is off. */
  tracesPath?: string | null;
}

export function mountPlayground(app: express.Express, enabled: boolean, options: PlaygroundMountOptions = {}): void {
  if (!enabled) return;
  // Content-hashed file names (see the package's manifest.json): safe to cache as immutable.
  app.use(PLAYGROUND_ASSETS_PATH, express.static(playgroundAssetsDir, { immutable: true, maxAge: '1d', index: false }));

  let html: string | undefined;
  const page: RequestHandler = (req, res, next) => {
    // Only a request that prefers HTML (a browser's address bar); `Accept: application/json`, GraphQL's
    // own media type, or no Accept header at all fall through to GraphQL.
    if (req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) !== 'text/html')
      return next();
    html ??= renderPlaygroundHtml({
      endpoint: '/graphql',
      assetsPath: PLAYGROUND_ASSETS_PATH,
      tracesEndpoint: options.tracesPath ?? null,
    });
    res
      .status(200)
      .set({
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-cache',
        'content-security-policy': playgroundContentSecurityPolicy,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      })
      .send(html);
  };
  app.get(['/', '/graphql'], page);
}
