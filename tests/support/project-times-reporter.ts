import type { Reporter, TestModule } from 'vitest/node';

interface Span {
  first: number;
  last: number;
  files: number;
  /** The files' own times added up (more than the span where files ran side by side). */
  fileSeconds: number;
}

/**
 * One line per vitest project at the end of a run: from its first file's start to its last file's end (and when, from
 * vitest's start), how many files, and their times added up, so a slow project (and whether it is slow by itself or
 * by waiting) shows at once.
 */
export class ProjectTimesReporter implements Reporter {
  /** When vitest began (before the global setups), so each span shows where in the run it fell. */
  private readonly began = Date.now();
  private readonly started = new Map<string, number>();
  private readonly spans = new Map<string, Span>();

  onTestModuleStart(module: TestModule): void {
    this.started.set(module.moduleId + module.project.name, Date.now());
  }

  onTestModuleEnd(module: TestModule): void {
    const now = Date.now();
    const first = this.started.get(module.moduleId + module.project.name) ?? now;
    const span = this.spans.get(module.project.name) ?? { first, last: now, files: 0, fileSeconds: 0 };
    span.first = Math.min(span.first, first);
    span.last = Math.max(span.last, now);
    span.files++;
    span.fileSeconds += (now - first) / 1000;
    this.spans.set(module.project.name, span);
  }

  onTestRunEnd(): void {
    const at = (t: number) => Math.round((t - this.began) / 1000);
    const lines = [...this.spans].map(([name, s]) => `  ${name}: ${Math.round((s.last - s.first) / 1000)} s from its first file's start to its last's end (${at(s.first)}-${at(s.last)} s into the run; ${s.files} files, ${Math.round(s.fileSeconds)} s of file time)`);
    if (lines.length > 0) process.stdout.write(`\nvitest projects:\n${lines.join('\n')}\n`);
  }
}
