// The account 360's scores: each model's current score with its explanation, and the history as a chart.
import { lineChart } from '../charts.js';
import { cell, dataTable as table } from '../tables.js';
import { moment, words } from '../format.js';

export async function scores({ context, account, body }) {
  const { el, api } = context;
  let answer;
  try {
    answer = await api('/accounts/' + encodeURIComponent(account.id) + '/scores');
  } catch (error) {
    if (error.status === 404) { // the account exists (read above): the scoring plugin is not running
      body.replaceChildren(el('h2', {}, 'Scores'), el('p', {}, 'Scoring is not installed.'));
      return;
    }
    throw error;
  }
  const models = answer.models || [];
  if (models.length === 0) {
    body.replaceChildren(el('h2', {}, 'Scores'), el('p', {}, 'No model has scored this account yet.'));
    return;
  }
  // models by their names, as the scoring pages call them (a model no longer installed by its id in words)
  const installed = await api('/scoring/models').then(a => a.items || [], () => []);
  const names = new Map(installed.map(m => [m.id, m.name]));
  const title = id => names.get(id) || words(id);
  const series = models.map(m => ({ name: title(m.modelId),
    // a run that lacked the facts for a score leaves a gap, not a zero
    points: (m.history || []).filter(h => h.score !== null).map(h => [h.scoredAt, h.score])
      .sort((a, b) => a[0].localeCompare(b[0])) }));
  // a history needs two runs: one point alone draws a single label, not a line
  const hasHistory = series.some(s => s.points.length > 1);
  const chart = hasHistory ? el('div', { class: 'chart', id: 'score-history' })
    : el('p', { class: 'muted', id: 'score-history-note' },
      'Scored once so far: the chart of the score over time appears after the next run.');
  body.replaceChildren(
    el('h2', {}, 'Scores'),
    el('div', { class: 'cards scores' }, models.map(m => el('section', { class: 'card score', 'aria-labelledby': 'score-' + m.modelId },
      el('h3', { id: 'score-' + m.modelId }, title(m.modelId), m.modelInstalled ? '' : ' (uninstalled)'),
      el('p', { class: 'score-value' }, m.score === null ? '—' : String(m.score)),
      m.classification ? el('p', {}, el('strong', {}, m.classification.label)) : null,
      m.classification && m.classification.recommendation ? el('p', { class: 'muted' }, m.classification.recommendation) : null,
      m.note ? el('p', { class: 'muted' }, m.note) : null,
      el('details', {}, el('summary', {}, 'Why this score'),
        table(el, 'Contributions to ' + title(m.modelId), ['Factor', 'Input', 'Value', 'Weight', 'Contribution'],
          (m.contributions || []).map(c => [c.label, c.input, String(c.value), String(c.weight), String(c.contribution)]),
          { empty: 'No explanation given.' }))))),
    el('h3', {}, 'Score history'),
    chart,
    el('details', {}, el('summary', {}, 'Score history as a table'),
      table(el, 'Score history', ['Model', 'Scored at', 'Score', 'Class'],
        models.flatMap(m => (m.history || []).map(h => [title(m.modelId), cell(moment(h.scoredAt), h.scoredAt),
          h.score === null ? '— (not scored)' : String(h.score), h.classification || '—'])), { empty: 'No history.' })));
  if (hasHistory) {
    await lineChart(chart, { label: 'Score history of ' + account.name, series });
  }
}
