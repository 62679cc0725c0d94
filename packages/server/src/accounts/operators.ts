import type { DataSource } from 'typeorm';
import { normalizeEmail } from '@entry/shared';
import { OperatorEntity } from './operator.entity';
import { hashPassword, verifyPassword } from './passwords';

/**
 * Creates the operator named by OPERATOR_EMAIL/OPERATOR_PASSWORD, or brings its password up to
 * date, at every start-up: rotating the variable rotates the password.
 */
export async function provisionOperator(
  dataSource: DataSource,
  credentials: { email: string; password: string },
  now = new Date(),
): Promise<OperatorEntity> {
  const repository = dataSource.getRepository(OperatorEntity);
  const email = normalizeEmail(credentials.email);
  const existing = await repository.findOneBy({ email });
  if (existing) {
    if (!(await verifyPassword(existing.passwordHash, credentials.password))) {
      existing.passwordHash = await hashPassword(credentials.password);
      existing.updatedAt = now;
      await repository.save(existing);
    }
    return existing;
  }
  const operator = repository.create({
    email,
    name: email.split('@')[0] ?? email,
    passwordHash: await hashPassword(credentials.password),
    createdAt: now,
    updatedAt: now,
  });
  await repository.insert(operator);
  return operator;
}
