import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

/** The layers of src/, top first, as eslint.config.mjs enforces them (layers.mjs is ESM; read as text). */
function layers(): string[] {
  const source = fs.readFileSync(path.join(root, 'layers.mjs'), 'utf8');
  return [...source.matchAll(/^\s*'([^']+)',/gm)].map((match) => match[1]);
}

/** The entries of src/ the README's Layout section lists, in its order. */
function readmeLayout(): string[] {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Layout'));
  const block = section.slice(section.indexOf('```') + 3, section.indexOf('```', section.indexOf('```') + 3));
  return [...block.matchAll(/^ {2}([a-z][\w.-]*?)\/?\s/gm)].map((match) => match[1]);
}

describe('the layout', () => {
  it("the README's Layout lists src/ in the order the lint rule holds", () => {
    expect(readmeLayout()).toEqual(layers());
  });

  it('every file and folder of src/ has its place in the layers', () => {
    const entries = fs
      .readdirSync(path.join(root, 'src'))
      .filter((entry) => !entry.endsWith('.test.ts'))
      .sort();
    expect(entries).toEqual([...layers()].sort());
  });

  it('server.ts is a composition: under 120 lines (capabilities live in their folders)', () => {
    const lines = fs.readFileSync(path.join(root, 'src', 'server', 'server.ts'), 'utf8').split('\n').length;
    expect(lines).toBeLessThan(120);
  });

  it('no source file is over 250 lines', () => {
    const long: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.ts')) {
          const lines = fs.readFileSync(full, 'utf8').split('\n').length;
          if (lines > 250) long.push(`${path.relative(root, full)}: ${lines}`);
        }
      }
    };
    walk(path.join(root, 'src'));
    expect(long).toEqual([]);
  });
});
