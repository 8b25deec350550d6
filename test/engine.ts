/**
 * The engine a test page runs in, for the few tests whose behavior differs
 * on purpose by engine (README, "Browsers"). Blink's user agent also names
 * AppleWebKit, and Gecko's names neither.
 */
export type Engine = 'chromium' | 'firefox' | 'webkit';

const agent = navigator.userAgent;
export const engine: Engine = /Chrome|Chromium/.test(agent) ? 'chromium' : /Gecko\/\d/i.test(agent) && !/AppleWebKit/.test(agent) ? 'firefox' : 'webkit';
