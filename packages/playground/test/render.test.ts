import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  PLAYGROUND_CONFIG_ELEMENT_ID,
  type PlaygroundClientConfig,
  playgroundAssetsDir,
  playgroundContentSecurityPolicy,
  readPlaygroundManifest,
  renderPlaygroundHtml,
} from '../src/index.js';

/** The JSON the page hands to the bundle, read back as the browser would (JSON.parse of the element's text). */
function configOf(html: string): PlaygroundClientConfig {
  const match = new RegExp(
    `<script type="application/json" id="${PLAYGROUND_CONFIG_ELEMENT_ID}">([\\s\\S]*?)</script>`,
  ).exec(html);
  if (!match?.[1]) throw new Error('no config element');
  return JSON.parse(match[1]) as PlaygroundClientConfig;
}

describe('playgroundAssetsDir', () => {
  it('is the absolute path of the built assets, with every file the manifest names', () => {
    expect(isAbsolute(playgroundAssetsDir)).toBe(true);
    expect(playgroundAssetsDir.replaceAll('\\', '/')).toMatch(/packages\/playground\/dist\/assets$/);
    const manifest = readPlaygroundManifest();
    for (const file of [manifest.script, manifest.style, ...Object.values(manifest.workers)]) {
      expect(statSync(join(playgroundAssetsDir, file)).isFile(), file).toBe(true);
    }
    expect(manifest.script).toMatch(/^playground-[A-Z0-9]+\.js$/);
    expect(manifest.style).toMatch(/^playground-[A-Z0-9]+\.css$/);
  });
});

describe('renderPlaygroundHtml', () => {
  const manifest = readPlaygroundManifest();

  it('loads the hashed assets from assetsPath and talks to endpoint', () => {
    const html = renderPlaygroundHtml({ endpoint: '/graphql', assetsPath: '/playground' });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(`<script type="module" src="/playground/${manifest.script}"></script>`);
    expect(html).toContain(`<link rel="stylesheet" href="/playground/${manifest.style}">`);
    expect(html).toContain('<title>NBA Reporter · GraphQL playground</title>');
    const config = configOf(html);
    expect(config.endpoint).toBe('/graphql');
    expect(config.workers).toEqual({
      editor: `/playground/${manifest.workers.editor}`,
      json: `/playground/${manifest.workers.json}`,
      graphql: `/playground/${manifest.workers.graphql}`,
    });
    for (const url of Object.values(config.workers))
      expect(existsSync(join(playgroundAssetsDir, url.slice('/playground/'.length)))).toBe(true);
  });

  it('hands the trace view endpoint to the page, or null (no trace panel) when not given', () => {
    expect(configOf(renderPlaygroundHtml({ endpoint: '/graphql', assetsPath: '/playground' })).traces).toBeNull();
    const html = renderPlaygroundHtml({
      endpoint: '/graphql',
      assetsPath: '/playground',
      tracesEndpoint: '/debug/traces',
    });
    expect(configOf(html).traces).toBe('/debug/traces');
  });

  it('joins assetsPath with exactly one slash', () => {
    const html = renderPlaygroundHtml({ endpoint: '/graphql', assetsPath: '/static/playground/' });
    expect(html).toContain(`src="/static/playground/${manifest.script}"`);
    expect(configOf(html).workers.json).toBe(`/static/playground/${manifest.workers.json}`);
  });

  it('references no other origin and has no inline executable script', () => {
    const html = renderPlaygroundHtml({ endpoint: '/graphql', assetsPath: '/playground' });
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/(src|href)="\/\//);
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(2);
    for (const [, attributes, body] of scripts) {
      // Either an external module (no body) or inert JSON data.
      if (attributes?.includes('type="module"')) expect(body).toBe('');
      else expect(attributes).toContain('type="application/json"');
    }
  });

  it('escapes the title for HTML', () => {
    const title = `Tom & Jerry's "<b>API</b>"</title><script>alert(1)</script>`;
    const html = renderPlaygroundHtml({ endpoint: '/graphql', assetsPath: '/playground', title });
    expect(html).toContain(
      '<title>Tom &amp; Jerry&#39;s &quot;&lt;b&gt;API&lt;/b&gt;&quot;&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>',
    );
    expect(html).not.toContain('<script>alert(1)</script>');
    // The bundle sets document.title from the config, which carries the title unchanged.
    expect(configOf(html).title).toBe(title);
  });

  it('keeps a hostile endpoint inside its JSON, and a hostile assetsPath inside its attributes', () => {
    const endpoint = `/graphql?x=</script><script>alert(1)</script><!--\u2028&`;
    const assetsPath = `/p"><script>alert(2)</script>`;
    const html = renderPlaygroundHtml({ endpoint, assetsPath });
    expect(html).not.toContain('<script>alert(');
    expect(html).not.toContain('<!--');
    const json = html.slice(html.indexOf(`id="${PLAYGROUND_CONFIG_ELEMENT_ID}">`));
    expect(json).not.toContain('\u2028');
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).toContain(`src="/p&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;/${manifest.script}"`);
    expect(configOf(html).endpoint).toBe(endpoint);
  });

  it('shows a message without JavaScript', () => {
    const html = renderPlaygroundHtml({ endpoint: '/graphql', assetsPath: '/playground' });
    expect(html).toMatch(/<noscript>[^<]*\/graphql[^<]*<\/noscript>/);
  });
});

describe('playgroundContentSecurityPolicy', () => {
  it('allows the page its own origin only', () => {
    expect(playgroundContentSecurityPolicy).toContain("default-src 'self'");
    expect(playgroundContentSecurityPolicy).toContain("script-src 'self';");
    expect(playgroundContentSecurityPolicy).toContain("connect-src 'self'");
    expect(playgroundContentSecurityPolicy).not.toMatch(/https?:|\*|unsafe-eval/);
  });
});
