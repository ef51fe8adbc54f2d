/** A question to the refinement worker, asked again (after a pause) when its inputs change; the latest answer wins. */
import { useEffect, useState } from 'react';

export function useAsk<T>(ask: (() => Promise<T>) | null, key: string, delayMs = 250): { value: T | undefined; error: string | null } {
  const [state, setState] = useState<{ key: string; value: T | undefined; error: string | null }>({ key: '', value: undefined, error: null });
  useEffect(() => {
    if (ask === null) return;
    let current = true;
    const timer = setTimeout(() => {
      ask().then(
        (value) => current && setState({ key, value, error: null }),
        (error: unknown) => current && setState({ key, value: undefined, error: (error as Error).message }),
      );
    }, delayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // `ask` closes over what `key` names.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, delayMs]);
  return { value: state.value, error: state.error };
}
