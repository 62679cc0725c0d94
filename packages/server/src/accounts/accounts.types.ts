import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { CompanyType } from '../companies/company.entity';
import { CompanyObject } from '../companies/company.type';
import { UserError } from '../common/common.types';
import { PersonObject } from '../people/person.type';

@InputType()
export class RegisterInput {
  @Field(() => CompanyType)
  type: CompanyType;

  @Field({ description: 'ISO 3166-1 alpha-2' })
  country: string;

  @Field()
  companyName: string;

  @Field()
  companyAddress: string;

  @Field(() => String, { nullable: true })
  companyPhone?: string | null;

  @Field(() => String, { nullable: true })
  vatNumber?: string | null;

  @Field()
  firstName: string;

  @Field()
  lastName: string;

  @Field()
  email: string;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  locale?: string | null;
}

@ObjectType()
export class RegisterPayload {
  @Field(() => CompanyObject, {
    nullable: true,
    description:
      'always null: the answer is the same whether or not the address already has an account (its owner is emailed instead); success is an empty userErrors',
  })
  company: unknown;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class CompanyPayload {
  @Field(() => CompanyObject, { nullable: true })
  company: unknown;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class PersonPayload {
  @Field(() => PersonObject, { nullable: true })
  person: unknown;

  @Field(() => [UserError])
  userErrors: UserError[];
}

/** A vendor operator, as shown to themselves. */
@ObjectType('Operator')
export class OperatorObject {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field()
  name: string;
}

@ObjectType()
export class SignInPayload {
  @Field(() => String, {
    nullable: true,
    description: 'bearer token for apps; the browser gets an HttpOnly cookie as well',
  })
  token: string | null;

  @Field(() => PersonObject, { nullable: true })
  person: unknown;

  @Field(() => OperatorObject, {
    nullable: true,
    description: 'set instead of person when an operator signed in',
  })
  operator: unknown;

  @Field({
    description:
      'true: the password was right and two-factor sign-in is on; no token yet, verifyMfa exchanges mfaChallenge and a code for it',
  })
  mfaRequired: boolean;

  @Field(() => String, { nullable: true, description: 'exchanged by verifyMfa for the token' })
  mfaChallenge: string | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

/** What operators see of a registration before they decide. */
@ObjectType()
export class RegistrationDetails {
  @Field()
  companyAddress: string;

  @Field(() => String, { nullable: true })
  companyPhone: string | null;

  @Field(() => String, { nullable: true })
  vatNumber: string | null;

  @Field()
  firstName: string;

  @Field()
  lastName: string;

  @Field()
  email: string;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field()
  locale: string;

  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true })
  rejectionReason: string | null;
}
