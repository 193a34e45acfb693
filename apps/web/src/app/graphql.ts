import { initGraphQLTada } from "gql.tada";
import type { introspection } from "../graphql-env.d.ts";

/** Typed GraphQL documents; types come from apps/api/schema.graphql via `pnpm generate`. */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { ID: string; DateTime: string; Date: string };
  // fragments here share selections between documents (e.g. the viewer after sign-in), not hide data
  disableMasking: true;
}>();

export type { ResultOf, VariablesOf } from "gql.tada";
