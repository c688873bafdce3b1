/** What the returns pages share: one action at a time (produce, check files, import), and its failure said above the page. */
import { useState } from 'react';
import { ApiError, problemOf } from '../../api/client.ts';

export type ReturnAction = 'run' | 'check' | 'import';

export function useReturnAction() {
  const [busy, setBusy] = useState<ReturnAction | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Does `work`, unless `missing` says what the user has not yet chosen; a refusal is said in the server's words for the field, else `failed`. */
  async function act(what: ReturnAction, work: () => Promise<void>, failed: string, missing: string | null = null) {
    if (missing) return setError(missing);
    setBusy(what);
    setError(null);
    try {
      await work();
    } catch (err) {
      const p = problemOf(err);
      setError(err instanceof ApiError && p.errors?.[0] ? p.errors[0].message : (p.detail ?? failed));
    } finally {
      setBusy(null);
    }
  }
  return { busy, error, act };
}
