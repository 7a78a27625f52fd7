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
    tabMemory: 'Memória', tabCompare: 'Comparar',
    memoryHint: 'Clique num caractere: os caracteres anteriores ficam sombreados pela influência que tiveram na previsão dele (a norma do gradiente de log p em relação a cada entrada, por todas as camadas). Em baixo, a influência média contra a distância, no texto de validação de cada modelo.',
    memoryCurves: 'Influência contra distância (escala logarítmica)',
    memoryAt: (c, p, prec) => `previsão de '${c}': p = ${p} (aritmética ${prec}); laranja = mais influência`,
    beyond: (d, v) => `${v}% além de ${d}`, halfWithin: n => `metade nos últimos ${n}`,
    charsBack: 'caracteres para trás', tokensBack: 'tokens para trás', forgetPath: l => `Π f, camada ${l}`, measuring: 'a medir a memória…',
    modelA: 'Modelo A', modelB: 'Modelo B', layerShown: 'Camada', compareButton: 'Comparar',
    compareHint: 'Os dois modelos leem a mesma frase. Cada caractere é sombreado pela surpresa do modelo (bits: branco = esperado, roxo = surpreso); clique num caractere para ver os próximos mais prováveis de cada um. Em baixo, as curvas de memória e os portões da camada escolhida, um modelo acima do outro.',
    surprisal: (name, bits) => `${name}: surpresa média ${bits} bits por caractere`,
    nextAfter: (name, c) => `${name}, depois de '${c}'`,
    tabUnits: 'Unidades', unitsText: 'Texto (vazio: o texto de validação do modelo)', unitsButton: 'Procurar unidades',
    unitsHint: 'Para cada traço do texto, as unidades (ht de cada camada e, num LSTM, Ct) cujo valor melhor o segue: AUC para traços sim/não, |correlação| para os graduais. O texto em baixo está colorido, caractere a caractere, pelo valor da melhor unidade (azul negativo, vermelho positivo).',
    absent: 'ausente deste texto', higherWhere: 'mais alta onde vale', lowerWhere: 'mais baixa onde vale',
    rises: 'sobe com ele', falls: 'desce quando ele sobe', searching: 'a procurar…',
    unitsOver: (cell, n, chars) => `${cell}: ${n} unidades ordenadas, sobre ${chars} caracteres`,
    tabTrain: 'Treinar', trainCorpus: 'Corpus', trainUpload: 'ou envie um .txt', trainCell: 'Célula',
    trainLayers: 'Camadas', trainHidden: 'Unidades por camada', trainMinutes: 'Minutos', trainName: 'Nome do modelo',
    trainStart: 'Começar a treinar', trainStop: 'Parar e guardar',
    trainHint: 'O treino corre neste computador, com o mesmo treinador de pena train: BPTT truncada em janelas de 64 caracteres, 32 fluxos, Adam. A cada ponto de avaliação a rede escreve uma amostra (sempre com a mesma semente): vê-se o texto passar de ruído a palavras. Todas as páginas abertas veem o mesmo treino. Parar guarda o melhor modelo, que aparece no seletor de modelos.',
    trainCurve: 'Perda de treino e BPC de validação (bits por caractere)', trainSamples: 'Amostras, da mais recente',
    trainLoss: 'treino (bits/caractere)', valBpc: 'validação (BPC)',
    uploading: 'a enviar…', uploaded: (n, c) => `${n}: ${c.toLocaleString('pt')} caracteres, pronto a treinar`,
    runPreparing: 'a ler o corpus e a construir a rede…',
    runTraining: r => `a treinar ${r.description || r.cell}: época ${r.epoch || 1}, ${Math.round(r.charsPerSecond || 0).toLocaleString('pt')} caracteres/s, faltam ${clock(r.etaSeconds)}`,
    runStopping: 'a parar: a avaliar e a guardar o melhor modelo…',
    runOver: r => `${r.status === 'stopped' ? 'parado' : 'terminado'}: o modelo «${r.name}» está no seletor (melhor BPC ${bestOf(r)}), guardado em ${r.file}`,
    runFailed: r => `o treino falhou: ${r.message}`,
    liveBanner: r => `Treino ao vivo: ${r.cell} ${r.layers}×${r.hidden} em ${r.corpus} · ${liveState(r)}`,
    liveTraining: r => `${Math.round(r.charsPerSecond || 0).toLocaleString('pt')} car/s · BPC ${lastBpc(r)} · faltam ${clock(r.etaSeconds)}`,
    livePreparing: 'a preparar', liveStopping: 'a guardar', liveDone: r => `pronto: «${r.name}» (BPC ${bestOf(r)})`,
    liveFailed: 'falhou', trainedSeconds: 'de treino', beforeTraining: 'antes de treinar',
    tooLarge: (n, b, max) => `${n}: ${b.toLocaleString('pt')} bytes; a página aceita até ${max.toLocaleString('pt')} (pena serve --max-corpus-mb)`,
    noModel: 'Ainda não há modelo: treine o primeiro na aba Treinar.', noModelOption: '(nenhum modelo ainda)',
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
    tabMemory: 'Memory', tabCompare: 'Compare',
    memoryHint: 'Click a character: the characters before it are shaded by how much they influenced its prediction (the norm of the gradient of log p with respect to each input, through every layer). Below, the mean influence against distance on each model\'s validation text.',
    memoryCurves: 'Influence against distance (log scale)',
    memoryAt: (c, p, prec) => `prediction of '${c}': p = ${p} (${prec} arithmetic); orange = more influence`,
    beyond: (d, v) => `${v}% beyond ${d}`, halfWithin: n => `half within ${n}`,
    charsBack: 'characters back', tokensBack: 'tokens back', forgetPath: l => `Π f, layer ${l}`, measuring: 'measuring memory…',
    modelA: 'Model A', modelB: 'Model B', layerShown: 'Layer', compareButton: 'Compare',
    compareHint: 'Both models read the same sentence. Each character is shaded by the model\'s surprise (bits: white = expected, purple = surprised); click a character to see each one\'s likeliest next characters. Below, the memory curves and the gates of the chosen layer, one model above the other.',
    surprisal: (name, bits) => `${name}: mean surprisal ${bits} bits per character`,
    nextAfter: (name, c) => `${name}, after '${c}'`,
    tabUnits: 'Units', unitsText: 'Text (empty: the model\'s validation text)', unitsButton: 'Find units',
    unitsHint: 'For each feature of the text, the units (each layer\'s ht and, in an LSTM, Ct) whose value follows it best: AUC for on/off features, |correlation| for graded ones. The text below is coloured, character by character, by the best unit\'s value (blue negative, red positive).',
    absent: 'not in this text', higherWhere: 'higher where it holds', lowerWhere: 'lower where it holds',
    rises: 'rises with it', falls: 'falls as it rises', searching: 'searching…',
    unitsOver: (cell, n, chars) => `${cell}: ${n} units ranked, over ${chars} characters`,
    tabTrain: 'Train', trainCorpus: 'Corpus', trainUpload: 'or upload a .txt', trainCell: 'Cell',
    trainLayers: 'Layers', trainHidden: 'Units per layer', trainMinutes: 'Minutes', trainName: 'Model name',
    trainStart: 'Start training', trainStop: 'Stop and save',
    trainHint: 'Training runs on this computer, with the same trainer as pena train: truncated BPTT over windows of 64 characters, 32 streams, Adam. At every evaluation point the network writes a sample (always with the same seed): the text goes from noise to words. Every open page sees the same run. Stop saves the best model, which appears in the model selector.',
    trainCurve: 'Training loss and validation BPC (bits per character)', trainSamples: 'Samples, newest first',
    trainLoss: 'training (bits/character)', valBpc: 'validation (BPC)',
    uploading: 'uploading…', uploaded: (n, c) => `${n}: ${c.toLocaleString('en')} characters, ready to train`,
    runPreparing: 'reading the corpus and building the network…',
    runTraining: r => `training ${r.description || r.cell}: epoch ${r.epoch || 1}, ${Math.round(r.charsPerSecond || 0).toLocaleString('en')} characters/s, ${clock(r.etaSeconds)} left`,
    runStopping: 'stopping: scoring and saving the best model…',
    runOver: r => `${r.status === 'stopped' ? 'stopped' : 'finished'}: the model "${r.name}" is in the selector (best BPC ${bestOf(r)}), saved in ${r.file}`,
    runFailed: r => `the run failed: ${r.message}`,
    liveBanner: r => `Live training: ${r.cell} ${r.layers}×${r.hidden} on ${r.corpus} · ${liveState(r)}`,
    liveTraining: r => `${Math.round(r.charsPerSecond || 0).toLocaleString('en')} chars/s · BPC ${lastBpc(r)} · ${clock(r.etaSeconds)} left`,
    livePreparing: 'preparing', liveStopping: 'saving', liveDone: r => `ready: "${r.name}" (BPC ${bestOf(r)})`,
    liveFailed: 'failed', trainedSeconds: 'trained', beforeTraining: 'before training',
    tooLarge: (n, b, max) => `${n}: ${b.toLocaleString('en')} bytes; the page takes up to ${max.toLocaleString('en')} (pena serve --max-corpus-mb)`,
    noModel: 'No model yet: train the first in the Train tab.', noModelOption: '(no model yet)',
  },
};

