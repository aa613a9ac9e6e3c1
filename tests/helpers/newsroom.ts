import { Config } from '../../src/config';
import { Role } from '../../src/domain/enums';
import { SignedIn, TestServer, TestServerOptions, startTestServer } from './test-server';

/** One person a test file signs in: a role, with the name shown wherever a test reads it back. */
type Staff = Role | { role: Role; name: string };

/** The server and the people a file's tests act as, each signed in under the key it was given. */
export type Newsroom<People extends Record<string, Staff>> = { api: TestServer } & {
  [Key in keyof People]: SignedIn;
};

/**
 * A test server with its staff signed in, for `beforeAll` (and `api.close()` in `afterAll`):
 * `({ api, editor } = await startNewsroom({ editor: Role.EDITOR }))`. Only the people asked for
 * get an account, one after the other in the order given, so a file sees the same authors it
 * would have made itself.
 */
export async function startNewsroom<People extends Record<string, Staff>>(
  people: People,
  overrides: Partial<Config> = {},
  options: TestServerOptions = {},
): Promise<Newsroom<People>> {
  const api = await startTestServer(overrides, options);
  const signedIn: Record<string, SignedIn> = {};
  try {
    for (const [key, staff] of Object.entries(people)) {
      signedIn[key] = typeof staff === 'string' ? await api.signUp(staff) : await api.signUp(staff.role, staff.name);
    }
  } catch (error) {
    // The file's afterAll has no server to close yet: a failed sign-up must not leave one running.
    await api.close();
    throw error;
  }
  return { api, ...signedIn } as Newsroom<People>;
}
