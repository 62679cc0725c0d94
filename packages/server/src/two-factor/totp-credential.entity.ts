import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { AccountOwnedColumns } from '../accounts/account-owner-columns';
import { DateTimeColumn } from '../database/columns';

/**
 * An account's authenticator-app secret (TOTP, RFC 6238), one per account. It is in use while
 * the account's mfaEnabledAt is set; before that it is an enrollment waiting for its first code
 * (startTotpEnrollment replaces it). The secret is sealed with the secrets key (SecretBox): the
 * column never holds the base32 secret.
 */
@Entity('totp_credential')
@Index('UQ_totp_credential_person', ['personId'], { unique: true })
@Index('UQ_totp_credential_operator', ['operatorId'], { unique: true })
export class TotpCredentialEntity extends AccountOwnedColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** the base32 secret, sealed (AES-256-GCM, bound to the owner) */
  @Column({ type: 'varchar', length: 255 })
  sealedSecret: string;

  /** the 30-second step of the newest code accepted: no code of it or an earlier step works again */
  @Column({ type: 'integer', nullable: true })
  lastUsedStep: number | null;

  @DateTimeColumn()
  createdAt: Date;
}
