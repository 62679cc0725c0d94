import { Column, JoinColumn, ManyToOne } from 'typeorm';
import { PersonEntity } from '../people/person.entity';
import { OperatorEntity } from './operator.entity';

/**
 * The owner of a row that belongs to a signed-in account, a person or an operator: exactly one
 * of the two is set (the services write them through `accountOwner`, account.ts; a CHECK would
 * need dialect-specific quoting). Sessions, two-factor secrets, recovery codes and sign-in
 * challenges. Removing the account removes its rows.
 */
export abstract class AccountOwnedColumns {
  @Column({ type: 'uuid', nullable: true })
  personId: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'personId' })
  person?: PersonEntity;

  @Column({ type: 'uuid', nullable: true })
  operatorId: string | null;

  @ManyToOne(() => OperatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'operatorId' })
  operator?: OperatorEntity;
}
