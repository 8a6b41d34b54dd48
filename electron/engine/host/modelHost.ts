/**
 * The model host: a process of its own, started and supervised by main (engineClient.ts), that
 * runs node-llama-cpp. llama.cpp aborts the whole process on some malformed models and GPU
 * faults; here that costs a restart of this process, never the writer's text or the app.
 */
import { connectToParent } from './hostPort.js';
import { HostEngine } from './hostEngine.js';
import { checkModelFile } from '../../gguf/modelFileCheck.js';
import { isHostRequestType, type HostRequest } from '../protocol.js';

const port = connectToParent();
const engine = new HostEngine((message) => port.send(message), checkModelFile);

async function exitGracefully(): Promise<void> {
  await engine.dispose();
  process.exit(0);
}

function isHostRequest(message: unknown): message is HostRequest {
  // Main is trusted, but a request of an unknown type must not reach the switch unnoticed.
  return isHostRequestType((message as { type?: unknown } | null)?.type);
}

port.onMessage((message) => {
  if (!isHostRequest(message)) return;
  if (message.type === 'exit') void exitGracefully();
  else engine.handle(message);
});
port.onParentGone(() => void exitGracefully());
port.send({ type: 'ready', pid: process.pid });
