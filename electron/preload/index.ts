import { contextBridge } from 'electron';

// The typed bridge grows from a contract in shared/; until then the renderer learns only
// that it runs inside the desktop shell.
contextBridge.exposeInMainWorld('fixline', { desktop: true });
