-- Outbound webhooks: subscriptions, the transactional outbox of messages, and each delivery attempt.
create table webhook_subscription (
  id           uuid           not null primary key,
  url          varchar(2000)  not null,
  description  varchar(500),
  secret       varchar(100)   not null,
  event_types  varchar(500)   not null,
  enabled      boolean        not null,
  created_by   varchar(200)   not null,
  created_at   timestamp with time zone not null,
  updated_at   timestamp with time zone not null,
  version      bigint         not null
);

create table webhook_message (
  id               uuid           not null primary key,
  subscription_id  uuid           not null,
  event_type       varchar(40)    not null,
  payload          varchar(1000000) not null,
  status           varchar(16)    not null,
  attempts         integer        not null,
  next_attempt_at  timestamp with time zone not null,
  claimed_until    timestamp with time zone,
  last_status      integer,
  last_error       varchar(500),
  created_at       timestamp with time zone not null,
  delivered_at     timestamp with time zone,
  version          bigint         not null,
  constraint fk_webhook_message_subscription foreign key (subscription_id)
    references webhook_subscription (id) on delete cascade
);
-- The dispatcher's query: due messages in order.
create index ix_webhook_message_due on webhook_message (status, next_attempt_at);
create index ix_webhook_message_subscription on webhook_message (subscription_id, created_at, id);

create table webhook_attempt (
  id           uuid          not null primary key,
  message_id   uuid          not null,
  attempt_no   integer       not null,
  attempted_at timestamp with time zone not null,
  duration_ms  bigint        not null,
  status_code  integer,
  error        varchar(500),
  constraint uk_webhook_attempt unique (message_id, attempt_no),
  constraint fk_webhook_attempt_message foreign key (message_id)
    references webhook_message (id) on delete cascade
);
