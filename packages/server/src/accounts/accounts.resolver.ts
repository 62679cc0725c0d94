import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { LIMITS, Permission } from '@entry/shared';
import type { AuditActor } from '../audit/audit.service';
import { Actor } from '../auth/decorators';
import { Exemption } from '../auth/exemptions';
import type { CompanyEntity } from '../companies/company.entity';
import { CompanyObject } from '../companies/company.type';
import { queueSize } from '../common/connection';
import { attempt } from '../common/user-errors';
import type { UserError } from '../common/common.types';
import { Auth, Public } from '../graphql/auth.directive';
import type { Context } from '../graphql/context';
import { clientIp } from '../http/client-ip';
import { clearSessionCookie, setSessionCookie } from '../http/session-cookie';
import type { OperatorEntity } from './operator.entity';
import {
  changeOperatorPassword,
  changePassword,
  requestPasswordReset,
  resetPassword,
} from './password.service';
import { acceptInvitation } from './accept-invitation.service';
import {
  approveRegistration,
  pendingRegistrations,
  registerCompany,
  rejectRegistration,
} from './registration.service';
import { revokeSession, type SessionMeta } from './session.service';
import { signIn, verifyMfa, type SignInOutcome } from './sign-in.service';
import {
  CompanyPayload,
  OperatorObject,
  PersonPayload,
  RegisterInput,
  RegisterPayload,
  RegistrationDetails,
  SignInPayload,
} from './accounts.types';

/** Who opens a session, as the session row keeps it (shown in the person's session list). */
function sessionMeta(ctx: Context): SessionMeta & { ip: string } {
  return { ip: clientIp(ctx.req), userAgent: ctx.req.get('user-agent') ?? null };
}

/**
 * A sign-in's answer: a session was opened (the browser gets the cookie, an app the token in the
 * payload), or the password was right and the second step's challenge is answered instead.
 */
function signedIn(
  ctx: Context,
  outcome: SignInOutcome | null,
  userErrors: UserError[],
): SignInPayload {
  const answer = {
    token: null,
    person: null,
    operator: null,
    mfaRequired: false,
    mfaChallenge: null,
  };
  if (!outcome) return { ...answer, userErrors };
  if (outcome.kind === 'mfaChallenge')
    return { ...answer, mfaRequired: true, mfaChallenge: outcome.challenge, userErrors };
  setSessionCookie(ctx.res, ctx.config, outcome.token);
  return {
    ...answer,
    token: outcome.token,
    person: outcome.kind === 'person' ? outcome.person : null,
    operator: outcome.kind === 'operator' ? outcome.operator : null,
    userErrors,
  };
}

@Resolver()
export class AccountsResolver {
  // Public: registering is how a company gets an account in the first place.
  @Public()
  @Mutation(() => RegisterPayload, {
    description:
      'a new company and its first person (who becomes a payment admin), waiting for approval',
  })
  async register(
    @Arg('input', () => RegisterInput) input: RegisterInput,
    @Ctx() ctx: Context,
  ): Promise<RegisterPayload> {
    const { userErrors } = await attempt(ctx.locale, () =>
      registerCompany(ctx.dataSource, ctx.config, input, ctx.locale, clientIp(ctx.req)),
    );
    // Never the company: a known address creates none, and the two answers must look the same.
    return { company: null, userErrors };
  }

