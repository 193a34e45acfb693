/**
 * The page queries the benchmark measures: the web app's own documents, sent as the person who uses
 * the page. Adding a page is one entry in `pageQueries`.
 */
import { Kind, print, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from "graphql";
import type { Client } from "@citypeer/db";
import { ResultsQuery } from "../apps/web/src/features/benchmarks/operations.ts";
import { GrantPortfolioQuery } from "../apps/web/src/features/grants/operations.ts";
import { DashboardQuery } from "../apps/web/src/features/home/operations.ts";
import { PilotQuery } from "../apps/web/src/features/pilots/operations.ts";

export interface PageQuery {
  name: string;
  /** Who opens the page (a demo account). */
  email: string;
  document: DocumentNode;
  /** The page's variables, looked up in the seeded database. */
  variables(db: Client): Promise<Record<string, unknown>>;
}

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");

async function dortmundPilot(db: Client) {
  return db.pilot.findFirstOrThrow({ where: { organization: { slug: "dortmund" } }, select: { id: true, communityId: true } });
}

const none = async () => ({});

export const pageQueries: PageQuery[] = [
  { name: "dashboard (officer)", email: "officer.dortmund@citypeer.eu", document: DashboardQuery as DocumentNode, variables: none },
  { name: "dashboard (manager)", email: "manager@citypeer.eu", document: DashboardQuery as DocumentNode, variables: none },
  { name: "dashboard (reviewer)", email: "reviewer.athens@citypeer.eu", document: DashboardQuery as DocumentNode, variables: none },
  {
    name: "results",
    email: "officer.dortmund@citypeer.eu",
    document: ResultsQuery as DocumentNode,
    variables: async (db) => {
      const round = await db.benchmarkRound.findFirstOrThrow({ where: { community: { slug: "labour-market" } }, orderBy: { opensAt: "asc" } });
      return { roundId: globalId("BenchmarkRound", round.id) };
    },
  },
  { name: "portfolio", email: "manager@citypeer.eu", document: GrantPortfolioQuery as DocumentNode, variables: none },
  { name: "pilot", email: "officer.dortmund@citypeer.eu", document: PilotQuery as DocumentNode, variables: async (db) => ({ id: globalId("Pilot", (await dortmundPilot(db)).id) }) },
];

export const documentText = (document: DocumentNode) => print(document);

/**
 * How deep the operation nests objects: the longest chain of fields that have their own selection set,
 * fragments inlined (`{ pilot { reviews { assignments { reviewer { organization { id } } } } } }` is 5).
 * A page that loads each level in bulk needs one SQL statement per level, plus one for the session.
 */
export function nestingLevels(document: DocumentNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const depth = (set: SelectionSetNode | undefined): number => {
    if (!set) return 0;
    let max = 0;
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) max = Math.max(max, s.selectionSet ? 1 + depth(s.selectionSet) : 0);
      else if (s.kind === Kind.INLINE_FRAGMENT) max = Math.max(max, depth(s.selectionSet));
      else max = Math.max(max, depth(fragments.get(s.name.value)?.selectionSet));
    }
    return max;
  };
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  return operation?.kind === Kind.OPERATION_DEFINITION ? depth(operation.selectionSet) : 0;
}
