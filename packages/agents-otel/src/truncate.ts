/**
 * Length-bounded JSON serialisation that always returns VALID JSON.
 *
 * When the serialised value is longer than `maxLength`, every string leaf that carries content (text,
 * arguments, responses...) is capped at the largest common length that fits, and cut strings are suffixed
 * with {@link TRUNCATION_MARKER}. Structural strings (`type`, `role`, `id`, `name`, `finish_reason`, ...)
 * are never cut. If that is not enough, trailing top-level array elements are dropped and replaced by one
 * `{"type":"truncated"}` marker element. The JSON text itself is never cut.
 */

export const TRUNCATION_MARKER = '…[truncated]';
const MIN_LEAF = 16;
const STRUCTURAL_KEYS = new Set(['type', 'role', 'id', 'name', 'finish_reason', 'modality', 'mime_type', 'file_id']);

function cut(s: string, len: number): string {
  let end = Math.max(0, len);
  // never split a surrogate pair
  const code = s.charCodeAt(end - 1);
  if (end > 0 && code >= 0xd800 && code <= 0xdbff) end -= 1;
  return s.slice(0, end) + TRUNCATION_MARKER;
}

/** Truncate a plain (non-JSON) string to `maxLength` characters, marker included. */
export function truncateString(s: string, maxLength: number): string {
  if (s.length <= maxLength) return s;
  return cut(s, maxLength - TRUNCATION_MARKER.length);
}

/** Copy of `value` where every content string longer than `cap` is cut to `cap` chars + marker. */
function capLeaves(value: unknown, cap: number, key?: string): unknown {
  if (typeof value === 'string') {
    if (key !== undefined && STRUCTURAL_KEYS.has(key)) return value;
    return value.length > cap + TRUNCATION_MARKER.length ? cut(value, cap) : value;
  }
  if (Array.isArray(value)) return value.map((v) => capLeaves(v, cap));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = capLeaves(v, cap, k);
    return out;
  }
  return value;
}

function longestLeaf(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return value.reduce((m: number, v) => Math.max(m, longestLeaf(v)), 0);
  if (value !== null && typeof value === 'object') {
    let m = 0;
    for (const v of Object.values(value as Record<string, unknown>)) m = Math.max(m, longestLeaf(v));
    return m;
  }
  return 0;
}

/** JSON.stringify, bounded to `maxLength` characters while staying valid JSON. */
export function boundedJson(value: unknown, maxLength: number): string {
  const full = JSON.stringify(value) ?? 'null';
  if (full.length <= maxLength) return full;
  const copy: unknown = JSON.parse(full); // JSON-safe deep copy
  // 1) cap every content string at the largest length that fits (binary search, O(log n) serialisations)
  let lo = MIN_LEAF;
  let hi = longestLeaf(copy);
  let best: string | undefined;
  const bestValue: unknown = capLeaves(copy, MIN_LEAF);
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    const capped = capLeaves(copy, mid);
    const text = JSON.stringify(capped);
    if (text.length <= maxLength) {
      best = text;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (best !== undefined) return best;
  // 2) still too long with minimal strings: keep the longest prefix of the top-level array + a marker element
  if (Array.isArray(bestValue)) {
    const arr = bestValue;
    const marker = { type: 'truncated' };
    let keepLo = 0;
    let keepHi = arr.length - 1;
    let kept: string | undefined;
    while (keepLo <= keepHi) {
      const k = Math.floor((keepLo + keepHi) / 2);
      const text = JSON.stringify([...arr.slice(0, k), marker]);
      if (text.length <= maxLength) {
        kept = text;
        keepLo = k + 1;
      } else keepHi = k - 1;
    }
    if (kept !== undefined) return kept;
    return '[]';
  }
  if (typeof bestValue === 'string') {
    const t = JSON.stringify(cut(bestValue, Math.max(0, maxLength - TRUNCATION_MARKER.length - 2 - 6)));
    return t.length <= maxLength ? t : '""';
  }
  return copy !== null && typeof copy === 'object' ? '{}' : 'null';
}
