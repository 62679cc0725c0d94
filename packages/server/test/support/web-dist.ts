import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface WebDist {
  /** for WEB_DIST_DIR */
  readonly dir: string;
  remove(): void;
}

/** A stand-in for the web app's build: a temporary directory holding `files` (name -> text). */
export function writeWebDist(files: Record<string, string>): WebDist {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'entry-web-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
