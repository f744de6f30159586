/** The annual report as a page, for the CLI and the console: the JSX lives in report-page.tsx (aliases reach .ts files only). */
export { annualReportHtml, type ReportPageOptions } from './report-page.js';
