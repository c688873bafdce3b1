import { useCallback, useEffect, useRef, useState } from 'react';
import { problemOf } from './api/client.ts';
import type { Problem } from './api/types.ts';

/** Sets document.title as "<page> – Lantern", with "Error: " first while a form shows errors. */
export function usePageTitle(title: string, hasErrors = false) {
  useEffect(() => {
    document.title = `${hasErrors ? 'Error: ' : ''}${title} – Lantern`;
  }, [title, hasErrors]);
}

export type Loaded<T> = { data: T | undefined; problem: Problem | undefined; loading: boolean; reload: () => void };

/**
 * Loads data for a page and reloads it when `key` changes or reload() is called. The data
 * already shown stays on screen while a reload is under way.
 */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [problem, setProblem] = useState<Problem | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const shownKey = useRef(key);

  // biome-ignore lint/correctness/useExhaustiveDependencies: tick and key are the triggers; load is read through a ref
  useEffect(() => {
    let live = true;
    if (shownKey.current !== key) {
      shownKey.current = key;
      setData(undefined);
    }
    setLoading(true);
    loadRef.current().then(
      (value) => {
        if (!live) return;
        setData(value);
        setProblem(undefined);
        setLoading(false);
      },
      (error: unknown) => {
        if (!live) return;
        setProblem(problemOf(error));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [key, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, problem, loading, reload };
}
