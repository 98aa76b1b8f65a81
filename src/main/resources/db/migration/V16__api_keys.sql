-- API keys: credentials with a scope (READ, GATEWAY, ADMIN) that an admin issues and revokes. Only the
-- SHA-256 of a key is kept, unique, by which a presented key is found. A revoked key keeps its row,
-- with when it was revoked by the database's clock: every instance asks for the revocations of the
-- last minute, once a second, and forgets the keys it cached (as with token_rotations).
create table api_keys (
    id          uuid          primary key,
    name        varchar(100)  not null,
    scope       varchar(8)    not null check (scope in ('READ', 'GATEWAY', 'ADMIN')),
    key_hash    varchar(64)   not null unique,
    created_at  timestamptz   not null,
    expires_at  timestamptz,
    revoked_at  timestamptz
);

-- Keyset pages in creation order, which never changes.
create index api_keys_by_creation on api_keys (created_at, id);

-- The poll of recent revocations reads only revoked keys.
create index api_keys_revoked_at on api_keys (revoked_at) where revoked_at is not null;
