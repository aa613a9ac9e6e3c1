import { ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const root = path.resolve(__dirname, '..', '..');
const run = promisify(execFile);

/** A fenced block of the README: its language, the file it names (```json relay.config.json), its text. */
export interface Block {
  lang: string;
  file: string | undefined;
  code: string;
}

/** The fenced blocks of one `## ` section of the README, in order. */
export function readmeBlocks(heading: string): Block[] {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const start = readme.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`no section "${heading}" in the README`);
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/^```(\w+)(?: +(\S+))?\n([\s\S]*?)^```$/gm)].map((match) => ({
    lang: match[1],
    file: match[2],
    code: match[3],
  }));
}

/** A script the guide runs: its block's text and the JavaScript TypeScript made of it. */
export interface Script {
  code: string;
  js: string;
}

/**
 * A client developer's project, made of the README's blocks as a reader would make it: named
 * blocks are its files, shell blocks are run in it, TypeScript blocks are its scripts
 * (`script-<n>.ts`). It is an ES module project type-checked strictly (`module: nodenext`),
 * whose packages are ours (its node_modules links to the repository's). The one change to
 * every block: `127.0.0.1:4000` becomes the test server's address.
 */
export class GuideProject {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-client-'));
  readonly scripts: Script[] = [];

  constructor(private readonly address: string) {
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(this.dir, 'node_modules'), 'dir');
    this.write('package.json', JSON.stringify({ private: true, type: 'module' }));
    this.write(
      'tsconfig.json',
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'nodenext',
          moduleResolution: 'nodenext',
          strict: true,
          skipLibCheck: true,
          isolatedModules: true,
          lib: ['ES2023', 'DOM'],
          types: ['node'],
        },
        include: ['**/*.ts'],
        exclude: ['node_modules'],
      }),
    );
    // The Relay paragraph: "copy this repository's schema.graphql into your project".
    fs.copyFileSync(path.join(root, 'schema.graphql'), path.join(this.dir, 'schema.graphql'));
  }

  private write(file: string, text: string): void {
    fs.mkdirSync(path.dirname(path.join(this.dir, file)), { recursive: true });
    fs.writeFileSync(path.join(this.dir, file), text);
  }

  private addressed(text: string): string {
    return text.replaceAll('127.0.0.1:4000', this.address);
  }

  /** Takes the blocks in order: writes files, runs shell commands (each must succeed), keeps scripts. */
  async add(blocks: Block[]): Promise<void> {
    for (const block of blocks) {
      if (block.file) {
        this.write(block.file, this.addressed(block.code));
      } else if (block.lang === 'sh') {
        for (const command of block.code.split('\n').filter(Boolean)) await this.shell(this.addressed(command));
      } else if (block.lang === 'ts') {
        const name = `script-${this.scripts.length + 1}`;
        this.write(`${name}.ts`, this.addressed(block.code));
        this.scripts.push({ code: block.code, js: path.join(this.dir, `${name}.js`) });
      } else {
        throw new Error(`a ${block.lang} block that names no file: what should the guide do with it?\n${block.code}`);
      }
    }
  }

  private async shell(command: string): Promise<void> {
    try {
      await run('sh', ['-c', command], { cwd: this.dir, maxBuffer: 16 * 1024 * 1024 });
    } catch (error) {
      const { stdout, stderr } = error as { stdout: string; stderr: string };
      throw new Error(`\`${command}\` failed:\n${stdout}\n${stderr}`, { cause: error });
    }
  }

  /** Type-checks every file as a strict TypeScript project and writes the JavaScript beside each; the compiler's complaints, if any. */
  async compile(): Promise<string> {
    const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    try {
      await run(process.execPath, [tsc, '-p', this.dir], { cwd: this.dir });
      return '';
    } catch (error) {
      return (error as { stdout: string }).stdout;
    }
  }

  /** Runs a script to its end: what it printed, and its exit code. */
  async runToEnd(script: Script): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await run(process.execPath, [script.js], { cwd: this.dir, timeout: 30_000 });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
      return { code, stdout, stderr };
    }
  }

  /** Starts a script that runs until stopped (a subscription): the process and what it has printed so far. */
  start(script: Script): { child: ChildProcess; output: () => string } {
    const child = spawn(process.execPath, [script.js], { cwd: this.dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    return { child, output: () => output };
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
