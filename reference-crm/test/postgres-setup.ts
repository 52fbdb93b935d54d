// vitest globalSetup of the server-postgres project: one throwaway cluster for the run; each test database is made
// in it (support.ts tempDbPath). The workers find it in CRM_TEST_POSTGRES.
import { startCluster, type Cluster } from './postgres-cluster';

let cluster: Cluster | null = null;

export async function setup(): Promise<void> {
  cluster = await startCluster();
  process.env.CRM_TEST_POSTGRES = cluster.base;
}

export function teardown(): void {
  cluster?.stop();
}
