import { TenureError } from '../errors';

export function cancelledError(file: string): TenureError {
  return new TenureError('import.cancelled', `${file}: import cancelled`, { file });
}

export function throwIfAborted(signal: AbortSignal | undefined, file: string): void {
  if (signal?.aborted) throw cancelledError(file);
}

/**
 * Let the host run queued tasks (an abort click, a progress repaint) between chunks: the blocking
 * Node engine resolves every query synchronously, so without a macrotask nothing else would run.
 */
export function yieldToHost(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
