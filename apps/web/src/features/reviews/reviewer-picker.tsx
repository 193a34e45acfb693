import { useEffect, useRef } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Checkbox, CheckboxGroup, FieldError, Label, Text } from "react-aria-components";
import { MAX_REVIEWERS, MIN_REVIEWERS } from "@citypeer/domain/reviews";
import { reasonText } from "./labels.ts";

export type PickerReviewer = {
  id: string;
  name: string;
  city?: string | null;
  rank?: number;
  reasons?: readonly { code: string; value: string }[];
  /** Shown with the reviewer, e.g. "already on the team". */
  note?: string;
};

type ReviewerPickerProps = {
  reviewers: readonly PickerReviewer[];
  value: readonly string[];
  onChange: (ids: string[]) => void;
  /** Refusals from the server per reviewer id, in words ("Milan Reviewer is booked on another review then"). */
  refusals?: ReadonlyMap<string, readonly string[]>;
  /** The whole group's error (too few or too many chosen). */
  error?: string;
  label?: string;
  /** Receives the first checkbox, so a form can focus the group when it is invalid. */
  inputRef?: (el: HTMLInputElement | null) => void;
  idPrefix: string;
};

/**
 * Reviewers as checkboxes, ranked, each with the reasons of its rank in words; a refusal from the
 * server appears under the person it concerns and is part of their checkbox's description, so a
 * screen reader hears "Milan Reviewer, checked, … is already booked on another review then".
 */
export function ReviewerPicker({ reviewers, value, onChange, refusals, error, label, inputRef, idPrefix }: ReviewerPickerProps) {
  const intl = useIntl();
  const listRef = useRef<HTMLUListElement>(null);
  // a new refusal moves focus to the first person it concerns, whose checkbox now describes the conflict
  useEffect(() => {
    if (refusals && refusals.size > 0) listRef.current?.querySelector<HTMLInputElement>(".reviewer-refused input")?.focus();
  }, [refusals]);
  return (
    <CheckboxGroup className="field reviewer-picker" value={[...value]} onChange={onChange} isInvalid={!!error} validationBehavior="aria">
      <Label className="field-label">{label ?? intl.formatMessage({ id: "schedule.reviewers" })}</Label>
      <Text slot="description" className="field-hint">
        <FormattedMessage id="schedule.reviewersHint" values={{ min: MIN_REVIEWERS, max: MAX_REVIEWERS, chosen: value.length }} />
      </Text>
      <ul className="reviewer-options" ref={listRef}>
        {reviewers.map((r, i) => {
          const refused = refusals?.get(r.id) ?? [];
          const detailId = `${idPrefix}-${i}-detail`;
          const refusalId = `${idPrefix}-${i}-refusal`;
          return (
            <li key={r.id} className={refused.length ? "reviewer-option reviewer-refused" : "reviewer-option"}>
              <Checkbox
                value={r.id}
                className="choice"
                inputRef={i === 0 ? inputRef : undefined}
                aria-describedby={[detailId, refused.length ? refusalId : ""].filter(Boolean).join(" ")}
              >
                <span className="choice-box" aria-hidden="true" />
                <span className="reviewer-name">
                  <bdi>{r.name}</bdi>
                  {r.city && (
                    <>
                      {" "}
                      <span className="muted">
                        (<bdi>{r.city}</bdi>)
                      </span>
                    </>
                  )}
                </span>
              </Checkbox>
              <div id={detailId} className="reviewer-detail">
                {r.rank != null && (
                  <span className="rank">
                    <FormattedMessage id="schedule.rank" values={{ rank: r.rank }} />
                  </span>
                )}
                {r.note && <span className="rank">{r.note}</span>}
                {r.reasons && r.reasons.length > 0 && (
                  <ul className="reason-list">
                    {r.reasons.map((reason) => (
                      <li key={reason.code}>{reasonText(intl, reason)}</li>
                    ))}
                  </ul>
                )}
              </div>
              {refused.length > 0 && (
                <div id={refusalId} className="field-error reviewer-refusal">
                  {refused.map((message) => (
                    <p key={message}>{message}</p>
                  ))}
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <FieldError className="field-error">{error}</FieldError>
    </CheckboxGroup>
  );
}

/** A refusal in the reader's language, naming the reviewer; the server's English message for codes this version does not know. */
export function refusalText(intl: ReturnType<typeof useIntl>, code: string, name: string, fallback: string): string {
  switch (code) {
    case "same_city":
    case "overlapping_review":
    case "not_a_reviewer":
    case "not_found":
      return intl.formatMessage({ id: `refusal.${code}` }, { name });
    default:
      return fallback;
  }
}
