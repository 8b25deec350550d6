// Counts the event listeners added to the page's long-lived targets
// (window, document, body, navigator.serviceWorker) and not removed, by
// wrapping addEventListener/removeEventListener on them. Observation only.

type Key = string;
const live = new Map<EventTarget, Map<EventListenerOrEventListenerObject, Set<Key>>>();
const names = new Map<EventTarget, string>([[window, 'window'], [document, 'document'], [document.documentElement, 'html']]);
if (document.body) names.set(document.body, 'body');
if (navigator.serviceWorker) names.set(navigator.serviceWorker, 'navigator.serviceWorker');
const targets = [...names.keys()];

const capture = (options?: boolean | AddEventListenerOptions | EventListenerOptions) =>
  typeof options === 'boolean' ? options : !!options?.capture;

for (const target of targets) {
  const add = target.addEventListener.bind(target);
  const remove = target.removeEventListener.bind(target);
  const byListener = new Map<EventListenerOrEventListenerObject, Set<Key>>();
  live.set(target, byListener);
  target.addEventListener = (type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) => {
    if (listener) {
      const key = `${type}:${capture(options)}`;
      if (typeof options === 'object' && options.once) {
        // Gone once it fires: count it until then.
        const set = byListener.get(listener) ?? new Set();
        byListener.set(listener, set.add(key));
        const forget = () => byListener.get(listener)?.delete(key);
        add(type, forget, { once: true, capture: capture(options) });
      } else byListener.set(listener, (byListener.get(listener) ?? new Set()).add(key));
    }
    add(type, listener, options);
  };
  target.removeEventListener = (type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) => {
    if (listener) byListener.get(listener)?.delete(`${type}:${capture(options)}`);
    remove(type, listener, options);
  };
}

/**
 * Listeners on window, document, <html>, <body> and navigator.serviceWorker
 * not removed yet, one `"<target> <type>:<capture>"` each (`"document copy:false"`), sorted.
 */
export function liveListenerKeys(): string[] {
  const keys: string[] = [];
  for (const [target, byListener] of live) {
    for (const set of byListener.values()) for (const key of set) keys.push(`${names.get(target)} ${key}`);
  }
  return keys.sort();
}

/** The listeners of `now` that `before` does not account for (a multiset difference), sorted. */
export function addedListeners(before: readonly string[], now: readonly string[] = liveListenerKeys()): string[] {
  const left = [...before];
  return now.filter((key) => {
    const index = left.indexOf(key);
    if (index === -1) return true;
    left.splice(index, 1);
    return false;
  });
}
