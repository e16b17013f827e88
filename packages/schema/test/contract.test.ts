// The contract package's own checks: the generated modules match schema.graphql and examples/ (freshness gate, like
// the SDK's), and what the server serves is exactly the SDL on disk.
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { buildSchema, isEnumType } from 'graphql';
import { describe, expect, test } from 'vitest';
import config from '../codegen.js';
import { ErrorCode, errorCodes, exampleDocuments, isErrorCode, typeDefs } from '../src/index.js';

const pkgDir = fileURLToPath(new URL('..', import.meta.url));

describe('@nba-reporter/schema', () => {
  test('src/__generated__ is up to date with schema.graphql and examples/ (run `npm run codegen`)', async () => {
    const outputs = (await generate({ ...config, cwd: pkgDir, silent: true, verbose: false }, false)) as {
      filename: string;
      content: string;
    }[];
    const stale: string[] = [];
    for (const { filename, content } of outputs) {
      if ((await readFile(new URL(filename, `file://${pkgDir}`), 'utf8').catch(() => undefined)) !== content)
        stale.push(filename);
    }
    expect(stale, 'stale generated files: run `npm run codegen` in packages/schema').toEqual([]);
    const expected = outputs.map((o) => o.filename.replace('src/__generated__/', '')).sort();
    expect((await readdir(new URL('src/__generated__/', `file://${pkgDir}`))).sort()).toEqual(expected);
  });

  test('typeDefs is schema.graphql, byte for byte', async () => {
    expect(typeDefs).toBe(await readFile(new URL('schema.graphql', `file://${pkgDir}`), 'utf8'));
  });

  test('errorCodes are exactly the values of the schema ErrorCode enum', () => {
    const type = buildSchema(typeDefs).getType('ErrorCode');
    if (!isEnumType(type)) throw new Error('ErrorCode is not an enum');
    const values = type.getValues().map((v) => v.name);
    expect([...errorCodes].sort()).toEqual([...values].sort());
    expect(ErrorCode.SESSION_NOT_FOUND).toBe('SESSION_NOT_FOUND');
    expect(isErrorCode('SESSION_NOT_FOUND')).toBe(true);
    expect(isErrorCode('CONFIG_ERROR')).toBe(false);
  });

  test('every file in examples/ is exported by its operation name', async () => {
    const files = (await readdir(new URL('examples/', `file://${pkgDir}`))).filter((f) => f.endsWith('.graphql'));
    expect(Object.keys(exampleDocuments).sort()).toEqual(files.map((f) => f.replace(/\.graphql$/, '')).sort());
    for (const [name, document] of Object.entries(exampleDocuments))
      expect(document).toMatch(new RegExp(`(query|mutation|subscription) ${name}\\b`));
  });
});
