// A grouped horizontal bar chart in plain SVG: one group per row, one bar per
// compared year. Bars can be hovered or focused (the value is read out below
// the chart) and years switched off and on from the legend.
import { useId, useState } from 'react';
import { svStatistics } from '../sv.ts';

export interface ChartRow {
  label: string;
  /** one value per year, oldest first; null: hidden (small-number protection) */
  values: (number | null)[];
  /** what each value reads as, e.g. "142 (17 %)" or "< 5" */
  texts: string[];
}

const LABEL_WIDTH = 200;
const WIDTH = 600;
const BAR = 11;
const GROUP_GAP = 12;
const VALUE_SPACE = 56;

export function BarChart({ title, years, rows, unit }: { title: string; years: string[]; rows: ChartRow[]; unit: 'count' | 'share' }) {
  const id = useId();
  const [shown, setShown] = useState<boolean[]>(() => years.map(() => true));
  const [active, setActive] = useState<{ row: number; year: number } | null>(null);
  const visible = years.map((_y, i) => i).filter((i) => shown[i]);
  const max = Math.max(1, ...rows.flatMap((r) => visible.map((i) => r.values[i] ?? 0)));
  const groupHeight = Math.max(1, visible.length) * BAR + GROUP_GAP;
  const height = rows.length * groupHeight + 8;
  const plot = WIDTH - LABEL_WIDTH - VALUE_SPACE;
  const scale = (v: number) => (max === 0 ? 0 : (v / max) * plot);
  const activeText = active ? `${rows[active.row]!.label}, ${years[active.year]}: ${rows[active.row]!.texts[active.year]}` : '';

  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption className="chart__header">
        <span className="chart__title" id={`${id}-title`}>
          {svStatistics.reports.chart(title)}
        </span>
        <span className="chart__legend" role="group" aria-label="År i diagrammet">
          {years.map((year, i) => (
            <button
              key={year}
              type="button"
              className={`chart__legend-item chart__legend-item--${i}`}
              aria-pressed={shown[i]}
              onClick={() => setShown((s) => (s.filter(Boolean).length === 1 && s[i] ? s : s.map((v, j) => (j === i ? !v : v))))}
              title={svStatistics.reports.showYear(year)}
            >
              <span className="chart__swatch" aria-hidden="true" />
              {year}
            </button>
          ))}
        </span>
      </figcaption>
      <svg className="chart__svg" viewBox={`0 0 ${WIDTH} ${height}`} role="group" aria-label={title} onMouseLeave={() => setActive(null)}>
        {rows.map((row, r) => {
          const top = r * groupHeight + 4;
          return (
            <g key={row.label} className="chart__group">
              <text className="chart__label" x={LABEL_WIDTH - 8} y={top + (visible.length * BAR) / 2} dominantBaseline="middle" textAnchor="end">
                {row.label.length > 28 ? `${row.label.slice(0, 27)}…` : row.label}
              </text>
              {visible.map((yearIndex, k) => {
                const value = row.values[yearIndex] ?? null;
                const y = top + k * BAR;
                const isActive = active?.row === r && active.year === yearIndex;
                const label = `${row.label}, ${years[yearIndex]}: ${row.texts[yearIndex]}`;
                return (
                  <g
                    key={yearIndex}
                    tabIndex={0}
                    role="img"
                    aria-label={label}
                    className={`chart__bar chart__bar--${yearIndex}${isActive ? ' chart__bar--active' : ''}`}
                    onMouseEnter={() => setActive({ row: r, year: yearIndex })}
                    onFocus={() => setActive({ row: r, year: yearIndex })}
                    onBlur={() => setActive(null)}
                  >
                    <title>{label}</title>
                    <rect x={LABEL_WIDTH} y={y} width={WIDTH - LABEL_WIDTH} height={BAR} className="chart__hit" />
                    {value === null ? (
                      <text className="chart__value chart__value--hidden" x={LABEL_WIDTH + 4} y={y + BAR / 2} dominantBaseline="middle">
                        {row.texts[yearIndex]}
                      </text>
                    ) : (
                      <>
                        <rect x={LABEL_WIDTH} y={y + 1} width={Math.max(value > 0 ? 1 : 0, scale(value))} height={BAR - 2} rx={2} className="chart__fill" />
                        <text className="chart__value" x={LABEL_WIDTH + scale(value) + 4} y={y + BAR / 2} dominantBaseline="middle">
                          {unit === 'share' ? `${Math.round(value * 100)} %` : value}
                        </text>
                      </>
                    )}
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      <p className="chart__readout" aria-live="polite">
        {activeText || '\u00a0'}
      </p>
    </figure>
  );
}
