/**
 * GraphiQL's persisted state (tabs, history, settings) under a `newsgraph:` prefix in localStorage, so that
 * another GraphiQL served from the same origin does not read or overwrite ours.
 */

const PREFIX = 'newsgraph:';

/** @returns {string[]} the unprefixed keys GraphiQL stored through this object */
function ownKeys() {
  const keys = [];
  for (let index = 0; index < localStorage.length; index += 1) {
    const key = localStorage.key(index);
    if (key !== null && key.startsWith(PREFIX)) keys.push(key);
  }
  return keys;
}

/** @type {Storage} */
export const namespacedStorage = {
  getItem: (key) => localStorage.getItem(PREFIX + key),
  setItem: (key, value) => localStorage.setItem(PREFIX + key, value),
  removeItem: (key) => localStorage.removeItem(PREFIX + key),
  key: (index) => ownKeys()[index]?.slice(PREFIX.length) ?? null,
  clear: () => ownKeys().forEach((key) => localStorage.removeItem(key)),
  get length() {
    return ownKeys().length;
  },
};
