-- Local accounts of the embedded mode. The server's Elytron JDBC realm queries these two tables
-- (configure-server.cli), so renaming a column here means changing that query too.
CREATE TABLE local_account (
    id            uuid PRIMARY KEY,
    username      varchar(100) NOT NULL,
    password_hash varchar(200) NOT NULL,
    enabled       boolean      NOT NULL,
    created_at    timestamp with time zone NOT NULL,
    version       bigint       NOT NULL,
    CONSTRAINT uk_local_account_username UNIQUE (username)
);

CREATE TABLE local_account_role (
    account_id uuid        NOT NULL REFERENCES local_account (id) ON DELETE CASCADE,
    role_name  varchar(50) NOT NULL,
    PRIMARY KEY (account_id, role_name)
);
