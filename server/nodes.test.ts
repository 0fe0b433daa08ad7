import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodesFromEnv, NodesFileError, parseNodes, singleNode } from './nodes';

const file = (nodes: unknown) => JSON.stringify({ nodes });

describe('the node list', () => {
  it('reads ids, names, sites and normalised URLs in order', () => {
    expect(
      parseNodes(
        file([
          { id: 'gate-a', name: ' Gate A ', url: 'http://10.0.0.5/', site: 'North campus' },
          { id: 'b2', name: 'B', url: '10.0.0.6' },
          { id: '3', name: 'Three', url: 'HTTPS://node3.local:8443' },
        ]),
      ),
    ).toEqual([
      { id: 'gate-a', name: 'Gate A', url: 'http://10.0.0.5', site: 'North campus' },
      { id: 'b2', name: 'B', url: 'http://10.0.0.6' },
      { id: '3', name: 'Three', url: 'https://node3.local:8443' },
    ]);
  });

  it.each([
    ['not JSON', '{nodes:', /not JSON/],
    ['no nodes', file([]), /at least one node/],
    ['a list, not an object', '[]', /\(file\)/],
    ['an upper-case id', file([{ id: 'Gate', name: 'G', url: 'http://a' }]), /nodes\.0\.id/],
    ['an id with a slash', file([{ id: 'a/b', name: 'G', url: 'http://a' }]), /nodes\.0\.id/],
    ['an id of 33 characters', file([{ id: 'a'.repeat(33), name: 'G', url: 'http://a' }]), /nodes\.0\.id/],
    ['an id starting with -', file([{ id: '-a', name: 'G', url: 'http://a' }]), /nodes\.0\.id/],
    [
      'a duplicate id',
      file([
        { id: 'a', name: 'A', url: 'http://a' },
        { id: 'a', name: 'B', url: 'http://b' },
      ]),
      /nodes\.1\.id: "a" is used twice/,
    ],
    ['an empty name', file([{ id: 'a', name: '  ', url: 'http://a' }]), /nodes\.0\.name/],
    ['credentials in the URL', file([{ id: 'a', name: 'A', url: 'http://admin:x@10.0.0.5' }]), /no user or password/],
    ['a path in the URL', file([{ id: 'a', name: 'A', url: 'http://10.0.0.5/api' }]), /origin only/],
    ['another scheme', file([{ id: 'a', name: 'A', url: 'ftp://10.0.0.5' }]), /http or https only/],
    ['a typo in a key', file([{ id: 'a', name: 'A', URL: 'http://a' }]), /nodes\.0/],
    ['a missing URL', file([{ id: 'a', name: 'A' }]), /nodes\.0\.url/],
  ])('refuses %s with a message saying where', (_what, source, message) => {
    expect(() => parseNodes(source)).toThrow(NodesFileError);
    expect(() => parseNodes(source)).toThrow(message);
  });

  it('takes NODES_FILE over DEVICE_URL, and DEVICE_URL alone as node "default"', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nebula-nodes-'));
    try {
      const f = path.join(dir, 'nodes.json');
      fs.writeFileSync(f, file([{ id: 'a', name: 'A', url: 'http://10.0.0.5' }]));
      expect(nodesFromEnv({ NODES_FILE: f, DEVICE_URL: 'http://10.9.9.9' })).toEqual([{ id: 'a', name: 'A', url: 'http://10.0.0.5' }]);
      expect(nodesFromEnv({ DEVICE_URL: '192.168.1.20' })).toEqual([{ id: 'default', name: '192.168.1.20', url: 'http://192.168.1.20' }]);
      expect(nodesFromEnv({})).toEqual(singleNode('http://127.0.0.1:8480'));
      expect(() => nodesFromEnv({ NODES_FILE: path.join(dir, 'missing.json') })).toThrow(/missing\.json: cannot read it/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
