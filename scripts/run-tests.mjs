#!/usr/bin/env node
// Runs every test the way CI does: build, unit/component tests (vitest), end-to-end tests (Playwright in Chromium),
// then prints one closing line `N passed, N failed` counted from both runners' JSON reports.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const steps = [
  ['build', [npx, 'electron-vite', 'build']],
  [
    'unit',
    [
      npx,
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      '--outputFile.json=test-results/vitest.json',
    ],
  ],
  ['e2e', [npx, 'playwright', 'test']],
];

rmSync('test-results/vitest.json', { force: true });
rmSync('test-results/playwright.json', { force: true });
mkdirSync('test-results', { recursive: true });

const failedSteps = [];
for (const [name, [cmd, ...args]] of steps) {
  process.stdout.write(`\n== ${name}: ${cmd} ${args.join(' ')}\n`);
  const result = spawnSync(cmd, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    failedSteps.push(name);
    if (name === 'build') break;
  }
}

function count(file, tally) {
  if (!existsSync(file)) return { passed: 0, failed: 0, skipped: 0, missing: true };
  return tally(JSON.parse(readFileSync(file, 'utf8')));
}

const vitest = count('test-results/vitest.json', (r) => ({
  passed: r.numPassedTests,
  failed: r.numFailedTests,
  skipped: r.numPendingTests + r.numTodoTests,
}));
const playwright = count('test-results/playwright.json', (r) => ({
  passed: r.stats.expected + r.stats.flaky,
  failed: r.stats.unexpected,
  skipped: r.stats.skipped,
}));

const passed = vitest.passed + playwright.passed;
// A runner that failed without reporting (crash, build error) counts as one failure so the total cannot look green.
const failed =
  vitest.failed +
  playwright.failed +
  failedSteps.filter(
    (s) => (s === 'unit' && vitest.failed === 0) || (s === 'e2e' && playwright.failed === 0) || s === 'build',
  ).length;
const skipped = vitest.skipped + playwright.skipped;

process.stdout.write(
  `\nunit: ${vitest.passed} passed, ${vitest.failed} failed; e2e: ${playwright.passed} passed, ${playwright.failed} failed\n`,
);
process.stdout.write(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
