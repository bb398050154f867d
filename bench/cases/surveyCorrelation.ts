import { qi } from '../../shared/engine/sqlQuote';
import type { BenchCase } from '../caseTypes';

const RESPONDENTS = 1_000_000;
const ITEMS = 20;
const TABLE = 'bench_survey';
const cols = Array.from({ length: ITEMS }, (_, k) => `q${k + 1}`);

/**
 * A 1M-respondent × 20-rating survey (built untimed, deterministically from hashes: a shared
 * "halo" plus item noise, ratings 1–5) and its full 20 × 20 correlation matrix in one scan.
 */
const surveyCorrelation: BenchCase = {
  name: 'survey correlation (1M × 20)',
  order: 50,
  setup: () => [
    `CREATE OR REPLACE TABLE ${qi(TABLE)} AS SELECT ${cols
      .map((c, k) => `least(5, greatest(1, round(1 + 4 * (0.6 * (hash(i) % 1000) / 999.0 + 0.4 * (hash(i * ${ITEMS} + ${k}) % 1000) / 999.0))))::TINYINT AS ${qi(c)}`)
      .join(', ')} FROM range(${RESPONDENTS}) r(i)`,
  ],
  sql: () => {
    const pairs: string[] = [];
    for (let a = 0; a < ITEMS; a++) for (let b = a + 1; b < ITEMS; b++) pairs.push(`corr(${qi(cols[a])}, ${qi(cols[b])}) AS ${qi(`${cols[a]}_${cols[b]}`)}`);
    return `SELECT ${pairs.join(', ')} FROM ${qi(TABLE)}`;
  },
  teardown: () => [`DROP TABLE IF EXISTS ${qi(TABLE)}`],
};
export default surveyCorrelation;
