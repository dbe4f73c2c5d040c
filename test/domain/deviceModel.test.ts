import { describe, expect, it } from 'vitest';
import { modelKey, partFitsModel } from '#shared/domain/deviceModel';

const brands = ['KOSPET', 'iGPSPORT'];

describe('modelKey', () => {
  it.each([
    ['KOSPET Tank T3'],
    ['Tank T3'],
    ['tank-t3'],
    ['TankT3'],
    ['  kospet  TANK – T3 '],
    ['KOSPET-Tank-T3'],
  ])('reads %j as the Tank T3', (written) => {
    expect(modelKey(written, brands)).toBe('tankt3');
  });

  it('keeps a model that is only a brand name', () => {
    expect(modelKey('KOSPET', brands)).toBe('kospet');
  });

  it('leaves a brand the station does not know in the name', () => {
    expect(modelKey('Garmin Edge 530', brands)).toBe('garminedge530');
  });
});

describe('partFitsModel', () => {
  it('offers a part listed for "iGS630" on the iGPSPORT iGS630 an intake stored', () => {
    expect(partFitsModel(['iGS630'], 'iGPSPORT iGS630', brands)).toBe(true);
  });

  it('offers a part listed with its brand on a device stored without it', () => {
    expect(partFitsModel(['KOSPET Tank T3'], 'Tank-T3', brands)).toBe(true);
  });

  it('does not offer a part of another model, even one whose name ends the same', () => {
    expect(partFitsModel(['T3'], 'KOSPET Tank T3', brands)).toBe(false);
    expect(partFitsModel(['iGS630S'], 'iGPSPORT iGS630', brands)).toBe(false);
  });

  it('offers a part that lists no models on every device, and a listed one only on a known model', () => {
    expect(partFitsModel([], undefined, brands)).toBe(true);
    expect(partFitsModel(['Tank T3'], undefined, brands)).toBe(false);
  });
});
