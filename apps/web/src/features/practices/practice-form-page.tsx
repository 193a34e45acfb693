import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useNavigate, useParams } from "react-router";
import { useMutation, useQuery } from "@apollo/client/react";
import { z } from "zod";
import { FIELDS_OF_INTERVENTION } from "@citypeer/domain/practices";
import { TARGET_GROUPS } from "@citypeer/domain/pilots";
import { errorText, type MessageId } from "../../app/i18n.tsx";
import type { ResultOf } from "../../app/graphql.ts";
import { CheckboxGroupField } from "../../ui/checkbox-group-field.tsx";
import { errorCode } from "../../ui/error-code.ts";
import { Field } from "../../ui/field.tsx";
import { FormErrors } from "../../ui/form-errors.tsx";
import { zodIssueText } from "../../ui/form-issues.ts";
import { PageHeading } from "../../ui/page-heading.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { useViewer } from "../identity/use-viewer.ts";
import { nodeId, practicePath } from "../open-call/ids.ts";
import { COUNTRIES, WORKING_LANGUAGES, countryName, languageName, sortedOptions } from "../open-call/labels.ts";
import { fieldMatcher, setServerIssuesAt } from "../open-call/server-issues.ts";
import { TextAreaField } from "../open-call/text-area-field.tsx";
import { fieldOptions, targetGroupOptions } from "./labels.ts";
import { CreatePracticeProfileMutation, PracticeOptionsQuery, PracticeProfileQuery, UpdatePracticeProfileMutation } from "./operations.ts";
import "../open-call/open-call.css";

const text = (max: number) => z.string().trim().max(max);
// The API's rules (practiceProfileSchema) as the form holds them: the year as typed text, ids as global IDs.
const formSchema = z.object({
  organizationId: z.string(),
  communityId: z.string(),
  language: z.string().min(1),
  networkName: z.string().trim().min(1).max(300),
  yearFounded: z.string().refine((v) => v.trim() === "" || (/^\d{4}$/.test(v.trim()) && Number(v) >= 1800 && Number(v) <= 2100), { params: { code: "invalid_year" } }),
  place: text(300),
  country: z.string().refine((v) => /^[A-Z]{2}$/.test(v), { params: { code: "choose_country" } }),
  coordination: text(2000),
  cooperationAgreement: text(2000),
  members: text(5000),
  fieldsOfIntervention: z.array(z.enum(FIELDS_OF_INTERVENTION)),
  targetGroups: z.array(z.enum(TARGET_GROUPS)),
  networkType: text(500),
  description: text(20_000),
  resources: text(20_000),
  internalFacilitation: text(20_000),
  externalCommunication: text(20_000),
  successFactors: text(20_000),
  challenges: text(20_000),
  evaluation: text(20_000),
  sustainability: text(20_000),
  impact: text(20_000),
  innovation: text(20_000),
  transferability: text(20_000),
  website: z.string().trim().refine((v) => v === "" || /^https?:\/\/[^\s/]+\.[^\s]+$/.test(v), { params: { code: "invalid_url" } }),
  contact: text(1000),
});
type FormValues = z.input<typeof formSchema>;
type FieldName = keyof FormValues;
const LONG_TEXTS = {
  2: ["description", "resources", "internalFacilitation", "externalCommunication"],
  3: ["successFactors", "challenges", "evaluation", "sustainability", "impact", "innovation", "transferability"],
} as const;
const isField = fieldMatcher(Object.keys(formSchema.shape));

type Practice = NonNullable<ResultOf<typeof PracticeProfileQuery>["practiceProfile"]>;

