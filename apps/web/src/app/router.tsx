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
      // the open call is public: outside cities read it and apply before they have an account (features/open-call)
      { path: "open-calls", lazy: async () => ({ Component: (await import("../features/open-call/open-calls-page.tsx")).OpenCallsPage }) },
      { path: "open-calls/:id", lazy: async () => ({ Component: (await import("../features/open-call/open-call-page.tsx")).OpenCallPage }) },
      { path: "open-calls/:id/apply", lazy: async () => ({ Component: (await import("../features/open-call/apply-page.tsx")).ApplyPage }) },
      {
        Component: RequireSession,
        children: [
          { index: true, lazy: async () => ({ Component: (await import("../features/home/home-page.tsx")).HomePage }) },
          {
            path: "communities",
            lazy: async () => ({ Component: (await import("../features/communities/communities-page.tsx")).CommunitiesPage }),
          },
          // a community, its benchmark framework and rounds; benchmark rounds (features/benchmarks); ids are raw uuids
          {
            path: "communities/:communityId",
            lazy: async () => ({ Component: (await import("../features/communities/community-page.tsx")).CommunityPage }),
          },
          {
            path: "communities/:communityId/framework",
            lazy: async () => ({ Component: (await import("../features/benchmarks/framework-page.tsx")).FrameworkPage }),
          },
          {
            path: "communities/:communityId/benchmarks",
            lazy: async () => ({ Component: (await import("../features/benchmarks/rounds-page.tsx")).RoundsPage }),
          },
          { path: "benchmarks", lazy: async () => ({ Component: (await import("../features/benchmarks/benchmarks-page.tsx")).BenchmarksPage }) },
          {
            path: "benchmarks/rounds/:roundId",
            lazy: async () => ({ Component: (await import("../features/benchmarks/submission-page.tsx")).SubmissionPage }),
          },
          {
            path: "benchmarks/rounds/:roundId/results",
            lazy: async () => ({ Component: (await import("../features/benchmarks/results-page.tsx")).ResultsPage }),
          },
          {
            path: "benchmarks/rounds/:roundId/submissions",
            lazy: async () => ({ Component: (await import("../features/benchmarks/validation-queue-page.tsx")).ValidationQueuePage }),
          },
          {
            path: "benchmarks/rounds/:roundId/submissions/:submissionId",
            lazy: async () => ({ Component: (await import("../features/benchmarks/review-submission-page.tsx")).ReviewSubmissionPage }),
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
          // pilots and peer reviews (features/pilots, features/reviews); fixed paths before `:id`
          { path: "pilots", lazy: async () => ({ Component: (await import("../features/pilots/pilots-page.tsx")).PilotsPage }) },
          { path: "pilots/mine", lazy: async () => ({ Component: (await import("../features/pilots/my-pilot-page.tsx")).MyPilotPage }) },
          { path: "pilots/:id", lazy: async () => ({ Component: (await import("../features/pilots/pilot-page.tsx")).PilotPage }) },
          { path: "pilots/:id/edit", lazy: async () => ({ Component: (await import("../features/pilots/pilot-edit-page.tsx")).PilotEditPage }) },
          { path: "reviews", lazy: async () => ({ Component: (await import("../features/reviews/review-calendar-page.tsx")).ReviewCalendarPage }) },
          { path: "reviews/mine", lazy: async () => ({ Component: (await import("../features/reviews/my-reviews-page.tsx")).MyReviewsPage }) },
          {
            path: "reviews/schedule",
            lazy: async () => ({ Component: (await import("../features/reviews/schedule-review-page.tsx")).ScheduleReviewPage }),
          },
          {
            path: "reviews/assignment",
            lazy: async () => ({ Component: (await import("../features/reviews/review-assignment-page.tsx")).ReviewAssignmentPage }),
          },
          { path: "reviews/:id", lazy: async () => ({ Component: (await import("../features/reviews/review-page.tsx")).ReviewPage }) },
          // open call evaluation, mentoring and the good-practice library (features/open-call, mentoring, practices); ids are raw uuids
          { path: "open-calls/new", lazy: async () => ({ Component: (await import("../features/open-call/call-form-page.tsx")).CallFormPage }) },
          { path: "open-calls/:id/edit", lazy: async () => ({ Component: (await import("../features/open-call/call-form-page.tsx")).CallFormPage }) },
          { path: "open-calls/:id/ranking", lazy: async () => ({ Component: (await import("../features/open-call/ranking-page.tsx")).RankingPage }) },
          {
            path: "open-calls/:id/my-application",
            lazy: async () => ({ Component: (await import("../features/open-call/my-application-page.tsx")).MyApplicationPage }),
          },
          { path: "mentoring", lazy: async () => ({ Component: (await import("../features/mentoring/mentoring-page.tsx")).MentoringPage }) },
          {
            path: "mentoring/assign/:applicationId",
            lazy: async () => ({ Component: (await import("../features/mentoring/assign-mentor-page.tsx")).AssignMentorPage }),
          },
          { path: "mentoring/:id", lazy: async () => ({ Component: (await import("../features/mentoring/support-plan-page.tsx")).SupportPlanPage }) },
          { path: "practices", lazy: async () => ({ Component: (await import("../features/practices/practices-page.tsx")).PracticesPage }) },
          { path: "practices/new", lazy: async () => ({ Component: (await import("../features/practices/practice-form-page.tsx")).PracticeFormPage }) },
          {
            path: "practices/from-pilot/:pilotId",
            lazy: async () => ({ Component: (await import("../features/practices/draft-from-pilot.tsx")).PracticeDraftFromPilotPage }),
          },
          { path: "practices/:id", lazy: async () => ({ Component: (await import("../features/practices/practice-page.tsx")).PracticePage }) },
          { path: "practices/:id/edit", lazy: async () => ({ Component: (await import("../features/practices/practice-form-page.tsx")).PracticeFormPage }) },
          // pilot grants (features/grants): the portfolio, the officer's own grant, one grant by raw uuid
          { path: "grants", lazy: async () => ({ Component: (await import("../features/grants/portfolio-page.tsx")).PortfolioPage }) },
          { path: "grants/mine", lazy: async () => ({ Component: (await import("../features/grants/my-grant-page.tsx")).MyGrantPage }) },
          // every table as CSV with a README of its columns (features/exports); the files come from the server's /exports/
          {
            path: "data-exports",
            lazy: async () => ({ Component: (await import("../features/exports/data-exports-page.tsx")).DataExportsPage }),
          },
          { path: "grants/:id", lazy: async () => ({ Component: (await import("../features/grants/grant-page.tsx")).GrantPage }) },
          { path: "*", lazy: async () => ({ Component: (await import("./not-found-page.tsx")).NotFoundPage }) },
        ],
      },
    ],
  },
]);
