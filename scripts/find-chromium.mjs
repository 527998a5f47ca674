// Fails with one clear line when the browser tests have no Chromium to run in (never skips).
import { findChromium, INSTALL_HINT } from './chromium-path.mjs';

const found = findChromium();
if (!found) {
  console.error(INSTALL_HINT);
  process.exit(1);
}
console.log(`Browser tests will use ${found}`);
