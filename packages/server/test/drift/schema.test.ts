import fs from 'node:fs';
import { printPortalSchema, SCHEMA_FILE } from '../../src/graphql/print-schema';

describe('schema.graphql', () => {
  it('should match the schema the resolvers declare when committed (run `pnpm --filter @entry/server schema:print`)', async () => {
    const committed = fs.readFileSync(SCHEMA_FILE, 'utf8');
    expect(committed).toBe(await printPortalSchema());
  });
});
