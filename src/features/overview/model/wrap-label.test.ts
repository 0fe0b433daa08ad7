import { describe, expect, it } from 'vitest';
import { wrapLabel } from './wrap-label';

// One unit per character: CJK characters are as wide as two Latin ones in most fonts.
const measure = (s: string) => [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);

describe('wrapLabel', () => {
  it('leaves a label that fits alone', () => {
    expect(wrapLabel('Lobby (channel 2)', 40, measure)).toEqual(['Lobby (channel 2)']);
  });

  it('breaks at spaces and before the bracket, each line within the width', () => {
    const lines = wrapLabel('主入口 Main entrance (channel 1)', 20, measure);
    expect(lines).toEqual(['主入口 Main entrance', '(channel 1)']);
    for (const l of lines) expect(measure(l)).toBeLessThanOrEqual(20);
  });

  it('breaks Chinese between characters and cuts the third line into an ellipsis', () => {
    const lines = wrapLabel('东门闸机通道甲乙丙丁（通道４）', 10, measure);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('…')).toBe(true);
    for (const l of lines) expect(measure(l)).toBeLessThanOrEqual(10);
  });
});
