import { afterEach, describe, expect, it } from 'vitest';
import { matchPath } from 'react-router';
import { hrefs, linkNode, loginPath, nodeHref, nodeOfPath, onNode, paths, routes, safeNext, withoutNode } from './paths';

describe('safeNext', () => {
  it.each([
    ['/cameras', '/cameras'],
    ['/records?channel=2&page=3', '/records?channel=2&page=3'],
    ['/libraries/4#faces', '/libraries/4#faces'],
    ['/a/../cameras', '/cameras'],
  ])('keeps a path inside the app: %s', (raw, expected) => {
    expect(safeNext(raw)).toBe(expected);
  });

  it.each([
    null,
    undefined,
    '',
    'cameras',
    'https://evil.example/',
    '//evil.example/x',
    '/\\evil.example',
    '\\\\evil.example',
    'javascript:alert(1)',
    '/ok\nhttps://evil.example',
    '/login',
    '/login?next=/cameras',
    '/' + 'a'.repeat(3000),
  ])('refuses %j and goes to the overview', (raw) => {
    expect(safeNext(raw)).toBe(paths.overview);
  });
});

describe('loginPath', () => {
  it('carries where to come back to, encoded', () => {
    expect(loginPath('/records?channel=2')).toBe('/login?next=%2Frecords%3Fchannel%3D2');
  });
  it('leaves it out for the overview or a foreign target', () => {
    expect(loginPath()).toBe('/login');
    expect(loginPath('/')).toBe('/login');
    expect(loginPath('https://evil.example')).toBe('/login');
  });
});

describe('hrefs.personSeen', () => {
  it('links one person, with the range when given, and the route reads it back', () => {
    expect(hrefs.personSeen(3, 'a-1')).toBe('/records/person/3/a-1');
    const href = hrefs.personSeen(3, 'f00-b4r', { from: '2026-01-01', to: '2026-01-07' });
    expect(href).toBe('/records/person/3/f00-b4r?from=2026-01-01&to=2026-01-07');
    const m = matchPath(routes.personSeen, href.split('?')[0]!);
    expect(m?.params).toEqual({ libId: '3', imgId: 'f00-b4r' });
  });
});

describe('hrefs.records with a custom range', () => {
  it('sets range=custom with from and to (the records page reads them back: e2e overview.spec)', () => {
    const href = hrefs.records({ tab: 'alarms', channel: 2, from: '2026-12-06 13:00:00', to: '2026-12-06 13:59:59' });
    expect(href).toBe('/records?tab=alarms&ch=2&range=custom&from=2026-12-06+13%3A00%3A00&to=2026-12-06+13%3A59%3A59');
  });

  it('keeps a preset when no range is given', () => {
    expect(hrefs.records({ range: 'today' })).toBe('/records?range=today');
    expect(hrefs.overviewReport('2026-12-06')).toBe('/overview/report?date=2026-12-06');
  });
});

describe('hrefs on a node (fleet mode)', () => {
  afterEach(() => linkNode(null));

  it("single-node mode keeps today's URLs", () => {
    expect(hrefs.cameras({ tab: 'relays' })).toBe('/cameras?tab=relays');
    expect(hrefs.overview()).toBe('/');
  });

  it("every link of a node's page carries the node, so a copied link opens that node's page", () => {
    linkNode('node-b');
    expect(hrefs.cameras({ edit: 2 })).toBe('/n/node-b/cameras?edit=2');
    expect(hrefs.person(3, 'x1')).toBe('/n/node-b/libraries/3?face=x1');
    expect(hrefs.overview()).toBe('/n/node-b');
    // The sign-in is the fleet's, not a node's; where to come back to keeps the node.
    expect(hrefs.login('/n/node-b/records')).toBe('/login?next=%2Fn%2Fnode-b%2Frecords');
    // A fleet page is about no one node: its link from a node's page names the source in its query instead.
    expect(hrefs.distribute({ src: 'node-b', lib: 3 })).toBe('/distribute?src=node-b&lib=3');
  });

  it("the merged wall is the fleet's page: its link carries no node, its filters each in their parameter", () => {
    linkNode('node-b');
    expect(hrefs.fleetAlarmWall()).toBe('/alarm-wall');
    expect(hrefs.fleetAlarmWall({ nodes: ['a', 'b'], node: ['a'], site: ['North, campus', 'South'] })).toBe(
      '/alarm-wall?nodes=a%2Cb&node=a&site=North%2C+campus&site=South',
    );
    expect(hrefs.alarmWall()).toBe('/n/node-b/alarm-wall');
  });

  it("builds another node's link and reads the node back from a path", () => {
    linkNode('a');
    expect(onNode('c', hrefs.records({ tab: 'alarms' }))).toBe('/n/c/records?tab=alarms&nodes=c');
    // A records link from a node's page searches that node; the menu's (no `nodes`) every signed-in node.
    expect(hrefs.records({ tab: 'alarms', open: 's1' })).toBe('/n/a/records?tab=alarms&open=s1&nodes=a');
    expect(hrefs.records({ nodes: ['a', 'b'] })).toBe('/n/a/records?nodes=a%2Cb');
    expect(nodeHref(paths.records)).toBe('/n/a/records');
    expect(onNode('c', hrefs.overview())).toBe('/n/c');
    expect(nodeOfPath('/n/c/records')).toBe('c');
    expect(nodeOfPath('/n/c')).toBe('c');
    expect(nodeOfPath('/records')).toBeNull();
    expect(nodeOfPath('/n/Bad/records')).toBeNull();
    expect(withoutNode('/n/c/records')).toBe('/records');
    expect(withoutNode('/n/c')).toBe('/');
  });
});
