// Fails when the committed dist/ differs from a fresh build (run after `npm run build`).
// `git status --porcelain` also catches new, untracked chunk files that `git diff` would miss.
import { execFileSync } from 'node:child_process';

const status = execFileSync('git', ['status', '--porcelain', '--', 'dist'], { encoding: 'utf8' });
if (status.trim() !== '') {
  console.error('dist/ is stale: rebuild with `npm run build` and commit dist/.\n' + status);
  process.exit(1);
}
console.log('dist/ is up to date.');
