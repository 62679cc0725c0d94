import { Ctx, Mutation, Resolver } from 'type-graphql';
import { Public } from '../graphql/auth.directive';
import type { Context } from '../graphql/context';
import { clearSessionCookie } from '../http/session-cookie';
import { revokeSession } from './session.service';

@Resolver()
export class SessionResolver {
  // Public: signing out must always work, even with an expired or already revoked session.
  @Public()
  @Mutation(() => Boolean)
  async signOut(@Ctx() ctx: Context): Promise<boolean> {
    if (ctx.sessionId) await revokeSession(ctx.dataSource, ctx.sessionId);
    clearSessionCookie(ctx.res, ctx.config);
    return true;
  }
}