const state = { lang: 'pt', models: [], model: null, inspection: null, step: 0, unit: 0, abort: null,
  memory: null, profiles: {}, compare: null, compareAt: 0, units: null, training: null };
const SERIES = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b'];
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
  if (state.memory) renderMemoryText();
  if (state.compare) renderCompare();
  if (state.units) renderUnits();
  renderProfiles();
  if (state.training) renderTraining();
}

// ---- models ----
async function loadModels() {
  const response = await fetch('api/models');
  const keep = state.model ? state.model.id : null;
  const keepA = $('compare-a').value, keepB = $('compare-b').value;
  state.models = await response.json();
  const select = $('model');
  select.innerHTML = '';
  for (const m of state.models) {
    const option = document.createElement('option');
    option.value = m.id;
    option.textContent = `${m.name} (${m.cell} ${m.layers}×${m.hidden})`;
    select.appendChild(option);
  }
  if (!state.models.length) { // pena serve without --model: the Treinar tab trains the first
    const none = document.createElement('option');
    none.value = '';
    select.appendChild(none);
  }
  state.model = state.models.find(m => m.id === keep) || state.models[0] || null;
  select.value = state.model ? state.model.id : '';
  for (const [id, pick, kept] of [['compare-a', 0, keepA], ['compare-b', 1, keepB]]) {
    const s = $(id);
    s.innerHTML = select.innerHTML;
    s.selectedIndex = Math.min(pick, state.models.length - 1);
    if (kept && state.models.some(m => m.id === kept)) s.value = kept;
  }
  renderModel();
}