/** `/practices/new` and `/practices/:id/edit`: the profile form for the project team and the owning city's officers. */
export function PracticeFormPage() {
  const intl = useIntl();
  const param = useParams().id;
  const id = param ? nodeId("PracticeProfile", param) : null;
  const practice = useQuery(PracticeProfileQuery, { variables: { id: id ?? "" }, skip: !id, fetchPolicy: "network-only" });
  const options = useQuery(PracticeOptionsQuery);
  const error = practice.error ?? options.error;
  const title = intl.formatMessage({ id: id ? "practiceForm.editTitle" : "practiceForm.createTitle" });

  if (error)
    return (
      <>
        <PageHeading>{title}</PageHeading>
        <QueryError error={error} onRetry={() => void (practice.refetch(), options.refetch())} />
      </>
    );
  if (!options.data || (id && !practice.data))
    return (
      <p role="status">
        <FormattedMessage id="app.loading" />
      </p>
    );
  const existing = practice.data?.practiceProfile ?? null;
  if (id && (!existing || !existing.viewerCanEdit))
    return (
      <>
        <PageHeading>{intl.formatMessage({ id: "practice.notFound" })}</PageHeading>
        <Link to="/practices">
          <FormattedMessage id="practice.backToLibrary" />
        </Link>
      </>
    );
  return (
    <div className="narrow">
      <PageHeading>{title}</PageHeading>
      <PracticeForm practice={existing} options={options.data} />
    </div>
  );
}

