export { ErrorCode, ToolCallStatus, Topic } from './__generated__/enums.js';
export type { FollowUpInput, ReportInput } from './__generated__/operations.js';
export {
  type CallOptions,
  createNbaReporterClient,
  type HeadersInitLike,
  type HeadersOption,
  type NbaReporterClient,
  type NbaReporterClientOptions,
  type OperationInput,
  type OperationName,
  type OperationResult,
} from './client.js';
export {
  type ClientErrorCode,
  type GraphQLErrorPayload,
  isNbaReporterError,
  isServerErrorCode,
  NbaReporterError,
  type NbaReporterErrorCode,
  type NbaReporterErrorInit,
  type ServerErrorCode,
} from './errors.js';
export type { OpenTelemetryApiLike } from './trace.js';

import type { OperationResult } from './client.js';
/** One answered turn of a conversation, as `report` and `followUp` return it. */
export type AgentTurn = OperationResult<'report'>;
/** One entry of `topics()`. */
export type TopicInfo = OperationResult<'topics'>[number];
/** What `health()` returns. */
export type Health = OperationResult<'health'>;
/** One event of `reportStream` / `followUpStream`: `TextDelta`, `ToolCallEvent` or `TurnCompleted` (narrow by `__typename`). */
export type TurnEvent = OperationResult<'reportStream'>;
