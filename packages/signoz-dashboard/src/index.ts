/**
 * @nba-reporter/signoz-dashboard: the SigNoz dashboards for the NBA Reporter (dashboards/*.json), the code
 * that generates them from one definition, and the checks the tests run over them.
 */

export { type CheckOptions, checkDashboard, type DashboardFormat, detectFormat, variableReferences } from './check.js';
export { NBA_REPORTER_GENAI } from './definition.js';
export { type Extracted, type ExtractedQuery, extract, type FilterTerm, parseFilter } from './extract.js';
export type * from './model.js';
export { MODEL_PRICES, type ModelPrice } from './prices.js';
export { renderV5 } from './render-v5.js';
export { renderV6 } from './render-v6.js';
export { type Finding, referencedNames, type Telemetry, verifyAgainstTelemetry } from './verify.js';
