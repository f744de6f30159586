import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { AnnualFigures } from '#domain/reporting/annual-figures';
import type { Publication } from '#domain/reporting/report-table';

/** A chart as SVG, with the words a screen reader (and a reader of the printed report) has instead of the picture. */
export interface Chart {
  readonly title: string;
  readonly description: string;
  readonly svg: string;
}

interface Bar {
  readonly label: string;
  readonly value: number;
  readonly series?: string;
}

/**
 * The report's charts, drawn by Observable Plot on the server (linkedom standing in for the browser's document):
 * what complaints were about, responses on time at each stage, and this year beside the last. A published report
 * leaves out a chart any of whose bars would show fewer than the threshold.
 */
export function reportCharts(figures: AnnualFigures, previous: AnnualFigures | undefined, publication?: Publication): Chart[] {
  const charts: { title: string; description: string; bars: Bar[]; coloured?: boolean }[] = [
    {
      title: 'What complaints were about',
      description: figures.byCategory.map((c) => `${c.name}: ${c.count}`).join('; '),
      bars: figures.byCategory.filter((c) => c.count > 0).map((c) => ({ label: c.name, value: c.count })),
    },
    {
      title: 'Responses on time, at each stage',
      description: figures.stages.map((s) => `${s.name}: ${s.respondedOnTime} of ${s.responded} on time`).join('; '),
      // Each bar says what it is: a legend would need HTML beside the SVG.
      bars: figures.stages.flatMap((s) => [
        { label: `${s.name}: on time`, value: s.respondedOnTime, series: 'On time' },
        { label: `${s.name}: late`, value: s.responded - s.respondedOnTime, series: 'Late' },
      ]),
      coloured: true,
    },
    ...(previous
      ? [
          {
            title: `${figures.year} beside ${previous.year}`,
            description: `Complaints received: ${figures.received} in ${figures.year}, ${previous.received} in ${previous.year}`,
            bars: [
              { label: String(previous.year), value: previous.received },
              { label: String(figures.year), value: figures.received },
            ],
          },
        ]
      : []),
  ];
  return charts
    .filter((c) => c.bars.some((b) => b.value > 0))
    .filter((c) => !publication || !c.bars.some((b) => b.value > 0 && b.value < publication.threshold))
    .map((c) => ({ title: c.title, description: c.description, svg: barChart(c.bars, Boolean(c.coloured)) }));
}

/**
 * Ticks for an axis of counts: whole numbers only (Plot's own ticks for a largest count of 1 are 0, 0.1, ... 1,
 * which a whole-number format prints as "0 0 0 0 0 1 1 1 1 1"), at most ten, 1, 2 or 5 times a power of ten apart,
 * the last at or above the largest count.
 */
export function countTicks(largest: number): number[] {
  const top = Math.max(1, Math.ceil(largest));
  let step = 1;
  for (let scale = 1; top / step > 10; scale *= 10) step = [1, 2, 5, 10].map((m) => m * scale).find((s) => top / s <= 10) ?? scale * 10;
  return Array.from({ length: Math.ceil(top / step) + 1 }, (_, i) => i * step);
}

function barChart(bars: readonly Bar[], coloured: boolean): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const longest = Math.max(...bars.map((b) => b.label.length));
  const ticks = countTicks(Math.max(...bars.map((b) => b.value)));
  const svg = Plot.plot({
    document,
    width: 760,
    style: { fontSize: '15px', fontFamily: 'Arial, Helvetica, sans-serif' },
    height: 60 + 34 * new Set(bars.map((b) => b.label)).size,
    marginLeft: Math.min(360, 16 + longest * 8.5),
    marginBottom: 40,
    x: { label: 'Complaints', grid: true, ticks, domain: [0, ticks[ticks.length - 1] as number], tickFormat: 'd' },
    y: { label: null },
    color: { domain: ['On time', 'Late'], range: ['#00703c', '#d4351c'] },
    marks: [
      Plot.barX(bars, { x: 'value', y: 'label', fill: coloured ? 'series' : '#1d70b8', sort: { y: null } }),
      Plot.text(bars, { x: 'value', y: 'label', text: (b: Bar) => String(b.value), dx: 4, textAnchor: 'start' }),
      Plot.ruleX([0]),
    ],
  });
  // Standalone SVG, for an <img> (a page's CSP does not reach inside an image) and for print.
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return svg.outerHTML;
}
