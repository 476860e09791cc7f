import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { staffOf, type RequestContext } from '../context.js';
import { RevealPersonalDataInput, RevealPersonalDataPayload } from '../orders/search.type.js';
import { LoginPayload, StaffType } from './staff.type.js';

/** Staff login, logout, who am I, and the audited reveal of personal data. */
@Resolver()
export class AuthResolver {
  @Mutation(() => LoginPayload, {
    description: 'starts a session: sets the HttpOnly cookie and returns the token',
  })
  async login(
    @Arg('username', () => String) username: string,
    @Arg('password', () => String) password: string,
    @Ctx() context: RequestContext,
  ): Promise<LoginPayload> {
    const { token, expiresAt, staff } = await context.services.auth.login(
      username,
      password,
      context.address,
      context.principal?.kind === 'staff' ? context.principal.sessionId : null,
    );
    context.setSessionCookie(token, expiresAt);
    return { token, staff };
  }

  @Mutation(() => Boolean, { description: 'ends the current session' })
  async logout(@Ctx() context: RequestContext): Promise<boolean> {
    if (context.principal?.kind === 'staff') await context.services.sessions.end(context.principal.sessionId);
    context.setSessionCookie(null);
    return true;
  }

  @Query(() => StaffType, { nullable: true, description: 'the signed-in staff member, or null' })
  me(@Ctx() { principal }: RequestContext): StaffType | null {
    if (principal?.kind !== 'staff') return null;
    return {
      id: principal.id,
      username: principal.username,
      displayName: principal.displayName,
      role: principal.role,
    };
  }

  @Authorized('PERSONAL_DATA_REVEAL')
  @Mutation(() => RevealPersonalDataPayload, {
    description: "one order's receiver in full; audited, limited per day",
  })
  async revealPersonalData(
    @Arg('input', () => RevealPersonalDataInput) input: RevealPersonalDataInput,
    @Ctx() context: RequestContext,
  ): Promise<RevealPersonalDataPayload> {
    const personalData = await context.services.personalData.reveal(
      staffOf(context),
      input.orderNumber,
      input.reason,
      context.address,
    );
    return { personalData };
  }
}
