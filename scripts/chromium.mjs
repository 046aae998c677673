// Debian Chromium with an unpacked extension, as ../shared/TOOLCHAIN.md found works headless:
// shared by the demo (scripts/demo.mjs), the end-to-end tests and the benchmarks.
import { existsSync } from 'node:fs';

/** The Chromium binary: CHROMIUM_PATH, Debian's, or Chrome; null when none is installed. */
export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/lib/chromium/chromium', '/usr/bin/google-chrome'];
  return candidates.find((p) => p && existsSync(p)) ?? null;
}

/** Flags for every launch: the background-networking ones keep Chromium from calling Google's hosts. */
export const BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Both extension flags are needed: Playwright adds --disable-extensions by default. */
export function extensionArgs(extensionDir) {
  return [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...BASE_ARGS];
}
