import type express from 'express';

/** Placeholder until the playground package lands: mounts nothing. */
export function mountPlayground(_app: express.Express, _enabled: boolean): void {}
