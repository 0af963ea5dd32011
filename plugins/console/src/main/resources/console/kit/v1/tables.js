// Console kit v1 (a contract for plugin pages): accessible data tables in a keyboard-reachable scrolling region.
export { dataTable } from '../../tables.js';
