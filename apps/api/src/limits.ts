/**
 * Cost bounds of one GraphQL document, all checked before anything runs:
 * - tokens: graphql-js's own parser limit (`parseOptions.maxTokens`), which also bounds nesting, so the recursive
 *   parser and validators can never overflow the stack on a deep document;
 * - depth, aliases, directives: GraphQL Armor's validation rules;
 * - agent turns: at most one `report`/`followUp` selection per document (aliases and fragments included).
 */
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/** The limits, documented in the README. */
export const DOCUMENT_LIMITS = Object.freeze({
  /** Lexical tokens per document (the full introspection query has about 190). */
  maxTokens: 1000,
  /** Field nesting (our deepest useful query, `report { usage { … } }`, has 3); introspection is exempt. */
  maxDepth: 8,
  maxAliases: 10,
  maxDirectives: 10,
  /** Agent turns (`report` / `followUp` selections) per document. */
  maxTurns: 1,
});

/** Root fields that run an agent turn (a model call). */
export const TURN_FIELDS: ReadonlySet<string> = new Set(['report', 'followUp']);

/**
 * Armor's rules throw on rejection, which Apollo turns into a 500; reporting the error instead makes it an ordinary
 * validation error (400, GRAPHQL_VALIDATION_FAILED). Armor prefixes "Syntax Error: ", which it is not.
 */
const reportRejection = (context: ValidationContext | null, error: GraphQLError): void => {
  context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, '')));
};

export function documentValidationRules(): ValidationRule[] {
  const common = { exposeLimits: true, propagateOnRejection: false, onReject: [reportRejection] };
  return [
    maxDepthRule({ ...common, n: DOCUMENT_LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true }),
    maxAliasesRule({ ...common, n: DOCUMENT_LIMITS.maxAliases }),
    maxDirectivesRule({ ...common, n: DOCUMENT_LIMITS.maxDirectives }),
  ] as unknown as ValidationRule[];
}

/**
 * How many agent turns executing `operation` would run: the distinct response keys (alias or name) of turn fields
 * at its root, through fragments. Directives are ignored on purpose: `@skip(if: $v)` still counts.
 */
export function countTurnSelections(document: DocumentNode, operation: OperationDefinitionNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const keys = new Set<string>();
  const visited = new Set<string>();
  const pending: SelectionSetNode[] = [operation.selectionSet];
  while (pending.length > 0) {
    for (const selection of pending.pop()!.selections) {
      if (selection.kind === Kind.FIELD) {
        if (TURN_FIELDS.has(selection.name.value)) keys.add(selection.alias?.value ?? selection.name.value);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        pending.push(selection.selectionSet);
      } else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) pending.push(fragment.selectionSet);
      }
    }
  }
  return keys.size;
}

/** The error for a document selecting more than one turn (HTTP 400, nothing runs). */
export function tooManyTurnsError(turns: number): GraphQLError {
  return new GraphQLError(
    `A request may run at most ${DOCUMENT_LIMITS.maxTurns} agent turn (one report or followUp selection); this one selects ${turns}`,
    {
      extensions: {
        code: 'ONE_TURN_PER_REQUEST',
        limit: DOCUMENT_LIMITS.maxTurns,
        http: { status: 400, headers: new Map() },
      },
    },
  );
}

/** The error for a subscription sent to the request/response endpoint (HTTP 400). */
export function subscriptionNotSupportedError(): GraphQLError {
  return new GraphQLError('Subscription operations are not served at /graphql', {
    extensions: { code: 'BAD_REQUEST', http: { status: 400, headers: new Map() } },
  });
}

// GraphQL Armor's formatter, run on validation errors; the pattern below also covers what it leaves (enum-value
// suggestions, "Did you mean the enum value …", and variable-coercion errors, which are not validation errors).
const armorSuggestionFilter = (
  blockFieldSuggestionsPlugin({ mask: '' }).onValidate as unknown as () => (payload: {
    valid: boolean;
    result: readonly GraphQLError[];
    setResult: (errors: readonly GraphQLError[]) => void;
  }) => void
)();

const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/** Removes "Did you mean …?" hints from validation errors in place (they reveal the schema to a prober). */
export function hideSuggestions(errors: readonly GraphQLError[]): void {
  armorSuggestionFilter({ valid: false, result: errors, setResult: () => {} });
  for (const error of errors) error.message = stripSuggestions(error.message);
}

export function stripSuggestions(message: string): string {
  return message.replace(SUGGESTION, '').trim();
}
