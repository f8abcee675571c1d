/**
 * The files the panel edits and where they came from: restored from the saved copy on
 * mount (read from the browser's database, so a moment after), or else the default
 * sample once the sample index arrives; replaced by a sample the
 * person picks or by files they open or drop; changed by typing. `revision` counts the
 * replacements from outside, so an editor replaces its document only then. Of loads
 * that overlap, the one started last wins. Messages say what was loaded or refused.
 */

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { readUserFiles, STANDARD_NAMES, type FileKind, type FilePair } from './files';
import { setPanelFiles, type SavedFiles, type SavedFilesStore } from './persistence';
import { fetchSampleFiles, fetchSampleIndex, type FetchLike, type SampleEntry } from './sampleSource';
import { useSavedFiles } from './useSavedFiles';

export interface Session {
  readonly files: FilePair;
  /** The sample the files came from; null for the person's own files. */
  readonly sample: string | null;
  /** Bumped whenever the files are replaced from outside. */
  readonly revision: number;
  /** False until a sample, the saved copy or the person's files arrive. */
  readonly loaded: boolean;
  /** Typed into since the last load from outside. */
  readonly edited: boolean;
}

export interface Messages {
  /** What could not be loaded, and why (shown as an alert). */
  readonly problems: readonly string[];
  /** What was done (shown as a status). */
  readonly notes: readonly string[];
}

const EMPTY: FilePair = { csdef: { name: STANDARD_NAMES.csdef, text: '' }, cscfg: { name: STANDARD_NAMES.cscfg, text: '' } };
const NO_MESSAGES: Messages = { problems: [], notes: [] };

export interface ServiceFilesOptions {
  readonly fetchFn: FetchLike;
  readonly samplesUrl: string;
  readonly defaultSample: string;
  /** Where the files are kept between visits (null: nowhere). */
  readonly store: SavedFilesStore | null;
}

const INITIAL: Session = { files: EMPTY, sample: null, revision: 0, loaded: false, edited: false };

