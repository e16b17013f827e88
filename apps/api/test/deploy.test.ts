/**
 * deploy/ cannot run here (no container engine), so this test parses every file in it and checks that names,
 * ports, variables and probes agree with the code: the configuration parsers accept the variables, the port is the
 * one the server listens on, the probe paths are routes of the server, the image runs what `npm start` runs and
 * holds every workspace the API imports. nginx's own parser checks deploy/nginx.conf when nginx is installed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadReporterConfig } from '@nba-reporter/agent';
import { IDEMPOTENCY_KEY_MAP, NGINX_BIN, nginxUnavailable, PROXY_RULES, startCommand } from '@nba-reporter/testing';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { loadApiKeys } from '../src/auth.js';
import { loadApiConfig } from '../src/config.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DEPLOY = join(ROOT, 'deploy');
const read = (path: string) => readFileSync(join(DEPLOY, path), 'utf8');
const yamlFile = (path: string) => parse(read(path)) as any;

const SOURCES = [join(ROOT, 'apps/api/src'), join(ROOT, 'packages/agent/src'), join(ROOT, 'packages/telemetry/src')];
function sourceText(dir: string): string {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'))
    .join('\n');
}
const CODE = SOURCES.map(sourceText).join('\n');
/** Standard variables the OpenTelemetry SDK reads itself (not named in our code). */
const OTEL_SDK_VARIABLES = ['OTEL_SERVICE_NAME', 'OTEL_RESOURCE_ATTRIBUTES', 'OTEL_EXPORTER_OTLP_ENDPOINT'];

function assertKnownVariables(names: string[], where: string): void {
  for (const name of names) {
    const known = OTEL_SDK_VARIABLES.includes(name) || new RegExp(`\\b${name}\\b`).test(CODE);
    expect(known, `${where}: ${name} is read nowhere in the code`).toBe(true);
  }
}

/** The port the server listens on without PORT, and the probe routes it registers. */
const DEFAULT_PORT = loadApiConfig({}).port;
const SERVER = readFileSync(join(ROOT, 'apps/api/src/server.ts'), 'utf8');
const routes = [...SERVER.matchAll(/app\.get\('([^']+)'/g)].map((m) => m[1]);

/** @nba-reporter/* packages the API needs at run time, transitively (dependencies, not devDependencies). */
function runtimeWorkspaces(): string[] {
  const dirs = new Map<string, string>();
  for (const parent of ['packages', 'apps']) {
    for (const name of readdirSync(join(ROOT, parent))) {
      const file = join(ROOT, parent, name, 'package.json');
      if (existsSync(file))
        dirs.set((JSON.parse(readFileSync(file, 'utf8')) as { name: string }).name, `${parent}/${name}`);
    }
  }
  const seen = new Set<string>();
  const visit = (pkg: string) => {
    const dir = dirs.get(pkg)!;
    seen.add(dir);
    const deps =
      (JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> })
        .dependencies ?? {};
    for (const dep of Object.keys(deps)) if (dirs.has(dep) && !seen.has(dirs.get(dep)!)) visit(dep);
  };
  visit('@nba-reporter/api');
  return [...seen].sort();
}

