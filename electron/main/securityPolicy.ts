import { originOf } from './appProtocol';

/**
 * The decisions behind navigation, new windows and permissions, as plain functions so they can
 * be tested without Electron; index.ts wires them to the session and the web contents.
 */

/** The origins whose pages are the app: `app://fixline` and, in development, the dev server. */
export type TrustedOrigins = readonly string[];

/** Whether `url` belongs to one of the app's own origins. */
export function isTrustedUrl(url: string, trustedOrigins: TrustedOrigins): boolean {
  const origin = originOf(url);
  return origin !== null && trustedOrigins.includes(origin);
}

/**
 * The URL to hand to the system browser for a link the app may not open itself, or null.
 * Only https: a file:, smb: or custom-protocol link could launch a local program.
 */
export function externalLinkToOpen(url: string): string | null {
  if (!URL.canParse(url)) return null;
  return new URL(url).protocol === 'https:' ? url : null;
}

/**
 * Whether a page may use a permission. Only 'media' (the camera, and the microphone for video
 * evidence of a noise), and only for the app's own pages; screen capture, notifications,
 * geolocation and the rest are refused.
 */
export function isPermissionGranted(
  permission: string,
  requestingUrl: string,
  trustedOrigins: TrustedOrigins,
): boolean {
  return permission === 'media' && isTrustedUrl(requestingUrl, trustedOrigins);
}
