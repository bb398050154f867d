import type { CliCommand } from '../cliTypes';
import { TenureError } from '../../errors';
import { REGISTRY } from '../../analysis/registry';
import { createI18n } from '../../i18n/i18n';
import { LANGUAGES, type Language } from '../../i18n/resources';
import { sourceKey } from '../../deck/deckSpec';
import { buildBrief, briefText } from '../../brief/buildBrief';
import type { BriefItem } from '../../brief/types';
import { withDeckSources } from './deck';
import { ENGINE_OPTIONS } from '../cliEngine';
import { warningsOf, type AnalysisWarning } from '../../analysis/warnings';

const USAGE = 'brief DECK.json [--language en|zh-CN] --json';

/**
 * The retention brief of the analyses a DECK.json lists (each computed once, even when several slides
 * show it): sentences per topic with the analysis each comes from, suggestions, the call list's top 10,
 * and the whole brief as Markdown text.
 */
export const briefCommand: CliCommand = {
  name: 'brief',
  usage: USAGE,
  options: { language: { type: 'string' }, json: { type: 'boolean' }, ...ENGINE_OPTIONS },
  async run(ctx) {
    const file = ctx.positionals[0];
    if (!file) throw new TenureError('cli.missingFile', `Missing DECK.json argument (usage: tenure ${USAGE})`);
    const lang = ctx.values.language;
    if (lang !== undefined && !(LANGUAGES as readonly unknown[]).includes(lang)) throw new TenureError('cli.badOption', `--language expects ${LANGUAGES.join(' or ')}, got "${String(lang)}"`);
    return withDeckSources(file, async (deck, engine, sources) => {
      const t = createI18n((lang as Language | undefined) ?? deck.language).t;
      const seen = new Map<string, BriefItem>();
      const analyses: { id: string; kind: string; file: string; warnings: AnalysisWarning[]; sql: string }[] = [];
      for (const [i, s] of deck.slides.entries()) {
        // hazard and survival slides of one spec are one analysis
        const key = JSON.stringify([sourceKey(s), s.kind === 'hazard' ? 'survival' : s.kind, s.spec]);
        if (seen.has(key)) continue;
        const rec = REGISTRY[s.kind];
        const result = await rec.compute(engine, { ...s.spec, table: sources.get(sourceKey(s))!.table });
        const id = `slide ${i + 1}`;
        seen.set(key, { id, kind: s.kind, spec: s.spec, result });
        analyses.push({ id, kind: s.kind, file: s.file, warnings: warningsOf(result), sql: rec.sql(result) });
      }
      const b = buildBrief([...seen.values()], t);
      return {
        title: b.title,
        sections: b.sections.map((x) => ({ topic: x.topic, heading: x.heading, sentences: x.sentences.map((y) => ({ text: y.text, source: y.source })) })),
        suggestions: b.suggestions,
        callList: b.callList && { title: b.callList.title, columns: b.callList.table.columns, rows: b.callList.table.rows },
        analyses,
        warnings: analyses.flatMap((a) => a.warnings.map((w) => ({ analysis: a.id, ...w }))),
        text: briefText(b, t),
      };
    }, ctx);
  },
};
