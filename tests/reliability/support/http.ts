/** A GraphQL client over real HTTP, keeping the session cookie like a browser (one per person). */
export type GqlResponse<T = any> = { status: number; body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] } };

export class HttpClient {
  cookie: string | undefined;

  constructor(cookie?: string) {
    this.cookie = cookie;
  }

  /**
   * POSTs one operation to `baseUrl`/graphql. Never waits longer than `timeoutMs`: a request that does not
   * answer in time rejects with a TimeoutError, which the fault tests count as a hang.
   */
  async gql<T = any>(baseUrl: string, query: string, variables?: Record<string, unknown>, timeoutMs = 15_000): Promise<GqlResponse<T>> {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-graphql-yoga-csrf": "1",
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const [name, value] = pair!.split("=");
      if (name === "citypeer_session") this.cookie = value ? `${name}=${value}` : undefined;
    }
    const text = await response.text();
    let body: GqlResponse<T>["body"];
    try {
      body = JSON.parse(text);
    } catch {
      body = { errors: [{ message: `not JSON (${response.status}): ${text.slice(0, 200)}` }] };
    }
    return { status: response.status, body };
  }
}

export const SIGN_IN = /* GraphQL */ `
  mutation ($input: SignInInput!) {
    signIn(input: $input) {
      __typename
      ... on MutationSignInSuccess { data { id email } }
      ... on InputError { issues { path code } }
      ... on TooManyAttemptsError { retryAfterSeconds }
    }
  }
`;
export const ME = /* GraphQL */ `query { me { id email } }`;
export const SIGN_OUT = /* GraphQL */ `mutation { signOut }`;

export async function signIn(baseUrl: string, email: string, password = "citypeer-demo"): Promise<HttpClient> {
  const client = new HttpClient();
  const res = await client.gql(baseUrl, SIGN_IN, { input: { email, password } });
  if (res.body.data?.signIn.__typename !== "MutationSignInSuccess") throw new Error(`sign-in of ${email} failed: ${JSON.stringify(res.body)}`);
  return client;
}
