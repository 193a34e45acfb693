import type { ReactNode } from "react";

/**
 * A polite live region that is always in the page, so what appears in it later ("Invitation sent")
 * is read out. Empty, it takes no space.
 */
export function StatusMessage({ children, tone = "success" }: { children?: ReactNode; tone?: "success" | "info" }) {
  return (
    <div role="status" className={children ? `notice notice-${tone}` : undefined}>
      {children && <p>{children}</p>}
    </div>
  );
}
