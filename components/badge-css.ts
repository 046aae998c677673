/**
 * Scoped to the shadow roots (badge and page panel); the site's CSS cannot reach in, ours cannot
 * leak out. Parsed once per page and adopted by every root (`adoptStyles`), not one <style> each.
 */
export const badgeCss = `
:host{all:initial;display:inline-block;vertical-align:middle;margin:2px 6px;font:13px/1.35 system-ui,sans-serif;color:#1b1b1b}
.cl-root{position:relative;display:inline-block}
button{font:inherit;cursor:pointer;color:inherit;background:none;border:1px solid #6b7b71;border-radius:6px;padding:4px 10px}
.cl-badge{border-color:#1a5e3a;border-radius:999px;background:#eef7f1;color:#12432a;padding:2px 8px;white-space:nowrap}
.cl-range{display:none}
.cl-detailed .cl-range,.cl-badge:hover .cl-range,.cl-badge:focus-visible .cl-range{display:inline}
:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
.cl-panel{position:absolute;z-index:2147483646;top:100%;left:0;margin-top:4px;display:flex;flex-direction:column;gap:6px;width:min(340px,90vw);max-height:70vh;overflow:auto;padding:12px;background:#fff;border:1px solid #6b7b71;border-radius:8px;box-shadow:0 4px 16px #0004;text-align:left;white-space:normal}
.cl-sources,.cl-note,.cl-legend{font-size:11px}
.cl-actions{display:flex;flex-wrap:wrap;gap:8px}
.cl-action{background:#12432a;color:#fff;border:0}
.cl-link{border:0;padding:0;text-decoration:underline}
a,.cl-link{color:#0b57d0}
.cl-alts,.cl-alt,.cl-legend{display:flex;flex-direction:column;gap:4px}
.cl-alt{border-top:1px solid #d5ddd8;padding-top:4px}
.cl-bar{display:flex;height:10px;border-radius:3px;overflow:hidden}
.cl-dot{display:inline-block;width:8px;height:8px}
.cl-production{background:#0072B2}.cl-shipping{background:#E69F00}.cl-packaging{background:#009E73}.cl-use{background:#CC79A7}
.cl-summary{position:fixed;right:12px;bottom:12px;z-index:2147483645;max-width:340px}
.cl-summary .cl-panel{position:static}
@media (prefers-color-scheme:dark){:host{color:#f0f0f0}.cl-badge{background:#10281b;color:#d6f5e3;border-color:#6fcf97}.cl-panel{background:#1e1e1e;border-color:#8a9a90}a,.cl-link{color:#8ab4f8}.cl-action{background:#6fcf97;color:#10281b}}
`;

let shared: CSSStyleSheet | null = null;

/** Gives a shadow root the widget's styles (one constructed sheet shared by all roots of the page). */
export function adoptStyles(root: ShadowRoot): void {
  if (!shared) {
    shared = new CSSStyleSheet();
    shared.replaceSync(badgeCss);
  }
  root.adoptedStyleSheets = [shared];
}
