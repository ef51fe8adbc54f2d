/** Taking a backlog out: CSV, JSON, Markdown and the estimate write-back (export.ts). */
export { exportBacklog, EXPORT_FORMATS, BOARD_JSON_FORMAT, type ExportFormat } from './export.js';
export { csvCell } from './csv-cells.js';
export { sessionEstimatesCsv } from './session-estimates.js';
