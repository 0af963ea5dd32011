// Console kit v1 (a contract for plugin pages): accessible data tables in a keyboard-reachable scrolling region,
// sortable by their column headers, downloadable as CSV, stacked under their column names on a phone.
export { cell, dataTable, listTools } from '../../tables.js';
