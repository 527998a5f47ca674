// Fails with one clear line when the browser tests lack what they need (never skips): a Chromium
// to run in, and poppler's pdftotext/pdfinfo/pdftoppm to read the exported board papers.
import { execFileSync } from 'node:child_process';
import { findChromium, INSTALL_HINT } from './chromium-path.mjs';

const found = findChromium();
if (!found) {
  console.error(INSTALL_HINT);
  process.exit(1);
}
for (const tool of ['pdftotext', 'pdfinfo', 'pdftoppm']) {
  try {
    execFileSync(tool, ['-v'], { stdio: 'ignore' });
  } catch (error) {
    if (error && typeof error === 'object' && 'code' in error && error.code === 'ENOENT') {
      console.error(
        `No ${tool} found: the board-paper tests read the exported PDFs with poppler (Debian/Ubuntu: sudo apt-get install -y poppler-utils).`,
      );
      process.exit(1);
    }
  }
}
console.log(`Browser tests will use ${found}`);
