/* eslint-disable no-console -- a command-line tool: its report is its output */
/** Stryker's mutation score from its JSON report: detected (killed, timeout) over valid mutants. */
import { readFileSync } from 'node:fs';

export function score(file) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const counts = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0 };
  const survivors = [];
  for (const [path, entry] of Object.entries(report.files)) {
    for (const m of entry.mutants) {
      if (m.status in counts) counts[m.status] += 1;
      if (m.status === 'Survived' || m.status === 'NoCoverage') {
        survivors.push(
          `${path}:${m.location.start.line} ${m.mutatorName} ${JSON.stringify(m.replacement ?? '')}`,
        );
      }
    }
  }
  const detected = counts.Killed + counts.Timeout;
  const valid = detected + counts.Survived + counts.NoCoverage;
  return { ...counts, valid, score: valid ? (100 * detected) / valid : 100, survivors };
}

if (process.argv[1]?.endsWith('score.mjs')) {
  for (const file of process.argv.slice(2)) {
    const r = score(file);
    console.log(
      `${file}: ${r.score.toFixed(1)} % (${r.Killed} killed, ${r.Timeout} timeout, ${r.Survived} survived, ${r.NoCoverage} no coverage of ${r.valid})`,
    );
  }
}
