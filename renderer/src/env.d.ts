/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** '1' in a build made for end-to-end tests and benchmarks: main.tsx then loads core/testHook. */
  readonly VITE_FIXLINE_TEST_HOOK?: string;
}
