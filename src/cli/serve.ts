import { startService } from '../server.ts';
import { type Command, listOption } from './command.ts';
import { readSettings, settingOptions, settingsTable } from './settings.ts';

export const serveCommand: Command = {
  summary: 'Start the service: SPARQL 1.1 Protocol at /sparql, Graph Store at /store, on the embedded store.',
  get usage() {
    return `imagegraph serve [--data DIR] [--port N] [--load FILE...] [--open-writes] [...]\n\n${settingsTable()}\n\nWrite token: IMAGEGRAPH_WRITE_TOKEN; read token (optional): IMAGEGRAPH_READ_TOKEN.`;
  },
  options: {
    ...settingOptions([
      'data',
      'port',
      'host',
      'openWrites',
      'copies',
      'timeout',
      'maxBody',
      'maxResult',
      'maxInFlight',
      'noValidate',
    ]),
    load: { type: 'string', multiple: true },
  },
  async run(values, _positionals, io) {
    const settings = readSettings(values);
    const writeToken = process.env.IMAGEGRAPH_WRITE_TOKEN || undefined;
    const service = await startService({
      settings,
      writeToken,
      readToken: process.env.IMAGEGRAPH_READ_TOKEN || undefined,
      load: listOption(values, 'load'),
    });
    const writes = writeToken
      ? 'writes need the bearer token in IMAGEGRAPH_WRITE_TOKEN'
      : settings.openWrites
        ? 'WRITES ARE OPEN TO ANYONE (--open-writes): for local development and conformance runs only'
        : 'writes are refused: set IMAGEGRAPH_WRITE_TOKEN (or start with --open-writes for local development)';
    io.err(
      `imagegraph serving ${service.url}/sparql and ${service.url}/store (data in ${settings.data}); ${writes}\n`,
    );
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await service.close();
    return 0;
  },
};
