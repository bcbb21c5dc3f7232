import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadApiModel } from './api/model.ts';
import type { Settings } from './cli/settings.ts';
import { createApp } from './http/app.ts';
import { findImporter } from './importers/index.ts';
import { PooledStore } from './store/pool/pooled-store.ts';
import { defaultGraphName, type Store } from './store/store.ts';

export interface Service {
  readonly url: string;
  readonly store: Store;
  close(): Promise<void>;
}

export interface ServiceOptions {
  readonly settings: Settings;
  readonly writeToken?: string | undefined;
  readonly readToken?: string | undefined;
  /** Catalogue files loaded into the default graph at start (any format `convert` reads). */
  readonly load?: readonly string[];
  readonly log?: (line: string) => void;
}

/** Opens the data directory, loads the given files, and serves HTTP until closed. */
export async function startService(options: ServiceOptions): Promise<Service> {
  const { settings } = options;
  const store = await PooledStore.open({
    dataDir: settings.data,
    copies: settings.copies,
    validate: !settings.noValidate,
  });
  try {
    for (const file of options.load ?? []) {
      await store.load(await findImporter(undefined, file).read(file), defaultGraphName);
    }
  } catch (error) {
    await store.close();
    throw error;
  }
  const app = createApp(
    store,
    {
      writeToken: options.writeToken,
      readToken: options.readToken,
      openWrites: settings.openWrites,
      maxBodyBytes: settings.maxBody,
      maxInFlight: settings.maxInFlight,
      timeoutMs: settings.timeout,
      maxResultBytes: settings.maxResult,
      ...(options.log ? { log: options.log } : {}),
    },
    await loadApiModel(),
  );
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(settings.port, settings.host, () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  return {
    url: `http://${host}:${port}`,
    store,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}
