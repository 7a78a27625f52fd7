'use strict';
// Pena's classroom page: no framework, no build step, no external files.

const TEXT = {
  pt: {
    tagline: 'uma rede recorrente que aprendeu a escrever português', model: 'Modelo',
    tabGenerate: 'Gerar', tabCell: 'Dentro da célula', tabLayers: 'Camadas', tabModel: 'Modelo',
    prime: 'Texto inicial', temperature: 'Temperatura', length: 'Comprimento', seed: 'Semente',
    generate: 'Gerar', stop: 'Parar', nextChart: 'Próximo caractere (10 mais prováveis)',
    sentence: 'Frase', unitsShown: 'Unidades mostradas', unit: 'Unidade', show: 'Mostrar',
    cellHint: 'Cada linha é uma unidade da camada, cada coluna um caractere. Portões (σ): escuro = 0, fechado; claro = 1, aberto. Candidato, Ct e ht: azul negativo, branco zero, vermelho positivo. Passe o rato por cima para ver o valor; clique para escolher a unidade e o caractere.',
    stepTitle: 'Passo a passo', curveTitle: 'BPC de validação durante o treino',
    layersHint: 'Empilhamento: o ht de uma camada é o xt da camada de cima, no mesmo passo de tempo. Cada quadrado é uma unidade (azul negativo, vermelho positivo).',
    memoryLstm: u => `Ct (memória de longo prazo) da unidade ${u} ao longo da frase`,
    memoryGru: u => `ht da unidade ${u} ao longo da frase`,
    layer: 'camada', of: 'de', units: 'unidades', input: 'entrada', output: 'saída: próximo caractere',
    generating: 'a gerar…', done: (n, ms, seed) => `${n} caracteres em ${ms} ms (semente ${seed})`,
    cut: 'interrompido: limite de tempo do servidor', reading: 'a ler a frase…',
    factCell: 'célula', factLayers: 'camadas', factHidden: 'unidades por camada', factParams: 'parâmetros',
    factCorpus: 'corpus', factBpc: 'melhor BPC de validação', factVocab: 'vocabulário', factLevel: 'nível',
    factTrained: 'tempo de treino', factSeen: 'tokens vistos', factSpeed: 'velocidade de treino',
    seconds: 's', noHistory: 'sem histórico de treino', step: 'passo', previousState: 'estado anterior',
    firstInspect: 'Abra "Dentro da célula" e mostre uma frase primeiro.',
  },
  en: {
    tagline: 'a recurrent network that learned to write Portuguese', model: 'Model',
    tabGenerate: 'Generate', tabCell: 'Inside the cell', tabLayers: 'Layers', tabModel: 'Model',
    prime: 'Prime text', temperature: 'Temperature', length: 'Length', seed: 'Seed',
    generate: 'Generate', stop: 'Stop', nextChart: 'Next character (10 most likely)',
    sentence: 'Sentence', unitsShown: 'Units shown', unit: 'Unit', show: 'Show',
    cellHint: 'Each row is a unit of the layer, each column a character. Gates (σ): dark = 0, closed; bright = 1, open. Candidate, Ct and ht: blue negative, white zero, red positive. Hover to read a value; click to pick the unit and the character.',
    stepTitle: 'Step by step', curveTitle: 'Validation BPC while training',
    layersHint: 'Stacking: the ht of one layer is the xt of the layer above, at the same time step. Each square is a unit (blue negative, red positive).',
    memoryLstm: u => `Ct (long-term memory) of unit ${u} along the sentence`,
    memoryGru: u => `ht of unit ${u} along the sentence`,
    layer: 'layer', of: 'of', units: 'units', input: 'input', output: 'output: next character',
    generating: 'generating…', done: (n, ms, seed) => `${n} characters in ${ms} ms (seed ${seed})`,
    cut: 'cut off: the server\'s time limit', reading: 'reading the sentence…',
    factCell: 'cell', factLayers: 'layers', factHidden: 'units per layer', factParams: 'parameters',
    factCorpus: 'corpus', factBpc: 'best validation BPC', factVocab: 'vocabulary', factLevel: 'level',
    factTrained: 'training time', factSeen: 'tokens seen', factSpeed: 'training speed',
    seconds: 's', noHistory: 'no training history', step: 'step', previousState: 'previous state',
    firstInspect: 'Open "Inside the cell" and show a sentence first.',
  },
};

