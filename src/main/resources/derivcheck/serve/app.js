'use strict';
// The page of `derivcheck serve`: plain JavaScript, no build step, nothing loaded from elsewhere.
// MathML comes from the server (its own printer, every text escaped there); the student's text is
// only ever put into the page as text.

const READ_PAUSE_MS = 250;
const CHECK_PAUSE_MS = 1500;

const state = { problems: [], byName: new Map(), view: null };

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = text;
  return e;
}

function math(html) {
  const span = el('span', 'math');
  span.innerHTML = html; // server-made MathML (escaped there)
  return span;
}

async function api(path, body, signal) {
  const init = body === undefined ? { signal } : {
    method: 'POST', signal, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
  const r = await fetch(path, init);
  let json = null;
  try { json = await r.json(); } catch (e) { json = null; }
  if (!r.ok) throw new Error(json && json.error ? json.error : 'HTTP ' + r.status);
  return json;
}

// ------------------------------------------------------------------ the list

function showList() {
  const main = document.getElementById('main');
  main.replaceChildren();
  document.title = 'derivcheck — exercises';
  main.append(el('h1', null, 'Exercises'));
  const ul = el('ul', 'cards');
  for (const p of state.problems) {
    const li = el('li', 'card');
    const h = el('h2');
    const a = el('a', null, p.title || p.name);
    a.href = '#' + encodeURIComponent(p.name);
    h.append(a);
    li.append(h, el('p', 'source', p.source));
    const st = el('div', 'statement');
    st.innerHTML = p.statement_html;
    li.append(st);
    ul.append(li);
  }
  main.append(ul);
}

// ------------------------------------------------------------------ one exercise

function showExercise(p) {
  const main = document.getElementById('main');
  const node = document.getElementById('exercise-template').content.firstElementChild.cloneNode(true);
  main.replaceChildren(node);
  document.title = 'derivcheck — ' + (p.title || p.name);
  node.querySelector('.title').textContent = p.title || p.name;
  node.querySelector('.source').textContent = p.source || '';
  node.querySelector('.statement').innerHTML = p.statement_html;
  if (p.solutions) {
    const s = node.querySelector('.solutions');
    s.hidden = false;
    for (const m of p.solutions) s.querySelector('.list').append(math(m));
  }
  const v = {
    problem: p.name, editor: node.querySelector('.editor'), lines: node.querySelector('.lines'),
    summary: node.querySelector('.summary'), status: node.querySelector('.status'),
    checkBtn: node.querySelector('button.check'), cancelBtn: node.querySelector('button.cancel'),
    readCtl: null, checkCtl: null, readTimer: 0, checkTimer: 0, readSeq: 0, checkSeq: 0,
  };
  state.view = v;
  const saved = sessionStorage.getItem('derivcheck:' + p.name);
  if (saved) v.editor.value = saved;
  v.editor.addEventListener('input', () => edited(v));
  v.editor.addEventListener('keydown', e => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); check(v); }
  });
  v.checkBtn.addEventListener('click', () => check(v));
  v.cancelBtn.addEventListener('click', () => cancel(v, 'cancelled'));
  v.editor.focus();
  if (v.editor.value.trim()) { read(v); check(v); }
}

function edited(v) {
  sessionStorage.setItem('derivcheck:' + v.problem, v.editor.value);
  clearTimeout(v.readTimer);
  clearTimeout(v.checkTimer);
  cancel(v, '');
  markStale(v);
  v.readTimer = setTimeout(() => read(v), READ_PAUSE_MS);
  v.checkTimer = setTimeout(() => check(v), CHECK_PAUSE_MS);
}

function markStale(v) {
  for (const li of v.lines.children) {
    li.classList.remove('correct', 'incorrect', 'undecided', 'first-false');
    if (!li.classList.contains('unreadable')) li.querySelector('.mark').textContent = '·';
    li.classList.add('pending');
  }
  v.summary.replaceChildren();
}

/** One row per non-empty editor line, with what the server read there. */
function renderLines(v, byLine) {
  const text = v.editor.value.split(/\r\n|\r|\n/);
  v.lines.replaceChildren();
  text.forEach((t, i) => {
    const n = i + 1;
    if (!t.trim()) return;
    const info = byLine.get(n) || {};
    const li = el('li', 'pending');
    li.dataset.line = String(n);
    li.append(el('span', 'no', String(n)), el('span', 'mark', '·'));
    const ra = el('span', 'readas');
    if (info.mathml) {
      ra.append(el('span', 'label', 'read as'), math(info.mathml));
    } else {
      ra.append(el('code', null, t.trim()));
    }
    li.append(ra);
    const msg = el('span', 'message');
    if (info.error) {
      li.classList.add('unreadable');
      li.querySelector('.mark').textContent = '?';
      msg.textContent = info.error;
    }
    li.append(msg);
    v.lines.append(li);
  });
}

