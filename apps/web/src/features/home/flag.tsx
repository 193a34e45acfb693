import type { ReactNode } from "react";

/**
 * A short marked statement ("Overdue", "Waits for your decision"): an icon AND words, never colour alone.
 * The icon is decoration; the words carry the meaning for everyone.
 */
export function Flag({ tone, children }: { tone: "warning" | "info"; children: ReactNode }) {
  return (
    <span className={`flag flag-${tone}`}>
      {tone === "warning" ? <WarningIcon /> : <InfoIcon />}
      <span>{children}</span>
    </span>
  );
}

function WarningIcon() {
  return (
    <svg className="flag-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d="M8 1.5 15 14.5H1Z" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
      <path d="M8 6v4" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      <circle cx="8" cy="12.3" r="1" fill="currentColor" />
    </svg>
  );
}

function InfoIcon() {
  return (
    <svg className="flag-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path d="M8 7v4.5" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      <circle cx="8" cy="4.8" r="1" fill="currentColor" />
    </svg>
  );
}
