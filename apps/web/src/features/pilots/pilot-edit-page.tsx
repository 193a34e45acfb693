import { useRef } from "react";
import { useFieldArray, useForm, type Control } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useNavigate, useParams } from "react-router";
import { useMutation, useQuery } from "@apollo/client/react";
import { z } from "zod";
import { CO_DESIGN_FORMATS, MILESTONE_STATUSES, pilotPlanSchema } from "@citypeer/domain/pilots";
import type { ResultOf } from "../../app/graphql.ts";
import { errorText } from "../../app/i18n.tsx";
import { CheckboxGroupField } from "../../ui/checkbox-group-field.tsx";
import { errorCode } from "../../ui/error-code.ts";
import { Field } from "../../ui/field.tsx";
import { FormErrors } from "../../ui/form-errors.tsx";
import { zodIssueText } from "../../ui/form-issues.ts";
import { PageHeading } from "../../ui/page-heading.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { formatDayRange } from "../reviews/dates.ts";
import { priorityLabel } from "../reviews/labels.ts";
import { globalIdFromParam, pilotPath } from "../reviews/route-id.ts";
import "../reviews/reviews.css";
import { cityLabel, coDesignFormatLabel, contentLanguageOptions, milestoneStatusLabel, targetGroupOptions } from "./labels.ts";
import { CommunityIndicatorsQuery, PilotQuery, UpdatePilotPlanMutation, type PilotDetailsFragment } from "./operations.ts";
import { fieldMatcher, setServerIssuesAt } from "./server-issues.ts";
import { TextAreaField } from "./text-area-field.tsx";

type Pilot = ResultOf<typeof PilotDetailsFragment>;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const isoDay = z.string().refine((v) => ISO_DAY.test(v), { params: { code: "invalid_date" } });

/**
 * The API's plan rule for the plain fields; lists keep what the inputs hold (a count as typed,
 * organisations one per line) and are converted on submit.
 */
const formSchema = pilotPlanSchema.pick({ title: true, problemStatement: true, plannedActivities: true, contentLanguage: true, targetGroups: true }).extend({
  objectives: z.array(z.object({ text: z.string().trim().min(1).max(2000), answersRecommendationId: z.string() })).max(30),
  coDesignActivities: z
    .array(
      z.object({
        date: isoDay,
        format: z.enum(CO_DESIGN_FORMATS),
        description: z.string().max(5000),
        participantCount: z.string().refine((v) => /^\d{1,6}$/.test(v.trim()) && Number(v) <= 100_000, { params: { code: "invalid_count" } }),
        migrantOrganisations: z.string(),
      }),
    )
    .max(100),
  milestones: z.array(z.object({ title: z.string().trim().min(1).max(300), dueDate: isoDay, status: z.enum(MILESTONE_STATUSES) })).max(100),
  indicatorIds: z.array(z.string()),
});
type FormValues = z.input<typeof formSchema>;

const isField = fieldMatcher([
  "title",
  "problemStatement",
  "plannedActivities",
  "contentLanguage",
  "targetGroups",
  "indicatorIds",
  "objectives.\\d+.(text|answersRecommendationId)",
  "coDesignActivities.\\d+.(date|format|description|participantCount|migrantOrganisations)",
  "milestones.\\d+.(title|dueDate|status)",
]);

const organisationsList = (text: string) =>
  text
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);

function defaults(pilot: Pilot): FormValues {
  return {
    title: pilot.title,
    problemStatement: pilot.problemStatement,
    plannedActivities: pilot.plannedActivities,
    contentLanguage: pilot.contentLanguage,
    targetGroups: [...pilot.targetGroups],
    objectives: pilot.objectives.map((o) => ({ text: o.text, answersRecommendationId: o.answersRecommendation?.id ?? "" })),
    coDesignActivities: pilot.coDesignActivities.map((a) => ({
      date: a.date,
      format: a.format,
      description: a.description,
      participantCount: String(a.participantCount),
      migrantOrganisations: a.migrantOrganisations.join("\n"),
    })),
    milestones: pilot.milestones.map((m) => ({ title: m.title, dueDate: m.dueDate, status: m.status })),
    indicatorIds: pilot.indicators.map((i) => i.id),
  };
}

