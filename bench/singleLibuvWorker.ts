/**
 * Imported first by benchmarks that run node-llama-cpp in their own process: the same single
 * libuv worker the model host runs with (engine/supervisor/hostEnvironment.ts), so that an
 * in-process baseline is not slowed by what the host avoids. libuv sizes its pool at first use,
 * which the module loader has made before any benchmark code runs, so the benchmark starts
 * itself again with the variable set.
 */
import { spawnSync } from 'node:child_process';

if (process.env.UV_THREADPOOL_SIZE !== '1') {
  const again = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    env: { ...process.env, UV_THREADPOOL_SIZE: '1' },
    stdio: 'inherit',
  });
  process.exit(again.status ?? 1);
}
