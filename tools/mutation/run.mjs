#!/usr/bin/env node
/* eslint-disable no-console -- a command-line tool: its report is its output */
/**
 * `npm run test:mutation [-- <module> ...]`: Stryker on the security modules, one at a time
 * (tools/mutation/modules.mjs), then a table of the scores. Exits 1 when a module is under 90 %.
 * STRYKER_CONCURRENCY (default 2) sets the parallel test runners.
 */
import { spawnSync } from 'node:child_process';
import { MUTATION_MODULES } from './modules.mjs';
import { score } from './score.mjs';

const TARGET = 90;
const baseline = process.argv.includes('--baseline');
const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const selected = names.length > 0 ? names : Object.keys(MUTATION_MODULES);
const unknown = selected.filter((n) => !MUTATION_MODULES[n]);
if (unknown.length > 0) {
  console.error(
    `Unknown module(s): ${unknown.join(', ')}. Known: ${Object.keys(MUTATION_MODULES).join(', ')}`,
  );
  process.exit(2);
}

const rows = [];
for (const name of selected) {
  const { mutate, tests, added, environment = 'node', setup = true } = MUTATION_MODULES[name];
  const files = baseline ? tests : [...tests, ...added];
  console.log(`\n== ${name}: mutating ${mutate}`);
  const started = Date.now();
  const run = spawnSync('npx', ['stryker', 'run', '--mutate', [mutate].flat().join(',')], {
    stdio: 'inherit',
    env: {
      ...process.env,
      MUTATION_MODULE: baseline ? `${name}.baseline` : name,
      MUTATION_TESTS: files.join(','),
      MUTATION_ENVIRONMENT: environment,
      MUTATION_SETUP: setup ? '1' : '0',
    },
  });
  if (run.status !== 0) {
    console.error(`Stryker failed for ${name} (exit ${run.status}).`);
    process.exit(1);
  }
  const result = score(`reports/mutation/${name}${baseline ? '.baseline' : ''}.json`);
  rows.push({ name, ...result, seconds: Math.round((Date.now() - started) / 1000) });
  for (const s of result.survivors) console.log(`  survived: ${s}`);
}

console.log('\n| module | mutants | killed | timeout | survived | no coverage | score | time |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  console.log(
    `| ${r.name} | ${r.valid} | ${r.Killed} | ${r.Timeout} | ${r.Survived} | ${r.NoCoverage} | ${r.score.toFixed(1)} % | ${r.seconds} s |`,
  );
}
const failing = rows.filter((r) => r.score < TARGET);
if (failing.length > 0 && !baseline) {
  console.error(`\nUnder ${TARGET} %: ${failing.map((r) => r.name).join(', ')}`);
  process.exit(1);
}
