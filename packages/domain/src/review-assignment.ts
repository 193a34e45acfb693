/**
 * Proposes peer reviewers for every pilot of a community at once, as conference systems assign papers:
 * a min-cost flow. Each pilot needs `perPilot` reviewers; nobody reviews their own city; load is spread
 * as evenly as possible (each extra review costs more than the one before: convex, so flow balances it),
 * and within that, community membership and a shared working language are preferred.
 * Written here rather than taken from a library: no maintained min-cost-flow package fits in the
 * shared domain package, and the graph is tiny (pilots x reviewers), so successive shortest paths
 * with Bellman-Ford is enough, deterministic, and easy to read.
 */

export type AssignmentPilot = { id: string; organizationId: string; languages: readonly string[] };
export type AssignmentReviewer = {
  id: string;
  organizationId: string | null;
  workingLanguages: readonly string[];
  isCommunityMember: boolean;
  /** Reviews already booked, counted in the balance. */
  existingLoad: number;
  /** Pilots this reviewer must not take (dates overlap another booking, ...). */
  excludedPilotIds?: readonly string[];
};

export type ProposedReviewer = { reviewerId: string; isCommunityMember: boolean; sharedLanguages: string[]; loadAfter: number };
export type AssignmentProposal = {
  pilots: { pilotId: string; reviewers: ProposedReviewer[]; missing: number }[];
  loads: { reviewerId: string; load: number }[];
};

/** One review more costs this much times the reviewer's load: balance comes before fit. */
const LOAD_WEIGHT = 10;
const COMMUNITY_FIT = 3;
const LANGUAGE_FIT = 2;
const MAX_FIT = COMMUNITY_FIT + LANGUAGE_FIT;

type Edge = { to: number; rev: number; cap: number; cost: number };

export function proposeAssignment(pilotsIn: readonly AssignmentPilot[], reviewersIn: readonly AssignmentReviewer[], perPilot: number): AssignmentProposal {
  const pilots = [...pilotsIn].sort((a, b) => a.id.localeCompare(b.id));
  const reviewers = [...reviewersIn].sort((a, b) => a.id.localeCompare(b.id));
  const source = 0;
  const pilotNode = (i: number) => 1 + i;
  const reviewerNode = (j: number) => 1 + pilots.length + j;
  const sink = 1 + pilots.length + reviewers.length;
  const graph: Edge[][] = Array.from({ length: sink + 1 }, () => []);
  const addEdge = (from: number, to: number, cap: number, cost: number) => {
    graph[from]!.push({ to, rev: graph[to]!.length, cap, cost });
    graph[to]!.push({ to: from, rev: graph[from]!.length - 1, cap: 0, cost: -cost });
  };

  pilots.forEach((p, i) => addEdge(source, pilotNode(i), perPilot, 0));
  pilots.forEach((p, i) =>
    reviewers.forEach((r, j) => {
      if (r.organizationId === p.organizationId || r.excludedPilotIds?.includes(p.id)) return;
      const fit = (r.isCommunityMember ? COMMUNITY_FIT : 0) + (r.workingLanguages.some((l) => p.languages.includes(l)) ? LANGUAGE_FIT : 0);
      addEdge(pilotNode(i), reviewerNode(j), 1, MAX_FIT - fit);
    }),
  );
  reviewers.forEach((r, j) => {
    for (let k = 1; k <= pilots.length; k++) addEdge(reviewerNode(j), sink, 1, LOAD_WEIGHT * (r.existingLoad + k));
  });

  // successive shortest augmenting paths (Bellman-Ford: reverse edges carry negative costs)
  for (;;) {
    const dist = new Array<number>(sink + 1).fill(Infinity);
    const prev: ({ node: number; edge: number } | null)[] = new Array(sink + 1).fill(null);
    dist[source] = 0;
    for (let round = 0; round <= sink; round++) {
      let changed = false;
      for (let u = 0; u <= sink; u++) {
        if (dist[u] === Infinity) continue;
        graph[u]!.forEach((e, index) => {
          if (e.cap > 0 && dist[u]! + e.cost < dist[e.to]!) {
            dist[e.to] = dist[u]! + e.cost;
            prev[e.to] = { node: u, edge: index };
            changed = true;
          }
        });
      }
      if (!changed) break;
    }
    if (dist[sink] === Infinity) break;
    for (let v = sink; v !== source; ) {
      const p = prev[v]!;
      const e = graph[p.node]![p.edge]!;
      e.cap -= 1;
      graph[v]![e.rev]!.cap += 1;
      v = p.node;
    }
  }

  const loads = new Map(reviewers.map((r) => [r.id, r.existingLoad]));
  const chosen = pilots.map((p, i) => {
    const ids = graph[pilotNode(i)]!.filter((e) => e.to >= reviewerNode(0) && e.to < sink && e.cap === 0 && e.cost >= 0).map((e) => reviewers[e.to - reviewerNode(0)]!);
    ids.forEach((r) => loads.set(r.id, (loads.get(r.id) ?? 0) + 1));
    return { pilot: p, reviewers: ids };
  });
  return {
    pilots: chosen.map(({ pilot, reviewers: rs }) => ({
      pilotId: pilot.id,
      missing: perPilot - rs.length,
      reviewers: rs.map((r) => ({
        reviewerId: r.id,
        isCommunityMember: r.isCommunityMember,
        sharedLanguages: r.workingLanguages.filter((l) => pilot.languages.includes(l)),
        loadAfter: loads.get(r.id)!,
      })),
    })),
    loads: [...loads.entries()].map(([reviewerId, load]) => ({ reviewerId, load })),
  };
}
