import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../common/common.types';

/** A new authenticator-app secret, shown once while two-factor sign-in is being set up. */
@ObjectType()
export class TotpEnrollment {
  @Field({ description: 'base32, for typing in' })
  secret: string;

  @Field({ description: 'otpauth://totp/..., shown as a QR code' })
  uri: string;
}

@ObjectType()
export class TotpEnrollmentPayload {
  @Field(() => TotpEnrollment, { nullable: true })
  enrollment: TotpEnrollment | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class RecoveryCodesPayload {
  @Field(() => [String], {
    nullable: true,
    description: 'shown once: each signs in once in place of an authenticator code',
  })
  recoveryCodes: string[] | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}
