import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { PageHeading } from "../ui/page-heading.tsx";

export function NotFoundPage() {
  const intl = useIntl();
  return (
    <>
      <PageHeading>{intl.formatMessage({ id: "notFound.title" })}</PageHeading>
      <p>
        <FormattedMessage id="notFound.body" />
      </p>
      <p>
        <Link to="/">
          <FormattedMessage id="notFound.home" />
        </Link>
      </p>
    </>
  );
}