const state = { lang: 'pt', models: [], model: null, inspection: null, step: 0, unit: 0, abort: null };
const $ = id => document.getElementById(id);
const t = key => TEXT[state.lang][key];

function visible(token) {
  return token === ' ' ? '·' : token === '\n' ? '⏎' : token === '\t' ? '⇥' : token;
}

// Colours: the same scales as `pena inspect`.
function colour(value, range, limit) {
  const lerp = (a, b, x) => Math.round(a + (b - a) * x);
  if (range === 'sigmoid') {
    const x = Math.max(0, Math.min(1, value));
    return `rgb(${lerp(20, 250, x)},${lerp(24, 225, x)},${lerp(60, 30, x)})`;
  }
  const x = Math.max(-1, Math.min(1, value / limit));
  return x < 0 ? `rgb(${lerp(255, 33, -x)},${lerp(255, 102, -x)},${lerp(255, 172, -x)})`
    : `rgb(${lerp(255, 178, x)},${lerp(255, 24, x)},${lerp(255, 43, x)})`;
}

function limitOf(q) {
  if (q.range !== 'open') return 1;
  let m = 1e-6;
  for (const row of q.values) for (const v of row) m = Math.max(m, Math.abs(v));
  return m;
}

function applyLanguage() {
  document.documentElement.lang = state.lang;
  document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  $('lang').textContent = state.lang === 'pt' ? 'EN' : 'PT';
  renderModel();
  if (state.inspection) renderInspection();
}

// ---- models ----
async function loadModels() {
  const response = await fetch('api/models');
  state.models = await response.json();
  const select = $('model');
  select.innerHTML = '';
  for (const m of state.models) {
    const option = document.createElement('option');
    option.value = m.id;
    option.textContent = `${m.name} (${m.cell} ${m.layers}×${m.hidden})`;
    select.appendChild(option);
  }
  state.model = state.models[0];
  renderModel();
}

function renderModel() {
  const m = state.model;
  if (!m) return;
  const rows = [
    [t('factCell'), m.cell], [t('factLevel'), m.level], [t('factLayers'), m.layers], [t('factHidden'), m.hidden],
    [t('factParams'), m.parameters.toLocaleString(state.lang)], [t('factVocab'), m.vocabulary],
    [t('factCorpus'), m.corpus],
    [t('factBpc'), m.bestValidationBpc == null ? '—' : m.bestValidationBpc.toFixed(3)],
    [t('factTrained'), `${Math.round(m.trainingSeconds)} ${t('seconds')}`],
    [t('factSeen'), m.tokensSeen.toLocaleString(state.lang)],
    [t('factSpeed'), `${Math.round(m.charsPerSecond).toLocaleString(state.lang)} tokens/s`],
  ];
  $('model-table').innerHTML = rows.map(([k, v]) => `<tr><td>${k}</td><td>${escapeHtml(String(v))}</td></tr>`).join('');
  const points = m.history.map(p => [p[0], p[2]]);
  drawLine($('curve'), points, points.length ? '' : t('noHistory'), `${t('seconds')}`, 'BPC');
}