/** `/pilots/:id/edit`: the city's officers edit their pilot's plan. */
export function PilotEditPage() {
  const intl = useIntl();
  const { id = "" } = useParams();
  const { data, error, loading, refetch } = useQuery(PilotQuery, { variables: { id: globalIdFromParam("Pilot", id) }, fetchPolicy: "network-only" });
  const pilot = data?.pilot;
  const heading = intl.formatMessage({ id: "pilotEdit.title" });

  if (error)
    return (
      <>
        <PageHeading>{heading}</PageHeading>
        <QueryError error={error} onRetry={() => void refetch()} />
      </>
    );
  if (loading || !data)
    return (
      <>
        <PageHeading>{heading}</PageHeading>
        <p role="status">
          <FormattedMessage id="app.loading" />
        </p>
      </>
    );
  if (!pilot)
    return (
      <>
        <PageHeading>{intl.formatMessage({ id: "pilot.notFound" })}</PageHeading>
        <Link to="/pilots">
          <FormattedMessage id="pilot.backToList" />
        </Link>
      </>
    );
  if (!pilot.viewerCanEdit)
    return (
      <>
        <PageHeading>{heading}</PageHeading>
        <div role="alert" className="notice notice-error">
          <p>
            <FormattedMessage id="pilotEdit.notAllowed" values={{ city: cityLabel(pilot.organization) }} />
          </p>
        </div>
        <p>
          <Link to={pilotPath(pilot.id)}>
            <FormattedMessage id="pilotEdit.backToPilot" />
          </Link>
        </p>
      </>
    );
  return <PilotPlanForm pilot={pilot} />;
}

function PilotPlanForm({ pilot }: { pilot: Pilot }) {
  const intl = useIntl();
  const navigate = useNavigate();
  const [update] = useMutation(UpdatePilotPlanMutation);
  const indicators = useQuery(CommunityIndicatorsQuery, { variables: { communityId: pilot.community.id } });
  const form = useForm<FormValues, unknown, z.output<typeof formSchema>>({
    resolver: zodResolver(formSchema, { error: (issue) => zodIssueText(intl, issue) }),
    defaultValues: defaults(pilot),
  });
  const { control, formState, setError, watch } = form;
  const lang = watch("contentLanguage");

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const { data } = await update({
        variables: {
          input: {
            pilotId: pilot.id,
            title: values.title,
            problemStatement: values.problemStatement,
            plannedActivities: values.plannedActivities,
            contentLanguage: values.contentLanguage,
            targetGroups: values.targetGroups,
            objectives: values.objectives.map((o) => ({ text: o.text, answersRecommendationId: o.answersRecommendationId || null })),
            coDesignActivities: values.coDesignActivities.map((a) => ({
              date: a.date,
              format: a.format,
              description: a.description,
              participantCount: Number(a.participantCount.trim()),
              migrantOrganisations: organisationsList(a.migrantOrganisations),
            })),
            milestones: values.milestones,
            indicatorIds: values.indicatorIds,
          },
        },
      });
      const result = data?.updatePilotPlan;
      if (result?.__typename === "MutationUpdatePilotPlanSuccess") await navigate(pilotPath(pilot.id), { state: { saved: true } });
      else if (result?.__typename === "InputError") setServerIssuesAt(intl, setError, result.issues, isField);
      else if (result?.__typename === "NotFoundError") setError("root.server", { type: "not_found", message: errorText(intl, "not_found") });
    } catch (error) {
      setError("root.server", { type: "request", message: errorText(intl, errorCode(error)) });
    }
  });

  const framework = indicators.data?.benchmarkFramework;
  const recommendationGroups = pilot.reviews
    .filter((r) => r.recommendations.length > 0)
    .map((r) => ({ label: formatDayRange(intl, r.startsOn, r.endsOn), recommendations: r.recommendations }));

  return (
    <>
      <PageHeading>{intl.formatMessage({ id: "pilotEdit.titleOf" }, { city: cityLabel(pilot.organization) })}</PageHeading>
      <p>
        <FormattedMessage id="pilotEdit.intro" />
      </p>
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="form pilot-form">
        <FormErrors errors={formState.errors} />
        <fieldset className="fieldset">
          <legend>
            <FormattedMessage id="pilotEdit.basics" />
          </legend>
          <SelectField control={control} name="contentLanguage" label={intl.formatMessage({ id: "pilotEdit.contentLanguage" })}>
            {contentLanguageOptions(intl, pilot.contentLanguage).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </SelectField>
          <p className="field-hint">
            <FormattedMessage id="pilotEdit.contentLanguageHint" />
          </p>
          <TextAreaField control={control} name="title" singleLine isRequired lang={lang} label={intl.formatMessage({ id: "pilotEdit.pilotTitle" })} />
          <TextAreaField control={control} name="problemStatement" rows={6} lang={lang} label={intl.formatMessage({ id: "pilot.problemStatement" })} />
          <TextAreaField control={control} name="plannedActivities" rows={6} lang={lang} label={intl.formatMessage({ id: "pilot.plannedActivities" })} />
          <CheckboxGroupField control={control} name="targetGroups" label={intl.formatMessage({ id: "pilot.targetGroups" })} options={targetGroupOptions(intl)} />
        </fieldset>

        <ObjectivesFieldset control={control} lang={lang} recommendationGroups={recommendationGroups} />
        <CoDesignFieldset control={control} lang={lang} />
        <MilestonesFieldset control={control} lang={lang} />

        <fieldset className="fieldset">
          <legend>
            <FormattedMessage id="pilot.indicators" />
          </legend>
          {indicators.error ? (
            <QueryError error={indicators.error} onRetry={() => void indicators.refetch()} />
          ) : indicators.loading ? (
            <p role="status">
              <FormattedMessage id="app.loading" />
            </p>
          ) : !framework ? (
            <p className="muted">
              <FormattedMessage id="pilotEdit.noFramework" />
            </p>
          ) : (
            <div className="choice-column">
              <CheckboxGroupField
                control={control}
                name="indicatorIds"
                label={intl.formatMessage({ id: "pilotEdit.indicatorsLabel" }, { framework: framework.title })}
                options={framework.dimensions.flatMap((d) => d.indicators.map((i) => ({ value: i.id, label: `${i.code} ${i.title}` })))}
              />
            </div>
          )}
        </fieldset>

        <div className="button-row">
          <button type="submit" className="button" disabled={formState.isSubmitting}>
            <FormattedMessage id={formState.isSubmitting ? "password.saving" : "pilotEdit.save"} />
          </button>
          <Link to={pilotPath(pilot.id)} className="button button-secondary">
            <FormattedMessage id="dialog.cancel" />
          </Link>
        </div>
      </form>
    </>
  );
}

