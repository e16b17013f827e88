// Freshness gate: `npm test` fails when src/__generated__/ does not match what `npm run codegen`
// would write from the current schema and operations. Runs graphql-codegen in process, writes nothing.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CodegenConfig, generate } from '@graphql-codegen/cli';
import { afterAll, describe, expect, test } from 'vitest';
import config, { schemaFile } from '../codegen.js';

const pkgDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const schemaPath = resolve(pkgDir, schemaFile);
const generatedDir = join(pkgDir, 'src/__generated__');
const tmp = await mkdtemp(join(tmpdir(), 'nba-sdk-codegen-'));
afterAll(() => rm(tmp, { recursive: true, force: true }));

async function run(overrides: Partial<CodegenConfig> = {}): Promise<Map<string, string>> {
  const outputs = (await generate({ ...config, cwd: pkgDir, silent: true, verbose: false, ...overrides }, false)) as {
    filename: string;
    content: string;
  }[];
  return new Map(outputs.map((o) => [o.filename.replace(/\\/g, '/'), o.content]));
}

async function stale(outputs: Map<string, string>): Promise<string[]> {
  const names: string[] = [];
  for (const [filename, content] of outputs) {
    const onDisk = await readFile(join(pkgDir, filename), 'utf8').catch(() => undefined);
    if (onDisk !== content) names.push(filename);
  }
  return names;
}

describe('generated code', () => {
  test('src/__generated__ is up to date with the schema and operations of @nba-reporter/schema (run `npm run codegen`)', async () => {
    const outputs = await run();
    expect(await stale(outputs), 'stale generated files: run `npm run codegen` in packages/sdk').toEqual([]);
    const expected = [...outputs.keys()].map((f) => f.replace('src/__generated__/', '')).sort();
    expect((await readdir(generatedDir)).sort(), 'orphan files in src/__generated__').toEqual(expected);
    for (const content of outputs.values()) expect(content).toContain('DO NOT EDIT BY HAND');
  });

  test('a schema change without regenerating is detected', async () => {
    const schema = await readFile(schemaPath, 'utf8');
    expect(schema).toMatch(/enum ErrorCode \{/);
    const changed = join(tmp, 'schema.graphql');
    await writeFile(changed, schema.replace(/enum ErrorCode \{/, 'enum ErrorCode {\n  TEAPOT'));
    const outputs = await run({ schema: changed });
    expect(outputs.get('src/__generated__/enums.ts')).toContain("TEAPOT: 'TEAPOT'");
    expect(await stale(outputs)).toEqual(['src/__generated__/enums.ts']);
  });

  test('the README error table lists every ErrorCode of the schema', async () => {
    const readme = await readFile(join(pkgDir, 'README.md'), 'utf8');
    const schema = await readFile(schemaPath, 'utf8');
    // Descriptions first: one may contain braces (`GET /debug/traces/{traceId}`), which would end the enum early.
    const body = /enum ErrorCode \{([^}]*)\}/.exec(schema.replace(/"[^"\n]*"/g, '""'))?.[1] ?? '';
    const codes = body.replace(/"[^"\n]*"/g, '').match(/\b[A-Z][A-Z_]+\b/g) ?? [];
    expect(codes.length).toBeGreaterThan(5);
    for (const code of codes) expect(readme, `README is missing ${code}`).toContain(`| \`${code}\` |`);
  });

  test('operations are validated against the schema at codegen time', async () => {
    const docs = join(tmp, 'bad-field');
    await writeFile(`${docs}.graphql`, 'query Bad { health { uptime } }');
    await expect(run({ documents: [`${docs}.graphql`] })).rejects.toThrow(/uptime/);
  });

  test('the operation-map plugin enforces one root field and at most one $input variable', async () => {
    const two = join(tmp, 'two-roots.graphql');
    await writeFile(two, 'query TwoRoots { health { status } topics { name } }');
    await expect(run({ documents: [two] })).rejects.toThrow(/exactly one root field/);
    const vars = join(tmp, 'vars.graphql');
    await writeFile(
      vars,
      'mutation Vars($sessionId: ID!, $message: String!) { followUp(input: { sessionId: $sessionId, message: $message }) { sessionId } }',
    );
    await expect(run({ documents: [vars] })).rejects.toThrow(/\$input/);
  });
});
