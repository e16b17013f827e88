// Reads the vitest JSON report of the root run (`npm test` writes .vitest-results.json) and prints the plain
// closing line CI reads: "N passed, N failed" (", N skipped" when any were skipped).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const file = join(root, '.vitest-results.json');
if (!existsSync(file)) {
  // No report: the run crashed or stopped before the tests (a failed build or unused-dependency check).
  console.log(
    'no test report (.vitest-results.json): the tests did not run (see the lint, build, type or knip output above)',
  );
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const report = JSON.parse(readFileSync(file, 'utf8'));
const passed = report.numPassedTests ?? 0;
let failed = (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);

// Every workspace with a test/ folder must have reported test files, so a project that silently ran nothing
// (a broken include, a dropped project) cannot look green.
const reported = (report.testResults ?? []).map((r) => relative(root, r.name));
const missing = [];
for (const group of ['packages', 'apps']) {
  for (const name of readdirSync(join(root, group))) {
    const dir = join(group, name);
    if (!existsSync(join(root, dir, 'test'))) continue;
    if (!reported.some((f) => f.startsWith(dir + sep))) missing.push(dir);
  }
}
if (missing.length) {
  console.log(`no test results from: ${missing.join(', ')}`);
  failed += missing.length;
}
// Errors outside any test (an unhandled error, a type-check run that could not start) make `npm test` fail without
// failing a test: .ci/run passes its exit status, so the closing line cannot say 0 failed when the run did.
const testStatus = Number(process.argv[2] ?? 0);
if (testStatus !== 0 && failed === 0) {
  console.log(`npm test exited with status ${testStatus} although no test failed (see "Unhandled Errors" above)`);
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed > 0 ? 1 : 0;
