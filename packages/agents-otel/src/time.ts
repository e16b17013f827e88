import type { HrTime } from '@opentelemetry/api';

const ISO_RE = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:?\d\d)?$/;

/** ISO-8601 timestamp → HrTime, keeping every fractional digit given (up to nanoseconds). */
export function isoToHrTime(iso: string | null | undefined): HrTime | undefined {
  if (!iso) return undefined;
  // Fast path: the SDK writes Date#toISOString() (millisecond precision, 'Z'), which Date.parse reads exactly.
  if (iso.length === 24 && iso.charCodeAt(23) === 90 /* Z */) {
    const ms = Date.parse(iso);
    if (!Number.isNaN(ms)) return [Math.floor(ms / 1000), (ms % 1000) * 1e6];
  }
  const m = ISO_RE.exec(iso);
  if (!m) {
    const ms = Date.parse(iso);
    if (Number.isNaN(ms)) return undefined;
    return [Math.floor(ms / 1000), Math.round((ms % 1000) * 1e6)];
  }
  const seconds = Date.parse(`${m[1]}${m[3] ?? 'Z'}`);
  if (Number.isNaN(seconds)) return undefined;
  const frac = (m[2] ?? '').slice(0, 9).padEnd(9, '0');
  return [Math.floor(seconds / 1000), Number(frac)];
}

export function nowHrTime(): HrTime {
  const ms = performance.timeOrigin + performance.now();
  return [Math.floor(ms / 1000), Math.round((ms % 1000) * 1e6)];
}

/** Duration in seconds between two HrTimes (never negative). */
export function durationSeconds(start: HrTime, end: HrTime): number {
  const d = end[0] - start[0] + (end[1] - start[1]) / 1e9;
  return Math.max(d, 0);
}

export function hrTimeBefore(a: HrTime, b: HrTime): boolean {
  return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
}
