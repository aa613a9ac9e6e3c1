import { CreatePostDocument, CreatePostInput, PublishPostDocument } from '../generated/operations';
import { TestServer } from './test-server';

let postCounter = 0;

/** Creates a draft through the API and returns what the client got back; fails the test on errors. */
export async function draftPost(api: TestServer, token: string, input: Partial<CreatePostInput> = {}) {
  postCounter += 1;
  const response = await api.gql(
    CreatePostDocument,
    { input: { title: `Story number ${postCounter}`, body: `<p>Body of story ${postCounter}.</p>`, ...input } },
    { token },
  );
  if (!response.data?.createPost) throw new Error(`createPost failed: ${JSON.stringify(response.errors)}`);
  return response.data.createPost;
}

/** Creates and publishes a post (now, or at `publishAt`). */
export async function publishedPost(
  api: TestServer,
  token: string,
  input: Partial<CreatePostInput> = {},
  publishAt?: string,
) {
  const draft = await draftPost(api, token, input);
  const response = await api.gql(PublishPostDocument, { id: draft.id, publishAt }, { token });
  if (!response.data?.publishPost) throw new Error(`publishPost failed: ${JSON.stringify(response.errors)}`);
  return response.data.publishPost;
}
