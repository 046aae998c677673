export function findChromium(): string | null;
export function extensionArgs(extensionDir: string): string[];
export const BASE_ARGS: readonly string[];
