import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorTextKey } from '../../shared/i18n/errorKey';
import { createI18n } from '../../shared/i18n/i18n';
import { ROOT } from '../helpers/paths';

/** Every `new TenureError('area.code'` in shared/ (the codes users can meet). */
function thrownCodes(): string[] {
  const codes = new Set<string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts')) for (const m of readFileSync(p, 'utf8').matchAll(/new TenureError\(\s*'([\w.]+)'/g)) codes.add(m[1]);
    }
  };
  walk(path.join(ROOT, 'shared'));
  return [...codes].sort();
}


describe('every error a user can meet has a text in both languages', () => {
  const codes = thrownCodes();
  it('finds the codes', () => expect(codes.length).toBeGreaterThan(40));
  for (const lang of ['en', 'zh-CN'] as const) {
    it(lang, () => {
      const i18n = createI18n(lang);
      expect(codes.filter((c) => !errorTextKey((k) => i18n.exists(k), c))).toEqual([]);
    });
  }
});
