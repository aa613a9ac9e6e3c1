import { normalizeTag } from '../../src/domain/tag';
import {
  ImportedAuthorsDocument,
  ImportedModerationDocument,
  ImportedPostsByStatusDocument,
  ImportedThreadDocument,
  OldUrlDocument,
  RedirectsDocument,
} from '../generated/operations';
import { GraphQLResponse, TestServer } from '../helpers/test-server';
import { Fixture, FixtureEntry, fixtureEntries, pathOf, titleAsKept } from './fixture-entries';
import { ReportLine } from './import-cli';

/**
 * What tests/import/import-fixtures.test.ts checks of an import, read back through the API of
 * a server on the database the CLI wrote (`api`, as the staff member whose `token` is given)
 * against what the fixture itself says (fixture-entries.ts).
 */

/** The data of an answer, or the test fails with its errors. */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (!response.data) throw new Error(JSON.stringify(response.errors));
  return response.data;
}

/** Everything staff can read of what imports wrote, to compare whole before and after a re-import. */
export async function whatStaffSee(api: TestServer, token: string, oldUrls: string[] = []) {
  const as = { token };
  const posts = [];
  for (const status of ['PUBLISHED', 'SCHEDULED', 'DRAFT'] as const) {
    const page = dataOf(await api.gql(ImportedPostsByStatusDocument, { status }, as)).posts;
    expect(page.totalCount).toBe(page.nodes.length);
    posts.push(...page.nodes);
  }
  const comments = [];
  for (const status of ['APPROVED', 'PENDING', 'SPAM', 'REJECTED'] as const) {
    comments.push(...dataOf(await api.gql(ImportedModerationDocument, { status }, as)).moderationQueue.nodes);
  }
  const threads = [];
  for (const post of posts) threads.push(dataOf(await api.gql(ImportedThreadDocument, { id: post.id }, as)).post);
  const resolutions = [];
  for (const url of oldUrls) resolutions.push(dataOf(await api.gql(OldUrlDocument, { path: pathOf(url) }, as)));
  return {
    posts,
    comments,
    threads,
    authors: dataOf(await api.gql(ImportedAuthorsDocument, {}, as)).authors.nodes,
    redirects: dataOf(await api.gql(RedirectsDocument, { first: 100 }, as)).redirects,
    resolutions,
  };
}
export type Seen = Awaited<ReturnType<typeof whatStaffSee>>;

/** Whether the report names `entry`: by its id, its first line, or a break in the XML inside it or before it. */
function named(entry: FixtureEntry, report: ReportLine[]): boolean {
  return report.some(
    (line) =>
      (line.id !== null && line.id === entry.id) ||
      line.line === entry.from ||
      (line.line !== null && /breaks off/.test(line.reason) && line.line < entry.to),
  );
}

/** Our status for what the export says: private posts become drafts (README). */
const STATUS = { live: 'PUBLISHED', scheduled: 'SCHEDULED', draft: 'DRAFT', private: 'DRAFT' } as const;

/** The post entries of `fixture` an import brings: not in the trash, not named in its report. */
const postsBrought = (fixture: Fixture, report: ReportLine[]) =>
  fixtureEntries(fixture).filter((entry) => entry.type === 'post' && entry.state !== 'trash' && !named(entry, report));

/** That every post of `fixture` not named in its report came over as the export has it; answers how many. */
export function expectPostsCameOver(fixture: Fixture, seen: Seen, report: ReportLine[]): number {
  const brought = postsBrought(fixture, report);
  for (const entry of brought) {
    const post = seen.posts.find((candidate) => candidate.title === titleAsKept(entry.title));
    expect({ title: entry.title, found: post !== undefined }).toEqual({ title: entry.title, found: true });
    expect(post!.status).toBe(STATUS[entry.state as keyof typeof STATUS]);
    expect(post!.tags).toEqual([...new Set(entry.tags.map(normalizeTag))]);
    expect(post!.body).not.toMatch(/<script|<iframe|\son\w+=|javascript:/i);
    expect(post!.body.length).toBeGreaterThan(0);
  }
  return brought.length;
}

/** That every entry of `fixture` but posts and comments (and posts in the trash) is named in its report. */
export function expectEveryOtherEntryNamed(fixture: Fixture, report: ReportLine[]): void {
  // Blogger's settings entries are named together, by the first one's line.
  const others = fixtureEntries(fixture).filter((entry) =>
    entry.type === 'post' ? entry.state === 'trash' : entry.type !== 'comment' && entry.type !== 'settings',
  );
  for (const entry of others) {
    expect({ fixture: fixture.name, line: entry.from, named: named(entry, report) }).toEqual({
      fixture: fixture.name,
      line: entry.from,
      named: true,
    });
  }
}

/**
 * That resolveUrl of every old URL of `fixture` answers as a reader following it needs: a post
 * readers saw (or will see: scheduled) and that came over leads to it by a permanent IMPORT
 * redirect; its comments' links (the post's path with a query and a fragment) too; anything else
 * (a page, an attachment, a draft's preview link, a post in the trash or left out as malformed)
 * resolves to nothing. Answers how many led to a post.
 */
export async function expectEveryOldUrlResolves(
  api: TestServer,
  token: string,
  fixture: Fixture,
  report: ReportLine[],
): Promise<number> {
  const entries = fixtureEntries(fixture).filter((entry) => entry.url !== null);
  const leadsToPost = (entry: FixtureEntry) =>
    entry.type === 'post' && (entry.state === 'live' || entry.state === 'scheduled') && !named(entry, report);
  const pathname = (url: string) => pathOf(url).replace(/[?#].*$/, '');
  let redirects = 0;
  for (const entry of entries) {
    const owner =
      entry.type === 'comment'
        ? entries.find((other) => other.type === 'post' && pathname(other.url!) === pathname(entry.url!))
        : entry;
    const answer = dataOf(await api.gql(OldUrlDocument, { path: pathOf(entry.url!) }, { token })).resolveUrl;
    if (owner && leadsToPost(owner)) {
      redirects += 1;
      expect({ url: entry.url, redirect: answer.redirect }).toEqual({
        url: entry.url,
        redirect: {
          path: expect.any(String),
          location: `/posts/${answer.redirect?.post?.slug}`,
          permanent: true,
          source: 'IMPORT',
          post: expect.objectContaining({ title: titleAsKept(owner.title) }),
        },
      });
    } else {
      expect({ url: entry.url, answer }).toEqual({ url: entry.url, answer: { post: null, redirect: null } });
    }
  }
  return redirects;
}
