import { expect, test } from 'vitest';
import { hello } from '@nba-reporter/agents-otel';
test('source condition', () => { expect(hello()).toBe('otel'); expect(process.version).toMatch(/^v24/); });
