/**
 * The key to the markers: each kind's shape and name. On wide screens it sits in the
 * bar; on narrower ones a "Key" button shows it below (Escape or a click elsewhere
 * hides it again).
 */

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { KIND_STYLE, TIMELINE_KINDS } from './marker-kinds';

export function MarkerKey() {
  const [open, setOpen] = useState(false);
  const id = useId();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => {
      if (!(e.target instanceof Node && box.current?.contains(e.target))) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'Escape' && open) {
      setOpen(false);
      e.preventDefault();
      e.stopPropagation();
    }
  };

  return (
    <div ref={box} className={`tl-key${open ? ' is-open' : ''}`}>
      <button type="button" className="tl-key-toggle" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)} onKeyDown={onKeyDown}>
        Key
      </button>
      <ul id={id} className="tl-key-list" aria-label="Marker key">
        {TIMELINE_KINDS.map((k) => (
          <li key={k}>
            <span className={`tl-shape tl-shape-${KIND_STYLE[k].shape}`} data-kind={k} aria-hidden="true" />
            {KIND_STYLE[k].name.toLowerCase()}
          </li>
        ))}
      </ul>
    </div>
  );
}
