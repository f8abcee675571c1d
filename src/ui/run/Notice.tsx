/** The worker's notices (a step that found nothing to step to), announced politely. */

import { useFabric } from '../context';
import type { FabricState } from '../store/store';

const selectNotice = (s: FabricState) => s.notice;

export function WorkerNotice() {
  const notice = useFabric(selectNotice);
  return (
    <p className="worker-notice" role="status" aria-live="polite">
      {notice ? <span key={notice.n}>{notice.message}</span> : null}
    </p>
  );
}
