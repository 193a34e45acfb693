import { useId, type ReactNode } from "react";

/** One role's part of the start page: a labelled region, so screen-reader users jump between them. */
export function DashboardSection({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="dashboard-section">
      <h2 id={headingId}>{title}</h2>
      {intro && <p className="muted">{intro}</p>}
      <div className="dashboard-parts">{children}</div>
    </section>
  );
}

/** A block inside a section, under its own heading. */
export function DashboardPart({ title, children, wide = false }: { title: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "dashboard-part dashboard-part-wide" : "dashboard-part"}>
      <h3>{title}</h3>
      {children}
    </div>
  );
}

/** What an empty list means, and the way forward (a link to where the work starts). */
export function EmptyState({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="dashboard-empty">
      <p>{children}</p>
      {action && <p>{action}</p>}
    </div>
  );
}
