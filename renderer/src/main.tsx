import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import { preopenAppDatabase } from './core/preopenAppDatabase';
import { startEn, startId } from './startMessages';

// The page's entry, kept small so it runs as soon as it arrives. Opening the station's database
// is the longest step of a start (~300 ms at 10,000 claims); asked here, the browser does it while
// the app's code loads and runs, instead of after.
void preopenAppDatabase();

// A test build (VITE_FIXLINE_TEST_HOOK=1) exposes the station's data to end-to-end tests and
// benchmarks, its chunk loaded when a test first asks (so a start is measured without it); in any
// other build the condition is false at build time and the chunk is left out.
if (import.meta.env.VITE_FIXLINE_TEST_HOOK === '1') {
  let testHook: Window['__fixlineTest'];
  Object.defineProperty(window, '__fixlineTest', {
    configurable: true,
    get: () => (testHook ??= import('./core/testHook').then((module) => module.testHook)),
  });
}

// The two largest parts of the app's code asked for on their own as well: each runs as soon as it
// has arrived, while the rest is still loading, where the app's code as one graph ran only once
// all of it had (the first queue row ~50 ms sooner, a cold start of ~880 ms here). A failure
// is the app's import's to report, below.
void import('react-dom/client').catch(() => undefined);
void import('./core/appDatabase').catch(() => undefined);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
import('./startApp')
  .then(({ startApp }) => startApp(container))
  .catch((error: unknown) => {
    // The app's code did not load (a damaged install, or a server gone mid-load): say so plainly,
    // in the system's language, as the station's own is in the database the app did not reach.
    const messages = navigator.language.toLowerCase().startsWith('id') ? startId : startEn;
    const reason = error instanceof Error ? error.message : String(error);
    container.textContent = messages.codeNotLoaded.replace('{{reason}}', reason);
    throw error;
  });
