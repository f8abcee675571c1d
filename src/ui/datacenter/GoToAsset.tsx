/**
 * The "Go to asset" box: any id (host, rack, ToR, PDU, aggregation switch, load
 * balancer, container); the view zooms to it, focuses and selects it. An id that names
 * nothing here gets an inline message saying what is wrong with it.
 */

import { useId, useState, type FormEvent } from 'react';
import { isAsset, resolveAsset, type Asset } from './assets';
import type { Geometry } from './geometry';

export function GoToAsset(props: { geo: Geometry; onGo: (a: Asset) => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const errorId = useId();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const a = resolveAsset(props.geo, text);
    if (!isAsset(a)) {
      setError(a.error);
      return;
    }
    setError(null);
    setText('');
    props.onGo(a);
  };

  return (
    <form className="goto" role="search" onSubmit={submit}>
      <label htmlFor={inputId}>Go to asset</label>
      <input
        id={inputId}
        type="text"
        value={text}
        placeholder="c0-r1-h03"
        autoComplete="off"
        spellCheck={false}
        size={12}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => {
          setText(e.target.value);
          if (error) setError(null);
        }}
      />
      <button type="submit">Go</button>
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