function escapeHtml(s) {
  return s.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

// A line chart in an SVG: points [x, y]; axis ends labelled.
function drawLine(svg, points, emptyText, xLabel, yLabel, marker) {
  const W = svg.viewBox.baseVal.width, H = svg.viewBox.baseVal.height, pad = 40;
  if (!points.length) { svg.innerHTML = `<text x="20" y="30">${emptyText}</text>`; return; }
  const xs = points.map(p => p[0]), ys = points.map(p => p[1]);
  let x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
  if (x1 === x0) x1 = x0 + 1;
  if (y1 === y0) { y0 -= 0.5; y1 += 0.5; }
  const X = x => pad + (x - x0) / (x1 - x0) * (W - 2 * pad);
  const Y = y => H - pad + (y0 - y) / (y1 - y0) * (H - 2 * pad);
  const path = points.map(p => `${X(p[0]).toFixed(1)},${Y(p[1]).toFixed(1)}`).join(' ');
  const zero = y0 < 0 && y1 > 0 ? `<line x1="${pad}" x2="${W - pad}" y1="${Y(0)}" y2="${Y(0)}" stroke="#aaa" stroke-dasharray="4"/>` : '';
  const mark = marker == null ? '' : `<circle cx="${X(points[marker][0])}" cy="${Y(points[marker][1])}" r="6" fill="#b3261e"/>`;
  svg.innerHTML = `${zero}<polyline points="${path}" fill="none" stroke="#1f5fbf" stroke-width="3" vector-effect="non-scaling-stroke"/>`
    + points.map(p => `<circle cx="${X(p[0])}" cy="${Y(p[1])}" r="3" fill="#1f5fbf"/>`).join('') + mark
    + `<text x="4" y="${Y(y1) + 5}" font-size="13">${y1.toFixed(2)}</text><text x="4" y="${Y(y0)}" font-size="13">${y0.toFixed(2)}</text>`
    + `<text x="${W - pad}" y="${H - 8}" font-size="13" text-anchor="end">${xLabel} ${x1.toFixed(0)}</text>`
    + `<text x="${pad}" y="16" font-size="13">${yLabel}</text>`;
}

// ---- Gerar ----
async function generate(event) {
  event.preventDefault();
  if (state.abort) state.abort.abort();
  const controller = new AbortController();
  state.abort = controller;
  const prime = $('prime').value;
  const params = new URLSearchParams({ model: state.model.id, prime, length: $('length').value,
    temperature: $('temperature').value, topK: $('topK').value, topP: $('topP').value });
  if ($('seed').value !== '') params.set('seed', $('seed').value);
  const out = $('output');
  out.querySelector('.prime-text').textContent = prime;
  const generated = out.querySelector('.generated');
  generated.textContent = '';
  setStatus('generate-status', t('generating'));
  $('generate').disabled = true;
  $('stop').disabled = false;
  const started = performance.now();
  try {
    const response = await fetch('api/generate?' + params, { signal: controller.signal });
    if (!response.ok) { setStatus('generate-status', (await response.json()).error, true); return; }
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let newline;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = JSON.parse(buffer.slice(0, newline));
        buffer = buffer.slice(newline + 1);
        if (line.done) {
          const ms = Math.round(performance.now() - started);
          setStatus('generate-status', line.cut ? t('cut') : t('done')(line.tokens, ms, line.seed));
        } else {
          generated.textContent += line.t;
          drawBars(line.top);
        }
      }
    }
  } catch (e) {
    if (e.name !== 'AbortError') setStatus('generate-status', String(e), true);
  } finally {
    $('generate').disabled = false;
    $('stop').disabled = true;
  }
}

// The page's Content-Security-Policy allows no inline style attributes: sizes and colours
// computed here travel as data attributes and are set through the element's style object.
function applyStyles(root) {
  root.querySelectorAll('[data-width]').forEach(e => { e.style.width = e.dataset.width; });
  root.querySelectorAll('[data-bg]').forEach(e => { e.style.background = e.dataset.bg; });
}

function drawBars(top) {
  const max = Math.max(...top.map(x => x[1]), 1e-9);
  $('next-chart').innerHTML = top.map(([sym, p]) =>
    `<div class="bar"><span class="sym">${escapeHtml(visible(sym))}</span>`
    + `<span class="fill" data-width="${(100 * p / max).toFixed(1)}%"></span><span>${(100 * p).toFixed(1)}%</span></div>`).join('');
  applyStyles($('next-chart'));
}

function setStatus(id, text, error) {
  const el = $(id);
  el.textContent = text;
  el.classList.toggle('error', !!error);
}

// ---- Dentro da célula ----
async function inspect(event) {
  if (event) event.preventDefault();
  setStatus('inspect-status', t('reading'));
  const params = new URLSearchParams({ model: state.model.id, text: $('sentence').value });
  const response = await fetch('api/inspect?' + params);
  const body = await response.json();
  if (!response.ok) { setStatus('inspect-status', body.error, true); return; }
  setStatus('inspect-status', '');
  state.inspection = body;
  state.step = Math.min(state.step, body.tokens.length - 1);
  $('step').max = body.tokens.length - 1;
  $('unit').max = body.layers[0].units - 1;
  renderInspection();
}

