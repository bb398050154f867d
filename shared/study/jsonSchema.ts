import { z } from 'zod';
import { studySchema } from './schema';

/** docs/study.schema.json: the zod schema as JSON Schema (the shape a file may have: defaults optional). */
export function studyJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://tenure.invalid/study.schema.json',
    title: 'Tenure study (.tenure)',
    ...z.toJSONSchema(studySchema, { io: 'input', target: 'draft-2020-12' }),
  };
}

export function studyJsonSchemaText(): string {
  return `${JSON.stringify(studyJsonSchema(), null, 2)}\n`;
}
