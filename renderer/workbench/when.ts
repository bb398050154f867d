/**
 * Tiny when-clause evaluator for command descriptors: context keys joined by `&&`, each optionally
 * negated with `!` (e.g. "hasTable && !queryRunning"). Unknown keys are false.
 */
export type ContextKeys = Record<string, boolean>;

export function evaluateWhen(when: string | undefined, keys: ContextKeys): boolean {
  if (!when) return true;
  return when.split('&&').every((term) => {
    const t = term.trim();
    return t.startsWith('!') ? !keys[t.slice(1).trim()] : !!keys[t];
  });
}
