// bench/fleet.ts's floor page: no framework, the same sockets through the same
// proxy (/node/<id>/ws/), each alarm's crop into an <img> of a fixed grid,
// send→paint noted as the wall's probe does (src/features/alarm-wall/lib/wall-probe.ts):
// once the picture is decoded, a message posted from the next frame's rAF
// callback, handled after that frame is painted.
// Served from a copy of the build (CSP script-src 'self': no inline script).
'use strict';
const GRID = 96;
const grid = document.getElementById('grid');
const cells = [];
for (let i = 0; i < GRID; i++) {
  const img = document.createElement('img');
  img.alt = '';
  grid.append(img);
  cells.push(img);
}
let next = 0;
const now = () => performance.timeOrigin + performance.now();
let decoded = [];
let scheduled = false;
const channel = new MessageChannel();
channel.port1.onmessage = () => {
  const at = now();
  for (const snap of decoded) floor.paints.push([snap, at]);
  decoded = [];
  scheduled = false;
};
function painted(snap) {
  decoded.push(snap);
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(() => channel.port2.postMessage(0));
}
const floor = { paints: [], got: [], received: 0, bytes: 0, failed: 0, live: {}, errors: [] };
window.__floor = floor;
/** What came since the last call (paints, messages, bytes). */
window.__floorTake = () => {
  const out = {
    paints: floor.paints,
    got: floor.got,
    received: floor.received,
    bytes: floor.bytes,
    failed: floor.failed,
    live: floor.live,
    errors: floor.errors,
  };
  floor.paints = [];
  floor.got = [];
  floor.received = 0;
  floor.bytes = 0;
  return out;
};

async function api(id, session, body) {
  const headers = { 'Content-Type': 'application/json' };
  if (session) headers.sessionid = session;
  const res = await fetch(`/node/${id}/api/json`, { method: 'POST', headers, body: JSON.stringify(body) });
  const json = await res.json();
  if (json.code !== 0) throw new Error(`${id} ${body.msg_id}: ${json.code} ${json.msg}`);
  return json.data;
}

async function connect(id, user, password, slim) {
  const session = await api(id, null, { msg_id: '257', user_name: user, user_pwd: password });
  const { key } = await api(id, session, { msg_id: '1286' });
  const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/node/${id}/ws/${slim ? '?slim=1' : ''}`);
  ws.onopen = () => ws.send(JSON.stringify({ key, msg_id: '776' }));
  ws.onclose = () => (floor.live[id] = false);
  ws.onmessage = (e) => {
    floor.bytes += e.data.length;
    const m = JSON.parse(e.data);
    if (m.msg_id !== '777') {
      floor.live[id] = m.code === 0;
      return;
    }
    floor.received++;
    const snap = `${id}:${m.data.snap_id}`;
    // On Date.now, as the console's probe notes its arrivals (bench/fleet.ts: send→main thread).
    floor.got.push([snap, Date.now()]);
    const img = cells[next++ % GRID];
    img.src = m.data.snap_buf;
    img.decode().then(
      () => painted(snap),
      () => floor.failed++,
    );
  };
}

/** Called by the bench: subscribe to these nodes (slim: without the scene frames, server/slim-push.ts). */
window.__floorStart = async (ids, user, password, slim) => {
  floor.live = {};
  await Promise.all(ids.map((id) => connect(id, user, password, slim).catch((e) => floor.errors.push(String(e)))));
};
