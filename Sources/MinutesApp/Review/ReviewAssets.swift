/// The review page's style and script, inline in every page (no file beside it, nothing
/// fetched). Kept as Swift strings so the binary alone can write a page.
enum ReviewAssets {
    static let css = #"""
*{box-sizing:border-box}
html,body{margin:0;height:100%;overflow:hidden;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1d2330;background:#e6e9ee}
body{display:grid;grid-template-columns:minmax(0,1fr) minmax(360px,34%)}
#pages{overflow:auto;padding:16px 16px 16px 40px;display:flex;flex-direction:column;align-items:center;gap:18px}
.page{position:relative;width:100%;max-width:980px;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.25);flex:none}
.page img{display:block;width:100%;height:100%}
.page svg{position:absolute;inset:0;width:100%;height:100%}
.pno{position:absolute;top:2px;left:-30px;width:24px;text-align:right;font-size:12px;color:#667}
.nopages{color:#a11;padding:2em}
.box{fill:transparent;stroke-width:1.2;vector-effect:non-scaling-stroke;pointer-events:all;cursor:pointer;stroke-opacity:.8}
.k-meeting{stroke:#9333ea}.k-person{stroke:#2563eb}.k-item{stroke:#64748b}.k-action{stroke:#ea580c}
.k-motion{stroke:#0d9488}.k-decision{stroke:#16a34a}
rect.doubt{stroke:#dc2626;stroke-dasharray:5 3;stroke-width:2;stroke-opacity:1}
rect.fixed{stroke:#15803d;stroke-dasharray:none}
rect.sel{fill:rgba(37,99,235,.16);stroke-width:2.5;stroke-opacity:1}
rect.hl{fill:rgba(250,204,21,.38);stroke:#b45309;stroke-width:3;stroke-opacity:1;stroke-dasharray:none}
#panel{overflow:auto;background:#fbfcfd;border-left:1px solid #cdd3dc;padding:0 14px 60px}
header{position:sticky;top:0;background:#fbfcfd;padding:12px 0 8px;border-bottom:1px solid #e2e6ec;z-index:2}
h1{font-size:17px;margin:0 0 4px}
h2{font-size:13px;text-transform:uppercase;letter-spacing:.04em;color:#4b5563;margin:18px 0 6px}
h2 .n{background:#e5e7eb;border-radius:9px;padding:0 7px;font-weight:600;color:#374151}
.src,.counts,.note{margin:2px 0;color:#4b5563;font-size:13px}.note{color:#a16207}
.tools{margin-top:6px;display:flex;gap:6px}
button{font:inherit;font-size:13px;border:1px solid #c3cad5;background:#fff;border-radius:5px;padding:3px 9px;cursor:pointer}
button:hover{background:#f1f5f9}
#help{font-size:12.5px;color:#374151;margin-top:6px}
kbd{border:1px solid #c3cad5;border-bottom-width:2px;border-radius:3px;padding:0 4px;font-size:11.5px;background:#fff}
#check .cf{display:block;text-decoration:none;color:inherit;padding:5px 8px;margin:3px 0;border-left:3px solid #dc2626;background:#fef2f2;border-radius:3px}
#check .cf .why{display:block;color:#991b1b;font-size:12.5px}
#check .ok{color:#15803d}
.diag{font-size:12.5px;padding:3px 8px;margin:2px 0;border-radius:3px;background:#f3f4f6}
.diag.sev-warning{background:#fffbeb}.diag.sev-error{background:#fef2f2}
.diag[data-f],.diag[data-page]{cursor:pointer}
.sev{font-weight:600;text-transform:uppercase;font-size:10.5px;color:#6b7280}
.sev-warning .sev{color:#b45309}.sev-error .sev{color:#b91c1c}
.stage{color:#6b7280;font-size:11.5px}
.f{padding:6px 8px;margin:3px 0;border-radius:4px;border:1px solid transparent;border-left:3px solid #d1d5db;background:#fff;outline:none}
.f.k-meeting{border-left-color:#9333ea}.f.k-person{border-left-color:#2563eb}.f.k-item{border-left-color:#64748b}
.f.k-action{border-left-color:#ea580c}.f.k-motion{border-left-color:#0d9488}.f.k-decision{border-left-color:#16a34a}
.f.doubt{background:#fff7f7}
.f.sel{border-color:#2563eb;box-shadow:0 0 0 2px rgba(37,99,235,.25)}
.f.hl,.cf.hl,.diag.hl,#check .cf.hl{background:#fef9c3}
.f.deleted{opacity:.45;text-decoration:line-through}
.fh{display:flex;gap:6px;align-items:baseline}
.lbl{font-weight:600;flex:1;min-width:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.pg{color:#6b7280;font-size:12px}
.tick{color:#15803d;font-size:12px}
.edit{border:none;background:none;padding:0 2px;color:#6b7280;font-size:14px}
.conf{font:600 11px/1.6 ui-monospace,"DejaVu Sans Mono",monospace;border-radius:3px;padding:0 4px;background:#e5e7eb}
.c-hi{background:#dcfce7;color:#166534}.c-mid{background:#fef3c7;color:#92400e}.c-lo{background:#fee2e2;color:#991b1b}
dl{display:grid;grid-template-columns:max-content 1fr;gap:1px 10px;margin:4px 0 0;font-size:13px}
dt{color:#6b7280}dd{margin:0;overflow-wrap:anywhere}dd.none{color:#9ca3af}.edited{color:#1d4ed8;font-weight:600}
.line{font-size:13px;color:#4b5563;margin-top:2px;overflow-wrap:anywhere}
.f.k-meeting{display:flex;gap:10px;align-items:baseline;padding:3px 8px}
.f.k-meeting .fh{flex:none;width:165px}.f.k-meeting .line{flex:1;margin:0;color:#1d2330;font-size:13.5px}
.f.k-meeting form.editor{flex-basis:100%}.f.k-meeting{flex-wrap:wrap}
.text{font-size:12.5px;color:#4b5563;margin:4px 0 0}
ul.dec{margin:4px 0 0;padding-left:18px;font-size:12.5px}
ul.why{margin:4px 0 0;padding-left:18px;font-size:12.5px;color:#991b1b}
.children{margin-left:14px}
p.none{color:#9ca3af;font-size:13px;margin:2px 0}
form.editor{margin-top:6px;padding:6px;background:#f1f5f9;border-radius:4px;display:grid;grid-template-columns:max-content 1fr;gap:4px 8px;align-items:center;font-size:13px}
form.editor input[type=text],form.editor select{font:inherit;padding:2px 4px;border:1px solid #c3cad5;border-radius:3px;width:100%}
form.editor .err{grid-column:1/-1;color:#b91c1c}
form.editor .btns{grid-column:1/-1;display:flex;gap:6px}
#tip{position:fixed;pointer-events:none;z-index:10;max-width:360px;background:#111827;color:#f9fafb;font-size:12.5px;padding:5px 8px;border-radius:4px;display:none}
#tip .why{color:#fca5a5}
"""#

    static let script = #"""
(() => {
'use strict';
const data = JSON.parse(document.getElementById('review-data').textContent);
const pages = document.getElementById('pages'), panel = document.getElementById('panel'), tip = document.getElementById('tip');
const q = id => '[data-f="' + CSS.escape(id) + '"]';
const fields = [...panel.querySelectorAll('.f')];
const checks = [...panel.querySelectorAll('#check .cf')].map(a => a.dataset.f);
const rowOf = id => panel.querySelector('.f' + q(id));
const boxesOf = id => [...pages.querySelectorAll('rect' + q(id))];
const storeKey = 'minutes-review:' + data.sha256;
let hot = null, sel = -1, warn = -1;
let edits = new Map();
try { edits = new Map(JSON.parse(localStorage.getItem(storeKey) || '[]')); } catch (e) { edits = new Map(); }

function inView(el, box) {
  const r = el.getBoundingClientRect(), c = box.getBoundingClientRect();
  return r.top >= c.top && r.bottom <= c.bottom;
}
function showPageOf(id) {
  const b = boxesOf(id)[0];
  if (b) { if (!inView(b, pages)) b.scrollIntoView({block: 'center', inline: 'nearest', behavior: 'smooth'}); return; }
  const r = rowOf(id), p = r && r.dataset.page && document.getElementById('page-' + r.dataset.page);
  if (p && !inView(p, pages)) p.scrollIntoView({block: 'start', behavior: 'smooth'});
}
function light(id, on) {
  for (const el of document.querySelectorAll(q(id))) el.classList.toggle('hl', on);
}
function point(id, from) {
  if (hot === id) return;
  if (hot) light(hot, false);
  hot = id;
  if (!id) return;
  light(id, true);
  if (from === 'panel') showPageOf(id);
  else if (from === 'page') { const r = rowOf(id); if (r && !inView(r, panel)) r.scrollIntoView({block: 'nearest', behavior: 'smooth'}); }
}
function select(i) {
  if (i < 0 || i >= fields.length) return;
  if (sel >= 0) { fields[sel].classList.remove('sel'); boxesOf(fields[sel].dataset.f).forEach(b => b.classList.remove('sel')); }
  sel = i;
  const row = fields[i], id = row.dataset.f;
  row.classList.add('sel');
  boxesOf(id).forEach(b => b.classList.add('sel'));
  row.focus({preventScroll: true});
  if (!inView(row, panel)) row.scrollIntoView({block: 'nearest'});
  showPageOf(id);
}
function selectID(id) { const i = fields.findIndex(f => f.dataset.f === id); if (i >= 0) select(i); }
function nextWarn(step) {
  if (!checks.length) return;
  warn = (warn + step + checks.length) % checks.length;
  selectID(checks[warn]);
}

panel.addEventListener('mouseover', e => {
  const t = e.target.closest('[data-f]');
  point(t ? t.dataset.f : null, 'panel');
});
panel.addEventListener('mouseleave', () => point(null));
panel.addEventListener('click', e => {
  const ed = e.target.closest('.edit');
  if (ed) { openEditor(ed.closest('.f')); return; }
  if (e.target.closest('form.editor')) return;
  const t = e.target.closest('[data-f]');
  if (t) { e.preventDefault(); selectID(t.dataset.f); return; }
  const d = e.target.closest('.diag[data-page]');
  if (d) { const p = document.getElementById('page-' + d.dataset.page); if (p) p.scrollIntoView({block: 'start', behavior: 'smooth'}); }
});
pages.addEventListener('mouseover', e => {
  const b = e.target.closest('rect[data-f]');
  point(b ? b.dataset.f : null, 'page');
  if (!b) { tip.style.display = 'none'; return; }
  const r = rowOf(b.dataset.f);
  if (!r) return;
  tip.textContent = '';
  const head = document.createElement('div');
  head.textContent = (r.querySelector('.conf') || {}).textContent + '  ' + r.querySelector('.lbl').textContent;
  tip.appendChild(head);
  const dd = r.querySelector('dd, .line');
  if (dd && dd.textContent !== r.querySelector('.lbl').textContent) { const v = document.createElement('div'); v.textContent = dd.textContent; tip.appendChild(v); }
  for (const li of r.querySelectorAll('ul.why li')) { const w = document.createElement('div'); w.className = 'why'; w.textContent = '⚠ ' + li.textContent; tip.appendChild(w); }
  tip.style.display = 'block';
});
pages.addEventListener('mousemove', e => {
  if (tip.style.display !== 'block') return;
  const x = Math.min(e.clientX + 14, innerWidth - tip.offsetWidth - 8), y = Math.min(e.clientY + 16, innerHeight - tip.offsetHeight - 8);
  tip.style.left = x + 'px'; tip.style.top = y + 'px';
});
pages.addEventListener('mouseleave', () => { point(null); tip.style.display = 'none'; });
pages.addEventListener('click', e => { const b = e.target.closest('rect[data-f]'); if (b) selectID(b.dataset.f); });

document.addEventListener('keydown', e => {
  if (e.target.closest && e.target.closest('input,select,textarea')) { if (e.key === 'Escape') closeEditor(true); return; }
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  switch (e.key) {
    case 'j': case 'ArrowDown': select(sel + 1); break;
    case 'k': case 'ArrowUp': select(sel < 0 ? 0 : sel - 1); break;
    case 'n': nextWarn(1); break;
    case 'p': case 'N': nextWarn(-1); break;
    case 'e': case 'Enter': if (sel >= 0) openEditor(fields[sel]); break;
    case 'Escape': closeEditor(true); break;
    case '?': toggleHelp(); break;
    default: return;
  }
  e.preventDefault();
});
function toggleHelp() {
  const h = document.getElementById('help'), b = document.getElementById('helpbtn');
  h.hidden = !h.hidden; b.setAttribute('aria-expanded', String(!h.hidden));
}
document.getElementById('helpbtn').addEventListener('click', toggleHelp);

// Corrections: each edit keyed by its field id, with the record's anchor and the value it replaces.
function recordOf(id) { return id.startsWith('meeting.') ? ['meeting', id.slice(8)] : [id, null]; }
function current(rec, name) {
  const e = edits.get(rec + '.' + name);
  return e ? e.value : data.records[rec].fields[name];
}
const checksByType = {
  date: [/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'], dueDate: [/^\d{4}-\d{2}(-\d{2})?$/, 'YYYY-MM-DD or YYYY-MM'],
  time: [/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM'],
};
function closeEditor(refocus) {
  const f = panel.querySelector('form.editor');
  if (f) { const row = f.closest('.f'); f.remove(); if (refocus && row) row.focus({preventScroll: true}); }
}
function openEditor(row) {
  if (!row) return;
  closeEditor();
  const [rec, only] = recordOf(row.dataset.f), r = data.records[rec];
  if (!r) return;
  const form = document.createElement('form');
  form.className = 'editor';
  const inputs = [];
  for (const [name, type] of data.types[r.kind]) {
    if (only && name !== only) continue;
    const label = document.createElement('label');
    label.textContent = name;
    let input;
    if (type === 'motionResult') {
      input = document.createElement('select');
      for (const v of ['', 'carried', 'failed', 'withdrawn', 'deferred']) { const o = document.createElement('option'); o.value = v; o.textContent = v || '—'; input.appendChild(o); }
    } else {
      input = document.createElement('input'); input.type = 'text';
      input.placeholder = type === 'list' ? 'one; another' : (checksByType[type] || [0, ''])[1];
    }
    const cur = current(rec, name);
    input.value = Array.isArray(cur) ? cur.join('; ') : (cur == null ? '' : cur);
    input.name = name;
    label.htmlFor = input.id = 'ed-' + name;
    form.append(label, input);
    inputs.push([name, type, input]);
  }
  let del = null;
  if (rec !== 'meeting' && rec !== 'nextMeeting') {
    const l = document.createElement('label'); l.textContent = 'not a ' + r.kind;
    del = document.createElement('input'); del.type = 'checkbox'; del.id = 'ed-delete';
    del.checked = edits.has(rec); l.htmlFor = del.id;
    const w = document.createElement('span'); w.append(del, ' delete it from the minutes');
    form.append(l, w);
  }
  const err = document.createElement('div'); err.className = 'err';
  const btns = document.createElement('div'); btns.className = 'btns';
  const save = document.createElement('button'); save.type = 'submit'; save.textContent = 'Save';
  const cancel = document.createElement('button'); cancel.type = 'button'; cancel.textContent = 'Cancel';
  cancel.onclick = () => closeEditor(true);
  btns.append(save, cancel);
  form.append(err, btns);
  form.onsubmit = e => {
    e.preventDefault();
    const values = [];
    for (const [name, type, input] of inputs) {
      const t = input.value.trim();
      if (type === 'requiredText' && !t) { err.textContent = name + ' may not be empty'; return; }
      const c = checksByType[type];
      if (c && t && !c[0].test(t)) { err.textContent = name + ': ' + c[1]; return; }
      values.push([name, type === 'list' ? t.split(/[;,]/).map(s => s.trim()).filter(Boolean) : (t || null)]);
    }
    for (const [name, value] of values) {
      const key = rec + '.' + name, was = r.fields[name];
      if (JSON.stringify(value) === JSON.stringify(was)) edits.delete(key);
      else edits.set(key, {field: key, anchor: r.anchor, was: was, value: value});
      const dd = fieldCell(row, name, edits.has(key));
      if (dd) { dd.textContent = Array.isArray(value) ? value.join('; ') : (value == null ? '—' : value); dd.classList.toggle('edited', edits.has(key)); }
    }
    if (del) {
      if (del.checked) edits.set(rec, {field: rec, anchor: r.anchor, delete: true}); else edits.delete(rec);
      row.classList.toggle('deleted', del.checked);
    }
    persist();
    closeEditor(true);
  };
  row.appendChild(form);
  (inputs[0] ? inputs[0][2] : del).focus();
}
// The cell showing a field; one is added for a field the page did not show (nothing found).
function fieldCell(row, name, make) {
  let dd = row.querySelector('[data-field="' + name + '"]');
  if (dd || !make) return dd;
  let dl = row.querySelector('dl');
  if (!dl) { dl = document.createElement('dl'); row.querySelector('.fh').after(dl); }
  const dt = document.createElement('dt'); dt.textContent = name;
  dd = document.createElement('dd'); dd.dataset.field = name;
  dl.append(dt, dd);
  return dd;
}
function persist() {
  try { localStorage.setItem(storeKey, JSON.stringify([...edits])); } catch (e) { /* private mode: edits last this visit */ }
  document.getElementById('ncorr').textContent = String(edits.size);
}
function correctionsFile() {
  const out = (data.previous || []).map(c => Object.assign({}, c));
  for (const c of edits.values()) {
    const old = out.find(o => o.field === c.field);
    if (old) { old.value = c.value; old.delete = c.delete; } else out.push(c);
  }
  return {schema: data.schema, file: data.file, sha256: data.sha256, corrections: out};
}
document.getElementById('export').addEventListener('click', () => {
  const blob = new Blob([JSON.stringify(correctionsFile(), null, 2) + '\n'], {type: 'application/json'});
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = data.name + '.corrections.json';
  document.body.appendChild(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 5000);
});
// Edits kept from an earlier visit are shown again.
for (const [key, c] of edits) {
  const [rec, name] = c.delete ? [key, null] : [key.slice(0, key.lastIndexOf('.')), key.slice(key.lastIndexOf('.') + 1)];
  const row = rowOf(rec.startsWith('meeting') ? key : rec);
  if (!row) continue;
  if (c.delete) { row.classList.add('deleted'); continue; }
  const dd = fieldCell(row, name, true);
  if (dd) { dd.textContent = Array.isArray(c.value) ? c.value.join('; ') : (c.value == null ? '—' : c.value); dd.classList.add('edited'); }
}
persist();
window.minutesReview = {correctionsFile, select: selectID, edits};
})();
"""#
}
