import type { FC } from 'hono/jsx';
import type { AnnualReport } from '#application/reporting/annual-report';
import { dateInWords } from '#domain/letters/dates-in-words';
import { reportRows, type Publication, type ReportRow } from '#domain/reporting/report-table';
import { selfAssessment } from '#domain/reporting/self-assessment';
import { reportCharts, type Chart } from '#adapters/charts/report-charts';
import { HouseDocument } from './house-document.js';

export interface ReportPageOptions {
  /** For publication: small counts become words, lessons are left out. */
  readonly publication?: Publication;
  /** In the console: where to go back to, and the other years and forms of the report (not printed). */
  readonly console?: {
    readonly back: string;
    readonly years: readonly number[];
    readonly base: string;
    /** Whether the reader may take each case's monitoring fields: not a role for reports alone. */
    readonly monitoring: boolean;
  };
}

const Section: FC<{ title: string; rows: readonly ReportRow[]; year: number; hasPrevious: boolean }> = ({ title, rows, year, hasPrevious }) => (
  <section class="report-section">
    <h2>{title}</h2>
    <table>
      <thead>
        <tr>
          <th scope="col">Figure</th>
          <th scope="col">{year}</th>
          {hasPrevious ? <th scope="col">{year - 1}</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <th scope="row">{r.item}</th>
            <td>{r.value ?? 'none'}</td>
            {hasPrevious ? <td>{r.previous ?? 'none'}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  </section>
);

const ChartFigure: FC<{ chart: Chart }> = ({ chart }) => (
  <figure class="report-chart">
    <figcaption>
      <strong>{chart.title}</strong>
    </figcaption>
    <img src={`data:image/svg+xml;base64,${Buffer.from(chart.svg).toString('base64')}`} alt={`${chart.title}: ${chart.description}`} />
  </figure>
);

/**
 * The annual report for the board as a page: the figures in tables (the same rows as the CSV), the charts, the
 * self-assessment against the code the policy follows, and the lessons learnt (left out for publication). It
 * prints to PDF from a browser on A4 with the house print style. No personal data and no confidential content:
 * it is built from the cases' anonymous report records only.
 */
export const AnnualReportPage: FC<{ report: AnnualReport; options: ReportPageOptions }> = ({ report, options }) => {
  const { policy, figures, previous } = report;
  const rows = reportRows(policy, figures, previous, options.publication);
  const sections = [...new Set(rows.map((r) => r.section))];
  const assessment = selfAssessment(policy, figures, options.publication);
  const charts = reportCharts(figures, previous, options.publication);
  return (
    <HouseDocument title={`Complaints in ${figures.year}: ${policy.organisation.name}`}>
      {options.console ? (
        <nav class="no-print" aria-label="The report">
          <p>
            <a href={options.console.back}>Back to the console</a>
          </p>
          <ul>
            {options.console.years.map((y) => (
              <li>
                <a href={`${options.console?.base}?year=${y}`} aria-current={y === figures.year ? 'page' : undefined}>
                  {y}
                </a>
              </li>
            ))}
            <li>
              <a href={`${options.console.base}?year=${figures.year}&publish=1`}>For publication</a>
            </li>
            <li>
              <a href={`${options.console.base}?year=${figures.year}&format=csv`}>The figures as CSV</a>
            </li>
            {options.console.monitoring ? (
              <li>
                <a href={`${options.console.base}/monitoring?year=${figures.year}`}>Each case's monitoring fields as CSV (personal data: staff only; recorded on each case)</a>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
      <h1>
        Complaints in {figures.year}: {policy.organisation.name}
      </h1>
      <p>
        The annual report on complaints{policy.reporting.clause ? ` (our complaints policy, clause ${policy.reporting.clause})` : ''}, for 1 January to 31 December {figures.year}. Each figure is
        counted in the year its own event happened: a complaint in the year it was received, a response in the year it was sent. Made on {dateInWords(report.madeOn)}.
      </p>
      {options.publication ? (
        <p class="notice">
          For publication: any count from 1 to {options.publication.threshold - 1} is shown as "fewer than {options.publication.threshold}", so that no one who complained can be picked out.
        </p>
      ) : null}
      {figures.fromDestroyedCases && !options.publication ? <p>{figures.fromDestroyedCases} of the cases counted have since had their personal data destroyed under the retention rule; their anonymous records still count.</p> : null}
      {charts.map((chart) => (
        <ChartFigure chart={chart} />
      ))}
      {sections.map((section) => (
        <Section title={section} rows={rows.filter((r) => r.section === section)} year={figures.year} hasPrevious={Boolean(previous)} />
      ))}
      {assessment ? (
        <section class="report-section">
          <h2>Self-assessment against {assessment.title}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">What the code asks</th>
                <th scope="col">What the policy and the figures show</th>
                <th scope="col">Met</th>
              </tr>
            </thead>
            <tbody>
              {assessment.provisions.map((p) => (
                <tr>
                  <th scope="row">{p.provision}</th>
                  <td>{p.evidence ?? 'For staff to answer.'}</td>
                  <td>{p.answer ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {!options.publication ? (
        <section class="report-section">
          <h2>Lessons learnt</h2>
          {figures.lessons.length ? (
            <ul>
              {figures.lessons.map((l) => (
                <li>{l}</li>
              ))}
            </ul>
          ) : (
            <p>None were recorded at this year's outcomes.</p>
          )}
        </section>
      ) : null}
    </HouseDocument>
  );
};

export function annualReportHtml(report: AnnualReport, options: ReportPageOptions = {}): string | Promise<string> {
  return (<AnnualReportPage report={report} options={options} />).toString();
}
