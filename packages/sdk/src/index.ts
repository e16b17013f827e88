export {
  createNbaReporterClient,
  type CallOptions,
  type HeadersInitLike,
  type HeadersOption,
  type NbaReporterClient,
  type NbaReporterClientOptions,
  type OperationInput,
  type OperationName,
  type OperationResult,
} from './client.js';
export {
  isNbaReporterError,
  isServerErrorCode,
  NbaReporterError,
  type ClientErrorCode,
  type GraphQLErrorPayload,
  type NbaReporterErrorCode,
  type NbaReporterErrorInit,
  type ServerErrorCode,
} from './errors.js';
export type { OpenTelemetryApiLike } from './trace.js';
export { ErrorCode, Topic } from './__generated__/enums.js';
export type { FollowUpInput, ReportInput } from './__generated__/operations.js';

import type { OperationResult } from './client.js';
/** One answered turn of a conversation, as `report` and `followUp` return it. */
export type AgentTurn = OperationResult<'report'>;
/** One entry of `topics()`. */
export type TopicInfo = OperationResult<'topics'>[number];
/** What `health()` returns. */
export type Health = OperationResult<'health'>;
