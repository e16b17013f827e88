import { ENV_CAPTURE_MESSAGE_CONTENT } from './semconv.js';

/** Where message content goes: nowhere (default), span attributes, inference-details events, or both. */
export type ContentCaptureMode = 'no_content' | 'span_only' | 'event_only' | 'span_and_event';

/**
 * Content capture mode from `OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT` (case-insensitive), with the values
 * of the Python GenAI instrumentations: `span_only`, `event_only`, `span_and_event`, `no_content`; `true` and `1` mean
 * `span_only`; `false`, anything else or unset mean `no_content`.
 */
export function contentCaptureFromEnv(env: Record<string, string | undefined> = process.env): ContentCaptureMode {
  const raw = env[ENV_CAPTURE_MESSAGE_CONTENT];
  if (raw === undefined) return 'no_content';
  switch (raw.trim().toLowerCase()) {
    case 'true':
    case '1':
    case 'span_only':
      return 'span_only';
    case 'event_only':
      return 'event_only';
    case 'span_and_event':
      return 'span_and_event';
    default:
      return 'no_content';
  }
}

/**
 * True when `OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT` puts content on spans (`span_only`, `true`, `1`,
 * `span_and_event`): for other instrumentations of the same process that must keep user text off their spans otherwise.
 */
export function captureContentFromEnv(env: Record<string, string | undefined> = process.env): boolean {
  const mode = contentCaptureFromEnv(env);
  return mode === 'span_only' || mode === 'span_and_event';
}
