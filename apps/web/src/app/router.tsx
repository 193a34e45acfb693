import { createBrowserRouter } from "react-router";
import { Layout } from "./layout.tsx";
import { RequireSession } from "./require-session.tsx";

// Each page is its own chunk (`lazy`), so the first visit loads only the shell and one page.
export const router = createBrowserRouter([
  {
    Component: Layout,
    children: [
      // public: signing in and the pages e-mailed links lead to work without a session
      { path: "sign-in", lazy: async () => ({ Component: (await import("../features/identity/sign-in-page.tsx")).SignInPage }) },
      {
        path: "forgot-password",
        lazy: async () => ({ Component: (await import("../features/identity/forgot-password-page.tsx")).ForgotPasswordPage }),
      },
      {
        path: "reset-password",
        lazy: async () => ({ Component: (await import("../features/identity/reset-password-page.tsx")).ResetPasswordPage }),
      },
      {
        path: "accept-invitation",
        lazy: async () => ({ Component: (await import("../features/identity/accept-invitation-page.tsx")).AcceptInvitationPage }),
      },
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
          { path: "account", lazy: async () => ({ Component: (await import("../features/identity/account-page.tsx")).AccountPage }) },
          {
            path: "notifications",
            lazy: async () => ({ Component: (await import("../features/notifications/notifications-page.tsx")).NotificationsPage }),
          },
          {
            path: "notifications/preferences",
            lazy: async () => ({ Component: (await import("../features/notifications/preferences-page.tsx")).PreferencesPage }),
          },
          { path: "admin/users", lazy: async () => ({ Component: (await import("../features/users/users-page.tsx")).UsersPage }) },
          { path: "*", lazy: async () => ({ Component: (await import("./not-found-page.tsx")).NotFoundPage }) },
        ],
      },
    ],
  },
]);
