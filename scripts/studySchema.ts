// Regenerates docs/study.schema.json from the zod schema (checked by test/unit/studySchema.test.ts).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { studyJsonSchemaText } from '../shared/study/jsonSchema';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'study.schema.json');
writeFileSync(out, studyJsonSchemaText());
console.log(`wrote ${out}`);
