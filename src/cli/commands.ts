import type { Command } from './command.ts';

/** The subcommands of `imagegraph`, loaded on demand so that each starts quickly. */
export const commands: Record<string, () => Promise<Command>> = {
  validate: async () => (await import('./validate.ts')).validateCommand,
  convert: async () => (await import('./convert.ts')).convertCommand,
  generate: async () => (await import('./generate.ts')).generateCommand,
  serve: async () => (await import('./serve.ts')).serveCommand,
};
