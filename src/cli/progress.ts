import type { BulkProgress } from '../store/bulk-load.ts';
import { type Io, processIo } from './command.ts';

const WIDTH = 30;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

const phases: Record<BulkProgress['phase'], string> = {
  load: 'loading',
  snapshot: 'writing the snapshot',
  validate: 'validating',
};

/** What `imagegraph load` shows while it works. */
export interface Progress {
  update(progress: BulkProgress): void;
  /** Clears the bar, before the command prints its last line. */
  done(): void;
}

/**
 * On a terminal, a bar on standard error redrawn in place (between slices of the input, and every half
 * second while the thread waits); otherwise (pipes, files, tests) one plain line when the load starts.
 */
export function progressBar(io: Io, started: number, what: string): Progress {
  if (io !== processIo || !process.stderr.isTTY) {
    let told = false;
    return {
      update({ bytesTotal }) {
        if (!told) io.err(`imagegraph load: loading ${what} (${mb(bytesTotal)})\n`);
        told = true;
      },
      done: () => undefined,
    };
  }
  let shown = '';
  let last: BulkProgress | undefined;
  const draw = () => {
    if (!last) return;
    const { phase, bytesLoaded, bytesTotal } = last;
    const share = bytesTotal === 0 ? 1 : bytesLoaded / bytesTotal;
    const filled = Math.round(share * WIDTH);
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    const line =
      `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(Math.round(share * 100)).padStart(3)}%  ` +
      `${mb(bytesLoaded)} of ${mb(bytesTotal)}  ${phases[phase]}…  ${seconds} s`;
    process.stderr.write(`\r${line.padEnd(shown.length)}`);
    shown = line;
  };
  const timer = setInterval(draw, 500);
  timer.unref();
  return {
    update(progress) {
      last = progress;
      draw();
    },
    done() {
      clearInterval(timer);
      if (shown) process.stderr.write(`\r${' '.repeat(shown.length)}\r`);
      shown = '';
    },
  };
}
