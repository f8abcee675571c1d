/**
 * A status glyph of glyphs.ts as inline SVG (the legend, the inspector), drawn from the
 * same table as the canvas so the two always agree.
 */

import { UNDETECTED_INK, UNDETECTED_MARK, type GlyphStyle, type Mark } from './glyphs';

function points(m: Extract<Mark, { kind: 'poly' }>): string {
  return m.points.map(([x, y]) => `${x},${y}`).join(' ');
}

function MarkShape({ m, ink }: { m: Mark; ink: string }) {
  switch (m.kind) {
    case 'line':
      return <line x1={m.x1} y1={m.y1} x2={m.x2} y2={m.y2} stroke={ink} strokeWidth={m.width} />;
    case 'dot':
      return m.filled ? (
        <circle cx={m.cx} cy={m.cy} r={m.r} fill={ink} />
      ) : (
        <circle cx={m.cx} cy={m.cy} r={m.r} fill="none" stroke={ink} strokeWidth={m.width} />
      );
    case 'poly':
      return <polygon points={points(m)} fill={ink} />;
  }
}

export function Glyph(props: { glyph: GlyphStyle; undetected?: boolean; size?: number; className?: string }) {
  const { glyph: g, undetected = false, size = 16 } = props;
  const bw = g.borderWidth;
  return (
    <svg className={props.className ?? 'glyph'} width={size} height={size} viewBox="0 0 1 1" aria-hidden="true" focusable="false">
      <rect x={0} y={0} width={1} height={1} fill={g.fill} />
      {g.marks.map((m, i) => (
        <MarkShape key={i} m={m} ink={g.ink} />
      ))}
      <rect
        x={bw / 2}
        y={bw / 2}
        width={1 - bw}
        height={1 - bw}
        fill="none"
        stroke={g.border}
        strokeWidth={bw}
        strokeDasharray={g.dash ? g.dash.join(' ') : undefined}
      />
      {undetected ? (
        <>
          <polygon points="0.3,-0.02 1.02,-0.02 1.02,0.7" fill="#ffffff" />
          <MarkShape m={UNDETECTED_MARK} ink={UNDETECTED_INK} />
        </>
      ) : null}
    </svg>
  );
}
