-- Hand-written (no semicolons in comments)
-- A guard usable inside one statement: pipelined writes (ADR 0010) cannot look at a row count
-- before the next statement is already on the wire, so a write that must touch exactly one row
-- raises instead, which aborts the transaction and turns its COMMIT into a ROLLBACK.
CREATE FUNCTION kasian_expect(ok boolean, message text) RETURNS boolean
  LANGUAGE plpgsql AS $fn$
BEGIN
  IF ok IS NOT TRUE THEN
    RAISE EXCEPTION USING ERRCODE = 'KA001', MESSAGE = message;
  END IF;
  RETURN true;
END
$fn$;
