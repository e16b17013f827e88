/** What the Node side (renderPlaygroundHtml) and the browser bundle agree on. Pure data, no imports. */

/** The id of the inert JSON script element that carries {@link PlaygroundClientConfig} into the page. */
export const PLAYGROUND_CONFIG_ELEMENT_ID = 'nba-reporter-playground-config';

/** The id of the element the playground renders into. */
export const PLAYGROUND_ROOT_ELEMENT_ID = 'nba-reporter-playground';

/** The configuration the page hands to the bundle. */
export interface PlaygroundClientConfig {
  /** The GraphQL endpoint (same origin), e.g. `/graphql`. */
  readonly endpoint: string;
  readonly title: string;
  /** Where the API serves its local trace view's JSON (e.g. `/debug/traces`); null hides the trace panel. */
  readonly traces: string | null;
  /** URLs (paths on the same origin) of Monaco's web workers. */
  readonly workers: { readonly editor: string; readonly json: string; readonly graphql: string };
}
