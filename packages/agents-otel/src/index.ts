export { AgentsOtelProcessor, registerAgentsOtel, modelErrorType, type AgentsOtelOptions } from './processor.js';
export { AgentsContextManager } from './context-manager.js';
export { captureContentFromEnv } from './config.js';
export { TRUNCATION_MARKER } from './truncate.js';
export * from './semconv.js';
