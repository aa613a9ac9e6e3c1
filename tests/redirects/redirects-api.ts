import {
  CreateRedirectDocument,
  type CreateRedirectInput,
  ResolveUrlDocument,
  UpdatePostDocument,
} from '../generated/operations';
import { TestServer } from '../helpers/test-server';

/** What the tests of tests/redirects do through the API, failing the test on errors. */
export function redirectsApi(api: TestServer) {
  return {
    /** Sets a post's slug (at the version it is at) and answers the post as it is after. */
    async rename(post: { id: string; version: number }, slug: string, token: string) {
      const response = await api.gql(
        UpdatePostDocument,
        { id: post.id, expectedVersion: post.version, input: { slug } },
        { token },
      );
      if (!response.data?.updatePost) throw new Error(`updatePost failed: ${JSON.stringify(response.errors)}`);
      return response.data.updatePost;
    },

    /** resolveUrl as `token`'s author sees it (anonymous without). */
    async resolve(path: string, token?: string) {
      const response = await api.gql(ResolveUrlDocument, { path }, { token });
      if (!response.data) throw new Error(`resolveUrl failed: ${JSON.stringify(response.errors)}`);
      return response.data.resolveUrl;
    },

    /** Where resolveUrl sends an anonymous reader: `post:<slug>`, `-> <location> (301|302)`, or `404`. */
    async outcome(path: string, token?: string) {
      const { post, redirect } = await this.resolve(path, token);
      if (post) return `post:${post.slug}`;
      if (redirect) return `-> ${redirect.location} (${redirect.permanent ? 301 : 302})`;
      return '404';
    },

    async createRedirect(input: CreateRedirectInput, token: string) {
      const response = await api.gql(CreateRedirectDocument, { input }, { token });
      if (!response.data?.createRedirect) throw new Error(`createRedirect failed: ${JSON.stringify(response.errors)}`);
      return response.data.createRedirect;
    },

    /** Every redirect row, path -> location, for "changes nothing" assertions. */
    async all(): Promise<Record<string, string>> {
      const rows = (await api.db.query('SELECT path, location FROM redirects ORDER BY path')) as Array<{
        path: string;
        location: string;
      }>;
      return Object.fromEntries(rows.map((row) => [row.path, row.location]));
    },
  };
}
