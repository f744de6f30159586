import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The projects in the order their files are handed to the workers: the longest first, the quick ones to fill the end. */
const PROJECTS = ['journeys', 'journeys-handlers', 'adapters', 'checks', 'unit'];

/**
 * Journeys known to take the longest (a browser, `npm start`, the crash run): first within their project when vitest
 * has no timings of its own yet, as on a clean clone, so that no long file starts last and leaves one worker busy
 * while the others wait.
 */
const SLOW = [/-in-browser\.test\.ts$/, /\/journeys\/local\//, /\/letters-by-post\.test\.ts$/];

/**
 * Vitest's order (files that failed last time, then the longest by its cache of timings, else the largest) with the
 * projects in PROJECTS' order instead of by name (which put the 8 minutes of journeys after every other project).
 */
export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const timed = (f: TestSpecification) => this.ctx.cache.getFileTestResults(`${f.project.name}:${relative(this.ctx.config.root, f.moduleId)}`) !== undefined;
    const rank = (f: TestSpecification) => {
      const project = PROJECTS.indexOf(f.project.name);
      const slow = !timed(f) && SLOW.some((pattern) => pattern.test(f.moduleId)) ? 0 : 1;
      return (project < 0 ? PROJECTS.length : project) * 2 + slow;
    };
    // Array.prototype.sort is stable: within a rank vitest's own order stands.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
