import { describe, expect, it } from 'vitest';
import type { ClockTone } from '#shared/policy/claimClocks';
import { clockColor } from '../../renderer/src/claim/clockColor';

describe('clockColor', () => {
  it.each<[ClockTone, string]>([
    ['running', 'blue'],
    ['near', 'orange'],
    ['late', 'red'],
    ['met', 'teal'],
    ['closed', 'gray'],
    ['expired', 'gray'],
    ['stopped', 'gray'],
  ])('colours a %s clock %s', (tone, color) => {
    expect(clockColor(tone)).toBe(color);
  });
});
