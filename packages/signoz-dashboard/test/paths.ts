import { fileURLToPath } from 'node:url';

export const packageDir = fileURLToPath(new URL('..', import.meta.url));
export const V6_FILE = fileURLToPath(new URL('../dashboards/nba-reporter-genai.json', import.meta.url));
export const V5_FILE = fileURLToPath(new URL('../dashboards/v5/nba-reporter-genai.json', import.meta.url));
export const README_FILE = fileURLToPath(new URL('../README.md', import.meta.url));
export const COLLECTOR_FILE = fileURLToPath(new URL('../collector/otel-collector-config.yaml', import.meta.url));
