#!/usr/bin/env bash
# Benchmark: submit answers to a 20-question survey at concurrency 50 (responses/s, p50, p99), then
# the results endpoint's latency over 100,000 submitted answers. Starts its own server (dev tokens,
# throwaway embedded PostgreSQL; tagging and push workers off, so the figures are the survey path's).
# First, while the server is idle, pgbench runs a submission's own transaction (the statements the
# server runs for one answer set) on the same PostgreSQL at the same client count, as prepared
# statements, and the submit figure is printed as a ratio of it. Needs pgbench.
#
#   infra/bench/survey-bench.sh [clients=50] [seconds=20] [answers=100000]
#
# Never run in CI: figures, not tests.
set -euo pipefail
cd "$(dirname "$0")/../.."
CLIENTS=${1:-50}
SECONDS_PER_PHASE=${2:-20}
ANSWERS=${3:-100000}
PORT=${BENCH_PORT:-18081}
PGPORT=${BENCH_PG_PORT:-54340}

. infra/bench/server.sh
command -v pgbench >/dev/null || { echo "pgbench not found: apt-get install postgresql-client" >&2; exit 1; }
start_server "$PORT" "$PGPORT" -Dyousaid.tagging.workers=0 -Dyousaid.notify.senders=0

# A published survey for pgbench's answers (the load client makes its own).
AUTH=(-H "Authorization: Bearer dev:demo-commissioner" -H 'Content-Type: application/json')
PGSURVEY=$(curl -sf "${AUTH[@]}" -d '{"templateId":"equipment"}' "http://127.0.0.1:$PORT/v1/areas/demo/surveys" \
  | sed -n 's/.*"id":"\([0-9a-f-]\{36\}\)".*/\1/p' | head -1)
curl -sf -o /dev/null -H "Authorization: Bearer dev:demo-commissioner" -X POST "http://127.0.0.1:$PORT/v1/areas/demo/surveys/$PGSURVEY/publish"
# One submission as the server runs it (AnswerService.save with its listeners): the caller's
# standing, the survey and its version, the answer set, the respondent's invitation, and (it has
# words) moderation's item and tagging's job, due tomorrow so no worker would take it.
TX=$(mktemp)
echo "$STANDING_SQL" >"$TX"
cat >>"$TX" <<'SQL'
select * from surveys where area_id = 'demo' and id = :survey;
select * from survey_versions where area_id = 'demo' and survey_id = :survey and version = 1;
insert into survey_answers (area_id, id, survey_id, version, respondent_uid, respondent_role, status, answers, request_hash,
                            started_at, updated_at, submitted_at, quote_consent)
  values ('demo', gen_random_uuid(), :survey, 1, 'bench-family-' || :n, 'family', 'submitted',
          '{"who":"parent_carer","s1":3,"s2":4,"s3":2,"s4":5,"s5":1,"s6":3,"s7":4,"s8":2,"s9":5,"s10":1,"s11":3,"s12":4,"weeks":12,"setting":"home","services":["salt","ot"],"requested":"2026-03-15","item":{"category":"wheelchairs","identified":"2026-01-05","received":"2026-04-10"},"why":"We waited too long for the wheelchair."}',
          'pgbench', now(), now(), now(), false)
  on conflict (area_id, id) do nothing
  returning id as answer_id \gset
update invitations set state = 'answered', answered_at = now()
  where area_id = 'demo' and survey_id = :survey and invitee_uid = 'bench-family-' || :n and state in ('sent', 'opened');
insert into moderation_items (area_id, content_type, content_id, author_role, state, submitted_at)
  values ('demo', 'survey_answer', :answer_id, 'family', 'pending_review', now())
  on conflict (area_id, content_type, content_id) do nothing;
insert into tagging_jobs (area_id, id, content_type, content_id, reason, state, attempts, run_after, created_at)
  values ('demo', gen_random_uuid(), 'survey_answer', :answer_id, 'submitted', 'queued', 0, now() + interval '1 day', now())
  on conflict (area_id, content_type, content_id) where state in ('queued', 'running') do nothing;
commit;
SQL
join_bench_families "$PORT" "$CLIENTS"
TX_TPS=$(pgbench_tps "$PGPORT" "$CLIENTS" "$SECONDS_PER_PHASE" "$TX" -D survey="$PGSURVEY")
rm -f "$TX"
# pgbench's answers leave the area's figures as they were for the load client's survey.
psql -q -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -c \
  "delete from tagging_jobs where content_type = 'survey_answer'; delete from moderation_items where content_type = 'survey_answer'; delete from survey_answers where request_hash = 'pgbench'"

OURS=$("$JAVA_HOME/bin/java" -cp "$CP" org.yousaid.bench.SurveyBench "http://127.0.0.1:$PORT" \
  "jdbc:postgresql://127.0.0.1:$PGPORT/postgres" "$CLIENTS" "$SECONDS_PER_PHASE" "$ANSWERS")
echo "$OURS"
RPS=$(echo "$OURS" | sed -n 's/.*responses\/s=\([0-9.]*\).*/\1/p' | head -1)
echo "pgbench a submission's transaction clients=$CLIENTS tps=$TX_TPS"
awk -v r="$RPS" -v t="$TX_TPS" 'BEGIN { printf "ratio submit answers / pgbench transaction = %.2f (goal >= 1.0)\n", r / t }'
