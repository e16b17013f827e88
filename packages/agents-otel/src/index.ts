export const hello = (): string => 'otel';
