/** Reads the configuration that renderPlaygroundHtml put in the page as inert JSON. */
import { PLAYGROUND_CONFIG_ELEMENT_ID, type PlaygroundClientConfig } from '../shared.js';

export function readConfig(doc: Document = document): PlaygroundClientConfig {
  const element = doc.getElementById(PLAYGROUND_CONFIG_ELEMENT_ID);
  if (!element?.textContent) throw new Error(`The page has no #${PLAYGROUND_CONFIG_ELEMENT_ID} element.`);
  return JSON.parse(element.textContent) as PlaygroundClientConfig;
}
