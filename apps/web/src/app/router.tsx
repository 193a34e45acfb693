import { createBrowserRouter } from "react-router";
import { Layout } from "./layout.tsx";
import { RequireSession } from "./require-session.tsx";

// Each page is its own chunk (`lazy`), so the first visit loads only the shell and one page.
export const router = createBrowserRouter([
  {
    Component: Layout,
    children: [
      { path: "sign-in", lazy: async () => ({ Component: (await import("../features/identity/sign-in-page.tsx")).SignInPage }) },
      {
        Component: RequireSession,
        children: [
          { index: true, lazy: async () => ({ Component: (await import("../features/home/home-page.tsx")).HomePage }) },
          {
            path: "communities",
            lazy: async () => ({ Component: (await import("../features/communities/communities-page.tsx")).CommunitiesPage }),
          },
          {
            path: "organizations",
            lazy: async () => ({ Component: (await import("../features/organizations/organizations-page.tsx")).OrganizationsPage }),
          },
          { path: "*", lazy: async () => ({ Component: (await import("./not-found-page.tsx")).NotFoundPage }) },
        ],
      },
    ],
  },
]);
