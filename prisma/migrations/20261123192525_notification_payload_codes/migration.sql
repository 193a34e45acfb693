-- Written by hand: data only. Notification payloads carried English words ("approved", "rejected (<reason>)",
-- "pre-financing", "interim report", "not selected"), which then showed inside translated notifications.
-- They carry codes now (CodedNotificationPayloads in packages/domain/src/notifications.ts) and the reader's
-- catalogue words them; this rewrites the stored ones the same way, the reason kept exactly as written.
UPDATE "Notification" SET "payload" = "payload" || '{"decision": "APPROVED"}'::jsonb
WHERE "kind" IN ('grant.budget_decided', 'grant.expense_decided') AND "payload"->>'decision' = 'approved';

UPDATE "Notification"
SET "payload" = "payload" || jsonb_build_object('decision', 'REJECTED', 'reason', substring("payload"->>'decision' FROM '^rejected \((.*)\)$'))
WHERE "kind" IN ('grant.budget_decided', 'grant.expense_decided') AND "payload"->>'decision' ~ '^rejected \(.*\)$';

UPDATE "Notification"
SET "payload" = "payload" || jsonb_build_object('tranche', CASE "payload"->>'tranche' WHEN 'pre-financing' THEN 'PRE_FINANCING' WHEN 'interim' THEN 'INTERIM' ELSE 'FINAL_BALANCE' END)
WHERE "kind" = 'grant.tranche_paid' AND "payload"->>'tranche' IN ('pre-financing', 'interim', 'final balance');

UPDATE "Notification"
SET "payload" = "payload" || jsonb_build_object('report', CASE "payload"->>'report' WHEN 'interim report' THEN 'INTERIM_REPORT' ELSE 'FINAL_REPORT' END)
WHERE "kind" = 'grant.report_due' AND "payload"->>'report' IN ('interim report', 'final report');

UPDATE "Notification"
SET "payload" = "payload" || jsonb_build_object('result', CASE "payload"->>'result' WHEN 'selected' THEN 'SELECTED' ELSE 'NOT_SELECTED' END)
WHERE "kind" = 'call.results_published' AND "payload"->>'result' IN ('selected', 'not selected');
