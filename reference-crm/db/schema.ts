// The tables as Kysely sees them: one description for both engines (booleans are 0/1 integers in both).
export interface Schema {
  departments: { id: string; name: string; parent_id: string | null; position: number };
  roles: { id: string; name: string; admin: number; position: number };
  users: {
    id: string; name: string; email: string; department_id: string; role_id: string; manager_id: string | null;
    token: string; position: number;
  };
  permission_groups: { id: string; name: string; can_edit: number; position: number };
  permission_group_roles: { group_id: string; role_id: string; position: number };
  permission_group_customers: { group_id: string; customer_id: string; position: number };
  pools: { id: string; name: string; position: number; members_listed: number };
  pool_admins: { pool_id: string; user_id: string; position: number };
  pool_departments: { pool_id: string; department_id: string; position: number };
  customers: {
    id: string; code: string; name: string; email: string; phone: string; phone_key: string; source: string;
    business_field: string; ae_id: string | null; csr_id: string | null; pool_id: string | null; version: number;
    created_at: string; updated_at: string; deleted_at: string | null; change_seq: number;
    /** Lower-cased name, code, email and phone, for search; name_key/code_key: sort keys (sort-key.ts). */
    search_text: string; name_key: string; code_key: string;
  };
  shares: { customer_id: string; kind: 'department' | 'role' | 'user'; target_id: string; position: number };
  tags: { name: string; created_at: string };
  customer_tags: { customer_id: string; tag: string; position: number };
  follows: { user_id: string; customer_id: string; created_at: string };
  logs: { seq: number; customer_id: string; type: string; at: string; actor_id: string | null; details: string; changes: string };
  idempotency: {
    user_id: string; key: string; body_hash: string; status: number; body: string; headers: string; created_at: string;
  };
  sessions: { id: string; user_id: string; created_at: string };
  counters: { name: string; value: number };
  customer_history: { customer_id: string; change_seq: number; data: string };
  schema_version: { version: number; applied_at: string };
  /** PostgreSQL only: the rate limits' token buckets, shared by every server process. */
  rate_buckets: { key: string; tokens: number; at: number; taken: boolean };
}
