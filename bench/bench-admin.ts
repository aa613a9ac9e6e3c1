/**
 * The administrator the bench's servers are started with (ADMIN_EMAIL/ADMIN_PASSWORD, the
 * bootstrap admin), for runs that need a signed-in member of staff.
 */
const BENCH_ADMIN = { email: 'bench-admin@bench.example', password: 'bench admin password' };

/** The settings that make a Broadsheet process create BENCH_ADMIN at start. */
export const BENCH_ADMIN_ENV = { ADMIN_EMAIL: BENCH_ADMIN.email, ADMIN_PASSWORD: BENCH_ADMIN.password };

/** Signs BENCH_ADMIN in at `graphqlUrl`; the bearer token. */
export async function signInBenchAdmin(graphqlUrl: string): Promise<string> {
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
      variables: BENCH_ADMIN,
    }),
  });
  const body = (await response.json()) as { data?: { login: { token: string } } };
  if (!body.data) throw new Error(`sign-in failed: ${JSON.stringify(body).slice(0, 300)}`);
  return body.data.login.token;
}
