// Types of galera-cluster.cjs, for the TypeScript tests and benchmark that load it.

export interface GaleraNode {
  readonly index: number;
  readonly name: string;
  /** the node's MySQL port on 127.0.0.1 */
  readonly port: number;
  readonly socket: string;
  readonly datadir: string;
  readonly errorLog: string;
  /** mysql://root@127.0.0.1:port (no database) */
  readonly url: string;
}

export interface WsrepStatus {
  readonly state: string;
  readonly clusterSize: number;
  readonly ready: boolean;
  readonly primary: boolean;
  readonly stateUuid: string;
  readonly lastCommitted: number;
}

export interface GaleraCluster {
  readonly dir: string;
  readonly nodes: readonly GaleraNode[];
  /** a DATABASE_URL naming `database` on the given nodes in that order (default: node 0 only) */
  databaseUrl(database: string, nodeIndexes?: readonly number[]): string;
  /** SQL as root through the node's socket: rows of strings */
  query(index: number, sql: string): Promise<string[][]>;
  status(index: number): Promise<WsrepStatus | null>;
  isRunning(index: number): boolean;
  /** resolves once every running node is Synced in one primary component */
  waitSynced(timeoutMs?: number): Promise<void>;
  /** kill -9 */
  kill(index: number): Promise<void>;
  /** starts a killed node again; resolves once it rejoined and all are Synced */
  restart(
    index: number,
    timeoutMs?: number,
  ): Promise<{ seconds: number; transfer: 'IST' | 'SST' | null }>;
  /** stops every node cleanly and removes the folder (unless it was given) */
  stop(): Promise<void>;
}

export interface GaleraClusterOptions {
  /** nodes (default 3) */
  readonly size?: number;
  /** where the nodes keep their data and logs (default: a new temporary folder, removed on stop) */
  readonly dir?: string;
  readonly keepDir?: boolean;
  readonly log?: (line: string) => void;
}

export function startGaleraCluster(options?: GaleraClusterOptions): Promise<GaleraCluster>;
export function galeraAvailability(): { available: boolean; missing: string[] };
