/**
 * The committed dashboards are exactly what src/definition.ts renders to, so the v6 and v5 files cannot drift.
 * Regenerate with `npm run generate -w @nba-reporter/signoz-dashboard` (UPDATE_DASHBOARDS=1).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, test } from 'vitest';
import { NBA_REPORTER_GENAI, renderV5, renderV6 } from '../src/index.js';
import { V5_FILE, V6_FILE } from './paths.js';

const files = [
  { file: V6_FILE, render: renderV6, label: 'v6 (dashboards/nba-reporter-genai.json)' },
  { file: V5_FILE, render: renderV5, label: 'v5 (dashboards/v5/nba-reporter-genai.json)' },
];

describe('generated dashboards', () => {
  for (const { file, render, label } of files) {
    test(`${label} matches src/definition.ts`, () => {
      const expected = `${JSON.stringify(render(NBA_REPORTER_GENAI), null, 2)}\n`;
      if (process.env.UPDATE_DASHBOARDS === '1') {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, expected);
      }
      expect(readFileSync(file, 'utf8'), 'run `npm run generate -w @nba-reporter/signoz-dashboard`').toBe(expected);
    });
  }
});
