/** Scoped to the badge's shadow root; the site's CSS cannot reach in, ours cannot leak out. */
export const badgeCss = `
:host { all: initial; display: inline-block; vertical-align: middle; margin: 2px 6px; font: 13px/1.3 system-ui, sans-serif; }
.cl-root { position: relative; display: inline-block; color: #1b1b1b; }
.cl-badge { cursor: pointer; border: 1px solid #1a5e3a; border-radius: 999px; background: #eef7f1; color: #12432a; padding: 2px 8px; font: inherit; }
.cl-badge:focus-visible, .cl-action:focus-visible, .cl-close:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
.cl-leaf { color: #1a7f4b; }
.cl-range { color: #3b4a40; }
.cl-panel { position: absolute; z-index: 2147483646; top: 100%; left: 0; margin-top: 4px; display: flex; flex-direction: column; gap: 6px; width: 300px; padding: 12px; background: #fff; color: #1b1b1b; border: 1px solid #8a9a90; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.2); }
.cl-sources { font-size: 11px; color: #444; }
.cl-actions { display: flex; gap: 8px; }
.cl-action { background: #12432a; color: #fff; border: 0; border-radius: 6px; padding: 6px 10px; font: inherit; cursor: pointer; }
.cl-close { background: transparent; border: 1px solid #8a9a90; border-radius: 6px; padding: 6px 10px; font: inherit; cursor: pointer; color: #1b1b1b; }
@media (prefers-color-scheme: dark) {
  .cl-badge { background: #10281b; color: #d6f5e3; border-color: #6fcf97; }
  .cl-range { color: #b9d8c6; }
  .cl-panel { background: #1e1e1e; color: #f0f0f0; border-color: #666; }
  .cl-sources { color: #ccc; }
  .cl-close { color: #f0f0f0; }
}
`;
