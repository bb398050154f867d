import { z } from 'zod';
import { LANGUAGES } from '../i18n/resources';

/**
 * The `.tenure` study file: everything needed to redo a study on the same or next month's data, and
 * never the data itself (sources are described, not copied; derived tables are recipes). Versioned:
 * older formats (and a version 1 DECK.json) are migrated by `migrate.ts`, newer ones are refused.
 */
export const STUDY_FORMAT = 'tenure-study';
/** 2: Parquet folder sources (`kind: parquetFolder`, `pattern`, `files`) and the SQL editor's statements (`sql`). */
export const STUDY_VERSION = 2;

const id = z.string().min(1).max(200);
const text = (max: number) => z.string().max(max);

const columnType = z.enum(['VARCHAR', 'BIGINT', 'DOUBLE', 'BOOLEAN', 'DATE', 'TIMESTAMP']);
const dateStyle = z.enum(['iso', 'ymd', 'mdy', 'dmy', 'dmy-dot', 'cjk', 'excel-1900', 'excel-1904']);
const decimal = z.enum(['dot', 'comma']);

/** How the file was imported: the import dialog's choices (a missing option = detected again). */
export const importOptionsSchema = z
  .object({
    sheet: text(300).optional(),
    dbTable: text(300).optional().describe('A DuckDB database file: the table the source is (`name`, or `schema.name` outside main).'),
    encoding: text(40).optional(),
    delimiter: text(4).optional(),
    quote: text(4).optional(),
    headerRow: z.number().int().min(1).optional(),
    hasHeader: z.boolean().optional(),
    decimal: decimal.optional(),
    dateOrder: z.enum(['MDY', 'DMY']).optional(),
    ragged: z.enum(['stop', 'skip', 'pad']).optional(),
  })
  .strict()
  .describe('The import dialog choices; an absent option is detected from the file again.');

export const columnOverrideSchema = z
  .object({ name: text(300).optional(), type: columnType.optional(), date: dateStyle.optional(), decimal: decimal.optional() })
  .strict();

export const sourceSchema = z
  .object({
    id: id.describe('Referenced by analyses and derived tables.'),
    name: text(200).min(1).describe('Short name shown in the Explorer and matched by `--relink NAME=FILE`.'),
    path: text(4096).nullable().default(null).describe('Where the host knew the file (null in the browser).'),
    fileName: text(1024).min(1),
    kind: z
      .enum(['csv', 'xlsx', 'xls', 'parquet', 'duckdb', 'parquetFolder'])
      .optional()
      .describe(
        'What the file is: csv/xlsx/xls are imported; parquet is loaded by DuckDB (native engine); duckdb is attached read-only and options.dbTable names the table; ' +
          'parquetFolder is a folder of Parquet files read in place (native engine): `path` is the folder, `pattern` the glob of its files. Absent: from the file name.',
      ),
    pattern: text(1000).optional().describe('A Parquet folder: the glob of its files relative to `path` (`**/*.parquet` = every Parquet file below it).'),
    files: z.number().int().nonnegative().optional().describe('A Parquet folder: how many files the glob matched when saved.'),
    size: z.number().int().nonnegative().describe('Bytes, when saved (a Parquet folder: all its files).'),
    mtime: z.number().nullable().default(null).describe('Modified time, ms since 1970, when saved.'),
    fingerprint: text(200).nullable().default(null).describe('Content fingerprint (see fingerprint.ts; a Parquet folder: its files\' names, sizes and times), to tell a changed file.'),
    table: text(300).min(1).describe('The DuckDB table the analyses name in their specs.'),
    options: importOptionsSchema.default({}),
    columns: z.record(z.string().regex(/^\d+$/), columnOverrideSchema).default({}).describe('Column overrides by 0-based position in the file.'),
  })
  .strict();

/** Tables the study builds from its analyses; rebuilt on open, never stored as data. */
export const derivedSchema = z
  .object({
    kind: z.literal('paretoClasses').describe('Every customer with rank, cumulative share and A/B/C class of a Pareto analysis.'),
    table: text(300).min(1),
    analysis: id,
  })
  .strict();

