/**
 * The value `map` keeps for `key`, made by `make` and kept the first time it is asked for: for
 * what costs far more to make than to use, such as an `Intl` formatter, asked for again and again.
 */
export function keptOrMade<Key, Value>(map: Map<Key, Value>, key: Key, make: () => Value): Value {
  const kept = map.get(key);
  if (kept !== undefined) return kept;
  const made = make();
  map.set(key, made);
  return made;
}
