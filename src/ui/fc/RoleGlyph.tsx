/**
 * The glyph of a replica's role, so that no role is told by colour alone: a star for
 * the primary, a circle for a secondary, a diamond with a question mark's dot for a
 * candidate, a square with a cross for a down replica (the cross of a down host).
 * Okabe-Ito colours from the data center palette.
 */

import { OKABE_ITO, PAPER } from '../datacenter/palette';
import type { ReplicaRole } from './describe';

/** A five-pointed star in the unit square. */
const STAR = Array.from({ length: 10 }, (_, i) => {
  const a = -Math.PI / 2 + (i * Math.PI) / 5;
  const r = i % 2 === 0 ? 0.5 : 0.21;
  return `${(0.5 + r * Math.cos(a)).toFixed(3)},${(0.53 + r * Math.sin(a)).toFixed(3)}`;
}).join(' ');

function Shape({ role }: { role: ReplicaRole }) {
  switch (role) {
    case 'primary':
      return <polygon points={STAR} fill={OKABE_ITO.blue} stroke="#00466e" strokeWidth={0.06} strokeLinejoin="round" />;
    case 'secondary':
      return <circle cx={0.5} cy={0.5} r={0.4} fill={OKABE_ITO.green} stroke="#00664a" strokeWidth={0.08} />;
    case 'candidate':
      return (
        <>
          <polygon points="0.5,0.06 0.94,0.5 0.5,0.94 0.06,0.5" fill={PAPER} stroke="#a06e00" strokeWidth={0.12} strokeLinejoin="round" />
          <circle cx={0.5} cy={0.5} r={0.12} fill="#a06e00" />
        </>
      );
    case 'down':
      return (
        <>
          <rect x={0.06} y={0.06} width={0.88} height={0.88} fill={OKABE_ITO.vermillion} stroke="#a84a00" strokeWidth={0.08} />
          <line x1={0.28} y1={0.28} x2={0.72} y2={0.72} stroke={PAPER} strokeWidth={0.14} />
          <line x1={0.72} y1={0.28} x2={0.28} y2={0.72} stroke={PAPER} strokeWidth={0.14} />
        </>
      );
  }
}

export function RoleGlyph({ role, size = 14 }: { role: ReplicaRole; size?: number }) {
  return (
    <svg className="fc-glyph" width={size} height={size} viewBox="0 0 1 1" aria-hidden="true" focusable="false">
      <Shape role={role} />
    </svg>
  );
}
