import { useQuery } from "@apollo/client/react";
import { MeQuery } from "./operations.ts";

/** The signed-in person (null when signed out); I18nProvider has already loaded it. */
export function useViewer() {
  const { data, error, refetch } = useQuery(MeQuery);
  return { viewer: data?.me ?? null, error, refetch };
}
