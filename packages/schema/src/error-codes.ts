import { ErrorCode } from './__generated__/enums.js';

/** Every `ErrorCode` the API can put in `extensions.code` (the generated enum's values). */
export const errorCodes: readonly ErrorCode[] = Object.freeze(Object.values(ErrorCode));

/** Whether `code` is one of the schema's `ErrorCode` values. */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && (errorCodes as readonly string[]).includes(code);
}
