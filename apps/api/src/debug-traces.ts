/**
 * Read-only JSON over the local trace view's store (see @nba-reporter/telemetry):
 *   GET /debug/traces?sessionId=…&limit=…   recent traces, newest first, with the store's bounds and fill (sessionId:
 *                                           the API's session id; traces carry its telemetry prefix)
 *   GET /debug/traces/{traceId}             one trace: every span with its attributes, and its GenAI metric points
 * Mounted only where the store runs (NBA_REPORTER_TRACE_VIEW; by default wherever the playground is on), behind
 * the same authentication as /graphql. With API keys, a caller sees only the traces of its own requests (their HTTP
 * span carries the key's name), as it owns only its own sessions. The requests themselves are not traced.
 */
import { telemetrySessionId } from '@nba-reporter/agent';
import type { ErrorCode } from '@nba-reporter/schema';
import type { TraceStoreReader } from '@nba-reporter/telemetry';
import express, { type RequestHandler, type Response } from 'express';
import { ATTR_API_KEY_NAME } from './telemetry.js';

export const TRACES_PATH = '/debug/traces';
const TRACE_ID = /^[0-9a-f]{32}$/;
const MAX_SESSION_ID_LENGTH = 200;
const MAX_LIMIT = 10_000;

function fail(
  res: Response,
  status: number,
  code: Extract<ErrorCode, 'BAD_REQUEST' | 'NOT_FOUND'>,
  message: string,
): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

const noStore: RequestHandler = (_req, res, next) => {
  res.set({ 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  next();
};

/** The caller's key name, set by the authentication middleware in `res.locals`; none with authentication off. */
function ownerOf(res: Response): { key: string; value: string } | undefined {
  const keyName = res.locals['keyName'];
  return typeof keyName === 'string' ? { key: ATTR_API_KEY_NAME, value: keyName } : undefined;
}

export function debugTracesRouter(store: TraceStoreReader): express.Router {
  const router = express.Router();
  router.use(noStore);

  router.get('/', (req, res) => {
    const { sessionId, limit } = req.query;
    if (sessionId !== undefined && (typeof sessionId !== 'string' || sessionId.length > MAX_SESSION_ID_LENGTH)) {
      return fail(
        res,
        400,
        'BAD_REQUEST',
        `sessionId must be one string of at most ${MAX_SESSION_ID_LENGTH} characters`,
      );
    }
    let max: number | undefined;
    if (limit !== undefined) {
      if (typeof limit !== 'string' || !/^\d+$/.test(limit) || Number(limit) < 1 || Number(limit) > MAX_LIMIT) {
        return fail(res, 400, 'BAD_REQUEST', `limit must be an integer from 1 to ${MAX_LIMIT}`);
      }
      max = Number(limit);
    }
    // Spans carry only a prefix of the session id (gen_ai.conversation.id): the full id is a bearer of the conversation.
    const conversation = sessionId === undefined ? undefined : telemetrySessionId(sessionId);
    res.json({
      traces: store.list({ sessionId: conversation, limit: max, attribute: ownerOf(res) }),
      store: store.stats(),
    });
  });

  router.get('/:traceId', (req, res) => {
    const traceId = String(req.params['traceId']).toLowerCase();
    if (!TRACE_ID.test(traceId)) return fail(res, 400, 'BAD_REQUEST', 'traceId must be 32 hexadecimal characters');
    const trace = store.get(traceId, ownerOf(res));
    if (!trace) {
      return fail(
        res,
        404,
        'NOT_FOUND',
        `No trace ${traceId} in the last ${store.stats().maxTraces} kept: not started, or already evicted`,
      );
    }
    res.json(trace);
  });

  return router;
}
