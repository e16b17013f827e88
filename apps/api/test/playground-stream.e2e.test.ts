/**
 * Issue 15, end to end in Debian's chromium: the playground's ReportStream example runs a subscription over
 * GraphQL over SSE and shows the answer's text as it arrives. The built API answers with the openai-compatible
 * provider from the scripted server, which writes its deltas slowly, so every step of the text is visible.
 */
import { existsSync } from 'node:fs';
import { type ScriptedOpenAI, type SpawnedApi, spawnApi, startScriptedOpenAI } from '@nba-reporter/testing';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const inCI = Boolean(process.env.CI) && process.env.CI !== 'false';
const skipBrowser = !existsSync(CHROMIUM) && !inCI;
if (skipBrowser)
  console.warn(
    `[playground-stream.e2e] SKIPPED: ${CHROMIUM} is missing (apt-get install -y chromium); in CI it always runs.`,
  );

const ANSWER = 'The Raptors went 46-36, which works out to a .561 winning percentage this season.';

describe.skipIf(skipBrowser)('playground streaming example, in chromium', () => {
  let scripted: ScriptedOpenAI;
  let api: SpawnedApi;
  let browser: Browser;

  beforeAll(async () => {
    scripted = await startScriptedOpenAI();
    api = await spawnApi({
      env: {
        NBA_REPORTER_MODEL_PROVIDER: 'openai-compatible',
        NBA_REPORTER_MODEL: 'local-model',
        OPENAI_BASE_URL: scripted.baseURL,
        OTEL_SDK_DISABLED: 'true',
      },
      timeoutMs: 30_000,
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 40_000);

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    await scripted?.close();
  });

  it('shows the streamed text growing delta by delta, then the completed turn in the bar', async () => {
    scripted.enqueue(
      'chat.completions',
      { toolCalls: [{ name: 'calculate_win_percentage', arguments: { wins: 46, losses: 36 } }] },
      { text: ANSWER, chunkSize: 6, chunkDelayMs: 60 },
    );
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // Record every text the panel shows, from the moment it exists.
    // (A string: this package compiles without the DOM library.)
    await page.addInitScript(`
      window.streamTexts = [];
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="stream-text"]')?.textContent;
        if (text !== undefined && text !== null && window.streamTexts.at(-1) !== text) window.streamTexts.push(text);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    `);
    await page.goto(`${api.url}/`);
    await page.locator('.graphiql-query-editor .monaco-editor').waitFor();
    await page.getByRole('tab', { name: 'ReportStream' }).click();
    const queryText = async () =>
      (await page.locator('.graphiql-query-editor .view-lines').innerText()).replaceAll('\u00a0', ' ');
    await expect.poll(queryText, { timeout: 20_000 }).toContain('subscription ReportStream');
    await page.locator('.graphiql-execute-button').click();

    await expect.poll(() => page.getByTestId('stream-status').innerText(), { timeout: 20_000 }).toBe('completed');
    expect((await page.getByTestId('stream-text').innerText()).trim()).toBe(ANSWER);
    const texts = (await page.evaluate('window.streamTexts')) as string[];
    // It grew in steps (one per delta of 6 characters, give or take what the sanitiser held back), each a prefix of the next.
    expect(texts.filter((t) => t.length > 0).length).toBeGreaterThanOrEqual(8);
    for (let i = 1; i < texts.length; i++) expect(texts[i]!.startsWith(texts[i - 1]!)).toBe(true);
    expect(texts.at(-1)).toBe(ANSWER);
    // The completed turn reached the header bar (its sessionId), as for the mutations.
    await expect.poll(() => page.getByTestId('last-session-id').innerText()).toMatch(/\S{20,}/);
    expect(await page.getByTestId('last-operation').innerText()).toContain('ReportStream');
    expect(scripted.requestsTo('chat.completions').map((r) => r.body.stream)).toEqual([true, true]);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 90_000);
});