describe('deploy/Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const lines = dockerfile.split('\n');
  const froms = lines.filter((l) => l.startsWith('FROM '));

  it('is multi-stage on Node 24 and runs as the unprivileged node user', () => {
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const from of froms) expect(from).toMatch(/^FROM node:24[-.\w]* ?/);
    const lastFrom = lines.lastIndexOf(froms.at(-1)!);
    const finalStage = lines.slice(lastFrom).join('\n');
    expect(finalStage).toMatch(/^USER node$/m);
    expect(finalStage).toMatch(/NODE_ENV=production/);
  });

  it('installs production dependencies only for the runtime stage', () => {
    expect(dockerfile).toMatch(/npm ci --omit=dev[^\n]*--workspace @nba-reporter\/api/);
    const lastFrom = lines.lastIndexOf(froms.at(-1)!);
    expect(lines.slice(lastFrom).join('\n')).not.toMatch(/COPY --from=build [^\n]*node_modules/);
  });

  it('copies the built output of every workspace the API imports at run time, and every manifest', () => {
    for (const dir of runtimeWorkspaces())
      expect(dockerfile, dir).toContain(`COPY --from=build --chown=root:root /src/${dir}/dist ./${dir}/dist`);
    // The manifests of all workspaces travel to the deps stage (npm ci checks the lockfile against every one).
    expect(dockerfile).toContain('find apps packages -mindepth 2 -maxdepth 2 -name package.json');
    expect(dockerfile).toMatch(/COPY --from=deps [^\n]*\/src \.\//);
  });

  it('runs exactly what npm start runs, on the port the server uses, with a /healthz health check', () => {
    const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(dockerfile)![1]!) as string[];
    expect(cmd).toEqual(['node', ...startCommand()]);
    expect(dockerfile).toMatch(/^WORKDIR \/app\/apps\/api$/m);
    expect(dockerfile).toMatch(new RegExp(`^EXPOSE ${DEFAULT_PORT}$`, 'm'));
    expect(dockerfile).toMatch(new RegExp(`PORT=${DEFAULT_PORT}\\b`));
    expect(dockerfile).toMatch(/^HEALTHCHECK [\s\S]*\/healthz/m);
    expect(routes).toContain('/healthz');
  });

  it('keeps local build output and secrets out of the build context', () => {
    const ignore = read('Dockerfile.dockerignore');
    for (const entry of ['**/node_modules', '**/dist', '**/.env', '**/*.db']) expect(ignore).toContain(entry);
  });
});

describe('deploy/compose.yaml', () => {
  const compose = yamlFile('compose.yaml');
  const api = compose.services.api;

  it('runs PostgreSQL, three API replicas, nginx and an OpenTelemetry Collector', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'nginx', 'otel-collector', 'postgres']);
    expect(api.deploy.replicas).toBe(3);
    expect(api.build.dockerfile).toBe('deploy/Dockerfile');
    expect(api.depends_on.postgres.condition).toBe('service_healthy');
  });

  it('gives the API variables its configuration parsers read and accept', () => {
    const env = api.environment as Record<string, string>;
    assertKnownVariables(Object.keys(env), 'compose api.environment');
    const resolved = Object.fromEntries(
      Object.entries(env).map(([k, v]) => [
        k,
        String(v).replace(/\$\{(\w+)(?::?-([^}]*))?\}/g, (_m, name: string, dflt?: string) =>
          name === 'POSTGRES_PASSWORD' ? 'pw' : (dflt ?? ''),
        ),
      ]),
    );
    const reporter = loadReporterConfig(resolved);
    expect(reporter.provider).toBe('offline');
    expect(reporter.sessionDb).toBe('postgres://nba:pw@postgres:5432/nba');
    expect(reporter.pgPoolSize).toBe(10);
    expect(loadApiConfig(resolved)).toMatchObject({
      port: DEFAULT_PORT,
      host: '0.0.0.0',
      playground: false,
      rateLimitStore: 'postgres',
      trustProxy: '1',
    });
    // The database and collector hosts are services of this file, on the ports they serve.
    const db = new URL(reporter.sessionDb);
    expect(compose.services[db.hostname].image).toMatch(/^postgres:/);
    const otlp = new URL(env['OTEL_EXPORTER_OTLP_ENDPOINT']!);
    expect(otlp.hostname).toBe('otel-collector');
    expect(compose.services['otel-collector'].expose).toContain(otlp.port);
    expect(api.expose).toEqual([String(DEFAULT_PORT)]);
  });

  it('mounts the nginx and collector configurations of this folder', () => {
    expect(compose.services.nginx.volumes).toContain('./nginx.conf:/etc/nginx/nginx.conf:ro');
    expect(compose.services['otel-collector'].volumes).toContain(
      './otel-collector.yaml:/etc/otelcol-contrib/config.yaml:ro',
    );
    expect(compose.services['otel-collector'].command).toEqual(['--config=/etc/otelcol-contrib/config.yaml']);
  });
});

