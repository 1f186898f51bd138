// Writes schema/*.schema.json from the compiled ontology (run `npm run schema` after changing the ontology).
import { writeFileSync } from 'node:fs';
import { ARTICLE_SCHEMA, ENTITIES_SCHEMA } from '../dist/build/sourceSchema.js';

const write = (file, schema) => writeFileSync(new URL(`../schema/${file}`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
write('entities.schema.json', ENTITIES_SCHEMA);
write('article.schema.json', ARTICLE_SCHEMA);
