/**
 * Device models as people write them: "KOSPET Tank T3", "Tank T3", "tank-t3" and "TankT3" are
 * one model, and "iGS630" is the same as the "iGPSPORT iGS630" an intake stores.
 */

/** Spaces and dashes of every kind, which model names use and omit at will. */
const separators = /[\s\p{Pd}]+/gu;

const compact = (text: string): string =>
  text.normalize('NFKC').toLowerCase().replace(separators, '');

/**
 * What tells `model` apart from other models: lower case, without spaces or dashes, and without
 * one of `brands` in front (the longest that matches, so that a model that is only a brand name
 * stays as it is).
 */
export function modelKey(model: string, brands: readonly string[]): string {
  const key = compact(model);
  const brand = brands
    .map(compact)
    .filter((candidate) => candidate !== '' && key.startsWith(candidate) && key !== candidate)
    .sort((first, second) => second.length - first.length)[0];
  return brand === undefined ? key : key.slice(brand.length);
}

/**
 * Whether a part listed for `compatibleModels` fits a device of `deviceModel`: a part that lists
 * no models fits every device; one that does fits only a known model among them, compared by
 * {@link modelKey}.
 */
export function partFitsModel(
  compatibleModels: readonly string[],
  deviceModel: string | undefined,
  brands: readonly string[],
): boolean {
  if (compatibleModels.length === 0) return true;
  if (deviceModel === undefined) return false;
  const device = modelKey(deviceModel, brands);
  return compatibleModels.some((listed) => modelKey(listed, brands) === device);
}
