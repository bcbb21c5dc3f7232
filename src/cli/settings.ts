import { InputError } from '../errors.ts';
import type { OptionSpec, OptionValues } from './command.ts';

/** One setting of the service: its flag, its environment variable, its default and how to read it. */
export interface Setting<T> {
  readonly flag: string;
  readonly env: string | undefined;
  readonly description: string;
  readonly fallback: T;
  /** The default as a person types it, when it differs from the stored value (e.g. seconds, not ms). */
  readonly shown?: string;
  read(text: string): T;
}

const positive =
  (unit: string, scale = 1) =>
  (text: string): number => {
    const value = Number(text);
    if (!/^\d+(\.\d+)?$/.test(text) || value <= 0) {
      throw new InputError(`expected a positive number of ${unit}, not '${text}'`);
    }
    return value * scale;
  };

const boolean = (text: string): boolean => {
  if (/^(1|true|yes)$/i.test(text)) return true;
  if (/^(0|false|no)$/i.test(text)) return false;
  throw new InputError(`expected true or false, not '${text}'`);
};

/** Every setting of `imagegraph serve` (and of load, query, dump, backup, restore where they apply). */
export const settings = {
  data: {
    flag: 'data',
    env: 'IMAGEGRAPH_DATA',
    description: 'Data directory: snapshot and journal',
    fallback: '.imagegraph/data',
    read: (t: string) => t,
  },
  port: {
    flag: 'port',
    env: 'IMAGEGRAPH_PORT',
    description: 'TCP port (0: any free port)',
    fallback: 7878,
    read: Number,
  },
  host: {
    flag: 'host',
    env: 'IMAGEGRAPH_HOST',
    description: 'Address to listen on',
    fallback: '127.0.0.1',
    read: (t: string) => t,
  },
  openWrites: {
    flag: 'open-writes',
    env: 'IMAGEGRAPH_OPEN_WRITES',
    description: 'Accept writes without a token (local development, conformance runs)',
    fallback: false,
    read: boolean,
  },
  copies: {
    flag: 'copies',
    env: 'IMAGEGRAPH_COPIES',
    description: 'Copies of the dataset, each in a worker thread; any copy answers queries and takes writes',
    fallback: 2,
    read: positive('copies'),
  },
  timeout: {
    flag: 'timeout',
    env: 'IMAGEGRAPH_TIMEOUT',
    description: 'Time limit of a query or update, in seconds',
    fallback: 30_000,
    shown: '30',
    read: positive('seconds', 1000),
  },
  maxBody: {
    flag: 'max-body',
    env: 'IMAGEGRAPH_MAX_BODY',
    description: 'Largest request body, in MiB',
    fallback: 16 * 1024 * 1024,
    shown: '16',
    read: positive('MiB', 1024 * 1024),
  },
  maxResult: {
    flag: 'max-result',
    env: 'IMAGEGRAPH_MAX_RESULT',
    description: 'Largest query result, in MiB',
    fallback: 64 * 1024 * 1024,
    shown: '64',
    read: positive('MiB', 1024 * 1024),
  },
  maxInFlight: {
    flag: 'max-in-flight',
    env: 'IMAGEGRAPH_MAX_IN_FLIGHT',
    description: 'Requests handled at once; more get 503',
    fallback: 64,
    read: positive('requests'),
  },
  noValidate: {
    flag: 'no-validate',
    env: 'IMAGEGRAPH_NO_VALIDATE',
    description: 'Accept writes without validating them against shapes/ (not recommended)',
    fallback: false,
    read: boolean,
  },
} satisfies Record<string, Setting<unknown>>;

export type SettingName = keyof typeof settings;
export type Settings = { [K in SettingName]: (typeof settings)[K]['fallback'] };

/** parseArgs options for the named settings (booleans are flags; others take a value). */
export function settingOptions(names: readonly SettingName[]): OptionSpec {
  return Object.fromEntries(
    names.map((n) => [
      settings[n].flag,
      { type: typeof settings[n].fallback === 'boolean' ? 'boolean' : 'string' },
    ]),
  ) as OptionSpec;
}

/** The settings' values: flag, else environment variable, else default; a bad value names its source. */
export function readSettings(values: OptionValues, env: NodeJS.ProcessEnv = process.env): Settings {
  const out: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(settings) as [SettingName, Setting<unknown>][]) {
    const flag = values[s.flag];
    const [text, source] =
      flag !== undefined
        ? [String(flag), `--${s.flag}`]
        : s.env && env[s.env] !== undefined
          ? [env[s.env]!, s.env]
          : [];
    try {
      out[name] = text === undefined ? s.fallback : s.read(text);
    } catch (error) {
      throw new InputError((error as Error).message, { where: source, fix: `${s.description}.` });
    }
  }
  return out as Settings;
}

/** The settings as a Markdown table, for the README and `imagegraph serve --help`. */
export const settingsTable = (): string =>
  [
    '| flag | environment | default | meaning |',
    '| --- | --- | --- | --- |',
    ...Object.values(settings).map(
      (s: Setting<unknown>) =>
        `| \`--${s.flag}\` | \`${s.env}\` | \`${s.shown ?? String(s.fallback)}\` | ${s.description} |`,
    ),
  ].join('\n');
