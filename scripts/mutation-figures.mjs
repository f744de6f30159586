// The figures of a mutation report (Stryker's JSON, test-artifacts/mutation/mutation.json by default), as
// docs/testing.md gives them: mutants, killed, survived, timed out, no coverage, errors and the score (killed and
// timed out over every valid mutant: Stryker's own "total" score). After a part of scripts/mutation-in-parts.sh
// the report holds every part done so far, so this prints how far the run has come too.
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'test-artifacts/mutation/mutation.json';
const report = JSON.parse(readFileSync(file, 'utf8'));
const count = {};
let files = 0;
for (const result of Object.values(report.files)) {
  files++;
  for (const mutant of result.mutants) count[mutant.status] = (count[mutant.status] ?? 0) + 1;
}
const n = (status) => count[status] ?? 0;
const all = Object.values(count).reduce((a, b) => a + b, 0);
const invalid = n('CompileError') + n('RuntimeError') + n('Ignored');
const detected = n('Killed') + n('Timeout');
const covered = detected + n('Survived');
console.log(`${file}: ${files} files, ${all} mutants`);
console.log(`killed ${n('Killed')}, survived ${n('Survived')}, timed out ${n('Timeout')}, no coverage ${n('NoCoverage')}, errors ${n('CompileError') + n('RuntimeError')}, ignored ${n('Ignored')}, pending ${n('Pending')}`);
console.log(`score ${((100 * detected) / (all - invalid)).toFixed(2)}% (of covered mutants ${((100 * detected) / covered).toFixed(2)}%)`);
