import type { Page } from '@playwright/test';
export function scrollThrough(page: Page): Promise<void>;
