/**
 * End-to-end: the offline GraphQL playground, served by the real (built) API, driven in Debian's chromium
 * through playwright-core — never a downloaded browser. Every request the page makes to anything but
 * loopback is aborted and recorded, and any such attempt fails the test: the playground must work offline.
 *
 * Needs /usr/bin/chromium (Debian's `chromium` package; .ci/run installs it). Outside CI the browser test
 * is skipped, with a message, when it is missing; in CI it always runs.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type SpawnedApi, spawnApi, startScriptedOpenAI } from '@nba-reporter/testing';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
// Flags for a closed network: no background connections to Google's services, no QUIC, no sandbox (root).
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
const ARTIFACTS_DIR = fileURLToPath(new URL('../test-artifacts/', import.meta.url));
const SCREENSHOT = `${ARTIFACTS_DIR}playground.png`;
const TRACE_SCREENSHOT = `${ARTIFACTS_DIR}trace-view.png`;
const GUARDRAIL_SCREENSHOT = `${ARTIFACTS_DIR}trace-view-guardrail.png`;
const MODEL = 'offline-nba-2024-25';
const FAULT_SCREENSHOT = `${ARTIFACTS_DIR}trace-view-model-fault.png`;

/** The waterfall's rows as "depth name" strings, in display order. */
async function waterfallNames(panel: Locator): Promise<string[]> {
  return panel
    .getByTestId('waterfall-row')
    .evaluateAll((rows) =>
      rows.map((row) => `${row.getAttribute('data-depth')} ${row.getAttribute('data-span-name')}`),
    );
}
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

