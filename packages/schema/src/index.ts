/**
 * The API contract, for code: the SDL as a string (what the server serves), the schema's enums as
 * `as const` objects with literal-union types, and the playground's example documents.
 * Everything here is generated from schema.graphql and examples/*.graphql (`npm run codegen`).
 */
export { exampleDocuments, typeDefs } from './__generated__/documents.js';
export { ErrorCode, Topic } from './__generated__/enums.js';

export { errorCodes, isErrorCode } from './error-codes.js';
