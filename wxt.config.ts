import { defineConfig } from 'wxt';
import { siteMatchPatterns } from './lib/sites';

// The manifest's host permissions come from the one site registry (lib/sites/index.ts).
export default defineConfig({
  manifestVersion: 3,
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
