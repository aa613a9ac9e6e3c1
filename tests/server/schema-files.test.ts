import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BreakingChange, buildSchema, findBreakingChanges } from 'graphql';
import { parse } from 'yaml';
import { printApiSchema } from '../../src/server/print-schema';

const root = path.resolve(__dirname, '..', '..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

/**
 * Parts of the contract that later issues deliver. Every entry here is a promise not yet kept;
 * the list only ever shrinks.
 */
const NOT_YET_SERVED: RegExp[] = [
  // Empty: every part of the contract (v1.2) is served.
];

function unexplained(changes: BreakingChange[]): string[] {
  return changes
    .map((change) => change.description)
    .filter((text) => !NOT_YET_SERVED.some((pattern) => pattern.test(text)));
}

describe('committed schema files', () => {
  it('schema.graphql is what the server serves (run `npm run emit-schema` when this fails)', async () => {
    expect(read('schema.graphql')).toBe(await printApiSchema());
  });

  it('the served schema breaks nothing of the API contract promised to clients', async () => {
    const contract = buildSchema(read('docs/api-contract.graphql'));
    const served = buildSchema(await printApiSchema());
    expect(unexplained(findBreakingChanges(contract, served))).toEqual([]);
  });

  it.each([
    ['docs/api-contract.graphql', 'schema.graphql'],
    ['docs/CONTRACT.md', 'CONTRACT.md'],
  ])('%s is the shared contract, when the shared folder is beside the repository', (copy, original) => {
    const shared = path.join(root, '..', 'shared', 'contract', original);
    if (!fs.existsSync(shared)) return;
    expect(read(copy)).toBe(fs.readFileSync(shared, 'utf8'));
  });

  it('the Relay artifacts match tests/clients/relay and the schema (run `npm run codegen` when this fails)', () => {
    // --validate compiles in memory and fails when an artifact on disk differs.
    execFileSync(path.join(root, 'node_modules', '.bin', 'relay-compiler'), ['--validate'], {
      cwd: root,
      stdio: 'pipe',
    });
  });

  it('tests/generated/operations.ts matches tests/operations (run `npm run codegen` when this fails)', () => {
    // The codegen CLI is ESM inside; Jest cannot load it, so it runs as its own process.
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-codegen-'));
    const config = parse(read('codegen.yml')) as { generates: Record<string, unknown> };
    const [[committedPath, target]] = Object.entries(config.generates);
    const configPath = path.join(outDir, 'codegen.json');
    fs.writeFileSync(configPath, JSON.stringify({ ...config, generates: { [path.join(outDir, 'out.ts')]: target } }));
    execFileSync(
      process.execPath,
      [path.join(root, 'node_modules', '@graphql-codegen', 'cli', 'cjs', 'bin.js'), '--config', configPath, '--silent'],
      { cwd: root },
    );
    expect(read(committedPath)).toBe(fs.readFileSync(path.join(outDir, 'out.ts'), 'utf8'));
    fs.rmSync(outDir, { recursive: true, force: true });
  });
});
