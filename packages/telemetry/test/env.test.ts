import { describe, expect, test } from 'vitest';
import {
  hasOtlpEndpoint,
  isSdkDisabled,
  localDefault,
  spanTreeEnabled,
  TRACE_VIEW_DEFAULTS,
  traceViewSettings,
} from '../src/env.js';

describe('OTEL_* environment rules', () => {
  test('OTEL_SDK_DISABLED is true only for "true", case-insensitively', () => {
    expect(isSdkDisabled({ OTEL_SDK_DISABLED: 'true' })).toBe(true);
    expect(isSdkDisabled({ OTEL_SDK_DISABLED: ' TRUE ' })).toBe(true);
    expect(isSdkDisabled({ OTEL_SDK_DISABLED: '1' })).toBe(false);
    expect(isSdkDisabled({ OTEL_SDK_DISABLED: 'false' })).toBe(false);
    expect(isSdkDisabled({})).toBe(false);
  });

  test('an endpoint counts when set generically or for the signal itself', () => {
    expect(hasOtlpEndpoint('traces', { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' })).toBe(true);
    expect(hasOtlpEndpoint('traces', { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:4318/v1/traces' })).toBe(true);
    expect(hasOtlpEndpoint('metrics', { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:4318/v1/traces' })).toBe(false);
    expect(hasOtlpEndpoint('logs', { OTEL_EXPORTER_OTLP_ENDPOINT: '  ' })).toBe(false);
  });

  test('with no endpoint and no exporter variable, traces go to the terminal tree and metrics and logs stay off', () => {
    expect(localDefault('traces', {})).toBe('tree');
    expect(localDefault('metrics', {})).toBe('none');
    expect(localDefault('logs', {})).toBe('none');
  });

  test('an endpoint or an explicit exporter variable hands the signal to the standard NodeSDK rules', () => {
    const endpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' };
    expect(localDefault('traces', endpoint)).toBeUndefined();
    expect(localDefault('metrics', endpoint)).toBeUndefined();
    expect(localDefault('traces', { OTEL_TRACES_EXPORTER: 'console' })).toBeUndefined();
    expect(localDefault('metrics', { OTEL_METRICS_EXPORTER: 'prometheus' })).toBeUndefined();
    expect(localDefault('logs', { OTEL_TRACES_EXPORTER: 'console' })).toBe('none');
  });

  test('the span tree is on by default, off with NODE_ENV=production, and NBA_REPORTER_SPAN_TREE decides explicitly', () => {
    expect(spanTreeEnabled({})).toBe(true);
    expect(spanTreeEnabled({ NODE_ENV: 'production' })).toBe(false);
    expect(spanTreeEnabled({ NODE_ENV: 'production', NBA_REPORTER_SPAN_TREE: 'true' })).toBe(true);
    expect(spanTreeEnabled({ NBA_REPORTER_SPAN_TREE: 'FALSE' })).toBe(false);
    expect(localDefault('traces', { NODE_ENV: 'production' })).toBe('none');
  });
});

describe('the trace view setting (NBA_REPORTER_TRACE_VIEW)', () => {
  test('follows the playground by default: on in development, off in production', () => {
    expect(traceViewSettings({})).toEqual({ enabled: true, maxTraces: 200, maxBytes: 8 * 1024 * 1024 });
    expect(traceViewSettings({ NODE_ENV: 'production' }).enabled).toBe(false);
    expect(traceViewSettings({ NODE_ENV: 'production', NBA_REPORTER_PLAYGROUND: 'true' }).enabled).toBe(true);
    expect(traceViewSettings({ NBA_REPORTER_PLAYGROUND: 'false' }).enabled).toBe(false);
  });

  test('NBA_REPORTER_TRACE_VIEW overrides either way', () => {
    expect(traceViewSettings({ NODE_ENV: 'production', NBA_REPORTER_TRACE_VIEW: 'true' }).enabled).toBe(true);
    expect(traceViewSettings({ NBA_REPORTER_TRACE_VIEW: 'false' }).enabled).toBe(false);
    expect(traceViewSettings({ NBA_REPORTER_PLAYGROUND: 'false', NBA_REPORTER_TRACE_VIEW: '1' }).enabled).toBe(true);
  });

  test('bounds from NBA_REPORTER_TRACE_VIEW_MAX_TRACES / _MAX_BYTES; malformed ones keep the defaults', () => {
    expect(
      traceViewSettings({ NBA_REPORTER_TRACE_VIEW_MAX_TRACES: '50', NBA_REPORTER_TRACE_VIEW_MAX_BYTES: '1048576' }),
    ).toMatchObject({
      maxTraces: 50,
      maxBytes: 1048576,
    });
    expect(
      traceViewSettings({ NBA_REPORTER_TRACE_VIEW_MAX_TRACES: '0', NBA_REPORTER_TRACE_VIEW_MAX_BYTES: 'lots' }),
    ).toMatchObject(TRACE_VIEW_DEFAULTS);
  });
});
