/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/client" />

/** True in `vite build --mode test` builds (see vite.config.ts): the test bridge is compiled in. */
declare const __NOZAMA_TEST_BRIDGE__: boolean;
