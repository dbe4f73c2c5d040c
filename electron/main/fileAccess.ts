import { realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, sep } from 'node:path';

/**
 * Which files the renderer may ask the system to open. A compromised page must not be able to
 * launch programs or open arbitrary files, so only files in the station's data folder or files
 * the user picked in a dialog qualify, and never executables or scripts.
 */

/** Extensions the system would run (or install) rather than show. Lower case, with the dot. */
const executableExtensions = new Set(
  [
    // Windows
    '.appref-ms .application .appx .bat .cmd .com .cpl .dll .exe .gadget .hta .inf .jse .lnk',
    '.msc .msi .msix .msp .pif .ps1 .psm1 .reg .scf .scr .url .vb .vbe .vbs .ws .wsf .wsh',
    // macOS
    '.action .app .applescript .command .mpkg .pkg .scpt .terminal .workflow',
    // Linux
    '.appimage .deb .desktop .rpm .run .sh',
    // Interpreters a system may associate with their files
    '.jar .jnlp .js .pl .py .rb',
  ].flatMap((group) => group.split(' ')),
);

/** Whether the system would treat `file` as a program, judging by its extension. */
export function isExecutable(file: string): boolean {
  return executableExtensions.has(extname(file).toLowerCase());
}

/** Whether `file` is strictly below `folder` (both already resolved; the folder itself is not). */
export function isInsideFolder(folder: string, file: string): boolean {
  const fromFolder = relative(folder, file);
  return (
    fromFolder !== '' &&
    fromFolder !== '..' &&
    !fromFolder.startsWith(`..${sep}`) &&
    !isAbsolute(fromFolder)
  );
}

/** The answer to "may the renderer open this file?", with the real path when it may. */
export type OpenDecision =
  | { allowed: true; file: string }
  | { allowed: false; reason: 'not-found' | 'not-allowed'; message: string };

/**
 * An extensionless file with an execute bit: macOS opens it in Terminal and runs it. (Files with
 * an extension are judged by it: a PDF on a FAT drive has every bit set and is still a PDF.)
 */
async function isExtensionlessProgram(file: string): Promise<boolean> {
  if (process.platform === 'win32' || extname(file) !== '') return false;
  const stats = await stat(file);
  return stats.isFile() && (stats.mode & 0o111) !== 0;
}

/** Remembers what the user picked and decides what may be opened. */
export function createFileAccess(dataFolder: string) {
  // Real paths, so a symbolic link inside the data folder cannot point outside it.
  const pickedFiles = new Set<string>();

  return {
    /** Records a file the user chose in a dialog during this session. */
    async rememberPicked(file: string): Promise<void> {
      pickedFiles.add(await realpath(file));
    },

    /** Whether `file` may be handed to the system, judged on its real path. */
    async decideOpen(file: string): Promise<OpenDecision> {
      if (!isAbsolute(file))
        return { allowed: false, reason: 'not-allowed', message: 'expected an absolute path' };
      let real: string;
      try {
        real = await realpath(file);
      } catch {
        return { allowed: false, reason: 'not-found', message: `no file at ${file}` };
      }
      if (isExecutable(real))
        return {
          allowed: false,
          reason: 'not-allowed',
          message: `${extname(real)} files are programs and are never opened`,
        };
      if (await isExtensionlessProgram(real))
        return {
          allowed: false,
          reason: 'not-allowed',
          message: 'the file is marked executable and is never opened',
        };
      const realDataFolder = await realpath(dataFolder).catch(() => dataFolder);
      if (isInsideFolder(realDataFolder, real) || pickedFiles.has(real))
        return { allowed: true, file: real };
      return {
        allowed: false,
        reason: 'not-allowed',
        message: 'only files in the data folder or files picked in a dialog may be opened',
      };
    },
  };
}

/** What createFileAccess returns; the IPC handlers take it injected. */
export type FileAccess = ReturnType<typeof createFileAccess>;
