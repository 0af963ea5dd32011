// Console kit v1 (a contract for plugin pages): ECharts under the console's CSP.
export { echarts, draw, lineChart, treemapChart, escapeHtml } from '../../charts.js';
