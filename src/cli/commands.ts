import type { Command } from './command.ts';

/** The subcommands of `imagegraph`, loaded on demand so that each starts quickly. */
export const commands: Record<string, () => Promise<Command>> = {
  validate: async () => (await import('./validate.ts')).validateCommand,
  convert: async () => (await import('./convert.ts')).convertCommand,
  generate: async () => (await import('./generate.ts')).generateCommand,
  serve: async () => (await import('./serve.ts')).serveCommand,
  load: async () => (await import('./load.ts')).loadCommand,
  query: async () => (await import('./query.ts')).queryCommand,
  dump: async () => (await import('./dump.ts')).dumpCommand,
  backup: async () => (await import('./backup.ts')).backupCommand,
  restore: async () => (await import('./restore.ts')).restoreCommand,
};
