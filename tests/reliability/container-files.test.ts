import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { DockerfileParser, Instruction } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { parse } from 'yaml';
import { TestServer, startTestServer } from '../helpers/test-server';

const root = path.resolve(__dirname, '..', '..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const run = promisify(execFile);

interface Stage {
  name: string | null;
  image: string | null;
  instructions: Instruction[];
}

/** The Dockerfile's stages, each with its own instructions, in order. */
function stages(): Stage[] {
  const dockerfile = DockerfileParser.parse(read('Dockerfile'));
  const froms = dockerfile.getFROMs();
  const found: Stage[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      const from = froms[found.length];
      found.push({ name: from.getBuildStage(), image: from.getImage(), instructions: [] });
    } else if (found.length > 0) {
      found.at(-1)!.instructions.push(instruction);
    }
  }
  return found;
}

/** An instruction's text after its keyword, flags included, continuation lines joined. */
const argsOf = (stage: Stage, keyword: string) =>
  stage.instructions
    .filter((instruction) => instruction.getKeyword() === keyword)
    .map((instruction) =>
      instruction
        .getTextContent()
        .slice(keyword.length)
        .replace(/\\\n\s*/g, ' ')
        .trim(),
    );

/**
 * The image and the compose file as an operator uses them. No Docker engine runs on these
 * machines, so neither is built or started here: they are parsed, held to what the README
 * promises, and linted (dockerfile-utils, the linter of VS Code's Docker support; dclint for
 * compose, with the Compose specification's schema). hadolint is neither on npm nor in Debian's
 * packages.
 */
describe('the Dockerfile', () => {
  it('builds in one stage with the dev dependencies and runs in another with the production ones and dist/ alone', () => {
    const [build, runtime, ...more] = stages();
    expect(more).toEqual([]);
    expect(build).toMatchObject({ name: 'build', image: 'node:${NODE_VERSION}-bookworm-slim' });
    expect(argsOf(build, 'RUN')).toEqual(['npm ci --no-audit --no-fund', 'npm run build']);
    expect(runtime).toMatchObject({ name: 'runtime', image: 'node:${NODE_VERSION}-bookworm-slim' });
    expect(argsOf(runtime, 'RUN')).toEqual(['npm ci --omit=dev --no-audit --no-fund && npm cache clean --force']);
    expect(argsOf(runtime, 'COPY')).toEqual(['package.json package-lock.json ./', '--from=build /app/dist ./dist']);
    // The Node of the image is the current line CI tests on.
    expect(read('Dockerfile')).toMatch(/^ARG NODE_VERSION=24$/m);
    expect(read('.ci/run')).toMatch(/^NODE_CURRENT=24$/m);
  });

  it('runs as an unprivileged user, in production, on the port it exposes, as node itself', () => {
    const runtime = stages().at(-1)!;
    const user = argsOf(runtime, 'USER');
    expect(user).toEqual(['node']);
    expect(user[0]).not.toMatch(/^(root|0)(:|$)/);
    const env = argsOf(runtime, 'ENV').join(' ');
    expect(env).toMatch(/NODE_ENV=production/);
    expect(env).toMatch(/HOST=0\.0\.0\.0/);
    expect(env).toMatch(/PORT=4000/);
    expect(argsOf(runtime, 'EXPOSE')).toEqual(['4000']);
    expect(argsOf(runtime, 'CMD')).toEqual(['["node", "dist/main.js"]']);
  });

  it('keeps local data and builds out of the image', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'));
    expect(ignored).toEqual(expect.arrayContaining(['.data', 'node_modules', 'dist', '.env']));
    for (const stage of stages()) {
      expect(argsOf(stage, 'COPY').join('\n')).not.toMatch(/\.data|^\. |tests/);
    }
  });

  it('passes the linter', () => {
    expect(validate(read('Dockerfile'))).toEqual([]);
  });

  describe('its HEALTHCHECK', () => {
    let api: TestServer;
    beforeAll(async () => {
      api = await startTestServer();
    });
    afterAll(() => api.close());

    /** The check's own command, run as Docker runs it, against a server on PORT. */
    const healthcheck = async (port: string) => {
      const [check] = argsOf(stages().at(-1)!, 'HEALTHCHECK');
      const argv = JSON.parse(check.slice(check.indexOf('CMD') + 3).trim()) as string[];
      try {
        await run(argv[0] === 'node' ? process.execPath : argv[0], argv.slice(1), {
          env: { ...process.env, PORT: port },
        });
        return 0;
      } catch (error) {
        return (error as { code: number }).code;
      }
    };

    it('asks /readyz, after a start period, and passes exactly when the server is ready', async () => {
      const [check] = argsOf(stages().at(-1)!, 'HEALTHCHECK');
      expect(check).toMatch(/--start-period=\d+s/);
      expect(check).toContain('/readyz');
      expect(await healthcheck(new URL(api.url).port)).toBe(0);
      expect(await healthcheck('9')).toBe(1); // nothing listens there
    });
  });
});

describe('compose.yaml', () => {
  interface Service {
    build?: string;
    image?: string;
    environment?: Record<string, string>;
    depends_on?: Record<string, { condition: string }>;
    healthcheck?: { test: string[] };
    ports?: string[];
  }
  const compose = parse(read('compose.yaml')) as { services: Record<string, Service>; volumes: object };

  it('runs Broadsheet from the Dockerfile with its PostgreSQL and Redis, once they are healthy', () => {
    const { broadsheet, postgres, redis } = compose.services;
    expect(Object.keys(compose.services).sort()).toEqual(['broadsheet', 'postgres', 'redis']);
    expect(broadsheet.build).toBe('.');
    expect(broadsheet.environment!.DATABASE_URL).toMatch(
      /^postgres:\/\/broadsheet:\$\{POSTGRES_PASSWORD:\?.*\}@postgres:5432\/broadsheet$/,
    );
    expect(broadsheet.environment!.REDIS_URL).toBe('redis://redis:6379');
    expect(broadsheet.environment!.JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?/); // required, never a default
    expect(broadsheet.depends_on).toEqual({
      postgres: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
    });
    expect(broadsheet.ports).toEqual(['127.0.0.1:4000:4000']);
    expect(postgres.image).toMatch(/^postgres:18/);
    expect(postgres.healthcheck!.test.join(' ')).toMatch(/pg_isready/);
    expect(redis.image).toMatch(/^redis:/);
    expect(redis.healthcheck!.test).toEqual(['CMD', 'redis-cli', 'ping']);
  });

  it('passes dclint with no warning (the Compose schema, and its best practices)', async () => {
    const dclint = path.join(path.dirname(require.resolve('dclint/package.json')), 'bin', 'dclint.cjs');
    await expect(
      run(process.execPath, [dclint, 'compose.yaml', '--max-warnings', '0', '--color', 'false'], { cwd: root }),
    ).resolves.toBeDefined();
  });
});
