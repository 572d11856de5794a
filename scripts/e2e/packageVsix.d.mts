// Types of what the tests take from packageVsix.mjs.
export function openVsxProblems(pkg: Record<string, unknown>, packaged: string[]): string[];
export function manifestFiles(pkg: Record<string, unknown>): string[];
export function zipEntries(zip: Uint8Array): { name: string; size: number }[];
export function packageVsix(options?: { log?: (line: string) => void }): { vsix: string; bytes: number; files: { name: string; size: number }[]; name: string; version: string };
