import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Permission } from '@entry/shared';
import { CompanyPayload, OperatorObject, PersonPayload } from '../accounts/accounts.types';
import type { OperatorEntity } from '../accounts/operator.entity';
import { AccountChange, PersonChange } from '../auth/decorators';
import { Exemption } from '../auth/exemptions';
import { attempt } from '../common/user-errors';
import { Auth } from '../graphql/auth.directive';
import type { Context } from '../graphql/context';
import { PersonEntity } from '../people/person.entity';
import { PersonObject } from '../people/person.type';
import { mfaEnabled, mfaRequired, mustEnrollMfa } from './mfa-requirement';
import {
  confirmTotpEnrollment,
  disableTotp,
  regenerateRecoveryCodes,
  setCompanyMfaRequirement,
  startTotpEnrollment,
} from './two-factor.service';
import { RecoveryCodesPayload, TotpEnrollmentPayload } from './two-factor.types';

/**
 * Two-factor sign-in of the signed-in account, person or operator. Setting it up is the way out
 * of MFA_ENROLLMENT_REQUIRED (the DURING_MFA_ENROLLMENT exemption); API keys are nobody's
 * account and reach none of this.
 */
@Resolver()
export class TwoFactorResolver {
  @Auth(Permission.AUTHENTICATED, { allow: [Exemption.DURING_MFA_ENROLLMENT] })
  @Mutation(() => TotpEnrollmentPayload, {
    description:
      'a new authenticator-app secret (again before confirming: another one); the secret is never shown again after confirmTotpEnrollment',
  })
  async startTotpEnrollment(
    @AccountChange() change: AccountChange,
  ): Promise<TotpEnrollmentPayload> {
    const { value, userErrors } = await attempt(change.locale, () =>
      startTotpEnrollment(change, change.viewer),
    );
    return { enrollment: value, userErrors };
  }

  @Auth(Permission.AUTHENTICATED, { allow: [Exemption.DURING_MFA_ENROLLMENT] })
  @Mutation(() => RecoveryCodesPayload, {
    description:
      'turns two-factor sign-in on with a first code from the app; answers the recovery codes',
  })
  async confirmTotpEnrollment(
    @Arg('code') code: string,
    @AccountChange() change: AccountChange,
  ): Promise<RecoveryCodesPayload> {
    const { value, userErrors } = await attempt(change.locale, () =>
      confirmTotpEnrollment(change, change.viewer, code, change.actor),
    );
    return { recoveryCodes: value, userErrors };
  }

  @Auth(Permission.AUTHENTICATED)
  @Mutation(() => PersonPayload, {
    description:
      'turns two-factor sign-in off, with the password and a current code (or an unused recovery code); refused (MFA_REQUIRED) while required. An operator gets a payload without person',
  })
  async disableTotp(
    @Arg('password') password: string,
    @Arg('code') code: string,
    @AccountChange() change: AccountChange,
  ): Promise<PersonPayload> {
    const { viewer } = change;
    const { value, userErrors } = await attempt(change.locale, async () => {
      await disableTotp(change, viewer, password, code, change.actor);
      if (viewer.kind !== 'person') return null;
      return change.dataSource
        .getRepository(PersonEntity)
        .findOneByOrFail({ id: viewer.person.id });
    });
    return { person: value, userErrors };
  }

  @Auth(Permission.AUTHENTICATED)
  @Mutation(() => RecoveryCodesPayload, {
    description: 'new recovery codes; the old ones stop working',
  })
  async regenerateRecoveryCodes(
    @Arg('code') code: string,
    @AccountChange() change: AccountChange,
  ): Promise<RecoveryCodesPayload> {
    const { value, userErrors } = await attempt(change.locale, () =>
      regenerateRecoveryCodes(change, change.viewer, code, change.actor),
    );
    return { recoveryCodes: value, userErrors };
  }

  @Auth(Permission.PAYMENTS)
  @Mutation(() => CompanyPayload, {
    description:
      'requires two-factor sign-in of everyone in the company: people without it may only set it up (MFA_ENROLLMENT_REQUIRED) and may not turn it off. API keys are not affected',
  })
  async setCompanyMfaRequirement(
    @Arg('required') required: boolean,
    @PersonChange() change: PersonChange,
  ): Promise<CompanyPayload> {
    const { value, userErrors } = await attempt(change.locale, () =>
      setCompanyMfaRequirement(change.dataSource, change.viewer, required, change.actor),
    );
    return { company: value, userErrors };
  }
}

@Resolver(() => PersonObject)
export class PersonMfaResolver {
  @FieldResolver(() => Boolean, { description: 'two-factor sign-in is on' })
  mfaEnabled(@Root() person: PersonEntity): boolean {
    return mfaEnabled({ kind: 'person', person });
  }

  @FieldResolver(() => Boolean, {
    description: 'the company requires two-factor sign-in and this person has not set it up',
  })
  async mustEnrollMfa(@Root() person: PersonEntity, @Ctx() ctx: Context): Promise<boolean> {
    const company = await ctx.loaders.companyById.load(person.companyId);
    return company ? mustEnrollMfa({ kind: 'person', person, company }, false) : false;
  }
}

@Resolver(() => OperatorObject)
export class OperatorMfaResolver {
  @FieldResolver(() => Boolean, { description: 'two-factor sign-in is on' })
  mfaEnabled(@Root() operator: OperatorEntity): boolean {
    return mfaEnabled({ kind: 'operator', operator });
  }

  @FieldResolver(() => Boolean, {
    description: 'OPERATOR_REQUIRE_MFA is on and this operator has not set up two-factor sign-in',
  })
  mustEnrollMfa(@Root() operator: OperatorEntity, @Ctx() ctx: Context): boolean {
    return mustEnrollMfa({ kind: 'operator', operator }, ctx.config.operatorRequireMfa);
  }

  @FieldResolver(() => Boolean, {
    description: 'OPERATOR_REQUIRE_MFA is on: two-factor sign-in cannot be turned off',
  })
  mfaRequired(@Root() operator: OperatorEntity, @Ctx() ctx: Context): boolean {
    return mfaRequired({ kind: 'operator', operator }, ctx.config.operatorRequireMfa);
  }
}