function PracticeForm({ practice, options }: { practice: Practice | null; options: ResultOf<typeof PracticeOptionsQuery> }) {
  const intl = useIntl();
  const navigate = useNavigate();
  const { viewer } = useViewer();
  const isManager = !!viewer?.roles.includes("PROJECT_MANAGER");
  const [create] = useMutation(CreatePracticeProfileMutation, { refetchQueries: ["PracticeDrafts"] });
  const [update] = useMutation(UpdatePracticeProfileMutation, { refetchQueries: ["PracticeDrafts"] });
  const ownCity = viewer?.organization?.id ?? "";
  const cities = options.organizations.filter((o) => o.kind !== "PARTNER_NETWORK" || o.id === practice?.city?.id);
  const form = useForm<FormValues>({
    resolver: zodResolver(formSchema, { error: (issue) => zodIssueText(intl, issue) }),
    defaultValues: practice
      ? {
          organizationId: practice.city?.id ?? "",
          communityId: practice.community?.id ?? "",
          language: practice.language,
          networkName: practice.networkName,
          yearFounded: practice.yearFounded ? String(practice.yearFounded) : "",
          place: practice.place,
          country: practice.country,
          coordination: practice.coordination,
          cooperationAgreement: practice.cooperationAgreement,
          members: practice.members,
          fieldsOfIntervention: [...practice.fieldsOfIntervention],
          targetGroups: [...practice.targetGroups],
          networkType: practice.networkType,
          description: practice.description,
          resources: practice.resources,
          internalFacilitation: practice.internalFacilitation,
          externalCommunication: practice.externalCommunication,
          successFactors: practice.successFactors,
          challenges: practice.challenges,
          evaluation: practice.evaluation,
          sustainability: practice.sustainability,
          impact: practice.impact,
          innovation: practice.innovation,
          transferability: practice.transferability,
          website: practice.website ?? "",
          contact: practice.contact,
        }
      : {
          organizationId: isManager ? "" : ownCity,
          communityId: "",
          language: intl.locale,
          networkName: "",
          yearFounded: "",
          place: "",
          country: "",
          coordination: "",
          cooperationAgreement: "",
          members: "",
          fieldsOfIntervention: [],
          targetGroups: [],
          networkType: "",
          description: "",
          resources: "",
          internalFacilitation: "",
          externalCommunication: "",
          successFactors: "",
          challenges: "",
          evaluation: "",
          sustainability: "",
          impact: "",
          innovation: "",
          transferability: "",
          website: "",
          contact: "",
        },
  });
  const { control, formState, setError } = form;
  const label = (name: FieldName) => intl.formatMessage({ id: `practiceField.${name}` as MessageId });

  const onSubmit = form.handleSubmit(async (v) => {
    const input = {
      ...v,
      organizationId: v.organizationId || null,
      communityId: v.communityId || null,
      pilotId: practice?.pilot?.id ?? null,
      yearFounded: v.yearFounded.trim() ? Number(v.yearFounded) : null,
      website: v.website.trim() || null,
    };
    try {
      if (practice) {
        const r = (await update({ variables: { input: { ...input, practiceId: practice.id } } })).data?.updatePracticeProfile;
        if (r?.__typename === "MutationUpdatePracticeProfileSuccess")
          return void navigate(practicePath(r.data.id), { state: { notice: intl.formatMessage({ id: "practiceForm.saved" }) } });
        if (r?.__typename === "InputError") return setServerIssuesAt(intl, setError, r.issues, isField);
        return setError("root.server", { type: "not_found", message: errorText(intl, "not_found") });
      }
      const r = (await create({ variables: { input } })).data?.createPracticeProfile;
      if (r?.__typename === "MutationCreatePracticeProfileSuccess")
        return void navigate(practicePath(r.data.id), { state: { notice: intl.formatMessage({ id: "practiceForm.created" }) } });
      if (r?.__typename === "InputError") setServerIssuesAt(intl, setError, r.issues, isField);
    } catch (e) {
      setError("root.server", { type: "request", message: errorText(intl, errorCode(e)) });
    }
  });

  const languages = sortedOptions(intl, [...new Set([...WORKING_LANGUAGES, practice?.language ?? "en"])], languageName);

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="form">
      <FormErrors errors={formState.errors} />
      <fieldset className="oc-fieldset">
        <legend>
          <FormattedMessage id="practice.section1" values={{ n: 1 }} />
        </legend>
        <Field control={control} name="networkName" isRequired label={label("networkName")} />
        {isManager ? (
          <SelectField control={control} name="organizationId" label={label("organizationId")}>
            <option value="">{intl.formatMessage({ id: "practiceForm.noCity" })}</option>
            {cities.map((o) => (
              <option key={o.id} value={o.id}>
                {o.cityName ?? o.name}
              </option>
            ))}
          </SelectField>
        ) : (
          <p>
            <FormattedMessage id="practiceForm.ownCity" values={{ city: <bdi>{viewer?.organization?.name ?? ""}</bdi> }} />
          </p>
        )}
        <SelectField control={control} name="communityId" label={label("communityId")}>
          <option value="">{intl.formatMessage({ id: "practiceForm.noCommunity" })}</option>
          {options.communities.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <SelectField control={control} name="language" label={label("language")}>
          {languages.map((l) => (
            <option key={l.value} value={l.value}>
              {l.label}
            </option>
          ))}
        </SelectField>
        <Field control={control} name="yearFounded" inputMode="numeric" label={label("yearFounded")} />
        <Field control={control} name="place" label={label("place")} description={intl.formatMessage({ id: "practiceForm.requiredToPublish" })} />
        <SelectField control={control} name="country" label={label("country")}>
          <option value="">{intl.formatMessage({ id: "apply.chooseCountry" })}</option>
          {sortedOptions(intl, [...new Set([...COUNTRIES, practice?.country ?? "DE"])], countryName).map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </SelectField>
        <TextAreaField control={control} name="coordination" rows={2} label={label("coordination")} />
        <TextAreaField control={control} name="cooperationAgreement" rows={2} label={label("cooperationAgreement")} />
        <TextAreaField control={control} name="members" rows={3} label={label("members")} />
        <CheckboxGroupField control={control} name="fieldsOfIntervention" label={label("fieldsOfIntervention")} options={fieldOptions(intl)} />
        <CheckboxGroupField control={control} name="targetGroups" label={label("targetGroups")} options={targetGroupOptions(intl)} />
        <Field control={control} name="networkType" label={label("networkType")} />
      </fieldset>
      {([2, 3] as const).map((n) => (
        <fieldset key={n} className="oc-fieldset">
          <legend>
            <FormattedMessage id={n === 2 ? "practice.section2" : "practice.section3"} values={{ n }} />
          </legend>
          {LONG_TEXTS[n].map((name) => (
            <TextAreaField
              key={name}
              control={control}
              name={name}
              rows={name === "description" ? 6 : 4}
              label={label(name)}
              description={name === "description" ? intl.formatMessage({ id: "practiceForm.requiredToPublish" }) : undefined}
            />
          ))}
        </fieldset>
      ))}
      <fieldset className="oc-fieldset">
        <legend>
          <FormattedMessage id="practice.section4" values={{ n: 4 }} />
        </legend>
        <Field control={control} name="website" type="url" label={label("website")} />
        <TextAreaField control={control} name="contact" rows={2} label={label("contact")} />
      </fieldset>
      <div className="form-footer">
        <button type="submit" className="button" disabled={formState.isSubmitting}>
          <FormattedMessage id={practice ? "practiceForm.save" : "practiceForm.create"} />
        </button>
        <Link to={practice ? practicePath(practice.id) : "/practices"} className="button button-secondary">
          <FormattedMessage id="dialog.cancel" />
        </Link>
      </div>
    </form>
  );
}
