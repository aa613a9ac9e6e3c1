import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Browser, BrowserContext, Page, chromium } from 'playwright-core';
import { Role } from '../../src/domain/enums';
import { AddCommentDocument } from '../generated/operations';
import { untilListening } from '../helpers/live-client';
import { startNewsroom } from '../helpers/newsroom';
import { publishedPost } from '../helpers/posts';
import { TestServer } from '../helpers/test-server';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium) {
  console.warn(`[tests] no ${CHROMIUM} (Debian: apt-get install chromium): the offline IDE test is SKIPPED`);
}
const describeWithChromium = haveChromium ? describe : describe.skip;

/** Debian's Chromium, headless, with nothing of its own calling home (updates, sync, QUIC probes). */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** An IDE page as a person opens it, with every request it makes, and none let out of 127.0.0.1. */
interface IdePage {
  page: Page;
  requested: string[];
  /** The text frames the page sent over WebSockets. */
  sentFrames: string[];
}

/**
 * GRAPHQL_IDE=offline in a real browser (README "Apollo Sandbox and signing in"): the page and
 * all it loads come from this server, and it runs queries, mutations with the Authorization
 * header typed into it, and subscriptions over our WebSocket.
 */
describeWithChromium('the offline IDE in Chromium', () => {
  let api: TestServer;
  let editor: string;
  let browser: Browser;
  let userDataDir: string;
  let context: BrowserContext;
  let postId: string;
  let slug: string;
  const shots = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-ide-'));

  beforeAll(async () => {
    const newsroom = await startNewsroom({ editor: Role.EDITOR }, { graphqlIde: 'offline' }, { liveEvents: true });
    api = newsroom.api;
    editor = newsroom.editor.token;
    ({ id: postId, slug } = await publishedPost(api, editor, { title: 'Ferry timetable changes' }));
    userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-chromium-'));
    // A persistent context is how Playwright takes a user-data-dir: a new, empty one.
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 800 },
    });
    browser = context.browser()!;
  }, 60_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await api?.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
    fs.rmSync(shots, { recursive: true, force: true });
  });

  const openIde = async (): Promise<IdePage> => {
    const page = await context.newPage();
    const requested: string[] = [];
    const sentFrames: string[] = [];
    // Anything bound elsewhere is refused, as on a machine with no way out; it is still recorded.
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      return url.hostname === '127.0.0.1' ? route.continue() : route.abort('internetdisconnected');
    });
    page.on('request', (request) => requested.push(request.url()));
    page.on('websocket', (socket) => {
      requested.push(socket.url());
      socket.on('framesent', ({ payload }) => sentFrames.push(payload.toString()));
    });
    await page.goto(api.url, { waitUntil: 'load' });
    await page.locator('.graphiql-query-editor .monaco-editor').first().waitFor({ timeout: 20_000 });
    return { page, requested, sentFrames };
  };

  /** Replaces the text of the Monaco editor inside `container` as typing would. */
  const typeInto = async (page: Page, container: string, text: string) => {
    await page.locator(`${container} .monaco-editor:visible`).first().click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    // insertText types the whole text at once: Monaco's auto-closing brackets stay out of it.
    await page.keyboard.insertText(text);
  };

  /**
   * Types a named operation and waits until the IDE has read it (its tab takes the name): it
   * chooses HTTP or the WebSocket from the document it last parsed, which lags the typing.
   */
  const typeOperation = async (page: Page, name: string, text: string) => {
    await typeInto(page, '.graphiql-query-editor', text);
    await page.locator('.graphiql-tab-active', { hasText: name }).waitFor({ timeout: 10_000 });
  };

  /** Types `{ "Authorization": "Bearer <token>" }` into the Headers tab, as README tells a person to. */
  const signIn = async (page: Page, token: string) => {
    await page.getByRole('button', { name: 'Headers' }).click();
    await typeInto(page, '.graphiql-editor-tool', JSON.stringify({ Authorization: `Bearer ${token}` }));
  };

  const run = (page: Page) => page.locator('.graphiql-execute-button').click();

  /** Waits until the response pane shows `text` (Monaco renders spaces as no-break spaces). */
  const untilResponseShows = (page: Page, text: string) =>
    page.waitForFunction(
      (wanted) =>
        (document.querySelector('.graphiql-response')?.textContent ?? '').replace(/\u00a0/g, ' ').includes(wanted),
      text,
      { timeout: 15_000 },
    );

  const onlyLocal = (requested: string[]) =>
    requested.filter((url) => !/^(data|blob):/.test(url)).filter((url) => new URL(url).hostname !== '127.0.0.1');

  it('loads with no request leaving 127.0.0.1, runs a typed query, and shows its answer', async () => {
    const { page, requested } = await openIde();
    await typeOperation(page, 'FerryStory', `query FerryStory { post(slug: "${slug}") { title status } }`);
    await run(page);
    await untilResponseShows(page, '"title": "Ferry timetable changes"');

    expect(onlyLocal(requested)).toEqual([]);
    expect(requested.some((url) => url.includes('/graphql/ide/ruru.js'))).toBe(true);
    const shot = path.join(shots, 'query.png');
    await page.screenshot({ path: shot });
    const png = fs.readFileSync(shot);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.length).toBeGreaterThan(10_000);
    await page.close();
  });

  it('sends the Authorization header typed into it with a mutation', async () => {
    const { page } = await openIde();
    await signIn(page, editor);
    await typeOperation(
      page,
      'StaffComment',
      `mutation StaffComment { addComment(input: { postId: "${postId}", body: "Noted from the IDE" }) { body status } }`,
    );
    await run(page);
    // Staff comments are approved at once; a reader's would be PENDING (and need a name).
    await untilResponseShows(page, '"status": "APPROVED"');
    await page.close();
  });

  it('subscribes over our WebSocket, with the headers in connection_init, and shows an event', async () => {
    const { page, requested, sentFrames } = await openIde();
    await signIn(page, editor);
    await typeOperation(page, 'Comments', `subscription Comments { commentAdded(postId: "${postId}") { body } }`);
    await run(page);
    await untilListening(api.url, 1);
    await api.gql(AddCommentDocument, { input: { postId, body: 'Live from the newsroom' } }, { token: editor });
    await untilResponseShows(page, '"body": "Live from the newsroom"');

    expect(requested).toContain(api.url.replace('http://', 'ws://'));
    const init = sentFrames
      .map((frame) => JSON.parse(frame) as { type: string })
      .find((m) => m.type === 'connection_init');
    expect(init).toEqual({ type: 'connection_init', payload: { Authorization: `Bearer ${editor}` } });
    expect(onlyLocal(requested)).toEqual([]);
    await page.close();
  });
});
