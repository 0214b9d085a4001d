/**
 * Charts drawn by the page as inline SVG (no chart library). Each is an image with a title and a
 * description naming its figures; the table behind it sits beside it (the screen reader's and
 * the keyboard's way to the same numbers).
 */
export interface Bar {
  label: string;
  /** Percentages (0–100) stacked left to right; null when nothing was decided. */
  parts: { key: string; value: number; label: string }[] | null;
}

const COLOURS: Record<string, string> = { early: '#1d6b2f', onTime: '#0b4f9c', late: '#b00020', timely: '#0b4f9c' };

/** Stacked horizontal bars of rates (early / on time / late), one per row. */
export function RateBars({ id, title, bars, none }: { id: string; title: string; bars: Bar[]; none: string }) {
  const rowH = 28;
  const labelW = 230;
  const w = 640;
  const barW = w - labelW - 10;
  const h = bars.length * rowH + 24;
  const desc = bars.map((b) => `${b.label}: ${b.parts ? b.parts.map((p) => `${p.label} ${p.value}%`).join(', ') : none}`).join('; ');
  return (
    <svg class="chart" viewBox={`0 0 ${w} ${h}`} role="img" aria-labelledby={`${id}-t ${id}-d`} data-chart={id}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{desc}</desc>
      {bars.map((b, i) => {
        let x = labelW;
        const y = i * rowH + 4;
        return (
          <g key={b.label}>
            <text x={labelW - 6} y={y + 15} text-anchor="end" font-size="12" fill="#1a1a1a">{b.label.length > 30 ? `${b.label.slice(0, 29)}…` : b.label}</text>
            <rect x={labelW} y={y} width={barW} height={20} fill="#eef1f5" />
            {(b.parts ?? []).map((p) => {
              const width = (p.value / 100) * barW;
              const r = <rect key={p.key} x={x} y={y} width={width} height={20} fill={COLOURS[p.key] ?? '#595959'} data-part={p.key} data-value={p.value} />;
              x += width;
              return r;
            })}
            {!b.parts && <text x={labelW + 6} y={y + 15} font-size="12" fill="#595959">{none}</text>}
          </g>
        );
      })}
      {[0, 50, 100].map((v) => (
        <text key={v} x={labelW + (v / 100) * barW} y={h - 4} font-size="11" text-anchor={v === 100 ? 'end' : v === 0 ? 'start' : 'middle'} fill="#595959">{v}%</text>
      ))}
    </svg>
  );
}

/** A monthly trend: the share handled on time (early + on time) per month, as a line. */
export function TrendLine({ id, title, points, none }: { id: string; title: string; points: { label: string; value: number | null }[]; none: string }) {
  const w = 640;
  const h = 220;
  const left = 40;
  const bottom = 30;
  const top = 10;
  const plotW = w - left - 40;
  const plotH = h - top - bottom;
  const step = points.length > 1 ? plotW / (points.length - 1) : 0;
  const xy = points.map((p, i) => ({ ...p, x: left + (points.length > 1 ? i * step : plotW / 2), y: p.value === null ? null : top + plotH - (p.value / 100) * plotH }));
  const path = xy.filter((p) => p.y !== null).map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)},${p.y!.toFixed(1)}`).join(' ');
  const desc = points.map((p) => `${p.label}: ${p.value === null ? none : `${p.value}%`}`).join('; ');
  return (
    <svg class="chart" viewBox={`0 0 ${w} ${h}`} role="img" aria-labelledby={`${id}-t ${id}-d`} data-chart={id}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{desc}</desc>
      {[0, 25, 50, 75, 100].map((v) => {
        const y = top + plotH - (v / 100) * plotH;
        return (
          <g key={v}>
            <line x1={left} x2={left + plotW} y1={y} y2={y} stroke="#c8c8c8" stroke-width="1" />
            <text x={left - 4} y={y + 4} font-size="11" text-anchor="end" fill="#595959">{v}%</text>
          </g>
        );
      })}
      {path && <path d={path} fill="none" stroke="#0b4f9c" stroke-width="2.5" />}
      {xy.map((p) => (
        <g key={p.label}>
          {p.y !== null && <circle cx={p.x} cy={p.y} r="4" fill="#0b4f9c" data-value={p.value} />}
          <text x={p.x} y={h - 10} font-size="11" text-anchor="middle" fill="#1a1a1a">{p.label}</text>
        </g>
      ))}
    </svg>
  );
}
