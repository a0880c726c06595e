-- A write sent as one batch after its reads (db/batch.ts) starts by checking that what it read is
-- still so: this raises when it is not, and PostgreSQL then rolls the whole batch back (one
-- implicit transaction). SQLSTATE RM001 tells the app to fall back to its transaction.
CREATE FUNCTION ringmeet_expect(ok boolean, what text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ok IS NOT TRUE THEN
    RAISE EXCEPTION 'changed since it was read: %', what USING ERRCODE = 'RM001';
  END IF;
END
$$;
