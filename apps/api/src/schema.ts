import { readFileSync } from 'node:fs';

/**
 * The SDL is the single source of truth (the SDK is generated from it). The path works from
 * both src/ (tests) and dist/ (built server): each is one level below the package root.
 */
export const SCHEMA_PATH = new URL('../src/schema/schema.graphql', import.meta.url);

export const typeDefs = readFileSync(SCHEMA_PATH, 'utf8');