function renderInspection() {
  const ins = state.inspection;
  const shown = Math.max(1, Math.min(+$('units-shown').value || 32, ins.layers[0].units));
  state.unit = Math.max(0, Math.min(+$('unit').value || 0, ins.layers[0].units - 1));
  const box = $('heatmaps');
  box.innerHTML = '';
  const cellW = Math.max(10, Math.min(22, Math.floor(1100 / ins.tokens.length)));
  const rowH = shown > 64 ? 4 : 8;
  ins.layers.forEach((layer, l) => {
    const block = document.createElement('div');
    block.className = 'layer-block';
    block.innerHTML = `<h3>${t('layer')} ${l + 1} ${t('of')} ${ins.layers.length} — ${ins.cell}, ${layer.units} ${t('units')}</h3>`;
    for (const q of layer.quantities) {
      const limit = limitOf(q);
      const heat = document.createElement('div');
      heat.className = 'heat';
      const name = state.lang === 'pt' ? q.pt : q.en;
      heat.innerHTML = `<div class="title"><b>${q.symbol}</b> ${name}${q.range === 'open' ? ` (±${limit.toFixed(2)})` : ''}</div>`;
      const chars = document.createElement('div');
      chars.className = 'chars';
      chars.innerHTML = ins.tokens.map(tok => `<span data-width="${cellW}px">${escapeHtml(visible(tok))}</span>`).join('');
      applyStyles(chars);
      const canvas = document.createElement('canvas');
      canvas.width = ins.tokens.length * cellW;
      canvas.height = shown * rowH;
      canvas.dataset.layer = l;
      canvas.dataset.quantity = q.id;
      const g = canvas.getContext('2d');
      for (let s = 0; s < ins.tokens.length; s++) {
        for (let u = 0; u < shown; u++) {
          g.fillStyle = colour(q.values[s][u], q.range, limit);
          g.fillRect(s * cellW, u * rowH, cellW - 1, rowH - (rowH > 4 ? 1 : 0));
        }
      }
      g.strokeStyle = '#1f5fbf';
      g.lineWidth = 2;
      if (state.unit < shown) g.strokeRect(0, state.unit * rowH, canvas.width, rowH);
      g.strokeRect(state.step * cellW, 0, cellW, canvas.height);
      const where = e => {
        const r = canvas.getBoundingClientRect();
        return [Math.floor((e.clientX - r.left) / r.width * ins.tokens.length), Math.floor((e.clientY - r.top) / r.height * shown)];
      };
      canvas.addEventListener('mousemove', e => {
        const [s, u] = where(e);
        if (s < 0 || u < 0 || s >= ins.tokens.length || u >= shown) return;
        const text = `${q.symbol} · ${t('unit').toLowerCase()} ${u} · '${visible(ins.tokens[s])}' (${s + 1}) = ${q.values[s][u].toFixed(3)}`;
        $('hover-info').textContent = text;
        const tip = $('tooltip');
        tip.textContent = q.values[s][u].toFixed(3);
        tip.style.left = (e.clientX + 12) + 'px';
        tip.style.top = (e.clientY + 12) + 'px';
        tip.hidden = false;
      });
      canvas.addEventListener('mouseleave', () => { $('tooltip').hidden = true; });
      canvas.addEventListener('click', e => {
        const [s, u] = where(e);
        $('unit').value = u;
        state.step = s;
        $('step').value = s;
        renderInspection();
      });
      heat.append(chars, canvas);
      block.appendChild(heat);
    }
    box.appendChild(block);
  });
  renderMemory();
  renderStep();
  renderStack();
}

function renderMemory() {
  const ins = state.inspection;
  const first = ins.layers[0];
  const isLstm = first.quantities.some(q => q.id === 'c');
  const q = first.quantities.find(x => x.id === (isLstm ? 'c' : 'h'));
  $('memory-title').textContent = (isLstm ? t('memoryLstm') : t('memoryGru'))(state.unit) + ` (${t('layer')} 1)`;
  const points = ins.tokens.map((tok, s) => [s, q.values[s][state.unit]]);
  drawLine($('memory-line'), points, '', t('step'), q.symbol, state.step);
  // label the characters under the line
  const svg = $('memory-line');
  const W = svg.viewBox.baseVal.width, pad = 40;
  svg.insertAdjacentHTML('beforeend', ins.tokens.map((tok, s) =>
    `<text x="${pad + s / Math.max(1, ins.tokens.length - 1) * (W - 2 * pad)}" y="195" font-size="12" text-anchor="middle">${escapeHtml(visible(tok))}</text>`).join(''));
}

