import type { Context } from "../../context.ts";

export type SessionTiming = "UPCOMING" | "PAST";

type SessionRow = { communityId: string | null; startsAt: Date; endsAt: Date };
type Batch = { communityIds: Set<string>; rows: Promise<SessionRow[]> };

/** Open batches per request, keyed by timing and the plugin's query (the nested selection of the field). */
const batches = new WeakMap<Context, Map<string, Batch>>();

/** Lets every resolver of the current tick join the batch before it runs (DataLoader's schedule). */
const nextTick = () => new Promise<void>((resolve) => Promise.resolve().then(() => process.nextTick(resolve)));

/**
 * A community's sessions plus the cross-cutting trainings (communityId null), which belong to no community
 * and so are no relation the Prisma plugin could preload. Fields of every community in the request join one
 * batch: one findMany for the lot, whatever the number of communities, with the plugin's `query` so the nested
 * selection (attendances, community) loads in the same round.
 */
export function sessionsOfCommunity<Q extends object>(ctx: Context, timing: SessionTiming, communityId: string, query: Q) {
  const perRequest = batches.get(ctx) ?? new Map<string, Batch>();
  batches.set(ctx, perRequest);
  const key = `${timing}:${JSON.stringify(query)}`;
  let batch = perRequest.get(key);
  if (!batch) {
    const communityIds = new Set<string>();
    const rows = nextTick().then(() => {
      perRequest.delete(key);
      return loadSessions(ctx, timing, [...communityIds], query);
    });
    batch = { communityIds, rows };
    perRequest.set(key, batch);
  }
  batch.communityIds.add(communityId);
  // the plugin's query decides the row shape; the caller's field type says what it is
  return batch.rows.then((rows) => rows.filter((s) => s.communityId === null || s.communityId === communityId)) as Promise<never[]>;
}

function loadSessions(ctx: Context, timing: SessionTiming, communityIds: string[], query: object): Promise<SessionRow[]> {
  const now = new Date();
  return ctx.db.communitySession.findMany({
    ...query,
    where: {
      OR: [{ communityId: { in: communityIds } }, { communityId: null }],
      endsAt: timing === "UPCOMING" ? { gt: now } : { lte: now },
    },
    orderBy: [{ startsAt: timing === "UPCOMING" ? "asc" : "desc" }, { id: "asc" }],
  }) as Promise<SessionRow[]>;
}