function renderModel() {
  const m = state.model;
  if (!m) {
    for (const id of ['model', 'compare-a', 'compare-b']) {
      const none = $(id).querySelector('option[value=""]');
      if (none) none.textContent = t('noModelOption');
    }
    $('model-table').innerHTML = `<tr><td>${t('noModel')}</td></tr>`;
    return;
  }
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
// An action that needs a model, on a page started without one: says so where its answer would go.
function needsModel(statusId) {
  if (state.model) return false;
  setStatus(statusId, t('noModel'), true);
  return true;
}

async function generate(event) {
  event.preventDefault();
  if (needsModel('generate-status')) return;
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
  if (needsModel('inspect-status')) return;
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
  ins.layers.forEach((layer, l) => box.appendChild(layerBlock(ins, l, shown, cellW, rowH, (s, u) => {
    $('unit').value = u;
    state.step = s;
    $('step').value = s;
    renderInspection();
  })));
  renderMemory();
  renderStep();
  renderStack();
}

// One layer's heatmaps (a canvas per quantity); onPick(step, unit) on click, or null.
function layerBlock(ins, l, shown, cellW, rowH, onPick, title) {
  const layer = ins.layers[l];
  const block = document.createElement('div');
  block.className = 'layer-block';
  block.innerHTML = `<h3>${title ? escapeHtml(title) + ' — ' : ''}${t('layer')} ${l + 1} ${t('of')} ${ins.layers.length} — ${ins.cell}, ${layer.units} ${t('units')}</h3>`;
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
    if (onPick) {
      if (state.unit < shown) g.strokeRect(0, state.unit * rowH, canvas.width, rowH);
      g.strokeRect(state.step * cellW, 0, cellW, canvas.height);
    }
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
    if (onPick) canvas.addEventListener('click', e => { const [s, u] = where(e); onPick(s, u); });
    heat.append(chars, canvas);
    block.appendChild(heat);
  }
  return block;
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
  if (layer.quantities.length === 1) {
    // plain RNN: ht = tanh(xt·W + h(t-1)·RW + b), no gate decides what is kept
    svg += txt(20, 60, `h(t-1) = ${f3(prev('h'))}`, 'start') + arrow(150, 55, 300, 150)
      + txt(20, 260, `xt = '${escapeHtml(visible(ins.tokens[s]))}'`, 'start') + arrow(150, 255, 300, 180)
      + box(360, 165, 'ht tanh', v('h'), 'tanh') + arrow(398, 165, 560, 165) + txt(570, 170, `ht = ${f3(v('h'))}`, 'start')
      + txt(20, 310, 'ht = tanh(xt·W + h(t-1)·RW + b)', 'start');
  } else if (layer.quantities.some(q => q.id === 'c')) {
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

// ---- Memória ----
async function showMemory(event, at) {
  if (event) event.preventDefault();
  if (needsModel('memory-status')) return;
  setStatus('memory-status', t('measuring'));
  const params = new URLSearchParams({ model: state.model.id, text: $('memory-sentence').value });
  if (at != null) params.set('at', at);
  const response = await fetch('api/memory?' + params);
  const body = await response.json();
  if (!response.ok) { setStatus('memory-status', body.error, true); return; }
  setStatus('memory-status', '');
  state.memory = body;
  renderMemoryText();
  loadProfiles(state.models.map(m => m.id));
}

function renderMemoryText() {
  const m = state.memory;
  const max = Math.max(1e-12, ...m.influence);
  const shade = x => `rgb(${Math.round(255 - 25 * x)},${Math.round(255 - 170 * x)},${Math.round(255 - 242 * x)})`;
  const box = $('memory-text');
  box.innerHTML = m.tokens.map((tok, s) => {
    const cls = s === m.target ? 'target' : s > m.target ? 'after' : '';
    const bg = s < m.target ? ` data-bg="${shade(m.influence[s] / max)}"` : '';
    const title = s < m.target ? ` title="${m.influence[s].toExponential(2)}"` : '';
    return `<span data-at="${s}" class="${cls}"${bg}${title}>${escapeHtml(visible(tok))}</span>`;
  }).join('');
  applyStyles(box);
  box.querySelectorAll('span').forEach(el => el.addEventListener('click', () => {
    const at = +el.dataset.at;
    if (at > 0) showMemory(null, at);
  }));
  $('memory-info').textContent = t('memoryAt')(visible(m.tokens[m.target]), m.probability.toFixed(3), m.precision);
}

async function loadProfiles(ids) {
  for (const id of ids) {
    if (state.profiles[id]) continue;
    const response = await fetch('api/memory-profile?' + new URLSearchParams({ model: id }));
    const body = await response.json();
    if (!response.ok) { setStatus('memory-status', body.error, true); return; }
    state.profiles[id] = body;
    renderProfiles();
  }
}

function renderProfiles() {
  const all = state.models.filter(m => state.profiles[m.id]);
  drawProfiles($('memory-curves'), $('memory-legend'), all);
  if (state.compare) drawProfiles($('compare-curves'), $('compare-legend'), state.compare.models.filter(m => state.profiles[m.id]));
}

// Influence against distance, log y: one solid line per model, its LSTM forget paths dashed.
function drawProfiles(svg, legend, models) {
  const series = [];
  models.forEach(m => {
    const p = state.profiles[m.id];
    const colour = SERIES[state.models.indexOf(m) % SERIES.length];
    series.push({ colour, values: p.influence, dash: '' });
    p.forgetPath.forEach((path, l) => series.push({ colour, values: path, dash: `${4 + 6 * l} 5` }));
  });
  const words = models.length && models.every(m => m.level !== 'char');
  drawLogLines(svg, series, words ? t('tokensBack') : t('charsBack'));
  legend.innerHTML = models.map(m => {
    const p = state.profiles[m.id];
    const colour = SERIES[state.models.indexOf(m) % SERIES.length];
    const shares = Object.entries(p.beyond).map(([d, v]) => t('beyond')(d, (100 * v).toFixed(1))).join(', ');
    const paths = p.forgetPath.length ? ` · - - ${p.forgetPath.map((_, l) => t('forgetPath')(l + 1)).join(', ')}` : '';
    return `<span><span class="swatch" data-bg="${colour}"></span>${escapeHtml(m.name)} (${m.cell} ${m.layers}×${m.hidden}): `
      + `${shares}; ${t('halfWithin')(p.halfDistance)}${paths}</span>`;
  }).join('');
  applyStyles(legend);
}

function drawLogLines(svg, series, xLabel) {
  const W = svg.viewBox.baseVal.width, H = svg.viewBox.baseVal.height, left = 70, pad = 30;
  const positive = series.flatMap(s => s.values.filter(v => v > 0));
  if (!positive.length) { svg.innerHTML = ''; return; }
  const lo = Math.floor(Math.log10(Math.min(...positive))), hi = Math.ceil(Math.log10(Math.max(...positive)));
  const n = Math.max(...series.map(s => s.values.length));
  const X = d => left + (d - 1) / Math.max(1, n - 1) * (W - left - pad);
  const Y = v => H - pad - (Math.log10(Math.max(v, 10 ** lo)) - lo) / Math.max(1, hi - lo) * (H - 2 * pad);
  let html = '';
  for (let e = lo; e <= hi; e++) {
    html += `<line x1="${left}" x2="${W - pad}" y1="${Y(10 ** e)}" y2="${Y(10 ** e)}" stroke="#d8dce6"/>`
      + `<text x="${left - 6}" y="${Y(10 ** e) + 4}" font-size="12" text-anchor="end">1e${e}</text>`;
  }
  for (const d of [1, 10, 20, 50, 100].filter(d => d <= n)) {
    html += `<line x1="${X(d)}" x2="${X(d)}" y1="${pad}" y2="${H - pad}" stroke="#d8dce6"/>`
      + `<text x="${X(d)}" y="${H - pad + 16}" font-size="12" text-anchor="middle">${d}</text>`;
  }
  for (const s of series) {
    const points = s.values.map((v, k) => `${X(k + 1).toFixed(1)},${Y(v).toFixed(1)}`).join(' ');
    html += `<polyline points="${points}" fill="none" stroke="${s.colour}" stroke-width="${s.dash ? 2 : 3}"`
      + `${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`;
  }
  html += `<text x="${W - pad}" y="${H - 4}" font-size="13" text-anchor="end">${xLabel}</text>`;
  svg.innerHTML = html;
}

// ---- Comparar ----
async function compareModels(event) {
  if (event) event.preventDefault();
  if (needsModel('compare-status')) return;
  const models = [$('compare-a').value, $('compare-b').value].map(id => state.models.find(m => m.id === id));
  setStatus('compare-status', t('reading'));
  const text = $('compare-sentence').value;
  const inspections = [];
  for (const m of models) {
    const response = await fetch('api/inspect?' + new URLSearchParams({ model: m.id, text }));
    const body = await response.json();
    if (!response.ok) { setStatus('compare-status', `${m.name}: ${body.error}`, true); return; }
    inspections.push(body);
  }
  setStatus('compare-status', '');
  state.compare = { models, inspections };
  state.compareAt = Math.min(state.compareAt, inspections[0].tokens.length - 1);
  renderCompare();
  loadProfiles(models.map(m => m.id));
}

function renderCompare() {
  const { models, inspections } = state.compare;
  const purple = bits => { const x = Math.max(0, Math.min(1, bits / 8)); return `rgb(${Math.round(255 - 150 * x)},${Math.round(255 - 205 * x)},${Math.round(255 - 75 * x)})`; };
  const box = $('compare-surprisal');
  box.innerHTML = models.map((m, i) => {
    const ins = inspections[i];
    const bits = ins.surprisal.filter(b => b != null);
    const mean = bits.length ? (bits.reduce((a, b) => a + b, 0) / bits.length).toFixed(2) : '—';
    return `<div class="who">${escapeHtml(t('surprisal')(`${m.name} (${m.cell})`, mean))}</div><div class="chars-row" data-model="${i}">`
      + ins.tokens.map((tok, s) => `<span data-at="${s}" class="${s === state.compareAt ? 'cursor-at' : ''}"`
        + `${ins.surprisal[s] == null ? '' : ` data-bg="${purple(ins.surprisal[s])}" title="${ins.surprisal[s].toFixed(2)} bits"`}>`
        + `${escapeHtml(visible(tok))}</span>`).join('') + '</div>';
  }).join('');
  applyStyles(box);
  box.querySelectorAll('span[data-at]').forEach(el => el.addEventListener('click', () => {
    state.compareAt = +el.dataset.at;
    renderCompare();
  }));
  const at = state.compareAt;
  $('compare-next').innerHTML = models.map((m, i) => `<div><h4>${escapeHtml(t('nextAfter')(m.name, visible(inspections[i].tokens[at])))}</h4>`
    + `<div class="bars">${inspections[i].next[at].map(([sym, p]) => `<div class="bar"><span class="sym">${escapeHtml(visible(sym))}</span>`
      + `<span class="fill" data-width="${(100 * p).toFixed(1)}%"></span><span>${(100 * p).toFixed(1)}%</span></div>`).join('')}</div></div>`).join('');
  applyStyles($('compare-next'));
  const heat = $('compare-heatmaps');
  heat.innerHTML = '';
  const cellW = Math.max(10, Math.min(22, Math.floor(1100 / inspections[0].tokens.length)));
  models.forEach((m, i) => {
    const ins = inspections[i];
    const l = Math.max(0, Math.min(ins.layers.length - 1, (+$('compare-layer').value || 1) - 1));
    heat.appendChild(layerBlock(ins, l, Math.min(32, ins.layers[l].units), cellW, 8, null, m.name));
  });
  renderProfiles();
}

// ---- Unidades ----
async function findUnits(event) {
  if (event) event.preventDefault();
  if (needsModel('units-status')) return;
  setStatus('units-status', t('searching'));
  const response = await fetch('api/units?' + new URLSearchParams({ model: state.model.id, text: $('units-text').value }));
  const body = await response.json();
  if (!response.ok) { setStatus('units-status', body.error, true); return; }
  state.units = body;
  renderUnits();
}

function renderUnits() {
  const u = state.units;
  setStatus('units-status', t('unitsOver')(u.cell, u.units, u.characters));
  const unitName = s => `${t('layer')} ${s.layer} · ${s.quantity === 'c' ? 'Ct' : 'ht'} ${s.unit}`;
  const direction = (f, s) => f.binary ? (s.higher ? t('higherWhere') : t('lowerWhere')) : (s.higher ? t('rises') : t('falls'));
  const box = $('units-list');
  box.innerHTML = u.features.map(f => {
    const name = state.lang === 'pt' ? f.pt : f.en;
    if (!f.present) return `<div class="unit-feature"><h3>${escapeHtml(name)}</h3><p class="hint">${t('absent')}</p></div>`;
    const best = f.top[0];
    const limit = best.quantity === 'c' ? Math.max(1e-6, ...f.values.map(Math.abs)) : 1;
    const range = best.quantity === 'c' ? 'open' : 'tanh';
    return `<div class="unit-feature"><h3>${escapeHtml(name)} <span class="measure">${f.measure}</span></h3><ol>`
      + f.top.map(s => `<li>${unitName(s)}: ${f.measure} ${s.score.toFixed(3)} (${direction(f, s)})</li>`).join('')
      + `</ol><div class="unit-text">${f.tokens.map((tok, k) => `<span data-bg="${colour(f.values[k], range, limit)}" `
        + `title="${f.values[k].toFixed(3)}">${escapeHtml(visible(tok))}</span>`).join('')}</div></div>`;
  }).join('');
  applyStyles(box);
}

// ---- Treinar ----
function clock(seconds) {
  if (seconds == null || !isFinite(seconds)) return '--:--';
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
const bestOf = r => r.validation.length ? Math.min(...r.validation.map(p => p[1])).toFixed(3) : '—';
const lastBpc = r => r.validation.length ? r.validation[r.validation.length - 1][1].toFixed(3) : '—';
const running = r => r && (r.status === 'preparing' || r.status === 'training' || r.status === 'stopping');
function liveState(r) {
  if (r.status === 'preparing') return t('livePreparing');
  if (r.status === 'training') return t('liveTraining')(r);
  if (r.status === 'stopping') return t('liveStopping');
  if (r.status === 'failed') return t('liveFailed');
  return t('liveDone')(r);
}

async function loadCorpora(pick) {
  const response = await fetch('api/training/corpora');
  const corpora = await response.json();
  const select = $('train-corpus');
  const keep = pick || select.value;
  select.innerHTML = '';
  for (const c of corpora) {
    const option = document.createElement('option');
    option.value = c.name;
    option.textContent = `${c.name} (${Math.max(1, Math.round(c.bytes / 1024)).toLocaleString(state.lang)} KB)`;
    option.disabled = c.tooLarge;
    select.appendChild(option);
  }
  if (keep && corpora.some(c => c.name === keep)) select.value = keep;
}

async function uploadCorpus() {
  const file = $('train-file').files[0];
  if (!file) return;
  const max = state.training && state.training.limits ? state.training.limits.maxCorpusBytes : Infinity;
  if (file.size > max) {
    setStatus('train-status', t('tooLarge')(file.name, file.size, max), true);
    $('train-file').value = '';
    return;
  }
  setStatus('train-status', t('uploading'));
  try {
    const response = await fetch('api/training/upload?name=' + encodeURIComponent(file.name), { method: 'POST', body: file });
    const answer = await response.json();
    if (!response.ok) throw new Error(answer.error);
    await loadCorpora(answer.name);
    setStatus('train-status', t('uploaded')(answer.name, answer.characters));
  } catch (e) {
    setStatus('train-status', e.message, true);
  }
  $('train-file').value = '';
}

async function startTraining(event) {
  event.preventDefault();
  const q = new URLSearchParams({ corpus: $('train-corpus').value, cell: $('train-cell').value,
    layers: $('train-layers').value, hidden: $('train-hidden').value, dropout: $('train-dropout').value,
    minutes: $('train-minutes').value,
    name: $('train-name').value.trim() });
  try {
    const response = await fetch('api/training/start?' + q, { method: 'POST' });
    const answer = await response.json();
    if (!response.ok) throw new Error(answer.error);
    state.seenRun = null;
    await pollTraining();
  } catch (e) {
    setStatus('train-status', e.message, true);
  }
}

async function stopTraining() {
  $('train-stop').disabled = true;
  try {
    const response = await fetch('api/training/stop', { method: 'POST' });
    const answer = await response.json();
    if (!response.ok) throw new Error(answer.error);
    await pollTraining();
  } catch (e) {
    setStatus('train-status', e.message, true);
  }
}

// Every open page asks where the run stands: every second while one trains, every 3 s otherwise.
async function pollTraining() {
  clearTimeout(state.pollTimer);
  try {
    const response = await fetch('api/training');
    const status = await response.json();
    const before = state.training && state.training.run;
    state.training = status;
    const run = status.run;
    if (run && run.modelId && !state.models.some(m => m.id === run.modelId)) {
      await loadModels(); // the finished run's model joins the selector on every page
    }
    if (before && running(before) && !running(run)) loadCorpora(); // a run ended: uploads from other pages too
    renderTraining();
  } catch (e) {
    // the server went away or restarts: ask again later
  }
  state.pollTimer = setTimeout(pollTraining, state.training && running(state.training.run) ? 1000 : 3000);
}

function renderTraining() {
  const status = state.training;
  const run = status.run;
  const active = running(run);
  $('train-off').hidden = status.allowed;
  $('train-off').textContent = status.reason || '';
  $('train-form').querySelectorAll('input, select').forEach(el => { el.disabled = !status.allowed || active; });
  $('train-start').disabled = !status.allowed || active;
  $('train-stop').disabled = !status.allowed || !run || run.status !== 'training' && run.status !== 'preparing';
  if (status.limits) {
    $('train-layers').max = status.limits.maxLayers;
    $('train-hidden').max = status.limits.maxHidden;
    $('train-minutes').max = status.limits.maxMinutes;
  }
  const banner = $('live');
  banner.hidden = !run;
  if (!run) return;
  banner.textContent = t('liveBanner')(run);
  banner.classList.toggle('over', run.status === 'finished' || run.status === 'stopped');
  banner.classList.toggle('failed', run.status === 'failed');
  const text = run.status === 'preparing' ? t('runPreparing') : run.status === 'training' ? t('runTraining')(run)
    : run.status === 'stopping' ? t('runStopping') : run.status === 'failed' ? t('runFailed')(run) : t('runOver')(run);
  setStatus('train-status', text, run.status === 'failed');
  $('train-bar').style.width = `${Math.round(100 * (run.budgetShare || 0))}%`;
  drawTrainingCurve(run);
  const list = $('train-samples');
  list.innerHTML = run.samples.slice().reverse().map(s => `<li><div class="when${s.best ? ' best' : ''}">${s.validationBpc == null
    ? t('beforeTraining') : `${clock(s.seconds)} ${t('trainedSeconds')} · BPC ${s.validationBpc.toFixed(3)}`}${s.best ? ' ★' : ''}</div><pre>${escapeHtml(s.text)}</pre></li>`).join('');
}

// Training loss (thin) and validation BPC (thick, with points) against training seconds.
function drawTrainingCurve(run) {
  const svg = $('train-curve');
  const W = svg.viewBox.baseVal.width, H = svg.viewBox.baseVal.height, pad = 44;
  const series = [[run.train, SERIES[0], 2, false, t('trainLoss')], [run.validation, SERIES[1], 3, true, t('valBpc')]];
  const all = run.train.concat(run.validation);
  $('train-legend').innerHTML = series.map(([, c, , , label]) => `<span><span class="swatch" data-bg="${c}"></span>${label}</span>`).join('');
  applyStyles($('train-legend'));
  if (!all.length) { svg.innerHTML = ''; return; }
  const x1 = Math.max(1, run.minutes * 60, ...all.map(p => p[0]));
  let y0 = Math.min(...all.map(p => p[1])), y1 = Math.max(...all.map(p => p[1]));
  y0 = Math.max(0, Math.floor(y0 * 2) / 2); y1 = Math.ceil(y1 * 2) / 2; if (y1 <= y0) y1 = y0 + 0.5;
  const X = x => pad + x / x1 * (W - 2 * pad), Y = y => H - pad + (y0 - y) / (y1 - y0) * (H - 2 * pad);
  let out = '';
  for (let y = y0; y <= y1 + 1e-9; y += 0.5) {
    out += `<line x1="${pad}" x2="${W - pad}" y1="${Y(y)}" y2="${Y(y)}" stroke="#e3e6ee"/><text x="6" y="${Y(y) + 4}" font-size="12">${y.toFixed(1)}</text>`;
  }
  for (const [points, c, width, dots] of series) {
    if (!points.length) continue;
    out += `<polyline points="${points.map(p => `${X(p[0]).toFixed(1)},${Y(p[1]).toFixed(1)}`).join(' ')}" fill="none" stroke="${c}" stroke-width="${width}"/>`;
    if (dots) out += points.map(p => `<circle cx="${X(p[0])}" cy="${Y(p[1])}" r="4" fill="${c}"/>`).join('');
  }
  const tick = [15, 30, 60, 120, 300, 600].find(step => x1 / step <= 10) || 1200;
  for (let x = tick; x < x1 - tick / 3; x += tick) {
    out += `<line x1="${X(x)}" x2="${X(x)}" y1="${H - pad}" y2="${H - pad + 5}" stroke="#888"/><text x="${X(x)}" y="${H - pad + 18}" font-size="12" text-anchor="middle">${clock(x)}</text>`;
  }
  out += `<text x="${W - pad}" y="${H - 8}" font-size="12" text-anchor="end">${clock(x1)} ${t('trainedSeconds')}</text>`;
  svg.innerHTML = out;
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
  state.memory = null;
  state.units = null;
  $('units-list').innerHTML = '';
  $('heatmaps').innerHTML = '';
  $('memory-text').innerHTML = '';
  $('memory-info').textContent = '';
  renderModel();
});
$('generate-form').addEventListener('submit', generate);
$('stop').addEventListener('click', () => { if (state.abort) state.abort.abort(); });
$('inspect-form').addEventListener('submit', inspect);
$('memory-form').addEventListener('submit', e => showMemory(e, null));
$('compare-form').addEventListener('submit', compareModels);
$('units-form').addEventListener('submit', findUnits);
$('train-form').addEventListener('submit', startTraining);
$('train-stop').addEventListener('click', stopTraining);
$('train-file').addEventListener('change', uploadCorpus);
$('live').addEventListener('click', () => showTab('treinar'));
$('compare-layer').addEventListener('change', () => { if (state.compare) renderCompare(); });
$('unit').addEventListener('change', () => { if (state.inspection) renderInspection(); });
$('units-shown').addEventListener('change', () => { if (state.inspection) renderInspection(); });
$('step').addEventListener('input', e => { state.step = +e.target.value; if (state.inspection) renderInspection(); });
$('step-back').addEventListener('click', () => moveStep(-1));
$('step-forward').addEventListener('click', () => moveStep(1));
$('layers-back').addEventListener('click', () => moveStep(-1));
$('layers-forward').addEventListener('click', () => moveStep(1));

applyLanguage();
loadModels().then(() => { if (!state.model) showTab('treinar'); })
  .catch(e => setStatus('generate-status', String(e), true));
loadCorpora().catch(() => {});
pollTraining();
