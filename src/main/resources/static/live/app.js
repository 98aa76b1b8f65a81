// The live fleet page: the summary from the stream (/api/v1/fleet/stream), the rest from the public
// reads, refreshed now and then. No build step: a module the browser loads as it is.
import uPlot from '../webjars/uplot/1.6.30/dist/uPlot.esm.js';

const API = 'api/v1';
const KM = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const WHOLE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const DAY = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
const WHEN = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const regions = new Intl.DisplayNames(['en'], { type: 'region' });
const MILES_PER_KM = 1000 / 1609.344;

const $ = (id) => document.getElementById(id);
const text = (id, value) => { $(id).textContent = value; };

async function read(path) {
  const response = await fetch(`${API}/${path}`, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

// The distance counts up from what is shown to the new figure; its last frame shows the figure exactly.
let shownKm = 0;
let animation = 0;
function countTo(km) {
  const from = shownKm;
  const start = performance.now();
  const duration = from === 0 ? 1200 : 800;
  cancelAnimationFrame(animation);
  const frame = (now) => {
    const t = Math.min(1, (now - start) / duration);
    const value = t === 1 ? km : from + (km - from) * (1 - Math.pow(1 - t, 3));
    text('distance-km', KM.format(value));
    text('distance-miles', KM.format(value * MILES_PER_KM));
    shownKm = value;
    if (t < 1) animation = requestAnimationFrame(frame);
  };
  animation = requestAnimationFrame(frame);
}

let next = null;
function showSummary(summary) {
  const km = Number(summary.distanceKm);
  $('distance-km').dataset.km = String(summary.distanceKm);
  countTo(km);
  text('co2', WHOLE.format(Number(summary.co2AvoidedKg) / 1000));
  text('trees', WHOLE.format(summary.treesEquivalent));
  text('reporting', WHOLE.format(summary.reportingVehicles30d));
  text('vehicles', WHOLE.format(summary.vehicles + summary.retiredVehicles));
  text('reports', WHOLE.format(summary.reports));
  const last = summary.lastMilestone;
  text('last-milestone', last ? `${WHOLE.format(last.distanceKm)} km` : 'None yet');
  text('last-milestone-at', last ? `reached ${WHEN.format(new Date(last.reachedAt))} UTC` : '');
  next = summary.nextMilestone;
  text('next-milestone', next ? `${WHOLE.format(next.distanceKm)} km` : 'All reached');
  text('next-remaining', next ? `${KM.format(Number(next.remainingKm))} km to go` : '');
  text('next-forecast', next && next.projectedAt ? `${DAY.format(new Date(next.projectedAt))}` : 'no data yet');
  text('as-of', WHEN.format(new Date(summary.asOf)) + ' UTC');
  tick();
}

function tick() {
  if (!next || !next.projectedAt) { text('countdown', ''); return; }
  let s = Math.max(0, Math.floor((Date.parse(next.projectedAt) - Date.now()) / 1000));
  const d = Math.floor(s / 86400); s %= 86400;
  const pad = (n) => String(n).padStart(2, '0');
  text('countdown', `${d} d ${pad(Math.floor(s / 3600))} h ${pad(Math.floor(s / 60) % 60)} m ${pad(s % 60)} s`);
}
setInterval(tick, 1000);

function milestoneItem(m, fresh) {
  const li = document.createElement('li');
  if (fresh) li.className = 'new';
  const kind = document.createElement('span');
  kind.className = 'kind';
  kind.textContent = m.scope === 'FLEET' ? 'Fleet' : 'Vehicle';
  li.append(kind, ` ${WHOLE.format(m.distanceKm)} km`);
  if (m.scope === 'VEHICLE' && m.vin) li.append(` · ${m.vin}`);
  const when = document.createElement('span');
  when.className = 'when';
  when.textContent = `${WHEN.format(new Date(m.reachedAt))} UTC`;
  li.append(when);
  return li;
}

function addMilestone(m) {
  const list = $('milestones');
  list.prepend(milestoneItem(m, true));
  while (list.children.length > 12) list.lastElementChild.remove();
}

// The latest of both kinds: the fleet's (a short list, in threshold order) and the first page of every
// vehicle's (the latest first), merged by when they were reached.
async function loadMilestones() {
  const [fleet, vehicles] = await Promise.all([read('milestones'), read('milestones?scope=VEHICLE&size=8')]);
  const latest = [...fleet, ...vehicles.items]
    .sort((a, b) => Date.parse(b.reachedAt) - Date.parse(a.reachedAt))
    .slice(0, 8);
  $('milestones').replaceChildren(...latest.map((m) => milestoneItem(m, false)));
}

async function loadLeaders() {
  const leaders = await read('fleet/leaders?limit=10');
  $('leaders').replaceChildren(...leaders.map((l) => row([l.rank, `${l.model} ${l.vin}`,
    l.country, WHOLE.format(Number(l.distanceKm))], [false, false, false, true])));
}

async function loadCountries() {
  const countries = await read('fleet/countries');
  countries.sort((a, b) => Number(b.distanceKm) - Number(a.distanceKm));
  $('countries').replaceChildren(...countries.map((c) => row([region(c.country), WHOLE.format(c.vehicles),
    WHOLE.format(Number(c.distanceKm))], [false, true, true])));
}

function region(code) {
  try { return `${regions.of(code)} (${code})`; } catch { return code; }
}

function row(cells, numeric) {
  const tr = document.createElement('tr');
  cells.forEach((value, i) => {
    const td = document.createElement('td');
    if (numeric[i]) td.className = 'num';
    td.textContent = value;
    tr.append(td);
  });
  return tr;
}

let chart = null;
async function loadDaily() {
  const to = new Date();
  const from = new Date(to.getTime() - 89 * 86400000);
  const iso = (d) => d.toISOString().slice(0, 10);
  const days = await read(`fleet/daily?from=${iso(from)}&to=${iso(to)}`);
  const data = [days.map((d) => Date.parse(d.date) / 1000), days.map((d) => Number(d.distanceKm))];
  const box = $('daily-chart');
  const size = { width: box.clientWidth || 800, height: Math.max(220, Math.min(320, window.innerHeight * 0.3)) };
  if (chart) { chart.setData(data); chart.setSize(size); return; }
  chart = new uPlot({
    ...size,
    legend: { show: false },
    scales: { y: { range: (u, min, max) => [0, Math.max(1, max) * 1.1] } },
    axes: [{ stroke: '#a8bcb3', grid: { stroke: '#26362f' } },
      { stroke: '#a8bcb3', grid: { stroke: '#26362f' }, size: 70, values: (u, v) => v.map((x) => WHOLE.format(x)) }],
    series: [{ label: 'Day' }, { label: 'km', stroke: '#7cf2b0', fill: 'rgba(124,242,176,0.35)',
      paths: uPlot.paths.bars({ size: [0.7, 30] }), points: { show: false },
      value: (u, v) => (v == null ? '—' : `${KM.format(v)} km`) }],
  }, data, box);
  window.addEventListener('resize', () => chart.setSize({ width: box.clientWidth, height: size.height }));
}

function refresh() {
  for (const load of [loadLeaders, loadCountries, loadDaily]) {
    load().catch((error) => console.warn(error));
  }
}

function connect() {
  const stream = new EventSource(`${API}/fleet/stream`);
  stream.addEventListener('open', () => text('status', 'Live'));
  stream.addEventListener('summary', (event) => {
    showSummary(JSON.parse(event.data));
    text('status', `Live · updated ${new Date().toLocaleTimeString('en-GB')}`);
  });
  stream.addEventListener('milestone', (event) => {
    addMilestone(JSON.parse(event.data));
    loadLeaders().catch((error) => console.warn(error));
  });
  // the browser reconnects by itself, to this instance or another
  stream.addEventListener('error', () => text('status', 'Reconnecting…'));
}

loadMilestones().catch((error) => console.warn(error));
refresh();
setInterval(refresh, 30000);
connect();