type ListProps = { control: Control<FormValues>; lang: string };

/** A list item's remove button names the item ("Remove objective 2"), so it is never ambiguous out of context. */
function RemoveButton({ label, onRemove }: { label: string; onRemove: () => void }) {
  return (
    <div className="item-actions">
      <button type="button" className="button button-small button-secondary" onClick={onRemove}>
        {label}
      </button>
    </div>
  );
}

function ObjectivesFieldset({
  control,
  lang,
  recommendationGroups,
}: ListProps & { recommendationGroups: { label: string; recommendations: { id: string; text: string; priority: "HIGH" | "MEDIUM" | "LOW" }[] }[] }) {
  const intl = useIntl();
  const { fields, append, remove } = useFieldArray({ control, name: "objectives" });
  const addRef = useRef<HTMLButtonElement>(null);
  const shorten = (text: string) => (text.length > 110 ? `${text.slice(0, 107)}…` : text);
  return (
    <fieldset className="fieldset">
      <legend>
        <FormattedMessage id="pilot.objectives" />
      </legend>
      <p className="field-hint">
        <FormattedMessage id="pilotEdit.objectivesHint" />
      </p>
      {fields.length === 0 && (
        <p className="muted">
          <FormattedMessage id="pilot.noObjectives" />
        </p>
      )}
      {fields.map((f, i) => {
        const label = intl.formatMessage({ id: "pilotEdit.objectiveN" }, { n: i + 1 });
        return (
          <fieldset key={f.id} className="list-item">
            <legend>{label}</legend>
            <TextAreaField control={control} name={`objectives.${i}.text`} rows={2} lang={lang} isRequired label={intl.formatMessage({ id: "pilotEdit.objectiveText" })} />
            <SelectField control={control} name={`objectives.${i}.answersRecommendationId`} label={intl.formatMessage({ id: "pilotEdit.answersRecommendation" })}>
              <option value="">{intl.formatMessage({ id: "pilotEdit.noRecommendation" })}</option>
              {recommendationGroups.map((g) => (
                <optgroup key={g.label} label={intl.formatMessage({ id: "pilotEdit.reviewOf" }, { dates: g.label })}>
                  {g.recommendations.map((r) => (
                    <option key={r.id} value={r.id}>
                      {`${priorityLabel(intl, r.priority)}: ${shorten(r.text)}`}
                    </option>
                  ))}
                </optgroup>
              ))}
            </SelectField>
            <RemoveButton
              label={intl.formatMessage({ id: "pilotEdit.remove" }, { item: label })}
              onRemove={() => {
                remove(i);
                addRef.current?.focus();
              }}
            />
          </fieldset>
        );
      })}
      <button ref={addRef} type="button" className="button button-secondary" onClick={() => append({ text: "", answersRecommendationId: "" })}>
        <FormattedMessage id="pilotEdit.addObjective" />
      </button>
    </fieldset>
  );
}

