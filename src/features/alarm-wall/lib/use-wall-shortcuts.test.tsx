import { describe, expect, it } from 'vitest';
import { shortcutFor } from './use-wall-shortcuts';

const key = (k: string, mods: Partial<Record<'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {}) => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

function el(html: string): Element {
  const host = document.createElement('div');
  host.innerHTML = html;
  document.body.append(host);
  return host.querySelector('[data-t]')!;
}

describe('the wall keys', () => {
  it('maps the letters and Space on the page and on a card', () => {
    const card = el('<article data-t tabindex="0"></article>');
    expect(shortcutFor(key(' '), document.body)).toBe('pause');
    expect(shortcutFor(key(' '), card)).toBe('pause');
    expect(shortcutFor(key('a'), card)).toBe('ack');
    expect(shortcutFor(key('A', { shiftKey: true }), card)).toBe('ackAll');
    expect(shortcutFor(key('m'), document.body)).toBe('mute');
    expect(shortcutFor(key('K'), document.body)).toBe('kiosk');
    expect(shortcutFor(key('f'), document.body)).toBe('fullscreen');
    expect(shortcutFor(key('ArrowDown'), document.body)).toBe('focusFirst');
    expect(shortcutFor(key('ArrowDown'), card)).toBeNull();
  });

  it('leaves typing, the browser’s own shortcuts and the controls Space activates alone', () => {
    expect(shortcutFor(key('a'), el('<input data-t />'))).toBeNull();
    expect(shortcutFor(key('m'), el('<div data-t role="combobox"></div>'))).toBeNull();
    expect(shortcutFor(key(' '), el('<button data-t>Acknowledge</button>'))).toBeNull();
    expect(shortcutFor(key(' '), el('<button data-t role="switch"></button>'))).toBeNull();
    // A letter on a button is still the wall's.
    expect(shortcutFor(key('m'), el('<button data-t>Pause</button>'))).toBe('mute');
    expect(shortcutFor(key('a', { ctrlKey: true }), document.body)).toBeNull();
    expect(shortcutFor(key('f', { metaKey: true }), document.body)).toBeNull();
  });
});
