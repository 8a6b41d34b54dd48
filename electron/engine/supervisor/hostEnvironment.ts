/**
 * The environment the model host runs in, the same for both ways of starting it.
 *
 * One libuv worker thread: node-llama-cpp runs every llama.cpp evaluation as an async work item
 * on libuv's pool, and with the default four workers consecutive evaluations start on different
 * threads. An OpenMP build (the local one) then keeps one thread team per calling thread, and the
 * idle teams spin against the working one; the prebuilt library's thread pool is hurt the same
 * way. On the 2-core build machine, 124M f16, 2 threads: prompt 375 -> 590 tokens/s (local
 * build), generation 48 -> 85 tokens/s (local) and ~22 -> ~60 (prebuilt); llama-bench there reads
 * 562 (batch 64) and generates ~100. The host's few file reads wait at most one evaluation.
 */
export function modelHostEnvironment(inherited: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...inherited, UV_THREADPOOL_SIZE: '1' };
}
