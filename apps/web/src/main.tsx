import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { ApolloProvider } from "@apollo/client/react";
import { RouterProvider } from "react-router/dom";
import { createApolloClient } from "./app/apollo.ts";
import { I18nProvider } from "./app/i18n.tsx";
import { router } from "./app/router.tsx";
import "./styles.css";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <ApolloProvider client={createApolloClient()}>
      <I18nProvider>
        <RouterProvider router={router} />
      </I18nProvider>
    </ApolloProvider>
  </StrictMode>,
);
