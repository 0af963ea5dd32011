// Charts for console pages, drawn with ECharts (served by the console under /console/lib/). Every chart has an
// accessible name; pages put a table of the same data next to it for screen readers and keyboard users.

let library = null;

/** ECharts, loaded once on first use. */
export function echarts() {
  library = library || import('/console/lib/echarts/echarts.esm.min.js');
  return library;
}

/** Escapes text for ECharts' HTML tooltips, which take markup. */
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/**
 * Draws ECharts options into container (sized by CSS); the chart follows the window's size and is disposed of
 * when the container leaves the page. Returns the chart.
 */
export async function draw(container, label, options) {
  const lib = await echarts();
  container.setAttribute('role', 'img');
  container.setAttribute('aria-label', label);
  const chart = lib.init(container, null, { renderer: 'canvas' });
  chart.setOption({ animation: false, aria: { enabled: false }, ...options });
  const resize = () => {
    if (!container.isConnected) {
      window.removeEventListener('resize', resize);
      chart.dispose();
      return;
    }
    chart.resize();
  };
  window.addEventListener('resize', resize);
  return chart;
}

/**
 * A line chart over time: series is [{ name, points: [[isoTime, value], ...] }]. The container gets
 * data-series and data-points with what was drawn.
 */
export async function lineChart(container, { label, series, min = 0, max = 100 }) {
  container.dataset.series = String(series.length);
  container.dataset.points = String(series.reduce((sum, s) => sum + s.points.length, 0));
  return draw(container, label, {
    tooltip: { trigger: 'axis', formatter: items => items.map(i =>
      `${escapeHtml(i.seriesName)}: ${escapeHtml(i.value[1])}`).join('<br>') },
    legend: { type: 'scroll', top: 0, formatter: name => name },
    grid: { left: 40, right: 16, top: 40, bottom: 30 },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', min, max },
    series: series.map(s => ({ name: s.name, type: 'line', showSymbol: true, symbolSize: 7, data: s.points }))
  });
}

/**
 * A treemap of parts of a whole: items is [{ name, value, label }] (label: the value as people read it, such as
 * money); each tile's area is its value, parts of zero or less are left out (an area cannot be negative). The
 * container gets data-tiles with how many tiles were drawn.
 */
export async function treemapChart(container, { label, items }) {
  const drawn = items.filter(i => i.value > 0);
  container.dataset.tiles = String(drawn.length);
  return draw(container, label, {
    tooltip: { formatter: info => `${escapeHtml(info.name)}: ${escapeHtml(info.data.label)}` },
    series: [{ type: 'treemap', roam: false, nodeClick: false, breadcrumb: { show: false },
      left: 0, right: 0, top: 0, bottom: 0,
      label: { show: true, fontSize: 14, lineHeight: 20, formatter: info => `${info.name}\n${info.data.label}` },
      data: drawn.map(i => ({ name: i.name, value: i.value, label: i.label })) }]
  });
}
