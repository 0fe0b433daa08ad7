import { afterEach, describe, expect, it } from 'vitest';
import { keepCredentials, keptCredentials } from './kept-credentials';

const A = { user: 'admin', password: 'a' };
const B = { user: 'admin', password: 'b' };

afterEach(() => keepCredentials(null));

describe('credentials kept for a wall display (memory, this tab)', () => {
  it('kept without a node serve every node; a node’s own win there', () => {
    keepCredentials(A);
    expect(keptCredentials()).toEqual(A);
    expect(keptCredentials('gate-a')).toEqual(A);
    keepCredentials(B, 'gate-b');
    expect(keptCredentials('gate-b')).toEqual(B);
    expect(keptCredentials('gate-a')).toEqual(A);
  });

  it('a node that refused them keeps none, the others keep theirs', () => {
    keepCredentials(A);
    keepCredentials(null, 'gate-b');
    expect(keptCredentials('gate-b')).toBeNull();
    expect(keptCredentials('gate-a')).toEqual(A);
  });

  it('a new choice without a node replaces every node’s', () => {
    keepCredentials(B, 'gate-b');
    keepCredentials(null);
    expect(keptCredentials('gate-b')).toBeNull();
  });
});
