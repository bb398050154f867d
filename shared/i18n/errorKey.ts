/**
 * Where an error code's text may live, in order: the shared error texts, the workbench's own, then
 * the code's area (code 'pareto.badSpec' → key 'pareto.errors.badSpec').
 */
export function errorKeyCandidates(code: string): string[] {
  const dot = code.indexOf('.');
  return [`errors.${code}`, `workbench.errors.${code}`, ...(dot > 0 ? [`${code.slice(0, dot)}.errors.${code.slice(dot + 1)}`] : [])];
}

/** The first candidate key that has a text, if any. */
export function errorTextKey(exists: (key: string) => boolean, code: string): string | undefined {
  return errorKeyCandidates(code).find((k) => exists(k));
}
