/**
 * Saving a file from the page: a Blob behind a temporary object URL, clicked through a
 * temporary `<a download>`, the URL revoked shortly afterwards. File names carry the
 * seed and the simulated time: `fabric-lab-seed42-0d0h40m.jsonl`.
 */

/** How long the object URL lives after the click (some browsers read it asynchronously). */
export const REVOKE_AFTER_MS = 1000;

/** `fabric-lab-seed42-0d0h40m`: the seed and the simulated time in days, hours and minutes. */
export function fileStem(seed: number | undefined, t: number): string {
  const minutes = Math.floor(Math.max(0, t) / 60_000);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  return `fabric-lab-seed${seed ?? 'unknown'}-${d}d${h}h${m}m`;
}

/** A name safe on every file system: letters, digits, dot, dash and underscore; the rest become dashes. */
export function safeFileName(name: string): string {
  const s = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/-{2,}/g, '-').replace(/^[-.]+|-+$/g, '');
  return s.slice(0, 120) || 'fabric-lab';
}

/** Starts the browser's download of `blob` as `name`. */
export function downloadBlob(blob: Blob, name: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = safeFileName(name);
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.append(a);
  try {
    a.click();
  } finally {
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}

/** Downloads text as a UTF-8 file of the given media type. */
export function downloadText(text: string, name: string, type: string): void {
  downloadBlob(new Blob([text], { type: `${type};charset=utf-8` }), name);
}
