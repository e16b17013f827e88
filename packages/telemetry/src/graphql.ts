/**
 * The contrib GraphQL instrumentation, minus one leak: it records every parse and validation error message as an
 * exception event, and those messages can quote the client's document (`Expected value of type "ReportInput!",
 * found "<prompt>"`). With message content capture off, those two spans record the error's type and a fixed message
 * instead; the HTTP span still carries the error code (`error.type`), and the client still gets the full message.
 */
import type { Exception, Span, Tracer } from '@opentelemetry/api';
import { GraphQLInstrumentation, type GraphQLInstrumentationConfig } from '@opentelemetry/instrumentation-graphql';

/** Spans whose exception messages may quote the document. */
const DOCUMENT_SPANS = new Set(['graphql.parse', 'graphql.validate']);

export const OMITTED_ERROR_MESSAGE = 'message omitted: it may quote the request (content capture is off)';

/** The span itself, its `recordException` replaced (an own property: no wrapper on the span's other calls). */
function withoutMessages(span: Span): Span {
  const record = span.recordException.bind(span);
  span.recordException = (exception: Exception, time?: Parameters<Span['recordException']>[1]) => {
    const name =
      typeof exception === 'object' && exception !== null && 'name' in exception ? exception.name : undefined;
    record({ name: String(name ?? 'Error'), message: OMITTED_ERROR_MESSAGE }, time);
  };
  return span;
}

/** Per instance: set after `super()`, while the base constructor may already read `tracer`. */
const scrubbing = new WeakSet<object>();
/** One scrubbing tracer per tracer the base class hands out (it reads `tracer` for every span). */
const scrubbed = new WeakMap<Tracer, Tracer>();

function scrubbingTracer(tracer: Tracer): Tracer {
  let wrapped = scrubbed.get(tracer);
  if (!wrapped) {
    const startSpan = tracer.startSpan.bind(tracer);
    wrapped = Object.assign(Object.create(tracer) as Tracer, {
      startSpan: (...args: Parameters<Tracer['startSpan']>) => {
        const span = startSpan(...args);
        return DOCUMENT_SPANS.has(args[0]) ? withoutMessages(span) : span;
      },
    });
    scrubbed.set(tracer, wrapped);
  }
  return wrapped;
}

export class ContentSafeGraphQLInstrumentation extends GraphQLInstrumentation {
  constructor(config: GraphQLInstrumentationConfig, options: { captureContent: boolean }) {
    super(config);
    if (!options.captureContent) scrubbing.add(this);
  }

  protected override get tracer(): Tracer {
    const tracer = super.tracer;
    return scrubbing.has(this) ? scrubbingTracer(tracer) : tracer;
  }
}