function lineMap(result) {
  const byLine = new Map();
  for (const l of result.lines || []) byLine.set(l.line, Object.assign(byLine.get(l.line) || {}, { mathml: l.mathml }));
  for (const e of result.errors || []) {
    const cur = byLine.get(e.line) || {};
    if (!cur.error) cur.error = 'Cannot read this line (column ' + e.col + '): ' + e.message;
    byLine.set(e.line, cur);
  }
  return byLine;
}

async function read(v) {
  clearTimeout(v.readTimer);
  if (v.readCtl) v.readCtl.abort();
  const ctl = new AbortController();
  v.readCtl = ctl;
  const seq = ++v.readSeq;
  try {
    const r = await api('/api/read', { problem: v.problem, text: v.editor.value }, ctl.signal);
    if (seq !== v.readSeq) return;
    renderLines(v, lineMap(r));
  } catch (e) {
    if (e.name !== 'AbortError' && seq === v.readSeq) v.status.textContent = e.message;
  }
}

function cancel(v, why) {
  if (v.checkCtl) {
    v.checkCtl.abort();
    v.checkCtl = null;
    v.checkSeq++;
    if (why) v.status.textContent = why;
  }
  v.cancelBtn.hidden = true;
}

async function check(v) {
  clearTimeout(v.checkTimer);
  if (!v.editor.value.trim()) return;
  cancel(v, '');
  const ctl = new AbortController();
  v.checkCtl = ctl;
  const seq = ++v.checkSeq;
  v.status.textContent = 'checking…';
  v.cancelBtn.hidden = false;
  try {
    const r = await api('/api/check', { problem: v.problem, text: v.editor.value }, ctl.signal);
    if (seq !== v.checkSeq) return;
    showVerdicts(v, r);
    v.status.textContent = (r.timeout ? 'time limit hit' : 'checked') + ' in ' + r.millis + ' ms';
  } catch (e) {
    if (e.name !== 'AbortError' && seq === v.checkSeq) v.status.textContent = e.message;
  } finally {
    if (seq === v.checkSeq) { v.cancelBtn.hidden = true; v.checkCtl = null; }
  }
}

function showVerdicts(v, r) {
  renderLines(v, lineMap(r));
  const rows = new Map();
  for (const li of v.lines.children) rows.set(Number(li.dataset.line), li);
  for (const l of r.lines) {
    const li = rows.get(l.line);
    if (!li) continue;
    li.classList.remove('pending');
    li.classList.add(l.verdict);
    li.querySelector('.mark').textContent = l.mark;
    li.querySelector('.mark').title = l.verdict;
    const msg = li.querySelector('.message');
    if (l.message_html && l.verdict !== 'correct') msg.innerHTML = l.message_html; // server-made, escaped there
    else if (l.message && l.verdict !== 'correct') msg.textContent = l.message;
  }
  if (r.first_false_line !== null && rows.get(r.first_false_line)) rows.get(r.first_false_line).classList.add('first-false');
  v.summary.replaceChildren();
  for (const a of r.answers) {
    const box = el('div', 'answer ' + a.verdict);
    const head = el('div');
    head.append(el('span', 'verdict', a.mark + ' ' + a.verdict), document.createTextNode(' — line ' + a.line + ': '), math(a.mathml));
    box.append(head);
    if (a.feedback) box.append(el('p', 'feedback', a.feedback));
    else if (a.diagnosis) box.append(el('p', 'diagnosis', a.diagnosis));
    if (a.first_false_step) box.append(el('p', 'diagnosis', 'The first false step is on line ' + a.first_false_step + '.'));
    if (a.counterexample) {
      const d = el('details');
      d.append(el('summary', null, 'counterexample'), el('pre', null, JSON.stringify(a.counterexample, null, 1)));
      box.append(d);
    }
    if (a.verdict === 'undecided' && a.symbolic) box.append(el('p', 'diagnosis', a.symbolic));
    v.summary.append(box);
  }
}

// ------------------------------------------------------------------ start

function route() {
  const name = decodeURIComponent(location.hash.replace(/^#/, ''));
  if (state.view) cancel(state.view, '');
  state.view = null;
  const p = state.byName.get(name);
  if (p) showExercise(p); else showList();
}

async function start() {
  try {
    const r = await api('/api/problems');
    state.problems = r.problems;
    for (const p of r.problems) state.byName.set(p.name, p);
    window.addEventListener('hashchange', route);
    route();
  } catch (e) {
    const main = document.getElementById('main');
    main.replaceChildren(el('p', 'error', 'Cannot load the exercises: ' + e.message));
  }
}

start();