describe('deploy/otel-collector.yaml', () => {
  const collector = yamlFile('otel-collector.yaml');

  it('receives OTLP on 4317/4318 and sends every signal to SigNoz with the ingestion key header', () => {
    expect(collector.receivers.otlp.protocols.http.endpoint).toBe('0.0.0.0:4318');
    expect(collector.receivers.otlp.protocols.grpc.endpoint).toBe('0.0.0.0:4317');
    const exporter = collector.exporters['otlp/signoz'];
    expect(exporter.endpoint).toBe('${env:SIGNOZ_ENDPOINT:-ingest.us.signoz.cloud:443}');
    expect(Object.keys(exporter.headers)).toEqual(['signoz-ingestion-key']);
    for (const signal of ['traces', 'metrics', 'logs']) {
      const pipeline = collector.service.pipelines[signal];
      expect(pipeline.exporters).toEqual(['otlp/signoz']);
      for (const r of pipeline.receivers) expect(collector.receivers).toHaveProperty([r]);
      for (const p of pipeline.processors) expect(collector.processors).toHaveProperty([p]);
      expect(pipeline.processors[0]).toBe('memory_limiter'); // first, as the collector documentation asks
    }
  });
});

describe('deploy/nginx.conf', () => {
  const conf = read('nginx.conf');

  it('uses the proxy rules the topology test runs: every request carries an idempotency key, so POSTs may be retried', () => {
    for (const rule of PROXY_RULES) expect(conf).toContain(rule);
    expect(conf).toContain(IDEMPOTENCY_KEY_MAP);
    expect(conf).toContain(`server api:${DEFAULT_PORT} `);
  });

  it.skipIf(nginxUnavailable)(
    'passes nginx -t (with the Docker-only resolve parameter and service name replaced)',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'nba-nginx-t-'));
      try {
        // `resolve` in an upstream needs nginx >= 1.27.3 (the compose image); Debian 12 ships 1.22.
        const local = conf.replace(' resolve ', ' ').replace(`api:${DEFAULT_PORT}`, `127.0.0.1:${DEFAULT_PORT}`);
        writeFileSync(join(dir, 'nginx.conf'), local);
        execFileSync(
          NGINX_BIN,
          [
            '-t',
            '-q',
            '-p',
            dir,
            '-c',
            join(dir, 'nginx.conf'),
            '-e',
            join(dir, 'error.log'),
            '-g',
            `pid ${dir}/nginx.pid;`,
          ],
          {
            stdio: 'pipe',
          },
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});

describe('deploy/k8s', () => {
  const docs = readdirSync(join(DEPLOY, 'k8s'))
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((file) => parseAllDocuments(read(join('k8s', file))).map((d) => ({ file, doc: d.toJS() as any })));
  const byKind = (kind: string) => docs.find((d) => d.doc.kind === kind)!.doc;
  const deployment = byKind('Deployment');
  const container = deployment.spec.template.spec.containers[0];
  const configMap = byKind('ConfigMap');
  const secret = byKind('Secret');

  it('lists every manifest in kustomization.yaml', () => {
    const files = docs.filter((d) => d.doc.kind !== 'Kustomization').map((d) => d.file);
    expect([...byKind('Kustomization').resources].sort()).toEqual([...new Set(files)].sort());
  });

  it('probes /readyz for readiness and /healthz for liveness on the container port the server listens on', () => {
    expect(container.readinessProbe.httpGet.path).toBe('/readyz');
    expect(container.livenessProbe.httpGet.path).toBe('/healthz');
    expect(routes).toEqual(expect.arrayContaining(['/readyz', '/healthz']));
    const port = container.ports.find((p: any) => p.name === container.readinessProbe.httpGet.port);
    expect(port.containerPort).toBe(DEFAULT_PORT);
    expect(Number(configMap.data.PORT)).toBe(DEFAULT_PORT);
    expect(container.livenessProbe.httpGet.port).toBe('http');
  });

  it('wires the ConfigMap and the Secret, whose variables the configuration parsers read and accept', () => {
    const refs = container.envFrom.map((e: any) => e.configMapRef?.name ?? e.secretRef?.name);
    expect(refs).toEqual([configMap.metadata.name, secret.metadata.name]);
    assertKnownVariables(Object.keys(configMap.data), 'ConfigMap');
    assertKnownVariables(Object.keys(secret.stringData), 'Secret');
    expect(Object.keys(secret.stringData)).toEqual(
      expect.arrayContaining(['OPENAI_API_KEY', 'NBA_REPORTER_SESSION_DB', 'NBA_REPORTER_API_KEYS']),
    );
    for (const key of ['OPENAI_API_KEY', 'NBA_REPORTER_API_KEYS'])
      expect(Object.keys(configMap.data)).not.toContain(key); // keys only in the Secret
    // The placeholder API key cannot be deployed by mistake: the server refuses it at start-up.
    expect(() => loadApiKeys({ keys: secret.stringData.NBA_REPORTER_API_KEYS })).toThrow(/at least 16 characters/);
    expect(loadApiKeys({ keys: 'demo:0123456789abcdef' })).toHaveLength(1);
    const env = { ...configMap.data, ...secret.stringData };
    expect(loadReporterConfig(env)).toMatchObject({
      provider: 'openai',
      pgPoolSize: 10,
      sessionDb: secret.stringData.NBA_REPORTER_SESSION_DB,
    });
    expect(loadApiConfig(env)).toMatchObject({
      port: DEFAULT_PORT,
      playground: false,
      rateLimitStore: 'postgres',
      trustProxy: '1',
    });
    // One service.instance.id per pod, so SigNoz tells the replicas apart.
    const attrs = container.env.find((e: any) => e.name === 'OTEL_RESOURCE_ATTRIBUTES').value as string;
    expect(attrs).toContain('service.instance.id=$(POD_NAME)');
    expect(container.env.find((e: any) => e.name === 'POD_NAME').valueFrom.fieldRef.fieldPath).toBe('metadata.name');
  });

  it('selects the pods with the Service and scales the Deployment with the HPA', () => {
    const labels = deployment.spec.template.metadata.labels;
    expect(deployment.spec.selector.matchLabels).toEqual(labels);
    const service = byKind('Service');
    expect(service.spec.selector).toEqual(labels);
    expect(service.spec.ports[0].targetPort).toBe(container.ports[0].name);
    const hpa = byKind('HorizontalPodAutoscaler');
    expect(hpa.spec.scaleTargetRef).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: deployment.metadata.name,
    });
    expect(hpa.spec.minReplicas).toBeLessThanOrEqual(hpa.spec.maxReplicas);
    expect(container.resources.requests.cpu).toBeDefined(); // the HPA's CPU target is a share of the request
    expect(deployment.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
  });

  it('gives the compile cache a writable directory beside the read-only root filesystem', () => {
    expect(container.securityContext.readOnlyRootFilesystem).toBe(true);
    // The start command's preload uses NODE_COMPILE_CACHE, else <os.tmpdir()>/node-compile-cache (/tmp in the image).
    expect(container.env.find((e: any) => e.name === 'NODE_COMPILE_CACHE')).toBeUndefined();
    expect(startCommand()).toContain('./dist/preload.js');
    const mount = container.volumeMounts.find((m: any) => m.mountPath === '/tmp');
    const volume = deployment.spec.template.spec.volumes.find((v: any) => v.name === mount.name);
    expect(volume.emptyDir).toBeDefined();
  });
});
