// What every view shares: the signed-in account, the instance's limits, the custom emoji, and a small event bus
// ("status" when a post changed, "status-deleted", "account" when the user's own profile changed).
export const state = {
  me: null,
  instance: null,
  emojis: [],
  unreadNotifications: 0,
};

const bus = new EventTarget();
export function emit(name, detail) { bus.dispatchEvent(new CustomEvent(name, { detail })); }
export function on(name, handler) {
  const listener = (event) => handler(event.detail);
  bus.addEventListener(name, listener);
  return () => bus.removeEventListener(name, listener);
}

export function limits() {
  const statuses = state.instance?.configuration?.statuses || {};
  const media = state.instance?.configuration?.media_attachments || {};
  const polls = state.instance?.configuration?.polls || {};
  return {
    maxCharacters: statuses.max_characters || 500,
    urlCharacters: statuses.characters_reserved_per_url || 23,
    maxMedia: statuses.max_media_attachments || 4,
    mediaTypes: media.supported_mime_types || ['image/jpeg', 'image/png', 'image/gif', 'image/webp'],
    pollOptions: polls.max_options || 4,
    pollOptionCharacters: polls.max_characters_per_option || 50,
    pollMinExpiration: polls.min_expiration || 300,
    pollMaxExpiration: polls.max_expiration || 2629746,
  };
}
