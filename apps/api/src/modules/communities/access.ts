import type { Context } from "../../context.ts";

/**
 * Whether the viewer's city takes part in a session: every city in a cross-cutting training, only active
 * member cities in a community's meeting. An unknown session passes, so the mutation answers NotFoundError.
 */
export async function cityTakesPartIn(ctx: Context, sessionId: string): Promise<boolean> {
  const organizationId = ctx.viewer?.organizationId;
  if (!organizationId) return false;
  const session = await ctx.db.communitySession.findUnique({
    where: { id: sessionId },
    select: { communityId: true, community: { select: { members: { where: { organizationId, status: "ACTIVE" }, select: { status: true } } } } },
  });
  if (!session || session.communityId === null) return true;
  return (session.community?.members.length ?? 0) > 0;
}