function CoDesignFieldset({ control, lang }: ListProps) {
  const intl = useIntl();
  const { fields, append, remove } = useFieldArray({ control, name: "coDesignActivities" });
  const addRef = useRef<HTMLButtonElement>(null);
  return (
    <fieldset className="fieldset">
      <legend>
        <FormattedMessage id="pilot.coDesign" />
      </legend>
      <p className="field-hint">
        <FormattedMessage id="pilotEdit.coDesignHint" />
      </p>
      {fields.length === 0 && (
        <p className="muted">
          <FormattedMessage id="pilot.noCoDesign" />
        </p>
      )}
      {fields.map((f, i) => {
        const label = intl.formatMessage({ id: "pilotEdit.activityN" }, { n: i + 1 });
        return (
          <fieldset key={f.id} className="list-item">
            <legend>{label}</legend>
            <div className="field-grid">
              <Field control={control} name={`coDesignActivities.${i}.date`} type="date" isRequired label={intl.formatMessage({ id: "pilot.coDesignDate" })} />
              <SelectField control={control} name={`coDesignActivities.${i}.format`} label={intl.formatMessage({ id: "pilot.coDesignFormat" })}>
                {CO_DESIGN_FORMATS.map((format) => (
                  <option key={format} value={format}>
                    {coDesignFormatLabel(intl, format)}
                  </option>
                ))}
              </SelectField>
              <Field
                control={control}
                name={`coDesignActivities.${i}.participantCount`}
                type="number"
                inputMode="numeric"
                isRequired
                label={intl.formatMessage({ id: "pilot.coDesignParticipants" })}
              />
            </div>
            <TextAreaField control={control} name={`coDesignActivities.${i}.description`} rows={2} lang={lang} label={intl.formatMessage({ id: "pilot.coDesignDescription" })} />
            <TextAreaField
              control={control}
              name={`coDesignActivities.${i}.migrantOrganisations`}
              rows={2}
              label={intl.formatMessage({ id: "pilot.coDesignOrganisations" })}
              description={intl.formatMessage({ id: "pilotEdit.onePerLine" })}
            />
            <RemoveButton
              label={intl.formatMessage({ id: "pilotEdit.remove" }, { item: label })}
              onRemove={() => {
                remove(i);
                addRef.current?.focus();
              }}
            />
          </fieldset>
        );
      })}
      <button
        ref={addRef}
        type="button"
        className="button button-secondary"
        onClick={() => append({ date: "", format: "WORKSHOP", description: "", participantCount: "", migrantOrganisations: "" })}
      >
        <FormattedMessage id="pilotEdit.addActivity" />
      </button>
    </fieldset>
  );
}

function MilestonesFieldset({ control, lang }: ListProps) {
  const intl = useIntl();
  const { fields, append, remove } = useFieldArray({ control, name: "milestones" });
  const addRef = useRef<HTMLButtonElement>(null);
  return (
    <fieldset className="fieldset">
      <legend>
        <FormattedMessage id="pilot.milestones" />
      </legend>
      {fields.length === 0 && (
        <p className="muted">
          <FormattedMessage id="pilot.noMilestones" />
        </p>
      )}
      {fields.map((f, i) => {
        const label = intl.formatMessage({ id: "pilotEdit.milestoneN" }, { n: i + 1 });
        return (
          <fieldset key={f.id} className="list-item">
            <legend>{label}</legend>
            <div className="field-grid">
              <TextAreaField control={control} name={`milestones.${i}.title`} singleLine isRequired lang={lang} label={intl.formatMessage({ id: "pilot.milestoneTitle" })} />
              <Field control={control} name={`milestones.${i}.dueDate`} type="date" isRequired label={intl.formatMessage({ id: "pilot.milestoneDue" })} />
              <SelectField control={control} name={`milestones.${i}.status`} label={intl.formatMessage({ id: "pilot.milestoneStatus" })}>
                {MILESTONE_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {milestoneStatusLabel(intl, s)}
                  </option>
                ))}
              </SelectField>
            </div>
            <RemoveButton
              label={intl.formatMessage({ id: "pilotEdit.remove" }, { item: label })}
              onRemove={() => {
                remove(i);
                addRef.current?.focus();
              }}
            />
          </fieldset>
        );
      })}
      <button ref={addRef} type="button" className="button button-secondary" onClick={() => append({ title: "", dueDate: "", status: "PLANNED" })}>
        <FormattedMessage id="pilotEdit.addMilestone" />
      </button>
    </fieldset>
  );
}