// The course's cell diagram with the selected unit's values at the current character.
function renderStep() {
  const ins = state.inspection;
  const s = state.step, u = state.unit;
  const layer = ins.layers[0];
  const v = id => { const q = layer.quantities.find(x => x.id === id); return q ? q.values[s][u] : NaN; };
  const prev = id => { const q = layer.quantities.find(x => x.id === id); return s > 0 && q ? q.values[s - 1][u] : 0; };
  $('step-label').textContent = `${t('step')} ${s + 1}/${ins.tokens.length}: '${visible(ins.tokens[s])}' · ${t('unit').toLowerCase()} ${u}`;
  const f3 = x => (Number.isFinite(x) ? x.toFixed(2) : '—');
  const box = (x, y, label, value, range) => `<g><rect x="${x - 38}" y="${y - 24}" width="76" height="48" rx="8" fill="${colour(value, range, 1)}" stroke="#1d2433"/>`
    + `<text x="${x}" y="${y - 4}" text-anchor="middle" fill="${range === 'sigmoid' && value < 0.5 ? '#fff' : '#1d2433'}">${label}</text>`
    + `<text x="${x}" y="${y + 15}" text-anchor="middle" font-weight="bold" fill="${range === 'sigmoid' && value < 0.5 ? '#fff' : '#1d2433'}">${f3(value)}</text></g>`;
  const arrow = (x1, y1, x2, y2) => `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#1d2433" stroke-width="2" marker-end="url(#arrowhead)"/>`;
  const defs = '<defs><marker id="arrowhead" markerWidth="10" markerHeight="7" refX="9" refY="3.5" orient="auto"><polygon points="0 0, 10 3.5, 0 7" fill="#1d2433"/></marker></defs>';
  const op = (x, y, sym) => `<circle cx="${x}" cy="${y}" r="15" fill="#fff" stroke="#1d2433"/><text x="${x}" y="${y + 6}" text-anchor="middle" font-size="18">${sym}</text>`;
  const txt = (x, y, s2, anchor = 'middle') => `<text x="${x}" y="${y}" text-anchor="${anchor}">${s2}</text>`;
  let svg = defs;
  if (layer.quantities.some(q => q.id === 'c')) {
    // C(t-1) ──×f──+──► Ct ; i×g into +; o × tanh(Ct) → ht
    svg += txt(20, 60, `C(t-1) = ${f3(prev('c'))}`, 'start') + arrow(150, 55, 238, 55) + op(255, 55, '×')
      + arrow(272, 55, 418, 55) + op(435, 55, '+') + arrow(452, 55, 600, 55) + txt(610, 60, `Ct = ${f3(v('c'))}`, 'start')
      + box(255, 150, 'ft σ', v('f'), 'sigmoid') + arrow(255, 126, 255, 72)
      + box(355, 240, 'it σ', v('i'), 'sigmoid') + box(470, 240, 'C̃t tanh', v('g'), 'tanh')
      + op(435, 150, '×') + arrow(355, 216, 425, 162) + arrow(470, 216, 445, 164) + arrow(435, 135, 435, 72)
      + box(590, 240, 'ot σ', v('o'), 'sigmoid') + op(640, 150, '×') + arrow(640, 68, 640, 133)
      + arrow(600, 216, 632, 164) + arrow(655, 150, 700, 150) + txt(705, 155, `ht = ${f3(v('h'))}`, 'start')
      + txt(20, 310, `xt = '${escapeHtml(visible(ins.tokens[s]))}', h(t-1) = ${f3(prev('h'))}  →  [h(t-1), xt]`, 'start');
  } else {
    // ht = (1 - zt) h(t-1) + zt h̃t
    svg += txt(20, 60, `h(t-1) = ${f3(prev('h'))}`, 'start') + arrow(150, 55, 238, 55) + op(255, 55, '×')
      + txt(255, 100, '1 − zt') + arrow(272, 55, 418, 55) + op(435, 55, '+') + arrow(452, 55, 600, 55)
      + txt(610, 60, `ht = ${f3(v('h'))}`, 'start')
      + box(255, 170, 'rt σ', v('r'), 'sigmoid') + box(360, 250, 'zt σ', v('z'), 'sigmoid')
      + box(500, 200, 'h̃t tanh', v('n'), 'tanh') + op(435, 130, '×') + arrow(500, 176, 445, 143)
      + arrow(395, 240, 425, 143) + arrow(435, 115, 435, 72) + arrow(293, 170, 462, 195)
      + txt(20, 310, `xt = '${escapeHtml(visible(ins.tokens[s]))}'  →  [rt · h(t-1), xt]`, 'start');
  }
  $('diagram').innerHTML = svg;
}

