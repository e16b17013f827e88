export { registerAgentsOtel } from './register.js';
export { AgentsOtelProcessor } from './processor.js';
export { AgentsContextManager } from './context-manager.js';
export type { AgentsOtelOptions } from './options.js';
export { captureContentFromEnv, type ContentCaptureMode } from './config.js';
export type { RunnerLike } from './observe.js';
export { TRUNCATION_MARKER } from './truncate.js';
