import { Navigate, Outlet, useLocation } from "react-router";
import { useViewer } from "../features/identity/use-viewer.ts";
import { QueryError } from "../ui/query-error.tsx";

/** Routes below need a session; anyone else goes to sign-in and comes back afterwards. */
export function RequireSession() {
  const { viewer, error, refetch } = useViewer();
  const location = useLocation();
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!viewer) return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  return <Outlet />;
}