  @Auth(Permission.OPERATOR)
  @Query(() => [CompanyObject], {
    description: 'operators: registrations waiting for approval, oldest first',
  })
  pendingRegistrations(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, {
      nullable: true,
      description: `at most ${LIMITS.pageSizeMax}; default ${LIMITS.pageSizeMax}`,
    })
    first?: number | null,
  ): Promise<CompanyEntity[]> {
    return pendingRegistrations(ctx.dataSource, queueSize(first));
  }

  @Auth(Permission.OPERATOR)
  @Mutation(() => CompanyPayload, {
    description: 'operators: approve; the first person is emailed a temporary password',
  })
  async approveRegistration(
    @Arg('companyId', () => ID) companyId: string,
    @Ctx() ctx: Context,
    @Actor() actor: AuditActor,
  ): Promise<CompanyPayload> {
    const { value, userErrors } = await attempt(ctx.locale, () =>
      approveRegistration(ctx.dataSource, ctx.config, companyId, actor),
    );
    return { company: value, userErrors };
  }

  @Auth(Permission.OPERATOR)
  @Mutation(() => CompanyPayload)
  async rejectRegistration(
    @Arg('companyId', () => ID) companyId: string,
    @Arg('reason') reason: string,
    @Ctx() ctx: Context,
    @Actor() actor: AuditActor,
  ): Promise<CompanyPayload> {
    const { value, userErrors } = await attempt(ctx.locale, () =>
      rejectRegistration(ctx.dataSource, companyId, reason, actor),
    );
    return { company: value, userErrors };
  }

  // Public: this is how one becomes signed in.
  @Public()
  @Mutation(() => SignInPayload)
  async signIn(
    @Arg('email') email: string,
    @Arg('password') password: string,
    @Ctx() ctx: Context,
  ): Promise<SignInPayload> {
    const { value, userErrors } = await attempt(ctx.locale, () =>
      signIn(ctx.dataSource, email, password, sessionMeta(ctx)),
    );
    return signedIn(ctx, value, userErrors);
  }

  // Public: the second step of a sign-in; the challenge from signIn is the credential.
  @Public()
  @Mutation(() => SignInPayload, {
    description:
      'the second step of a sign-in with two-factor sign-in on: the challenge and a current code (or an unused recovery code) give the token and cookie',
  })
  async verifyMfa(
    @Arg('challenge') challenge: string,
    @Arg('code') code: string,
    @Ctx() ctx: Context,
  ): Promise<SignInPayload> {
    const { value, userErrors } = await attempt(ctx.locale, () =>
      verifyMfa(
        ctx.dataSource,
        ctx.secrets,
        ctx.config.publicUrl,
        challenge,
        code,
        sessionMeta(ctx),
      ),
    );
    return signedIn(ctx, value, userErrors);
  }

  // Public: signing out must always work, even with an expired or already revoked session.
  @Public()
  @Mutation(() => Boolean)
  async signOut(@Ctx() ctx: Context): Promise<boolean> {
    if (ctx.sessionId) await revokeSession(ctx.dataSource, ctx.sessionId);
    clearSessionCookie(ctx.res, ctx.config);
    return true;
  }

  @Auth(Permission.AUTHENTICATED, { allow: [Exemption.DURING_PASSWORD_CHANGE] })
  @Mutation(() => PersonPayload, {
    description: 'also the way out of a temporary password (mustChangePassword)',
  })
  async changePassword(
    @Arg('currentPassword') currentPassword: string,
    @Arg('newPassword') newPassword: string,
    @Ctx() ctx: Context,
    @Actor() actor: AuditActor,
  ): Promise<PersonPayload> {
    const viewer = ctx.viewer;
    if (viewer?.kind === 'operator') {
      // An operator is not a Person: success is a payload with neither person nor errors.
      const { userErrors } = await attempt(ctx.locale, () =>
        changeOperatorPassword(
          ctx.dataSource,
          viewer.operator,
          currentPassword,
          newPassword,
          ctx.sessionId,
        ),
      );
      return { person: null, userErrors };
    }
    const person = viewer?.kind === 'person' ? viewer.person : null;
    const { value, userErrors } = await attempt(ctx.locale, async () => {
      if (!person) throw new Error('changePassword reached without a signed-in viewer');
      return changePassword(
        ctx.dataSource,
        person,
        currentPassword,
        newPassword,
        ctx.sessionId,
        actor,
      );
    });
    return { person: value, userErrors };
  }

  // Public: people who forgot their password are not signed in. Always true: no enumeration.
  @Public()
  @Mutation(() => Boolean, {
    description: 'always answers true, whether or not the address is known',
  })
  async requestPasswordReset(@Arg('email') email: string, @Ctx() ctx: Context): Promise<boolean> {
    await requestPasswordReset(ctx.dataSource, ctx.config, ctx.logger, email, clientIp(ctx.req));
    return true;
  }

  // Public: the emailed token is the credential.
  @Public()
  @Mutation(() => PersonPayload)
  async resetPassword(
    @Arg('token') token: string,
    @Arg('newPassword') newPassword: string,
    @Ctx() ctx: Context,
  ): Promise<PersonPayload> {
    const { value, userErrors } = await attempt(ctx.locale, () =>
      resetPassword(ctx.dataSource, token, newPassword, clientIp(ctx.req)),
    );
    return { person: value, userErrors };
  }

  // Public: the emailed invitation token is the credential.
  @Public()
  @Mutation(() => SignInPayload, {
    description: 'from the invitation email: sets the password and signs in',
  })
  async acceptInvitation(
    @Arg('token') token: string,
    @Arg('password') password: string,
    @Ctx() ctx: Context,
  ): Promise<SignInPayload> {
    const { value, userErrors } = await attempt(ctx.locale, () =>
      acceptInvitation(ctx.dataSource, token, password, sessionMeta(ctx)),
    );
    return signedIn(ctx, value, userErrors);
  }

  // Public like `me`: the web app asks who is signed in without handling an error.
  @Public()
  @Query(() => OperatorObject, {
    nullable: true,
    description: 'the signed-in operator; null otherwise',
  })
  currentOperator(@Ctx() ctx: Context): OperatorEntity | null {
    return ctx.viewer?.kind === 'operator' ? ctx.viewer.operator : null;
  }
}

@Resolver(() => CompanyObject)
export class CompanyRegistrationResolver {
  @Auth(Permission.OPERATOR)
  @FieldResolver(() => RegistrationDetails, {
    nullable: true,
    description: 'operators: the registration as submitted',
  })
  async registration(
    @Root() company: CompanyEntity,
    @Ctx() ctx: Context,
  ): Promise<RegistrationDetails | null> {
    const registrant = await ctx.loaders.registrantByCompanyId.load(company.id);
    if (!registrant) return null;
    return {
      companyAddress: company.address,
      companyPhone: company.phone,
      vatNumber: company.vatNumber,
      firstName: registrant.firstName,
      lastName: registrant.lastName,
      email: registrant.email,
      phone: registrant.phone,
      locale: registrant.locale,
      decidedAt: company.approvedAt ?? company.rejectedAt,
      rejectionReason: company.rejectionReason,
    };
  }
}
