/// <reference types="vite/client" />

interface ImportMetaEnv {
  /**
   * '1' in a build made for end-to-end tests and benchmarks: main.tsx then loads core/testHook
   * when a test asks.
   */
  readonly VITE_FIXLINE_TEST_HOOK?: string;
}
