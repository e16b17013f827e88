import { ENV_CAPTURE_MESSAGE_CONTENT } from './semconv.js';

/**
 * Content capture on spans from `OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT` (case-insensitive):
 * `true`, `1`, `span_only`, `span_and_event` → on; `event_only` (no events are emitted by this package),
 * `false`, `no_content`, anything else or unset → off.
 */
export function captureContentFromEnv(env: Record<string, string | undefined> = process.env): boolean {
  const raw = env[ENV_CAPTURE_MESSAGE_CONTENT];
  if (raw === undefined) return false;
  switch (raw.trim().toLowerCase()) {
    case 'true':
    case '1':
    case 'span_only':
    case 'span_and_event':
      return true;
    default:
      return false;
  }
}
