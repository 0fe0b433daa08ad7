// Every route of the console and its search parameters, in one module: the
// router matches `routes`, every link is built with `hrefs`, pages read their
// URL with the names in `params`, and the e2e page objects go to `hrefs` too.
// One parameter name per thing: a camera channel is `ch`, library ids `libs`,
// a person (a face in a library, by img_id) `face`, wherever they appear.

export const paths = {
  login: '/login',
  overview: '/',
  overviewReport: '/overview/report',
  libraries: '/libraries',
  cameras: '/cameras',
  records: '/records',
  faceSearch: '/face-search',
  alarmWall: '/alarm-wall',
  system: '/system',
  /** Fleet mode: a library copied from one node to others, and its ledger (no node prefix). */
  distribute: '/distribute',
} as const;

/**
 * The fleet's own pages (fleet mode only): about several nodes at once, so
 * never under /n/<id> and never prefixed with the node shown.
 */
export const fleetPaths = {
  settings: '/fleet/settings',
  upgrade: '/fleet/upgrade',
} as const;

export const fleetHrefs = {
  settings: (): string => fleetPaths.settings,
  upgrade: (): string => fleetPaths.upgrade,
} as const;

/** Route patterns (react-router), with their path parameters. */
export const routes = {
  ...paths,
  library: `${paths.libraries}/:libId`,
  libraryImport: `${paths.libraries}/:libId/import`,
  cameraRoi: `${paths.cameras}/:channel/roi`,
  /** Where one person (a library face, by img_id) was seen: their alarms on every camera. */
  personSeen: `${paths.records}/person/:libId/:imgId`,
} as const;

/** Search parameters, per page. Each page's own view model parses them. */
export const PARAMS = {
  login: { next: 'next' },
  /** The printable report: one device day, `yyyy-MM-dd`. */
  overviewReport: { date: 'date' },
  libraries: { q: 'q', type: 'type', library: 'library' },
  /** The gallery: `face` opens one person (img_id); the rest is the gallery's view. */
  library: {
    face: 'face',
    edit: 'edit',
    enrol: 'enrol',
    view: 'view',
    page: 'page',
    size: 'size',
    mode: 'mode',
    q: 'q',
  },
  libraryImport: { show: 'show', page: 'page' },
  cameras: {
    tab: 'tab',
    /** ?add=<channel> (0: any free channel) opens the add drawer. */
    add: 'add',
    /** ?edit=<channel> opens the edit drawer. */
    edit: 'edit',
  },
  records: {
    tab: 'tab',
    ch: 'ch',
    /** Snapshots: one library by name (1037 filters by lib_name). */
    libName: 'lib_name',
    libs: 'libs',
    type: 'type',
    range: 'range',
    from: 'from',
    to: 'to',
    page: 'page',
    size: 'size',
    /** The record in the drawer (snap_id). */
    open: 'open',
    /** Fleet mode: the nodes searched, "node-1,node-3" (absent: every signed-in node). */
    nodes: 'nodes',
    /** Fleet mode: the merged page after / before this cursor ("node-1:20,node-2:5", model/fleet-merge.ts). */
    after: 'after',
    before: 'before',
  },
  /** The range, device days "yyyy-MM-dd", both inclusive; without them the last 7 days by the device's clock. */
  personSeen: { from: 'from', to: 'to' },
  /** `snap`: a picture on the device to search with. */
  faceSearch: { snap: 'snap', mode: 'mode' },
  alarmWall: {
    ch: 'ch',
    libs: 'libs',
    list: 'list',
    similarity: 'sim',
    kind: 'kind',
    strangers: 'strangers',
    kiosk: 'kiosk',
    /** `tiles`: the tile layout (cards in fixed tiles); absent: the flow (newest first). */
    layout: 'layout',
    /** The open alarm (snap_id; `<node>:<snap_id>` on the merged wall). */
    alarm: 'alarm',
    /** The merged wall (fleet mode): the nodes it subscribes to (ids; none: every node). */
    nodes: 'nodes',
    /** The merged wall's filters: only these nodes' alarms, only these sites' (site names). */
    node: 'node',
    site: 'site',
  },
  system: { tab: 'tab' },
  /** Source node and library, target nodes (comma list), the ledger's state filter and page. */
  distribute: { src: 'src', lib: 'lib', to: 'to', state: 'state', page: 'page' },
} as const;

