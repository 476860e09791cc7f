/** The set with `key` taken out if it was in, else put in (a ticked box, an expanded row). */
export function toggled<K>(set: ReadonlySet<K>, key: K): ReadonlySet<K> {
  const next = new Set(set);
  if (next.has(key)) next.delete(key);
  else next.add(key);
  return next;
}

/** The map with `key` taken out if it was in, else set to `value` (a selection that keeps what it selected). */
export function toggledEntry<K, V>(map: ReadonlyMap<K, V>, key: K, value: V): ReadonlyMap<K, V> {
  const next = new Map(map);
  if (next.has(key)) next.delete(key);
  else next.set(key, value);
  return next;
}
