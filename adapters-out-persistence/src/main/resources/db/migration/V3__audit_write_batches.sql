-- Keys of audit batches already stored. The audit writer retries a batch when the store reports
-- a failure; if the earlier attempt had committed (the connection dropped after the commit), the
-- key is found and the batch is not stored twice. Keys are swept after a day.
create table audit_write_batch (
    batch_key  varchar(36) not null primary key,
    written_at timestamp with time zone not null
);
