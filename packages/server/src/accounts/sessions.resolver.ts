import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Permission } from '@entry/shared';
import { AccountChange, accountOf } from '../auth/decorators';
import { Auth } from '../graphql/auth.directive';
import type { Context } from '../graphql/context';
import { clearSessionCookie } from '../http/session-cookie';
import { isId } from '../sites/site-scope';
import { ownerOf } from './account';
import {
  liveSessions,
  revokeOtherSessions,
  revokeOwnSession,
  SESSION_LIST_MAX,
} from './session.service';
import { SessionObject } from './session.type';

/**
 * The signed-in account's own sessions (people and operators alike): see them, end one, end all
 * the others. Sessions are read from the database on every request, so an ended one is refused
 * at once by every server process.
 */
@Resolver()
export class SessionsResolver {
  @Auth(Permission.AUTHENTICATED)
  @Query(() => [SessionObject], {
    description: `your signed-in sessions, newest first (at most ${SESSION_LIST_MAX})`,
  })
  async mySessions(@Ctx() ctx: Context): Promise<SessionObject[]> {
    const sessions = await liveSessions(ctx.dataSource, ownerOf(accountOf(ctx)));
    return sessions.map((session) => ({
      id: session.id,
      createdAt: session.createdAt,
      lastSeenAt: session.lastSeenAt,
      userAgent: session.userAgent,
      ip: session.ip,
      current: session.id === ctx.sessionId,
    }));
  }

  @Auth(Permission.AUTHENTICATED)
  @Mutation(() => Boolean, {
    description:
      "ends one of your sessions at once; false when it is not one of yours (another's reads as unknown) or has ended already",
  })
  async revokeSession(
    @Arg('id', () => ID) id: string,
    @AccountChange() change: AccountChange,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    if (!isId(id)) return false;
    const revoked = await revokeOwnSession(change.dataSource, ownerOf(change.viewer), id);
    if (revoked && id === change.sessionId) clearSessionCookie(ctx.res, ctx.config);
    return revoked;
  }

  @Auth(Permission.AUTHENTICATED)
  @Mutation(() => Int, {
    description:
      'ends every session of the signed-in person but the current one; answers how many ended',
  })
  signOutOtherSessions(@AccountChange() change: AccountChange): Promise<number> {
    return revokeOtherSessions(change.dataSource, ownerOf(change.viewer), change.sessionId);
  }
}
