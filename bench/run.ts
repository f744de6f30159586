/** `npm run bench`: every benchmark, figures printed, each with a baseline measured in the same run. */
import { deadlinePlansBenchmark } from './deadline-plans.bench.js';

console.log(`node ${process.version}, ${new Date().toISOString()}`);
deadlinePlansBenchmark();
