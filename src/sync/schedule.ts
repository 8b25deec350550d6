/** Runs `callback` after `ms` milliseconds: `setTimeout`, unless a test gives a fake one. */
export type Schedule = (callback: () => void, ms: number) => void;

export const later: Schedule = (callback, ms) => void setTimeout(callback, ms);
