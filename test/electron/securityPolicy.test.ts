import { describe, expect, it } from 'vitest';
import { appOrigin } from '../../electron/main/appProtocol';
import {
  externalLinkToOpen,
  isPermissionGranted,
  isTrustedUrl,
} from '../../electron/main/securityPolicy';

const packaged = [appOrigin];
const development = [appOrigin, 'http://localhost:5173'];

describe('isTrustedUrl', () => {
  it.each([
    ['app://fixline/index.html', packaged],
    ['app://fixline/', packaged],
    ['http://localhost:5173/src/main.tsx', development],
  ])('trusts %s', (url, origins) => {
    expect(isTrustedUrl(url, origins)).toBe(true);
  });

  it.each([
    ['another app host', 'app://evil/index.html', packaged],
    ['a look-alike host', 'app://fixline.evil/index.html', packaged],
    ['a web page', 'https://example.com/', packaged],
    ['a local file', 'file:///etc/passwd', packaged],
    ['the dev server once packaged', 'http://localhost:5173/', packaged],
    ['another port of the dev host', 'http://localhost:5174/', development],
    ['an empty URL (a destroyed frame)', '', packaged],
    ['something that is not a URL', 'not a url', packaged],
  ])('does not trust %s', (_label, url, origins) => {
    expect(isTrustedUrl(url, origins)).toBe(false);
  });
});

describe('externalLinkToOpen', () => {
  it('hands https links to the system browser', () => {
    const link = 'https://support.example.com/rma?id=7';
    expect(externalLinkToOpen(link)).toBe(link);
  });

  it.each([
    'http://example.com/',
    'file:///C:/Windows/System32/calc.exe',
    'smb://server/share/tool.exe',
    'javascript:alert(1)',
    'ms-msdt:/id PCWDiagnostic',
    'mailto:someone@example.com',
    'not a url',
  ])('refuses %s', (url) => {
    expect(externalLinkToOpen(url)).toBeNull();
  });
});

describe('isPermissionGranted', () => {
  it("grants the camera and microphone to the app's own page", () => {
    expect(isPermissionGranted('media', 'app://fixline/index.html', packaged)).toBe(true);
  });

  it('refuses the camera to any other page', () => {
    expect(isPermissionGranted('media', 'https://example.com/', packaged)).toBe(false);
  });

  it.each([
    'geolocation',
    'notifications',
    'display-capture',
    'clipboard-read',
    'openExternal',
    'midi',
    'fullscreen',
  ])("refuses %s even to the app's own page", (permission) => {
    expect(isPermissionGranted(permission, 'app://fixline/index.html', packaged)).toBe(false);
  });
});
