import { typeDefs } from '@nba-reporter/schema';
import { buildSchema, Kind, type OperationDefinitionNode, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { FOLLOW_UP_QUESTION, OFF_TOPIC_QUESTION, TOOL_CALLING_QUESTION } from '../src/examples.js';
import { playgroundExamples } from '../src/index.js';

// The API's schema (the contract package): the examples must stay valid against it.
const schema = buildSchema(typeDefs);

function operationOf(query: string): OperationDefinitionNode {
  const [definition, ...rest] = parse(query).definitions;
  expect(rest).toHaveLength(0);
  if (definition?.kind !== Kind.OPERATION_DEFINITION) throw new Error('not an operation');
  return definition;
}

describe('playgroundExamples', () => {
  it('are valid against the API schema, one named operation each, with unique names', () => {
    const names = new Set<string>();
    for (const example of playgroundExamples) {
      const document = parse(example.query);
      expect(validate(schema, document), example.operationName).toEqual([]);
      const operation = operationOf(example.query);
      expect(operation.name?.value).toBe(example.operationName);
      names.add(example.operationName);
      // Variables given are exactly the ones declared (so they run as they are).
      const declared = (operation.variableDefinitions ?? []).map((definition) => definition.variable.name.value).sort();
      expect(Object.keys(example.variables).sort(), example.operationName).toEqual(declared);
    }
    expect(names.size).toBe(playgroundExamples.length);
  });

  it('cover an overview, a tool-calling question, a follow-up by $sessionId and an off-topic question', () => {
    const byName = new Map(playgroundExamples.map((example) => [example.operationName, example]));
    expect(byName.get('ReportOverview')?.variables).not.toHaveProperty('message');
    expect(byName.get('ReportWinPercentage')?.variables).toMatchObject({ message: TOOL_CALLING_QUESTION });
    expect(TOOL_CALLING_QUESTION).toBe('The Raptors went 46-36 this NBA season. What was their win percentage?');
    expect(byName.get('FollowUp')?.query).toMatch(/\$sessionId: ID!/);
    expect(byName.get('FollowUp')?.variables).toMatchObject({ sessionId: '', message: FOLLOW_UP_QUESTION });
    expect(byName.get('OffTopic')?.variables).toMatchObject({ message: OFF_TOPIC_QUESTION });
    expect(OFF_TOPIC_QUESTION).toBe("What's the weather in Barcelona today?");
  });

  it('select sessionId and traceId on every agent turn', () => {
    for (const example of playgroundExamples) {
      if (!/\b(report|followUp)\s*\(/.test(example.query)) continue;
      expect(example.query, example.operationName).toMatch(/^\s+sessionId$/m);
      expect(example.query, example.operationName).toMatch(/^\s+traceId$/m);
    }
  });
});
