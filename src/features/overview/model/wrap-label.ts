// A horizontal chart's category labels ("主入口 Main entrance (channel 1)")
// are drawn right-aligned left of the bars, and Chart.js lets the axis take
// only part of the width: on a phone the start of each label fell off the
// canvas. Long labels go on up to two lines, the last cut with an ellipsis;
// the tooltip and the chart's table keep the whole text.

/** Breaks `text` into lines no wider than `maxPx` as `measure` says, at spaces and before brackets where it can. */
export function wrapLabel(text: string, maxPx: number, measure: (s: string) => number, maxLines = 2): string[] {
  if (measure(text) <= maxPx) return [text];
  const lines: string[] = [];
  let line = '';
  const push = () => {
    if (line.trim()) lines.push(line.trim());
    line = '';
  };
  for (const token of text.split(/(?<=\s)|(?=[(（])/)) {
    if (measure((line + token).trim()) <= maxPx) {
      line += token;
      continue;
    }
    push();
    // A word wider than a line is broken between characters (Chinese has no spaces).
    for (const ch of token) {
      if (line && measure((line + ch).trim()) > maxPx) push();
      line += ch;
    }
  }
  push();
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = `${kept[maxLines - 1]} ${lines.slice(maxLines).join(' ')}`;
  while (last.length > 1 && measure(`${last}…`) > maxPx) last = last.slice(0, -1);
  kept[maxLines - 1] = `${last.trimEnd()}…`;
  return kept;
}
