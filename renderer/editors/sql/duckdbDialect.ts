import { SQLDialect } from '@codemirror/lang-sql';

/** DuckDB's SQL: PostgreSQL lexing ($$ strings, E'' escapes) plus DuckDB keywords and functions. */
const KEYWORDS = `
select from where group by having order limit offset as and or not in is null like ilike glob similar between
case when then else end distinct all any some exists join inner left right full outer cross natural using on
union intersect except with recursive values insert into update set delete create replace temp temporary
table view index sequence macro function schema database drop alter rename to add column constraint primary
key foreign references unique check default if cast try_cast asc desc nulls first last true false collate
describe show summarize pivot unpivot pivot_wider pivot_longer qualify window over partition rows range
groups preceding following unbounded current row filter within exclude columns struct map lateral asof
positional anti semi sample tablesample using copy export import attach detach load install pragma call
explain analyze begin commit rollback transaction checkpoint vacuum returning conflict do nothing
`;

const TYPES = `
tinyint smallint integer int bigint hugeint utinyint usmallint uinteger ubigint uhugeint float real double
decimal numeric varchar text string char blob bytea boolean bool date time timestamp timestamptz datetime
interval uuid json bit bitstring enum list union varint
`;

/** Frequently used DuckDB core functions (no extensions load offline, see NOTES.md). */
export const DUCKDB_FUNCTIONS = `
count sum avg mean min max median mode quantile quantile_cont quantile_disc stddev stddev_pop stddev_samp
var_pop var_samp variance corr covar_pop covar_samp approx_count_distinct approx_quantile arg_max arg_min
max_by min_by bit_and bit_or bool_and bool_or first last any_value list array_agg string_agg group_concat
histogram entropy kurtosis skewness product regr_slope regr_intercept regr_r2 fsum favg count_if sumkahan
row_number rank dense_rank percent_rank cume_dist ntile lag lead first_value last_value nth_value
lower upper lcase ucase length len concat concat_ws substring substr left right trim ltrim rtrim replace
regexp_matches regexp_replace regexp_extract regexp_extract_all regexp_split_to_array split_part string_split
starts_with ends_with contains strpos instr position lpad rpad repeat reverse format printf md5 sha256 hash
levenshtein jaro_winkler_similarity damerau_levenshtein ascii chr unicode strip_accents like_escape
now current_date current_timestamp today date_part datepart date_trunc datetrunc date_diff datediff
date_add date_sub extract year month day hour minute second quarter week weekday dayofweek dayofyear
epoch epoch_ms make_date make_time make_timestamp strftime strptime try_strptime last_day monthname dayname
age to_timestamp time_bucket
abs ceil ceiling floor round sqrt cbrt pow power exp ln log log2 log10 sign mod greatest least random
setseed pi trunc even isnan isinf isfinite gcd lcm factorial radians degrees sin cos tan atan atan2
coalesce nullif ifnull iif typeof
list_value list_aggregate list_sort list_reverse_sort list_distinct list_contains list_has_any list_has_all
array_length list_transform list_filter list_reduce list_slice list_concat list_extract flatten unnest
generate_series range struct_pack struct_extract row map_keys map_values cardinality
read_csv read_csv_auto glob
`;

export const DuckDB = SQLDialect.define({
  keywords: KEYWORDS.trim().split(/\s+/).join(' '),
  types: TYPES.trim().split(/\s+/).join(' '),
  builtin: DUCKDB_FUNCTIONS.trim().split(/\s+/).join(' '),
  backslashEscapes: false,
  doubleDollarQuotedStrings: true,
  identifierQuotes: '"',
  caseInsensitiveIdentifiers: true,
  operatorChars: '*+-%<>!=&|~^/:@#',
  specialVar: '?$',
});
