/**
 * The flags Debian's Chromium runs with in the browser tests (playwright.config.ts) and the browser
 * benchmarks (bench/browser.ts): headless, WebGL through SwiftShader made explicit (Chromium's automatic
 * software fallback is deprecated), and no background networking (the machine's network is closed).
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-swiftshader',
];
