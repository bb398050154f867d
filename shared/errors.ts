/**
 * A user-facing failure: what went wrong, where (file, line/row, column), and a stable code the UI
 * translates (i18n key `errors.<code>`) and the CLI prints as JSON.
 */
export interface ErrorLocation {
  file?: string;
  line?: number;
  column?: string | number;
}

export class TenureError extends Error {
  readonly code: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: string | number;
  readonly params: Record<string, unknown>;

  constructor(code: string, message: string, where: ErrorLocation & { params?: Record<string, unknown> } = {}) {
    super(message);
    this.name = 'TenureError';
    this.code = code;
    this.file = where.file;
    this.line = where.line;
    this.column = where.column;
    this.params = where.params ?? {};
  }

  toJSON(): { code: string; message: string; file?: string; line?: number; column?: string | number } {
    return { code: this.code, message: this.message, file: this.file, line: this.line, column: this.column };
  }
}

/** Any thrown value as a TenureError (engine errors keep DuckDB's own message). */
export function asTenureError(err: unknown, fallbackCode = 'internal'): TenureError {
  if (err instanceof TenureError) return err;
  const message = err instanceof Error ? err.message : String(err);
  const code = /^(Parser|Binder|Catalog|Conversion|Invalid Input|Out of Memory|Constraint) Error/.test(message) ? 'sql' : fallbackCode;
  return new TenureError(code, message);
}
