// The checks `npm test` makes before Jest: the type check (tests included) and `npm run lint`,
// side by side. Each is single-threaded and they read the sources only, so on 2 cores the pair
// takes as long as the longer one. Each one's output is printed whole once it ends, and the
// script fails when either failed.
import { spawn } from 'node:child_process';

const checks = [
  ['type check', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
];

function run([name, command, args]) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ name, code: 1, output: `${output}${error.message}\n` }));
    child.on('close', (code) => resolve({ name, code, output }));
  });
}

const results = await Promise.all(checks.map(run));
for (const { name, code, output } of results) {
  process.stdout.write(`== ${name}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`}\n${output}`);
}
process.exit(results.every(({ code }) => code === 0) ? 0 : 1);
