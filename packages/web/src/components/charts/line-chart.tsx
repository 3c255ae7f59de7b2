// A line chart in SVG: one or more series over the same labels (e.g. months).
// Points are focusable; the readout shows the focused point's values.
import { useId, useState } from 'react';
import './charts.css';

export interface LineSeries {
  name: string;
  values: readonly number[];
}

interface LineChartProps {
  title: string;
  labels: readonly string[];
  series: readonly LineSeries[];
  format?: (value: number) => string;
  /** the scale's end (default: the largest value) */
  max?: number;
}

export function LineChart({ title, labels, series, format = (v) => String(v), max: fixedMax }: LineChartProps) {
  const id = useId();
  const [active, setActive] = useState<number | null>(null);
  const width = 600;
  const height = 200;
  const left = 36;
  const bottom = 24;
  const top = 10;
  const plotW = width - left - 10;
  const plotH = height - top - bottom;
  const max = fixedMax ?? Math.max(1, ...series.flatMap((s) => s.values));
  const x = (i: number) => left + (labels.length <= 1 ? plotW / 2 : (i / (labels.length - 1)) * plotW);
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const every = Math.max(1, Math.ceil(labels.length / 12));
  const readout = active === null ? '' : `${labels[active]}: ${series.map((s) => `${s.name} ${format(s.values[active] ?? 0)}`).join(', ')}`;
  return (
    <figure className="chart">
      <figcaption className="chart__title" id={`${id}-title`}>
        {title}
      </figcaption>
      {series.length > 1 ? (
        <ul className="chart__legend">
          {series.map((s, i) => (
            <li key={s.name}>
              <span className={`chart__swatch chart__swatch--${i}`} aria-hidden="true" />
              {s.name}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="chart__readout" aria-live="polite">
        {readout}
      </p>
      <svg viewBox={`0 0 ${width} ${height}`} aria-labelledby={`${id}-title`}>
        {[0, 0.5, 1].map((f) => (
          <g key={f} aria-hidden="true">
            <line className="chart__grid" x1={left} x2={width - 10} y1={y(max * f)} y2={y(max * f)} />
            <text className="chart__label" x={left - 4} y={y(max * f) + 4} textAnchor="end">
              {format(max * f)}
            </text>
          </g>
        ))}
        {series.map((s, si) => (
          <polyline key={s.name} className={`chart__line chart__line--${si}`} points={s.values.map((v, i) => `${x(i)},${y(v)}`).join(' ')} />
        ))}
        {series.map((s, si) => (
          <g key={s.name}>
            {s.values.map((v, i) => (
              <circle
                key={labels[i]}
                className={`chart__point chart__point--${si}`}
                cx={x(i)}
                cy={y(v)}
                r={active === i ? 5.5 : 4}
                tabIndex={0}
                role="img"
                aria-label={`${labels[i]}, ${s.name}: ${format(v)}`}
                onMouseEnter={() => setActive(i)}
                onFocus={() => setActive(i)}
                onMouseLeave={() => setActive(null)}
                onBlur={() => setActive(null)}
              />
            ))}
          </g>
        ))}
        {labels.map((label, i) =>
          i % every === 0 ? (
            <text key={label} aria-hidden="true" className="chart__label" x={x(i)} y={height - 8} textAnchor="middle">
              {label}
            </text>
          ) : null,
        )}
      </svg>
    </figure>
  );
}
