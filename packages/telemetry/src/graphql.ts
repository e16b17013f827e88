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

function withoutMessages(span: Span): Span {
  return new Proxy(span, {
    get(target, property) {
      if (property === 'recordException') {
        return (exception: Exception, time?: Parameters<Span['recordException']>[1]) => {
          const name =
            typeof exception === 'object' && exception !== null && 'name' in exception ? exception.name : undefined;
          target.recordException({ name: String(name ?? 'Error'), message: OMITTED_ERROR_MESSAGE }, time);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Per instance: set after `super()`, while the base constructor may already read `tracer`. */
const scrubbing = new WeakSet<object>();

export class ContentSafeGraphQLInstrumentation extends GraphQLInstrumentation {
  constructor(config: GraphQLInstrumentationConfig, options: { captureContent: boolean }) {
    super(config);
    if (!options.captureContent) scrubbing.add(this);
  }

  protected override get tracer(): Tracer {
    const tracer = super.tracer;
    if (!scrubbing.has(this)) return tracer;
    return new Proxy(tracer, {
      get(target, property) {
        if (property === 'startSpan') {
          return (name: string, ...rest: unknown[]) => {
            const span = (target.startSpan as (...args: unknown[]) => Span)(name, ...rest);
            return DOCUMENT_SPANS.has(name) ? withoutMessages(span) : span;
          };
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }
}
