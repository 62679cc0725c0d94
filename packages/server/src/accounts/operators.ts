import type { DataSource } from 'typeorm';
import { normalizeEmail } from '@entry/shared';
import { inTransaction } from '../database/transaction';
import { addressOwner } from './email-ownership';
import { OperatorEntity } from './operator.entity';
import { hashPassword, verifyPassword } from './passwords';

/**
 * The address asked for an operator already belongs to a person of a company. An operator must
 * never share it: the person could then read the operator's password-reset and notification
 * mail, and signing in would have to guess which account was meant.
 */
export class OperatorAddressTakenError extends Error {
  constructor(readonly email: string) {
    super(
      `${email} is already the address of a person of a company; choose another address for the operator, or remove that person first`,
    );
    this.name = 'OperatorAddressTakenError';
  }
}

/**
 * Creates the operator named by OPERATOR_EMAIL/OPERATOR_PASSWORD, or brings its password up to
 * date, at every start-up: rotating the variable rotates the password. Refuses (with
 * OperatorAddressTakenError) an address a person holds.
 */
export async function provisionOperator(
  dataSource: DataSource,
  credentials: { email: string; password: string },
  now = new Date(),
): Promise<OperatorEntity> {
  const email = normalizeEmail(credentials.email);
  // At start-up or from the command line: nothing else waits on this transaction, so hashing
  // inside it (only when the password changes) costs nobody anything.
  return inTransaction(dataSource, async (manager) => {
    const repository = manager.getRepository(OperatorEntity);
    const owner = await addressOwner(manager, email, 'operator');
    if (owner?.kind === 'person') throw new OperatorAddressTakenError(email);
    if (owner?.kind === 'operator') {
      const existing = owner.operator;
      if (!(await verifyPassword(existing.passwordHash, credentials.password))) {
        existing.passwordHash = await hashPassword(credentials.password);
        existing.updatedAt = now;
        await repository.update(
          { id: existing.id },
          { passwordHash: existing.passwordHash, updatedAt: now },
        );
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
  });
}
