import { describe, expect, it } from 'vitest';
import { matchPath } from 'react-router';
import { hrefs, loginPath, paths, routes, safeNext } from './paths';

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
