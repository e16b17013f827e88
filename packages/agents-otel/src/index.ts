export { type ContentCaptureMode, captureContentFromEnv } from './config.js';
export { AgentsContextManager } from './context-manager.js';
export type { RunnerLike } from './observe.js';
export type { AgentsOtelOptions } from './options.js';
export { AgentsOtelProcessor } from './processor.js';
export { registerAgentsOtel } from './register.js';
export { TRUNCATION_MARKER } from './truncate.js';
