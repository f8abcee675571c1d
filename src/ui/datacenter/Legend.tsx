/**
 * The legend: every host status with its glyph and how many hosts are in it now, the
 * overlay of a fault not yet detected, and how devices look working and failed; and,
 * behind "What the statuses mean", what each status means (the items' hover titles,
 * for touch and keyboard too).
 */

import { memo, useState } from 'react';
import { HOST_STATUSES, HOST_STATUS_TEXT } from '../../sim/hardware/status';
import type { Aggregates } from './aggregates';
import { Glyph } from './Glyph';
import { DEVICE_FAILED, DEVICE_UP, STATUS_GLYPHS } from './glyphs';

export const Legend = memo(function Legend(props: { agg: Aggregates; hostVersion: number }) {
  const { agg } = props;
  const [more, setMore] = useState(false);
  return (
    <section className="legend" aria-label="Legend">
      <ul className="legend-list">
        {HOST_STATUSES.map((s, code) => (
          <li key={s} className="legend-item" title={HOST_STATUS_TEXT[s]}>
            <Glyph glyph={STATUS_GLYPHS[s]} />
            <span className="legend-name">{s}</span>
            <span className="legend-count">{agg.totals[code] ?? 0}</span>
          </li>
        ))}
        <li className="legend-item" title="A fault was injected; the FC has not detected it yet">
          <Glyph glyph={STATUS_GLYPHS.Healthy} undetected />
          <span className="legend-name">Fault not yet detected</span>
          <span className="legend-count">{agg.undetectedTotal}</span>
        </li>
        <li className="legend-item legend-device">
          <Glyph glyph={DEVICE_UP} />
          <span className="legend-name">Device up</span>
        </li>
        <li className="legend-item legend-device">
          <Glyph glyph={DEVICE_FAILED} />
          <span className="legend-name">Device failed</span>
        </li>
      </ul>
      {/* what the items' hover titles say, for touch and keyboard too */}
      <details className="legend-more" open={more} onToggle={(e) => setMore(e.currentTarget.open)}>
        <summary>What the statuses mean</summary>
        {more ? (
        <dl>
          {HOST_STATUSES.map((s) => (
            <div key={s}>
              <dt>{s}</dt>
              <dd>{HOST_STATUS_TEXT[s]}</dd>
            </div>
          ))}
          <div>
            <dt>Fault not yet detected</dt>
            <dd>a fault was injected; the FC has not detected it yet (black corner)</dd>
          </div>
        </dl>
        ) : null}
      </details>
    </section>
  );
});