/**
 * A statement run from the SQL editor that changed the database (CREATE TABLE vip AS SELECT …, INSERT,
 * ALTER, DROP…): replayed in order after the sources are imported, so tables made by hand come back.
 * The statement's text only, never the rows it made.
 */
export const sqlRecipeSchema = z.object({ sql: text(100_000).min(1) }).strict();

export const analysisSchema = z
  .object({
    id,
    kind: text(40).min(1).describe('An analysis kind of shared/analysis/registry.ts.'),
    title: text(500).optional(),
    spec: z.record(z.string(), z.unknown()).describe("The analysis spec; its `table` names a source's or derived table."),
    chart: z.record(z.string(), z.unknown()).default({}).describe('Chart options (e.g. hazard interval width, reason tags).'),
    notes: text(100_000).default(''),
  })
  .strict();

/** An open editor tab: its kind and the serialisable state the editor keeps (form, SQL text, view). */
export const editorSchema = z
  .object({ id, kind: text(40).min(1), title: text(500).optional(), data: z.record(z.string(), z.unknown()).default({}) })
  .strict();

export const layoutSchema = z
  .object({
    groups: z.array(z.object({ id, tabs: z.array(id), active: id.nullable() }).strict()).min(1).max(2),
    activeGroup: id,
  })
  .strict();

const figure = z.union([z.number(), text(500)]).nullable();

/** A "What changed" comparison kept on a slide: figures only (never rows), since the old file is gone. */
export const changesSlideSchema = z
  .object({
    before: text(1024).describe('The data file the figures were computed on before.'),
    after: text(1024).describe('The data file that replaced it.'),
    kind: text(40).min(1),
    title: text(500).default(''),
    rows: z
      .array(
        z
          .object({
            figure: text(60).min(1),
            subject: text(500).nullable(),
            format: z.enum(['count', 'share', 'number', 'text']),
            before: figure,
            after: figure,
            diff: z.number().nullable(),
          })
          .strict(),
      )
      .max(2000),
  })
  .strict();

export const deckSlideSchema = z
  .object({
    analysis: id.describe('The analysis the slide shows (for a comparison slide: the analysis compared).'),
    chart: z.union([text(60).min(1), z.literal(false)]).describe('A chart id of the analysis kind, or false for a table-only slide.'),
    table: z.boolean().default(false),
    include: z.boolean().default(true),
    title: text(500).optional(),
    takeaway: text(2000).optional(),
    changes: changesSlideSchema.optional().describe('A "What changed" comparison: the slide is this table, not the live analysis.'),
  })
  .strict();

export const deckSchema = z
  .object({
    title: text(300).optional(),
    subtitle: text(500).optional(),
    language: z.enum(LANGUAGES).optional(),
    brief: z.boolean().default(true),
    slides: z.array(deckSlideSchema).max(200).default([]),
  })
  .strict();

export const studySchema = z
  .object({
    format: z.literal(STUDY_FORMAT),
    version: z.literal(STUDY_VERSION),
    title: text(300).default(''),
    savedAt: text(40).optional(),
    sources: z.array(sourceSchema).max(100).default([]),
    derived: z.array(derivedSchema).max(100).default([]),
    sql: z.array(sqlRecipeSchema).max(2000).default([]).describe("The SQL editor's statements that changed the database, run again in this order after the sources are imported."),
    analyses: z.array(analysisSchema).max(500).default([]),
    editors: z.array(editorSchema).max(500).default([]),
    layout: layoutSchema.optional(),
    deck: deckSchema.nullable().default(null),
  })
  .strict()
  .describe('A Tenure study (.tenure). It describes the data files and never contains their rows.');

export type Study = z.output<typeof studySchema>;
export type StudyInput = z.input<typeof studySchema>;
export type StudySource = Study['sources'][number];
export type StudyAnalysis = Study['analyses'][number];
export type StudyEditor = Study['editors'][number];
export type StudyDeck = NonNullable<Study['deck']>;
export type StudyDerived = Study['derived'][number];
export type StudySqlRecipe = Study['sql'][number];
export type StudyDeckSlide = StudyDeck['slides'][number];
export type StudyChanges = NonNullable<StudyDeckSlide['changes']>;

export function emptyStudy(): Study {
  return studySchema.parse({ format: STUDY_FORMAT, version: STUDY_VERSION });
}
