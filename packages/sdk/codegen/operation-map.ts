// A tiny local graphql-codegen plugin: emits the runtime operation map the client is built from.
// Each document in @nba-reporter/schema/operations/ must hold ONE named operation selecting ONE root field
// (the field's response key becomes the client method name) and declare either no variables
// or exactly one, named `$input`. Adding a .graphql file and running `npm run codegen` adds a method.
import type { DocumentNode, OperationDefinitionNode } from 'graphql';

interface Source {
  document?: DocumentNode;
  location?: string;
}

export function plugin(_schema: unknown, documents: Source[]): string {
  const entries: string[] = [];
  const imports: string[] = [];
  const seen = new Set<string>();
  const operations = documents
    .flatMap((source) =>
      (source.document?.definitions ?? [])
        .filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')
        .map((op) => ({ op, location: source.location ?? '<unknown>' })),
    )
    .sort((a, b) => (a.op.name?.value ?? '').localeCompare(b.op.name?.value ?? ''));
  for (const { op, location } of operations) {
    const fail = (why: string): never => {
      throw new Error(`${location}: ${why}`);
    };
    const name = op.name?.value ?? fail('operations must be named');
    if (!/^[A-Z][A-Za-z0-9]*$/.test(name)) fail(`operation name ${name} must be PascalCase`);
    if (op.operation === 'subscription') fail('subscriptions are not supported');
    const fields = op.selectionSet.selections;
    const root = fields[0];
    if (fields.length !== 1 || root?.kind !== 'Field') fail(`${name} must select exactly one root field`);
    const field = root as Extract<typeof root, { kind: 'Field' }>;
    const method = field.alias?.value ?? field.name.value;
    if (seen.has(method)) fail(`two operations select root field ${method}`);
    seen.add(method);
    const vars = op.variableDefinitions ?? [];
    if (vars.length > 1 || (vars.length === 1 && vars[0]?.variable.name.value !== 'input')) {
      fail(`${name} must declare no variables or exactly one named $input`);
    }
    imports.push(`${name}Document`);
    entries.push(`  ${method}: { document: ${name}Document, type: '${op.operation}', input: ${vars.length === 1} },`);
  }
  return [
    `import { ${imports.join(', ')} } from './operations.js';`,
    '',
    '/** Every operation the client exposes, keyed by method name (= the root field it selects). */',
    'export const operations = {',
    ...entries,
    '} as const;',
    '',
  ].join('\n');
}
