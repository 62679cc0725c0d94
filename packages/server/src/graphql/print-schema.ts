import fs from 'node:fs';
import path from 'node:path';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { buildDeclaredSchema } from './schema';

export const SCHEMA_FILE = path.resolve(__dirname, '../../schema.graphql');

const HEADER = `# Generated from the resolvers by \`pnpm --filter @entry/server schema:print\`; do not edit.
# The public contract it must satisfy: shared/api-contract.graphql.
`;

/** The SDL as committed: every type, with the @auth/@public directives partners rely on. */
export async function printPortalSchema(): Promise<string> {
  return `${HEADER}\n${printSchemaWithDirectives(await buildDeclaredSchema())}\n`;
}

if (require.main === module) {
  printPortalSchema()
    .then((sdl) => {
      fs.writeFileSync(SCHEMA_FILE, sdl);
      console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
