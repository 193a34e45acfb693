import { Prisma, type Client } from "@citypeer/db";
import { HIGHLIGHT_START, HIGHLIGHT_STOP, highlightSegments, searchText, type PracticeSearch, type TextSegment } from "@citypeer/domain/practices";

/*
 * Full-text search with PostgreSQL (also in PGlite): the English configuration stems words ("shops" -> shop,
 * "volunteers" -> volunt), hyphens inside words become spaces on both sides (see `searchText`), and the name
 * weighs most (A), then place, type and description (B), then the rest of the profile (C).
 *
 * PRACTICE_DOCUMENT is written with bare column names and only immutable functions, so that an expression
 * index with exactly this text serves the search:
 *   CREATE INDEX "PracticeProfile_search_idx" ON "PracticeProfile" USING GIN (<PRACTICE_DOCUMENT>);
 */
export const PRACTICE_DOCUMENT_SQL = `(setweight(to_tsvector('english'::regconfig, replace("networkName", '-', ' ')), 'A') || setweight(to_tsvector('english'::regconfig, replace("place" || ' ' || "networkType" || ' ' || "description", '-', ' ')), 'B') || setweight(to_tsvector('english'::regconfig, replace("coordination" || ' ' || "cooperationAgreement" || ' ' || "members" || ' ' || "resources" || ' ' || "internalFacilitation" || ' ' || "externalCommunication" || ' ' || "successFactors" || ' ' || "challenges" || ' ' || "evaluation" || ' ' || "sustainability" || ' ' || "impact" || ' ' || "innovation" || ' ' || "transferability", '-', ' ')), 'C'))`;
const DOCUMENT = Prisma.raw(PRACTICE_DOCUMENT_SQL);

/** The text the excerpt is cut from: the profile's prose, in the order a reader meets it. */
const BODY = Prisma.raw(
  `("description" || E'\\n' || "successFactors" || E'\\n' || "challenges" || E'\\n' || "resources" || E'\\n' || "internalFacilitation" || E'\\n' || "externalCommunication" || E'\\n' || "evaluation" || E'\\n' || "sustainability" || E'\\n' || "impact" || E'\\n' || "innovation" || E'\\n' || "transferability" || E'\\n' || "members")`,
);
const EXCERPT_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … "`;
const TITLE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, HighlightAll=true`;

export type PracticeHit = { id: string; rank: number; title: TextSegment[]; excerpt: TextSegment[] };
export type PracticeSearchResult = { total: number; hits: PracticeHit[] };

type Row = { id: string; rank: number; total: number; title: string; excerpt: string };

/**
 * Published profiles matching the words (all of them; "quotes" for a phrase, -word to exclude), best first,
 * with the matches highlighted in the name and in an excerpt; filters narrow by community, field of
 * intervention, target group (any of the chosen ones within a filter) and country. One statement: ranking and
 * highlighting run only on the page of hits returned.
 */
export async function searchPractices(db: Client, search: PracticeSearch): Promise<PracticeSearchResult> {
  const words = searchText(search.query);
  const filters: Prisma.Sql[] = [Prisma.sql`p."status" = 'PUBLISHED'`];
  if (words) filters.push(Prisma.sql`${DOCUMENT} @@ q.query`);
  if (search.communityIds.length) filters.push(Prisma.sql`p."communityId" = ANY(${search.communityIds}::uuid[])`);
  if (search.fieldsOfIntervention.length) filters.push(Prisma.sql`p."fieldsOfIntervention"::text[] && ${search.fieldsOfIntervention}::text[]`);
  if (search.targetGroups.length) filters.push(Prisma.sql`p."targetGroups"::text[] && ${search.targetGroups}::text[]`);
  if (search.countries.length) filters.push(Prisma.sql`p."country"::text = ANY(${search.countries}::text[])`);
  const rank = words ? Prisma.sql`ts_rank(${DOCUMENT}, q.query)` : Prisma.sql`0::real`;

  const rows = await db.$queryRaw<Row[]>`
    WITH q AS (SELECT websearch_to_tsquery('english'::regconfig, ${words}) AS query),
    hits AS (
      SELECT p."id", ${rank} AS rank, count(*) OVER () AS total
      FROM "PracticeProfile" p, q
      WHERE ${Prisma.join(filters, " AND ")}
      ORDER BY rank DESC, p."networkName" ASC, p."id" ASC
      LIMIT ${search.first} OFFSET ${search.offset}
    )
    SELECT h."id", h.rank::float8 AS rank, h.total::int AS total,
      ${words ? Prisma.sql`ts_headline('english'::regconfig, p."networkName", q.query, ${TITLE_OPTIONS})` : Prisma.sql`p."networkName"`} AS title,
      ${words ? Prisma.sql`ts_headline('english'::regconfig, ${BODY}, q.query, ${EXCERPT_OPTIONS})` : Prisma.sql`left(p."description", 240)`} AS excerpt
    FROM hits h JOIN "PracticeProfile" p ON p."id" = h."id", q
    ORDER BY h.rank DESC, p."networkName" ASC, p."id" ASC`;

  return {
    total: rows[0]?.total ?? (search.offset > 0 ? await countMatches(db, filters, words) : 0),
    hits: rows.map((r) => ({ id: r.id, rank: Math.round(r.rank * 10_000) / 10_000, title: highlightSegments(r.title), excerpt: highlightSegments(r.excerpt) })),
  };
}

/** The total when the page is past the last hit (the window count above has no row to ride on). */
async function countMatches(db: Client, filters: Prisma.Sql[], words: string): Promise<number> {
  const [row] = await db.$queryRaw<{ total: number }[]>`
    WITH q AS (SELECT websearch_to_tsquery('english'::regconfig, ${words}) AS query)
    SELECT count(*)::int AS total FROM "PracticeProfile" p, q WHERE ${Prisma.join(filters, " AND ")}`;
  return row?.total ?? 0;
}
