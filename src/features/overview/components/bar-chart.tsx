// Chart.js (canvas) drawn in antd's colours, light or dark. Chosen by weight:
// its bar chart tree-shaken is ~59 KiB gzip against ~135 KiB for recharts
// (which brings redux, immer and d3 parts) and far more for G2
// (@ant-design/plots); it loads only with the overview's chunk. A canvas says
// nothing to a screen reader: every chart has its table (chart-card.tsx).
import { useEffect, useRef } from 'react';
import { wrapLabel } from '../model/wrap-label';
import { theme as antdTheme } from 'antd';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
  type Plugin,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export interface BarSeries {
  label: string;
  /** null: not known yet (no bar drawn). */
  data: readonly (number | null)[];
  /** One colour, or one per bar (blacklist bars stand out). */
  color: string | readonly string[];
}

export interface BarChartProps {
  /** What the chart shows, for the canvas's accessible name. */
  label: string;
  labels: readonly string[];
  series: readonly BarSeries[];
  horizontal?: boolean;
  stacked?: boolean;
  height?: number;
  /** A bar clicked: its index and series. */
  onSelect?: (index: number, series: number) => void;
  /** Called after the chart first drew with data (bench and e2e read "first chart"). */
  onDrawn?: () => void;
}

/**
 * Where each bar is drawn, on the canvas as data-bars (series, index, centre
 * in CSS pixels): a canvas has no elements, so the e2e clicks these points.
 */
const barPositions: Plugin<'bar'> = {
  id: 'nebulaBarPositions',
  afterRender(chart) {
    const out: [number, number, number, number][] = [];
    chart.data.datasets.forEach((_, d) => {
      const meta = chart.getDatasetMeta(d);
      if (meta.hidden) return;
      meta.data.forEach((el, i) => {
        const { x, y, base } = el.getProps(['x', 'y', 'base'], true) as { x: number; y: number; base: number };
        // The middle of the bar along its length (a bar of 0 is its base).
        const horizontal = chart.options.indexAxis === 'y';
        out.push([d, i, Math.round(horizontal ? (x + base) / 2 : x), Math.round(horizontal ? y : (y + base) / 2)]);
      });
    });
    chart.canvas.dataset.bars = JSON.stringify(out);
  },
};

export function BarChart({ label, labels, series, horizontal, stacked, height = 240, onSelect, onDrawn }: BarChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'bar'> | null>(null);
  const { token } = antdTheme.useToken();
  // The handlers change every render; the chart reads the latest through refs.
  const select = useRef(onSelect);
  const drawn = useRef(onDrawn);
  useEffect(() => {
    select.current = onSelect;
    drawn.current = onDrawn;
  });

  // Made again when the theme (its colours) or the layout changes; data updates in place.
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const grid = token.colorBorderSecondary;
    const text = token.colorTextSecondary;
    const config: ChartConfiguration<'bar'> = {
      type: 'bar',
      data: { labels: [], datasets: [] },
      plugins: [barPositions],
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        color: text,
        font: { family: token.fontFamily, size: 12 },
        interaction: { mode: 'nearest', intersect: true },
        scales: {
          x: { stacked, grid: { color: horizontal ? grid : 'transparent' }, ticks: { color: text, precision: 0 }, border: { color: grid } },
          y: {
            stacked,
            grid: { color: horizontal ? 'transparent' : grid },
            ticks: {
              color: text,
              precision: 0,
              // The category labels of a horizontal chart take at most ~40 % of its width, on two lines.
              ...(horizontal && {
                // Every bar keeps its name: Chart.js would drop labels it finds too tall.
                autoSkip: false,
                callback(value) {
                  const whole = this.getLabelForValue(Number(value));
                  this.ctx.font = `12px ${token.fontFamily}`;
                  return wrapLabel(whole, Math.max(80, this.chart.width * 0.4), (s) => this.ctx.measureText(s).width);
                },
              }),
            },
            border: { color: grid },
            beginAtZero: true,
          },
        },
        plugins: {
          legend: { labels: { color: text, boxWidth: 12 } },
          tooltip: {
            mode: 'index',
            intersect: false,
            backgroundColor: token.colorBgSpotlight,
            titleColor: token.colorTextLightSolid,
            bodyColor: token.colorTextLightSolid,
          },
        },
        onHover: (e, els) => {
          if (e.native?.target instanceof HTMLElement) e.native.target.style.cursor = els.length && select.current ? 'pointer' : 'default';
        },
        onClick: (_e, els) => {
          const hit = els[0];
          if (hit) select.current?.(hit.index, hit.datasetIndex);
        },
      },
    };
    const c = new Chart(el, config);
    chart.current = c;
    return () => {
      c.destroy();
      chart.current = null;
    };
  }, [horizontal, stacked, token]);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    c.data.labels = [...labels];
    c.data.datasets = series.map((s) => ({
      label: s.label,
      data: [...s.data],
      backgroundColor: typeof s.color === 'string' ? s.color : [...s.color],
      borderRadius: 3,
      maxBarThickness: 28,
    }));
    c.options.plugins!.legend!.display = series.length > 1;
    c.update();
    drawn.current?.();
  }, [labels, series, token, horizontal, stacked]);

  return (
    <div style={{ position: 'relative', height }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
