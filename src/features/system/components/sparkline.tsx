// A small line of recent values, inline SVG: no chart library for one line.

export interface SparklineProps {
  values: readonly number[];
  /** The scale's top (100 for a percentage). */
  max?: number;
  width?: number;
  height?: number;
  /** What the line shows, read by screen readers. */
  label: string;
  color?: string;
}

export function Sparkline({ values, max = 100, width = 240, height = 48, label, color = '#2f6bff' }: SparklineProps) {
  const pad = 2;
  const n = values.length;
  const x = (i: number) => (n <= 1 ? width - pad : pad + (i * (width - 2 * pad)) / (n - 1));
  const y = (v: number) => height - pad - (Math.min(Math.max(v, 0), max) / max) * (height - 2 * pad);
  const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const area = n > 1 ? `M${x(0).toFixed(1)},${height - pad} L${points.replace(/ /g, ' L')} L${x(n - 1).toFixed(1)},${height - pad} Z` : '';
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      height={height}
      preserveAspectRatio="none"
      style={{ display: 'block' }}
    >
      <line x1={0} x2={width} y1={height - pad} y2={height - pad} stroke="currentColor" strokeOpacity={0.15} />
      {area && <path d={area} fill={color} fillOpacity={0.12} stroke="none" />}
      {n > 1 && <polyline points={points} fill="none" stroke={color} strokeWidth={1.5} vectorEffect="non-scaling-stroke" />}
      {n > 0 && <circle cx={x(n - 1)} cy={y(values[n - 1]!)} r={2.5} fill={color} />}
    </svg>
  );
}
