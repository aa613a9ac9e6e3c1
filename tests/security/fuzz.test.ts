import fs from 'node:fs';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import {
  GraphQLArgument,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLSchema,
  buildSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { Role } from '../../src/domain/enums';
import { publishedPost } from '../helpers/posts';
import { TestServer, startTestServer } from '../helpers/test-server';
import { rawGet } from './raw-http';
import { randomFrom } from './seeded-random';

const SEED = 20261130;
const OPERATIONS = 300;

/** What a hostile or careless client puts in each kind of input. */
const b64 = (text: string) => Buffer.from(text).toString('base64url');
const HOSTILE: Record<string, unknown[]> = {
  String: [
    'fuzz',
    'Something to find',
    '',
    'a\u0000b',
    'x'.repeat(20_000),
    '😀'.repeat(300),
    '\ud800lone surrogate',
    "'; DROP TABLE posts; --",
    '<script>alert(1)</script>',
    'javascript:alert(1)',
    '%00%ff',
    ' ',
  ],
  ID: [
    '',
    'not-an-id',
    b64('Post:not-a-uuid'),
    b64('Author:00000000-0000-4000-8000-000000000000'),
    b64('Nope:1'),
    'a\u0000',
  ],
  Cursor: [
    b64(JSON.stringify(['published', '0000-01-01T00:00:00.000Z', '00000000-0000-4000-8000-000000000000'])),
    b64(JSON.stringify(['published', 1e308, 'x'])),
    b64(JSON.stringify(['name', 'a\u0000', '00000000-0000-4000-8000-000000000000'])),
    b64('[[[[[['),
    '!!!',
  ],
  Int: [1, 5, 20, -1, 0, 101, 2_147_483_647, -2_147_483_648],
  Float: [-1, 1e308],
  Boolean: [true, false],
  DateTime: [
    '0000-01-01T00:00:00Z',
    '10000-01-01T00:00:00Z',
    '2020-02-30T00:00:00Z',
    'yesterday',
    '2021-05-24T09:30:00',
  ],
};

/** Every byte percent-encoded, so any text (a lone surrogate included) goes into a URL as UTF-8 would. */
const percentEncoded = (text: string) =>
  [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');

const FEED_ROUTES = ['/feeds/rss.xml', '/feeds/atom.xml', '/feeds/feed.json', '/sitemap.xml', '/sitemap-news.xml'];
const FEED_REQUESTS = 300;
/** What a hostile client puts in a feed's query string: names, and values as they go on the wire. */
const FEED_PARAMETERS = ['tag', 'author', 'tag[]', 'tag[x]', 'author[]', 'page', '', 'a%20b', '%00'];
const RAW_VALUES = ['', '%', '%zz', '%00', '%ff%fe', '%c0%80', '+', '&', '=', 'fuzz', 'FUZZ', '%20fuzz%20', '..%2f..'];
/** Header values a client may send (Node refuses to send control characters and anything past U+00FF). */
const FEED_HEADERS: Record<string, string[]> = {
  host: [
    'a b',
    'x<y>',
    'news.example.com',
    '[::1]:1',
    '[::1',
    'caf\u00e9.example',
    'h'.repeat(300),
    '',
    '..',
    'a:b:c',
    ':80',
    'localhost:0',
  ],
  'x-forwarded-proto': ['http', 'https', 'javascript', 'a b', '', 'HTTPS, http', 'https,javascript', 'ftp'],
  'x-forwarded-host': ['evil.example', 'a b', '<x>'],
  'if-none-match': ['*', 'W/"x"', '"', 'W/'.repeat(100)],
  'if-modified-since': ['yesterday', new Date().toUTCString(), '0', 'Tue, 31 Feb 2099 99:99:99 GMT'],
  'accept-encoding': ['identity', 'gzip', 'br', 'gzip;q=0, *;q=x'],
};

describe('fuzzing every root field with hostile input', () => {
  let api: TestServer;
  let schema: GraphQLSchema;
  let editor: { email: string; token: string };
  beforeAll(async () => {
    api = await startTestServer();
    schema = buildSchema(fs.readFileSync(path.resolve(__dirname, '..', '..', 'schema.graphql'), 'utf8'));
    editor = await api.signUp(Role.EDITOR);
    await publishedPost(api, editor.token, { title: 'Something to find', tags: ['fuzz'] });
  });
  afterAll(() => api.close());

  const dataFingerprint = async () =>
    (
      await api.db
        .query(`SELECT (SELECT count(*) FROM posts) AS posts, (SELECT coalesce(sum(version), 0) FROM posts) AS versions,
        (SELECT count(*) FROM comments) AS comments, (SELECT count(*) FROM related_links) AS links,
        (SELECT count(*) FROM authors) AS authors`)
    )[0] as Record<string, string>;

  it(`${OPERATIONS} seeded operations: no 5xx, no INTERNAL_SERVER_ERROR, and a refused write changes nothing`, async () => {
    const random = randomFrom(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

    const valueFor = (type: GraphQLInputType, name: string, depth: number): unknown => {
      const inner = getNullableType(type) as GraphQLInputType;
      if (!isNonNullType(type) && random() < 0.1) return null;
      if (isListType(inner))
        return Array.from({ length: 1 + Math.floor(random() * 3) }, () => valueFor(inner.ofType, name, depth));
      const named = getNamedType(inner) as GraphQLNamedType;
      if (isEnumType(named)) return random() < 0.8 ? pick(named.getValues()).name : 'NOT_A_VALUE';
      if (isInputObjectType(named)) {
        if (depth > 3) return {};
        return Object.fromEntries(
          Object.values(named.getFields())
            .filter((field) => isNonNullType(field.type) || random() < 0.6)
            .map((field) => [field.name, valueFor(field.type, field.name, depth + 1)]),
        );
      }
      if (isScalarType(named)) {
        const pool = /after|before|cursor/i.test(name) ? HOSTILE.Cursor : (HOSTILE[named.name] ?? HOSTILE.String);
        return pick(pool);
      }
      return null;
    };

    const roots = [schema.getQueryType()!, schema.getMutationType()!].flatMap((type) =>
      Object.values(type.getFields()).map((field) => ({
        kind: type === schema.getQueryType() ? 'query' : 'mutation',
        field,
      })),
    );
    const failures: string[] = [];
    for (let i = 0; i < OPERATIONS; i += 1) {
      const { kind, field } = roots[i % roots.length];
      const args: GraphQLArgument[] = field.args.filter((arg) => isNonNullType(arg.type) || random() < 0.7);
      const variables = Object.fromEntries(args.map((arg) => [arg.name, valueFor(arg.type, arg.name, 0)]));
      const declared = args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
      const passed = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
      const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
      const query = `${kind} Fuzz${i}${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`;
      const token = random() < 0.5 ? editor.token : undefined;

      const before = kind === 'mutation' ? await dataFingerprint() : undefined;
      const response = await api.post(
        JSON.stringify({ query, variables }),
        token ? { authorization: `Bearer ${token}` } : {},
      );
      const text = await response.text();
      const body = JSON.parse(text) as {
        data?: Record<string, unknown> | null;
        errors?: Array<{ extensions?: { code?: string } }>;
      };
      const codes = (body.errors ?? []).map((error) => error.extensions?.code);
      if (
        response.status >= 500 ||
        codes.includes('INTERNAL_SERVER_ERROR') ||
        /at .*\.(ts|js):\d+|QueryFailedError|SELECT /.test(text)
      ) {
        failures.push(
          `${response.status} ${query} ${JSON.stringify(variables).slice(0, 300)} -> ${text.slice(0, 300)}`,
        );
      }
      // The fuzz's own `logout` ends the editor's session: sign in again to go on as them.
      if (field.name === 'logout' && body.data?.logout) {
        editor.token = (await api.server.services.login.login(editor.email, 'correct horse battery', 'fuzz')).token;
      }
      if (before && body.errors?.length && !body.data?.[field.name]) {
        const after = await dataFingerprint();
        if (JSON.stringify(after) !== JSON.stringify(before)) failures.push(`data changed by a refused ${query}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it(`${FEED_REQUESTS} seeded feed and sitemap requests: no 5xx, and every 200 well-formed with http(s) links`, async () => {
    const random = randomFrom(SEED + 1);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const strings = HOSTILE.String as string[];
    const value = () => (random() < 0.5 ? percentEncoded(pick(strings)) : pick(RAW_VALUES));
    const failures: string[] = [];
    for (let i = 0; i < FEED_REQUESTS; i += 1) {
      const route = FEED_ROUTES[i % FEED_ROUTES.length];
      const parameters = Array.from({ length: Math.floor(random() * 3) }, () => `${pick(FEED_PARAMETERS)}=${value()}`);
      const path = parameters.length > 0 ? `${route}?${parameters.join('&')}` : route;
      const headers = Object.fromEntries(
        Object.entries(FEED_HEADERS)
          .filter(() => random() < 0.4)
          .map(([name, values]) => [name, pick(values)]),
      );
      const answer = await rawGet(api.url, path, headers);
      const problem =
        answer.status >= 500
          ? 'a 5xx'
          : /\n\s+at |QueryFailedError|SELECT /.test(answer.body)
            ? 'internals in the body'
            : answer.status !== 200
              ? undefined
              : route.endsWith('.json')
                ? jsonFeedProblem(answer.body)
                : XMLValidator.validate(answer.body) === true
                  ? linkProblem(xmlLinks(answer.body))
                  : 'XML that does not parse';
      if (problem)
        failures.push(
          `${problem}: GET ${path} ${JSON.stringify(headers).slice(0, 300)} -> ${answer.status} ${answer.body.slice(0, 200)}`,
        );
    }
    expect(failures).toEqual([]);
  }, 120_000);
});

/** Links in an answer: absolute, http or https. */
function linkProblem(urls: string[]): string | undefined {
  const isHttp = (url: string) => {
    try {
      return ['http:', 'https:'].includes(new URL(url).protocol);
    } catch {
      return false;
    }
  };
  const bad = urls.find((url) => !isHttp(url));
  return bad === undefined ? undefined : `a link that is not http(s): ${bad}`;
}

/** The links of an RSS, Atom or sitemap document: <link>, <loc> and href="...". */
const xmlLinks = (xml: string) =>
  [...xml.matchAll(/<(?:loc|link)>([^<]*)<|href="([^"]*)"/g)].map((match) => match[1] ?? match[2]);

/** A JSON Feed 1.1 that parses, with http(s) links. */
function jsonFeedProblem(body: string): string | undefined {
  let feed: { version?: string; feed_url?: string; home_page_url?: string; items?: Array<{ url?: string }> };
  try {
    feed = JSON.parse(body) as typeof feed;
  } catch {
    return 'JSON that does not parse';
  }
  if (feed.version !== 'https://jsonfeed.org/version/1.1') return 'not JSON Feed 1.1';
  return linkProblem([feed.feed_url!, feed.home_page_url!, ...(feed.items ?? []).map((item) => item.url!)]);
}
