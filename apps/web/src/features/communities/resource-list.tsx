import { useState, type ReactNode } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { useMutation } from "@apollo/client/react";
import { errorText } from "../../app/i18n.tsx";
import { errorCode } from "../../ui/error-code.ts";
import { formatBytes } from "../benchmarks/upload.ts";
import type { CommunityDetail } from "./community-page.tsx";
import { RemoveResourceMutation } from "./operations.ts";

const hidden = (chunks: ReactNode[]) => <span className="visually-hidden">{chunks}</span>;

/** A language code's name in the reader's language, or the code where the browser has none. */
export function languageName(names: Intl.DisplayNames, code: string): string {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Shared guidelines, reports and toolkits: a link or a file each, with its type and language. */
export function ResourceList({ community, onRemoved }: { community: CommunityDetail; onRemoved: (title: string) => void }) {
  const intl = useIntl();
  const languages = new Intl.DisplayNames([intl.locale], { type: "language" });
  const [remove, { loading }] = useMutation(RemoveResourceMutation, { refetchQueries: ["CommunityPage"], awaitRefetchQueries: true });
  const [failure, setFailure] = useState<string>();

  if (community.resources.length === 0)
    return (
      <p className="muted">
        <FormattedMessage id="community.noResources" />
      </p>
    );

  async function onRemove(id: string, title: string) {
    setFailure(undefined);
    try {
      const { data } = await remove({ variables: { input: { resourceId: id } } });
      if (data?.removeCommunityResource.__typename === "MutationRemoveCommunityResourceSuccess") onRemoved(title);
      else setFailure(errorText(intl, "not_found"));
    } catch (error) {
      setFailure(errorText(intl, errorCode(error)));
    }
  }

  return (
    <>
      {failure && (
        <p role="alert" className="field-error">
          {failure}
        </p>
      )}
      <div className="table-scroll" role="region" aria-labelledby="resources-caption" tabIndex={0}>
        <table>
          <caption id="resources-caption">
            <FormattedMessage id="community.resourcesCaption" values={{ count: community.resources.length }} />
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="community.resourceTitle" />
              </th>
              <th scope="col">
                <FormattedMessage id="community.resourceType" />
              </th>
              <th scope="col">
                <FormattedMessage id="community.resourceLanguage" />
              </th>
              <th scope="col">
                <FormattedMessage id="community.resourceAdded" />
              </th>
              {community.viewerCanManage && (
                <th scope="col">
                  <FormattedMessage id="community.actions" />
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {community.resources.map((resource) => (
              <tr key={resource.id}>
                <th scope="row">
                  {resource.url ? (
                    <a href={resource.url} rel="noreferrer" target="_blank" lang={resource.language} dir="auto">
                      {resource.title}
                    </a>
                  ) : resource.attachment ? (
                    <>
                      <a href={resource.attachment.downloadUrl} lang={resource.language} dir="auto">
                        {resource.title}
                      </a>
                      <span className="file-meta">
                        <bdi>{resource.attachment.fileName}</bdi>, {formatBytes(intl.locale, resource.attachment.sizeBytes)}
                      </span>
                    </>
                  ) : (
                    <span dir="auto">{resource.title}</span>
                  )}
                </th>
                <td>
                  <FormattedMessage id={`resourceType.${resource.type}`} />
                </td>
                <td>{languageName(languages, resource.language)}</td>
                <td>
                  <time dateTime={resource.createdAt}>{intl.formatDate(resource.createdAt, { dateStyle: "medium" })}</time>
                </td>
                {community.viewerCanManage && (
                  <td>
                    <button type="button" className="button button-small button-secondary" disabled={loading} onClick={() => void onRemove(resource.id, resource.title)}>
                      <FormattedMessage id="community.removeResource" values={{ title: resource.title, hidden }} />
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
