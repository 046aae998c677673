import { defineConfig } from 'wxt';
import { siteMatchPatterns } from './lib/sites';

/**
 * `npm run demo` builds a variant that also runs on the demo shop's origin (pages we wrote,
 * served by the demo script through request routing); the shipped build never contains it.
 */
export const DEMO_ORIGIN_PATTERN = '*://demo.carbon-lens.example/*';
const demo = process.env.CARBON_LENS_DEMO === '1';

// The manifest's host permissions come from the one site registry (lib/sites/index.ts).
export default defineConfig({
  manifestVersion: 3,
  outDir: demo ? '.output-demo' : '.output',
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => {
      if (!demo) return;
      manifest.host_permissions = [...(manifest.host_permissions ?? []), DEMO_ORIGIN_PATTERN];
      for (const cs of manifest.content_scripts ?? []) cs.matches = [...(cs.matches ?? []), DEMO_ORIGIN_PATTERN];
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    action: { default_title: '__MSG_extName__' },
    permissions: ['storage', 'alarms'],
    host_permissions: siteMatchPatterns(),
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'carbon-lens@carbon-lens.dev',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
