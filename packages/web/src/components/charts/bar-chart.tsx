// A bar chart in SVG: vertical bars (a series over time or hours) or
// horizontal bars (categories). Hovering or focusing a bar (Tab, arrow keys)
// shows its value in the readout above the chart, which screen readers announce.
import { useId, useState, type KeyboardEvent } from 'react';
import './charts.css';

export interface BarDatum {
  label: string;
  value: number;
  /** the readout's text for the bar (default: label and formatted value) */
  detail?: string;
}

interface BarChartProps {
  title: string;
  hint?: string;
  data: readonly BarDatum[];
  format?: (value: number) => string;
  orientation?: 'vertical' | 'horizontal';
  /** show every n-th label under vertical bars (default: as many as fit) */
  labelEvery?: number;
}

const moveFocus = (event: KeyboardEvent<SVGElement>) => {
  const target = event.currentTarget;
  const sibling = event.key === 'ArrowRight' || event.key === 'ArrowDown' ? target.nextElementSibling : event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? target.previousElementSibling : null;
  if (sibling instanceof SVGElement) {
    event.preventDefault();
    sibling.focus();
  }
};

export function BarChart({ title, hint, data, format = (v) => String(v), orientation = 'vertical', labelEvery }: BarChartProps) {
  const id = useId();
  const [active, setActive] = useState<number | null>(null);
  const max = Math.max(1, ...data.map((d) => d.value));
  const readout = active === null ? '' : (data[active]?.detail ?? `${data[active]?.label}: ${format(data[active]?.value ?? 0)}`);
  const bind = (i: number) => ({
    tabIndex: 0,
    onMouseEnter: () => setActive(i),
    onFocus: () => setActive(i),
    onMouseLeave: () => setActive(null),
    onBlur: () => setActive(null),
    onKeyDown: moveFocus,
    'aria-label': data[i]!.detail ?? `${data[i]!.label}: ${format(data[i]!.value)}`,
    role: 'img',
  });

  let svg;
  if (orientation === 'horizontal') {
    const row = 22;
    const labelWidth = 170;
    const width = 600;
    const plot = width - labelWidth - 60;
    const height = data.length * row + 4;
    svg = (
      <svg viewBox={`0 0 ${width} ${height}`} aria-labelledby={`${id}-title`}>
        <g>
          {data.map((d, i) => (
            <rect key={d.label} className={`chart__bar${active === i ? ' chart__bar--active' : ''}`} x={labelWidth} y={i * row + 3} width={Math.max(d.value > 0 ? 1 : 0, (d.value / max) * plot)} height={row - 6} {...bind(i)} />
          ))}
        </g>
        {data.map((d, i) => (
          <g key={d.label} aria-hidden="true">
            <text className="chart__label" x={labelWidth - 6} y={i * row + row / 2 + 4} textAnchor="end">
              {d.label.length > 28 ? `${d.label.slice(0, 27)}…` : d.label}
            </text>
            <text className="chart__value" x={labelWidth + (d.value / max) * plot + 4} y={i * row + row / 2 + 4}>
              {format(d.value)}
            </text>
          </g>
        ))}
        <line className="chart__axis" x1={labelWidth} x2={labelWidth} y1={0} y2={height} />
      </svg>
    );
  } else {
    const width = 600;
    const height = 200;
    const bottom = 24;
    const top = 14;
    const plot = height - bottom - top;
    const step = width / Math.max(1, data.length);
    const every = labelEvery ?? Math.max(1, Math.ceil(data.length / 16));
    svg = (
      <svg viewBox={`0 0 ${width} ${height}`} aria-labelledby={`${id}-title`}>
        {[0.5, 1].map((f) => (
          <g key={f} aria-hidden="true">
            <line className="chart__grid" x1={0} x2={width} y1={top + plot * (1 - f)} y2={top + plot * (1 - f)} />
            <text className="chart__label" x={2} y={top + plot * (1 - f) - 3}>
              {format(Math.round(max * f))}
            </text>
          </g>
        ))}
        <g>
          {data.map((d, i) => {
            const h = (d.value / max) * plot;
            return <rect key={`${d.label}-${i}`} className={`chart__bar${active === i ? ' chart__bar--active' : ''}`} x={i * step + step * 0.12} y={top + plot - h} width={step * 0.76} height={Math.max(h, d.value > 0 ? 1 : 0)} {...bind(i)} />;
          })}
        </g>
        {data.map((d, i) =>
          i % every === 0 ? (
            <text key={`${d.label}-${i}`} aria-hidden="true" className="chart__label" x={i * step + step / 2} y={height - 8} textAnchor="middle">
              {d.label}
            </text>
          ) : null,
        )}
        <line className="chart__axis" x1={0} x2={width} y1={top + plot} y2={top + plot} />
      </svg>
    );
  }

  return (
    <figure className="chart">
      <figcaption className="chart__title" id={`${id}-title`}>
        {title}
      </figcaption>
      {hint ? <p className="chart__hint">{hint}</p> : null}
      <p className="chart__readout" aria-live="polite">
        {readout}
      </p>
      {svg}
    </figure>
  );
}
