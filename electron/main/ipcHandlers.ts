import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppInfo } from '../../shared/ipc/contract';
import type { FileAccess } from './fileAccess';
import { IpcRefusal, type IpcRegistry } from './ipc';

/** The Electron calls the handlers make, injected so they run under Node in tests. */
export type DesktopServices = {
  appInfo: AppInfo;
  /** Where the station keeps its files; created before the handlers are registered. */
  dataFolder: string;
  /** Where the save dialog starts (the user's documents). */
  saveFolder: string;
  fileAccess: FileAccess;
  /** shell.openPath: resolves to '' on success, or to the system's error message. */
  openPath: (file: string) => Promise<string>;
  /** dialog.showSaveDialog on the main window. */
  showSaveDialog: (options: {
    defaultPath: string;
    filters: { name: string; extensions: string[] }[];
  }) => Promise<{ canceled: boolean; filePath?: string }>;
};

/** Registers the desktop implementation of every channel of the contract. */
export function registerIpcHandlers(registry: IpcRegistry, services: DesktopServices): void {
  registry.handle('fixline:app:info', () => services.appInfo);

  registry.handle('fixline:station:dataFolder', () => ({ path: services.dataFolder }));

  registry.handle('fixline:files:openWithSystem', async ({ path }) => {
    const decision = await services.fileAccess.decideOpen(path);
    if (!decision.allowed) throw new IpcRefusal(decision.reason, decision.message);
    const errorMessage = await services.openPath(decision.file);
    if (errorMessage !== '') throw new Error(errorMessage);
    return null;
  });

  registry.handle('fixline:files:saveWithDialog', async ({ suggestedName, bytes, filters }) => {
    const choice = await services.showSaveDialog({
      defaultPath: join(services.saveFolder, suggestedName),
      filters,
    });
    if (choice.canceled || choice.filePath === undefined || choice.filePath === '')
      return { outcome: 'canceled' };
    await writeFile(choice.filePath, bytes);
    // The user chose this file, so the renderer may open it afterwards.
    await services.fileAccess.rememberPicked(choice.filePath);
    return { outcome: 'saved', path: choice.filePath };
  });
}
