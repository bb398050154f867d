import { computeQuadrant } from '../../shared/analysis/quadrant/compute';
import { qi } from '../../shared/engine/sqlQuote';
import type { BenchCase } from '../caseTypes';

const RESPONDENTS = 1_000_000;
const ITEMS = 20;
const TABLE = 'bench_survey';
const cols = Array.from({ length: ITEMS }, (_, k) => `q${k + 1}`);
/** Deterministic uniform [0, 1] from a hash of the row (and item). */
const u = (seed: string) => `(hash(${seed}) % 1000) / 999.0`;

/**
 * 1M respondents × 20 ratings (1–5) + overall satisfaction (1–10), built untimed from hashes: a
 * shared "halo" per respondent plus item noise, the first items weighing more in the overall score.
 * Timed: the app's loyalty-driver quadrant (shared/analysis/quadrant), Pearson importance.
 */
const surveyCorrelation: BenchCase = {
  name: 'survey drivers (1M × 20, Pearson)',
  order: 50,
  setup: () => [
    `CREATE OR REPLACE TABLE ${qi(TABLE)} AS
     WITH r AS (SELECT i, ${cols.map((c, k) => `least(5, greatest(1, round(1 + 4 * (0.6 * ${u('i')} + 0.4 * ${u(`i * ${ITEMS} + ${k}`)}))))::TINYINT AS ${qi(c)}`).join(', ')}
       FROM range(${RESPONDENTS}) t(i))
     SELECT *, least(10, greatest(1, round((${cols.map((c, k) => `${(ITEMS - k) / 10} * ${qi(c)}`).join(' + ')}) / ${((ITEMS * (ITEMS + 1)) / 20) / 2} + 2 * ${u('i + 7')} - 1)))::TINYINT AS overall
     FROM r`,
  ],
  async run(engine) {
    const r = await computeQuadrant(engine.qe, { table: TABLE, drivers: cols.map((column) => ({ column })), outcome: { column: 'overall' }, importance: 'pearson' });
    return r.overall.drivers.length * 1e6 + r.overall.rows;
  },
  teardown: () => [`DROP TABLE IF EXISTS ${qi(TABLE)}`],
};
export default surveyCorrelation;
