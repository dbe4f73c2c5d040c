// dexie-export-import (the backup's legacy reader) looks for `self`, as a browser has it.
(globalThis as { self?: unknown }).self ??= globalThis;