export function useServiceFiles({ fetchFn, samplesUrl, defaultSample, store }: ServiceFilesOptions) {
  const [session, setSession] = useState<Session>(INITIAL);
  const [messages, setMessages] = useState<Messages>(NO_MESSAGES);
  const [samples, setSamples] = useState<readonly SampleEntry[] | undefined>(undefined);
  /** The saved copy has been read (or there is none to read): until then nothing is written. */
  const [restored, setRestored] = useState(store === null);
  /** Whether files arrived (restored, loaded or typed): the default sample is loaded only when none did. */
  const loadedRef = useRef(false);
  const samplesRef = useRef<readonly SampleEntry[] | undefined>(undefined);
  /** Why the saved copy was not restored, kept past the default sample's load. */
  const carried = useRef<string[]>([]);
  /** The number of the sample load in flight (0: none). */
  const [loading, setLoading] = useState(0);
  /** Counts loads started; a load applies only if none started after it. */
  const started = useRef(0);
  const mounted = useRef(true);
  /** The latest fetch function: a new one does not refetch anything by itself. */
  const fetchRef = useRef(fetchFn);

  useLayoutEffect(() => {
    fetchRef.current = fetchFn;
  });

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const replace = useCallback((files: Partial<FilePair>, sample: string | null, edited = false) => {
    loadedRef.current = true;
    setSession((s) => ({ files: { ...s.files, ...files }, sample, revision: s.revision + 1, loaded: true, edited }));
  }, []);

  const loadSample = useCallback(
    (entry: SampleEntry) => {
      const mine = ++started.current;
      setLoading(mine);
      const done = () => setLoading((l) => (l === mine ? 0 : l));
      fetchSampleFiles(fetchRef.current, samplesUrl, entry).then(
        (files) => {
          done();
          if (!mounted.current || started.current !== mine) return;
          replace(files, entry.name);
          // a damaged saved copy stays said when the default sample replaces it
          setMessages({ problems: carried.current, notes: [`Loaded the sample "${entry.title}".`] });
          carried.current = [];
        },
        (e: unknown) => {
          done();
          if (!mounted.current || started.current !== mine) return;
          setMessages({ problems: [`The sample "${entry.title}" could not be loaded: ${(e as Error).message}`], notes: [] });
        },
      );
    },
    [samplesUrl, replace],
  );

  /** Once the saved copy was read and the index listed: the default sample, unless files arrived. */
  const loadDefault = useCallback(
    (list: readonly SampleEntry[]) => {
      if (loadedRef.current || started.current > 0) return;
      const pick = list.find((s) => s.name === defaultSample) ?? list[0];
      if (pick) loadSample(pick);
    },
    [defaultSample, loadSample],
  );
  const restoredRef = useRef(restored);

  useEffect(() => {
    let live = true;
    fetchSampleIndex(fetchRef.current, samplesUrl).then(
      (list) => {
        if (!live) return;
        samplesRef.current = list;
        setSamples(list);
        if (restoredRef.current) loadDefault(list);
      },
      (e: unknown) => {
        if (!live) return;
        samplesRef.current = [];
        setSamples([]);
        setMessages((m) => ({ ...m, problems: [...m.problems, `The samples could not be listed: ${(e as Error).message}`] }));
      },
    );
    return () => {
      live = false;
    };
  }, [samplesUrl, loadDefault]);

  useEffect(() => {
    if (!store) return;
    let live = true;
    void store.read().then(({ saved, problem }) => {
      if (!live) return;
      restoredRef.current = true;
      // files the person opened or typed while the saved copy was being read win over it
      if (saved && !loadedRef.current && started.current === 0) {
        started.current++;
        replace(saved.files, saved.sample, saved.edited);
        setMessages({ problems: [], notes: [saved.edited ? 'Restored the files you were editing.' : 'Restored the files you had open.'] });
      } else if (problem) {
        carried.current = [problem];
        setMessages((m) => ({ ...m, problems: [...m.problems, problem] }));
      }
      setRestored(true);
      if (samplesRef.current) loadDefault(samplesRef.current);
    });
    return () => {
      live = false;
    };
  }, [store, replace, loadDefault]);

  const openFiles = useCallback(
    (list: readonly File[]) => {
      // Files that cannot be read cancel nothing; files read win over loads started before them.
      const before = started.current;
      void readUserFiles(list).then((out) => {
        if (!mounted.current) return;
        const names = Object.values(out.files).map((f) => f.name);
        const applies = names.length > 0 && started.current === before;
        if (applies) {
          started.current++;
          replace(out.files, null);
        }
        const opened = applies ? [`Opened ${names.join(' and ')}.`] : [];
        setMessages({ problems: out.problems, notes: [...opened, ...out.notes] });
      });
    },
    [replace],
  );

  const edit = useCallback((kind: FileKind, text: string) => {
    loadedRef.current = true;
    setSession((s) => (s.files[kind].text === text ? s : { ...s, files: { ...s.files, [kind]: { ...s.files[kind], text } }, loaded: true, edited: true }));
  }, []);

  const saved = useMemo<SavedFiles | null>(
    () => (session.loaded && restored ? { sample: session.sample, files: session.files, edited: session.edited } : null),
    [session.loaded, restored, session.sample, session.files, session.edited],
  );
  const { saveProblem, clearSaved } = useSavedFiles(store, saved);
  // what the Services view's upgrades use: the files open now, not the saved copy
  useEffect(() => {
    if (session.loaded) setPanelFiles({ sample: session.sample, files: session.files, edited: session.edited });
  }, [session.loaded, session.sample, session.files, session.edited]);

  const clear = useCallback(() => {
    void clearSaved().then((ok) => {
      if (!mounted.current) return;
      const notes = ok ? ['Saved files cleared: a reload starts from the sample. The editors keep their text until then, and the next edit is saved again.'] : [];
      setMessages({ problems: [], notes });
    });
  }, [clearSaved]);
  const dismissMessages = useCallback(() => setMessages(NO_MESSAGES), []);

  return { session, samples, loading: loading !== 0, messages, saveProblem, loadSample, openFiles, edit, clearSaved: clear, dismissMessages };
}
