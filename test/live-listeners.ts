// Counts the event listeners added to the page's long-lived targets
// (window, document, body, navigator.serviceWorker) and not removed, by
// wrapping addEventListener/removeEventListener on them. Observation only.

type Key = string;
const live = new Map<EventTarget, Map<EventListenerOrEventListenerObject, Set<Key>>>();
const targets: EventTarget[] = [window, document, document.documentElement];
if (document.body) targets.push(document.body);
if (navigator.serviceWorker) targets.push(navigator.serviceWorker);

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

/** Listeners on window, document, <html>, <body> and navigator.serviceWorker not removed yet. */
export function liveListeners(): number {
  let count = 0;
  for (const byListener of live.values()) for (const keys of byListener.values()) count += keys.size;
  return count;
}
