-- The audit log is evidence: who did what to whose words, and when. Rows are only ever added; the
-- database itself refuses to change or remove one, whoever asks.
create function audit_log_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only: % refused', tg_op using errcode = '42501';
end
$$;

create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_refuse_change();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_refuse_change();

create index audit_log_by_time on audit_log (area_id, at desc, id desc);
