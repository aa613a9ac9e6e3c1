import { print } from 'graphql';
import { Role } from '../../src/domain/enums';
import { PreviewPostDocument, RevokePreviewLinksDocument, TagsDocument } from '../generated/operations';
import { startNewsroom } from '../helpers/newsroom';
import { draftPost, publishedPost } from '../helpers/posts';
import { previewLink } from '../helpers/previews';
import { SignedIn, TestServer } from '../helpers/test-server';

let api: TestServer;
let owner: SignedIn;
beforeAll(async () => {
  ({ api, owner } = await startNewsroom({ owner: Role.AUTHOR }));
  await publishedPost(api, owner.token, { tags: ['harbour'] });
});
afterAll(() => api.close());

const PREVIEW = print(PreviewPostDocument);

/** A query over GET, as a browser or a CDN sends it. */
const get = (query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) =>
  fetch(`${api.url}?${new URLSearchParams({ query, variables: JSON.stringify(variables) })}`, { headers });
/** The same over POST. */
const post = (query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) =>
  fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });

/** The headers that decide what caches and search engines do with an answer. */
function cachingOf(answer: Response) {
  return {
    cacheControl: answer.headers.get('cache-control'),
    robots: answer.headers.get('x-robots-tag'),
    surrogateKey: answer.headers.get('surrogate-key'),
    cacheTag: answer.headers.get('cache-tag'),
    responseCache: answer.headers.get('x-broadsheet-cache'),
  };
}
const PRIVATE_NOINDEX = {
  cacheControl: 'private, no-store',
  robots: 'noindex',
  surrogateKey: null,
  cacheTag: null,
  responseCache: null,
};

describe('preview answers are private, noindex, never cached and never tagged', () => {
  it('over GET and POST, anonymous: twice the same request is answered afresh each time', async () => {
    const { token } = await previewLink(api, owner.token, (await draftPost(api, owner.token)).id);
    for (const send of [get, post]) {
      for (let i = 0; i < 2; i += 1) {
        const answer = await send(PREVIEW, { token });
        expect(cachingOf(answer)).toEqual(PRIVATE_NOINDEX);
        expect(((await answer.json()) as { data: { previewPost: unknown } }).data.previewPost).not.toBeNull();
      }
    }
  });

  it('an answer seen before is not served once the link is revoked (no cache kept it)', async () => {
    const draft = await draftPost(api, owner.token);
    const { token } = await previewLink(api, owner.token, draft.id);
    expect(
      ((await (await get(PREVIEW, { token })).json()) as { data: { previewPost: unknown } }).data.previewPost,
    ).not.toBeNull();
    await api.gql(RevokePreviewLinksDocument, { postId: draft.id }, { token: owner.token });
    const after = await get(PREVIEW, { token });
    expect(cachingOf(after)).toEqual(PRIVATE_NOINDEX);
    expect(((await after.json()) as { data: { previewPost: unknown } }).data.previewPost).toBeNull();
  });

  it('with a bad token, signed in, or asked for under an alias inside a fragment: the same', async () => {
    const { token } = await previewLink(api, owner.token, (await draftPost(api, owner.token)).id);
    const hidden = `query Hidden($t: String!) { ...F } fragment F on Query { page: previewPost(token: $t) { id } tags { tag } }`;
    const answers = [
      await get(PREVIEW, { token: `bsp_${'A'.repeat(43)}` }),
      await post(PREVIEW, { token }, { authorization: `Bearer ${owner.token}` }),
      await get(hidden, { t: token }),
      await post(hidden, { t: token }),
    ];
    for (const answer of answers) expect(cachingOf(answer)).toEqual(PRIVATE_NOINDEX);
  });

  it('answers that do not ask for a preview carry no X-Robots-Tag and stay public', async () => {
    const answer = await get(print(TagsDocument), {});
    expect(answer.headers.get('x-robots-tag')).toBeNull();
    expect(answer.headers.get('cache-control')).toMatch(/^public/);
  });
});
