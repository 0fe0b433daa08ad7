import { describe, expect, it } from 'vitest';
import { NetworkError } from '../../../api/errors';
import type { Candidate } from '../../../api/protocol/recognition';
import { libraryChoices, libraryIdsOn, mergeHits, searchOnNodes } from './across-nodes';

const hit = (img_id: string, similarity: number, ranking: number): Candidate => ({
  img_id,
  img_path: `img/${img_id}.jpg`,
  lib_id: 1,
  lib_name: 'Staff',
  lib_type: 2,
  ranking,
  similarity,
  id: '',
  name: img_id,
  gender: '',
  age: '',
  address: '',
});

describe('mergeHits', () => {
  it('merges every node by score, names the node on each, and leaves out the failed ones', () => {
    const merged = mergeHits([
      { node: 'a', kind: 'hits', hits: [hit('x', 90, 1), hit('y', 70, 2)] },
      { node: 'b', kind: 'failed', error: new NetworkError('face.search') },
      { node: 'c', kind: 'hits', hits: [hit('x', 95, 1), hit('z', 70, 2)] },
      { node: 'd', kind: 'no-library' },
    ]);
    expect(merged.map((h) => `${h.node}/${h.img_id}/${h.similarity}`)).toEqual(['c/x/95', 'a/x/90', 'a/y/70', 'c/z/70']);
  });
});

describe('libraries across nodes', () => {
  const a = [
    { lib_id: 1, lib_name: 'Staff', lib_type: 2 },
    { lib_id: 2, lib_name: 'Watch', lib_type: 1 },
  ];
  const b = [
    { lib_id: 5, lib_name: 'Staff', lib_type: 2 },
    { lib_id: 6, lib_name: 'Watch', lib_type: 2 },
  ];
  it('offers each name and type once, saying on how many nodes', () => {
    expect(libraryChoices([a, b])).toEqual([
      { key: '2:Staff', name: 'Staff', type: 2, nodes: 2 },
      { key: '1:Watch', name: 'Watch', type: 1, nodes: 1 },
      { key: '2:Watch', name: 'Watch', type: 2, nodes: 1 },
    ]);
  });
  it("takes each node's own ids for the names chosen, or all of them", () => {
    expect(libraryIdsOn(b, ['2:Staff', '1:Watch'])).toEqual([5]);
    expect(libraryIdsOn(b, [])).toEqual([5, 6]);
  });
});

describe('searchOnNodes', () => {
  it('searches each node with its own library ids; a failure and a node without the libraries are their own results', async () => {
    const sent: string[] = [];
    const down = new NetworkError('face.search');
    const out = await searchOnNodes(
      [
        { node: 'a', libIds: [1, 2] },
        { node: 'b', libIds: [5] },
        { node: 'c', libIds: [] },
        { node: 'd', error: down },
      ],
      async (node, libIds) => {
        sent.push(`${node}:${libIds}`);
        if (node === 'b') throw down;
        return [hit(`${node}1`, 80, 1)];
      },
    );
    expect(sent).toEqual(['a:1,2', 'b:5']);
    expect(out).toEqual([
      { node: 'a', kind: 'hits', hits: [hit('a1', 80, 1)] },
      { node: 'b', kind: 'failed', error: down },
      { node: 'c', kind: 'no-library' },
      { node: 'd', kind: 'failed', error: down },
    ]);
  });
});
