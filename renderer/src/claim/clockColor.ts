import type { ClockTone } from '#shared/policy/claimClocks';

/** The Mantine colour of a tone: orange as a day nears, red once the claim is late. */
export function clockColor(tone: ClockTone): string {
  switch (tone) {
    case 'near':
      return 'orange';
    case 'late':
      return 'red';
    case 'met':
      return 'teal';
    case 'running':
      return 'blue';
    case 'closed':
    case 'expired':
    case 'stopped':
      return 'gray';
  }
}
