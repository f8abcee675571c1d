/**
 * "Add container": a button that opens a small form (racks, hosts per rack, each a whole
 * number from 1 to 100) and sends `addContainer`. The new container burns in before its
 * hosts join inventory.
 */

import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useActions } from '../context';

const MAX = 100;

function check(text: string, what: string): string | null {
  if (!/^\d+$/.test(text.trim())) return `${what} must be a whole number from 1 to ${MAX}.`;
  const n = Number(text);
  if (n < 1 || n > MAX) return `${what} must be from 1 to ${MAX}; ${n} is not.`;
  return null;
}

export function AddContainer(props: { disabled?: boolean }) {
  const actions = useActions();
  const [open, setOpen] = useState(false);
  const [racks, setRacks] = useState('4');
  const [hosts, setHosts] = useState('8');
  const [errors, setErrors] = useState<{ racks: string | null; hosts: string | null }>({ racks: null, hosts: null });
  const buttonRef = useRef<HTMLButtonElement>(null);
  const formId = useId();
  const ids = { racks: useId(), hosts: useId(), racksErr: useId(), hostsErr: useId() };

  const close = () => {
    setOpen(false);
    setErrors({ racks: null, hosts: null });
    buttonRef.current?.focus();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = { racks: check(racks, 'Racks'), hosts: check(hosts, 'Hosts per rack') };
    setErrors(next);
    if (next.racks || next.hosts) return;
    actions.act({ do: 'addContainer', racks: Number(racks), hostsPerRack: Number(hosts) });
    close();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    }
  };

  return (
    <div className="add-container">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={open ? formId : undefined}
        disabled={props.disabled}
        onClick={() => (open ? close() : setOpen(true))}
      >
        Add container
      </button>
      {open ? (
        <form id={formId} className="add-container-form" aria-label="New container" onSubmit={submit} onKeyDown={onKeyDown} noValidate>
          <div className="field">
            <label htmlFor={ids.racks}>Racks</label>
            <input
              id={ids.racks}
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX}
              value={racks}
              autoFocus
              aria-invalid={errors.racks ? true : undefined}
              aria-describedby={errors.racks ? ids.racksErr : undefined}
              onChange={(e) => setRacks(e.target.value)}
            />
            {errors.racks ? (
              <p id={ids.racksErr} className="field-error">
                {errors.racks}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor={ids.hosts}>Hosts per rack</label>
            <input
              id={ids.hosts}
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX}
              value={hosts}
              aria-invalid={errors.hosts ? true : undefined}
              aria-describedby={errors.hosts ? ids.hostsErr : undefined}
              onChange={(e) => setHosts(e.target.value)}
            />
            {errors.hosts ? (
              <p id={ids.hostsErr} className="field-error">
                {errors.hosts}
              </p>
            ) : null}
          </div>
          <p className="hint">The new container burns in before its hosts join inventory.</p>
          <div className="actions">
            <button type="submit">Add</button>
            <button type="button" onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
