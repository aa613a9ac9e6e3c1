import 'reflect-metadata';
import fs from 'node:fs/promises';
import path from 'node:path';
import { printApiSchema } from '../server/print-schema';

/** `npm run emit-schema`: writes the served schema to schema.graphql at the repository root. */
async function emitSchema(): Promise<void> {
  const file = path.resolve(__dirname, '..', '..', 'schema.graphql');
  await fs.writeFile(file, await printApiSchema());
  console.log(`wrote ${file}`);
}

emitSchema().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
