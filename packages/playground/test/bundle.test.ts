/**
 * The built bundle must work offline: nothing in it may load from another origin. URLs do appear in the
 * bundled code as text (documentation links a user may click, error messages, XML and JSON-schema
 * identifiers); this checks that every one is of a known harmless kind, and that none sits where a
 * browser would load it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playgroundAssetsDir } from '../src/index.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const files = filesUnder(playgroundAssetsDir);
// Bundled code and styles; the *.LEGAL.txt files are the bundled packages' license comments.
const code = files.filter((file) => /\.(js|css|json|html)$/.test(file));

/** Hosts whose URLs appear as text only: XML namespaces, JSON-schema ids, docs links in help texts and errors. */
const HARMLESS_HOSTS = new Set([
  'www.w3.org',
  'json-schema.org',
  'github.com',
  'code.visualstudio.com',
  'microsoft.com',
  'react.dev',
  'reactjs.org',
  'prettier.io',
  'en.wikipedia.org',
  'commonmark.org',
  'yarnpkg.com',
]);

/** Where the common CDNs and font hosts would show up if anything loaded from them. */
const CDN = /esm\.sh|unpkg\.com|jsdelivr|cdnjs|googleapis|gstatic|apollographql\.com|cloudflare|fastly|skypack/i;

describe('the bundle in dist/assets', () => {
  it('was built: a script, a style sheet, three workers and a manifest', () => {
    const names = files.map((file) => relative(playgroundAssetsDir, file).replaceAll('\\', '/'));
    expect(names).toContain('manifest.json');
    expect(names.filter((name) => /^playground-[A-Z0-9]+\.js$/.test(name))).toHaveLength(1);
    expect(names.filter((name) => /^playground-[A-Z0-9]+\.css$/.test(name))).toHaveLength(1);
    for (const worker of ['editor', 'json', 'graphql']) {
      expect(names.filter((name) => new RegExp(`^workers/${worker}\\.worker-[A-Z0-9]+\\.js$`).test(name))).toHaveLength(
        1,
      );
    }
  });

  it('names no CDN or font host', () => {
    for (const file of code) expect(readFileSync(file, 'utf8'), file).not.toMatch(CDN);
  });

  it('has only harmless http(s) URLs, as text', () => {
    const unexpected: string[] = [];
    for (const file of code) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/https?:\/\/([a-z0-9.-]*)/gi)) {
        const host = (match[1] ?? '').toLowerCase();
        // `http://` alone or followed by a template expression is a linkifier's prefix, not a URL.
        if (host === '' || HARMLESS_HOSTS.has(host)) continue;
        unexpected.push(
          `${relative(playgroundAssetsDir, file)}: ${text.slice(Math.max(0, match.index - 60), match.index + 80)}`,
        );
      }
    }
    expect(unexpected).toEqual([]);
  });

  it('loads nothing from another origin: no remote import, url(), @import, worker or script', () => {
    const loading = [
      /\bimport\s*\(\s*["'`](https?:)?\/\//,
      /\bfrom\s*["'`](https?:)?\/\//,
      /\bimportScripts\s*\(\s*["'`](https?:)?\/\//,
      /\bnew\s+(Shared)?Worker\s*\(\s*["'`](https?:)?\/\//,
      /\burl\(\s*["']?(https?:)?\/\//,
      /@import\s+(url\()?["']?(https?:)?\/\//,
      /\bfetch\s*\(\s*["'`](https?:)?\/\//,
    ];
    for (const file of code) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of loading)
        expect(text, `${relative(playgroundAssetsDir, file)} ${pattern}`).not.toMatch(pattern);
    }
  });

  it('stays reasonably small', () => {
    const bytes = files.reduce((total, file) => total + statSync(file).size, 0);
    expect(bytes).toBeLessThan(10 * 1024 * 1024);
  });
});
