/** Parsing a dropped file in a worker (parse.worker.ts): again whenever the format or mapping changes, cancelled at will. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportPlan, ParseOptions } from '../../shared/import/index.js';
import type { ParseReply } from './parse.worker.js';

export type ParseState = { status: 'parsing' } | { status: 'ready'; plan: ImportPlan } | { status: 'failed'; error: string } | { status: 'cancelled' };

export function useImportParse(file: File) {
  const [state, setState] = useState<ParseState>({ status: 'parsing' });
  const worker = useRef<Worker | null>(null);
  const stop = () => {
    worker.current?.terminate();
    worker.current = null;
  };
  const parse = useCallback(
    (options: Omit<ParseOptions, 'fileName'> = {}) => {
      stop();
      setState({ status: 'parsing' });
      const current = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' });
      worker.current = current;
      current.onmessage = (event: MessageEvent<ParseReply>) => {
        setState(event.data.ok ? { status: 'ready', plan: event.data.plan } : { status: 'failed', error: event.data.error });
        current.terminate();
      };
      current.onerror = (event) => setState({ status: 'failed', error: event.message || 'the file could not be read' });
      void file.arrayBuffer().then(
        (bytes) => current.postMessage({ bytes, fileName: file.name, ...options }, [bytes]),
        (error: unknown) => setState({ status: 'failed', error: String(error) }),
      );
    },
    [file],
  );
  useEffect(() => {
    parse();
    return stop;
  }, [parse]);
  const cancel = () => {
    stop();
    setState({ status: 'cancelled' });
  };
  return { state, parse, cancel };
}
