// HTTP headers shared by the dev server, the test runner and the bench.

/** Headers that make a page cross-origin isolated, so SharedArrayBuffer exists. */
export const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

/**
 * Koa middleware adding the isolation headers, except for documents whose
 * path or query says `noiso` (used to test the non-isolated fallback).
 */
export function isolation({ skip = (ctx) => /noiso/.test(ctx.url) } = {}) {
  return async (ctx, next) => {
    await next();
    if (skip(ctx)) {
      ctx.set('Cross-Origin-Resource-Policy', 'cross-origin');
      return;
    }
    for (const [name, value] of Object.entries(isolationHeaders)) ctx.set(name, value);
  };
}
