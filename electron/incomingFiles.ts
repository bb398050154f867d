/**
 * Files opened from outside the window (command line, second instance, macOS open-file) arrive
 * before or after the renderer is listening: queue them until it asks, then push them directly.
 */
import type { HostFile } from '../shared/host/HostApi';

export class IncomingFiles {
  private pending: HostFile[] = [];
  private listening = false;

  constructor(private readonly send: (files: HostFile[]) => boolean) {}

  push(files: HostFile[]): void {
    if (files.length === 0) return;
    if (this.listening && this.send(files)) return;
    this.pending.push(...files);
  }

  /** The renderer subscribed: hand over what is queued and deliver later files directly. */
  take(): HostFile[] {
    this.listening = true;
    const out = this.pending;
    this.pending = [];
    return out;
  }

  /** A reload or crash drops the renderer's listener; queue again until it re-subscribes. */
  reset(): void {
    this.listening = false;
  }
}
