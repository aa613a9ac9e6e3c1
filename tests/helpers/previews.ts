import { createHash } from 'node:crypto';
import { CreatePreviewLinkDocument, CreatePreviewLinkMutationVariables } from '../generated/operations';
import { TestServer } from './test-server';

/** Makes a preview link through the API as `token`'s author; fails the test on errors. */
export async function previewLink(
  api: TestServer,
  token: string,
  postId: string,
  options: Omit<CreatePreviewLinkMutationVariables, 'postId'> = {},
) {
  const response = await api.gql(CreatePreviewLinkDocument, { postId, ...options }, { token });
  if (!response.data?.createPreviewLink)
    throw new Error(`createPreviewLink failed: ${JSON.stringify(response.errors)}`);
  return response.data.createPreviewLink;
}

/** The rows preview_links holds for a post (by its API id), read straight from the database. */
export async function previewRowsOf(api: TestServer, postId: string): Promise<number> {
  const uuid = Buffer.from(postId, 'base64url').toString('utf8').split(':')[1];
  const [{ n }] = (await api.db.query('SELECT count(*)::int AS n FROM preview_links WHERE post_id = $1', [uuid])) as [
    { n: number },
  ];
  return n;
}

/** What the server keeps of a token: its SHA-256. */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest();
