-- Memories that named their account in metadata.accountId (the only account link before 0024,
-- read by context retrieval) get it in the account_id column, but only when that account exists
-- in the memory's own workspace: a foreign or deleted id stays in metadata and scopes nothing.
-- metadata is left as written (it is the caller's data). Custom because drizzle-kit writes no data.
UPDATE `memories` SET `account_id` = json_extract(`metadata`, '$.accountId')
WHERE `account_id` IS NULL
  AND json_type(`metadata`, '$.accountId') = 'text'
  AND EXISTS (
    SELECT 1 FROM `accounts`
    WHERE `accounts`.`id` = json_extract(`memories`.`metadata`, '$.accountId')
      AND `accounts`.`workspace_id` = `memories`.`workspace_id`
  );