export type CamerasTab = 'cameras' | 'relays';
export type RecordsTab = 'snapshots' | 'alarms' | 'bodies';
export type FaceSearchMode = 'search' | 'compare' | 'detect';
export const FACE_SEARCH_MODES: readonly FaceSearchMode[] = ['search', 'compare', 'detect'];

function withQuery(path: string, query: Record<string, string | number | readonly number[] | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined) continue;
    if (typeof v === 'object') {
      if (v.length) q.set(k, v.join(','));
    } else q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** Records filters a link can set (the records page's view holds more). */
export interface RecordsLink {
  tab?: RecordsTab;
  channel?: number;
  libIds?: readonly number[];
  range?: 'hour' | 'today' | 'yesterday' | 'week';
  /** A custom range on the device's clock ("yyyy-MM-dd HH:mm:ss", both inclusive); wins over `range`. */
  from?: string;
  to?: string;
  open?: string;
  /** Fleet mode: the nodes to search. A link from a node's page searches that node unless it says otherwise. */
  nodes?: readonly string[];
}

/** Typed hrefs: every link of the console is built here (for the node shown: `onNode`). */
const nodeHrefs = {
  login: (next?: string): string => loginPath(next),
  overview: (): string => paths.overview,
  /** The overview's day as a printable report (`date`: the device's day, yyyy-MM-dd). */
  overviewReport: (date?: string): string => withQuery(paths.overviewReport, { [PARAMS.overviewReport.date]: date }),
  libraries: (): string => paths.libraries,
  library: (libId: number | string): string => `${paths.libraries}/${libId}`,
  /** One person open in their library's gallery. */
  person: (libId: number | string, imgId: string): string => withQuery(`${paths.libraries}/${libId}`, { [PARAMS.library.face]: imgId }),
  libraryImport: (libId: number | string): string => `${paths.libraries}/${libId}/import`,
  cameras: (q: { tab?: CamerasTab; add?: number; edit?: number } = {}): string =>
    withQuery(paths.cameras, { tab: q.tab === 'relays' ? 'relays' : undefined, add: q.add, edit: q.edit }),
  cameraRoi: (channel: number): string => `${paths.cameras}/${channel}/roi`,
  records: (q: RecordsLink = {}): string =>
    withQuery(paths.records, {
      [PARAMS.records.tab]: q.tab === 'snapshots' ? undefined : q.tab,
      [PARAMS.records.ch]: q.channel,
      [PARAMS.records.libs]: q.libIds,
      [PARAMS.records.range]: q.from !== undefined || q.to !== undefined ? 'custom' : q.range,
      [PARAMS.records.from]: q.from,
      [PARAMS.records.to]: q.to,
      [PARAMS.records.open]: q.open,
      [PARAMS.records.nodes]: (q.nodes ?? (linkPrefix ? [linkPrefix.slice(NODE_PREFIX.length + 1)] : undefined))?.join(','),
    }),
  /** Where a person was seen (their alarms on a time axis per camera); `range` in device days. */
  personSeen: (libId: number | string, imgId: string, range?: { from: string; to: string }): string =>
    withQuery(`${paths.records}/person/${libId}/${encodeURIComponent(imgId)}`, {
      [PARAMS.personSeen.from]: range?.from,
      [PARAMS.personSeen.to]: range?.to,
    }),
  /** The face search, with a picture on the device as its probe (§3.6 path). */
  faceSearch: (q: { snap?: string; mode?: FaceSearchMode } = {}): string =>
    withQuery(paths.faceSearch, { [PARAMS.faceSearch.mode]: q.mode, [PARAMS.faceSearch.snap]: q.snap }),
  alarmWall: (): string => paths.alarmWall,
  /**
   * Fleet mode: the merged wall of several nodes, the fleet's own page (no
   * node prefix; docs/fleet-console.md). `nodes`: the nodes it subscribes to
   * (none: all); `node` / `site`: what it shows of them.
   */
  fleetAlarmWall: (q: { nodes?: readonly string[]; node?: readonly string[]; site?: readonly string[] } = {}): string => {
    const p = new URLSearchParams();
    if (q.nodes?.length) p.set(PARAMS.alarmWall.nodes, q.nodes.join(','));
    if (q.node?.length) p.set(PARAMS.alarmWall.node, q.node.join(','));
    // One parameter per site: a site's name may hold a comma (node ids cannot).
    for (const site of q.site ?? []) p.append(PARAMS.alarmWall.site, site);
    const s = p.toString();
    return s ? `${paths.alarmWall}?${s}` : paths.alarmWall;
  },
  system: (tab?: string): string => withQuery(paths.system, { [PARAMS.system.tab]: tab }),
  /** A fleet page: never on a node (FLEET_PAGES). */
  distribute: (q: { src?: string; lib?: number } = {}): string =>
    withQuery(paths.distribute, { [PARAMS.distribute.src]: q.src, [PARAMS.distribute.lib]: q.lib }),
} as const;

/** Hrefs of pages that are about no one node: they never take the node prefix. */
const FLEET_PAGES: ReadonlySet<string> = new Set(['login', 'distribute', 'fleetAlarmWall']);

/** Several nodes: each node's pages live under /n/<id> (docs/fleet-console.md). */
export const NODE_PREFIX = '/n';
export const nodeRoute = `${NODE_PREFIX}/:node`;
let linkPrefix = '';

/** The node the page is about, in fleet mode (null: single-node mode, today's URLs). */
export function linkNode(node: string | null): void {
  linkPrefix = node === null ? '' : `${NODE_PREFIX}/${node}`;
}

function withNode(prefix: string, href: string): string {
  if (!prefix) return href;
  return href === paths.overview ? prefix : `${prefix}${href}`;
}

/** A section's path (`paths`) on the node shown: the navigation's links. */
export function nodeHref(path: string): string {
  return withNode(linkPrefix, path);
}

/** A path of the app (from `hrefs`) on another node: the fleet overview's links. */
export function onNode(node: string, href: string): string {
  const bare = linkPrefix && (href === linkPrefix || href.startsWith(`${linkPrefix}/`)) ? href.slice(linkPrefix.length) || '/' : href;
  return withNode(`${NODE_PREFIX}/${node}`, retargetRecords(bare, linkPrefix.slice(NODE_PREFIX.length + 1), node));
}

/** A records link searching the node shown (hrefs' default) searches the other node instead. */
function retargetRecords(href: string, from: string, to: string): string {
  const [path, query] = href.split('?', 2) as [string, string | undefined];
  if (!from || path !== paths.records || !query) return href;
  const q = new URLSearchParams(query);
  if (q.get(PARAMS.records.nodes) !== from) return href;
  q.set(PARAMS.records.nodes, to);
  return `${path}?${q.toString()}`;
}

/** The node a path of the app is on, if it names one ("/n/b/cameras" → "b"). */
export function nodeOfPath(pathname: string): string | null {
  const m = /^\/n\/([a-z0-9][a-z0-9-]{0,31})(?:\/|$)/.exec(pathname);
  return m ? m[1]! : null;
}

/** The path without its node prefix, as single-node mode spells it. */
export function withoutNode(pathname: string): string {
  const node = nodeOfPath(pathname);
  return node === null ? pathname : pathname.slice(`${NODE_PREFIX}/${node}`.length) || '/';
}

/** A link copied from a node's page opens that node's page: every href but the sign-in and the fleet's pages carries the node. */
export const hrefs = Object.fromEntries(
  Object.entries(nodeHrefs).map(([name, build]) => [
    name,
    FLEET_PAGES.has(name) ? build : (...args: never[]) => withNode(linkPrefix, (build as (...a: never[]) => string)(...args)),
  ]),
) as typeof nodeHrefs;

/** The login page, remembering where to come back to (a path of this app). */
export function loginPath(next?: string): string {
  const safe = next === undefined ? paths.overview : safeNext(next);
  return safe === paths.overview ? paths.login : `${paths.login}?${PARAMS.login.next}=${encodeURIComponent(safe)}`;
}

// A base no real origin can have: anything that resolves elsewhere is foreign.
const PROBE_ORIGIN = 'http://console.invalid';

/**
 * Where to go after login. `next` comes from the URL, so anyone can craft it:
 * only a path inside the app passes (no scheme, no //host, no backslash that
 * browsers read as a slash, no control characters); anything else is the
 * overview. Never back to the login page itself.
 */
export function safeNext(raw: string | null | undefined): string {
  if (!raw || raw.length > 2048) return paths.overview;
  if (!raw.startsWith('/') || raw.startsWith('//')) return paths.overview;
  if (/[\\\u0000-\u001f\u007f]/.test(raw)) return paths.overview;
  let url: URL;
  try {
    url = new URL(raw, PROBE_ORIGIN);
  } catch {
    return paths.overview;
  }
  if (url.origin !== PROBE_ORIGIN) return paths.overview;
  if (url.pathname === paths.login || url.pathname.startsWith(`${paths.login}/`)) return paths.overview;
  return `${url.pathname}${url.search}${url.hash}`;
}