const inCI = Boolean(process.env.CI) && process.env.CI !== 'false';
const haveChromium = existsSync(CHROMIUM);
const skipBrowser = !haveChromium && !inCI;
if (skipBrowser) {
  console.warn(
    `[playground.e2e] SKIPPED the browser test: ${CHROMIUM} is missing. Install Debian's chromium (apt-get install -y chromium) to run it; in CI it always runs.`,
  );
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Whether a URL stays on this machine: loopback, or a URL scheme with no network (data:, blob:, about:). */
function isLocal(url: string): boolean {
  const parsed = new URL(url);
  if (['data:', 'blob:', 'about:'].includes(parsed.protocol)) return true;
  return LOOPBACK_HOSTS.has(parsed.hostname) || /^127\.\d+\.\d+\.\d+$/.test(parsed.hostname);
}

/**
 * An editor's visible text as plain text. Monaco renders spaces as non-breaking ones and word-wraps long
 * lines (the response's message) into separate visual lines, so the lines are joined back without a break.
 */
async function editorText(editor: Locator): Promise<string> {
  return (await editor.locator('.view-lines').innerText()).replaceAll('\u00a0', ' ').replaceAll('\n', '');
}

/**
 * The JSON text without whitespace: with the trace panel open the response editor is narrower, and Monaco wraps a
 * long value (a uuid) mid-word onto an indented continuation line.
 */
const compact = (text: string): string => text.replace(/\s+/g, '');

/** Polls until `read()` satisfies `predicate`, then returns it; fails with the last value read. */
async function waitFor<T>(
  read: () => Promise<T>,
  predicate: (value: T) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    try {
      last = await read();
      if (predicate(last)) return last;
    } catch {
      // Not rendered yet.
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('playground', () => {
  let api: SpawnedApi;

  beforeAll(async () => {
    api = await spawnApi({ timeoutMs: 30_000 });
  }, 40_000);

  afterAll(async () => {
    await api?.stop();
  }, 20_000);

  describe('the GraphQL endpoint keeps its behaviour', () => {
    it('serves the page to a browser at / and /graphql, without any external URL', async () => {
      for (const path of ['/', '/graphql']) {
        const response = await fetch(`${api.url}${path}`, { headers: { accept: BROWSER_ACCEPT } });
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toMatch(/^text\/html/);
        expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
        const html = await response.text();
        expect(html).toContain('id="nba-reporter-playground"');
        expect(html).toContain('"endpoint":"/graphql"');
        expect(html).not.toMatch(/https?:\/\//);
        // The assets it references are served, content-hashed and cacheable.
        const script = /<script type="module" src="([^"]+)"/.exec(html)?.[1];
        expect(script).toMatch(/^\/playground\/playground-[A-Z0-9]+\.js$/);
        const asset = await fetch(`${api.url}${script}`);
        expect(asset.status).toBe(200);
        expect(asset.headers.get('content-type')).toMatch(/javascript/);
        expect(asset.headers.get('cache-control')).toContain('immutable');
        await asset.arrayBuffer();
      }
    });

    it('still answers a JSON POST', async () => {
      const response = await fetch(api.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ health { status provider } }' }),
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { data?: { health?: { status?: string; provider?: string } } };
      expect(body.data?.health?.status).toBe('ok');
      expect(body.data?.health?.provider).toBe('offline');
    });

    it('does not serve the HTML to a GET that accepts JSON', async () => {
      for (const accept of ['application/json', 'application/graphql-response+json']) {
        const response = await fetch(`${api.graphqlUrl}?query=${encodeURIComponent('{ health { status } }')}`, {
          headers: { accept, 'apollo-require-preflight': 'true' },
        });
        expect(response.headers.get('content-type')).not.toMatch(/text\/html/);
        const body = (await response.json()) as { data?: { health?: { status?: string } } };
        expect(body.data?.health?.status).toBe('ok');
      }
      // No preflight header: Apollo's CSRF prevention still refuses the GET, as JSON.
      const blocked = await fetch(`${api.graphqlUrl}?query=${encodeURIComponent('{ health { status } }')}`, {
        headers: { accept: 'application/json' },
      });
      expect(blocked.status).toBe(400);
      expect(blocked.headers.get('content-type')).toMatch(/application\/json/);
      await blocked.arrayBuffer();
    });

    it('still blocks a text/plain POST as CSRF (400)', async () => {
      const response = await fetch(api.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ query: '{ health { status } }' }),
      });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { errors?: Array<{ message: string; extensions?: { code?: string } }> };
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
      expect(body.errors?.[0]?.message).toMatch(/CSRF/);
    });
  });

  describe.skipIf(skipBrowser)(`in Debian's chromium (${CHROMIUM}), offline`, () => {
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    /** Every request the page tried to send off this machine (aborted). */
    const offMachine: string[] = [];
    const pageErrors: string[] = [];
    const consoleErrors: string[] = [];

    beforeAll(async () => {
      if (!haveChromium)
        throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium).`);
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, serviceWorkers: 'block' });
      await context.route('**/*', async (route) => {
        const url = route.request().url();
        if (isLocal(url)) return route.continue();
        offMachine.push(url);
        return route.abort('blockedbyclient');
      });
      await context.routeWebSocket(/.*/, (ws) => {
        if (isLocal(ws.url())) return ws.connectToServer();
        offMachine.push(ws.url());
        return ws.close();
      });
      // Belt and braces: a request that escaped routing (e.g. from a worker) is still seen here.
      context.on('request', (request) => {
        const url = request.url();
        if (!isLocal(url) && !offMachine.includes(url)) offMachine.push(url);
      });
      page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
    }, 30_000);

    afterAll(async () => {
      await browser?.close();
    });

    it('runs the example report, then the follow-up with its session id, and shows both answers with their trace ids', async () => {
      const introspected = page.waitForResponse(
        (response) => response.url() === api.graphqlUrl && response.request().method() === 'POST',
      );
      await page.goto(`${api.url}/`);
      expect(await page.title()).toContain('NBA Reporter');
      expect((await introspected).status()).toBe(200);

      // Editors ready, the examples are tabs.
      const queryEditor = page.locator('.graphiql-query-editor .monaco-editor');
      const variablesEditor = page.locator('.graphiql-editor-tool .graphiql-editor:not(.hidden) .monaco-editor');
      const responseEditor = page.locator('.result-window .monaco-editor');
      await queryEditor.waitFor();
      await variablesEditor.waitFor();
      for (const name of ['ReportOverview', 'ReportWinPercentage', 'FollowUp', 'OffTopic']) {
        await page.getByRole('tab', { name }).waitFor();
      }

      // The schema docs, from introspection.
      await page.locator('.graphiql-sidebar button[aria-label="Show Documentation Explorer"]').click();
      const docs = page.locator('.graphiql-doc-explorer');
      await waitFor(
        () => docs.innerText(),
        (text) => text.includes('mutation: Mutation') && text.includes('AgentTurn'),
        'the schema docs',
      );
      await page.locator('.graphiql-sidebar button[aria-label="Hide Documentation Explorer"]').click();

      // 1. The tool-calling report.
      await page.getByRole('tab', { name: 'ReportWinPercentage' }).click();
      await waitFor(
        () => editorText(queryEditor),
        (text) => text.includes('mutation ReportWinPercentage'),
        'the report example',
      );
      await waitFor(
        () => editorText(variablesEditor),
        (text) => text.includes('What was their win percentage?'),
        'its variables',
      );
      await page.locator('.graphiql-execute-button').click();

      const sessionId = (
        await waitFor(
          () => page.getByTestId('last-session-id').innerText(),
          (text) => text.length > 8,
          'the sessionId in the bar',
        )
      ).trim();
      const firstTraceId = (await page.getByTestId('last-trace-id').innerText()).trim();
      expect(await page.getByTestId('last-operation').innerText()).toContain('ReportWinPercentage');
      expect(firstTraceId).toMatch(/^[0-9a-f]{32}$/);
      const reportText = await waitFor(
        () => editorText(responseEditor),
        (text) => text.includes('"report"'),
        'the report in the response editor',
      );
      expect(compact(reportText)).toContain(`"sessionId":"${sessionId}"`);
      expect(compact(reportText)).toContain(`"traceId":"${firstTraceId}"`);
      expect(reportText).toContain('.561');
      expect(reportText).not.toContain('"errors"');

      // 1b. Its trace, beside the answer: the waterfall, then a span's GenAI attributes.
      await page.getByTestId('open-trace').click();
      const panel = page.getByTestId('trace-panel');
      await panel.waitFor();
      await waitFor(
        () => panel.getByTestId('trace-panel-id').innerText(),
        (text) => text.trim() === firstTraceId,
        'the report trace in the panel',
      );
      const rows = await waitFor(
        () => waterfallNames(panel),
        (names) => names.length === 10,
        'the complete waterfall',
      );
      expect(rows).toEqual([
        '0 POST /graphql',
        '1 graphql.parse',
        '1 graphql.validate',
        '1 mutation ReportWinPercentage',
        '2 graphql.resolve report',
        '3 invoke_agent NBA_Reporter',
        '4 run_guardrail nba_content_guardrail',
        `4 chat ${MODEL}`,
        '4 execute_tool calculate_win_percentage',
        `4 chat ${MODEL}`,
      ]);
      for (const duration of await panel.getByTestId('span-duration').allInnerTexts())
        expect(duration).toMatch(/^\d+(\.\d+)? m?s$/);
      const inputTokens = Number(/"inputTokens": (\d+)/.exec(reportText)?.[1]);
      const outputTokens = Number(/"outputTokens": (\d+)/.exec(reportText)?.[1]);
      expect(await panel.getByTestId('trace-summary').innerText()).toContain(
        `${inputTokens} in / ${outputTokens} out tokens`,
      );

      await panel.locator(`[data-testid="waterfall-row"][data-span-name="chat ${MODEL}"]`).first().click();
      const details = panel.getByTestId('span-details');
      await waitFor(
        () => details.getAttribute('data-span-name'),
        (name) => name === `chat ${MODEL}`,
        'the chat span selected',
      );
      const attribute = async (key: string) =>
        (await details.getByTestId(`attr-${key}`).locator('td').innerText()).trim();
      expect(await attribute('gen_ai.operation.name')).toBe('chat');
      expect(await attribute('gen_ai.request.model')).toBe(MODEL);
      expect(await attribute('gen_ai.provider.name')).toBe('nba_reporter.offline');
      expect(await attribute('gen_ai.response.finish_reasons')).toBe('tool_call');
      const chatIn = Number(await attribute('gen_ai.usage.input_tokens'));
      expect(chatIn).toBeGreaterThan(0);
      expect(chatIn).toBeLessThan(inputTokens); // the first of two model calls
      expect(Number(await attribute('gen_ai.usage.output_tokens'))).toBeGreaterThan(0);
      expect(await details.getByTestId('span-content').count()).toBe(0); // content capture is off by default
      // The GenAI metric points of this model call: its duration, and input and output tokens.
      const metricRows = await details.getByTestId('span-metrics').locator('th').allTextContents();
      expect(metricRows).toEqual([
        'gen_ai.client.operation.duration',
        'gen_ai.client.token.usage (input)',
        'gen_ai.client.token.usage (output)',
      ]);

      await panel
        .locator('[data-testid="waterfall-row"][data-span-name="execute_tool calculate_win_percentage"]')
        .click();
      await waitFor(
        () => details.getAttribute('data-span-name'),
        (name) => name?.startsWith('execute_tool') ?? false,
        'the tool span selected',
      );
      expect(await attribute('gen_ai.tool.call.id')).toMatch(/^call_/);

      // The session chart: one turn so far.
      const turns = panel.getByTestId('chart-tokens').getByTestId('session-turn');
      await waitFor(
        () => turns.count(),
        (n) => n === 1,
        'one turn in the session chart',
      );
      expect(await panel.getByTestId('session-panel').getAttribute('data-session-id')).toBe(sessionId);
      expect(Number(await turns.first().getAttribute('data-value'))).toBe(inputTokens + outputTokens);

      // 2. The follow-up, with the session id the report returned.
      await page.getByTestId('use-session-in-follow-up').click();
      await waitFor(
        () => page.getByRole('tab', { name: 'FollowUp' }).getAttribute('aria-selected'),
        (selected) => selected === 'true',
        'the FollowUp tab',
      );
      await waitFor(
        () => editorText(variablesEditor),
        (text) => text.includes(`"sessionId": "${sessionId}"`),
        'the session id in the variables',
      );
      await waitFor(
        () => editorText(queryEditor),
        (text) => text.includes('mutation FollowUp'),
        'the follow-up example',
      );
      await page.locator('.graphiql-execute-button').click();

      await waitFor(
        () => page.getByTestId('last-operation').innerText(),
        (text) => text.includes('FollowUp'),
        'the follow-up in the bar',
      );
      const followUpText = await waitFor(
        () => editorText(responseEditor),
        (text) => text.includes('"followUp"'),
        'the follow-up in the response editor',
      );
      expect(followUpText).not.toContain('"errors"');
      expect(compact(followUpText)).toContain(`"sessionId":"${sessionId}"`);
      expect(followUpText).toMatch(/Raptors/);
      expect((await page.getByTestId('last-session-id').innerText()).trim()).toBe(sessionId);
      const secondTraceId = (await page.getByTestId('last-trace-id').innerText()).trim();
      expect(secondTraceId).toMatch(/^[0-9a-f]{32}$/);
      expect(secondTraceId).not.toBe(firstTraceId);
      expect(compact(followUpText)).toContain(`"traceId":"${secondTraceId}"`);

      // The panel follows the answer, and the session chart gains the turn.
      await waitFor(
        () => panel.getByTestId('trace-panel-id').innerText(),
        (text) => text.trim() === secondTraceId,
        'the follow-up trace in the panel',
      );
      await waitFor(
        () => turns.count(),
        (n) => n === 2,
        'two turns in the session chart',
      );
      expect(await panel.getByTestId('chart-latency').getByTestId('session-turn').count()).toBe(2);
      await waitFor(
        () => waterfallNames(panel),
        (names) => names.includes('3 invoke_agent NBA_Reporter'),
        'the follow-up waterfall',
      );
      await panel.locator('[data-testid="waterfall-row"][data-span-name="invoke_agent NBA_Reporter"]').click();
      // Spans carry a 12-character prefix of the session id (the whole id would let a trace reader continue it).
      expect((await details.getByTestId('attr-gen_ai.conversation.id').locator('td').innerText()).trim()).toBe(
        sessionId.slice(0, 12),
      );

      mkdirSync(ARTIFACTS_DIR, { recursive: true });
      await page.screenshot({ path: SCREENSHOT });
      expect(existsSync(SCREENSHOT)).toBe(true);
      await page.screenshot({ path: TRACE_SCREENSHOT });

      // 3. The off-topic question: the guardrail's error code (and the request's trace id) show up too.
      await page.getByRole('tab', { name: 'OffTopic' }).click();
      await waitFor(
        () => editorText(queryEditor),
        (text) => text.includes('mutation OffTopic'),
        'the off-topic example',
      );
      await page.locator('.graphiql-execute-button').click();
      await waitFor(
        () => page.getByTestId('last-error-code').innerText(),
        (text) => text.includes('GUARDRAIL_TRIPPED'),
        'the guardrail error in the bar',
      );
      const offTopicText = await waitFor(
        () => editorText(responseEditor),
        (text) => text.includes('GUARDRAIL_TRIPPED'),
        'the guardrail error in the response editor',
      );
      expect(offTopicText).toContain('"errors"');

      // Its trace: the tripped guardrail and the failed agent run are marked.
      const offTopicTraceId = (await page.getByTestId('last-trace-id').innerText()).trim();
      expect(offTopicTraceId).toMatch(/^[0-9a-f]{32}$/);
      await waitFor(
        () => panel.getByTestId('trace-panel-id').innerText(),
        (text) => text.trim() === offTopicTraceId,
        'the guardrail trace in the panel',
      );
      await panel.getByTestId('trace-tripped').waitFor();
      const guardrailRow = panel.locator(
        '[data-testid="waterfall-row"][data-span-name="run_guardrail nba_content_guardrail"]',
      );
      await guardrailRow.getByTestId('mark-tripped').waitFor();
      expect(await guardrailRow.getAttribute('class')).toContain('is-tripped');
      const agentRow = panel.locator('[data-testid="waterfall-row"][data-span-name="invoke_agent NBA_Reporter"]');
      expect((await agentRow.getByTestId('mark-error').innerText()).trim()).toBe('InputGuardrailTripwireTriggered');
      expect(await agentRow.getAttribute('class')).toContain('is-error');
      await guardrailRow.click();
      expect((await details.getByTestId('attr-gen_ai.guardrail.triggered').innerText()).trim()).toContain('true');
      // The failed report started no session: the chart still shows the conversation before it.
      expect(await turns.count()).toBe(2);
      await page.screenshot({ path: GUARDRAIL_SCREENSHOT });

      expect(pageErrors, `errors thrown in the page:\n${pageErrors.join('\n')}`).toEqual([]);
      expect(consoleErrors, `console errors:\n${consoleErrors.join('\n')}`).toEqual([]);
    }, 120_000);

    it('with a network model: its HTTP calls nest under their chat spans, and a model fault is marked', async () => {
      const scripted = await startScriptedOpenAI();
      const network = await spawnApi({
        env: {
          NBA_REPORTER_MODEL_PROVIDER: 'openai-compatible',
          NBA_REPORTER_MODEL: 'local-model',
          OPENAI_BASE_URL: scripted.baseURL,
          NBA_REPORTER_MODEL_MAX_RETRIES: '0',
        },
        timeoutMs: 30_000,
      });
      const tab = await context.newPage();
      tab.on('pageerror', (error) => pageErrors.push(error.message));
      try {
        const usage = { inputTokens: 210, outputTokens: 12 };
        scripted.enqueue(
          'chat.completions',
          {
            toolCalls: [
              { name: 'calculate_win_percentage', arguments: { wins: 46, losses: 36 }, callId: 'call_raptors' },
            ],
            usage,
          },
          { text: 'The Raptors went 46-36, a .561 winning percentage.', usage: { inputTokens: 240, outputTokens: 22 } },
        );
        await tab.goto(`${network.url}/`);
        const queryEditor = tab.locator('.graphiql-query-editor .monaco-editor');
        await queryEditor.waitFor();
        await tab.getByRole('tab', { name: 'ReportWinPercentage' }).click();
        await waitFor(
          () => editorText(queryEditor),
          (text) => text.includes('mutation ReportWinPercentage'),
          'the report example',
        );
        await tab.locator('.graphiql-execute-button').click();
        const traceId = (
          await waitFor(
            () => tab.getByTestId('last-trace-id').innerText(),
            (t) => /^[0-9a-f]{32}$/.test(t.trim()),
            'the trace id',
          )
        ).trim();
        await tab.getByTestId('open-trace').click();
        const panel = tab.getByTestId('trace-panel');
        await waitFor(
          () => panel.getByTestId('trace-panel-id').innerText(),
          (text) => text.trim() === traceId,
          'the trace in the panel',
        );
        const names = await waitFor(
          () => waterfallNames(panel),
          (n) => n.filter((x) => x === '5 POST').length === 2,
          'two model HTTP calls',
        );
        expect(names.slice(3)).toEqual([
          '1 mutation ReportWinPercentage',
          '2 graphql.resolve report',
          '3 invoke_agent NBA_Reporter',
          '4 run_guardrail nba_content_guardrail',
          '4 chat local-model',
          '5 POST',
          '4 execute_tool calculate_win_percentage',
          '4 chat local-model',
          '5 POST',
        ]);
        expect(await panel.getByTestId('trace-summary').innerText()).toContain('450 in / 34 out tokens');

        // A model fault: HTTP 400 from the model server, not retried.
        scripted.enqueue('chat.completions', { fault: { status: 400 } });
        await tab.getByRole('tab', { name: 'ReportOverview' }).click();
        await waitFor(
          () => editorText(queryEditor),
          (text) => text.includes('mutation ReportOverview'),
          'the overview example',
        );
        await tab.locator('.graphiql-execute-button').click();
        await waitFor(
          () => tab.getByTestId('last-error-code').innerText(),
          (text) => text.includes('MODEL_UNAVAILABLE'),
          'the model error in the bar',
        );
        const faultTraceId = (await tab.getByTestId('last-trace-id').innerText()).trim();
        await waitFor(
          () => panel.getByTestId('trace-panel-id').innerText(),
          (text) => text.trim() === faultTraceId,
          'the fault trace in the panel',
        );
        const chatRow = panel.locator('[data-testid="waterfall-row"][data-span-name="chat local-model"]');
        await chatRow.getByTestId('mark-error').waitFor();
        expect((await chatRow.getByTestId('mark-error').innerText()).trim()).toBe('400');
        expect(await chatRow.getAttribute('class')).toContain('is-error');
        expect((await panel.getByTestId('trace-error').innerText()).trim()).toBe('400');
        await chatRow.click();
        expect((await panel.getByTestId('span-details').getByTestId('attr-error.type').innerText()).trim()).toContain(
          '400',
        );
        mkdirSync(ARTIFACTS_DIR, { recursive: true });
        await tab.screenshot({ path: FAULT_SCREENSHOT });
      } finally {
        await tab.close();
        await network.stop();
        await scripted.close();
      }
    }, 120_000);

    it('made no request off this machine', () => {
      expect(offMachine, `the page tried to reach:\n${offMachine.join('\n')}`).toEqual([]);
    });
  });

  describe('configuration', () => {
    it('is off with NBA_REPORTER_PLAYGROUND=false, and GraphQL still works', async () => {
      const off = await spawnApi({ env: { NBA_REPORTER_PLAYGROUND: 'false' }, timeoutMs: 30_000 });
      try {
        const page = await fetch(`${off.url}/`, { headers: { accept: BROWSER_ACCEPT } });
        expect(page.headers.get('content-type')).not.toMatch(/text\/html/);
        expect(page.status).toBe(404);
        await page.arrayBuffer();
        const asset = await fetch(`${off.url}/playground/manifest.json`);
        expect(asset.status).toBe(404);
        await asset.arrayBuffer();
        const graphql = await fetch(off.graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ health { status } }' }),
        });
        expect(graphql.status).toBe(200);
        await graphql.arrayBuffer();
      } finally {
        await off.stop();
      }
    }, 45_000);

    it('is off in production unless NBA_REPORTER_PLAYGROUND=true', async () => {
      for (const [env, served] of [
        [{ NODE_ENV: 'production' }, false],
        [{ NODE_ENV: 'production', NBA_REPORTER_PLAYGROUND: 'true' }, true],
      ] as const) {
        const instance = await spawnApi({ env, timeoutMs: 30_000 });
        try {
          const response = await fetch(`${instance.url}/`, { headers: { accept: BROWSER_ACCEPT } });
          expect(response.status, JSON.stringify(env)).toBe(served ? 200 : 404);
          expect(/text\/html/.test(response.headers.get('content-type') ?? ''), JSON.stringify(env)).toBe(served);
          await response.arrayBuffer();
        } finally {
          await instance.stop();
        }
      }
    }, 60_000);
  });
});
