#!/usr/bin/env node
/**
 * Prints one plain line, `N passed, N failed`, summed from Vitest's JSON report
 * (test-results/unit.json) and Playwright's (test-results/e2e.json). A missing or unreadable report
 * counts as one failure, never as zero: a suite that did not run has not passed.
 * Usage: node scripts/count-results.mjs [unit.json] [e2e.json]   (exit code 1 when anything failed)
 */
import { readFileSync } from 'node:fs';

const [unitPath = 'test-results/unit.json', e2ePath = 'test-results/e2e.json'] = process.argv.slice(2);

function read(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    return { missing: e.code === 'ENOENT' ? 'missing' : `unreadable (${e.message})` };
  }
}

/** Vitest (Jest-style JSON): tests, plus suites that failed without a failing test (import errors). */
function vitest(report) {
  const passed = Number(report.numPassedTests ?? 0);
  let failed = Number(report.numFailedTests ?? 0);
  const brokenSuites = (report.testResults ?? []).filter(
    (s) => s.status === 'failed' && !(s.assertionResults ?? []).some((a) => a.status === 'failed'),
  ).length;
  failed += brokenSuites;
  if (report.success === false && failed === 0) failed = 1;
  return { passed, failed };
}

/** Playwright: stats.expected passed, stats.flaky passed on retry, stats.unexpected failed; global errors fail too. */
function playwright(report) {
  const s = report.stats ?? {};
  const passed = Number(s.expected ?? 0) + Number(s.flaky ?? 0);
  let failed = Number(s.unexpected ?? 0);
  if (failed === 0 && Array.isArray(report.errors) && report.errors.length > 0) failed = report.errors.length;
  return { passed, failed };
}

let passed = 0;
let failed = 0;
for (const [label, path, count] of [
  ['unit and property tests (Vitest)', unitPath, vitest],
  ['browser tests (Playwright)', e2ePath, playwright],
]) {
  const report = read(path);
  if (report.missing) {
    console.log(`${label}: report ${path} ${report.missing}: counted as 1 failed`);
    failed += 1;
    continue;
  }
  const r = count(report);
  console.log(`${label}: ${r.passed} passed, ${r.failed} failed`);
  passed += r.passed;
  failed += r.failed;
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
