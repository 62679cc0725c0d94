/**
 * Adds an operator (the vendor's staff who approve registrations and run billing), or resets
 * the password of an existing one:
 *   OPERATOR_PASSWORD='a long passphrase' pnpm --filter @entry/server operator:add ops@example.com
 * The password comes from the environment, never the command line (shell history, ps).
 */
import 'reflect-metadata';
import { isValidEmail } from '@entry/shared';
import { OperatorAddressTakenError, provisionOperator } from '../accounts/operators';
import { loadConfig } from '../config/config';
import { createDataSource } from '../database/data-source';

async function main(): Promise<void> {
  const email = process.argv[2];
  const password = process.env['OPERATOR_PASSWORD'];
  if (!email || !isValidEmail(email)) {
    console.error('usage: OPERATOR_PASSWORD=… operator:add <email>');
    process.exit(2);
  }
  if (!password || password.length < 12) {
    console.error('OPERATOR_PASSWORD must be set to at least 12 characters');
    process.exit(2);
  }
  const { database } = loadConfig({
    ...process.env,
    OPERATOR_EMAIL: undefined,
    OPERATOR_PASSWORD: undefined,
  });
  const dataSource = createDataSource(database);
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const operator = await provisionOperator(dataSource, { email, password });
    console.log(`operator ${operator.email} is ready`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  // A refusal the vendor can act on is one plain line; anything else keeps its stack.
  console.error(
    error instanceof OperatorAddressTakenError ? `operator:add: ${error.message}` : error,
  );
  process.exit(1);
});
