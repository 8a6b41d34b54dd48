import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { InkwellClient } from './client.js';
import type { ConnectionState } from './connectionState.js';

const ClientContext = createContext<InkwellClient | null>(null);

export function ClientProvider({
  client,
  children,
}: {
  client: InkwellClient;
  children: ReactNode;
}): ReactNode {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

export function useClient(): InkwellClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient must be used inside <ClientProvider>.');
  return client;
}

export function useConnectionState(): ConnectionState {
  const { connection } = useClient();
  return useSyncExternalStore(connection.subscribe, connection.get);
}