// Layers: each layer's ht at the current character, the one above reading it as its xt.
function renderStack() {
  const ins = state.inspection;
  const s = state.step;
  $('layers-label').textContent = `${t('step')} ${s + 1}/${ins.tokens.length}: '${visible(ins.tokens[s])}'`;
  const stack = $('stack');
  let html = `<div class="row"><div class="label">${t('input')} xt</div><div class="input-char">${escapeHtml(visible(ins.tokens[s]))}</div></div>`;
  ins.layers.forEach((layer, l) => {
    const h = layer.quantities.find(q => q.id === 'h').values[s];
    html += `<div class="arrow">▲ ${l === 0 ? 'xt' : `h${l}t → x${l + 1}t`}</div>`;
    html += `<div class="row"><div class="label">${t('layer')} ${l + 1}: ht (${layer.units} ${t('units')})</div><div class="units">`
      + Array.from(h).map((x, u) => `<span title="${u}: ${x.toFixed(3)}" data-bg="${colour(x, 'tanh', 1)}"></span>`).join('')
      + '</div></div>';
  });
  html += '<div class="arrow">▲ softmax</div>';
  html += `<div class="row"><div class="label">${t('output')}</div><div class="bars">`
    + ins.next[s].map(([sym, p]) => `<div class="bar"><span class="sym">${escapeHtml(visible(sym))}</span>`
      + `<span class="fill" data-width="${(100 * p).toFixed(1)}%"></span><span>${(100 * p).toFixed(1)}%</span></div>`).join('')
    + '</div></div>';
  stack.innerHTML = html;
  applyStyles(stack);
}

function moveStep(delta) {
  if (!state.inspection) return;
  state.step = Math.max(0, Math.min(state.inspection.tokens.length - 1, state.step + delta));
  $('step').value = state.step;
  renderInspection();
}

// ---- wiring ----
function showTab(name) {
  document.querySelectorAll('.tab').forEach(b => b.classList.toggle('active', b.dataset.tab === name));
  document.querySelectorAll('.panel').forEach(p => { p.hidden = p.id !== 'tab-' + name; });
  if (name === 'camadas' && !state.inspection) {
    $('stack').innerHTML = `<p class="hint">${t('firstInspect')}</p>`;
  }
}

document.querySelectorAll('.tab').forEach(b => b.addEventListener('click', () => showTab(b.dataset.tab)));
$('lang').addEventListener('click', () => { state.lang = state.lang === 'pt' ? 'en' : 'pt'; applyLanguage(); });
$('model').addEventListener('change', e => {
  state.model = state.models.find(m => m.id === e.target.value);
  state.inspection = null;
  $('heatmaps').innerHTML = '';
  renderModel();
});
$('generate-form').addEventListener('submit', generate);
$('stop').addEventListener('click', () => { if (state.abort) state.abort.abort(); });
$('inspect-form').addEventListener('submit', inspect);
$('unit').addEventListener('change', () => { if (state.inspection) renderInspection(); });
$('units-shown').addEventListener('change', () => { if (state.inspection) renderInspection(); });
$('step').addEventListener('input', e => { state.step = +e.target.value; if (state.inspection) renderInspection(); });
$('step-back').addEventListener('click', () => moveStep(-1));
$('step-forward').addEventListener('click', () => moveStep(1));
$('layers-back').addEventListener('click', () => moveStep(-1));
$('layers-forward').addEventListener('click', () => moveStep(1));

applyLanguage();
loadModels().catch(e => setStatus('generate-status', String(e), true));
