import { useFabric } from '../context';
import type { FabricState } from '../store/store';

const selectError = (s: FabricState) => s.error;

/** Shows what went wrong in the worker, so a failure is never a blank page. */
export function ErrorBanner({ notices }: { notices: readonly string[] }) {
  const error = useFabric(selectError);
  if (!error && notices.length === 0) return null;
  return (
    <div className="banners">
      {notices.map((n) => (
        <p key={n} className="notice" role="status">
          {n}
        </p>
      ))}
      {error ? (
        <div className="error" role="alert">
          <strong>The simulation stopped:</strong> {error.message}
          {error.detail ? (
            <details>
              <summary>Details</summary>
              <pre>{error.detail}</pre>
            </details>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
