import { describe, expect, it } from 'vitest';
import { TileBoard } from './tile-board';

describe('TileBoard', () => {
  it('attached, let go and attached again to one template (StrictMode in development), leaves one pair of pictures', () => {
    const el = document.createElement('div');
    el.innerHTML = '<article data-part="card"><div data-part="pics"><span data-part="sim"></span></div></article>';
    const board = new TileBoard(() => 0);
    board.attach(0, el);
    board.attach(0, null);
    board.attach(0, el);
    expect(el.querySelectorAll('img')).toHaveLength(2);
    board.attach(0, null);
    expect(el.querySelectorAll('img')).toHaveLength(0);
  });
});
