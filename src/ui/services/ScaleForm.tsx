/**
 * "Scale role": a role of the deployment and a new instance count (a whole number from
 * 1 to 10,000, as the Fabric Controller accepts), checked before anything is sent; the
 * error is tied to the field. Scaling applies to production deployments.
 */

import { useId, useState, type FormEvent } from 'react';
import type { DeploymentView } from '../../sim/fabric/view';

export const MAX_INSTANCES = 10_000;

/** Why a count cannot be used, or null. */
export function countProblem(text: string): string | null {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return `Instance count must be a whole number from 1 to ${MAX_INSTANCES.toLocaleString('en')}.`;
  const n = Number(t);
  if (n < 1 || n > MAX_INSTANCES) return `Instance count must be from 1 to ${MAX_INSTANCES.toLocaleString('en')}; ${n.toLocaleString('en')} is not.`;
  return null;
}

export function ScaleForm(props: { dep: DeploymentView; ready: boolean; onScale: (role: string, count: number) => void }) {
  const { dep, ready, onScale } = props;
  const roles = dep.roles;
  const [role, setRole] = useState(roles[0]?.name ?? '');
  const current = roles.find((r) => r.name === role) ?? roles[0];
  const [count, setCount] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ids = { role: useId(), count: useId(), error: useId(), why: useId() };
  const production = dep.slot === 'production';
  const value = count ?? String(current?.total ?? 1);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem = countProblem(value);
    setError(problem);
    if (problem || !current) return;
    onScale(current.name, Number(value.trim()));
    setCount(null);
  };

  return (
    <form className="svc-scale" aria-label="Scale role" onSubmit={submit} noValidate>
      <label htmlFor={ids.role}>Role</label>
      <select
        id={ids.role}
        value={current?.name ?? ''}
        onChange={(e) => {
          setRole(e.target.value);
          setCount(null);
          setError(null);
        }}
      >
        {roles.map((r) => (
          <option key={r.name} value={r.name}>
            {r.name}
          </option>
        ))}
      </select>
      <label htmlFor={ids.count}>Instances</label>
      <input
        id={ids.count}
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_INSTANCES}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? ids.error : undefined}
        onChange={(e) => {
          setCount(e.target.value);
          setError(null);
        }}
      />
      <button type="submit" disabled={!ready || !production} aria-describedby={production ? undefined : ids.why}>
        Scale role
      </button>
      {error ? (
        <p id={ids.error} className="field-error">
          {error}
        </p>
      ) : null}
      {production ? null : (
        <p id={ids.why} className="svc-hint">
          Scaling applies to the production deployment.
        </p>
      )}
    </form>
  );
}
