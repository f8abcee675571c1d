/**
 * Validation in the page, as the worker will validate a deployment: `loadServiceModel`
 * on the two files' text with the image store and host hardware given. It runs shortly
 * after typing stops (debounced) and at once when the files are replaced from outside;
 * `validateNow` runs it synchronously (before a deployment is sent). The result keeps
 * the text it was computed for, so stale diagnostics are never drawn on newer text.
 */

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { loadServiceModel, type Diagnostic, type HostHardware, type ImageStore, type ServiceModel } from '../../sim/servicemodel';
import type { FileKind, FilePair } from './files';

export interface Validation {
  readonly model: ServiceModel | undefined;
  readonly diagnostics: readonly (Diagnostic & { readonly kind: FileKind })[];
  readonly errors: number;
  readonly warnings: number;
  /** The files as they were validated. */
  readonly files: FilePair;
}

export function validate(files: FilePair, images: ImageStore, host: HostHardware): Validation {
  const { model, diagnostics } = loadServiceModel(
    { csdef: { name: files.csdef.name, bytes: files.csdef.text }, cscfg: { name: files.cscfg.name, bytes: files.cscfg.text } },
    { images, host },
  );
  // The definition's name wins when both files have the same name (it is listed first).
  const kindOf = (file: string): FileKind => (file === files.csdef.name ? 'csdef' : 'cscfg');
  return {
    model,
    diagnostics: diagnostics.map((d) => ({ ...d, kind: kindOf(d.file) })),
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    files,
  };
}

/**
 * `host` is compared by value, so a new object with the same figures changes nothing;
 * the image store is read at each validation (a new store does not revalidate by itself).
 */
export function useValidation(files: FilePair, revision: number, enabled: boolean, images: ImageStore, host: HostHardware, delayMs: number) {
  const [result, setResult] = useState<Validation | undefined>(undefined);
  const validatedRevision = useRef(-1);
  const imagesRef = useRef(images);
  const { cores, memoryMiB, diskGiB } = host;

  useLayoutEffect(() => {
    imagesRef.current = images;
  });

  useEffect(() => {
    if (!enabled) return;
    const now = validatedRevision.current !== revision;
    const timer = setTimeout(
      () => {
        validatedRevision.current = revision;
        setResult(validate(files, imagesRef.current, { cores, memoryMiB, diskGiB }));
      },
      now ? 0 : delayMs,
    );
    return () => clearTimeout(timer);
  }, [files, revision, enabled, cores, memoryMiB, diskGiB, delayMs]);

  const validateNow = useCallback((): Validation => {
    const r = validate(files, imagesRef.current, { cores, memoryMiB, diskGiB });
    setResult(r);
    return r;
  }, [files, cores, memoryMiB, diskGiB]);

  const current = result !== undefined && result.files === files;
  return { result, current, validateNow };
}
