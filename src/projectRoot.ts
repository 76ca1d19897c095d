import { existsSync } from 'node:fs';
import path from 'node:path';

/** The folder holding package.json: the same answer from `src/` under ts-jest and from `dist/src/` at run time. */
export function projectRoot(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'content'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No project root (package.json + content/) above ${start}`);
    dir = parent;
  }
}
