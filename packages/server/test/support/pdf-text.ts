import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The PDF's text through poppler's pdftotext; null where it is not installed (CI installs it). */
export function pdfText(bytes: Buffer): string | null {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'invoice-')), 'invoice.pdf');
  fs.writeFileSync(file, bytes);
  try {
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } catch (error) {
    if (process.env['CI'] === 'true') throw error;
    console.warn('pdftotext not installed: the PDF was checked for its header only');
    return null;
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}
