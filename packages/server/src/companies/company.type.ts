import { Field, ID, ObjectType } from 'type-graphql';
import { Permission } from '@entry/shared';
import { Auth } from '../graphql/auth.directive';
import { CompanyStatus, CompanyType, PaymentMethodType } from './company.entity';

/** What the API shows of a company; billing details only to people with payment access. */
@ObjectType('Company')
export class CompanyObject {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => CompanyType)
  type: CompanyType;

  @Field({ description: 'ISO 3166-1 alpha-2' })
  country: string;

  @Field(() => CompanyStatus)
  status: CompanyStatus;

  @Field({
    description: 'false until someone with payment access finishes the first-login billing wizard',
  })
  billingSetupComplete: boolean;

  @Field({
    description:
      'everyone in the company must use two-factor sign-in (setCompanyMfaRequirement, payment admins)',
  })
  requireMfa: boolean;

  @Auth(Permission.PAYMENTS)
  @Field(() => String, { nullable: true })
  vatNumber: string | null;

  @Auth(Permission.PAYMENTS)
  @Field(() => PaymentMethodType, { nullable: true })
  paymentMethod: PaymentMethodType | null;

  @Field()
  currency: string;

  @Field({ description: 'when the company registered' })
  createdAt: Date;
}
