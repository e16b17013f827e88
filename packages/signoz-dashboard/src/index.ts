/**
 * @nba-reporter/signoz-dashboard: the SigNoz dashboards for the NBA Reporter (dashboards/*.json), the code
 * that generates them from one definition, and the checks the tests run over them.
 */
export { NBA_REPORTER_GENAI } from './definition.js';
export { MODEL_PRICES, type ModelPrice } from './prices.js';
export { renderV6 } from './render-v6.js';
export { renderV5 } from './render-v5.js';
export { checkDashboard, detectFormat, variableReferences, type CheckOptions, type DashboardFormat } from './check.js';
export { extract, parseFilter, type Extracted, type ExtractedQuery, type FilterTerm } from './extract.js';
export { verifyAgainstTelemetry, referencedNames, type Finding, type Telemetry } from './verify.js';
export type * from './model.js';
