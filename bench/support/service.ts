import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { paths } from '../../src/paths.ts';

/** `imagegraph serve` in a child process, once it listens. */
export interface ServiceProcess {
  readonly url: string;
  readonly pid: number;
  /** Seconds from spawning the process to its "serving" line. */
  readonly readySeconds: number;
  stop(): Promise<void>;
}

/** Starts `imagegraph serve ARGS…` on a free port of 127.0.0.1 and waits until it serves. */
export async function startServe(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<ServiceProcess> {
  const start = performance.now();
  const child: ChildProcess = spawn(
    process.execPath,
    ['bin/imagegraph.js', 'serve', '--port', '0', '--host', '127.0.0.1', ...args],
    { cwd: paths.root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr!.on('data', (chunk) => {
      stderr += chunk;
      const served = /imagegraph serving (http:\/\/\S+)\/sparql/.exec(stderr);
      if (served) resolve(served[1]!);
    });
    child.once('exit', (code) =>
      reject(new Error(`imagegraph serve exited (${code}) before serving:\n${stderr}`)),
    );
  });
  const readySeconds = (performance.now() - start) / 1000;
  return {
    url,
    pid: child.pid!,
    readySeconds,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
