// Results reports (xlsx / csv), safe against formula injection.
export { buildReport, reportToCsv, reportToXlsx, writeReport, OUTCOME_LABELS } from './report'
export type { Report, ReportSource, ReportOptions, ReportLanguage } from './report'
export { escapeFormula, csvField, safeValue } from './escape'
export type { ReportValue } from './escape'
